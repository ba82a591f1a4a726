"""Confidence from value tokens, and `edged eval extract`'s set and figures (without an engine:
its answers are made up here; tests/engines run the real model)."""

from __future__ import annotations

import jsonschema
import pytest

from edged.bench.extract_eval import FIELDS, Answer, _same, render, summarize
from edged.bench.extract_evalset import NOTES, SCHEMA
from edged.tasks.confidence import value_logprobs, value_spans


def test_value_spans_are_the_values_not_the_keys_or_punctuation() -> None:
    text = '{"machine":"P-7","stopped":true,"parts":["seal","o ring"],"where":{"line":3},"shift":null}'
    assert [(key, text[a:b]) for key, a, b in value_spans(text)] == [
        ("machine", "P-7"), ("stopped", "true"), ("parts", "seal"), ("parts", "o ring"), ("where", "3"),
        ("shift", "null"),
    ]
    assert value_spans('Sure: {"a": "x", "b": "cut') == [("a", 13, 14)]  # prose before; a cut value is none
    assert value_spans("no object") == []


def test_value_logprobs_take_the_tokens_that_overlap_a_value() -> None:
    text = '{"machine":"P-7","stopped":true}'
    # tokens: {" | machine | ": | "P | -7 | ", | "stopped | ": | true | }
    pieces = ['{"', "machine", '":', '"P', "-7", '",', '"stopped', '":', "true", "}"]
    offsets = [sum(len(p) for p in pieces[: i + 1]) for i in range(len(pieces))]
    logprobs = [-0.1 * (i + 1) for i in range(len(pieces))]
    assert value_logprobs(text, offsets, logprobs) == pytest.approx([-0.4, -0.5, -0.9])
    assert value_logprobs(text, offsets, logprobs, "stopped") == pytest.approx([-0.9])
    assert value_logprobs(text, offsets, logprobs, "other") == []


def test_the_sets_answers_match_its_schema_and_it_holds_both_languages_and_sources() -> None:
    for note in NOTES:
        jsonschema.validate(note.gold(), SCHEMA)
        assert note.machine in note.text
    assert sum(n.language == "en" for n in NOTES) == sum(n.language == "ja" for n in NOTES) == 20
    assert {n.source for n in NOTES} == {"shift", "ticket", "alarm"}
    assert len({n.text for n in NOTES}) == len(NOTES)


def test_field_match_ignores_case_and_spacing_only() -> None:
    assert _same(" p-7 ", "P-7") and not _same("P7", "P-7")
    assert _same(True, True) and not _same(1, True) and not _same("true", True)
    assert _same(None, None) and not _same("null", None)


def answer(guided: bool, right: dict[str, bool], confidence: float, *, valid: bool = True) -> Answer:
    return Answer(NOTES[0], guided, valid, valid, right, confidence, confidence / 2,
                  {f: confidence if right[f] else confidence / 4 for f in FIELDS})


def test_summary_rates_and_an_auroc_that_separates() -> None:
    every = dict.fromkeys(FIELDS, True)
    none = dict.fromkeys(FIELDS, False)
    answers = [answer(False, none, 0.5, valid=False)] * 4 + [answer(True, every, 0.9)] * 3 + [
        answer(True, none, 0.2)] * 3
    result = summarize(answers, resamples=200)
    assert result["modes"]["free"]["schema_valid"] == 0.0 and result["modes"]["free"]["answers"] == 4
    guided = result["modes"]["guided"]
    assert (guided["schema_valid"], guided["all_fields_right"]) == (1.0, 0.5)
    assert guided["field_exact_match"] == dict.fromkeys(FIELDS, 0.5)
    figure = result["confidence"]["answer_value_tokens"]
    assert figure["auroc"] == 1.0 and figure["right"] == 3 and figure["n"] == 6
    low, high = figure["interval_95"]
    assert low <= 1.0 <= high + 1e-9
    assert "AUROC    answer value tokens: 1.000" in render(result)


def test_an_auroc_with_no_wrong_answers_is_undefined() -> None:
    result = summarize([answer(True, dict.fromkeys(FIELDS, True), 0.9)] * 3, resamples=50)
    figure = result["confidence"]["answer_value_tokens"]
    assert figure == {"auroc": None, "interval_95": None, "n": 3, "right": 3}
    assert "undefined" in render(result)
