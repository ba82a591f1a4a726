"""Strict mode's proper-name guard for Latin script: it fails closed. Every capitalised word that
no English text uses commonly (and the run of names around it: initials, particles, a/l, bin, ap)
is masked wherever it stands, not only after a cue; a lowercase word no English text uses is
masked right after a key or cue that holds a person (``admin = x y``, ``ring x``, ``hi x``).

What stays: common English words, the shop floor's words and units, makers, acronyms in capitals,
words glued to digits, and a run that a model number or a place word follows (Haitian MA3800,
Garfield Line). The type is ``NAME``: a proper name, not shown to be a person.

Lists: wordfreq's English vocabulary (7,000 words in a sentence, 30,000 where a sentence or a field
starts, since a capital there proves nothing) and the makers list; none of the evaluation's values.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import TYPE_CHECKING, NamedTuple

from edged.privacy.detector import FunctionDetector, Span, TextView
from edged.privacy.makers import MAKERS, MAX_WORDS, maker_words, titled
from edged.privacy.names_latin import (
    COMPANY_WORDS,
    PHRASE_HEADS,
    SHOP_FLOOR_WORDS,
    census_names,
    common_words,
    given_names,
    vocabulary,
)
from edged.privacy.names_places import THING_WORDS, plant_thing
from edged.privacy.strict_words import CALENDAR, PLANT_WORDS, UNITS, VERB_PREFIXES, words

if TYPE_CHECKING:
    from edged.privacy.registry import Resources

NAME = "NAME"
_L = "A-Za-zÀ-ÖØ-öø-ʯḀ-ỿ"
# a word, or a Malay/Tamil connector (a/l, a/p, s/o, d/o); never glued to a digit or another letter
_TOKEN = re.compile(
    rf"(?<![{_L}0-9'’/])(?:[aAsSdD]/[lLpPoO]|[{_L}][{_L}'’]*(?:-[{_L}]+)*)(?![{_L}0-9/])(?!-[0-9])"
)
_PARTICLES = words(
    "a/l a/p s/o d/o bin binti bint ibn ap ab van von der den de del della da dos das di du le la "
    "al el ben bat ter ten y mac ó ní"
)
# a model number or an identifier after the run: a machine, not a person (Schuler MSP 1600)
_MODEL_AFTER = re.compile(
    r"(?:\s[A-Za-z][A-Za-z\-]{0,11})?\s(?:[A-Za-z]{1,6}-?[0-9][0-9A-Za-z\-/.]*|[0-9]{1,4}[A-Za-z][0-9A-Za-z\-]*|"
    r"[1-9][0-9]{2,5}(?![0-9\-/,]| [0-9]))"
)
_SENTENCE_END = re.compile(r"(?:^|[.!?:;|•\n\"“(\[{>=]|\s[\-–—]|\s->)\s*$")
_BEFORE_WORD = re.compile(rf"([{_L}][{_L}\-]*) $")
_POSSESSIVE = re.compile(r"['’]s$")
# what holds a person in logs and chat, followed by a lowercase name
_LOWER_CUE = re.compile(
    r"(?:\b(?:admin|owner|assignee|assigned(?: to)?|user|username|operator|contact|tech|technician|"
    r"name|requester|requested|approver|approved|reporter|reported by|raised by|by|from|ring|call|"
    r"hi|hey|dear|its|it's|this is|ask|tell|ping|cc|thanks|thx|host|escort|driver|holder|signed)"
    r"\s*[:=]?|[\-–—|:=])\s*$",
    re.IGNORECASE,
)
_LOWER_WORD = re.compile(rf"[a-zà-öø-ʯḁ-ỿ][{_L}'’]*(?:-[{_L}]+)*(?![{_L}0-9])")
# a machine's tag after lowercase words (palletiser PZ-2, coil slitter CS-02): a machine
_MACHINE_TAG_AFTER = re.compile(r" [A-Z]{1,4}-?[0-9]")
_DAY_AFTER = re.compile(r",? [0-3]?[0-9](?![0-9])")
_DAY_BEFORE = re.compile(r"(?<![0-9])[0-3]?[0-9] $")
_CAPS_MIN = 5  # a shorter word in capitals is an acronym (OSHA, ASME, HVAC) unless a name joins it


class _Word(NamedTuple):
    start: int
    end: int
    text: str
    # "flag": no English word; "weak": a rare one; "name": may join a name; "particle"; "initial";
    # "other": a word that is none of these
    kind: str


def find(view: TextView) -> Iterator[Span]:
    text = view.text
    words = [_classify(text, m) for m in _TOKEN.finditer(text)]
    for run in _runs(text, words):
        yield Span(NAME, run[0], run[1], "strict_proper")
    yield from _lowercase(text, words)


def _classify(text: str, m: re.Match[str]) -> _Word:  # noqa: PLR0911 - one return per kind
    word = _POSSESSIVE.sub("", m.group(0))
    start, end = m.start(), m.start() + len(word)
    lower = word.lower()
    if lower in _PARTICLES:
        return _Word(start, end, word, "particle")
    if lower in CALENDAR and _dated(text, start, end):
        return _Word(start, end, word, "other")  # Sep 27, Tue 4: a date, whatever the Census says
    if len(word) == 1 and word.isupper() and text.startswith(".", end):
        return _Word(start, end + 1, word, "initial")
    if not word[0].isupper() or _allowed(lower):
        return _Word(start, end, word, "other")
    if word.isupper():
        flag = len(word) >= _CAPS_MIN and _unknown(lower, _VOWEL.search(lower) is not None)
        return _Word(start, end, word, "flag" if flag else ("name" if len(word) >= 2 else "other"))
    if _unknown(lower, strict_vocabulary=False):
        return _Word(start, end, word, "flag")
    initial = _SENTENCE_END.search(text, max(0, start - 6), start) is not None
    if not initial and _unknown(lower, strict_vocabulary=True):
        return _Word(start, end, word, "weak")  # a rarer English word, or a name that is one
    joins = lower in given_names() or lower in census_names() or lower not in common_words()
    return _Word(start, end, word, "name" if joins else "other")


_VOWEL = re.compile("[aeiouyà-ÿ]")


def _dated(text: str, start: int, end: int) -> bool:
    """A day number right after the word (Sep 27, Thu, 25) or right before it (4 Sep)."""
    return bool(_DAY_AFTER.match(text, end) or _DAY_BEFORE.search(text, max(0, start - 4), start))


def _unknown(lower: str, strict_vocabulary: bool) -> bool:
    """Not an English word: outside the 7,000 commonest (mid-sentence, where a capital marks a
    name) or the 30,000 commonest (where a sentence or field starts); each hyphen part counts."""
    vocab = common_words() if strict_vocabulary else vocabulary()
    parts = [p for p in re.split(r"[\-'’]", lower) if len(p) > 1]
    return any(p not in vocab and not _allowed(p) and not _prefixed(p, vocab) for p in parts)


def _prefixed(lower: str, vocab: frozenset[str]) -> bool:
    """An English word behind a verb prefix (retune, unclamp, preheat): English, not a name."""
    return lower.islower() and any(
        lower.startswith(p) and len(lower) - len(p) >= 4 and lower[len(p) :] in vocab for p in VERB_PREFIXES
    )


def _allowed(lower: str) -> bool:
    return (
        lower in PLANT_WORDS
        or lower in UNITS
        or (lower in CALENDAR and lower not in census_names())  # Sep, Tue, Eng.; Jan may be a name
        or lower in SHOP_FLOOR_WORDS
        or lower in PHRASE_HEADS
        or lower in COMPANY_WORDS
        or lower in THING_WORDS
        or lower in MAKERS
    )


def _runs(text: str, words: list[_Word]) -> Iterator[tuple[int, int]]:
    """Runs of name words joined by one space (or a hyphen-less particle, an initial) that hold at
    least one word no English text uses, less those a machine or a place reads them as."""
    i = 0
    while i < len(words):
        if words[i].kind not in ("flag", "weak", "name", "initial"):
            i += 1
            continue
        j = i
        while j + 1 < len(words) and words[j + 1].kind != "other" and _joined(text, words[j], words[j + 1]):
            j += 1
        run = words[i : j + 1]
        while run and run[-1].kind == "particle":
            run.pop()
        if _proper(text, words, i, j, run) and not _machine_or_place(text, run):
            yield run[0].start, run[-1].end
        i = j + 1


def _proper(text: str, words: list[_Word], i: int, j: int, run: list[_Word]) -> bool:
    """A run holds a word no English text uses, or a rarer one that no capitalised common word
    touches (Sergei said, but Hydraulic Pump Overheat: a heading in title case)."""
    if any(w.kind == "flag" for w in run):
        return True
    if len(run) > 1 and any(w.kind == "initial" for w in run) and any(w.kind == "name" for w in run):
        return True  # B. Cole, Justice O.: an initial makes a name of a word
    if not any(w.kind == "weak" for w in run):
        return False
    before = words[i - 1] if i > 0 else None
    after = words[j + 1] if j + 1 < len(words) else None
    return not any(
        w is not None and w.kind == "other" and w.text[0].isupper() and _joined(text, *pair)
        for w, pair in ((before, (before, run[0])), (after, (run[-1], after)))
        if w is not None
    )


def _joined(text: str, left: _Word, right: _Word) -> bool:
    gap = text[left.end : right.start]
    return gap == " " or (gap == "" and left.kind == "initial")


_SUPPLIER_BEFORE = words("vendor supplier manufacturer maker brand oem distributor subcontractor")


def _machine_or_place(text: str, run: list[_Word]) -> bool:
    start, end = run[0].start, run[-1].end
    if titled(text, start):
        return False  # Mr. Emerson: a person whatever follows
    names = [w.text for w in run]
    before = _BEFORE_WORD.search(text, max(0, start - 24), start)
    if before is not None and maker_words([before.group(1)]):
        return True  # Mazak Integrex: a model after its maker
    if before is not None and before.group(1).lower() in _SUPPLIER_BEFORE:
        return True  # (vendor Hobart), supplier Tsugami: a company, named as one
    # (a maker has at most MAX_WORDS words: slices of the whole run made a long one quadratic)
    if any(maker_words(names[k : k + MAX_WORDS]) for k in range(len(names))):
        return True  # Bystronic ByStar, Carl Zeiss, Parker Hannifin: a maker and its model
    return _MODEL_AFTER.match(text, end) is not None or plant_thing(text, start, end)


def _lowercase(text: str, words: list[_Word]) -> Iterator[Span]:
    """One to three lowercase words, right after a key or cue, that are no common English word
    (``admin = tevita fonua``, ``ring moana``): a name written without capitals."""
    for k, word in enumerate(words):
        if not word.text[:1].islower() or word.kind == "particle":
            continue
        if k > 0 and words[k - 1].end > word.start - 1:
            continue
        cue = _LOWER_CUE.search(text, max(0, word.start - 24), word.start)
        if cue is None:
            continue
        end = _lower_run(text, words, k)
        # - coil slitter CS-02: after a mark (no word that holds a person), words before a tag name
        # a machine; ask lourenço sá to reset FIC-838A keeps its name
        machine = not cue.group(0).strip()[:1].isalpha() and _MACHINE_TAG_AFTER.match(text, end or 0)
        if end is not None and not machine:
            yield Span(NAME, word.start, end, "strict_lower")


def _lower_run(text: str, words: list[_Word], k: int) -> int | None:
    end = last = None
    unknown = False
    for word in words[k : k + 5]:
        if last is not None and text[last : word.start] != " ":
            break
        lower = word.text.lower()
        last = word.end
        if word.kind == "particle" and end is not None:
            continue  # saravanan a/l krishnan
        if not lower.islower() or _allowed(lower):
            break
        if _unknown(lower, strict_vocabulary=False):
            unknown = True
        elif lower in common_words() and lower not in given_names() and lower not in census_names():
            break  # earl hensley, avi ohayon: a name word may be an English one
        end = word.end
    return end if unknown else None


def build(resources: Resources) -> FunctionDetector:  # noqa: ARG001 - registry signature
    return FunctionDetector("strict_proper", (NAME,), 11, find, strict_only=True)
