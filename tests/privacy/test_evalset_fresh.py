"""The fresh evaluation set: deterministic, exact and non-overlapping spans, valid structured values,
both languages and every type the scorer knows."""

from __future__ import annotations

import ipaddress
import itertools
import re
import sys
import unicodedata
from collections import Counter

import pytest

from edged.errors import MissingExtra
from edged.privacy.checks import luhn, my_number
from edged.privacy.evalset import NEGATIVE, Sample
from edged.privacy.evaluate import STRUCTURED, make_set

pytest.importorskip("mimesis")

from edged.privacy.evalset_fresh import (
    EN_TEMPLATES,
    JA_HONORIFICS,
    JA_ROLES,
    SOURCES,
    generate_fresh,
)

PER_LANG = 600
TYPES = {*STRUCTURED, "PERSON", "ADDRESS"}


@pytest.fixture(scope="module")
def samples() -> list[Sample]:
    return generate_fresh(PER_LANG, seed=23)


def _digits(value: str) -> str:
    return re.sub(r"\D", "", unicodedata.normalize("NFKC", value))


def test_deterministic_per_seed(samples: list[Sample]) -> None:
    again = generate_fresh(PER_LANG, seed=23)
    assert [s.to_json() for s in again] == [s.to_json() for s in samples]
    assert [s.text for s in generate_fresh(30, seed=24)] != [s.text for s in generate_fresh(30, seed=23)]


def test_sizes_languages_and_sources(samples: list[Sample]) -> None:
    assert Counter(s.lang for s in samples) == {"ja": PER_LANG, "en": PER_LANG}
    assert len({s.template for s in samples if s.lang == "en"}) == len(EN_TEMPLATES)
    assert {"mimesis", "names-dataset", "hand-written", "phonenumbers"} <= set(SOURCES)
    assert "22.2.0" in SOURCES["mimesis"]


def test_every_type_in_both_languages(samples: list[Sample]) -> None:
    for lang in ("ja", "en"):
        seen = {label.type for s in samples if s.lang == lang for label in s.labels + s.negatives}
        assert seen == TYPES | {NEGATIVE}, (lang, (TYPES | {NEGATIVE}) ^ seen)


def test_spans_exact_and_not_overlapping(samples: list[Sample]) -> None:
    for sample in samples:
        labels = sorted(sample.labels + sample.negatives, key=lambda x: x.start)
        for label in labels:
            assert sample.text[label.start : label.end] == label.value, (sample.text, label)
            assert label.value and label.value.strip() == label.value, label
            assert label.form, label
        for before, after in itertools.pairwise(labels):
            assert before.end <= after.start, (sample.text, before, after)
        assert all(x.type == NEGATIVE for x in sample.negatives)
        assert all(x.type in TYPES for x in sample.labels)


def test_structured_values_are_valid(samples: list[Sample]) -> None:
    for sample in samples:
        for label in sample.labels:
            digits = _digits(label.value)
            if label.type == "CARD_NUMBER":
                assert 13 <= len(digits) <= 19 and luhn(digits), label
            elif label.type == "MY_NUMBER":
                assert len(digits) == 12 and my_number(digits), label
            elif label.type == "IP_ADDRESS":
                ipaddress.ip_address(label.value)
            elif label.type == "EMAIL":
                assert re.fullmatch(r"[\w.+-]+@[\w-]+(\.[\w-]+)+", label.value), label
            elif label.type == "POSTAL_CODE" and sample.lang == "ja":
                assert re.fullmatch(r"〒?\d{3}-\d{4}", unicodedata.normalize("NFKC", label.value)), label


def test_phones_are_valid_numbers(samples: list[Sample]) -> None:
    phonenumbers = pytest.importorskip("phonenumbers")
    for sample in samples:
        for label in sample.labels:
            if label.type != "PHONE":
                continue
            text = unicodedata.normalize("NFKC", label.value)
            text = re.split(r"\s*,?\s*(?:x|ext\.?)\s*\d+$", text, flags=re.IGNORECASE)[0]
            text = re.sub(r"^(?:00|011|010)[ -]", "+", text).replace("(0)", "")
            region = "JP" if label.form.startswith("jp-") else "US"
            assert phonenumbers.is_valid_number(phonenumbers.parse(text, region)), label


def test_hard_negatives_hold_no_card_or_my_number(samples: list[Sample]) -> None:
    for sample in samples:
        for negative in sample.negatives:
            for run in re.findall(r"\d[\d -]*\d", negative.value):
                digits = _digits(run)
                assert not (13 <= len(digits) <= 19 and luhn(digits)), negative
                assert not (len(digits) == 12 and my_number(digits)), negative


def test_honorifics_and_titles_stay_outside_names(samples: list[Sample]) -> None:
    words = tuple(JA_HONORIFICS + JA_ROLES)
    honorific_after = 0
    for sample in samples:
        for label in sample.labels:
            if label.type != "PERSON":
                continue
            assert not label.value.startswith(("Mr.", "Ms.", "Dr.", "Eng")), label
            if sample.lang == "ja" and sample.text[label.end :].startswith(words):
                honorific_after += 1
    assert honorific_after > 100  # names directly before an honorific or a role word


def test_a_missing_mimesis_is_a_clean_missing_extra(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "mimesis", None)
    with pytest.raises(MissingExtra, match="mimesis"):
        generate_fresh(2, seed=1)


def test_registered_as_the_fresh_set() -> None:
    fresh = make_set("fresh", 5, 3)
    assert [s.to_json() for s in fresh] == [s.to_json() for s in generate_fresh(5, seed=3)]
