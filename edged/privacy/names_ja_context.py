"""Japanese names told by a formula around them rather than by the dictionary (rare surnames,
foreign names in katakana, Chinese names):

- a list the text counts as people: ``四十物、赵丽丽、キム・ミンジュンの3名`` (as many items as the
  count says);
- the holder of a card or licence: ``杉ノ内修名義の免許証``, ``ラジェシュ　クマール名義``.

A run the dictionary reads as one ordinary word (会社名義, 法人名義) is no name.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator

from edged.privacy.detector import Span
from edged.privacy.entities import PERSON

_CJK = "\u4e00-\u9fff々\u30a1-\u30faー\U00020000-\U0002ffff"
_ITEM = rf"[{_CJK}][{_CJK}・＝= \u3000\u3041-\u3096]{{0,15}}"
_NUMBERS = "0123456789０１２３４５６７８９"
_KANJI_NUMBERS = "〇一二三四五六七八九"
_COUNTED = re.compile(rf"((?:{_ITEM}、){{1,7}}{_ITEM})の([0-9０-９一二三四五六七八九])名")
_HOLDER = re.compile(rf"(?:(?<=[、。：:と（(\s])|^)([{_CJK}][{_CJK}・ \u3000]{{0,9}})名義")


def find(text: str, ordinary_word: Callable[[str], bool]) -> Iterator[Span]:
    for m in _COUNTED.finditer(text):
        items = m.group(1).split("、")
        if len(items) != _count(m.group(2)):
            continue
        pos = m.start(1)
        for item in items:
            bare = item.strip(" \u3000")
            if bare and not ordinary_word(bare):
                start = pos + item.index(bare)
                yield Span(PERSON, start, start + len(bare), "ja_counted")
            pos += len(item) + 1
    for m in _HOLDER.finditer(text):
        value = m.group(1).strip(" \u3000")
        if value and not ordinary_word(value):
            yield Span(PERSON, m.start(1), m.start(1) + len(value), "ja_holder")


def _count(digit: str) -> int:
    if digit in _KANJI_NUMBERS:
        return _KANJI_NUMBERS.index(digit)
    return _NUMBERS.index(digit) % 10
