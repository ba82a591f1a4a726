"""The unseen evaluation set: deterministic, exact and non-overlapping spans, valid structured values,
every class in both languages, hard negatives, and sources no other set drew from. No redactor
score is asserted here: the set is scored once, by the lead."""

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
from edged.privacy.evalset import NEGATIVE, Label, Sample, check_sample
from edged.privacy.evaluate import SET_SOURCES, SETS, make_set

pytest.importorskip("faker")
pytest.importorskip("mimesis")

from edged.privacy.evalset_unseen import (
    EN_TEMPLATES,
    FAKER_NAME_LOCALES,
    JA_HONORIFICS,
    JA_ROLES,
    JA_TEMPLATES,
    MIMESIS_NAME_LOCALES,
    SOURCES,
    generate_unseen,
    negative_is_safe,
)

PER_LANG = 500
TYPES = {
    "PERSON",
    "ADDRESS",
    "POSTAL_CODE",
    "PHONE",
    "EMAIL",
    "CARD_NUMBER",
    "MY_NUMBER",
    "IP_ADDRESS",
    "MAC_ADDRESS",
}


@pytest.fixture(scope="module")
def samples() -> list[Sample]:
    return generate_unseen(PER_LANG, seed=29)


def _digits(value: str) -> str:
    return re.sub(r"\D", "", unicodedata.normalize("NFKC", value))


def _only_negatives(template: str) -> bool:
    return all(slot.startswith(("n_", "num")) for slot in re.findall(r"\{(\w+)", template))


def test_deterministic_per_seed(samples: list[Sample]) -> None:
    again = generate_unseen(PER_LANG, seed=29)
    assert [s.to_json() for s in again] == [s.to_json() for s in samples]
    assert [s.text for s in generate_unseen(30, seed=30)] != [s.text for s in generate_unseen(30, seed=29)]


def test_sizes_languages_and_templates(samples: list[Sample]) -> None:
    assert Counter(s.lang for s in samples) == {"ja": PER_LANG, "en": PER_LANG}
    assert {s.template for s in samples if s.lang == "en"} == set(EN_TEMPLATES)
    assert {s.template for s in samples if s.lang == "ja"} == set(JA_TEMPLATES)
    assert f"{len(EN_TEMPLATES)} English and {len(JA_TEMPLATES)} Japanese" in SOURCES["templates"]


def test_spans_exact_and_not_overlapping(samples: list[Sample]) -> None:
    for sample in samples:
        spans = sorted(sample.labels + sample.negatives, key=lambda x: x.start)
        for label in spans:
            assert sample.text[label.start : label.end] == label.value, (sample.text, label)
            assert label.value and label.value.strip() == label.value, label
            assert label.form, label
        for before, after in itertools.pairwise(spans):
            assert before.end <= after.start, (sample.text, before, after)
        assert all(x.type == NEGATIVE for x in sample.negatives)
        assert all(x.type in TYPES for x in sample.labels)


def test_the_self_check_catches_a_wrong_or_overlapping_label() -> None:
    text = "Call Ana Ruiz on 212.555.0147"
    wrong = Sample("en", text, "t", [Label("PERSON", 5, 12, "Ana Ruiz")])
    with pytest.raises(AssertionError, match="does not match"):
        check_sample(wrong)
    check_sample(Sample("en", text, "t", [Label("PERSON", 5, 13, "Ana Ruiz")]))
    overlapping = [Label("PERSON", 5, 13, "Ana Ruiz"), Label(NEGATIVE, 9, 13, "Ruiz")]
    with pytest.raises(AssertionError, match="overlap"):
        check_sample(Sample("en", text, "t", overlapping[:1], overlapping[1:]))


def test_every_class_and_negatives_in_both_languages(samples: list[Sample]) -> None:
    for lang in ("ja", "en"):
        seen = {label.type for s in samples if s.lang == lang for label in s.labels + s.negatives}
        assert seen == TYPES | {NEGATIVE}, (lang, (TYPES | {NEGATIVE}) ^ seen)


def test_persons_are_at_least_a_third_of_the_values(samples: list[Sample]) -> None:
    for lang in ("ja", "en"):
        types = Counter(label.type for s in samples if s.lang == lang for label in s.labels)
        assert types["PERSON"] / sum(types.values()) >= 0.35, (lang, types)


def test_about_one_sentence_in_four_holds_hard_negatives_only(samples: list[Sample]) -> None:
    for lang in ("ja", "en"):
        mine = [s for s in samples if s.lang == lang]
        pure = [s for s in mine if not s.labels]
        assert all(_only_negatives(s.template) and s.negatives for s in pure)
        assert 0.18 <= len(pure) / len(mine) <= 0.32, (lang, len(pure))
        kinds = {n.form.split()[0] for s in mine for n in s.negatives}
        assert {"machine", "part", "lot", "order", "unit", "date", "time", "place", "model"} <= kinds
        assert {"brand", "std", "prod", "ticket", "namelike"} <= kinds


