"""The failure classes of the independent evaluation, one test per class, and the detector
interface: the registry, strict mode, and failing closed."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

import pytest

from edged.errors import ConfigError, EdgedError
from edged.privacy import PrivacyConfig, Redactor, load_privacy_config
from edged.privacy.detector import Span, TextView
from edged.privacy.redactor import RedactionFailed
from edged.privacy.registry import DETECTORS
from tests.privacy.conftest import found


def covered(redactor: Redactor, text: str, value: str) -> bool:
    """Every character of ``value`` (spaces aside) lies inside some entity."""
    start = text.index(value)
    spans = [(e.start, e.end) for e in redactor.detect(text)]
    return all(
        text[k].isspace() or any(s <= k < e for s, e in spans) for k in range(start, start + len(value))
    )


@pytest.mark.parametrize(
    ("text", "value"),
    [
        (
            "Ship it to 1234 Maple Heights Ave, Apt. 5B, Springfield, IL 62704 today.",
            "1234 Maple Heights Ave, Apt. 5B, Springfield, IL 62704",
        ),
        (
            "Bill to 77 W Oak Street Suite 300, Dayton, OH 45402-1120, thanks",
            "77 W Oak Street Suite 300, Dayton, OH 45402-1120",
        ),
        (
            "Return address: Flat 8, Gerard Haven, New Jeanberg L6U 4FH. Attn: stores",
            "Flat 8, Gerard Haven, New Jeanberg L6U 4FH",
        ),
        (
            "Courier to Unit 5/12 Smith St, Parramatta NSW 2150, Australia.",
            "5/12 Smith St, Parramatta NSW 2150, Australia",
        ),
        (
            "Office: 1-2-3 Kita-Aoyama, Minato-ku, Tokyo 107-0061",
            "1-2-3 Kita-Aoyama, Minato-ku, Tokyo 107-0061",
        ),
        (
            "Plant: 4-5 Nishi-Shinjuku 2-chome, Shinjuku-ku, Tokyo, Japan",
            "4-5 Nishi-Shinjuku 2-chome, Shinjuku-ku, Tokyo, Japan",
        ),
        ("Osaka-shi, Kita-ku, Umeda 3-1-1 is the new depot", "Osaka-shi, Kita-ku, Umeda 3-1-1"),
        (
            "Sunrise Bldg. 10F, 2-7-1 Ujina-Higashi, Minami-ku, Hiroshima-shi",
            "Sunrise Bldg. 10F, 2-7-1 Ujina-Higashi, Minami-ku, Hiroshima-shi",
        ),
    ],
)
def test_english_and_romanised_japanese_addresses(redactor: Redactor, text: str, value: str) -> None:
    assert covered(redactor, text, value)
    assert "ADDRESS" in [t for t, _ in found(redactor, text)]


@pytest.mark.parametrize(
    "phone",
    [
        "(212) 010-4477",
        "212.010.4477",
        "212 010 4477",
        "(212) 010-4477 x123",
        "212-010-4477 ext. 12",
        "+1-212-555-0199",
        "001-1-212-555-0199",
        "00 44 20 7946 0958",
        "+44 20 7946 0958",
        "03-1234-5678",
        "090-1234-5678",
    ],
)
def test_phones_in_english_text(redactor: Redactor, phone: str) -> None:
    text = f"If it trips again call {phone} before the night shift."
    assert covered(redactor, text, phone)


def test_ten_bare_digits_are_a_phone_only_near_a_phone_word(redactor: Redactor) -> None:
    assert covered(redactor, "Mobile: 2125550199, after 6 pm", "2125550199")
    assert found(redactor, "Our PO is 4738454673 for the bearings.") == []


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("送付先〒107-0061 東京都港区", "〒107-0061"),
        ("Send it to the warehouse, ZIP 62704-1234, by Friday.", "62704-1234"),
        ("The ZIP for the Dayton store is 45402; call first.", "45402"),
        ("差出人山田商店、435-2056。", "435-2056"),
    ],
)
def test_postal_codes(redactor: Redactor, text: str, value: str) -> None:
    assert covered(redactor, text, value)


def test_a_part_number_is_no_postal_code(redactor: Redactor) -> None:
    assert found(redactor, "品番123-4567を交換") == []


@pytest.mark.parametrize(
    "number",
    ["3530 1113 3330 0000", "6212-3456-7890-1232", "6759649826438453", "5078601870000000000"],
)
def test_cards_in_no_card_context(redactor: Redactor, number: str) -> None:
    assert ("CARD_NUMBER", number) in found(redactor, f"Noted {number} on the sheet.")


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Chukwuemeka Obi is covering the line today.", "Chukwuemeka Obi"),
        ("Per Nguyen Thi Mai, the belt was replaced.", "Nguyen Thi Mai"),
        ("Siobhan O'Sullivan's badge expired.", "Siobhan O'Sullivan"),
        ("Dr. Aisha Al-Farsi (night lead) said the press is fine.", "Aisha Al-Farsi"),
        ("The forklift was moved by Tran Van Duc.", "Tran Van Duc"),
        ("Handover: Paddy Kennedy, Dang Thu Phong and Min Jiang on Bay 4.", "Dang Thu Phong"),
        ("Handover: Paddy Kennedy, Dang Thu Phong and Min Jiang on Bay 4.", "Min Jiang"),
        ("Giuseppe Esposito Jr. signed off the retrofit.", "Giuseppe Esposito Jr."),
        ("Julian Ó Coinín reset it.", "Julian Ó Coinín"),
        ("LIN MEI-CHU and the vendor swapped the bearing.", "LIN MEI-CHU"),
        ("Please update KIMURA Rika's address.", "KIMURA Rika"),
        ("Sato Hiroshi signed the permit.", "Sato Hiroshi"),
    ],
)
def test_names_from_everywhere(redactor: Redactor, text: str, name: str) -> None:
    assert covered(redactor, text, name)


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("本日の点検は勅使河原悠真さんが担当した。", "勅使河原悠真"),
        ("小鳥遊 ひなた様より連絡あり。", "小鳥遊 ひなた"),
        ("髙橋一郎課長に報告。", "髙橋一郎"),
        ("齋藤 健太郎さんと濱田美咲さんが交代。", "齋藤 健太郎"),
        ("担当：五百旗頭 真", "五百旗頭 真"),
        ("グエン・ヴァン・アンさんが夜勤。", "グエン・ヴァン・アン"),
        ("ファム ティ ランさんに確認", "ファム ティ ラン"),
        ("四十物 隆之係長が確認", "四十物 隆之"),
        ("報告者：四月一日 君尋", "四月一日 君尋"),
        ("作業者：Nguyen Van An", "Nguyen Van An"),
        ("Michael Johnson氏より据付完了の報告あり。", "Michael Johnson"),
        ("返信先：a.b@example.jp（松本）", "松本"),
    ],
)
def test_japanese_names_are_taken_whole(redactor: Redactor, text: str, name: str) -> None:
    assert covered(redactor, text, name)


@pytest.mark.parametrize(
    "text",
    [
        "営業部長に連絡",
        "品質管理課の会議",
        "西倉庫の応援をお願いします。",
        "安川製部品の見積書",
        "Maintenance on Press P-7 by the night crew.",
        "Building C, Bay 4 is closed; Warehouse North open.",
        "Conveyor 3 stopped. Fanuc robot alarm E-4012.",
    ],
)
def test_plant_words_stay(redactor: Redactor, text: str) -> None:
    assert found(redactor, text) == []


def test_strict_mode_masks_what_is_likely_but_unproven(redactor: Redactor, strict_redactor: Redactor) -> None:
    text = "Stray figure 83726154 on the tag; ask Zorblax Quintavo about it."
    assert [t for t, _ in found(strict_redactor, text)] == ["NUMBER", "PERSON"]
    assert "NUMBER" not in [t for t, _ in found(redactor, text)]
    # dates, times, figures with units and numbers their writer named stay in both modes
    for kept in ("at 2024-05-12 14:30 it stopped", "3200000 rpm", "part 12345678", "LOT 20240512"):
        assert found(strict_redactor, kept) == [], kept
    assert strict_redactor.config.mode == "strict"
    assert PrivacyConfig().mode == "strict"  # the default, and so what escalation uses


def test_the_registry_names_every_detector_and_the_config_refuses_others(tmp_path: Path) -> None:
    assert {"email", "phone", "address", "person", "strict_person", "strict_number"} <= set(DETECTORS)
    with pytest.raises(ValueError, match="unknown detector nope"):
        PrivacyConfig(detectors=["email", "nope"])
    toml = tmp_path / "edged.toml"
    toml.write_text('[privacy]\ndetectors = ["email", "adress"]\n', encoding="utf-8")
    with pytest.raises(ConfigError, match="unknown detector adress"):
        load_privacy_config(toml)
    redactor = Redactor(PrivacyConfig(detectors=["email"], mode="strict"))
    assert [d.name for d in redactor.detectors] == ["email"]
    assert found(redactor, "mail a@b.co, call 03-1234-5678") == [("EMAIL", "a@b.co")]


class _Shouting:
    """A detector from outside the registry, through the same interface."""

    name = "shouting"
    types = ("SHOUT",)
    priority = 4
    strict_only = False

    def find(self, view: TextView) -> Iterable[Span]:
        start = view.text.find("HELLO")
        return [Span("SHOUT", start, start + 5, "shouting")] if start >= 0 else []


class _Broken(_Shouting):
    name = "broken"

    def find(self, view: TextView) -> Iterable[Span]:
        raise RuntimeError("the dictionary is gone")


def test_a_detector_is_one_object_with_the_interface() -> None:
    redactor = Redactor(detectors=[_Shouting()])
    assert redactor.redact("say HELLO to them")[0] == "say <SHOUT_1> to them"


def test_a_failing_detector_fails_closed(caplog: pytest.LogCaptureFixture) -> None:
    redactor = Redactor(detectors=[_Shouting(), _Broken()])
    with pytest.raises(RedactionFailed) as raised:
        redactor.redact("Taro Yamada says HELLO")
    assert raised.value.code == "redaction_failed"
    assert "broken" in raised.value.message
    assert "Taro" not in caplog.text and "broken" in caplog.text  # the detector named, never the text


@pytest.mark.parametrize(
    ("text", "code"),
    [("name \ud800 here", "bad_text"), ("x" * 1_000_001, "too_large")],
)
def test_unredactable_text_is_refused_clearly(redactor: Redactor, text: str, code: str) -> None:
    with pytest.raises(EdgedError) as raised:
        redactor.redact(text)
    assert raised.value.code == code


def test_control_characters_and_mixed_scripts_are_redacted(redactor: Redactor) -> None:
    text = "\x00\x07担当：山田太郎\tcall\x0b 03-1234-5678 \u200e Nguyen Van An"
    kinds = [t for t, _ in found(redactor, text)]
    assert kinds.count("PHONE") == 1 and "PERSON" in kinds
