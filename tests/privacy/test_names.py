"""Names in Japanese (kanji, katakana, romaji; honorifics, titles, role words) and English."""

from __future__ import annotations

import pytest

from edged.privacy import Redactor
from edged.privacy.names_en import romaji_to_katakana
from tests.privacy.conftest import found


def persons(redactor: Redactor, text: str, lang: str = "auto") -> list[str]:
    return [value for kind, value in found(redactor, text, lang) if kind == "PERSON"]


@pytest.mark.parametrize(
    ("text", "names"),
    [
        ("本日の点検は佐藤太郎さんが担当した。", ["佐藤太郎"]),
        ("担当：山田", ["山田"]),
        ("オペレーターの佐藤が確認", ["佐藤"]),
        ("作業者 Tanaka Taro が対応", ["Tanaka Taro"]),
        ("本日の点検は橋本七夏さんが担当", ["橋本七夏"]),  # a given name the dictionary splits
        ("山田班長に報告", ["山田"]),
        ("林班長より連絡", ["林"]),  # a surname that is also a word, before a title
        ("担当の小川に連絡済み", ["小川"]),
        ("オペレーターの山本 零がリセット", ["山本 零"]),
        ("ヤマモト ソウタロウさんが巡回", ["ヤマモト ソウタロウ"]),
        ("シミズ ユイさん", ["シミズ ユイ"]),
        ("宛名 岡本 様", ["岡本"]),
        ("零さんとお客様と皆さん", ["零"]),
        ("清水から電話があった", ["清水"]),
    ],
)
def test_japanese_names(redactor: Redactor, text: str, names: list[str]) -> None:
    assert persons(redactor, text) == names


@pytest.mark.parametrize(
    "text",
    [
        "お客様と皆さんへ、業者さんが来ます",
        "豊田市の工場、本田技研の部品",
        "東京都大田区の工場で3号機が停止",
        "担当：保全課",
        "ライン3のポンプを交換",
    ],
)
def test_japanese_non_names(redactor: Redactor, text: str) -> None:
    assert persons(redactor, text) == []


@pytest.mark.parametrize(
    ("text", "names"),
    [
        ("Operator Tyler Williams replaced the belt on Line 3.", ["Tyler Williams"]),
        ("Hi Michelle, pump P-101 tripped.", ["Michelle"]),
        ("Reported by: Aarav Sharma", ["Aarav Sharma"]),
        ("Please contact John D. Smith.", ["John D. Smith"]),
        ("Mr. Nguyen Van An visited.", ["Nguyen Van An"]),
        ("Erin Weaver and Cody Chang will inspect the press.", ["Erin Weaver", "Cody Chang"]),
        ("Frank inspected machine 4.", ["Frank"]),
        ("Technician Benício Lima replaced it.", ["Benício Lima"]),
        ("Handed over to Laura da Paz at 18:00.", ["Laura da Paz"]),
        ("Robert West will call the bank.", ["Robert West"]),
        ("Tanaka Taro checked the press.", ["Tanaka Taro"]),
        ("Ask Sato-san about it.", ["Sato"]),
        ("Suzuki Kenichi and Ito Shota", ["Suzuki Kenichi", "Ito Shota"]),
    ],
)
def test_english_names(redactor: Redactor, text: str, names: list[str]) -> None:
    assert persons(redactor, text) == names


@pytest.mark.parametrize(
    "text",
    [
        "Mark the valve as closed.",
        "Pump Station 2 restarts on May 12.",
        "The Quality Control team checked Line 3 on Monday.",
        "Will check the PLC tomorrow.",
        "Ship to Osaka Kobe warehouse.",
    ],
)
def test_english_non_names(redactor: Redactor, text: str) -> None:
    assert persons(redactor, text) == []


def test_romaji_to_katakana() -> None:
    assert romaji_to_katakana("Tanaka") == "タナカ"
    assert romaji_to_katakana("Hattori") == "ハットリ"
    assert romaji_to_katakana("ken'ichi") == "ケンイチ"
    assert romaji_to_katakana("Line") is None


def test_roster_names_are_always_found(tmp_path: object) -> None:
    from pathlib import Path

    from edged.privacy import PrivacyConfig

    roster = Path(str(tmp_path)) / "roster.txt"
    roster.write_text("# plant roster\nXiang Ling\n鬼瓦権蔵\n", encoding="utf-8")
    r = Redactor(PrivacyConfig(roster=roster, detectors=["person"]))
    assert persons(r, "shift lead xiang ling, 鬼瓦権蔵が承認") == ["xiang ling", "鬼瓦権蔵"]
