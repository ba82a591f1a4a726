"""Round 11's places and contacts: addresses in the Nordic order with a short postcode and in the
number-before-street order (addresses_foreign.py), in English and inside Japanese text; short
postcodes after a postal word (postal_short.py); national phone numbers after a Japanese cue
(phones_cues_ja.py); and the hard negatives beside them. Every street, number and name here is
invented for these tests or a public place name; no evaluation set holds them."""

from __future__ import annotations

import time
from collections.abc import Callable, Iterable

import pytest

from edged.privacy import Redactor
from edged.privacy.addresses_foreign import find_foreign
from edged.privacy.postal_short import find_short_postal
from tests.privacy.conftest import found
from tests.privacy.test_adversarial_round8 import _repeated


def _of(redactor: Redactor, text: str, kind: str) -> list[str]:
    return [value for k, value in found(redactor, text) if k == kind]


@pytest.mark.parametrize(
    ("text", "address"),
    [
        # Icelandic and Norwegian: street with its suffix, number, short postcode, town
        ("Ship the spare to Hólmaslóð 21, 101 Reykjavík by Monday.", "Hólmaslóð 21, 101 Reykjavík"),
        ("Ship the spare to Dalvegur 30, IS-201 Kópavogur by Monday.", "Dalvegur 30, IS-201 Kópavogur"),
        ("Visit at Strandgata 12, 600 Akureyri tomorrow.", "Strandgata 12, 600 Akureyri"),
        ("出張先Hafnarstræti 4, 101 Reykjavík、担当は後日", "Hafnarstræti 4, 101 Reykjavík"),
        (
            "荷受人へ　Reykjavíkurvegur 60, IS-220 Hafnarfjörður　TEL",
            "Reykjavíkurvegur 60, IS-220 Hafnarfjörður",
        ),
        # Malta and other number-first orders: flat or house name, number, street word, town, code
        (
            "Deliver to Flat 2, 14, Triq San Pawl, Naxxar NXR 1503, Malta today.",
            "Flat 2, 14, Triq San Pawl, Naxxar NXR 1503, Malta",
        ),
        (
            "荷物はVilla Rosa, 7, Triq il-Kbira, Siġġiewi SGW 1020へ",
            "Villa Rosa, 7, Triq il-Kbira, Siġġiewi SGW 1020",
        ),
        (
            "検査員（22, Triq tal-Ħriereb, Marsaskala MSK 2020, Malta）",
            "22, Triq tal-Ħriereb, Marsaskala MSK 2020, Malta",
        ),
        ("Send to 12, Iela Tērbatas, Rīga 1011, Latvia please.", "12, Iela Tērbatas, Rīga 1011, Latvia"),
        # no street word: a Maltese postcode and the country carry it
        (
            "荷物は3, Bulebel Industrial Estate, Żejtun ZTN 3000, Maltaへ",
            "3, Bulebel Industrial Estate, Żejtun ZTN 3000, Malta",
        ),
    ],
)
def test_foreign_order_addresses_are_found_whole(redactor: Redactor, text: str, address: str) -> None:
    assert address in _of(redactor, text, "ADDRESS")


@pytest.mark.parametrize(
    "text",
    [
        "Press 12, 101 Units were made on Line 4.",
        "Line 5, 89, Bay 3, Hall A: no findings.",
        "プレス5号機 12, 101 ショット、ライン4",
        "Torque 45, 120 Nm on the flange.",
    ],
)
def test_plant_figures_are_no_foreign_address(redactor: Redactor, text: str) -> None:
    assert _of(redactor, text, "ADDRESS") == []


def test_plant_words_keep_a_chain_from_the_postcode_branch() -> None:
    assert list(find_foreign("Press 5, 89, Zone Alpha, Area Beta ABC 1234 kit")) == []
    assert list(find_foreign("Rack 5, 89, Triq Line, Bay Area ABC 1234")) == []


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("Hotel booked, postcode IS-603, invoice to follow.", "IS-603"),
        ("Hotel booked, postcode 270, invoice to follow.", "270"),
        ("Hotel booked, postal code: 800, invoice to follow.", "800"),
        ("宿泊先の郵便番号310、チェックイン15時", "310"),
        ("宿泊先の郵便番号IS-603、チェックイン15時", "IS-603"),
        ("Póstnúmer 113 og bær Reykjavík", "113"),
    ],
)
def test_short_postcodes_after_a_postal_word(redactor: Redactor, text: str, code: str) -> None:
    assert code in _of(redactor, text, "POSTAL_CODE")


@pytest.mark.parametrize(
    "text",
    [
        "The postcode area 101 is large.",
        "Use a zip tie 300 mm long on the harness.",
        "zip 300 pieces into the bag.",
        "CP 120 on the chain, PLZ 300 not needed.",
    ],
)
def test_short_figures_without_a_postal_word_stay(redactor: Redactor, text: str) -> None:
    assert _of(redactor, text, "POSTAL_CODE") == []


