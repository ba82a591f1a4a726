"""Strict mode fails closed: proper names no rule can prove a person (strict_latin.py,
strict_ja.py), names in Japanese person fields, numbers read out digit by digit and figures named
a postcode (strict.py) are masked in strict mode only, plant words stay, the escalation vault
gives every value back, and long inputs cost linear time. Every value here is invented for these
tests; no evaluation set holds them."""

from __future__ import annotations

import time

import pytest

from edged.privacy import PrivacyConfig, Redactor
from tests.privacy.test_adversarial import _timed, checked


def _covered(redactor: Redactor, text: str, value: str) -> bool:
    start = text.index(value)
    end = start + len(value)
    spans = [(e.start, e.end) for e in redactor.detect(text)]
    return all(any(a <= i < b for a, b in spans) for i in range(start, end) if not text[i].isspace())


@pytest.mark.parametrize(
    ("text", "value"),
    [
        # anywhere, not only after a cue; the first word of a sentence when it is no English word
        ("Swap agreed: Zbigmund Quarrabey takes the late shift.", "Zbigmund Quarrabey"),
        ("Ottilka to confirm the torque figures with QA.", "Ottilka"),
        ("um so Velimirka said the guard was fine", "Velimirka"),
        ("whiteboard: Drusko -> order new seals", "Drusko"),
        ("Selvam a/l Arumugasamy signed the permit.", "Selvam a/l Arumugasamy"),
        ("Iolo ap Maredudd covers Friday.", "Iolo ap Maredudd"),
        ("Handed to Nurfazlin binti Zulkarnaen at the gate.", "Nurfazlin binti Zulkarnaen"),
        ("Visitor: QUARRABEY ZBIGMUND, badge 12", "QUARRABEY ZBIGMUND"),
        ("Note from T. Gwarradine about the spares.", "T. Gwarradine"),
        # lowercase after a key or cue
        ("[mes] host = 10.1.2.3; admin = taviso mbekwe; notify = ops", "taviso mbekwe"),
        ("Ticket 88 - assignee: orlaith mcgarrigle - comment added", "orlaith mcgarrigle"),
        ("hi all its ferdousi from packing, can someone cover?", "ferdousi"),
        # Japanese: katakana joined by ・ or ＝, rare names in person fields and before titles
        ("ホワイトボード：ズラトコ・ペトロヴィッチ → 点検", "ズラトコ・ペトロヴィッチ"),
        ("SMS転送：ボグダリナ＝クルスです。", "ボグダリナ＝クルス"),
        ("起票猿渡瑚都　承認済み", "猿渡瑚都"),
        ("承認：鵜久森先輩", "鵜久森"),
        # read out digit by digit, named a postcode
        (
            "my number is uh four one seven three three nine two eight okay",
            "four one seven three three nine two eight",
        ),
        ("new postcode 614 07 on the form", "614 07"),
        ("deliver to the depot, postcode L-3341", "L-3341"),
    ],
)
def test_strict_masks_what_no_rule_proves(strict_redactor: Redactor, text: str, value: str) -> None:
    assert _covered(strict_redactor, text, value), strict_redactor.redact(text)[0]


@pytest.mark.parametrize(
    "text",
    [
        "Swap agreed: Zbigmund Quarrabey takes the late shift.",
        "whiteboard: Drusko -> order new seals",
        "ホワイトボード：ズラトコ・ペトロヴィッチ → 点検",
    ],
)
def test_standard_mode_does_not_guess_names(redactor: Redactor, text: str) -> None:
    assert not [e for e in redactor.detect(text) if e.type == "NAME"]