def test_hard_negatives_hold_no_card_my_number_or_phone(samples: list[Sample]) -> None:
    for sample in samples:
        for negative in sample.negatives:
            assert negative_is_safe(negative.value), negative
            for run in re.findall(r"\d[\d -]*\d", negative.value):
                digits = _digits(run)
                assert not (13 <= len(digits) <= 19 and luhn(digits)), negative
                assert not (len(digits) == 12 and my_number(digits)), negative
    assert not negative_is_safe("order 4111 1111 1111 1111")
    assert not negative_is_safe("090-1234-5678")


def test_structured_values_are_valid(samples: list[Sample]) -> None:
    for sample in samples:
        for label in sample.labels:
            value = unicodedata.normalize("NFKC", label.value)
            digits = _digits(value)
            if label.type == "CARD_NUMBER":
                assert 13 <= len(digits) <= 19 and luhn(digits), label
            elif label.type == "MY_NUMBER":
                assert len(digits) == 12 and my_number(digits), label
            elif label.type == "IP_ADDRESS":
                ipaddress.ip_address(label.value)
            elif label.type == "MAC_ADDRESS":
                assert len(re.sub(r"[^0-9a-fA-F]", "", value)) == 12, label
            elif label.type == "EMAIL":
                assert re.fullmatch(r"[\w.+-]+@[\w-]+(\.[\w-]+)+", label.value), label
            elif label.type == "POSTAL_CODE" and label.form.startswith("jp-"):
                assert re.fullmatch(r"〒?\d{3}-\d{4}", value), label


def test_card_brands_and_phone_forms_are_varied(samples: list[Sample]) -> None:
    forms = Counter(label.form.split()[0] for s in samples for label in s.labels)
    brands = {f for f in forms if f.startswith("card-")}
    assert {"card-jcb", "card-discover", "card-unionpay", "card-maestro", "card-private-label"} <= brands
    phones = [label.value for s in samples for label in s.labels if label.type == "PHONE"]
    shapes = (r"^\(\d{3}\) ", r"^\d{3}\.\d{3}\.", r"^001-1-", r"^00 \d", r"^\+81", r"x\d+$", r"ext\.", "－")
    for pattern in shapes:
        assert any(re.search(pattern, p) for p in phones), pattern


def test_phones_are_valid_numbers(samples: list[Sample]) -> None:
    phonenumbers = pytest.importorskip("phonenumbers")
    for sample in samples:
        for label in sample.labels:
            if label.type != "PHONE":
                continue
            text = unicodedata.normalize("NFKC", label.value)
            text = re.split(r"\s*(?:x|ext\.?|extension)\s*\d+$", text, flags=re.IGNORECASE)[0]
            text = re.sub(r"^00 ", "+", re.sub(r"^001-", "+", text))
            source = label.form.split()[0]
            region = "JP" if source.startswith("jp-") else "US"
            if source.startswith("intl-"):
                region = source[5:].upper()
            assert phonenumbers.is_valid_number(phonenumbers.parse(text, region)), label


def test_titles_and_honorifics_stay_outside_names(samples: list[Sample]) -> None:
    after = 0
    for sample in samples:
        for label in sample.labels:
            if label.type != "PERSON":
                continue
            assert not label.value.startswith(("Mr.", "Ms.", "Dr.", "Supervisor", "Inspector")), label
            assert not label.value.endswith(("'s", *JA_HONORIFICS, *JA_ROLES)), label
            after += sample.lang == "ja" and sample.text[label.end :].startswith(JA_HONORIFICS + JA_ROLES)
    assert after > 100


def test_name_sources_are_ones_no_other_set_used() -> None:
    from edged.privacy import evalset_final, evalset_fresh, evalset_holdout, evalset_independent

    others = " ".join(
        module.SOURCES.get("faker", "") for module in (evalset_final, evalset_holdout, evalset_independent)
    )
    assert not [loc for loc in FAKER_NAME_LOCALES if loc in others]
    assert not set(MIMESIS_NAME_LOCALES) & set(evalset_fresh._MIMESIS_NAME_LOCALES)


def test_a_missing_faker_is_a_clean_missing_extra(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "faker", None)
    with pytest.raises(MissingExtra, match="faker"):
        generate_unseen(2, seed=1)


def test_registered_as_the_unseen_set() -> None:
    assert "unseen" in SETS
    assert "unseen" in SET_SOURCES
    unseen = make_set("unseen", 5, 3)
    assert [s.to_json() for s in unseen] == [s.to_json() for s in generate_unseen(5, seed=3)]
