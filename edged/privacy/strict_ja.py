"""Strict mode's proper-name guard for Japanese: it fails closed. What the morphological analyser
reads as a proper noun (固有名詞: 人名, 地名, 一般) or does not know, in kanji or katakana, and every
katakana run whose words a ・ or ＝ joins (a foreign name written the Japanese way), is masked
wherever it stands; a department, a maker, a company or a plant place (松本営業所, 東棟) stays.
The type is ``NAME``: a proper name, not shown to be a person."""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import TYPE_CHECKING

from edged.privacy.detector import FunctionDetector, Span, TextView
from edged.privacy.makers import JA_MAKERS, JA_MAKERS_KANJI
from edged.privacy.morphology import Analyzer, Token, chunked_tokens
from edged.privacy.names_ja_data import DEPARTMENT, NOT_NAMES
from edged.privacy.names_places import ja_company
from edged.privacy.strict_latin import NAME

if TYPE_CHECKING:
    from edged.privacy.registry import Resources

_JA_CHAR = re.compile(r"[\u4e00-\u9fff々〆ヶ\u30a1-\u30faー]")
_ONLY_JA = re.compile(r"[\u4e00-\u9fff々〆ヶ\u30a1-\u30faー]+")
_KANA = re.compile(r"[\u3041-\u3096\u30a1-\u30faー]{2,}")
_PROPER = ("人名", "地名", "一般")
# katakana words joined by ・ or = (NFKC makes ＝ an =): one foreign name
# (read from a run's start only: from every position of a long run it was quadratic)
_JOINED_KATAKANA = re.compile(r"(?<![\u30a1-\u30faー])[\u30a1-\u30faー]+(?:[・=゠][\u30a1-\u30faー]+)+")
# a place or an organisation of the plant that the proper noun names (松本営業所, 東棟, 品証ラボ)
_PLANT_PLACE_AFTER = re.compile(
    r"(?:営業所|事業所|工場|倉庫|支店|支社|本社|センター|ライン|棟|門|課|部|係|室|班|ラボ|エリア|ヤード|"
    r"製作所|鉄工所|工業|産業|産機|電機|精機|精工|重工|自動織機|織機|機械|商事|号機|号|製|"
    r"治具|冶具|砥石|工具|装置|金型|刃物|"  # 弁慶治具: a tool's name
    r"[0-9元]{1,2}年)"  # 令和7年: an era
)


class JapaneseProperNames:
    def __init__(self, analyzer: Analyzer) -> None:
        self._analyzer = analyzer

    def find(self, view: TextView) -> Iterator[Span]:
        if not view.japanese:
            return
        text = view.text
        spans = [(m.start(), m.end()) for m in _JOINED_KATAKANA.finditer(text)]
        spans += _proper_runs(text, chunked_tokens(self._analyzer, text))
        for start, end in spans:
            if not _claimed(text, start, end):
                yield Span(NAME, start, end, "strict_proper_ja")


def _candidate(token: Token) -> bool:
    if token.person and _KANA.fullmatch(token.surface):
        return True  # ゆうき: a given name in hiragana
    if not _ONLY_JA.fullmatch(token.surface):
        return False
    return token.unknown or (token.pos2 == "固有名詞" and token.pos3 in _PROPER)


def _proper_runs(text: str, tokens: list[Token]) -> list[tuple[int, int]]:
    """Proper-noun tokens next to each other (or one space apart: 九十九 颯) as one run."""
    runs: list[tuple[int, int]] = []
    previous: Token | None = None
    for token in tokens:
        role = previous is not None and _role_compound(previous, token)
        previous = token
        if not _candidate(token) or role:
            continue
        if runs and text[runs[-1][1] : token.start] in ("", " "):
            runs[-1] = (runs[-1][0], token.end)
        else:
            runs.append((token.start, token.end))
    return runs


def _role_compound(previous: Token, token: Token) -> bool:
    """荷 + 送人, 受 + 託者: a word the dictionary does not know, ending in 人, 者 or 員 and glued to
    a common noun before it, is the end of a compound naming a role (荷送人), not a name."""
    return (
        token.unknown
        and len(token.surface) == 2
        and token.surface.endswith(("人", "者", "員"))
        and previous.end == token.start
        and previous.pos2 == "普通名詞"
        and _ONLY_JA.fullmatch(previous.surface) is not None
    )


def _claimed(text: str, start: int, end: int) -> bool:
    """A department, a maker, a company, a plant place, or what stands where no one does."""
    value = text[start:end]
    if value in NOT_NAMES or DEPARTMENT.match(value) or _JA_CHAR.search(value) is None:
        return True
    if any(value.startswith(m) for m in JA_MAKERS) or value in JA_MAKERS_KANJI:
        return True
    if ja_company(text, start, end):
        return True
    return _PLANT_PLACE_AFTER.match(text, end) is not None


def build(resources: Resources) -> FunctionDetector:
    finder = JapaneseProperNames(resources.analyzer)
    return FunctionDetector("strict_proper_ja", (NAME,), 11, finder.find, strict_only=True)
