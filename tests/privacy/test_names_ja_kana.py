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
        ("報告先 ひらまつ ゆずる課長（2231）", "ひらまつ ゆずる"),
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


@pytest.mark.parametrize(
    ("text", "name"),
    [
        # rare surnames the dictionary splits or does not know, carried whole
        ("給与振込口座変更：九月一日 達郎、個人番号は別紙", "九月一日 達郎"),
        ("部品手配は八月朔日 恵理子。", "八月朔日 恵理子"),
        ("緊急連絡網：松本 内線12／九月一日 達郎 070.5281.5214", "九月一日 達郎"),
        ("署名：三月朔日 ゆずは　第2工場", "三月朔日 ゆずは"),
        ("署名：五月七日 結芽　第2工場", "五月七日 結芽"),
    ],
)
def test_rare_kanji_surnames_come_whole(redactor: Redactor, text: str, name: str) -> None:
    assert any(name in found_name for found_name in persons(redactor, text))


@pytest.mark.parametrize(
    ("text", "name"),
    [
        # a department before the name is no part of it
        ("作業許可証　購買部 高橋 翔太　承認", "高橋 翔太"),
        ("出席：保全課 山下 智也　以上", "山下 智也"),
        ("受付 山下 智也　入構済み", "山下 智也"),  # a field's label, an ordinary word
    ],
)
def test_departments_before_a_name_stay_out(redactor: Redactor, text: str, name: str) -> None:
    names = persons(redactor, text)
    assert name in names
    assert not any(dept in n for n in names for dept in ("購買部", "保全課", "受付"))
