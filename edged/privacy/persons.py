"""The person detector: Japanese names (dictionary tags and context), English and romanised
Japanese names (lists, shape and context), and the site's roster, as one registry entry."""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_right
from collections.abc import Iterable, Iterator
from itertools import accumulate
from pathlib import Path
from typing import TYPE_CHECKING

from edged.errors import ConfigError
from edged.privacy import (
    names_chinese,
    names_contact,
    names_hanzi,
    names_headers,
    names_ja_context,
    names_ja_kana,
    names_ja_records,
    names_korean,
    names_latin,
    names_latin_slots,
    names_positions,
    names_slots,
    names_vietnamese,
)
from edged.privacy.detector import Span, TextView
from edged.privacy.entities import PERSON
from edged.privacy.makers import MakerFilter
from edged.privacy.names_en import EnglishNames
from edged.privacy.names_ja import JapaneseNames
from edged.privacy.names_latin import common_words, given_names
from edged.privacy.names_places import affiliation, ja_company, plant_thing

if TYPE_CHECKING:
    from edged.privacy.registry import Resources


# Abbreviated first names written before the rest of the name (Md. Rafiqul Islam, Mohd. Faizal,
# Ma. Cristina Villanueva, Sk. Abdul, Mst. Rokeya): part of it, not a sentence's end.
_NAME_PREFIX = re.compile(r"(?<![A-Za-z])(?:Md|Mohd|Muhd|Mst|Sk|Ma)\. $")


# a month, written out or abbreviated, and the day after it (a year may follow)
_DATE = re.compile(
    r"(?:January|February|March|April|May|June|July|August|September|October|November|December|"
    r"Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)\.? [0-3]?[0-9](?:st|nd|rd|th)?(?![0-9:.]|\s?[0-9])"
)


class PersonDetector:
    name = "person"
    types = (PERSON,)
    priority = 8
    strict_only = False

    def __init__(self, ja: JapaneseNames, en: EnglishNames, roster: re.Pattern[str] | None) -> None:
        self._ja = ja
        self._en = en
        self._roster = roster
        self._makers = MakerFilter(lambda word: word.lower() in given_names() or en.japanese_reading(word))

    def find(self, view: TextView) -> Iterator[Span]:
        kept = self._kept(view.text, self._guessed(view))
        kept += self._kept(view.text, names_latin_slots.find(view.text, kept))
        kept += self._kept(view.text, names_contact.find(view.text, kept))
        kept += self._kept(view.text, names_slots.find(view.text, kept))
        if view.japanese:
            kept += list(names_ja_kana.widened(view.text, kept, self._ja.ordinary_word))
            kept += self._kept(view.text, names_ja_records.chained(view.text, kept, self._ja))
        ends = {s.end for s in kept}  # each kept finding ends after it starts
        kept = [s for s in kept if not affiliation(view.text, s.start, s.end, ends)]
        yield from _joined(kept + _repeated(view.text, kept))
        if self._roster is not None:
            for m in self._roster.finditer(view.text):
                yield Span(PERSON, m.start(), m.end(), "roster")

    def _kept(self, text: str, spans: Iterable[Span]) -> list[Span]:
        """The findings that are no place, machine, company or maker, a maker cut off their end."""
        kept = []
        for span in spans:
            if plant_thing(text, span.start, span.end) or ja_company(text, span.start, span.end):
                continue  # Garfield Line, Clarke hoist, 坂口鉄工所: a place, a machine, a company
            if _DATE.fullmatch(text, span.start, span.end) or _DATE.match(text, span.start):
                continue  # August 7, 2024, May 12, Jan 6: a month and its day, not a name
            cut = self._makers(text, span.start, span.end)
            if cut is not None and cut[1] > cut[0]:
                prefix = _NAME_PREFIX.search(text, max(0, cut[0] - 8), cut[0])
                start = prefix.start() if prefix is not None else cut[0]
                kept.append(span._replace(start=start, end=cut[1]))
        return kept

    def _guessed(self, view: TextView) -> Iterator[Span]:
        """Names found by rules (not the site's roster), before makers are told apart."""
        if view.japanese:
            yield from self._ja.find(view.text)
            yield from names_hanzi.find(view.text, self._ja.ordinary_word)
            yield from names_ja_context.find(view.text, self._ja.ordinary_word)
            yield from names_ja_kana.find(view.text, self._ja.ordinary_word, self._ja.known_name)
            yield from names_ja_records.find(view.text, self._ja)
        yield from self._en.find(view.text, english=view.english)
        yield from names_latin.find(view.text)
        yield from names_korean.find(view.text)
        yield from names_chinese.find(view.text)
        yield from names_headers.find(view.text)
        yield from names_positions.find(view.text)
        yield from names_vietnamese.find(view.text)


