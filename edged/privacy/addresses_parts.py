"""Addresses with no postcode, told by their numbered or named administrative parts.

The Gulf numbers each part: the building, the street and the zone or block (Building 12, Street
340, Zone 56, Doha; Block 3, Street 12, Building 45, Salmiya). Three numbered parts, one of them a
street, make an address; a plant's numbered places (Building 2, Line 3, Zone 4) have no street.

Vietnam names each part by its level: the house and street, then the ward (Phường), district
(Quận, Huyện), commune (Xã), industrial zone (KCN) and city or province (TP., Thành phố, Tỉnh);
two such parts after the street make an address. The town and the country after the parts are
taken too (the country by the extent step).

A post box in the words of the countries that use one for a firm's address (P.O. Box, BP,
Casilla, Apartado, Caixa Postal, Postfach) and its town make an address where a postcode or a
country comes with them (BP 1234, Dakar, Sénégal; Caixa Postal 12, 01000-000 São Paulo - SP).
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from edged.privacy.addresses_extent import country_end
from edged.privacy.detector import Span
from edged.privacy.entities import ADDRESS

_PART_WORD = (
    r"(?:Building|Bldg\.?|Villa|House|Flat|Apartment|Apt\.?|Office|Shop|Plot|Unit|Street|St\.?|Road|Rd\.?|"
    r"Avenue|Ave\.?|Way|Lane|Jadda|Sikka|Zone|Block|Blk\.?|Area|District|Sector)"
)
_STREET_WORD = re.compile(r"^(?:Street|St\.?|Road|Rd\.?|Avenue|Ave\.?|Way|Lane|Jadda|Sikka)\s")
_NUMBERED = rf"{_PART_WORD}\s(?:No\.?\s?)?[0-9]{{1,5}}[A-Z]?"
_CAP = r"[A-Z][A-Za-z'’\-]+"
_GULF = re.compile(
    rf"(?<![A-Za-z0-9])(?P<parts>{_NUMBERED}(?:,\s{_NUMBERED}){{2,5}})(?:,\s{_CAP}(?:\s{_CAP}){{0,2}}(?![A-Za-z0-9]))?"
)

# Vietnamese letters: Latin with the Latin Extended Additional block (ạ, ầ, ữ ...)
_VN_L = "A-Za-zÀ-ÖØ-öø-ɏḀ-ỿ"
_VN_CAP = rf"[A-ZÀ-ÞĐƠƯḀ-ỿ][{_VN_L}]*\.?"
_VN_LEVEL = r"(?:Phường|Quận|Huyện|Xã|Thị\strấn|Thị\sxã|Thành\sphố|TP\.|Tỉnh|KCN|Khu\scông\snghiệp)"
_VN_PART = rf"{_VN_LEVEL}\s?(?:[0-9]{{1,2}}|{_VN_CAP}(?:\s{_VN_CAP}){{0,4}})"
_VIETNAMESE = re.compile(
    rf"(?<![{_VN_L}0-9/\-])(?:(?:Số\s)?[0-9]{{1,4}}[A-Z]?(?:/[0-9]{{1,4}}){{0,2}}\s)?(?:Đường\s)?{_VN_CAP}(?:\s{_VN_CAP}){{0,4}}"
    rf"(?:,\s{_VN_PART}){{2,4}}(?![{_VN_L}0-9])"
)


_BOX_WORD = (
    r"(?:P\.?\s?O\.?\s?Box|Post\sBox|BP|B\.P\.|Boîte\sPostale|Casilla(?:\sde\sCorreo)?|Apartado(?:\sPostal)?|"
    r"Apdo\.|Caixa\sPostal|Postfach|Postbus|P\.K\.)"
)
_LATIN = "A-Za-zÀ-ÖØ-öø-ɏ"
_BOX_TOWN = rf"[A-ZÀ-Þ][{_LATIN}'’\-]*(?:\s[A-ZÀ-Þ][{_LATIN}'’\-]*){{0,2}}"
_POST_BOX = re.compile(
    rf"(?<![A-Za-z]){_BOX_WORD}\s?(?:No\.?\s?)?[0-9]{{1,6}}(?:[\s\-][0-9]{{2,5}})?,\s"
    rf"(?:(?P<code>[0-9]{{4,5}}(?:-[0-9]{{3}})?)\s)?{_BOX_TOWN}(?:\s[0-9]{{2,6}})?(?:\s-\s[A-Z]{{2}})?(?![{_LATIN}0-9])"
)


def find_by_parts(text: str) -> Iterator[Span]:
    for m in _POST_BOX.finditer(text):
        if m.group("code") is not None or country_end(text, m.end()) > m.end():
            yield Span(ADDRESS, m.start(), m.end(), "post_box_address")
    for m in _GULF.finditer(text):
        parts = m.group("parts").split(", ")
        if any(_STREET_WORD.match(p) for p in parts):
            yield Span(ADDRESS, m.start(), m.end(), "gulf_address")
    for m in _VIETNAMESE.finditer(text):
        if any(c.isdigit() for c in m.group(0)):
            yield Span(ADDRESS, m.start(), m.end(), "vietnam_address")
