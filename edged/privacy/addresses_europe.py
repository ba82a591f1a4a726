"""Street addresses of Central and Eastern Europe and the Balkans, and Korean road addresses in
Korean order, in English and Japanese text alike.

Street first: the street, a house number (``2279/20`` as Czech and Slovak write the land-registry
and the street number, ``bb`` for "bez broja", no number), a comma, the postcode in its national
shape (``280 02``, ``34000``, ``H-9027``, ``00-950``) and the town (Tovární 92, 293 01 Mladá
Boleslav; Bulevar oslobođenja 12, 21000 Novi Sad). Postcode first, as Hungary and Austria write
it: the postcode, the town, a comma, the street and its number (8000 Székesfehérvár, Holland fasor
53.). A street of capitalised words is one whatever its language; a street with lowercase words
in it needs a street-type word of some language among them (utca, put, zona, náměstí, straße,
vej, katu, sokak ...), so a sentence such as "Line speed 120, 4500 Units" is not an address.

Korean order: the postcode in brackets, the province, city, district and road in romanised
Korean (``-do``, ``-si``, ``-gu``, ``-ro``, ``-gil``) and the building number.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from edged.privacy.addresses_extent import UNIT, country_end
from edged.privacy.detector import Span
from edged.privacy.entities import ADDRESS

_UP = "A-ZÀ-ÖØ-ÞĀĂĄĆČĎĐĒĘĚĞİŁŃŇŐŒŘŚŞŠŢŤŮŰŹŻŽ"
_L = "A-Za-zÀ-ÖØ-öø-ɏ"
_CAP = rf"[{_UP}][{_L}'’\-]{{0,30}}"
_LOW = rf"[a-zß-öø-ÿ][{_L}'’\-]{{0,30}}"
_STREET = rf"{_CAP}\.?(?:\s(?:{_CAP}\.?|{_LOW}\.?|[0-9]{{1,3}}\.)){{0,4}}"
_HOUSE = r"(?:[0-9]{1,5}[A-Za-z]?(?:/[0-9]{1,5}[A-Za-z]?)?|bb|BB|b\.b\.|s/n|S/N)\.?"
# NNN NN (Czechia, Slovakia, Greece, Sweden), NN-NNN (Poland), four to six digits (six: Romania),
# the country's letters before them (CH-7972, LV-1050, AZ1000)
_POSTCODE = r"(?:[A-Z]{1,2}-\s?|[A-Z]{2}(?=[0-9]{4}\s))?(?:[0-9]{3}\s[0-9]{2}|[0-9]{2}-[0-9]{3}|[0-9]{4,6})"
# a postcode no count looks like: the country's letters before it, or NNN NN
_DISTINCT_POSTCODE = re.compile(r"^(?:[A-Z]{1,2}-|[A-Z]{2}[0-9]|[0-9]{3}\s[0-9]{2}\s)")
# a town of up to three words, each after the first two letters or more: an initial after it
# (Beilngries D. Tserendorj) is a person's
_TOWN = rf"{_CAP}(?:[\s\-][{_UP}][{_L}'’\-]{{1,30}}){{0,2}}"
_COUNTRY = (
    r"(?:Srbija|Serbia|Hrvatska|Croatia|Slovenija|Slovenia|Bosna i Hercegovina|Bosnia and Herzegovina|"
    r"Crna Gora|Montenegro|Sjeverna Makedonija|North Macedonia|Česká republika|Czech Republic|Czechia|"
    r"Slovensko|Slovakia|Magyarország|Hungary|Polska|Poland|România|Romania|Bulgaria|България|"
    r"Österreich|Austria|Deutschland|Germany|Schweiz|Switzerland|Danmark|Denmark|Sverige|Sweden|"
    r"Norge|Norway|Suomi|Finland|Türkiye|Turkey|Lietuva|Lithuania|Latvija|Latvia|Eesti|Estonia|"
    r"Ukraine|Україна|Greece|Ελλάδα|Albania|Shqipëri|Kosovo)"
)
_NOT_TOWN = re.compile(
    r"(?<![^\s])(?:Units?|Cycles?|Parts?|Pieces?|Pcs|Hours?|Hrs|Shots?|Strokes?|Pallets?|Boxes|Bags?|Rolls?|Sheets?|"
    r"Lots?|Batch(?:es)?|Orders?|Items?|Tons?|Tonnes?|Liters?|Litres?|Meters?|Metres?|Rpm|Nm|Psi|Bar|Kg|"
    r"Total|Report|Review|Pass|Fail|OK|NG|Pa|kPa|MPa|Hz|kHz|MHz|Wh|kWh|Ah|mAh|Series|Rev|Revision|Version|"
    r"Models?|Type|Shifts?|Lines?|Cells?|Press|Machines?|Stations?|Tools?|Molds?|Moulds?|Dies|Jigs?|Mins?|"
    r"Minutes|Seconds|Secs?|Days|Weeks|Months|Years|Times|Kgs|Lbs|Gallons|Feet|Inches|Degrees|Volts|Amps|"
    r"Watts|kW|MW|Plan|Budget|Forecast|Target|Actual|Summary|Schedule|Audit|Edition|Release)$"
)
# What follows the street: its number, the postcode and the town (and perhaps the country).
# (the postcode after a comma or on the next line: Musterstraße 12 / 70173 Stuttgart)
_AFTER_STREET = re.compile(
    rf"\s(?:(?:nr|Nr|No|br)\.?\s)?{_HOUSE}(?:,\s|,?[ \t]*\n[ \t]*){_POSTCODE}\s(?P<town>{_TOWN})"
    rf"(?:,\s{_COUNTRY}(?![{_L}]))?(?![{_L}0-9])"
)
# a street's word, the whole of what stands between two spaces or after a non-Latin character
_LAST_WORD = re.compile(rf"(?<![{_L}0-9'’\-.])(?:{_CAP}|{_LOW}|[0-9]{{1,3}})\.?$")
_PREPOSITIONS = frozenset({"U", "V", "K", "Z", "W", "O", "Na", "Pod", "Nad", "Za", "Ke", "Ve"})
MAX_STREET_WORDS = 5
_POSTCODE_FIRST = re.compile(
    rf"(?<![{_L}0-9\-/.]){_POSTCODE}\s(?P<town>{_TOWN}),\s(?P<street>{_STREET})\s[0-9]{{1,5}}[A-Za-z]?"
    # not the first group of a phone number after it (utca 21. 090-3974-2940)
    rf"(?:/[0-9]{{1,5}})?\.?(?![{_L}0-9]|[\-.][0-9])"
)
# Street types of the languages whose streets carry a lowercase word (and their abbreviations),
# and the endings of the compound street names of German, Scandinavian and Finnish.
_TYPES_TEXT = """
utca u. út útja tér tere fasor körút krt. sor köz sétány rakpart park lakótelep
ulica ul. ulice třída nábřeží náměstí nám. cesta put bulevar bul. trg zona autoput obala sokak šetalište
sokak sokağı cadde caddesi cad. yolu bulvarı mahallesi mah. str. strasse straße gasse weg allee platz
ring vej gade gatan vägen väg gränd katu tie kuja iela gatvė g. pr. prospekt ulitsa rruga odos calle avenida
strada str. bd. bld. bulevardul șoseaua sos. calea aleea piața
rua rue via viale piazza aleja al. osiedle os. plac pl. droga zone
street st. st avenue ave. ave road rd. rd boulevard blvd. blvd lane highway prospect square embankment alley
kuchasi kucha khiyobonu shoh mavzesi ko'chasi poghots poghota marg
"""
_TYPES = frozenset(_TYPES_TEXT.split())
_TYPE_ENDINGS = (
    *("straße", "strasse", "gasse", "weg", "platz", "allee", "zeile", "damm", "ufer", "ring", "markt"),
    *("vej", "gade", "gatan", "vägen", "katu", "tie"),
)


def _is_type(word: str) -> bool:
    word = word.lower()
    return word in _TYPES or word.endswith(_TYPE_ENDINGS)


def _street_ok(words: list[str], need_type: bool) -> bool:
    """A street's words: the first capitalised, a lowercase word only a street type or after one
    (Bulevar oslobođenja, Industrijska zona, Autoput za Novi Sad; not "Deliver to Zona")."""
    if not words or not words[0][0].isupper():
        return False
    typed = False
    for word in words:
        typed = typed or _is_type(word)
        if word[0].islower() and not typed:
            return False
    return typed or not need_type


def _street_before(text: str, end: int) -> int | None:
    """The start of the longest street that ends at ``end``: up to five words one space apart
    (three when none is a street type), starting after a non-Latin character (送付先Nádražní), and
    at the preposition a Czech or Polish street name starts with (U Panasonicu, Na Příkopě)."""
    words: list[tuple[int, str]] = []
    start = end
    while len(words) < MAX_STREET_WORDS and start > 0:
        head = text.rfind(" ", max(0, start - 40), start)
        tail = _LAST_WORD.search(text, head + 1, start)
        if tail is None:
            break
        words.insert(0, (tail.start(), tail.group(0)))
        if tail.start() > head + 1 or tail.group(0) in _PREPOSITIONS:
            break
        if head < 0 or (head > 0 and text[head - 1] == " "):
            break
        start = head
    for i in range(len(words)):
        street = [w for _, w in words[i:]]
        if (len(street) <= 3 or any(map(_is_type, street))) and _street_ok(street, need_type=False):
            return words[i][0]
    return None


# The town and its postcode, then the street with its number after the street word, as Armenia
# and Georgia write it (Yerevan 0010, Tigran Mets Avenue 3; 0171 Tbilisi, Kostava Street 67): the
# street needs a street word, since "Line 2024, Main 5" is a count.
_TOWN_POSTCODE_FIRST = re.compile(
    rf"(?<![{_L}0-9\-/.])(?P<town>{_TOWN})\s(?:[A-Z]{{2}})?[0-9]{{4,6}},\s(?P<street>{_STREET})\s[0-9]{{1,5}}[A-Za-z]?"
    rf"(?:/[0-9]{{1,5}})?\.?(?![{_L}0-9]|[\-.][0-9])"
)
# The street and its number, then the town and its postcode (Rothschild Blvd 22, Tel Aviv 6688218;
# Dostyk Avenue 38, office 501, Almaty 050010), and the post-Soviet order, postcode, town, street,
# number (125009, Moscow, Tverskaya Street, 7): the street needs a street word.
_TOWN_AFTER_STREET = re.compile(
    rf"\s(?:(?:nr|Nr|No|d)\.?\s)?{_HOUSE}(?:,\s{UNIT}\.?\s?[0-9]{{1,5}}[A-Za-z]?)?"
    rf",\s(?P<town>{_TOWN})(?P<code>\s[0-9]{{4,7}})?(?![{_L}0-9\-])"
)
# Without its postcode the town must end the clause or stand before a country (Gai Street 43,
# Yerevan; Kostava St. 67, Tbilisi, Georgia), and be no plant's place (Gate Road 4, Paint Shop).
_CLAUSE_END = re.compile(r"[ \t]*(?:$|[.;)\n]|,\s(?![A-Z]))")
_PLANT_PLACE = re.compile(
    r"(?<![^\s])(?:Shop|Annex|Hall|Bay|Dock|Line|Gate|Building|Plant|Area|Zone|Room|Office|Lab|Yard|Warehouse|"
    r"Site|Station|Wing|Block|Floor|Cell|Booth|Recipe|Batch|Lot|Order|Program|Step|Oven|Press|Tank|Job)$"
)
# Street words a plant numbers its own places with (Zone 5, Park 3): no street before a town
_PLANT_TYPES = frozenset({"zone", "zona", "park", "ring"})
_POSTCODE_COMMA_FIRST = re.compile(
    rf"(?<![{_L}0-9\-/.,])[0-9]{{6}},\s(?P<town>{_TOWN}),\s(?P<street>{_STREET}),?\s"
    rf"(?:d\.\s?|house\s)?[0-9]{{1,4}}[A-Za-z]?"
    rf"(?:/[0-9]{{1,3}})?(?![{_L}0-9]|[\-.][0-9])"
)
_KR_UNIT = r"[A-Z][a-z]+(?:-[a-z]+)?-(?:do|si|gun|gu|eup|myeon|dong|ri|ro|gil|daero)"
_KOREAN_ORDER = re.compile(
    # after the postcode in brackets, a metropolitan city without its suffix (Ulsan, Incheon)
    rf"(?<![{_L}0-9])(?:\([0-9]{{5}}\)\s(?:[A-Z][a-z]+\s){{0,2}})?(?:{_KR_UNIT}\s){{1,5}}"
    rf"(?:[0-9]{{1,3}}(?:beon)?-?gil\s)?"
    r"[0-9]{1,5}(?:-[0-9]{1,4})?(?![0-9\-])"
)
_KR_ROAD = re.compile(r"-(?:ro|gil|daero)\s")
_KR_PLACE = re.compile(r"-(?:do|si|gun|gu)\s")


def plant_figure(address: str) -> bool:
    """An "address" that ends in a unit or a plant word where its town should be (Line 4, 2400
    Strokes): a figure after a comma."""
    return _NOT_TOWN.search(address) is not None


def find_european(text: str) -> Iterator[Span]:
    if not any(c.isdigit() for c in text):
        return
    for m in _AFTER_STREET.finditer(text):
        if _NOT_TOWN.search(m.group("town")):
            continue
        start = _street_before(text, m.start())
        if start is not None:
            yield Span(ADDRESS, start, m.end(), "europe_address")
    for m in _POSTCODE_FIRST.finditer(text):
        distinct = _DISTINCT_POSTCODE.match(m.group(0)) is not None
        street_ok = _street_ok(m.group("street").split(), need_type=not distinct)
        if street_ok and not _NOT_TOWN.search(m.group("town")):
            yield Span(ADDRESS, m.start(), m.end(), "europe_address")
    yield from _town_after_street(text)
    for pattern in (_POSTCODE_COMMA_FIRST, _TOWN_POSTCODE_FIRST):
        for m in pattern.finditer(text):
            typed = _street_ok(m.group("street").split(), need_type=True)
            if typed and not _NOT_TOWN.search(m.group("town")):
                yield Span(ADDRESS, m.start(), m.end(), "europe_address")
    for m in _KOREAN_ORDER.finditer(text):
        if _KR_ROAD.search(m.group(0)) and _KR_PLACE.search(m.group(0)):
            yield Span(ADDRESS, m.start(), m.end(), "korean_address")


def _town_after_street(text: str) -> Iterator[Span]:
    """The street with a street word, its number, then the town and its postcode (or the town
    alone, see _CLAUSE_END)."""
    for m in _TOWN_AFTER_STREET.finditer(text):
        start = _street_before(text, m.start())
        if start is None or _NOT_TOWN.search(m.group("town")):
            continue
        if m.group("code") is None and not _town_alone(text, m):
            continue
        if _PLANT_PLACE.search(m.group("town")):  # Zone 5, Recipe 10450
            continue
        if any(_is_type(w) and w.lower() not in _PLANT_TYPES for w in text[start : m.start()].split()):
            yield Span(ADDRESS, start, m.end(), "europe_address")


def _town_alone(text: str, m: re.Match[str]) -> bool:
    if _PLANT_PLACE.search(m.group("town")):
        return False
    return country_end(text, m.end()) > m.end() or _CLAUSE_END.match(text, m.end()) is not None
