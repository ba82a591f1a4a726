"""The independent evaluation set: deterministic, exact spans, every failure class present."""

from __future__ import annotations

import time
from collections import Counter

import pytest

from edged.privacy.checks import luhn, my_number
from edged.privacy.evalset import NEGATIVE, Sample
from edged.privacy.evalset_independent import SOURCES, generate_independent

PER_LANG = 300


def _words(text: str) -> list[str]:
    return text.split()


@pytest.fixture(scope="module")
def samples() -> list[Sample]:
    return generate_independent(PER_LANG, seed=11)


def _tags(samples: list[Sample]) -> Counter[tuple[str, str]]:
    counts: Counter[tuple[str, str]] = Counter()
    for sample in samples:
        for label in sample.labels + sample.negatives:
            for tag in label.form.split():
                counts[(sample.lang, tag)] += 1
    return counts


def test_deterministic_and_seeded(samples: list[Sample]) -> None:
    again = generate_independent(PER_LANG, seed=11)
    assert [s.to_json() for s in again] == [s.to_json() for s in samples]
    other = generate_independent(20, seed=12)
    assert [s.text for s in other] != [s.text for s in generate_independent(20, seed=11)]


def test_sizes_and_sources(samples: list[Sample]) -> None:
    assert Counter(s.lang for s in samples) == {"ja": PER_LANG, "en": PER_LANG}
    assert len({s.template for s in samples if s.lang == "en"}) >= 40
    assert len({s.template for s in samples if s.lang == "ja"}) >= 40
    assert {"faker", "names-dataset", "hand-written", "phonenumbers"} <= set(SOURCES)


def test_spans_are_exact_and_formed(samples: list[Sample]) -> None:
    for sample in samples:
        for label in sample.labels + sample.negatives:
            assert sample.text[label.start : label.end] == label.value, (sample.text, label)
            assert label.value.strip() == label.value
            assert label.form, label
        for label in sample.negatives:
            assert label.type == NEGATIVE
        for label in sample.labels:
            assert label.type != NEGATIVE


def test_negatives_never_overlap_labels(samples: list[Sample]) -> None:
    for sample in samples:
        for neg in sample.negatives:
            for label in sample.labels:
                assert neg.end <= label.start or neg.start >= label.end, (sample.text, neg, label)


def test_values_are_valid(samples: list[Sample]) -> None:
    import phonenumbers

    fullwidth = str.maketrans("０１２３４５６７８９", "0123456789")
    for sample in samples:
        for label in sample.labels:
            digits = "".join(c for c in label.value.translate(fullwidth) if c.isdigit())
            if label.type == "CARD_NUMBER":
                assert 13 <= len(digits) <= 19
                assert luhn(digits), label
            elif label.type == "MY_NUMBER":
                assert my_number(digits), label
            elif label.type == "PHONE" and "freedial" not in label.form:
                assert 9 <= len(digits) <= 18, label
        for neg in sample.negatives:
            if neg.form.startswith("neg_order"):
                assert 10 <= len(neg.value) <= 12
                assert not luhn(neg.value)
                assert not my_number(neg.value)
                for region in ("JP", "US"):
                    assert not phonenumbers.is_valid_number(phonenumbers.parse(neg.value, region))


def test_every_failure_class_is_represented(samples: list[Sample]) -> None:
    tags = _tags(samples)
    en = _words(
        "us_address unit zip4 nozip uk_address au_address romaji_address hyphen chome city_first "
        "no_prefecture us_zip us_zip4 jp_postal in_en_text "
        "nanp_paren nanp_dot nanp_space nanp_dash nanp_bare nanp_ext nanp_plus1 nanp_idd intl_gb intl_in "
        "intl_vn zerozero jp_phone_en "
        "card_visa card_mc card_mc2 card_amex card_jcb card_discover card_maestro card_unionpay card_diners "
        "card_private card_no_context card_context spaces dashes nosep "
        "name_vi name_ng name_ar name_ie name_es double name_it name_cn name_kr name_in name_ja_romaji "
        "given_family family_given title suffix degree initial possessive per paren list "
        "email ipv4 mac "
        "neg_machine neg_part neg_lot neg_measure neg_date neg_time neg_alarm neg_order neg_place neg_brand "
        "neg_plant_word"
    )
    ja = _words(
        "ja_kanji_full ja_space_half ja_space_full ja_surname ja_given ja_rare_surname ja_old_kanji "
        "ja_katakana_foreign ja_katakana_ja hon_san hon_sama hon_shi hon_kun hon_dono hon_kacho "
        "hon_kakaricho hon_shunin hon_bucho hon_hancho field glued "
        "jp_phone jp_postal mark fullwidth ja_address my_number email ipv4 mac card_no_context "
        "neg_machine neg_part neg_lot neg_measure neg_date neg_time neg_alarm neg_order neg_place neg_brand"
    )
    missing = [("en", t) for t in en if tags[("en", t)] < 3] + [("ja", t) for t in ja if tags[("ja", t)] < 3]
    assert not missing


def test_postal_mark_is_inside_the_label(samples: list[Sample]) -> None:
    marked = [
        label
        for s in samples
        for label in s.labels
        if label.type == "POSTAL_CODE" and "mark" in label.form.split()
    ]
    assert marked
    assert all(label.value.startswith("〒") for label in marked)


def test_fast_enough() -> None:
    started = time.perf_counter()
    generate_independent(600, seed=11)
    assert time.perf_counter() - started < 10.0
