"""The opt-in ``ner`` detector: how a recogniser's entities become PERSON spans (through a fake
pipeline, the detector's seam), how they settle against the rule detectors, and the real spaCy /
GiNZA pipelines when the ``ner`` extra is installed (skipped otherwise, as in the default CI)."""

from __future__ import annotations

import importlib.util
from collections.abc import Iterable

import pytest

from edged.errors import MissingExtra
from edged.privacy import PrivacyConfig, Redactor
from edged.privacy.config import DEFAULT_DETECTORS
from edged.privacy.detector import FunctionDetector, Span, TextView
from edged.privacy.ner import EN_MODEL, JA_MODEL, Entities, NerDetector, chunks, load_pipeline, person_spans
from edged.privacy.redactor import RedactionFailed


def fake(*names: str, label: str = "PERSON") -> Entities:
    """A pipeline that tags every occurrence of ``names`` with ``label`` and 'Line 3' as a FAC."""

    def entities(text: str) -> Iterable[tuple[str, int, int]]:
        out = []
        for name in names:
            at = text.find(name)
            while at >= 0:
                out.append((label, at, at + len(name)))
                at = text.find(name, at + 1)
        at = text.find("Line 3")
        if at >= 0:
            out.append(("FAC", at, at + 6))
        return out

    return entities


def _view(text: str, *, japanese: bool = False, english: bool = True) -> TextView:
    return TextView(text, japanese, english, strict=False)


def test_only_person_entities_become_spans_trimmed_of_quotes_and_possessives() -> None:
    detector = NerDetector(fake("\"Maria Garcia's", "Lopez"), None)
    text = "Ask \"Maria Garcia's team at Line 3, then Lopez."
    spans = list(detector.find(_view(text)))
    assert [text[s.start : s.end] for s in spans] == ["Maria Garcia", "Lopez"]
    assert {(s.type, s.detector) for s in spans} == {("PERSON", "ner_en")}


def test_each_language_runs_only_its_own_pipeline() -> None:
    detector = NerDetector(fake("Tom"), fake("山田", label="Person"))
    text = "Tom と山田が確認"
    assert [s.detector for s in detector.find(_view(text, japanese=True, english=False))] == ["ner_ja"]
    assert [s.detector for s in detector.find(_view(text, japanese=False, english=True))] == ["ner_en"]
    assert list(NerDetector(None, None).find(_view(text, japanese=True))) == []


def test_a_one_letter_entity_is_not_a_name() -> None:
    assert list(person_spans("J. said so", fake("J."))) == []


def test_long_text_is_run_in_chunks_and_offsets_come_back_to_the_whole() -> None:
    line = "点検は異常なし。\n" * 2000 + "担当は山田です。"
    pieces = list(chunks(line, size=1000))
    assert all(len(piece) <= 1000 for _, piece in pieces)
    assert "".join(piece for _, piece in pieces) == line
    assert all(piece.endswith(("\n", "。")) for _, piece in pieces[:-1])  # cut after a line or a full stop
    assert [line[a:b] for a, b in person_spans(line, fake("山田"))] == ["山田"]
    unbroken = "x" * 2500
    assert [len(piece) for _, piece in chunks(unbroken, size=1000)] == [1000, 1000, 500]


def _rule(name: str, value: str, priority: int = 8) -> FunctionDetector:
    """A rule detector that finds ``value`` (typed after its name)."""
    entity_type = "ADDRESS" if name == "address" else "PERSON"

    def find(view: TextView) -> list[Span]:
        at = view.text.find(value)
        return [Span(entity_type, at, at + len(value), name)] if at >= 0 else []

    return FunctionDetector(name, (entity_type,), priority, find)


def test_a_rule_finding_wins_an_overlap_and_the_rest_of_the_name_stays_masked() -> None:
    text = "Shipped by Jane Smith of Smith Road today."
    redactor = Redactor(
        PrivacyConfig(mode="standard"),
        detectors=[
            _rule("address", "Smith Road", priority=6),
            NerDetector(fake("Jane Smith of Smith"), None),
        ],
    )
    entities = redactor.detect(text)
    assert [(e.type, e.text, e.detector) for e in entities] == [
        ("PERSON", "Jane Smith of", "ner_en"),  # the part outside the address, trimmed of spaces
        ("ADDRESS", "Smith Road", "address"),
    ]


def test_a_name_the_rules_missed_is_masked_beside_theirs() -> None:
    redactor = Redactor(
        PrivacyConfig(mode="standard"),
        detectors=[_rule("person", "Kenji"), NerDetector(fake("Okonkwo"), None)],
    )
    redacted, vault = redactor.redact("Kenji handed over to Okonkwo.")
    assert redacted == "<PERSON_1> handed over to <PERSON_2>."
    assert vault.reidentify(redacted)[0] == "Kenji handed over to Okonkwo."


def test_a_failing_pipeline_keeps_the_text_home() -> None:
    def broken(text: str) -> list[tuple[str, int, int]]:
        raise RuntimeError("model state lost")

    redactor = Redactor(PrivacyConfig(mode="standard"), detectors=[NerDetector(broken, None)])
    with pytest.raises(RedactionFailed, match="'ner'"):
        redactor.redact("Ask Maria about it.")


def test_ner_is_opt_in_and_a_missing_package_names_the_extra() -> None:
    assert "ner" not in PrivacyConfig().detectors
    assert "ner" not in DEFAULT_DETECTORS
    assert "ner" in PrivacyConfig(detectors=[*DEFAULT_DETECTORS, "ner"]).detectors
    with pytest.raises(MissingExtra, match=r"edged\[ner\]") as caught:
        load_pipeline("edged_no_such_pipeline", ())
    assert caught.value.extra == "ner"


_MISSING = [p for p in ("spacy", EN_MODEL, JA_MODEL) if importlib.util.find_spec(p) is None]


@pytest.mark.skipif(
    bool(_MISSING),
    reason=f"the ner extra is not installed ({', '.join(_MISSING)} missing): pip install 'edged[ner]'",
)
def test_the_installed_pipelines_find_names_in_both_languages() -> None:
    redactor = Redactor(PrivacyConfig(detectors=["ner"], mode="standard"))
    english = redactor.detect("Operator Maria Garcia reported that the press stopped at 14:30.")
    japanese = redactor.detect("山田太郎さんに3号ラインのポンプ異常を連絡してください。")
    assert [(e.text, e.detector) for e in english] == [("Maria Garcia", "ner_en")]
    assert [(e.text, e.detector) for e in japanese] == [("山田太郎", "ner_ja")]
