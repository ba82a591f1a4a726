"""The blind evaluation set checks itself: deterministic, exact and non-overlapping spans, valid
structured values, every class in both languages, hard negatives, and sources no other set drew
from. No detector runs here and no score is asserted: the set is first scored by someone else."""

from __future__ import annotations

import ipaddress
import itertools
import random
import re
import sys
import unicodedata
from collections import Counter

import pytest

from edged.errors import MissingExtra
from edged.privacy.checks import luhn, my_number, my_number_check_digit
from edged.privacy.evalset import NEGATIVE, Label, Sample, check_sample, describe
from edged.privacy.evaluate import SET_SOURCES, SETS, make_set

pytest.importorskip("faker")
pytest.importorskip("mimesis")

from edged.privacy.evalset_blind import (
    EN_TEMPLATES,
    FAKER_NAME_LOCALES,
    JA_TEMPLATES,
    MIMESIS_NAME_LOCALES,
    SOURCES,
    generate_blind,
    kanji_number,
    luhn_ok,
    my_number_digit,
    negative_is_safe,
)
from edged.privacy.evalset_blind_data import JA_HONORIFICS, JA_ROLES

PER_LANG = 600
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
    return generate_blind(PER_LANG, seed=31)


def _digits(value: str) -> str:
    return re.sub(r"\D", "", unicodedata.normalize("NFKC", value))


def _only_negatives(template: str) -> bool:
    return all(slot.startswith(("n_", "num")) for slot in re.findall(r"\{(\w+)", template))


def test_deterministic_per_seed(samples: list[Sample]) -> None:
    again = generate_blind(PER_LANG, seed=31)
    assert [s.to_json() for s in again] == [s.to_json() for s in samples]
    assert [s.text for s in generate_blind(30, seed=32)] != [s.text for s in generate_blind(30, seed=31)]


def test_sizes_languages_and_templates(samples: list[Sample]) -> None:
    assert Counter(s.lang for s in samples) == {"ja": PER_LANG, "en": PER_LANG}
    assert {s.template for s in samples if s.lang == "en"} == set(EN_TEMPLATES)
    assert {s.template for s in samples if s.lang == "ja"} == set(JA_TEMPLATES)
    pure = (sum(map(_only_negatives, EN_TEMPLATES)), sum(map(_only_negatives, JA_TEMPLATES)))
    assert f"{len(EN_TEMPLATES)} English and {len(JA_TEMPLATES)} Japanese" in SOURCES["templates"]
    assert f"{pure[0]} of each" in SOURCES["templates"]
    assert pure[0] == pure[1]


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
        assert "{" not in sample.text and "}" not in sample.text, sample.text


def test_the_self_check_catches_a_wrong_or_overlapping_label() -> None:
    text = "Call Kwame Mensah on +233 24 123 4567"
    wrong = Sample("en", text, "t", [Label("PERSON", 5, 16, "Kwame Mensah")])
    with pytest.raises(AssertionError, match="does not match"):
        check_sample(wrong)
    check_sample(Sample("en", text, "t", [Label("PERSON", 5, 17, "Kwame Mensah")]))
    overlapping = [Label("PERSON", 5, 17, "Kwame Mensah"), Label(NEGATIVE, 11, 17, "Mensah")]
    with pytest.raises(AssertionError, match="overlap"):
        check_sample(Sample("en", text, "t", overlapping[:1], overlapping[1:]))


def test_every_class_and_negatives_in_both_languages(samples: list[Sample]) -> None:
    counts = describe(samples)
    for lang in ("ja", "en"):
        assert set(counts[lang]) == TYPES | {NEGATIVE}, (lang, counts[lang])
        assert min(counts[lang].values()) >= 20, (lang, counts[lang])


def test_persons_are_at_least_a_third_of_the_values(samples: list[Sample]) -> None:
    for lang in ("ja", "en"):
        types = Counter(label.type for s in samples if s.lang == lang for label in s.labels)
        assert types["PERSON"] / sum(types.values()) >= 0.35, (lang, types)


def test_about_one_sentence_in_four_holds_hard_negatives_only(samples: list[Sample]) -> None:
    for lang in ("ja", "en"):
        mine = [s for s in samples if s.lang == lang]
        pure = [s for s in mine if not s.labels]
        assert all(_only_negatives(s.template) and s.negatives for s in pure)
        assert 0.2 <= len(pure) / len(mine) <= 0.3, (lang, len(pure))
        kinds = {n.form.split()[0] for s in mine for n in s.negatives}
        assert {"machine", "part", "unit", "place", "model", "maker", "namelike"} <= kinds
        assert {"prod", "lot", "ticket", "order", "date", "time"} <= kinds


def test_hard_negatives_hold_no_card_my_number_or_phone(samples: list[Sample]) -> None:
    for sample in samples:
        for negative in sample.negatives:
            assert negative_is_safe(negative.value), negative
            for run in re.findall(r"\d[\d .-]*\d", unicodedata.normalize("NFKC", negative.value)):
                digits = _digits(run)
                assert not (13 <= len(digits) <= 19 and luhn(digits)), negative
                assert not (len(digits) == 12 and my_number(digits)), negative
    assert not negative_is_safe("order 4111 1111 1111 1111")
    assert not negative_is_safe("090-1234-5678")


