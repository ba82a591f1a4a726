"""E-mail addresses written so that a harvester misses them: ``name [at] host [dot] com``,
``name(at)host(dot)co(dot)jp``, ``name {at} host.de``, ``name at host dot com``,
``name @ host.com``, ``name@host[.]com``, ``name アット host ドット jp``. A reader restores the
address at a glance, so it is one EMAIL span, the brackets and words included.

The ``@`` written out is the anchor: in brackets it is always the writer's disguise; as a bare
word (``at``, ``アット``) it counts only when a dot is written out too (``dot``, ``[.]``, ``ドット``),
and the sign with a space beside it, or the word with plain dots after a mail word ("email
j.okafor at lagos-steel.com"), only before a country's or a generic top-level domain, so "the
press at cell.3", "meet Ken at 10.30" and "price @ unit.cost" stay. Full-width ``＠`` and ``．`` are NFKC's
work before any detector runs; the plain ``email`` detector takes those.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import TYPE_CHECKING

from edged.privacy.detector import FunctionDetector, Span, TextView
from edged.privacy.entities import EMAIL

if TYPE_CHECKING:
    from edged.privacy.registry import Resources

_OPEN = r"[\[({<]"
_CLOSE = r"[\])}>]"
_LOCAL = r"(?<![A-Za-z0-9._%+\-])[A-Za-z0-9](?:[A-Za-z0-9._%+\-]{0,62}[A-Za-z0-9_%+\-])?"
# the @ in brackets (any case, or the sign itself), as a word, or in katakana
_AT_BRACKETED = rf" ?{_OPEN} ?(?i:at|@) ?{_CLOSE} ?"
_AT_WORD = r" (?:at|AT) | ?(?:アットマーク|アット|あっと) ?"
# the sign itself with a space around it (name @ host.com), or followed by a spelled dot
_AT_SIGN = r" @ ?| ?@ |@"
_DOT_SPELLED = rf" ?{_OPEN} ?(?i:dot|\.) ?{_CLOSE} ?| (?:dot|DOT) | ?(?:ドット|どっと) ?"
_LABEL = r"[A-Za-z0-9](?:[A-Za-z0-9\-]{0,61}[A-Za-z0-9])?"
_TLD = r"[A-Za-z]{2,24}(?![A-Za-z0-9\-])"
_HOST = rf"(?:{_LABEL}(?:{_DOT_SPELLED}|\.)){{1,6}}{_TLD}"
_DISGUISED = re.compile(
    rf"{_LOCAL}(?:(?P<bracketed>{_AT_BRACKETED})|(?P<sign>{_AT_SIGN})|{_AT_WORD}){_HOST}"
)
_SPELLED_DOT = re.compile(_DOT_SPELLED)
_DOMAIN_END = re.compile(r"\.(?:[a-z]{2}|com|net|org|edu|gov|info|biz|mil|int)$")


# "email j.okafor at lagos-steel.com": with a mail word just before, "at" and plain dots are an
# address too, before a country's or a generic domain and not a web address (www.)
_MAIL_WORD = re.compile(r"(?<![A-Za-z])(?:e-?mail|mail|メール)(?![a-z])[^\n]{0,16}$", re.IGNORECASE)


def _mail_word_before(text: str, start: int, candidate: str) -> bool:
    if _DOMAIN_END.search(candidate) is None or " at www." in candidate.lower():
        return False
    return _MAIL_WORD.search(text, max(0, start - 30), start) is not None


def find_obfuscated_emails(text: str) -> Iterator[Span]:
    for m in _DISGUISED.finditer(text):
        spelled = _SPELLED_DOT.search(m.group(0)) is not None
        if m.group("sign") == "@" and not spelled:
            continue  # a plain address: the email detector's
        if m.group("sign") is not None and not spelled and _DOMAIN_END.search(m.group(0)) is None:
            continue  # "price @ unit.cost": a rate, not an address
        worded = m.group("bracketed") is None and m.group("sign") is None
        if worded and not spelled and not _mail_word_before(text, m.start(), m.group(0)):
            continue  # "at" as a word and only plain dots: an English sentence, not a disguise
        yield Span(EMAIL, m.start(), m.end(), "email_obfuscated")


def build(resources: Resources) -> FunctionDetector:  # noqa: ARG001 - registry signature
    def find(view: TextView) -> Iterator[Span]:
        return find_obfuscated_emails(view.text)

    return FunctionDetector("email_obfuscated", (EMAIL,), 1, find)