@pytest.mark.parametrize(
    ("text", "phone"),
    [
        ("留守電：「荷物の件です、番号は2133 4455です」", "2133 4455"),
        ("折り返し先、番号：7712 3456まで", "7712 3456"),
        ("客先窓口Ana Sousa様 512 7788 ana@example.pt", "512 7788"),
        ("受付の方へ：認証コードを9123 4567へ送信しました", "9123 4567"),
        ("確認メッセージを 8812 3344 にSMSで", "8812 3344"),
        ("The pick-up code was sent to 555 0199 this morning.", "555 0199"),
    ],
)
def test_national_numbers_after_japanese_cues(redactor: Redactor, text: str, phone: str) -> None:
    assert phone in _of(redactor, text, "PHONE")


@pytest.mark.parametrize(
    "text",
    [
        "注文番号は7972 1178です。",
        "管理番号：1234 5678で登録",
        "部品番号1234 5678へ送信済み",
        "山田様 1234 5678 個を出荷",
        "受付番号は2133 4455です",
        "山田様 12345678 の件",
    ],
)
def test_numbers_named_otherwise_stay(redactor: Redactor, text: str) -> None:
    assert _of(redactor, text, "PHONE") == []


def _timed_finder(finder: Callable[[str], Iterable[object]], text: str) -> float:
    began = time.perf_counter()
    list(finder(text))
    return time.perf_counter() - began


# The new finders alone: the whole redactor is slow on some of these shapes for reasons older than
# them (a run of capitalised words), which would hide their own growth.
@pytest.mark.parametrize(
    ("unit", "after"),
    [
        ("Aa ", "12, 101 Bb"),
        ("Aagata ", "12, 101 Bb"),
        ("1, ", "Triq Aa, Bb CCC 1234"),
        ("Flat 1, Aa Bb, ", "1, Triq"),
        ("Aa Bb, ", "1, Aa Bb, Cc ABC 1234"),
        ("郵便番号 ", "101"),
    ],
)
def test_new_finders_take_roughly_linear_time(unit: str, after: str) -> None:
    for finder in (find_foreign, find_short_postal):
        small = _timed_finder(finder, _repeated("", unit, after, 10_000))
        large = _timed_finder(finder, _repeated("", unit, after, 40_000))
        assert large < 0.5
        assert large < 10 * max(small, 0.02), (small, large)


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("検査結果→佐々木センター長へ連絡", "佐々木"),
        ("保管は勅使河原センター長", "勅使河原"),
        ("報告：すずき はなこ検査員が交換", "すずき はなこ"),
        ("棚卸：カウント吉田結衣・勅使河原、承認", "勅使河原"),
    ],
)
def test_japanese_names_before_posts_and_in_lists(redactor: Redactor, text: str, name: str) -> None:
    assert any(name in person for person in _of(redactor, text, "PERSON"))


@pytest.mark.parametrize(
    "text",
    [
        "品質センター長が承認、物流センター長へ連絡。",
        "品質検査員が確認、技術センター長へ報告",
        "オペレータ・ヨゼフ・カミッレーリ",
    ],
)
def test_posts_alone_are_no_names(redactor: Redactor, text: str) -> None:
    persons = _of(redactor, text, "PERSON")
    assert all(p not in ("長", "品質", "物流", "技術") for p in persons), persons


@pytest.mark.parametrize(
    "text",
    [
        "搬送ロボRC-2のホール素子交換、証明書CAL-1",
        "ベンチュリー管とピトー管の差圧を比較",
        "改善会議でパレート図とガントチャートを確認",
        "次回田中式歩留点検は来週",
        "会社=田中貴金属；担当者不在",
        "会社名：大隈豊和　所在地不明",
        "接続先@ボイラー2号 接続元10.0.0.1",
        "ラッセル効果の測定値",
    ],
)
def test_eponyms_machines_and_firms_are_no_names(redactor: Redactor, text: str) -> None:
    assert _of(redactor, text, "PERSON") == []


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("会社=田中貴金属；担当=山田 花子", "山田 花子"),
        ("田中さんの図面を確認", "田中"),
        ("ピトーさんの管理表", "ピトー"),
    ],
)
def test_names_beside_eponyms_still_found(redactor: Redactor, text: str, name: str) -> None:
    assert any(name in person for person in _of(redactor, text, "PERSON"))


@pytest.mark.parametrize(
    "text", ["問合せ番号は2133 4455です", "お客様番号：2133 4455", "注文の番号は2133 4455"]
)
def test_a_number_of_another_kind_stays(redactor: Redactor, text: str) -> None:
    assert _of(redactor, text, "PHONE") == []
