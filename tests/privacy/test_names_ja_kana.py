"""Japanese full names in kana with a space between surname and given name (names_ja_kana.py).
Every value is invented for these tests; no evaluation set holds them."""

from __future__ import annotations

import pytest

from edged.privacy import Redactor
from tests.privacy.conftest import found


def persons(redactor: Redactor, text: str) -> list[str]:
    return [value for kind, value in found(redactor, text) if kind == "PERSON"]


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("詳細はうえすぎ ともか殿に確認のこと。", "うえすぎ ともか"),
        ("うえすぎ ともかさん、資料を共有します。", "うえすぎ ともか"),
        ("報告先 ひらまつ ゆずる課長（内線 2231）", "ひらまつ ゆずる"),
        ("氏名：杉浦 仁　ふりがな：すぎうら じん　電話：内線 301", "すぎうら じん"),
        ("署名：かねしろ みずほ　第2工場", "かねしろ みずほ"),
        ("【社内チャット】08:12 かねしろ みずほ：プレス2号機の段取り完了", "かねしろ みずほ"),
        ("かねしろ みずほです。折り返しは内線まで。", "かねしろ みずほ"),
        ("一次対応 ひらまつ ゆずる、報告先 工場長", "ひらまつ ゆずる"),
        ("部品手配はアナスタシア ペトロワ。", "アナスタシア ペトロワ"),
        ("ファルハド・カリモフです。よろしくお願いします。", "ファルハド・カリモフ"),
    ],
)
def test_kana_full_names_come_whole(redactor: Redactor, text: str, name: str) -> None:
    assert name in persons(redactor, text)


@pytest.mark.parametrize(
    "text",
    [
        "これは まだです。",  # two hiragana words and です, not at a sentence's start
        "よろしく おねがいします。",
        "ご確認 ください。",
        "搬入はベルト・コンベアです。",  # a machine in katakana words
        "次はエア コンプレッサ。",
    ],
)
def test_kana_words_that_are_no_names_stay(redactor: Redactor, text: str) -> None:
    assert persons(redactor, text) == []
