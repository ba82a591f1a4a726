"""Name-like words that name a thing, not a person, in Japanese text: what stands right after
them or right before them says so.

- An eponym glued to a technical noun: ホール素子 (Hall element), ピトー管, パレート図, ガント
  チャート, 田中式 (a method named after its inventor). The noun is what the word names; a person
  is written with an honorific or a title, not with 素子 or 管.
- A machine's number after it: ボイラー2号, プレス3号機 are machines, whatever the word reads as.
- The 長 of a post (センター長へ連絡, ライン長に報告): the head of a centre or a line, not 長さん.
- A company field's value: 会社=大隈豊和, メーカー：田中貴金属 name a firm, and a firm's name is a
  surname and a given name as often (豊田, 松下幸之助).
"""

from __future__ import annotations

import re

from edged.privacy.names_ja_data import ROLE_HEAD

_EPONYM_NOUN = re.compile(
    r"(?:素子|管(?![理轄内])|図(?![面書])|チャート|線図|曲線|式(?![典場])|効果|係数|定数|試験機|貴金属|金属(?:工業)?)"
)
# the noun read into the run itself (ピトー管 read whole as one unknown word)
_EPONYM_END = re.compile(rf"[\u30a1-\u30faー]{{2,}}{_EPONYM_NOUN.pattern}$")
_MACHINE_NUMBER = re.compile(r"[0-9０-９]{1,3}号")
_COMPANY_FIELD = re.compile(
    r"(?:会社|会社名|社名|企業名|法人名|メーカー|製造元|仕入先|取引先|納入業者|発注先|購入先|販売元)\s?[=:：]\s?$"
)


def named_thing(text: str, start: int, end: int) -> bool:
    """Whether the name-like run ``text[start:end]`` names a thing: an eponym before its noun, a
    machine before its number, a company in its field."""
    return (
        _EPONYM_NOUN.match(text, end) is not None
        or _EPONYM_END.search(text, start, end) is not None
        or _MACHINE_NUMBER.match(text, end) is not None
        or _COMPANY_FIELD.search(text, max(0, start - 8), start) is not None
        or (text[start:end] == "長" and ROLE_HEAD.search(text, max(0, end - 7), end) is not None)
    )
