"""Romanised Chinese names in any text: a Chinese surname next to a given name of one or two
Hanyu Pinyin syllables (Zhang Wei, ZHANG Wei, Wang, Jianhua, Xiuying Li), cased alike.

Sources: the surnames are the most frequent Chinese family names (the Ministry of Public Security's
household-register counts: the top 100 cover about 85 % of Han Chinese) in Pinyin, without the
ones that are English words a sentence may start with (He, You, Long, Fan, Pan, Tan, Gong ...). A
given name is checked by the syllable structure of Pinyin (initial and final), not against a list.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from edged.privacy.detector import Span
from edged.privacy.entities import PERSON
from edged.privacy.names_latin import common_words

_SURNAME_TEXT = (
    "wang li zhang liu chen yang huang zhao wu zhou xu sun zhu hu guo gao lin luo zheng liang xie "
    "han feng deng cao peng zeng xiao tian dong yuan jiang cai du ye cheng wei su lu ren shen yao "
    "cui zhong jin shi liao jia xia fu fang zou meng xiong qin qiu yin xue yan duan lei hou mao hao "
    "shao qian dai kong xiang lai qiao zhan chang kang"
)
_SURNAMES = frozenset(_SURNAME_TEXT.split())
_INITIAL = "(?:zh|ch|sh|[bpmfdtnlgkhjqxrzcsyw])?"
_FINAL = (
    "(?:iang|iong|uang|ang|eng|ing|ong|ian|iao|uai|uan|ai|ei|ao|ou|an|en|in|un|ia|ie|iu|ua|uo|ui|"
    "ue|ve|er|a|o|e|i|u|v)"
)
_SYLLABLE = f"{_INITIAL}{_FINAL}"
_GIVEN_SHAPE = re.compile(f"(?:{_SYLLABLE}){{1,2}}")
_L = "A-Za-z"
_PAIR = re.compile(rf"(?<![{_L}\-])(?=([A-Z][{_L}]{{1,5}})(,? )([A-Z][{_L}]{{1,11}})(?![{_L}\-]))")


def pinyin_given(word: str) -> bool:
    """One or two Pinyin syllables (Wei, Jianhua, Xiuying), no common English word (Line, Mode):
    the few given names that are (Min, Bin) stay to the other rules."""
    low = word.lower()
    return bool(_GIVEN_SHAPE.fullmatch(low)) and low not in common_words()


def _cased(a: str, b: str) -> bool:
    """ZHANG Wei, Zhang Wei; not a mixture like ZHANG WEi."""
    return (a.isupper() or a[1:].islower()) and (b.isupper() or b[1:].islower())


def find(text: str) -> Iterator[Span]:
    for m in _PAIR.finditer(text):
        first, joint, second = m.group(1), m.group(2), m.group(3)
        if not _cased(first, second):
            continue
        surname_first = first.lower() in _SURNAMES and pinyin_given(second)
        # Xiuying Li: the given name first only when it is two syllables and no English word
        given_first = (
            joint == " "
            and second.lower() in _SURNAMES
            and pinyin_given(first)
            and len(first) > 4
        )
        if surname_first or given_first:
            yield Span(PERSON, m.start(1), m.end(3), "zh_pinyin_name")
