"""Postal addresses: Japanese (``addresses_ja``) and English (house number, street name and USPS
street suffix, unit, city, state and ZIP code), and the Latin-script forms of other countries
(``addresses_europe``, ``addresses_india``, ``addresses_romance``, ``addresses_world``,
``addresses_parts``). What the patterns find is then made whole (``addresses_extent``): findings
that overlap or touch are one address, with the number word and building before it and the
unit and country after it.

A place name alone (東京都大田区, Osaka) is not flagged: it names where the plant is, not where a
person lives. An address needs its numbers.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import TYPE_CHECKING

from edged.privacy.addresses_europe import find_european, plant_figure
from edged.privacy.addresses_extent import UNIT, whole
from edged.privacy.addresses_foreign import find_foreign
from edged.privacy.addresses_india import find_indian
from edged.privacy.addresses_ja import find_japanese
from edged.privacy.addresses_parts import find_by_parts
from edged.privacy.addresses_romance import find_romance
from edged.privacy.addresses_world import find_world
from edged.privacy.detector import Span, TextView
from edged.privacy.entities import ADDRESS

if TYPE_CHECKING:
    from edged.privacy.registry import Resources


def _words(text: str) -> tuple[str, ...]:
    return tuple(text.split())


# USPS Publication 28, C1: street suffixes, full and abbreviated.
SUFFIXES = _words("""
Alley Aly Annex Anx Arcade Arc Avenue Ave Av Bayou Byu Beach Bch Bend Bnd Bluff Blf Bluffs Blfs
Bottom Btm Boulevard Blvd Branch Br Bridge Brg Brook Brk Brooks Brks Burg Bg Burgs Bgs Bypass Byp
Camp Cp Canyon Cyn Cape Cpe Causeway Cswy Center Ctr Centers Ctrs Circle Cir Circles Cirs Cliff Clf
Cliffs Clfs Club Clb Common Cmn Commons Cmns Corner Cor Corners Cors Course Crse Court Ct Courts Cts
Cove Cv Coves Cvs Creek Crk Crescent Cres Crest Crst Crossing Xing Crossroad Xrd Crossroads Xrds
Curve Curv Dale Dl Dam Dm Divide Dv Drive Dr Drives Drs Estate Est Estates Ests Expressway Expy
Extension Ext Extensions Exts Fall Falls Fls Ferry Fry Field Fld Fields Flds Flat Flt Flats Flts
Ford Frd Fords Frds Forest Frst Forge Frg Forges Frgs Fork Frk Forks Frks Fort Ft Freeway Fwy Garden
Gdn Gardens Gdns Gateway Gtwy Glen Gln Glens Glns Green Grn Greens Grns Grove Grv Groves Grvs Harbor
Hbr Harbors Hbrs Haven Hvn Heights Hts Highway Hwy Hill Hl Hills Hls Hollow Holw Inlet Inlt Island
Is Islands Iss Isle Junction Jct Junctions Jcts Key Ky Keys Kys Knoll Knl Knolls Knls Lake Lk Lakes
Lks Land Landing Lndg Lane Ln Light Lgt Lights Lgts Loaf Lf Lock Lck Locks Lcks Lodge Ldg Loop Mall
Manor Mnr Manors Mnrs Meadow Mdw Meadows Mdws Mews Mill Ml Mills Mls Mission Msn Motorway Mtwy Mount
Mt Mountain Mtn Mountains Mtns Neck Nck Orchard Orch Oval Overpass Opas Park Parks Parkway Pkwy
Parkways Pass Passage Psge Path Pike Pine Pne Pines Pnes Place Pl Plain Pln Plains Plns Plaza Plz
Point Pt Points Pts Port Prt Ports Prts Prairie Pr Radial Radl Ramp Ranch Rnch Rapid Rpd Rapids Rpds
Rest Rst Ridge Rdg Ridges Rdgs River Riv Road Rd Roads Rds Route Rte Row Rue Run Shoal Shl Shoals
Shls Shore Shr Shores Shrs Skyway Skwy Spring Spg Springs Spgs Spur Spurs Square Sq Squares Sqs
Station Sta Stravenue Stra Stream Strm Street St Streets Sts Summit Smt Terrace Ter Throughway Trwy
Trace Trce Track Trak Trafficway Trfy Trail Trl Trailer Trlr Tunnel Tunl Turnpike Tpke Underpass
Upas Union Un Unions Uns Valley Vly Valleys Vlys Via Viaduct Via View Vw Views Vws Village Vlg
Villages Vlgs Ville Vl Vista Vis Walk Walks Wall Way Ways Well Wl Wells Wls
Close Cl Rise Gate Parade Pde Esplanade Promenade Quay Chase Wynd Broadway Grange Tce Cres Crt Dve Gr
Hts Lane Mews Yard Wharf Embankment Approach Circus Hey Brow Vale Fold Croft Row Side Heath
""")
STATES = _words("""
AL AK AZ AR CA CO CT DE FL GA HI ID IL IN IA KS KY LA ME MD MA MI MN MS MO MT NE NV NH NJ NM NY NC
ND OH OK OR PA RI SC SD TN TX UT VT VA WA WV WI WY DC PR GU VI AS MP MH FM PW AA AE AP
""")
_SUFFIX = "|".join(sorted(set(SUFFIXES), key=len, reverse=True))
_STATE = "|".join(STATES)
_CAP = r"(?:Ma?c|O')?[A-Z][a-z]+(?:-[A-Z][a-z]+)?"  # MacAdoo Street, O'Connell Road
_UNIT = (
    r"(?:Studio|Suite|Ste\.?|Apt\.?|Apartment|Unit|Flat|Bldg\.?|Building|Floor|Fl\.?|Level|Lvl\.?"
    r"|Room|Rm\.?|#)"
)
_UNIT_VALUE = r"\s?#?[0-9A-Z][0-9A-Za-z\-]{0,5}"
_POSTCODE = (
    r"(?:[0-9]{5}(?:-[0-9]{4})?|[A-Z]{1,2}[0-9][A-Z0-9]?\s?[0-9][A-Z]{2}|[A-Z][0-9][A-Z]\s?[0-9][A-Z][0-9]"
    r"|[A-Z][0-9]{2}\s?[A-Z0-9]{4}|[0-9]{6}|[0-9]{4}|〒?\s?[0-9]{3}-[0-9]{4})"
)
# Australian states and Canadian provinces, and the countries a plant writes to, end addresses too.
_REGION = rf"(?:{_STATE}|NSW|VIC|QLD|TAS|ACT|NT|ON|QC|BC|AB|MB|SK|NS|NB|NL|PE|YT|NU)"
_COUNTRY = (
    r"(?:USA|U\.S\.A\.|United States|UK|United Kingdom|England|Scotland|Wales|Ireland|Australia|Canada|Japan)"
)
_PLACE = (  # Co. Galway: an Irish county
    rf"(?:St\.|Ft\.|Mt\.|Co\.\s{_CAP}|{_CAP})(?:\s(?:{_CAP}|St\.|upon|on|in|under|le|de|del)){{0,3}}(?:\s[0-9]{{1,3}})?"
)
# After the street: city, state or county, postcode and country, each after a comma (or a space
# before a state or a postcode), as many as are there; a lowercase word ends the address.
_EN_TAIL = re.compile(
    # 0992 Metro Manila, 8839 Agusan del Sur
    # (a line break ends the address: "6067 Aklan\nAttn:" is no three-word town)
    rf"(?:,\s[0-9]{{4}}\s{_CAP}(?:[ \-]{_CAP}| del? {_CAP})?(?![0-9A-Za-z])"
    rf"|,?\s{_REGION}(?:\s{_POSTCODE})?\b"
    rf"|\s\([A-ZÀ-Þ][a-zà-ÿ]+(?:[\s\-][A-ZÀ-Þ][a-zà-ÿ]+)?\)(?=\s{_POSTCODE})"  # Laval (Québec) H7J 7K6
    rf"|,?\s{_POSTCODE}(?![0-9A-Za-z])"
    rf"|,\s?{_COUNTRY}\b"
    # a unit between the street and the town (12 Baker Avenue, office 170, Springfield 0023)
    rf"|,\s{UNIT}\.?\s?#?[0-9]{{1,5}}[A-Za-z]?(?![A-Za-z0-9\-])"
    # a district's abbreviation before the next part (Zhongshan Dist., Taipei City 104)
    rf"|,\s?{_PLACE}(?:\.(?=,))?(?:,?\s{_REGION})?(?:,?\s{_POSTCODE})?(?![0-9A-Za-z])"
    rf"|\s{_CAP}(?:\s{_CAP})?(?=,?\s{_REGION}\s[0-9]{{4,5}}|\s{_POSTCODE}(?![0-9A-Za-z])))"
)
# 12, 12B, 4/12, 12-3, a grid number of 3-5 digits (W8480 County Road J), a letter after it
# (1315 A Virgo Road)
_HOUSE_NUMBER = (
    r"(?:[NSEW](?=[0-9]{3,5}\b))?(?:[0-9]{1,5}[A-Za-z]?/)?[0-9]{1,6}[A-Z]?(?:-[0-9A-Z]{1,4})?(?:\s[A-Z](?=\s[A-Z]))?"
)
# A block and lot may stand for the house number (B25 L51 Matumtum Street).
_EN_STREET = re.compile(
    rf"(?<![A-Za-z0-9\-/.])(?:{_UNIT}{_UNIT_VALUE},?\s)?"
    rf"(?:(?:B|Blk\.?\s?|Block\s)[0-9]{{1,3}}\s?(?:L|Lot\s?)[0-9]{{1,3}}\s(?:{_HOUSE_NUMBER},?\s)?|{_HOUSE_NUMBER},?\s)"
    rf"(?:(?:NE|NW|SE|SW|[NSEW]|North|South|East|West|N\.|S\.|E\.|W\.)\s)?"
    rf"(?:(?:{_CAP}|[A-Z]\.?|[0-9]{{1,3}}(?:st|nd|rd|th))\s){{1,4}}(?:{_SUFFIX})\b\.?"
    rf"(?:(?:(?<=Road)|(?<=Highway)|(?<=Route))\s(?:[A-Z]{{1,2}}|[0-9]{{1,4}})(?![\w-]))?(?:\s(?:Extension|Ext\.))?"
    rf"(?:\s(?:[NSEW]|NE|NW|SE|SW)\b)?"
    rf"(?:,?\s{_UNIT}{_UNIT_VALUE}){{0,2}}",
)
# Before an address: the building and floor (Sunrise Bldg. 10F, Corpo Sakura 4F) or the flat.
_BUILDING_BEFORE = re.compile(
    rf"(?:(?:[A-Z][A-Za-z]*\.?\s){{1,4}}(?:No\.\s?[0-9]{{1,3}}\s)?[0-9]{{1,3}}F,?\s|{_UNIT}{_UNIT_VALUE},?\s"
    rf"|{_UNIT}\s|[0-9]{{1,2}}(?:st|nd|rd|th)\sFloor(?:\s[A-Z][A-Za-z]+){{0,3}},\s"
    # a unit or floor, then the building's name and number: Unit 2521 Molave Building 9, 3F Acacia Tower 5
    rf"|(?:{_UNIT}{_UNIT_VALUE}|[0-9]{{1,2}}(?:st|nd|rd|th)\sFloor|[0-9]{{1,2}}F)"
    rf"\s[A-Z][A-Za-z]+(?:\s[A-Z][A-Za-z]+){{0,3}}(?:\s[0-9]{{1,3}})?,\s"
    rf"|{_UNIT}{_UNIT_VALUE}\s(?:[A-Z][A-Za-z]+\s){{1,3}}"  # Unit 2521 Molave (Building 9, ...)
    # a block and lot, then the subdivision, before its house number (Block 14 Lot 87 Sampaloc Subdivision 9)
    rf"|(?:B|Blk\.?|Block)\s?[0-9]{{1,3}}\s?(?:L|Lot)\s?[0-9]{{1,3}}\s(?:[A-Z][A-Za-z]+\s){{0,3}})$"
)
# Postcodes strong enough to anchor an address that has no house number (Flat 8, Gerard Haven,
# New Jeanberg L6U 4FH): the UK, Canada, Ireland, and a state or province before its code.
_ANCHOR = re.compile(
    r"(?<![A-Za-z0-9])(?:[A-Z]{1,2}[0-9][A-Z0-9]?\s[0-9][A-Z]{2}|[A-Z][0-9][A-Z]\s[0-9][A-Z][0-9]"
    r"|[A-Z][0-9]{2}\s?[A-Z0-9]{4}(?=[\s,.;)]|$)|"
    rf"(?:{'|'.join(STATES)}|NSW|VIC|QLD|TAS|ACT|NT|SA|WA)\s[0-9]{{4,5}}(?:-[0-9]{{4}})?)(?![A-Za-z0-9])"
)
# One component walking left from such a postcode: a capitalised word, a number, a unit word.
_COMPONENT_BEFORE = re.compile(
    r"(?:[A-Z][A-Za-z'\-]*\.?|[0-9][0-9A-Za-z/\-]*|#|Flat|Unit|Level|Suite|Apt\.|upon|on)$"
)
# Romanised Japanese: "1-2-3 Kita-Aoyama, Minato-ku, Tokyo 107-0061", "Umeda 3-1-1, Kita-ku,
# Osaka-shi", "4-5 Nishi-Shinjuku 2-chome, Shinjuku-ku". Components are names and block numbers;
# an address needs a municipal suffix (-ku, -shi, -cho ...) or a prefecture, and a block number.
ROMAJI_PREFECTURES = _words("""
Hokkaido Aomori Iwate Miyagi Akita Yamagata Fukushima Ibaraki Tochigi Gunma Saitama Chiba Tokyo
Kanagawa Niigata Toyama Ishikawa Fukui Yamanashi Nagano Gifu Shizuoka Aichi Mie Shiga Kyoto Osaka
Hyogo Hyogo Nara Wakayama Tottori Shimane Okayama Hiroshima Yamaguchi Tokushima Kagawa Ehime Kochi
Fukuoka Saga Nagasaki Kumamoto Oita Miyazaki Kagoshima Okinawa
""")
_JP_SUFFIX = r"(?:ku|shi|cho|machi|gun|mura|son|ken|to|fu|do|chome|Ku|Shi|Cho|Machi|Gun|Mura|Ken)"
_ROMAJI_NAME = r"[A-Z][a-z]+(?:-[A-Z]?[a-z]+){0,2}(?:\s(?:Prefecture|Ward|City|Town))?"
# 1-2-3, 2-chome, and the chome first: 4-chome-1-5
_BLOCK = r"[0-9]{1,4}(?:-?chome)?(?:-[0-9]{1,4}){0,3}(?:-?chome|-ban(?:chi)?|-go)?"
# a building between the blocks and the ward (Daiichi Bldg. 12F, Shin-Marunouchi Building 20F)
_ROMAJI_BUILDING = (
    r"[A-Z][a-z]+(?:[\s\-][A-Z][a-z]+)?\s(?:Bldg\.?|Building|Tower|Mansion|Heights|Residence|Plaza|Center|Centre|Hills|Court)"
    r"(?:\s(?:No\.\s?)?[0-9]{1,3}F?)?"
)
# a name may carry two blocks after it (Kameido 4-chome 21-18), blocks may stand alone (13-7,
# Sumiyoshi 3-chome)
_ROMAJI_PART = (
    rf"(?:{_ROMAJI_BUILDING}|(?:{_BLOCK}\s)?{_ROMAJI_NAME}(?:\s{_BLOCK}){{0,2}}|[0-9]{{1,4}}-[0-9]{{1,4}}(?:-[0-9]{{1,4}})?)"
)
# The address starts at its room, its building, its city or ward (Ota-ku, Higashi-Kojiya 3-20-2)
# or a part with a number, never at a bare name: the inspector's name before "Room 706, 5-5-2
# Shin-Yokohama" is no part of it.
_ROMAJI_FIRST = (
    rf"(?:{_ROMAJI_BUILDING}|[A-Z][a-z]+(?:-[A-Z]?[a-z]+)?-{_JP_SUFFIX}\b|{_BLOCK}(?:\s{_ROMAJI_NAME}(?:\s{_BLOCK}){{0,2}})?|{_ROMAJI_NAME}(?:\s{_BLOCK}){{1,2}})"
)
_ROMAJI_ADDRESS = re.compile(
    rf"(?<![A-Za-z0-9\-])(?:(?:Room|Rm\.?|#)\s?[0-9]{{1,4}},?\s)?{_ROMAJI_FIRST}"
    rf"(?:,?\s{_ROMAJI_PART}){{1,6}}(?:,?\s(?:〒\s?)?[0-9]{{3}}-?[0-9]{{4}})?(?:,?\sJapan)?(?![A-Za-z0-9])"
)
_ROMAJI_SUFFIX = re.compile(rf"[a-z]-{_JP_SUFFIX}\b|\b(?:{'|'.join(ROMAJI_PREFECTURES)})\b")
_ROMAJI_BLOCK = re.compile(r"[0-9]-[0-9]|[0-9]-?chome|[0-9]-ban")
_PO_BOX = re.compile(
    rf"(?<![A-Za-z])P\.?\s?O\.?\s?Box\s[0-9]{{1,6}}(?:,?\s{_CAP}(?:\s{_CAP}){{0,2}},\s(?:{_STATE})"
    rf"(?:\s[0-9]{{5}}(?:-[0-9]{{4}})?)?\b)?",
)



# Street first, then the number (Europe, Latin America): "Müllerring 155, 13885 Apolda",
# "Lisestraat 3, 8510 CF Dalem", "Klaus Peter-Meister-Platz 94, 54462 Beilngries".
_EU_WORD = r"[A-ZÄÖÜÀ-Þ][a-zäöüßà-ÿ]+(?:-[A-ZÄÖÜÀ-Þ]?[a-zäöüßà-ÿ]+)*"
# The street may be abbreviated (Steinwenderstr.), the postcode carry its country (CH-7972), the
# town its particles (Ybbs an der Donau, Frankfurt am Main). No start inside a hyphened word: the
# word is read from its first part, and Aa-Aa-Aa-... was scanned from each part (20,000: 2.6 s).
_EU_STREET = re.compile(
    rf"(?<![A-Za-z0-9])(?<![A-Za-zÀ-ÿ0-9]-)(?:{_EU_WORD}\s){{0,3}}{_EU_WORD}\.?\s[0-9]{{1,5}}[a-z]?,\s"
    rf"(?:[A-Z]{{1,2}}-)?[0-9]{{4,5}}(?:\s?[A-Z]{{2}})?\s(?:St\.[\s\-]?|'t\s|'s-)?{_EU_WORD}"
    rf"(?:(?:[\s\-]|\s(?:(?:an|am|im|in|bei|ob|der|dem|sur|sous|la|le|les)\s)+){_EU_WORD}){{0,3}}"
    rf"(?:\s[A-Z]{{2}}(?![\w]))?"
)
# Brazil: street, number - district, city - state, CEP (Rua Vargas, 870 - Centro, Macedo - GO,
# 04711-838; a highway's kilometre for the number: Rodovia Dutra, km 12 - ...; the number after the
# street with no comma, the floor and the district between: Rua X 85, 7º andar, Pinheiros, ...);
# the " - UF, CEP" tail is the anchor, so the street may be of any type (up to six words on one
# line and after any colon: the sentence or the label before it is not its name).
_BR_STREET = re.compile(
    r"(?<![A-Za-z])[A-ZÀ-Þ][^\s,;:]{1,30}(?: [^\s,;:]{1,30}){0,5},? (?:km\s?)?[0-9]{1,5}[A-Za-z]?"
    r"(?:\s-\s[^,\n]{2,50})?"
    r"(?:,\s[^,\n]{2,50}){0,3}?,\s[^,\n]{2,50}\s-\s[A-Z]{2},?\s[0-9]{5}-?[0-9]{3}(?![0-9])"
)


_PROVINCE_AFTER_POSTCODE = re.compile(rf" {_CAP}(?:[ \-]{_CAP})?(?![0-9A-Za-z])")


def find_english(text: str) -> Iterator[Span]:
    found: list[tuple[int, int]] = []
    for pattern in (_EU_STREET, _BR_STREET):
        found.extend((m.start(), m.end()) for m in pattern.finditer(text) if not plant_figure(m.group(0)))
    found.extend((s.start, s.end) for s in find_romance(text))
    found.extend((s.start, s.end) for s in find_indian(text))
    found.extend((s.start, s.end) for s in find_world(text))
    found.extend((s.start, s.end) for s in find_european(text))
    found.extend((s.start, s.end) for s in find_by_parts(text))
    found.extend((s.start, s.end) for s in find_foreign(text))
    found.extend(_streets(text))
    for m in _ROMAJI_ADDRESS.finditer(text):
        if _ROMAJI_SUFFIX.search(m.group(0)) and _ROMAJI_BLOCK.search(m.group(0)):
            found.append((_with_building_before(text, m.start()), m.end()))
    for m in _ANCHOR.finditer(text):
        if any(start <= m.start() < end for start, end in found):
            continue
        start = _walk_back(text, m.start())
        if start < m.start():
            found.append((start, m.end()))
    for start, end in found:
        yield Span(ADDRESS, start, end, "en_address")
    for m in _PO_BOX.finditer(text):
        yield Span(ADDRESS, m.start(), m.end(), "en_po_box")


# A plant's numbered place before the number: Plant 2, North Industrial Park is that plant's
# number and its site's name, not house number 2 on a street called North Industrial Park; a
# street's word before it makes the number that street's (Dock Street 2, North Annex: the annex
# is no street, and a real one is read whole by the street-then-number patterns).
_PLANT_PLACE_BEFORE = re.compile(
    r"\b(?:Plant|Line|Hall|Bay|Dock|Cell|Gate|Zone|Area|Station|Werk|Halle|Street|St\.|Road|Rd\.|Avenue|Ave\.|"
    r"Lane|Drive|Way) $"
)
_NUMBER_COMMA = re.compile(r"[0-9A-Za-z/\-]+,")


def _streets(text: str) -> Iterator[tuple[int, int]]:
    """House number and street, with the building before and the city, state, postcode and
    country after, as many as are there."""
    for m in _EN_STREET.finditer(text):
        plant = _PLANT_PLACE_BEFORE.search(text, max(0, m.start() - 9), m.start()) is not None
        if plant and _NUMBER_COMMA.match(m.group(0)):
            continue
        end = m.end()
        for _ in range(5):
            tail = _EN_TAIL.match(text, end)
            if tail is None or tail.end() == end:
                break
            end = tail.end()
        province = _PROVINCE_AFTER_POSTCODE.match(text, end)
        if province is not None and re.search(r", [0-9]{4}$", text[:end]):
            end = province.end()  # ..., Navotas, 0992 Metro Manila
        yield _with_building_before(text, m.start()), end


def _with_building_before(text: str, start: int) -> int:
    before = _BUILDING_BEFORE.search(text[max(0, start - 60) : start])
    return start - len(before.group(0)) if before is not None else start


def _walk_back(text: str, anchor: int) -> int:
    """The start of the address that ends in the postcode at ``anchor``: capitalised words,
    numbers and unit words, joined by spaces or commas, up to eight of them; it needs a number
    or two comma-separated parts to count as one."""
    start = anchor
    parts = 0
    digits = False
    commas = 0
    while parts < 8:
        gap = re.search(r"(,?\s)$", text[max(0, start - 2) : start])
        if gap is None:
            break
        word = _COMPONENT_BEFORE.search(
            text[max(0, start - len(gap.group(1)) - 30) : start - len(gap.group(1))]
        )
        if word is None or word.group(0).lower() in _NOT_ADDRESS_WORDS:
            break
        start = start - len(gap.group(1)) - len(word.group(0))
        parts += 1
        digits = digits or word.group(0)[0].isdigit()
        commas += "," in gap.group(1)
    return start if parts and (digits or commas >= 1) else anchor


_NOT_ADDRESS_WORDS = frozenset(
    {"attn", "attention", "to", "from", "address", "at", "the", "ship", "send", "mail", "courier", "visit"}
)


class AddressDetector:
    name = "address"
    types = (ADDRESS,)
    priority = 6
    strict_only = False

    def find(self, view: TextView) -> Iterator[Span]:
        yield from whole(self._found(view), view.text)

    @staticmethod
    def _found(view: TextView) -> Iterator[Span]:
        if view.japanese:
            yield from find_japanese(view.text)
        if view.english:
            yield from find_english(view.text)
        else:  # a foreign address in Japanese text (送付先 Kästerplatz 158, 31092 Hohenstein様)
            for pattern in (_EU_STREET, _BR_STREET):
                for m in pattern.finditer(view.text):
                    if not plant_figure(m.group(0)):
                        yield Span(ADDRESS, m.start(), m.end(), "latin_address")
            for start, end in _streets(view.text):
                yield Span(ADDRESS, start, end, "latin_address")
            yield from find_romance(view.text)
            yield from find_indian(view.text)
            yield from find_world(view.text)
            yield from find_european(view.text)
            yield from find_by_parts(view.text)
            yield from find_foreign(view.text)


def build(resources: Resources) -> AddressDetector:  # noqa: ARG001 - registry signature
    return AddressDetector()
