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


# Right after a postal word (postcode 500 03, PSČ 602 00, postcode H-7621, postcode 4020): the
# postcodes of Czechia, Slovakia, Greece and Sweden (NNN NN), and the four digits of Hungary,
# Austria, Switzerland, Denmark, Norway, Belgium, Australia ... with or without the country's
# letters. Four digits are a quantity or a year as often, so only right after the word.
_AFTER_POSTAL_WORD = re.compile(
    r"(?<![A-Za-z])(?i:post\s?code|postal\s+code|zip(?:\s?code)?|PSČ|PSC|irányítószám|PLZ|postnummer|"
    r"postinumero|T\.?K\.|郵便番号)\s?(?:(?i:is)\s|[:：#]\s?)?"
    r"((?:[A-Z]{1,2}-\s?)?(?:[0-9]{3}\s[0-9]{2}|[0-9]{4,5}))(?![0-9A-Za-z]|[\-.,/][0-9])"
)


def find_world_postal(text: str) -> Iterator[Span]:
    for pattern, name in (
        (_SINGAPORE, "postal_singapore"),
        (_BR_CEP, "postal_br_cep"),
        (_PL_AFTER_NUMBER, "postal_pl_address"),
        (_AFTER_POSTAL_WORD, "postal_after_word"),
    ):
        for m in pattern.finditer(text):
            yield Span(POSTAL_CODE, m.start(1), m.end(1), name)
