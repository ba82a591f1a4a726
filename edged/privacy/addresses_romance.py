"""Street addresses written the Romance way, the street type first: Spanish and Latin American
(``Calle``, ``Avda.``, ``Carrera 10 # 29-9``), Italian (``Viale``, ``Piazza``, ``Vicolo``),
Portuguese, Catalan and French (``Rue``, and ``12 rue ...`` with the number first).

An address needs its type word, a house number and a place after a comma (a postcode and a
town, or a town); the street name between type and number is any few words, since streets are
named after people and places no list holds."""

from __future__ import annotations

import re
from collections.abc import Iterator

from edged.privacy.detector import Span
from edged.privacy.entities import ADDRESS

# Street types, full and abbreviated, of the Romance languages (INE, ISTAT, Correios, La Poste
# and the Latin American postal services write these).
_TYPES_TEXT = """
Calle C. Cl. Cll. Avenida Avda. Av. Avd. Diagonal Diag. Dg. Carrera Cra. Cr. Kr. Transversal Tv. Trans.
Camino Cno. Pasaje Pje. Psje. Paseo Pº Plaza Pza. Pl. Alameda Ronda Rda. Glorieta Travesía Trav.
Callejón Cjón. Blv. Tr. Pasadizo Acceso Cuesta Carretera Ctra. Urbanización Urb. Bulevar Blvr. Vía
Via Viale V.le Piazza P.za Piazzale Corso C.so Largo Vicolo Strada Contrada Borgo Incrocio Rotonda
Stretto Traversa Salita Lungomare Rua Travessa Praça Rodovia Estrada Viela Beco Carrer C/ Passeig
Rambla Plaça Avinguda Rue Avenue Boulevard Bd Chemin Allée Impasse Place Quai Route Cours Passage
"""
ROMANCE_TYPES = frozenset(_TYPES_TEXT.split())
_TYPE = "|".join(re.escape(t) for t in sorted(ROMANCE_TYPES, key=len, reverse=True))
_FRENCH_TYPE = "(?i:rue|avenue|boulevard|bd|chemin|allée|impasse|place|quai|route|cours|passage|square)"
_NAME_WORD = r"[^\s,\n#()]{1,30}"
# the street's name starts with a capital or a number after its particles (Calle de la Paz,
# Carrera 10, Avenida calle 5a); "Via the HMI 3" is English
_PARTICLE = r"(?:de|del|dei|degli|della|delle|di|da|do|dos|das|des|du|la|las|los|el|le|les|calle)"
_FIRST_WORD = r"[A-ZÀ-ÞĀ-ſ0-9][^\s,\n#()]{0,29}"
# the house number: "27", "84 bis", ", 58", or the Colombian "# 29-9 Sur"
_NUMBER = (
    r"(?:,?\s[0-9]{1,5}[A-Za-z]?(?:\s(?:bis|ter))?"
    r"|\s(?:#|No\.?|Nº)\s?[0-9]{1,3}[A-Za-z]?-[0-9]{1,3}[A-Za-z]?(?:\s(?:Sur|Norte|Este|Oeste))?)"
)
# "1º B": NFKC, which the redactor applies first, writes º and ª as o and a
_FLOOR = r"(?:,\s[0-9]{1,2}\s?[º°ªoa](?:\s?[A-Z0-9]{1,2})?)?"
_TOWN_WORD = r"[A-ZÀ-ÞĀ-ſ][\w'’\-]*"
_TOWN = rf"{_TOWN_WORD}(?: (?:(?:de|del|di|da|do|dos|das|la|las|los|el|le|sur|en)(?=\s)|{_TOWN_WORD})){{0,5}}"
_POSTCODE = r"(?:[A-Z]{1,2}-?)?[0-9]{4,5}(?:[A-Z]{3})?"
_TAIL = rf",\s(?:{_POSTCODE}\s)?{_TOWN}(?: [A-Z]{{2}}\b)?(?:,\s{_TOWN})?"
_TYPE_FIRST = re.compile(
    rf"(?<![\w\-/])(?:{_TYPE})(?:\s{_PARTICLE}){{0,3}}\s{_FIRST_WORD}(?:\s{_NAME_WORD}){{0,5}}?"
    rf"{_NUMBER}{_FLOOR}{_TAIL}",
)
_NUMBER_FIRST = re.compile(
    rf"(?<![\w\-/.,])[0-9]{{1,4}}(?:\s(?:bis|ter))?,?\s(?:{_FRENCH_TYPE})\s(?:{_NAME_WORD}\s){{0,5}}?"
    rf"{_NAME_WORD},\s{_POSTCODE}\s{_TOWN}",
)


# Chile: street and number, comuna, region, with or without the street type (Las Acacias 1180,
# Maipú, Región Metropolitana; Avda. Prat 88, Talca, Región del Maule); the region is the anchor.
# It starts at no letter after a letter and an apostrophe (A'A'A'... rescanned the run from each A).
_REGION_LAST = re.compile(
    rf"(?<![\w\-/])(?<!\w['’])(?:(?:{_TYPE})\s)?{_TOWN_WORD}(?:\s(?:(?:de|del|la|las|los|el)\s)?{_TOWN_WORD}){{0,4}}"
    rf"\s[0-9]{{1,5}}[A-Za-z]?,\s{_TOWN},\sRegión\s(?:(?:de|del)\s(?:la\s|los\s)?)?{_TOWN}"
)


def find_romance(text: str) -> Iterator[Span]:
    for pattern in (_TYPE_FIRST, _NUMBER_FIRST, _REGION_LAST):
        for m in pattern.finditer(text):
            yield Span(ADDRESS, m.start(), m.end(), "romance_address")
