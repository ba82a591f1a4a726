"""Adversarial inputs for the round-8 rules (addresses_world.py, names_latin_slots.py,
names_places.py, names_ja_kana.py, the kanji blocks in addresses.py): long repetitive and
near-miss inputs cost time roughly linear in their length, odd characters inside the new shapes
neither crash a detector nor bend its offsets, a failing new rule keeps the text home, and plant
text that only looks like the new shapes is left alone. Every input is written for these tests."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from edged.errors import EdgedError
from edged.privacy import PrivacyConfig, Redactor
from edged.privacy.redactor import RedactionFailed
from tests.privacy.test_adversarial import _timed, assert_roughly_linear, checked

# -- bounded time ----------------------------------------------------------------------------

# (before, unit, after): the unit repeated to the length, between a fixed head and tail; the
# tail's 12345 passes the world chain's quick postcode check, so its regex runs at all.
ROUND8_UNITS = [
    # world addresses: the chain's words, parts and places, and chains that fail at their end
    ("", "É", " 12345"),  # one long capitalised non-ASCII word: every letter was a start
    # quadratic in names_latin.py and addresses_romance.py (older than round 8): 20k took 17 s
    ("", "A'", " 12345"),
    ("", "A’", " 12345"),
    ("", "Ölçü ", " 12345"),
    ("", "Blk 1 ", " 12345"),
    ("", "Blk 1, ", "x 12345"),
    ("", "Moo 2, ", " 12345"),
    ("", "No:3 ", " 12345"),
    ("", "No:3, ", " 12345"),
    ("", "No. 3 ", " 12345"),
    ("", "No. 3, ", " 12345"),
    ("", "ul. A 1/2, ", " 12345"),
    ("", "rue de l'A, ", " 12345"),
    ("", "(Québec) ", " 12345"),
    ("", "Aa Bb 12345, ", ""),
    ("", "31-150 Aa, ", ""),
    ("", "#04-58 ", " 12345"),
    ("", "Gifu-ken 501-6021, ", ""),
    ("", "Unit 4, Line 2, ", "Batch 2024x"),
    # names by their slot
    ("", "\n", ""),  # a chat line's speaker: blank lines before no [time]
    ("", "\n ", ""),
    ("", "\n[07:41] ", ""),
    ("", "[07:41] aa bb ", ""),
    ("", "Aa B. ", ""),
    ("", "A. ", ""),
    ("", "I. De ", ""),
    ("", "ERDEM ", ""),
    ("", "ERDEM Kaan ", ""),
    ("", "; Aa 0 ", ""),
    ("", "per Aa ", ""),
    ("", ", Aa and Bb", ""),
    # places, machines and companies after a name
    ("", "(John Smith) ", ""),
    ("", "John Smith (", ""),
    ("", "Aa Bb Line ", ""),
    ("", "佐藤鉄工所", ""),
    ("", "加藤様（クボタ）", ""),
    # names in kana
    ("", "アア アア。", ""),
    ("", "アア・", ""),
    ("", "あい うえ。", ""),
    ("", "あい うえさん", ""),
    ("", "ふりがな：あい うえ ", ""),
    ("", "は ", ""),
    # Japanese blocks in kanji numerals
    ("", "十七番", ""),
    ("", "十七番六号", ""),
    ("東京都大田区", "十", ""),
    ("東京都大田区蒲田", "1-", ""),
    ("", "社宅2号棟105号室", ""),
]


def _repeated(before: str, unit: str, after: str, n: int) -> str:
    return before + (unit * (n // len(unit) + 1))[:n] + after


@pytest.mark.parametrize(("before", "unit", "after"), ROUND8_UNITS)
def test_round8_repetitions_take_bounded_roughly_linear_time(
    strict_redactor: Redactor, before: str, unit: str, after: str
) -> None:
    assert_roughly_linear(strict_redactor, lambda n: _repeated(before, unit, after, n))


@pytest.mark.parametrize(
    "text",
    [
        # "No. 1" read as one word (Turkish No:) or as two (No. and 1): each part's readings
        # multiplied over the chain's parts when its end failed; 132 characters took 6 s, 157 a minute
        "No. 1 No. 1 No. 1 No. 1, " * 5 + "x 12345",
        "Press No. 1 Line No. 2 Bay No. 3, " * 5 + "x 12345",
    ],
)
def test_a_short_world_chain_that_fails_at_its_end_is_cheap(strict_redactor: Redactor, text: str) -> None:
    assert _timed(strict_redactor, text) < 1.0


def test_a_katakana_pair_of_huge_words_is_cheap(strict_redactor: Redactor) -> None:
    # the dictionary read each word of the pair: 4 s for one word of 50,000 letters (timed as a
    # growth, not against a clock: a bound of 2 s at 100,000 letters failed on a loaded machine)
    assert_roughly_linear(strict_redactor, lambda n: "ア" * (n // 2) + " " + "イ" * (n // 2) + "。")


@pytest.mark.parametrize(
    "unit",
    [
        "Miho Ito (Morris) ",  # each bracket compared with every finding: 25k 0.34 s, 100k 3.0 s
        "加藤様（クボタ）",
        # each name widened over all names found before (names_en._widen, older than round 8):
        # 25k 0.42 s, 100k 4.4 s
        "ERDEM Kaan ",
    ],
)
def test_thousands_of_names_take_roughly_linear_time(strict_redactor: Redactor, unit: str) -> None:
    small = _timed(strict_redactor, _repeated("", unit, "", 25_000))
    large = _timed(strict_redactor, _repeated("", unit, "", 100_000))
    assert large < 8 * max(small, 0.05), (small, large)


# -- odd characters in the new shapes -----------------------------------------------------------

ROUND8_ODD = [
    "",
    ",",
    ", , , , ,",
    "....",
    "No:",
    "No. ",
    "No:\x00",
    "()",
    "(Québec)",
    "[]:",
    "[07:41] :",
    "\n[07:41]\x00oriol tarrés: hi",
    "[07:41] oriol\u200btarrés: hi",
    "Blk\u200b9 Lot\u200b3, Carmelray Park, Cebu\u200b6015",
    "77/145 Moo 6, Bang Wua, Ｒａｙｏｎｇ １２３４５",
    "12/9 Moo\x002, Nong Mai Daeng, Chon Buri 20000\x00",
    "Dudullu OSB, 2. Cad. No:１４, 34776 Ümraniye/İstanbul",
    "ul. Składowa 44\u200b lok. 3, 61\u2011897 Poznań",
    "2210, rue des Forges, bureau 14, Trois-Rivières (Québec)\u00a0G9A\u00a02G8",
    "2241-6 Ikeshita, Kakamigahara-shi, Gifu-ken 504\u2010812, JAPAN",
    "Blk 58 Toh Guan Road, #05\u200b-117, Singapore 608586\u202e",
    "Dagny V.\u200b replaced the seal",
    "Dagny V.\x00",
    "ERDEM\u00a0Kaan (badge V-2)",
    "I. De\u200bWolf signed",
    "M. dela\u3000Peña signed",
    "Emergency: Oriol\u200b0412 555 019;",
    "ACK BY\u00a0OKONJO",
    "Reflow Oven RF\u20113 tripped",
    "Miho Ito (Morris\x00)",
    "加藤様（クボタ\u200b）",
    "坂口\u200b鉄工所",
    "おびなた\u3000のぞみ\u200bさん",
    "ふりがな：はせがわ\x00みく",
    "ドミトリ・ソコロフ\x00です",
    "ﾄﾞﾐﾄﾘ ｿｺﾛﾌです",
    "東京都港区芝十七番\u200b六号",
    "東京都港区芝十七番六号\ud7ff",
    "社宅２号棟１０５号室",
    "A" * 5000 + " 12345",
    "あ" * 5000 + " " + "い" * 5000 + "さん",
    "ア" * 5000 + "・" + "イ" * 5000 + "。",
]


@pytest.mark.parametrize("text", ROUND8_ODD)
@pytest.mark.parametrize("lang", ["auto", "ja", "en"])
def test_round8_odd_characters_keep_offsets_exact(
    redactor: Redactor, strict_redactor: Redactor, text: str, lang: str
) -> None:
    for r in (redactor, strict_redactor):
        checked(r, text, lang)
        redacted, vault = r.redact(text, lang)
        assert vault.reidentify(redacted)[0] == text


@pytest.mark.parametrize(
    "text",
    [
        "77/145 Moo 6, Bang Wua, Chachoengsao 24180\ud800",
        "\udfffDagny V. replaced",
        "おびなた のぞみ\udbffさん",
        "東京都港区芝十七番六号\udc00",
    ],
)
def test_round8_lone_surrogates_are_refused(strict_redactor: Redactor, text: str) -> None:
    with pytest.raises(EdgedError) as err:
        strict_redactor.redact(text)
    assert err.value.code == "bad_text"


def _raises(*args: object, **kwargs: object) -> Iterator[object]:
    raise RuntimeError("rule bug")


@pytest.mark.parametrize(
    ("target", "text"),
    [
        ("edged.privacy.addresses.find_world", "Ship to 77/145 Moo 6, Bang Wua, Chachoengsao 24180 now"),
        ("edged.privacy.persons.names_latin_slots.find", "Maintenance: Dagny V. swapped the coupling."),
        ("edged.privacy.persons.names_ja_kana.find", "ふりがな：はせがわ みく"),
        ("edged.privacy.persons.plant_thing", "Call John Smith today."),
        ("edged.privacy.persons.affiliation", "Call John Smith today."),
    ],
)
@pytest.mark.parametrize("mode", ["standard", "strict"])
def test_a_failing_round8_rule_blocks_the_text(
    monkeypatch: pytest.MonkeyPatch, target: str, text: str, mode: str
) -> None:
    redactor = Redactor(PrivacyConfig(mode=mode))  # type: ignore[arg-type]
    monkeypatch.setattr(target, _raises)
    with pytest.raises(RedactionFailed):
        redactor.redact(text)


# -- plant text the new rules must leave alone (standard mode) ----------------------------------

PLANT_TEXT = [
    # lists of plant places and lots ending in a four- to six-digit figure: not a postal address
    "Fault on Unit 4, Line 2, Batch 20240 scrapped.",
    "Stock moved to Zone 3, Rack 12, Building 2, Warehouse 20231.",
    "Moved pallets: Bay 7, Cell 2, Block 4, Order 123456 closed.",
    "Set Room 3, Oven 2, Zone 5, Recipe 10450 loaded.",
    "Pressure 12 bar, Temp 45 C, Speed 1500 rpm, Unit 3, Station 40150.",
    "Meeting in Room 4, Block B, Level 2, Training 20260",
    "Cell 2, Zone 4, Park 3, Area 12345",
    "Shift A, Crew 2, Unit 7, Plant 12345",
    "Line 4, Bay 12, Gate 3, Dock 20145",
    "Drawing No. 7, Rev C, Part No. 12345 A, Sheet 2, Assy 40012.",
    "Tool No:3, Holder No:7, Insert 12345",
    "Room 12, Level 3, Building 2, Singapore Plant 608586",
    "Line 3, Station 12, Robot R-2, Program 40012",
    "Hall B, Bay 4, Press No. 7, Die 12345",
    "Spare: Bearing 6205, Seal 35x52, Belt A-42, Motor 1500 rpm",
    "Order PO-4410, qty 5000 pcs, 12.5 kg, 240 V, 50 Hz.",
    "Dates: 30.11.2026, 11/30/2026, shift B, Line 4.",
    "Part RF-3 and RF-4 replaced on Line 4 on 2026-11-30.",
    "Oven 2 (Line 4) temp 240 C, Oven 3 (Line 5) temp 235 C.",
    "No. 12 press down since 06:00, No. 3 press OK.",
    "Reflow Oven RF-3 tripped on Line 4 at 14:05.",
    # a machine and its unit's letter: not a name and an initial
    "Pump A. running, Valve C. closed.",
    "Line B. ready for changeover.",
    "Tank B. is full, Mixer D. at 240 rpm.",
    "Mixer M. 240 set.",
    "Chiller C. (zone 2) alarm cleared.",
    "Welder W. 12 fault cleared.",
    "Crane C. 5t inspected.",
    # lean words and systems after per / ACK BY
    "Calibrated per Andon rules; per Kaizen board.",
    "Torque per Spec, checked per Heijunka plan.",
    "ACK BY SCADA at 14:02; ACK BY HMI; verified MES.",
    "FANUC Robodrill alarm 1010, MAZAK Integrex spindle warm.",
    "[14:00] shift change: all good",
    "[07:41] line two: conveyor stopped",
    # parts in katakana and words in hiragana with a space (the three katakana pairs were masked
    # before round 8 too; the hiragana one was masked in part, けん)
    "交換は サーボ モータ。",
    "原因は オイル シール。",
    "点検は エア フィルタ。",
    "てんけん けっか：いじょう なし",
    "こうかん ずみです",
    # kanji numerals that are not blocks of an address
    "十七番ライン停止、二番炉は稼働中。",
    "十番機 停止、二十番ライン 稼働。",
    "第三工場 十五番地区のコンベア",
]


@pytest.mark.parametrize("text", PLANT_TEXT)
def test_round8_rules_leave_plant_text_alone(redactor: Redactor, text: str) -> None:
    assert checked(redactor, text) == []
