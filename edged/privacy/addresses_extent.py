"""The whole extent of the addresses the address patterns found: findings that overlap or touch
are one address (a street the Romance pattern read and a town the world pattern read), and what
an address carries after its place is part of it: the flat, office or shop (", apt. 77",
", office 169", ", local 3") and the country (", GEORGIA", ", Republic of Armenia", ", Tunisie").

A pattern knows the shape of one country's addresses; the country at the end and the unit after
the street are written the same way everywhere, so they are read once here, for every pattern.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from edged.privacy.detector import Span

# Countries and territories in English, and the names they give themselves in Latin script,
# lowercased; an address ends in one after a comma.
_COUNTRIES_TEXT = """
afghanistan; albania; shqipëri; algeria; algérie; andorra; angola; argentina; armenia; hayastan;
australia; austria; österreich; azerbaijan; azərbaycan; bahamas; bahrain; bangladesh; barbados;
belarus; belgium; belgique; belgië; belize; benin; bénin; bhutan; bolivia; bosnia and herzegovina;
bosna i hercegovina; botswana; brazil; brasil; brunei; brunei darussalam; bulgaria; burkina faso;
burundi; cambodia; cameroon; cameroun; canada; cape verde; cabo verde; chad; tchad; chile; china;
colombia; comoros; congo; costa rica; côte d'ivoire; ivory coast; croatia; hrvatska; cuba; cyprus;
czech republic; czechia; česká republika; denmark; danmark; djibouti; dominica; dominican republic;
república dominicana; ecuador; egypt; el salvador; equatorial guinea; eritrea; estonia; eesti;
eswatini; ethiopia; fiji; finland; suomi; france; gabon; gambia; georgia; sakartvelo; germany;
deutschland; ghana; greece; hellas; grenada; guatemala; guinea; guinea-bissau; guyana; haiti; haïti;
honduras; hong kong; hungary; magyarország; iceland; ísland; india; indonesia; iran; iraq; ireland;
éire; israel; italy; italia; jamaica; japan; nippon; jordan; kazakhstan; qazaqstan; kenya; kiribati;
korea; south korea; republic of korea; kosovo; kuwait; kyrgyzstan; laos; latvia; latvija; lebanon;
liban; lesotho; liberia; libya; liechtenstein; lithuania; lietuva; luxembourg; macau; macao;
madagascar; malawi; malaysia; maldives; mali; malta; marshall islands; mauritania; mauritanie;
mauritius; maurice; mexico; méxico; micronesia; moldova; monaco; mongolia; montenegro; crna gora;
morocco; maroc; mozambique; moçambique; myanmar; namibia; nauru; nepal; netherlands; nederland;
the netherlands; new zealand; aotearoa; nicaragua; niger; nigeria; north macedonia; norway; norge;
oman; pakistan; palau; palestine; panama; panamá; papua new guinea; paraguay; peru; perú;
philippines; pilipinas; poland; polska; portugal; puerto rico; qatar; romania; românia; russia;
russian federation; rwanda; saint lucia; samoa; san marino; saudi arabia; senegal; sénégal; serbia;
srbija; seychelles; sierra leone; singapore; slovakia; slovensko; slovenia; slovenija; solomon
islands; somalia; south africa; south sudan; spain; españa; sri lanka; sudan; suriname; sweden;
sverige; switzerland; schweiz; suisse; svizzera; syria; taiwan; tajikistan; tanzania; thailand;
timor-leste; east timor; togo; tonga; trinidad and tobago; tunisia; tunisie; turkey; türkiye;
turkmenistan; tuvalu; uganda; ukraine; ukraina; united arab emirates; uae; u.a.e.; united kingdom;
uk; u.k.; great britain; england; scotland; wales; northern ireland; united states; united states
of america; usa; u.s.a.; us; uruguay; uzbekistan; oʻzbekiston; vanuatu; venezuela; vietnam;
viet nam; việt nam; yemen; zambia; zimbabwe
"""
COUNTRIES = frozenset(" ".join(n.split()) for n in _COUNTRIES_TEXT.replace("\n", " ").split(";"))
_LATIN = "A-Za-zÀ-ÖØ-öø-ɏʻḀ-ỿ"
# After a comma or on the next line: up to five Latin words, read from the longest as a country
# (Republic of ... and The ... are the country too); a word runs on only in Latin letters, so the
# Japanese after an address (Tunisiaまで) is no part of it.
_NEXT = r"(?:,\s?|,?[ \t]*\n[ \t]*|、\s?)"
_AFTER = re.compile(rf"{_NEXT}((?:[{_LATIN}][{_LATIN}.'’\-]*)(?: [{_LATIN}][{_LATIN}.'’\-]*){{0,4}})")
_STATE_BEFORE = re.compile(r"(?i:,\s?(?:republic|kingdom|state|commonwealth))$")
_STATE_WORDS = ("republic of ", "the republic of ", "kingdom of ", "state of ", "the ")
# The flat, office, shop, floor or building after the street, in the languages plants write to:
# a unit word and its number, lowercase as often as not (apto. 938, of. 1104, piso 3, local 4B,
# Romanian bl./sc./ap., Russian kv., a Latin American tower, block or warehouse: Torre 2, Mz. 4,
# Bodega 7).
UNIT = (
    r"(?i:apt|apto|apartment|dpto|depto|dept|dto|flat|unit|suite|ste|office|oficina|of|local|loc|"
    r"piso|planta|int|interior|casa|sala|loja|andar|bloco|bloque|lote|room|rm|floor|fl|bureau|app|"
    r"appartement|étage|box|door|puerta|porta|scala|interno|whs|stall|shop|ap|kv|kvartira|korp|korpus|bl|sc|et|"
    r"torre|manzana|mz|bodega|nave|módulo|mod)"
)
_UNIT_AFTER = re.compile(
    rf"(?:,\s|,?[ \t]*\n[ \t]*){UNIT}\.?\s?(?:No\.?\s?|#\s?)?[0-9]{{1,5}}[A-Za-z]?(?:-[0-9A-Za-z]{{1,4}})?"
    r"(?![A-Za-z0-9\-])"
)


_GAP = re.compile(r",?\s?")


def country_end(text: str, end: int) -> int:
    """Where a country named after ``end`` (", Uruguay", ", REPUBLIC OF ARMENIA") ends, with the one
    or two regions before it (", Santander, Colombia"), or ``end``."""
    start = end
    state = _STATE_BEFORE.search(text, max(0, end - 12), end)
    if state is not None:  # a place pattern took the first word (..., Republic | of Armenia)
        start = state.start()
    for _ in range(3):
        found = _country_at(text, start)
        if found is not None:
            return found
        region = _REGION.match(text, start)
        if region is None:
            break
        start = region.end()
    return end


# a region between the town and the country: capitalised Latin words after a comma
_REGION = re.compile(rf",\s[A-ZÀ-Þ][{_LATIN}'’\-]*(?: [A-ZÀ-Þ][{_LATIN}'’\-]*){{0,2}}(?=,)")


def _country_at(text: str, start: int) -> int | None:
    m = _AFTER.match(text, start)
    if m is None:
        return None
    words = m.group(1).split(" ")
    for n in range(len(words), 0, -1):
        name = " ".join(words[:n]).rstrip(".").lower()
        for prefix in ("", *_STATE_WORDS):
            if name.startswith(prefix) and name[len(prefix) :] in COUNTRIES:
                return m.start(1) + len(" ".join(words[:n]).rstrip("."))
    return None


def unit_end(text: str, end: int) -> int:
    """Where the units written after ``end`` (", apt. 77, floor 3") end, or ``end``."""
    for _ in range(3):
        m = _UNIT_AFTER.match(text, end)
        if m is None:
            break
        end = m.end()
    return end


# Before an address: the number's "No.", the building whose number a pattern read as the house's
# (Al Noor Tower | 2, Corniche Road), and the numbered parts of a building, lane or section before
# the street (Office 1204, Lane 34, Section 2, Building 5, ...).
_NUMBER_WORD_BEFORE = re.compile(r"(?:No\.?|Nº|N°)\s?$")
_BUILDING_WORD = (
    r"(?:Tower|Towers|Building|Bldg\.?|Plaza|Centre|Center|House|Complex|Court|Block|Wing|Residence|"
    r"Residences|Heights|Mansion|Apartments|Business\sPark|Trade\sCentre|Trade\sCenter)"
)
_BUILDING_BEFORE = re.compile(
    rf"(?<![A-Za-z])(?:(?:[A-Z][A-Za-z'’\-]+\s){{1,3}}{_BUILDING_WORD}|Section|Sec\.|Lane|Alley|Plot)\s$"
)
_PART_BEFORE = re.compile(
    rf"(?<![A-Za-z])(?:(?:{UNIT}|No|Building|Bldg|Block|Blk|Plot|House|Villa|Tower|Level|Lane|Alley|Section|Sec)"
    rf"\.?\s?(?:No\.?\s?)?#?[0-9][0-9A-Za-z\-/]{{0,6}}"
    rf"|(?:[A-Z][A-Za-z'’\-]+\s){{1,3}}{_BUILDING_WORD}(?:\s[0-9A-Z]{{1,4}})?),\s$"
)


def start_before(text: str, start: int) -> int:
    """Where the address that a pattern found at ``start`` starts, with the number word, the
    building and the numbered parts written before it."""
    for _ in range(4):
        window = max(0, start - 60)
        m = (
            _NUMBER_WORD_BEFORE.search(text, max(0, start - 4), start)
            or _BUILDING_BEFORE.search(text, window, start)
            or _PART_BEFORE.search(text, window, start)
        )
        if m is None:
            break
        start = m.start()
    return start


# On a card the fields stand apart by ideographic spaces or tabs, blanks once normalised (Karma
# Wangchuk　Sales Manager　74 Arshakunyats Avenue, ...): a pattern that ran over them read the name and
# the job title as the street's. A job title right before the house number or the street's type word
# ends the writer's part.
_TITLE_FIELD = re.compile(
    r"(?<![A-Za-z])(?:Engineer|Manager|Planner|Director|Officer|Technician|Specialist|Coordinator|"
    r"Supervisor|Buyer|Representative|Consultant|Assistant|Analyst|Inspector|Designer|Operator|"
    r"Advisor|Adviser|Administrator|Scientist)\s+(?=[0-9]|(?:Calle|Carrera|Av|Avenida|Rua|Rue|Via|Viale|"
    r"Strada|Piazza|Plaza|Paseo|Camino|Jr|Jirón|Cra|Cl)\b)"
)
# The next field's label after the address (..., Armenia Tel +374 ..., ..., IL 62704, Phone 217-...,
# ..., Ibaraki 317-0466, My Number ...): the tail patterns read it as a region or a town, or took
# the number after it as a postcode. The label and what follows it are no part of the address.
_LABEL_END = re.compile(
    r"(?:,\s?|\s)(?i:tel|tél|tfn|tlf|phone|ph|fax|mobile|mob|cel|cell|celular|móvil|movil|telefon|"
    r"telefone|teléfono|telefono|whatsapp|e-?mail|contact|contacto|my number)\.?:?"
    r"(?:\s?[+(]?[0-9][0-9 ()\-]*)?$"
)


def _trimmed(span: Span, text: str) -> Span:
    start = span.start
    for m in _TITLE_FIELD.finditer(text, span.start, span.end):
        start = m.end()
    label = _LABEL_END.search(text, start, span.end)
    return span._replace(start=start, end=label.start() if label is not None else span.end)


def whole(spans: Iterable[Span], text: str) -> list[Span]:
    """The address findings merged where they overlap, touch or stand a comma apart, each carried
    over what is written before it (see start_before) and the units and the country after it,
    without a card's name and title before it or the next field's label after it."""
    merged: list[Span] = []
    starts = [span._replace(start=start_before(text, span.start)) for span in spans]
    for span in sorted(starts, key=lambda s: (s.start, -s.end)):
        end = country_end(text, unit_end(text, span.end))
        if merged and _GAP.fullmatch(text, min(merged[-1].end, span.start), span.start):
            merged[-1] = merged[-1]._replace(end=max(merged[-1].end, end))
        else:
            merged.append(span._replace(end=end))
    return [t for t in (_trimmed(span, text) for span in merged) if t.end > t.start]
