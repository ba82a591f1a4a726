"""Strict mode fails closed: proper names no rule can prove a person (strict_latin.py,
strict_ja.py), names in Japanese person fields, numbers read out digit by digit and figures named
a postcode (strict.py) are masked in strict mode only, plant words stay, the escalation vault
gives every value back, and long inputs cost linear time. Every value here is invented for these
tests; no evaluation set holds them."""

from __future__ import annotations

import time

import pytest

from edged.privacy import Redactor
from edged.privacy.detector import TextView
from tests.privacy.test_adversarial import checked


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
    text = "the Quarrabey estimate arrived; 承認：鵜久森先輩、ホワイトボード：ズラトコ・ペトロヴィッチ"
    redacted, vault = strict_redactor.redact(text)
    for value in ("Quarrabey", "鵜久森", "ズラトコ"):
        assert value not in redacted
    assert "<NAME_" in redacted
    restored, unknown = vault.reidentify(redacted)
    assert restored == text
    assert unknown == []


_STRICT_RULES = ("strict_person", "strict_number", "strict_proper", "strict_proper_ja")


@pytest.mark.parametrize(
    "unit",
    [
        "Zq ",
        "Zqx-",
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
def test_strict_rules_take_linear_time(strict_redactor: Redactor, unit: str) -> None:
    # the strict rules on their own: the whole redactor's time on these inputs is mostly the
    # standard detectors' (timed in test_adversarial.py), and a loaded machine blurs a sum
    rules = [d for d in strict_redactor.detectors if d.name in _STRICT_RULES]
    assert len(rules) == len(_STRICT_RULES)

    def took(n: int) -> float:
        view = TextView((unit * (n // len(unit) + 1))[:n], japanese=True, english=True, strict=True)
        started = time.perf_counter()
        for rule in rules:
            list(rule.find(view))
        return time.perf_counter() - started

    took(1000)  # the word lists and the analyser load lazily
    # the best of three: a loaded machine's pauses are noise, not growth
    small, large = (min(took(n) for _ in range(3)) for n in (10_000, 40_000))
    assert large < 4.0  # test_adversarial.py allows the whole redactor 2 s for 20,000
    assert large < 8 * max(small, 0.1)  # four times the text: far from sixteen times the time
