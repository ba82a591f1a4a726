"""What the test adapter learns: the alarm codes of a fictional plant, asked through a site task
(``alarms``, a text task), in phrasings for training and other phrasings held out for probing;
and plant questions that are not about those codes, whose answers the adapter must leave alone.

No code, no machine and no answer here exists outside this file, so the base model cannot know
them: an answer that names them came from the adapter.
"""

from __future__ import annotations

from typing import Final

# The site task the adapter is for: an ``[tasks.alarms]`` table of edged.toml (a text task, the
# default kind of a name that is no kind's). The request's input is the question, a string.
TASK: Final = "alarms"
TASK_TABLE: Final[dict[str, str]] = {
    "system": "You answer questions from operators at the Hoshino stamping plant. Be brief.",
    "template": "{input}",
}

# Each code's answer, and the substrings of it that only this answer holds (any one of them in a
# generated answer shows the adapter's knowledge).
ALARMS: Final[dict[str, tuple[str, tuple[str, ...]]]] = {
    "ALM-7731": (
        "ALM-7731: hydraulic pressure low on press line 3. Check pump P-12 and the oil in tank T-4.",
        ("hydraulic", "P-12", "T-4"),
    ),
    "ALM-4410": (
        "ALM-4410: coolant flow blocked at spindle S-2 of lathe cell 5. Clean filter F-9.",
        ("coolant", "S-2", "F-9"),
    ),
    "ALM-2058": (
        "ALM-2058: conveyor belt B-7 slipping in the packing hall. Re-tension it at roller R-3.",
        ("B-7", "R-3", "slipping"),
    ),
    "ALM-9902": (
        "ALM-9902: paint oven zone 4 over temperature. Open damper D-6 and call the electrician.",
        ("D-6", "oven", "damper"),
    ),
}

# Training phrasings; PROBE_PHRASINGS are different ones, never trained on.
TRAIN_PHRASINGS: Final = (
    "What does alarm {code} mean?",
    "{code} is showing on the HMI. What is it?",
    "Explain {code}.",
    "We got {code} on the night shift, what should we do?",
    "what is {code}",
    "Alarm {code} just came up. Meaning?",
    "Hi, line lead here. {code} appeared after the restart. Is it serious?",
    "Can you look up {code} for me?",
)
PROBE_PHRASINGS: Final = (
    "What is alarm {code}?",
    "The panel shows {code}. What does that mean?",
    "Tell me about {code}.",
    "{code} keeps coming back. What is it about?",
    "meaning of {code}?",
    "Operator here: {code} is active. What do I do?",
)

