"""Names that are a plant's places, machines and suppliers, told by the word that follows them: a
building, gate or line named after someone (Garfield Line, Lincoln Gate), equipment named after its
maker or a nickname (Clarke hoist, Old Betsy press), a supplier's visit (Hoover service), and a
Japanese surname that heads a company's name (坂口鉄工所, 吉井精機), a machine by its model number
(Spiral Mixer 240), and a company in brackets after its visitor (Mia Ota (Ridley)).

The word after decides (for a company in brackets, the person before it), and each is a word a
person's name is not followed by in plant text; the lists are written from the trade, not from any
evaluation set.
"""

from __future__ import annotations

import re
from collections.abc import Container

from edged.privacy.names_latin import census_names, vocabulary

# Places a plant names after people; surnames that are also such words (Hall, House, Tower, Mill,
# Wing, Block) are left out, so that Sarah Hall stays a person.
_PLACE_AFTER = (
    "Line|Room|Gate|Building|Bldg|Dock|Bay|Cell|Shop|Lab|Yard|Annex|Plant|Depot|Warehouse|Office|Station|"
    "Entrance|Lobby|Canteen|Substation|Site|Campus|DC"
)
# the same sites in lowercase (the Jackson line, Lincoln building): not the lowercase words a name
# is followed by in a sentence (room, gate, office: Ana's office); only after a name, never read as
# the end of one (tell kiran line 3 is down keeps kiran)
_PLACE_AFTER_LOWER = "line|building|bldg|lab|warehouse|site|plant|depot|yard|annex|campus|substation|canteen"
# Equipment and a supplier's visit, as a plant writes them after a maker or a nickname (lowercase).
_THING_AFTER = (
    "crane|press|hoist|welder|chiller|compressor|toolbox|oven|kiln|boiler|pump|furnace|lathe|forklift|"
    "conveyor|dryer|mixer|grinder|saw|generator|service|callout|technician|engineer|rep|invoice|quote"
)
# The nouns a name lends itself to as a tool, an instrument, a part, a material or a term (Allen
# key, Phillips screws, Kelvin probe, Bourdon gauge, Douglas fir, Grace period): a compound noun, not
# a person; not when a number follows (Anna cell 0412 ...: her mobile)
_EPONYM_HEADS = (
    "key|keys|wrench|wrenches|spanner|screw|screws|screwdriver|bolt|bolts|nut|nuts|meter|meters|gauge|"
    "gauges|valve|valves|probe|probes|cell|cells|loader|bridge|clamp|clamps|coupling|joint|fitting|jack|"
    "truck|pallet|pallets|fir|pine|oak|spruce|period|effect|scale|curve|cycle|number|engine|relay|"
    "plug|socket|tube|flask|burner|tester|chain|rule"
)
# a job title after the site word: the person's post (Maria Gomez Plant Manager, on a card), not a
# place named after someone
_TITLE_AFTER_PLACE = (
    r" (?:Manager|Director|Engineer|Supervisor|Planner|Coordinator|Technician|Officer|Lead|Head|Chief|"
    r"Administrator|Assistant|Superintendent)(?![A-Za-z])"
)
_AFTER = re.compile(
    # a lowercase site word, not a log key (closed_by=ruairi breathnach line=4)
    rf" (?:(?:{_PLACE_AFTER})(?!{_TITLE_AFTER_PLACE})|(?:{_PLACE_AFTER_LOWER})(?![=:])|(?:{_THING_AFTER})"
    rf"|(?:{_EPONYM_HEADS})(?![=:]| ?[+0-9(]))(?![A-Za-z])"
)
# a site named after someone, its kind in two words (Madison Press Shop, Harlow Paint Line), and a
# machine's nickname with the machine in brackets after it (Big Bertha (press 9))
_PLACE_AFTER_TWO = re.compile(rf" ([A-Z][a-z]+) (?:{_PLACE_AFTER})(?![A-Za-z])")
_MACHINE_IN_BRACKETS = re.compile(rf" ?\((?:{_THING_AFTER}|line|cell|machine|robot)\b", re.IGNORECASE)
# the machines and tools alone, for rules that must not read one as a given name (Mixer D., Welder W.)
THING_WORDS = frozenset(_THING_AFTER.split("|")) | frozenset(_EPONYM_HEADS.split("|"))
# a model number after two words, the last an English word (Reflow Oven RF-3, Spiral Mixer 240): a
# machine; not a phone (it starts with 0 or runs on in more digit groups)
_MODEL_AFTER = re.compile(
    r" (?:[A-Z]{1,4}-?[0-9]{1,5}[A-Z]?|[1-9][0-9]{1,4}[A-Z]?)(?![0-9A-Za-z\-./:]| ?[0-9])"
)
_LAST_PLACE = re.compile(rf"\s(?:{_PLACE_AFTER})$")
# A company's name after a Japanese surname: ironworks, machinery, precision, manufacturing ...
_HONORIFIC_END = re.compile(r"(?:さん|様|さま|殿|氏|君)$")
_JA_COMPANY = re.compile(
    r"(?:鉄工所|鉄工|工作機械|工作所|製作所|機械|精工|精機|精密|工機|工業|産業|重工|電機|電気|技研|興業|商事|"
    r"商会|化学|建設|運輸|フライス|マシナリー)"
)


def plant_thing(text: str, start: int, end: int) -> bool:
    """Whether the Latin name at ``start:end`` is a place, a machine or a supplier by the word
    after it (Garfield Line, Clarke hoist), or ends in a place word itself (Lincoln Gate)."""
    value = text[start:end]
    if not value[:1].isascii() or not value[:1].isalpha():
        return False
    if _AFTER.match(text, end) is not None or (" " in value and _LAST_PLACE.search(value) is not None):
        return True
    if _MACHINE_IN_BRACKETS.match(text, end) is not None:
        return True
    two = _PLACE_AFTER_TWO.match(text, end)
    if two is not None:
        kind = two.group(1).lower()  # Press, Paint: a machine or a trade word, no surname (Anna Hall Line)
        return kind in THING_WORDS or (kind in vocabulary() and kind not in census_names())
    last = value.rsplit(" ", 1)[-1].lower()
    return " " in value and last in vocabulary() and _MODEL_AFTER.match(text, end) is not None


def affiliation(text: str, start: int, end: int, ends: Container[int]) -> bool:
    """Whether the finding at ``start:end`` opens a bracket right after another person (Mia Ota
    (Ridley), 加藤様（クボタ）): the company the person came from, not a second person. ``ends``: where
    the findings end."""
    if start == 0 or text[start - 1] != "(" or ")" not in text[end : end + 12]:
        return False
    # the text before the bracket, less its blanks and one honorific, read near the bracket only:
    # copying and searching the whole text before each finding was quadratic
    stop = start - 1
    while stop > 0 and text[stop - 1].isspace():
        stop -= 1
    honorific = _HONORIFIC_END.search(text, max(0, stop - 2), stop)
    before = honorific.start() if honorific is not None else stop
    return before in ends  # a set: a pass over all findings for each one was quadratic


def ja_company(text: str, start: int, end: int) -> bool:
    """Whether the Japanese surname at ``start:end`` heads a company's name (坂口鉄工所, 吉井精機の
    担当), or the finding ends in one, rather than naming a person (坂口さん)."""
    value = text[start:end]
    if not value or value[:1].isascii():
        return False
    if _JA_COMPANY.match(text, end) is not None:
        return True
    tail = _JA_COMPANY.search(value)
    return tail is not None and tail.end() == len(value) and tail.start() > 0
