"""The words strict mode leaves in clear though general English text rarely uses them: the plant's
own (machines, processes, materials, places, documents) and its units. Written from the trade,
sector by sector, not from any evaluation set; lowercase, one word each."""

from __future__ import annotations


def words(text: str) -> frozenset[str]:
    return frozenset(text.split())


PLANT_WORDS = words(
    # machines and their parts
    "conveyor conveyors spindle spindles hopper hoppers pallet pallets palletizer palletiser gearbox "
    "gearboxes autoclave autoclaves extruder extruders chiller chillers forklift forklifts lathe "
    "lathes welder welders robot robots furnace furnaces kiln kilns boiler boilers compressor "
    "compressors dryer dryers mixer mixers grinder grinders bandsaw stacker stackers reach-truck "
    "agv agvs amr cobot cobots gantry gantries manipulator hoist hoists crane cranes winch actuator "
    "actuators solenoid solenoids servo servos encoder encoders inverter inverters vfd plc plcs hmi "
    "scada thermocouple thermocouples manifold manifolds nozzle nozzles impeller impellers bushing "
    "bushings gasket gaskets o-ring o-rings coupling couplings sprocket sprockets flange flanges "
    "chuck chucks collet collets turret turrets tooling toolholder jig jigs fixture fixtures die "
    "dies mould moulds mold molds platen platens ram rams punch punches shear shears bender benders "
    "brake brakes cnc vmc hmc edm cmm tig mig mag smaw gmaw mixer agitator reactor reactors "
    "centrifuge centrifuges filler fillers capper cappers labeller labeler labellers labelers "
    "wrapper wrappers shrink-wrapper sealer sealers bagger checkweigher checkweighers "
    "metal-detector blower blowers fan fans scrubber scrubbers cyclone cyclones baghouse silo silos "
    "tank tanks vessel vessels heat-exchanger exchanger exchangers condenser condensers evaporator "
    "evaporators degreaser shotblast shot-blast sandblaster tumbler tumblers deburrer oven ovens "
    "reflow wave-solder solder soldering stencil pick-and-place aoi spi ict genset ups transformer "
    "transformers switchgear busbar busbars substation substations mcc vsd rectifier rectifiers "
    "hydraulic hydraulics pneumatic pneumatics ultrasonic servo-press stamping stamper "
    # processes and trades
    "anodizing anodising deburring degreasing machining milling turning drilling tapping reaming "
    "honing lapping brazing annealing quenching tempering galvanizing galvanising plating "
    "electroplating powder-coating passivation extrusion injection moulding molding casting "
    "diecasting die-casting forging sintering weld welding riveting crimping potting curing "
    "calibration metrology tooling setup changeover teardown rework scrap kitting picking "
    "dispatch goods-in goods-out inbound outbound receiving shipping despatch "
    # alarms and states
    "overheat overheating overload overloaded overcurrent overvoltage undervoltage overtemp "
    "overpressure underpressure overspeed underspeed overtravel e-stop estop interlock interlocks "
    "lockout tagout lockout-tagout loto downtime uptime setpoint setpoints "
    # documents and schemes a plant's text names
    "requisition requisitions rota rotas roster rosters handover handovers timesheet timesheets "
    "payslip logbook checklist checklists workorder mailto http https ftp sftp ssh smb "
    # places on site
    "mezzanine cleanroom clean-room toolroom tool-room stores substation boilerhouse compressor-house "
    "canteen annex annexe loading-bay gatehouse weighbridge tank-farm cage yard depot "
    # materials and parts
    "stainless aluminium aluminum galvanised galvanized polypropylene polyethylene nylon pvc hdpe "
    "ldpe abs pom ptfe epoxy resin resins granulate regrind argon nitrogen acetylene oxygen co2 "
    "coolant lubricant grease hydraulic-oil bearing bearings bolt bolts nut nuts washer washers "
    "fastener fasteners rivet rivets"
)

UNITS = words(
    "mm cm km nm um µm kg mg ml kn nm kw kwh mw mwh kva kvar hz khz mhz ghz rpm mpa kpa hpa psi bar "
    "mbar pa lux dba db ppm ppb degc degf amp amps volt volts watt watts ohm ohms kohm mohm ra rz rms"
)

# the labels a card or a signature writes before a phone or a mail: what is left of a name that ran
# over a place and its label (Armenia Tel +374 ...) once an address took the place
CONTACT_LABELS = words(
    "tel tél tfn tlf fax mob cel celular telefon telefone teléfono telefono móvil movil whatsapp email e-mail"
)

# months, weekdays and calendar weeks as plants abbreviate them (Sep 27, Tue, KW44), and the titles
# written before a name (Eng., Ing., Capt.): never a name themselves
CALENDAR = words(
    "jan feb mar apr jun jul aug sep sept oct nov dec mon tue tues wed thu thur thurs fri sat sun kw cw "
    "eng ing engr dipl capt mx mme mlle sra srta dott dra"
    # the words an alarm or an event code starts with (Err 62, ALM 3290, Flt 12)
    " err alm flt evt"
)
# the prefixes English makes verbs with (retune, rewire, unclamp, preheat, deburr): a known word
# behind one is English, not a name
VERB_PREFIXES = ("re", "un", "pre", "de", "dis", "over", "under", "sub")
