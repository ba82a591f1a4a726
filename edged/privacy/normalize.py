"""NFKC normalisation with a map back to the original offsets.

Detectors work on the normalised text (full-width digits and letters become ASCII, a number
written in kanji digits becomes ASCII digits, dash-like marks between digits become "-") and
report spans there; ``Normalized.span`` turns them back into offsets into what the caller passed
in.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

# Dashes people type between digits in Japanese text (the long-vowel mark ー included): all of them
# become "-" so one phone or postal-code pattern covers every spelling.
_DIGIT_DASH = re.compile(r"(?<=\d)[‐‑‒–—―−ー﹣](?=\d)")
# A number written in kanji digits one by one (〇七〇－九四二八－二三八四, 〒一二三－四五六七): seven
# digits or more with only dashes or spaces between them read as ASCII digits, so the phone, postal
# and card patterns see 070-9428-2384. Place-value numerals (三十九, 二千) and short runs (一二三, a
# given name; 第一, an ordinal) stay as they are: they are counts and names, not numbers to dial.
# ASCII digits (full-width ones after NFKC) count in the run too: 〇七〇-９４２８-二三八四 is one
# number, though its kanji parts alone are too short to read.
_KANJI_DIGITS = "〇一二三四五六七八九"
_DIGIT = f"[{_KANJI_DIGITS}0-9]"
_KANJI_NUMBER = re.compile(
    rf"(?<![{_KANJI_DIGITS}0-9十百千万]){_DIGIT}"
    rf"(?:{_DIGIT}|[\-‐‑‒–—―−ー﹣ ](?={_DIGIT})){{6,}}"
    rf"(?![{_KANJI_DIGITS}0-9十百千万])"
)
_TO_ASCII = str.maketrans(_KANJI_DIGITS, "0123456789")


def _kanji_digits(text: str) -> str:
    """``text`` with each kanji-digit number (see _KANJI_NUMBER) in ASCII digits, one for one."""
    if not any(c in _KANJI_DIGITS for c in text):
        return text

    def ascii_digits(m: re.Match[str]) -> str:
        value = m.group(0)
        digits = sum(c.isdigit() or c in _KANJI_DIGITS for c in value)
        return value.translate(_TO_ASCII) if digits >= 7 else value

    return _KANJI_NUMBER.sub(ascii_digits, text)


@dataclass(frozen=True)
class Normalized:
    original: str
    text: str
    # starts[i] / ends[i]: the original span that produced normalised character i
    starts: tuple[int, ...]
    ends: tuple[int, ...]

    def span(self, start: int, end: int) -> tuple[int, int]:
        """Original offsets of the normalised span [start, end)."""
        if start >= end:
            pos = self.starts[start] if start < len(self.starts) else len(self.original)
            return pos, pos
        return self.starts[start], self.ends[end - 1]


# Characters that change nothing a reader sees but split a value in two for a pattern: zero-width
# spaces and joiners, soft hyphens, bidi marks, word joiners, BOMs, control characters (not tab
# or line ends), and combining marks NFKC leaves over (J + U+0301). Detectors never see them;
# a span around them still covers them in the original.
_INVISIBLE = re.compile(
    "[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\u00ad\u034f\u061c\u180e\u200b-\u200f\u202a-\u202e"
    "\u2060-\u2064\u206a-\u206f\ufeff\u0300-\u036f]"
)


def normalize(text: str) -> Normalized:
    invisible = _INVISIBLE.search(text) is not None
    if not invisible and (text.isascii() or unicodedata.is_normalized("NFKC", text)):  # same length
        identity = tuple(range(len(text)))
        normal = text if text.isascii() else _DIGIT_DASH.sub("-", _kanji_digits(text))
        return Normalized(text, normal, identity, tuple(i + 1 for i in identity))
    out: list[str] = []
    starts: list[int] = []
    ends: list[int] = []
    i = 0
    n = len(text)
    while i < n:
        # A character with the combining marks that follow it (half-width kana + ﾞ) normalises as
        # one piece, so ｶﾞ becomes ガ rather than カ plus a lone mark.
        j = i + 1
        while j < n and _starts_with_combining(text[j]):
            j += 1
        piece = unicodedata.normalize("NFKC", text[i:j])
        if invisible:
            piece = _INVISIBLE.sub("", piece)
            if not piece:  # the character vanishes: the one before it now ends after it
                if ends:
                    ends[-1] = j
                i = j
                continue
        out.append(piece)
        starts.extend([i] * len(piece))
        ends.extend([j] * len(piece))
        i = j
    normal = _DIGIT_DASH.sub("-", _kanji_digits("".join(out)))
    return Normalized(text, normal, tuple(starts), tuple(ends))


def _starts_with_combining(char: str) -> bool:
    # the half-width voiced marks are not combining themselves, but NFKC makes them so
    return unicodedata.combining(char) != 0 or char in "\uff9e\uff9f"