def test_the_sets_own_check_digits_agree_with_the_projects() -> None:
    rng = random.Random(5)  # noqa: S311 - reproducible test inputs, not secrets
    for _ in range(2000):
        digits = "".join(rng.choice("0123456789") for _ in range(rng.randint(13, 19)))
        assert luhn_ok(digits) == luhn(digits), digits
        body = "".join(rng.choice("0123456789") for _ in range(11))
        assert my_number_digit(body) == my_number_check_digit(body), body
    assert [kanji_number(n) for n in (1, 10, 12, 20, 35)] == ["一", "十", "十二", "二十", "三十五"]


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


def test_cards_phones_and_addresses_are_varied(samples: list[Sample]) -> None:
    values = [label for s in samples for label in s.labels]
    brands = {label.form.split()[0] for label in values if label.type == "CARD_NUMBER"}
    assert {"card-elo", "card-hipercard", "card-verve", "card-dankort", "card-uatp"} <= brands
    lengths = {len(_digits(label.value)) for label in values if label.type == "CARD_NUMBER"}
    assert set(range(13, 20)) <= lengths
    phones = [label.value for label in values if label.type == "PHONE"]
    for pattern in (r"^0\d+/", r"^0\d+\.", "–", "ー", "･", r"^0\d+\(\d+\)", r"^010 ", r"^011 ", r"^\+\d+-"):
        assert any(re.search(pattern, p) for p in phones), pattern
    kinds = {label.form.split()[0] for label in values if label.type == "ADDRESS"}
    assert {"ca-addr", "nz-addr", "sg-addr", "th-addr", "ph-addr", "pl-addr", "tr-addr", "br-addr"} <= kinds
    ja_shapes = {tag for label in values if label.form.startswith("ja-addr") for tag in label.form.split()}
    assert {"kanji-num", "banchi", "ban-go", "building", "zip-inside", "fullwidth"} <= ja_shapes


def test_phones_are_valid_numbers(samples: list[Sample]) -> None:
    phonenumbers = pytest.importorskip("phonenumbers")
    for sample in samples:
        for label in sample.labels:
            if label.type != "PHONE":
                continue
            text = re.sub(r"[^\d+]", " ", unicodedata.normalize("NFKC", label.value)).strip()
            text = re.sub(r"^01[01] ", "+", text)
            source, style = label.form.split()[:2]
            region = "JP" if source.startswith("jp-") else None
            if source.startswith("intl-") and style == "national":
                region = source[5:].upper()
            assert phonenumbers.is_valid_number(phonenumbers.parse(text, region)), label


def test_titles_and_honorifics_stay_outside_names(samples: list[Sample]) -> None:
    after = 0
    for sample in samples:
        for label in sample.labels:
            if label.type != "PERSON":
                continue
            assert not label.value.startswith(("Mr.", "Ms.", "Dr.", "Engr.", "Pan ", "Bay ", "@")), label
            assert not label.value.endswith(("'s", "-san", *JA_HONORIFICS, *JA_ROLES)), label
            after += sample.lang == "ja" and sample.text[label.end :].startswith(JA_HONORIFICS + JA_ROLES)
    assert after > 100


def test_japanese_names_come_in_every_script(samples: list[Sample]) -> None:
    forms = {label.form.split()[0] for s in samples if s.lang == "ja" for label in s.labels}
    assert {"ja-common", "ja-rare", "ja-hiragana", "ja-katakana", "ja-halfwidth", "ja-foreign"} <= forms
    halfwidth = [label.value for s in samples for label in s.labels if label.form.startswith("ja-halfwidth")]
    assert all(unicodedata.normalize("NFKC", v) != v for v in halfwidth)


def test_name_sources_are_ones_no_other_set_used() -> None:
    from edged.privacy import (
        evalset_final,
        evalset_fresh,
        evalset_holdout,
        evalset_independent,
        evalset_unseen,
    )

    modules = (evalset_final, evalset_holdout, evalset_independent, evalset_unseen)
    others = " ".join(module.SOURCES.get("faker", "") for module in modules)
    assert not [loc for loc in FAKER_NAME_LOCALES if loc in others]
    assert not [loc for loc in FAKER_NAME_LOCALES if loc in evalset_unseen.FAKER_NAME_LOCALES]
    used = set(evalset_fresh._MIMESIS_NAME_LOCALES) | set(evalset_unseen.MIMESIS_NAME_LOCALES)
    assert not set(MIMESIS_NAME_LOCALES) & used


def test_a_missing_faker_is_a_clean_missing_extra(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "faker", None)
    with pytest.raises(MissingExtra, match="faker"):
        generate_blind(2, seed=1)


def test_registered_as_the_blind_set() -> None:
    assert "blind" in SETS
    assert "blind" in SET_SOURCES
    blind = make_set("blind", 5, 3)
    assert [s.to_json() for s in blind] == [s.to_json() for s in generate_blind(5, seed=3)]