@pytest.mark.parametrize(
    "text",
    [
        "Conveyor 3 stopped; Hydraulic Pump Overheat alarm on Gearbox 2.",
        "Mazak Integrex i-200 back up at 6.3 bar after the spindle swap.",
        "Haitian MA3800 tripped twice on the night shift.",
        "Bystronic ByStar Fiber cut 40 sheets.",
        "Surface measured 3.2 µm Ra on the bore.",
        "Work to OSHA 1910.147 and IEC 61131-3.",
        "Spindle speed 1200 rpm on the VMC in the Cleanroom.",
        "Requisition for the Mezzanine rack in the toolroom.",
        "Parker Hannifin regulator PN 4471 in stores.",
        "出荷は令和7年10月20日、品質管理課が確認。",
        "日立産機のコンプレッサを松本営業所へ移設。",
        "担当は品質管理課、承認：品証",
    ],
)
def test_strict_leaves_plant_words(strict_redactor: Redactor, text: str) -> None:
    assert checked(strict_redactor, text) == [], strict_redactor.redact(text)[0]


def test_the_vault_gives_strict_names_back(strict_redactor: Redactor) -> None:
    text = "Ottilka Vranešević rang; admin = taviso mbekwe; 承認：鵜久森先輩、ズラトコ・ペトロヴィッチ"
    redacted, vault = strict_redactor.redact(text)
    for value in ("Ottilka", "taviso", "鵜久森", "ズラトコ"):
        assert value not in redacted
    assert "<NAME_" in redacted
    restored, unknown = vault.reidentify(redacted)
    assert restored == text
    assert unknown == []


@pytest.mark.parametrize(
    "unit",
    [
        "Zq ",
        "a/l ",
        "B. ",
        "admin = qx ",
        "ア・",
        "アー=",
        "zero ",
        "one two ",
        "postcode 1 ",
        "承認鵜",
    ],
)
def test_strict_rules_take_linear_time(unit: str) -> None:
    strict = Redactor(PrivacyConfig(mode="strict"))

    def text(n: int) -> str:
        return (unit * (n // len(unit) + 1))[:n]

    _timed(strict, text(1000))
    assert _timed(strict, text(20_000)) < 2.0


def test_one_long_hyphenated_word_takes_linear_time_in_strict_latin() -> None:
    # the whole redactor is slower on this input (the address and person detectors, older than
    # strict mode): the strict rule is timed on its own
    from edged.privacy import strict_latin
    from edged.privacy.detector import TextView

    def took(n: int) -> float:
        view = TextView(("Zqx-" * n)[: n * 4], japanese=False, english=True, strict=True)
        started = time.perf_counter()
        list(strict_latin.find(view))
        return time.perf_counter() - started

    took(100)
    assert took(5_000) < 1.0


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("um so Kofisio said the guard was fine", "Kofisio"),
        ("Ottilka to confirm with the shift lead.", "Ottilka"),
        ("whiteboard: Drusko -> order new seals", "Drusko"),
        ("spares arrived, ring Zbiggo about the invoice", "Zbiggo"),
        ("hi all its Ferdousia from packing", "Ferdousia"),
        ("SMS 03:10 from Velimirka: press tripped", "Velimirka"),
        ("Selvam a/l Arumugasamy signed the permit.", "Selvam a/l Arumugasamy"),
        ("Nurfazlin binti Zulkarnaen at the gate.", "Nurfazlin binti Zulkarnaen"),
        ("Iolo ap Maredudd covers Friday.", "Iolo ap Maredudd"),
    ],
)
def test_standard_mode_takes_a_name_in_a_clear_person_slot(redactor: Redactor, text: str, value: str) -> None:
    assert _covered(redactor, text, value), redactor.redact(text)[0]


@pytest.mark.parametrize(
    "text",
    [
        "Line 4 -> order new seals",
        "Conveyor said to stop? no, the HMI said so",
        "Kanban to confirm the count; Andon -> reset",
        "ring Stores about the bearings",
    ],
)
def test_standard_person_slots_leave_plant_words(redactor: Redactor, text: str) -> None:
    assert checked(redactor, text) == [], redactor.redact(text)[0]
