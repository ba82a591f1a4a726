"""Latin-letter names in Japanese text: capitalised runs of two to four words (Michael Johnson氏,
本日Carolina Moraesが) that hold no plant word, and Latin words in any case right before an
honorific (nguyen van an さん, SATO Md. Rafiq様, Wi Seongbin様)."""

from __future__ import annotations

import re
from collections.abc import Iterator

from edged.privacy.names_ja_data import _LATIN_NOT_NAMES, _LATIN_RUN
from edged.privacy.names_latin import common_phrase, common_words

_LATIN_BEFORE_HONORIFIC = re.compile(
    # no start after an apostrophe (O'Brien is read from its O): Aa'Aa'... scanned from each A
    r"(?<![A-Za-z0-9@.\-'’])([A-Za-z][A-Za-z'’\-]*\.?(?: [A-Za-z][A-Za-z'’\-]*\.?){0,3}) ?"
    r"(?=さん|様(?![式子々])|さま|氏(?!名)|殿|くん|君|ちゃん)"
)


def latin_names(text: str) -> Iterator[tuple[int, int, str]]:
    """Michael Johnson氏, 本日Carolina Moraesが: capitalised Latin words, two to four of them, in
    Japanese text are a person's name unless a plant word is among them; so are Latin words in
    any case right before an honorific (nguyen van an さん, SATO Md. Rafiq様)."""
    for m in _LATIN_RUN.finditer(text):
        words = m.group(0).replace("-", " ").split()
        if any(w.lower() in _LATIN_NOT_NAMES for w in words) or common_phrase([w.lower() for w in words]):
            continue
        yield m.start(), m.end(), "ja_latin_name"
    for m in _LATIN_BEFORE_HONORIFIC.finditer(text):
        words = [w.rstrip(".") for w in m.group(1).replace("-", " ").split()]
        lower = [w.lower() for w in words]
        if any(w in _LATIN_NOT_NAMES for w in lower) or (common_phrase(lower) and not _name_tail(lower)):
            continue
        if sum(len(w) for w in words) >= 3:
            yield m.start(1), m.end(1), "ja_latin_honorific"


def _name_tail(words: list[str]) -> bool:
    """Wi Seongbin様, Yi Sunhee様: before an honorific, two or three words whose last is no common
    English word are a name even when a short first one is (wi, yi read as words)."""
    return 2 <= len(words) <= 3 and words[-1] not in common_words() and len(words[-1]) >= 3