_LATIN_NAME_WORD = re.compile(r"(?<![^\W\d_])[A-ZÀ-ÖØ-ÞĀ-ſƀ-ɏḀ-ỿ][^\W\d_]{2,}(?![^\W\d_])")


def _repeated(text: str, found: list[Span]) -> list[Span]:
    """A name found once names the same person wherever a part of it recurs in the text (To:
    İbrahimbəyov Xəlil ... Xəlil, please send): each Latin word of a found name (three letters or
    more, capitalised, none of the 7,000 commonest English words) elsewhere in the text."""
    parts = set()
    for span in found:
        for m in _LATIN_NAME_WORD.finditer(text, span.start, span.end):
            word = m.group(0)
            if word.lower() not in common_words() and word.lower() not in _PARTICLES:
                parts.add(word)
    if not parts:
        return []
    # the findings by start, with the furthest end reached so far: whether a word lies inside one
    # is a bisection, not a pass over them all (thousands of names made that quadratic)
    covered = sorted((s.start, s.end) for s in found)
    starts = [a for a, _ in covered]
    reach = list(accumulate((b for _, b in covered), max))
    repeated = []
    for m in _LATIN_NAME_WORD.finditer(text):
        if m.group(0) not in parts:
            continue
        before = bisect_right(starts, m.start())
        if before == 0 or reach[before - 1] <= m.start():
            repeated.append(Span(PERSON, m.start(), m.end(), "repeated_name"))
    return repeated


_PARTICLE_TEXT = "mac van von der den del della dos das bin ibn abu"
_PARTICLES = frozenset(_PARTICLE_TEXT.split())


def _joined(spans: list[Span]) -> Iterator[Span]:
    """Findings that overlap are one name (HÄRM, Kim Seo + Kim Seo-yeon): their union, so that the
    settling of overlaps never leaves a piece of it out."""
    current: Span | None = None
    for span in sorted(spans, key=lambda s: (s.start, -s.end)):
        if current is not None and span.start < current.end:
            current = current._replace(end=max(current.end, span.end))
            continue
        if current is not None:
            yield current
        current = span
    if current is not None:
        yield current


def build(resources: Resources) -> PersonDetector:
    config = resources.config
    readings = resources.name_readings
    return PersonDetector(
        JapaneseNames(resources.analyzer, readings, config.role_words),
        EnglishNames(readings, config.role_words),
        load_roster(config.roster) if config.roster is not None else None,
    )


def load_roster(path: Path) -> re.Pattern[str]:
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except OSError as err:
        raise ConfigError(
            f"{path}: the [privacy] roster cannot be read ({err.strerror}). Check roster in edged.toml."
        ) from None
    except UnicodeDecodeError:
        raise ConfigError(f"{path}: the [privacy] roster is not UTF-8 text. Save it as UTF-8.") from None
    names = {unicodedata.normalize("NFKC", line.split("#", 1)[0]).strip() for line in lines}
    names.discard("")
    if not names:
        raise ConfigError(
            f"{path}: the [privacy] roster names nobody. Add one name per line or "
            "remove roster from edged.toml."
        )
    alternatives = []
    for name in sorted(names, key=len, reverse=True):
        body = re.escape(name)
        if name[:1].isascii():
            body = rf"(?<![A-Za-z]){body}"
        if name[-1:].isascii():
            body = rf"{body}(?![A-Za-z])"
        alternatives.append(body)
    return re.compile("|".join(alternatives), re.IGNORECASE)
