"""Personal values in the fixed layouts of machine-written records, where a position says what a
value is rather than a ``key=``: EDIFACT segments (NAD party name, CTA contact, COM number with
its TE/FX/AL qualifier, even glued to the segment's ``+``), SQL ``INSERT`` rows (each value
aligned with its column; a people table's row without a column list), FlexLM license lines
(``OUT: "feature" user@host``: the user, not the host, a machine), remote-session logs (``23:52 ana
sousa connected from …``), host names that carry their owner's name (``fumika-pc``,
``rodrigo-laptop``: the name part; ``press-pc`` stays) and delimited rows whose other fields are
personal (a Japanese postcode ``724-0093`` among a name, a My Number and a phone).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import TYPE_CHECKING

from edged.privacy.detector import FunctionDetector, Span, TextView
from edged.privacy.entities import PERSON, PHONE, POSTAL_CODE
from edged.privacy.fields import KEY_TYPES, normal_key
from edged.privacy.fields_values import GENERIC_KEYS, fits, named, person_like
from edged.privacy.names_latin import SHOP_FLOOR_WORDS, given_names, unfamiliar
from edged.privacy.strict_words import PLANT_WORDS, words

if TYPE_CHECKING:
    from edged.privacy.registry import Resources

_NAME = "record_format"

# EDIFACT (ISO 9735): COM+number:qualifier' (3155: TE telephone, FX fax, AL mobile, AJ alternate,
# TL telex); CTA+function+id:name'; NAD+qualifier+id+name-and-address+party name+street+…
_COM = re.compile(r"(?<![A-Z])COM\+([^:'\n]{5,40}?):(?:TE|FX|AL|AJ|TL)(?=['+\s]|$)")
_CTA = re.compile(r"(?<![A-Z])CTA\+[A-Z0-9]{0,3}\+[^:'+\n]{0,17}:([^'+:\n]{1,60})(?=['+]|$)")
_NAD_PARTY = re.compile(r"(?<![A-Z])NAD\+[A-Z0-9]{1,3}\+[^+'\n]{0,35}\+[^+'\n]{0,200}\+([^+':\n]{1,70})")

# SQL: INSERT INTO table [(columns)] VALUES (values)
_INSERT = re.compile(
    r"INSERT\s+INTO\s+[`\"\[]?([^\s(`\"\]]{1,64})[`\"\]]?\s*(?:\(([^()]{1,600})\)\s*)?"
    # the values: quoted strings (brackets allowed inside: '+977 (0)61-613844') and bare figures
    r"VALUES\s*\(((?:'[^'\n]{0,200}'|[^()'\n]){1,200})\)",
    re.IGNORECASE,
)
_SQL_VALUE = re.compile(r"'((?:[^']|'')*)'|([^,\s][^,]*?)(?=\s*(?:,|$))")
_PEOPLE_TABLE = re.compile(
    r"contact|person|people|employee|staff|visitor|user|member|customer|driver|guest|worker|"
    r"社員|従業員|連絡先|来訪者|利用者|顧客|会員|作業者|訪問者",
    re.IGNORECASE,
)

# FlexLM's lmgrd/vendor daemon: OUT: "feature" user@host
_LICENSE = re.compile(
    r"(?:OUT|IN|DENIED|UNSUPPORTED|QUEUED|DEQUEUED):\s?\"[^\"\n]{1,40}\"\s([^@\n\"]{1,40}?)@"
)
_TIME = r"(?:[0-9]{1,2}:[0-9]{2}(?::[0-9]{2})?(?:\s?[ap]m)?|[0-9]{3,4}h)"
_SESSION = re.compile(
    rf"(?:{_TIME}|\]|(?i:user|account|login))\s((?:[^\W\d_][\w'’\-]*\s){{0,3}}[^\W\d_][\w'’\-]*)"
    r"\s(?:connected|logged (?:in|on)|signed (?:in|on)|authenticated|disconnected) from",
)
_HOST = re.compile(
    r"(?<![\w.\-])([A-Za-z][a-z'\-]{2,14}?)[-_](?i:laptop|pc|desktop|mbp|macbook|notebook|nb|tablet|"
    r"phone|iphone|ipad|android|pixel|galaxy|surface|thinkpad)(?:-?[0-9]{1,3})?(?![\w\-])"
)
_IT_WORDS = words("wks ws srv svr dev prod test build lab spare shared kiosk office admin guest")
_JP_POSTCODE = re.compile(r"\s?([0-9]{3}-[0-9]{4})\s?")
# a field that is an e-mail or a phone number written as one (with its + or trunk 0 and groups)
_PERSONAL_FIELD = re.compile(r"@|^\s?(?:\+[0-9]|0[0-9]{1,4}[- (])[0-9 ()\-.]{6,20}\s?$")


def _edifact(text: str) -> Iterator[Span]:
    for match in _COM.finditer(text):
        if fits(PHONE, match.group(1)):
            yield Span(PHONE, match.start(1), match.end(1), _NAME)
    for pattern in (_CTA, _NAD_PARTY):
        for match in pattern.finditer(text):
            if person_like(match.group(1).strip()):
                start = match.start(1) + len(match.group(1)) - len(match.group(1).lstrip())
                yield Span(PERSON, start, match.start(1) + len(match.group(1).rstrip()), _NAME)


def _sql(text: str) -> Iterator[Span]:
    for match in _INSERT.finditer(text):
        for kind, value in _sql_slots(match):
            if value.group(1) is not None and fits(kind, value.group(1)):
                yield Span(kind, match.start(3) + value.start(1), match.start(3) + value.end(1), _NAME)


def _sql_slots(match: re.Match[str]) -> list[tuple[str, re.Match[str]]]:
    """Each value of the row with the type its column promises."""
    found = list(_SQL_VALUE.finditer(match.group(3)))
    people = _PEOPLE_TABLE.search(match.group(1)) is not None
    if match.group(2) is None:
        # no column list: the row's first name-like value, in a people table or beside an e-mail
        if not people and not any("@" in f.group(0) for f in found):
            return []
        first = [f for f in found if f.group(1) and person_like(f.group(1))][:1]
        return [(PERSON, f) for f in first]
    keys = [normal_key(c.strip(' `"[]')) for c in match.group(2).split(",")]
    # a bare "name" column names a person in a people table or beside personal columns, and an
    # item elsewhere (parts.name = 'hex bolt') unless the value reads as a name on its own
    people = people or any(KEY_TYPES.get(k) not in (None, PERSON) or k in ("email", "mail") for k in keys)
    slots = []
    for key, value in zip(keys, found, strict=False):
        kind = KEY_TYPES.get(key)
        if kind is not None and (key not in GENERIC_KEYS or people or named(value.group(0).strip("'"))):
            slots.append((kind, value))
    return slots


def _people_logs(text: str) -> Iterator[Span]:
    for pattern in (_LICENSE, _SESSION):
        for match in pattern.finditer(text):
            if person_like(match.group(1)):
                yield Span(PERSON, match.start(1), match.end(1), _NAME)
    for match in _HOST.finditer(text):
        word = match.group(1).lower()
        if word in PLANT_WORDS or word in SHOP_FLOOR_WORDS or word in _IT_WORDS:
            continue
        if word in given_names() or unfamiliar(word):
            yield Span(PERSON, match.start(1), match.end(1), _NAME)


def _rows(text: str) -> Iterator[Span]:
    """A Japanese postcode as a whole field of a row whose other fields are personal."""
    offset = 0
    for line in text.split("\n"):
        for separator in (";", "|", "\t", ","):
            fields = line.split(separator)
            if len(fields) < 4:
                continue
            at = offset
            personal = sum(1 for f in fields if _PERSONAL_FIELD.search(f))
            for field in fields:
                found = _JP_POSTCODE.fullmatch(field)
                if found and personal:
                    yield Span(POSTAL_CODE, at + found.start(1), at + found.end(1), _NAME)
                at += len(field) + 1
            break
        offset += len(line) + 1


_HEADER_CELL = re.compile(r"\s?\"?[A-Za-z\u3040-\u30ff\u4e00-\u9fff][\w \-.]{0,30}\"?\s?")


def _tables(text: str) -> Iterator[Span]:
    """A CSV/TSV header's columns and the rows under it, cell by cell (name,zip,phone / ana,733,…)."""
    kinds: list[str | None] = []
    separator, people, offset = "", False, 0
    for line in text.split("\n"):
        cells = line.split(separator) if kinds else []
        if kinds and len(cells) == len(kinds):
            at = offset
            for kind, cell in zip(kinds, cells, strict=True):
                value = cell.strip().strip('"').strip()
                if (
                    kind is not None
                    and value
                    and fits(kind, value)
                    and (kind != PERSON or people or named(value))
                ):
                    start = at + cell.index(value)
                    yield Span(kind, start, start + len(value), _NAME)
                at += len(cell) + 1
        else:
            kinds = []
            for candidate in (",", ";", "\t", "|"):
                cells = line.split(candidate)
                if len(cells) >= 2 and all(_HEADER_CELL.fullmatch(c) for c in cells):
                    keys = [normal_key(c.strip().strip('"')) for c in cells]
                    found = [KEY_TYPES.get(k) for k in keys]
                    if any(found):
                        # a bare "name" column is a person's beside a personal column
                        people = any(f not in (None, PERSON) for f in found) or any(
                            f == PERSON and k not in GENERIC_KEYS for f, k in zip(found, keys, strict=True)
                        )
                        kinds, separator = found, candidate
                        break
        offset += len(line) + 1


def _find(view: TextView) -> Iterator[Span]:
    text = view.text
    yield from _tables(text)
    yield from _edifact(text)
    yield from _sql(text)
    yield from _people_logs(text)
    yield from _rows(text)


def build(resources: Resources) -> FunctionDetector:  # noqa: ARG001 - registry signature
    return FunctionDetector(_NAME, (PERSON, PHONE, POSTAL_CODE), 5, _find)
