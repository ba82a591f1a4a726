"""Phone numbers read out digit by digit, as a transcript writes them: "zero nine zero, four one
seven two, double five eight three", "plus four four seven nine one one ...", "oh two oh ...".

Nine spoken digits or more in a row (``double``/``triple`` count twice and three times; fillers
such as "uh" may stand between them) are a number to dial when they start with a trunk zero or a
``plus``, or a phone word stands shortly before them; a count read out ("one two three four")
is too short to be taken.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import TYPE_CHECKING

from edged.privacy.detector import FunctionDetector, Span, TextView
from edged.privacy.entities import PHONE

if TYPE_CHECKING:
    from edged.privacy.registry import Resources

_DIGIT_WORDS = {
    "zero": 1, "oh": 1, "o": 1, "one": 1, "two": 1, "three": 1, "four": 1, "five": 1, "six": 1,
    "seven": 1, "eight": 1, "nine": 1, "niner": 1,
}  # fmt: skip
_DIGIT = r"(?:zero|oh|o|one|two|three|four|five|six|seven|eight|nine|niner)"
_REPEAT = rf"(?:double|triple)[ \-]{_DIGIT}"
_GAP = r"(?:[ ,\-]{1,3}(?:(?:uh|um|er|erm|dash|hyphen)[ ,]{1,2})?)"
_SPOKEN = re.compile(
    rf"(?<![A-Za-z])(?:plus[ \-])?(?:{_REPEAT}|{_DIGIT})(?:{_GAP}(?:{_REPEAT}|{_DIGIT})){{6,24}}(?![A-Za-z])",
    re.IGNORECASE,
)
_PHONE_WORD = re.compile(
    r"(?<![A-Za-z])(?:tel|phone|mobile|cell|number|call|ring|text|whatsapp|dial|reach|contact|extension|ext)"
    r"(?![a-z])",
    re.IGNORECASE,
)
MIN_DIGITS = 9


def find_spoken_phones(text: str) -> Iterator[Span]:
    for m in _SPOKEN.finditer(text):
        words = re.findall(r"[A-Za-z]+", m.group(0).lower())
        digits = 0
        for i, word in enumerate(words):
            if word in _DIGIT_WORDS:
                repeat = words[i - 1] if i > 0 else ""
                digits += 3 if repeat == "triple" else 2 if repeat == "double" else 1
        if digits < MIN_DIGITS:
            continue
        trunk = words[0] in ("zero", "oh", "o", "plus")
        if trunk or _PHONE_WORD.search(text, max(0, m.start() - 40), m.start()):
            yield Span(PHONE, m.start(), m.end(), "phone_spoken")


def build(resources: Resources) -> FunctionDetector:  # noqa: ARG001 - registry signature
    def find(view: TextView) -> Iterator[Span]:
        return find_spoken_phones(view.text) if view.english else iter(())

    return FunctionDetector("phone_spoken", (PHONE,), 5, find)
