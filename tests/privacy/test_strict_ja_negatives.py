"""Strict mode's Japanese guards (strict.py's Japanese fields and titles, strict_ja.py) leave what
is no one: a date after a field word, a label's word before its colon, the role word glued before
a name, a role's compound, a maker in kanji, a company. The names beside them stay masked. Every
value is invented for these tests; no evaluation set holds them."""

from __future__ import annotations

import pytest

from edged.privacy import Redactor
from tests.privacy.conftest import found


def masked(redactor: Redactor, text: str) -> list[str]:
    return [value for kind, value in found(redactor, text) if kind in ("PERSON", "NAME", "NUMBER", "PHONE")]


@pytest.mark.parametrize(
    ("text", "kept"),
    [
        ("試作機貸出：返却期限令和9年2月14日", "期限"),  # a date after 返却, not a name
        ("是正処置の承認経路：課長→部長", "経路"),  # a label's word before its colon
        ("輸入インボイス　荷受人担当 未定", "受人"),
        ("輸出書類：荷送人担当へ確認", "送人"),  # 荷送人: a role's compound
        ("見積比較：大隈と津上の2社", "大隈"),  # makers written in kanji
        ("納入元：豊田自動織機の部品センター", "豊田"),
        ("改善提案：プレス3号用弁慶治具を新作", "弁慶"),  # a tool's name
        ("見積依頼（Tsugami）の回答待ち", "Tsugami"),  # a maker in Latin letters
        ("通関インボイスNo.48213907716　数量12", "48213907716"),  # an invoice's number
        ("リコール対象：304-5527-K2（ロット1）", "304-5527"),  # a part number's body
    ],
)
def test_strict_leaves_words_that_are_no_one(strict_redactor: Redactor, text: str, kept: str) -> None:
    assert not any(kept in value for value in masked(strict_redactor, text))


@pytest.mark.parametrize(
    ("text", "name"),
    [
        # the role word glued before a name and its title is cut off, the name stays masked
        ("計量票 10:15頃　立会鬼頭原工場長", "鬼頭原"),
        ("通知先担当百舌野殿（内線210）", "百舌野"),
        ("責任者雲母坂主任", "雲母坂"),
        ("返却 九十九 さくら", "九十九 さくら"),
        ("担当：大隈", "大隈"),  # a maker's name after a person's cue is a person
        ("口座番号 3049182 宛", "3049182"),  # a stray figure stays masked
        ("個人携帯 090-4418-2071-内線なし", "090-4418-2071"),
    ],
)
def test_strict_still_masks_the_names(strict_redactor: Redactor, text: str, name: str) -> None:
    values = masked(strict_redactor, text)
    assert any(name in value for value in values), values
    assert not any(value.startswith(("立会", "通知先", "責任者", "担当")) for value in values), values
