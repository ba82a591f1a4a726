"""Street addresses written the Romance way, the street type first: Spanish and Latin American
(``Calle``, ``Avda.``, ``Carrera 10 # 29-9``), Italian (``Viale``, ``Piazza``, ``Vicolo``),
Portuguese, Catalan and French (``Rue``, and ``12 rue ...`` with the number first).

An address needs its type word, a house number and a place after a comma (a postcode and a
town, or a town); the street name between type and number is any few words, since streets are
named after people and places no list holds."""

from __future__ import annotations

import re
from collections.abc import Iterator

from edged.privacy.addresses_europe import plant_figure
from edged.privacy.addresses_extent import UNIT
from edged.privacy.detector import Span
from edged.privacy.entities import ADDRESS

# Street types, full and abbreviated, of the Romance languages (INE, ISTAT, Correios, La Poste
# and the Latin American postal services write these), and the type-first streets of Romania,
# Russia and Ukraine in Latin script (Str., ul., vul., prosp.) and of Indonesia (Jl.).
_TYPES_TEXT = """
Calle C. Cl. Cll. Avenida Avda. Av. Avd. Diagonal Diag. Dg. Carrera Cra. Cr. Kr. Transversal Tv. Trans.
Camino Cno. Pasaje Pje. Psje. Paseo Pº Plaza Pza. Pl. Alameda Ronda Rda. Glorieta Travesía Trav.
Callejón Cjón. Blv. Tr. Pasadizo Acceso Cuesta Carretera Ctra. Urbanización Urb. Bulevar Blvr. Vía
Via Viale V.le Piazza P.za Piazzale Corso C.so Largo Vicolo Strada Contrada Borgo Incrocio Rotonda
Stretto Traversa Salita Lungomare Rua Travessa Praça Rodovia Estrada Viela Beco Carrer C/ Passeig
Rambla Plaça Avinguda Rue Avenue Boulevard Bd Chemin Allée Impasse Place Quai Route Cours Passage
Ruta Autopista Autovía Bv. Bvar. Bulevard Jr. Jirón Prolongación Prol. Calzada Calz. Circuito Privada
Cerrada Retorno Andador Vereda Sendero Malecón Costanera Camino Senda
vul. Vul. vulytsia Vulytsia ul. Ul. ulitsa Ulitsa ulica Ulica prosp. Prosp. Prospekt pr-t Str. str.
Strada Bulevardul Calea Aleea Șoseaua Sos. Splaiul Jl. Jln. Jalan Blvd.
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
    r"|\s(?:#|No\.?|Nº)\s?[0-9]{1,3}[A-Za-z]?-[0-9]{1,3}[A-Za-z]?(?:\s(?:Sur|Norte|Este|Oeste))?"
    # Quito numbers each block from the city's axes, the axis first (N52-308, Oe13-316, E10-2);
    # a road counts kilometres (Ruta 8 km 29); "s/n" is a house without a number
    r"|\s(?:N|S|E|O|Oe|NE|NO|SE|SO)[0-9]{1,3}[A-Z]?-[0-9]{1,4}[A-Z]?"
    r"|,?\s(?:km|Km|KM)\.?\s?[0-9]{1,4}(?:[.,][0-9]{1,3}(?![0-9]))?|,?\s(?:s/n|S/N|s/nº)"
    # the number's word before it: No. 12, Nº 40, Indonesia's Kav. 52-53 (a lot) and Blok
    r"|,?\s(?:No\.?|Nº|Kav\.?|Blok)\s?[0-9]{1,5}[A-Za-z]?(?:-[0-9]{1,4}[A-Za-z]?)?)"
)
# What stands between the parts: a comma, a line break (an address block), a dash, a space, or
# the Japanese comma of a foreign address in Japanese text.
_SEP = r"(?:,[ \t]|,?[ \t]*\n[ \t]*|[ \t][-–][ \t]|[ \t]|、[ \t]?)"
# "1º B": NFKC, which the redactor applies first, writes º and ª as o and a
_FLOOR = rf"(?:{_SEP}[0-9]{{1,2}}\s?[º°ªoa](?:\s?[A-Z0-9]{{1,2}})?)?"
# Latin letters only: the Japanese after an address (Sfax, Tunisiaまで) is no part of its town
_TOWN_WORD = r"[A-ZÀ-ÞĀ-ſ][A-Za-zÀ-ÖØ-öø-ɏ'’\-]*"
_TOWN = (
    rf"{_TOWN_WORD}(?: (?:(?:de|del|di|da|do|dos|das|du|des|la|las|los|el|le|les|sur|en)(?=\s)"
    rf"|[ld]['’](?=[A-ZÀ-Þ])|{_TOWN_WORD})){{0,5}}"
)
# 28013, C1043AAZ (Argentina), 1100-053 (Portugal), 400001 (Romania), C.P. 64000 (Mexico)
_POSTCODE = (
    r"(?:C\.\s?P\.\s?|CP\s)?(?:(?:[A-Z]{1,2}-?)?[0-9]{4,6}(?:[A-Z]{3})?|[0-9]{4}-[0-9]{3}|[0-9]{2}-[0-9]{3})"
    r"(?![0-9])"
)
# the cross street of an intersection, where the number may be (Av. Amazonas N42-62 y Av.
# Atahualpa; Av. Huayna Cápac y Av. España)
_CROSS = rf"\s(?:y|e|esq\.|esquina)\s(?:(?:{_TYPE})\s)?{_FIRST_WORD}(?:\s{_NAME_WORD}){{0,4}}?"
# between the street and the town: the flat or office (apto. 938, of. 1104, local 3, depto. B) and
# the building, estate, neighbourhood or industrial zone (Edificio Torre Azul, Col. Centro, Z.I.
# Sidi Abdelhamid, Les Berges du Lac)
_UNIT_PART = rf"{_SEP}{UNIT}\.?\s?(?:No\.?\s?|#\s?)?(?:[0-9]{{1,5}}[A-Za-z]?|[A-Z](?![A-Za-z]))"
_PLACE_PART = rf"(?:,\s|,?[ \t]*\n[ \t]*)(?:Z\.[A-Z]\.(?:[A-Z]\.)?\s|[A-Z][a-z]{{0,5}}\.\s)?{_TOWN}"
# after the town: its province or state (CDMX, N.L., (TO)); the country is read after any address
_REGION = rf"(?:\s\([A-Z]{{2}}\)|\s[A-Z]{{2}}\b)?(?:,\s(?:(?:[A-Z]\.){{1,3}}|{_TOWN})(?![A-Za-z.]))?"
# a town and its postcode, in either order (11500 Montevideo, Quito 170505, C.P. 64000, Monterrey),
# after any separator: the postcode is strong enough
_TOWN_POSTCODE = (
    rf"{_SEP}(?:{_POSTCODE},?\s{_TOWN}|{_TOWN}\s(?:[A-Z]{{2}}-?)?[0-9]{{4,7}}(?![0-9]))(?:{_PLACE_PART}(?=,))?{_REGION}"
)
_TAIL = (
    rf"(?:{_UNIT_PART}){{0,2}}(?:(?:{_PLACE_PART}(?:{_UNIT_PART}){{0,2}}){{0,2}}{_TOWN_POSTCODE}"
    rf"|(?:{_PLACE_PART}(?:{_UNIT_PART}){{1,2}})?,\s(?:{_POSTCODE}\s)?{_TOWN}(?:\s(?:[A-Z]{{2}}-?)?[0-9]{{4,7}}(?![0-9]))?"
    rf"{_REGION})"
)
_STREET = rf"(?:{_TYPE})(?:\s{_PARTICLE}){{0,3}}\s{_FIRST_WORD}(?:\s{_NAME_WORD}){{0,5}}?"
# (a cheap look at the first letter first: the type alternation tried at each character of a long
# Japanese text cost more than the rest of the pattern)
_TYPE_FIRST = re.compile(
    rf"(?=[A-Za-zÀ-Þ])(?<![A-Za-zÀ-ÿ0-9_\-/]){_STREET}{_NUMBER}(?:{_CROSS})?{_FLOOR}{_TAIL}"
)
# an intersection without a number needs the postcode (Av. Huayna Cápac y Av. España, Cuenca 010107)
_CORNER = re.compile(
    rf"(?=[A-Za-zÀ-Þ])(?<![A-Za-zÀ-ÿ0-9_\-/]){_STREET}{_CROSS}(?:{_UNIT_PART}|{_PLACE_PART}){{0,3}}{_TOWN_POSTCODE}"
)
_NUMBER_FIRST = re.compile(
    rf"(?<![A-Za-zÀ-ÿ0-9_\-/.,])[0-9]{{1,4}}(?:\s(?:bis|ter))?,?\s(?:{_FRENCH_TYPE})\s(?:{_NAME_WORD}\s){{0,5}}?"
    rf"{_NAME_WORD}(?:{_UNIT_PART}|{_PLACE_PART}){{0,2}}{_SEP}{_POSTCODE}\s{_TOWN}",
)


# Chile: street and number, comuna, region, with or without the street type (Las Acacias 1180,
# Maipú, Región Metropolitana; Avda. Prat 88, Talca, Región del Maule); the region is the anchor.
# It starts at no letter after a letter and an apostrophe (A'A'A'... rescanned the run from each A).
_REGION_LAST = re.compile(
    rf"(?=[A-Za-zÀ-ÞĀ-ſ])(?<![A-Za-zÀ-ÿ0-9_\-/])(?<!\w['’])(?:(?:{_TYPE})\s)?{_TOWN_WORD}(?:\s(?:(?:de|del|la|las|los|el)\s)?{_TOWN_WORD}){{0,4}}"
    rf"\s[0-9]{{1,5}}[A-Za-z]?,\s{_TOWN},\sRegión\s(?:(?:de|del)\s(?:la\s|los\s)?)?{_TOWN}"
)


def find_romance(text: str) -> Iterator[Span]:
    for pattern in (_TYPE_FIRST, _CORNER, _NUMBER_FIRST, _REGION_LAST):
        for m in pattern.finditer(text):
            if not plant_figure(m.group(0)):  # Route 5, Line 2, 2024 Review
                yield Span(ADDRESS, m.start(), m.end(), "romance_address")
