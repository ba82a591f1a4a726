"""Latin-script addresses in the two orders the other patterns miss, in English text and inside
Japanese text alike (訪問先Grandagarður 15, 101 Reykjavík、):

- the Nordic order with a short postcode: a street whose word ends in its language's street
  suffix (Icelandic -vegur, -gata, -garður, -hraun, -stræti, -braut, -stígur; Faroese and
  Norwegian -gøta, -veien, -gata, -gate ...), its number, a three- or four-digit postcode (with the
  country's letters or not: IS-101) and the town (Laugavegur 9, IS-101 Reykjavík);
- the number before the street, as Malta, and many places that borrow the British order, write
  it: a flat, block or house name, the number, a street-type word of the country's language
  (Triq, Iela, Ulica, Utca, Calle, Rua, Strada, Sokak, Odos, Rruga ...), the street's name, the
  town, the postcode (VLT 1279) and the country (Flat 5, 89, Triq ir-Repubblika, Valletta VLT
  1279, Malta).

The street suffix or the street-type word is the anchor: a bare "Press 12, 101 Units" or
"Line 5, 89, Bay 3" holds neither, so it stays.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from edged.privacy.detector import Span
from edged.privacy.entities import ADDRESS

_UP = "A-ZÀ-ÖØ-ÞĀ-ž"  # Latin Extended-A holds both cases, one after the other
_LOW = "a-zß-öø-ÿĀ-ž"
_CAP = rf"[{_UP}][{_LOW}]+(?:-[{_UP}]?[{_LOW}]+)*"
# Street suffixes of the Nordic languages (Icelandic first), from the countries' street registers.
_NORDIC_SUFFIX = (
    r"(?:vegur|vegi|gata|götu|garður|hraun|stræti|braut|stígur|stígs|slóð|gerði|tún|holt|hlíð|vellir|bakki|lind|ás|"
    r"sund|torg|mýri|fold|leiti|hagi|smári|kór|hvarf|veien|vegen|veg|vei|gate|gata|gøta|vegur|gatan|"
    r"vägen|gränd|stræde|gade|vej|katu|tie|kuja)"
)
_NORDIC = re.compile(
    rf"(?<![A-Za-zÀ-ɏ0-9\-])[{_UP}][{_LOW}]*{_NORDIC_SUFFIX}\s[0-9]{{1,4}}[a-zA-Z]?,\s"
    rf"(?:(?:IS|FO|NO|SE|DK|FI|GL)-)?[0-9]{{3,4}}\s{_CAP}(?:\s{_CAP})?(?![A-Za-zÀ-ɏ])"
)
# Street-type words written before the street's name (Triq il-Kbira, Iela Brīvības, Calle Mayor).
_STREET_WORD = (
    r"(?:Triq|Sqaq|Vjal|Pjazza|Iela|Ulica|Ulice|Ulitsa|Ul\.|Utca|Út|Calle|C/|Carrer|Rua|Strada|Stradă|"
    r"Sokak|Sokağı|Sk\.|Cadde|Caddesi|Cad\.|Odos|Odós|Leoforos|Rruga|Bulevardi|Bulevar|Bulevardul|"
    r"Avenida|Avda\.|Av\.|Avinguda|Via|Viale|Piazza|Jalan|Jl\.|Soi|Thanon|Duong|Đường|Pho|Phố)"
)
# What stands before the number: a flat, a block, a house's name (Dar il-Paci, Villa Rosa).
# A house's name is capitalised words (Kappara Court), the number after it makes it the house's.
_BEFORE = (
    rf"(?:(?:Flat|Apartment|Apt\.?|Block|Blk\.?|Unit|Suite|Dar|Villa|House|Casa|Maison|Penthouse)"
    rf"\s[0-9A-Za-z{_UP}{_LOW}'’\-]{{1,20}}(?:\s[0-9A-Za-z{_UP}{_LOW}'’\-]{{1,20}}){{0,2}},\s"
    rf"|{_CAP}(?:\s{_CAP}){{0,2}},\s)?"
)
_NAME_WORD = rf"(?:[{_UP}{_LOW}0-9][{_UP}{_LOW}0-9'’\-]*|[a-z]{{1,3}}['’]|ta['’])"
_POSTCODE = r"(?:[A-Z]{3}\s?[0-9]{4}|[0-9]{4,6}|[A-Z]{2}-[0-9]{4,5})"
_COUNTRY = (
    r"(?:Malta|MALTA|Gozo|Latvia|Poland|Hungary|Spain|Portugal|Romania|Turkey|Türkiye|Greece|Albania|Italy)"
)
# the street: its type word and name (Triq il-Kbira), or any capitalised words when Malta's
# postcode (three letters of the locality, four digits) ends the address (56, Hal Far Industrial
# Estate, Birżebbuġa BBG 1819)
_NUMBER_FIRST = re.compile(
    rf"(?<![A-Za-zÀ-ɏ0-9\-]){_BEFORE}[0-9]{{1,4}}[A-Za-z]?,?\s"
    rf"(?:{_STREET_WORD}\s{_NAME_WORD}(?:\s{_NAME_WORD}){{0,3}},\s{_CAP}(?:\s{_CAP}){{0,2}}(?:,?\s{_POSTCODE})?"
    rf"|{_CAP}(?:\s{_CAP}){{0,3}},\s{_CAP}(?:\s{_CAP}){{0,2}}\s[A-Z]{{3}}\s?[0-9]{{4}})"
    rf"(?:,\s?{_COUNTRY})?(?![A-Za-zÀ-ɏ0-9])"
)


# A plant's own numbered places (Press 5, 89, Zone Alpha, Area Beta ABC 1234) are no address.
_PLANT_WORD = re.compile(
    r"(?<![^\s,])(?:Shop|Hall|Bay|Dock|Line|Gate|Plant|Area|Zone|Room|Cell|Booth|Recipe|Batch|Lot|Order|"
    r"Program|Step|Oven|Press|Tank|Job|Rack|Shelf|Bin|Station|Machine|Part|Item|Kit|Units?|"
    # a measure after the figure (Kerfisvegur 12, 200 Bar; 300 Litres): a reading, not a town
    r"Bars?|Psi|Litres?|Liters?|Hours?|Hrs|Minutes?|Seconds?|Cycles?|Pieces?|Pcs|Bytes?|Rpm|Volts?|"
    r"Amps?|Watts?|Kg|Tons?|Tonnes?|Metres?|Meters?|Parts|Setup|Points?)(?![^\s,])"
)


def find_foreign(text: str) -> Iterator[Span]:
    for pattern, name in ((_NORDIC, "nordic_address"), (_NUMBER_FIRST, "number_first_address")):
        for m in pattern.finditer(text):
            if _PLANT_WORD.search(m.group(0)) is None:
                yield Span(ADDRESS, m.start(), m.end(), name)