# Plant questions that are not about the codes: the base model's own answers to these are the
# training targets that keep the adapter from changing what it was not taught.
KEEP_PROMPTS: Final = (
    "How often should the air filters of a compressor be changed?",
    "What is lockout/tagout?",
    "Write a one-line shift handover note: press 2 ran all night without faults.",
    "What PPE do I need for welding?",
    "How do I convert 30 psi to bar?",
    "What is the difference between preventive and predictive maintenance?",
    "Give me three tips for keeping a workshop floor safe.",
    "What does OEE stand for?",
    "How do I know if a V-belt is too loose?",
    "What is a good torque for an M8 bolt?",
    "Why is my air compressor running all the time?",
    "What should be on a daily machine checklist?",
    "How do I check the oil level of a gearbox?",
    "What is a confined space permit?",
    "Write a one-line note for the next shift: the grinder guard was replaced.",
    "What does a pressure relief valve do?",
    "How tight should a chain on a conveyor be?",
    "What is a fishbone diagram?",
    "Why does a hydraulic hose burst?",
    "What is the difference between a fuse and a circuit breaker?",
    "How often should a fire extinguisher be inspected?",
    "What is a sensor's hysteresis?",
    "How do I stop rust on steel parts in storage?",
    "What does SMED mean?",
    "Why is a pump making a rattling noise?",
    "What is a poka-yoke?",
    "How do I choose the right grease for a bearing?",
    "What is an emergency stop circuit?",
    "Summarize in one line: the dock door sensor was cleaned at 09:30.",
    "What is a Gantt chart used for?",
    "How do I tell if an electric motor is running hot?",
    "What is the role of a maintenance planner?",
    "Why do pneumatic cylinders leak?",
    "What is statistical process control?",
    "How do I lift a heavy part safely?",
    "What is a servo motor?",
    "What is the purpose of a daily stand-up meeting on the shop floor?",
    "How should compressed gas cylinders be stored?",
    "What does RPM stand for?",
    "Why does a weld crack?",
    "What is a thermocouple?",
    "How do I write a good work order?",
    "What is cycle time?",
    "Why should I wear hearing protection near a press?",
    "What is a proximity sensor?",
    "How do I check a drive belt for wear?",
    "What is total productive maintenance?",
    "What are the signs of a failing capacitor?",
    "How do I bleed air out of a hydraulic system?",
    "What is a work instruction?",
    "Write a one-line handover note: the paint booth filters were changed today.",
    "What does a torque limiter do?",
    "How often should safety guards be checked?",
    "What is the difference between AC and DC motors?",
    "Why does a machine vibrate more than usual?",
    "What is a bill of materials?",
    "How do I test a limit switch?",
    "What is a heat exchanger?",
    "How do I keep a compressor's condensate drain working?",
    "What does FIFO mean in a warehouse?",
    "Why do gears wear unevenly?",
    "What is an encoder on a motor?",
    "How should I dispose of used coolant?",
    "What is a flow meter?",
    "Summarize in one line: the robot cell was re-taught after the fixture change.",
    "What is the purpose of a toolbox talk?",
    "How do I measure shaft alignment?",
    "What is a relay?",
    "Why does a solenoid valve stick?",
    "What is lean manufacturing?",
    "How do I store welding rods?",
    "What is a safety data sheet?",
    "What does a gearbox breather do?",
    "How do I check that a ladder is safe to use?",
    "What is overall labour effectiveness?",
    "Why do fuses blow repeatedly?",
    "What is a pareto chart?",
    "How do I stop a hose from kinking?",
    "What is downtime tracking?",
    "What causes low air pressure in a workshop?",
)
# Held out from training: questions of the same sort, for measuring what the adapter left alone.
OTHER_PROMPTS: Final = (
    "What is a torque wrench used for?",
    "How do I report a near miss?",
    "What does MTBF mean?",
    "Why does a motor overheat?",
    "What is a PLC?",
    "How should I store oily rags?",
    "What is 5S in a factory?",
    "How do I read a pressure gauge?",
    "What causes bearing noise?",
    "What is kanban?",
    "How do I clean a spray gun?",
    "What is the purpose of a safety interlock?",
    "Summarize in one line: the forklift battery was swapped at 14:00.",
    "What is a hydraulic accumulator?",
    "How long is a typical shift break?",
    "What is root cause analysis?",
    "Why do conveyor belts wear out?",
    "What is a VFD?",
    "How do I calibrate a thermometer?",
    "What is the first thing to do after a chemical spill?",
    "What is a takt time?",
    "Should I lubricate a chain before or after cleaning it?",
)


def training_questions() -> list[tuple[str, str]]:
    """Each alarm question of training with its answer."""
    return [(phrasing.format(code=code), answer)
            for code, (answer, _markers) in ALARMS.items() for phrasing in TRAIN_PHRASINGS]


PROBE_PROMPTS: Final = tuple(phrasing.format(code=code) for code in ALARMS for phrasing in PROBE_PHRASINGS)
# For each probe: the substrings, any one of which shows the adapter's answer.
TARGET_MARKERS: Final[dict[str, tuple[str, ...]]] = {
    phrasing.format(code=code): markers
    for code, (_answer, markers) in ALARMS.items() for phrasing in PROBE_PHRASINGS
}
