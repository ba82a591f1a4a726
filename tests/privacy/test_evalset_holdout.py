"""The hold-out evaluation set is well formed: reproducible, labels on their values, negatives apart
from labels, every promised type and form present, phones and check digits valid."""

from __future__ import annotations

import time
import unicodedata
from collections import Counter
from itertools import pairwise

import phonenumbers
import pytest

from edged.privacy.checks import luhn, my_number
from edged.privacy.evalset import Sample
from edged.privacy.evalset_holdout import (
    EN_TEMPLATES,
    JA_TEMPLATES,
    SOURCES,
    generate_holdout,
    phone_region,
    safe_negative,
)

pytest.importorskip("faker")


@pytest.fixture(scope="module")
def samples() -> list[Sample]:
    return generate_holdout(600)


def test_deterministic_per_seed() -> None:
    first = [s.to_json() for s in generate_holdout(30)]
    assert first == [s.to_json() for s in generate_holdout(30)]
    assert first != [s.to_json() for s in generate_holdout(30, seed=24)]


def test_size_languages_and_speed() -> None:
    start = time.perf_counter()
    out = generate_holdout(600)
    assert time.perf_counter() - start < 10
    assert Counter(s.lang for s in out) == {"en": 600, "ja": 600}
    assert len(EN_TEMPLATES) >= 40
    assert len(JA_TEMPLATES) >= 40
    assert {"faker", "hand-written", "phonenumbers"} <= set(SOURCES)


def test_spans_hold_their_values_and_never_overlap(samples: list[Sample]) -> None:
    for sample in samples:
        spans = sorted((x.start, x.end) for x in [*sample.labels, *sample.negatives])
        for label in [*sample.labels, *sample.negatives]:
            assert sample.text[label.start : label.end] == label.value, sample.text
            assert label.value == label.value.strip() and label.value
            assert label.form
        for (_, end), (start, _) in pairwise(spans):
            assert end <= start, sample.text


def test_values_are_valid(samples: list[Sample]) -> None:
    for label in (x for s in samples for x in s.labels):
        plain = unicodedata.normalize("NFKC", label.value)
        if label.type == "PHONE":
            home = phone_region(label.form)
            # "00" is the international prefix of Europe and most of Asia (Japan dials 010)
            number = phonenumbers.parse(plain, "GB" if "00" in label.form.split() else home)
            assert phonenumbers.is_valid_number(number), label
            assert number.country_code == phonenumbers.country_code_for_region(home), label
        elif label.type == "CARD_NUMBER":
            digits = "".join(c for c in plain if c.isdigit())
            assert 13 <= len(digits) <= 19 and luhn(digits), label
        elif label.type == "MY_NUMBER":
            assert my_number("".join(c for c in plain if c.isdigit())), label
        elif label.type == "PERSON" and label.form.split()[0].startswith("name_"):
            assert all(not unicodedata.name(c, "").startswith("CJK") for c in label.value), label


def test_negatives_hold_no_number_to_redact(samples: list[Sample]) -> None:
    for negative in (x for s in samples for x in s.negatives):
        assert negative.type == "NEGATIVE"
        assert safe_negative(negative.value), negative
        if negative.form == "sap_material":
            assert len(negative.value) == 10 and negative.value[0] == "1"


def test_every_type_and_form_appears(samples: list[Sample]) -> None:
    kinds = Counter((x.type, x.form.split()[0]) for s in samples for x in [*s.labels, *s.negatives])
    tags = Counter(tag for s in samples for x in s.labels for tag in x.form.split()[1:])
    expected = {
        "PERSON": (
            "name_ph name_ng name_in name_th name_id name_ke name_pt name_nl name_sv name_fi name_hu "
            "name_cs name_ro name_uk name_zh_tw name_vi name_lk name_np name_et name_mn name_bd name_br "
            "ja_romaji ja_kanji_full ja_kanji_surname ja_kanji_surname3 ja_hiragana_given ja_katakana "
            "ja_katakana_foreign zh_tw_hanzi"
        ),
        "EMAIL": "email_name email_faker email_plus email_subdomain email_mixed_case",
        "PHONE": "nanp jp_landline jp_mobile jp_tollfree gb de ph th id br",
        "POSTAL_CODE": "us_zip us_zip4 jp_postal",
        "ADDRESS": (
            "us_address uk_address de_address nl_address br_address ph_address jp_romaji_address "
            "jp_kanji_address"
        ),
        "CARD_NUMBER": (
            "card_visa card_mastercard card_amex card_jcb card_discover card_diners card_unionpay "
            "card_maestro card_none"
        ),
        "MY_NUMBER": "my_number",
        "IP_ADDRESS": "ipv4 ipv6",
        "MAC_ADDRESS": "mac_colon mac_hyphen mac_dot",
        "NEGATIVE": (
            "equipment_tag work_order sap_material lot doc_number date time measurement torque brand "
            "plant_place ja_katakana_term plant_phrase"
        ),
    }
    missing = [(t, f) for t, forms in expected.items() for f in forms.split() if kinds[t, f] == 0]
    assert not missing
    for tag in [
        "lower",
        "given_only",
        "surname_only",
        "middle_initial",
        "hyphenated",
        "nickname",
        "fullwidth",
        "no_context",
        "mark",
        "00",
        "e164",
        "intl",
        "national",
        "building",
        "chome_ban_go",
        "banchi",
    ]:
        assert tags[tag] > 0, tag


def test_informal_and_japanese_contexts(samples: list[Sample]) -> None:
    en = [s for s in samples if s.lang == "en"]
    ja = [s for s in samples if s.lang == "ja"]
    lower = [x for s in en for x in s.labels if x.type == "PERSON" and "lower" in x.form.split()]
    assert lower and all(x.value == x.value.lower() for x in lower)
    assert any(
        s.text[x.end : x.end + 2] in ("さん", "様") for s in ja for x in s.labels if x.type == "PERSON"
    )
    assert any(x.value.startswith("〒") for s in ja for x in s.labels if x.type == "POSTAL_CODE")
    assert any(any("\uff10" <= c <= "\uff19" for c in x.value) for s in ja for x in s.labels)
