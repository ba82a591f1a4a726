"""The evaluation harness on a few hundred sentences: the generator labels what it writes, the
scoring counts what it should, and edged's structured detectors find nearly everything."""

from __future__ import annotations

import importlib.util

import pytest

from edged.privacy.evalset import NEGATIVE, Label, Sample, generate
from edged.privacy.evaluate import STRUCTURED, render, run_evaluation, score


def test_generator_labels_match_the_text() -> None:
    samples = generate(40, seed=1)
    assert {s.lang for s in samples} == {"ja", "en"}
    kinds = set()
    for s in samples:
        for label in s.labels + s.negatives:
            assert s.text[label.start : label.end] == label.value
            kinds.add(label.type)
    assert {"PERSON", "PHONE", "EMAIL", "MY_NUMBER", "CARD_NUMBER", NEGATIVE} <= kinds
    assert generate(5, seed=2)[0].text == generate(5, seed=2)[0].text  # reproducible


def test_score_counts_recall_leaks_precision_and_negatives() -> None:
    sample = Sample("en", "call Ann Lee at 03-1234-5678 on 2024-05-12", "t")
    sample.labels = [Label("PERSON", 5, 12, "Ann Lee"), Label("PHONE", 16, 28, "03-1234-5678")]
    sample.negatives = [Label(NEGATIVE, 32, 42, "2024-05-12")]
    output = {
        "entities": [
            {"type": "PERSON", "start": 5, "end": 8},
            {"type": "PHONE", "start": 16, "end": 28},
            {"type": "PHONE", "start": 32, "end": 42},
        ],
        "redacted": "call <PERSON_1> Lee at <PHONE_1> on <PHONE_2>",
        "ms": 1.5,
    }
    en = score([sample], [output])["en"]
    assert en["types"]["PERSON"] == {"n": 1, "recall": 0.0, "leaks": 0}  # "Lee" left: not covered
    assert en["types"]["PHONE"]["recall"] == 1.0
    assert en["precision"] == 2 / 3
    assert en["negatives_flagged"] == 1.0
    assert en["p50_ms"] == 1.5


def test_evaluation_smoke_structured_recall_is_high(monkeypatch: pytest.MonkeyPatch) -> None:
    real_find_spec = importlib.util.find_spec
    monkeypatch.setattr(  # as on a machine without the bench extra
        importlib.util,
        "find_spec",
        lambda name: None if name == "presidio_analyzer" else real_find_spec(name),
    )
    report = run_evaluation(
        per_lang=150, seed=5, config_path=None, ja_analyzer=None, presidio=True, sets=("generated",)
    )
    assert report["presidio"].startswith("not installed: Presidio was NOT measured")
    systems = report["sets"]["generated"]["systems"]
    assert set(systems) == {"edged", "edged-strict"}
    edged = systems["edged"]
    assert edged["stats"]["lines"] == 300 and edged["stats"]["cold_start_s"] > 0
    for lang in ("ja", "en"):
        strict = systems["edged-strict"]["scores"][lang]
        assert strict["leak_rate"] <= systems["edged"]["scores"][lang]["leak_rate"]
        scores = edged["scores"][lang]
        assert scores["structured_recall"] >= 0.99
        for kind in STRUCTURED:
            if kind in scores["types"] and kind in ("MY_NUMBER", "CARD_NUMBER"):
                assert scores["types"][kind]["leaks"] == 0
        assert scores["types"]["PERSON"]["recall"] >= 0.85
        assert scores["negatives_flagged"] <= 0.02
        assert scores["precision"] >= 0.95
    table = render(report)
    assert "[ja]" in table and "[en]" in table and "Presidio: not installed" in table
