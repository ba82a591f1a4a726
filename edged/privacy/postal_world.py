"""Postal codes of countries whose shape the Japanese, US, UK and Canadian patterns do not cover:
Brazil's CEP (01310-100), Poland's (00-950), and the six digits of Singapore, India, China,
Russia, Vietnam, Kazakhstan ... .

A bare 00-950 or 123456 is a part number or a reading as often as a postal code, so each shape is
taken only where the text says it is one: in a sentence that speaks of a ZIP or postal code (see
``structured.find_postal_codes``), or where an address puts it: after "Singapore", after a
Brazilian state's two letters, or between a house number and a town in the European order
("ul. Fabryczna 12, 43-300 Bielsko-Biała").
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from edged.privacy.detector import Span
from edged.privacy.entities import POSTAL_CODE
from edged.privacy.postal_short import find_short_postal

# The shapes looked for after a postal word, besides 12345, 12345-6789 and 123-4567.
WORLD_SHAPE = re.compile(
    r"(?<![0-9A-Za-z\-.])([0-9]{5}-[0-9]{3}|[0-9]{2}-[0-9]{3}|[0-9]{6})(?![0-9A-Za-z]|[\-.][0-9])"
)
# Postal words of those countries, added to ZIP, postal code, postcode, 郵便番号.
WORLD_WORDS = r"CEP|kod\s+pocztowy|c[óo]digo\s+postal|PLZ|PIN\s*code|pincode|indeks"

_SINGAPORE = re.compile(r"(?<![A-Za-z])Singapore,?\s(?:S\s?)?\(?([0-9]{6})\)?(?![0-9])")
_BR_STATES = "AC|AL|AP|AM|BA|CE|DF|ES|GO|MA|MT|MS|MG|PA|PB|PR|PE|PI|RJ|RN|RS|RO|RR|SC|SP|SE|TO"
# a city, its state (São Paulo - SP, 01310-100 / Betim/MG 32530-157), or the word (CEP 01310100)
_BR_CEP = re.compile(
    rf"(?:[A-Za-zÀ-ÿ](?:\s-\s|/)(?:{_BR_STATES})(?![A-Za-z]),?\s|(?<![A-Za-z])CEP\s?[:.]?\s?)"
    r"([0-9]{5}-?[0-9]{3})(?![0-9\-])"
)
# a house number (12, 12A, 12/4, 12 lok. 3), a comma, the postcode and a town's capital letter
_PL_AFTER_NUMBER = re.compile(
    r"(?<![0-9])[0-9]{1,4}[A-Za-z]?(?:/[0-9]{1,4})?(?:\slok\.\s[0-9]{1,4})?,\s"
    r"([0-9]{2}-[0-9]{3})\s(?=[A-ZĆŁŚŹŻ][a-ząćęłńóśźż])"
)


# Right after a postal word (postcode 500 03, PSČ 602 00, postcode H-7621, 郵便番号EC170517,
# C.P. 06600, postcode 1012 AB): any country's shape, with or without the country's letters
# before it. Four digits are a quantity or a year as often, so only right after the word.
_AFTER_POSTAL_WORD = re.compile(
    r"(?<![A-Za-z])(?:(?i:post\s?code|postal\s+code|zip(?:\s?code)?|PSČ|PSC|irányítószám|PLZ|postnummer|"
    r"postinumero|T\.?K\.|code\s+postal|c[óo]digo\s+postal|Postleitzahl|kod\s+pocztowy)|C\.P\.|CP|郵便番号)"
    r"\s?(?:(?i:is)\s|[:：#]\s?)?"
    r"((?:[A-Z]{1,3}[-\s]?)?(?:[0-9]{3}\s[0-9]{4}|[0-9]{3}\s[0-9]{2}|[0-9]{4}-[0-9]{3}|[0-9]{5}-[0-9]{3,4}|[0-9]{3}-[0-9]{4}"
    r"|[0-9]{2}-[0-9]{3}|[0-9]{4}\s?[A-Z]{2}(?![A-Za-z])|[0-9]{4,7}))(?![0-9A-Za-z]|[\-.,/][0-9])"
)
# A country's letters joined to the code, before the town (CH-8000 Zürich, LT-01100 Vilnius,
# LV-1010 Rīga) or after it (Quito EC170135, Ecuador): two or three letters of a country that
# writes its codes so, a hyphen or none, and four to six digits. One letter (A-1010, D-80331)
# is how a part number starts as often, so that is taken only after a postal word.
_PREFIX_COUNTRIES = (
    "AD|AT|AZ|BE|BG|BY|CH|CY|CZ|DE|DK|EC|EE|ES|FI|FIN|FL|FR|GR|HR|HU|IS|IT|LI|LT|LU|LV|MC|MD|MK|NL|NO|PL|PT|"
    "RO|SE|SI|SK|SLO|SM|UA"
)
_PREFIXED = re.compile(
    # with the hyphen four to six digits; joined without one only six (Ecuador's EC170402), not a
    # VAT number's or a motor's shorter figure (AT12345, EC2005)
    rf"(?<![A-Za-z0-9\-])((?:{_PREFIX_COUNTRIES})(?:-[0-9]{{4,6}}|[0-9]{{6}}))(?![0-9A-Za-z]|[\-.,/][0-9])"
)
# a capitalised word that names a thing of the plant, not a town: CH-4000 Series, Model EC17050
_THING = (
    r"(?:Series|Type|Model|Rev|Unit|Line|Cell|Press|Pump|Valve|Part|Order|Item|Lot|Batch|Serial|Kit|Size|"
    r"Motor|Fan|Drive|Sensor|Module|Board|Controller|Panel|Filter|Relay|Cable|Version)"
)
# a town's word: a capital, then lowercase letters of any Latin alphabet (Rīga, København, Łódź)
_TOWN = r"(?=[A-ZÀ-ÖØ-ÞĀ-Ž])(?-i:[^\W\d_])(?:(?![A-Z])[^\W\d_])+"
_TOWN_AFTER = re.compile(rf"\s(?!{_THING}(?![a-z])){_TOWN}")
_TOWN_BEFORE = re.compile(rf"(?<![^\W\d_])(?!{_THING}\s){_TOWN}\s$")


def find_world_postal(text: str) -> Iterator[Span]:
    for pattern, name in (
        (_SINGAPORE, "postal_singapore"),
        (_BR_CEP, "postal_br_cep"),
        (_PL_AFTER_NUMBER, "postal_pl_address"),
        (_AFTER_POSTAL_WORD, "postal_after_word"),
    ):
        for m in pattern.finditer(text):
            yield Span(POSTAL_CODE, m.start(1), m.end(1), name)
    yield from _find_prefixed(text)
    yield from find_short_postal(text)


def _find_prefixed(text: str) -> Iterator[Span]:
    """CH-8000 Zürich, Quito EC170135: a country-prefixed code where an address puts it: a town's
    word right after it, or a town's word before it and the end of the address part after it."""
    for m in _PREFIXED.finditer(text):
        town_after = "-" in m.group(1) and _TOWN_AFTER.match(text, m.end()) is not None
        town_before = _TOWN_BEFORE.search(text, max(0, m.start() - 24), m.start()) is not None
        if town_after or (town_before and _END_OF_PART.match(text, m.end())):
            yield Span(POSTAL_CODE, m.start(1), m.end(1), "postal_prefixed")


# the end of an address part: a comma (Quito EC170135, Ecuador), Japanese text's 、 or a line's end
_END_OF_PART = re.compile(r"\s?(?:[,;、。；\n]|$)")


def find_repeats(text: str, found: list[Span]) -> Iterator[Span]:
    """The other places a postal code the text named stands (Cuenca 010107, Ecuador, postcode
    010107): the same value, on its own (no digit or letter joined to it), six characters or more
    so a four-digit figure named a postcode once does not take every quantity equal to it."""
    taken = {(s.start, s.end) for s in found}
    # one scan of the text per value: a bounded number of values keeps a text of thousands of
    # named codes linear
    for value in sorted({text[s.start : s.end] for s in found})[:MAX_REPEATED_VALUES]:
        if len(value) < MIN_REPEAT:
            continue
        start = text.find(value)
        while start >= 0:
            end = start + len(value)
            alone = not (text[start - 1 : start].isalnum() or text[end : end + 1].isalnum())
            if alone and (start, end) not in taken:
                yield Span(POSTAL_CODE, start, end, "postal_repeat")
            start = text.find(value, end)


MIN_REPEAT = 6
MAX_REPEATED_VALUES = 16
