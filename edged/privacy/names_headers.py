"""Names in the fields of forwarded mail and chat transcripts, whatever the name looks like:

- mail headers: the words after ``To:``, ``From:``, ``Cc:`` (and ``Von:``, ``An:``, ``De:``,
  ``À:``, ``Para:``) up to an address or the line's end (``To: Chhun, Sokha``, ``To: Pavlov Jelena``);
- chat lines: the speaker after a bracketed time (``[19:42] Ilze: can someone ...``) or before a
  time (``Kaori 07:02 — ...``).

The field says a person stands there, so no name list is asked; plant words, makers and all-caps
words of one or two letters are refused (``To: Maintenance Team``, ``[07:02] ALARM: ...``).
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from edged.privacy.detector import Span
from edged.privacy.entities import PERSON
from edged.privacy.makers import maker_words
from edged.privacy.names_en import FUNCTION_WORDS, STOP

_NAME_WORD = r"[^\W\d_][^\W\d_'’\-]*(?:['’\-][^\W\d_]+)*"
_NAME = rf"{_NAME_WORD}(?:,? {_NAME_WORD}){{0,3}}"
_HEADER = re.compile(
    rf"(?m)^(?:To|From|Cc|CC|Bcc|Von|An|De|À|Para|Reply-To)\s?:[ \t]*({_NAME})[ \t]*(?=<|\n|$|;)"
)
_CHAT = re.compile(
    rf"(?m)^(?:\[[0-9]{{1,2}}:[0-9]{{2}}(?::[0-9]{{2}})?(?: ?[ap]m)?\] ({_NAME}):"
    rf"|({_NAME}) [0-9]{{1,2}}:[0-9]{{2}}(?::[0-9]{{2}})? [—–\-])"
)


def _plausible(value: str) -> bool:
    words = [w for w in re.split(r"[ ,]+", value) if w]
    if not words or not words[0][:1].isupper():
        return False
    lowered = [w.lower() for w in words]
    if any(w in STOP or w in FUNCTION_WORDS for w in lowered) or maker_words(words):
        return False
    return not any(w.isupper() and len(w) <= 2 for w in words)


def find(text: str) -> Iterator[Span]:
    for m in _HEADER.finditer(text):
        if _plausible(m.group(1)):
            yield Span(PERSON, m.start(1), m.end(1), "mail_header_name")
    for m in _CHAT.finditer(text):
        group = 1 if m.group(1) is not None else 2
        if _plausible(m.group(group)):
            yield Span(PERSON, m.start(group), m.end(group), "chat_speaker")
