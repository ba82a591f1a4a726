"""The final evaluation set: reproducible, spans that hold their values, valid phone numbers and
check digits, negatives apart from labels, and every type and form present."""

from __future__ import annotations

import ipaddress
import itertools
import re
import time
import unicodedata
from collections import Counter

import pytest

pytest.importorskip("faker")
phonenumbers = pytest.importorskip("phonenumbers")

from edged.privacy.checks import luhn, my_number  # noqa: E402
from edged.privacy.evalset import NEGATIVE, Sample  # noqa: E402
from edged.privacy.evalset_final import EN_TEMPLATES, JA_TEMPLATES, SOURCES, generate_final  # noqa: E402

PER_LANG = 600


@pytest.fixture(scope="module")
def samples() -> list[Sample]:
    return generate_final(PER_LANG)


def _forms(samples: list[Sample], kind: str) -> Counter[str]:
    return Counter(label.form.split()[0] for s in samples for label in s.labels if label.type == kind)


def test_deterministic_and_seeded(samples: list[Sample]) -> None:
    again = generate_final(PER_LANG)
    assert [s.to_json() for s in again] == [s.to_json() for s in samples]
    other = generate_final(20, seed=42)
    assert [s.text for s in other] != [s.text for s in samples[:20]]


def test_shape(samples: list[Sample]) -> None:
    assert len(samples) == 2 * PER_LANG
    assert Counter(s.lang for s in samples) == {"en": PER_LANG, "ja": PER_LANG}
    assert len(EN_TEMPLATES) >= 40
    assert len(JA_TEMPLATES) >= 40
    assert {s.template for s in samples} == set(EN_TEMPLATES) | set(JA_TEMPLATES)
    assert {"faker", "hand_names", "phonenumbers"} <= set(SOURCES)


def test_spans_hold_values(samples: list[Sample]) -> None:
    for s in samples:
        for label in [*s.labels, *s.negatives]:
            assert s.text[label.start : label.end] == label.value, (s.text, label)
            assert label.value
            assert label.value == label.value.strip(), label
            assert label.form, label
        assert all(n.type == NEGATIVE for n in s.negatives)
        assert all(label.type != NEGATIVE for label in s.labels)


def test_no_overlaps(samples: list[Sample]) -> None:
    for s in samples:
        spans = sorted((x.start, x.end) for x in [*s.labels, *s.negatives])
        for (_, end), (start, _) in itertools.pairwise(spans):
            assert end <= start, s.text


def test_phones_are_valid_for_their_region(samples: list[Sample]) -> None:
    phones = [label for s in samples for label in s.labels if label.type == "PHONE"]
    assert len(phones) > 100
    for label in phones:
        region = label.form.split()[1].upper()
        number = phonenumbers.parse(unicodedata.normalize("NFKC", label.value), region)
        assert phonenumbers.is_valid_number(number), label
        assert phonenumbers.region_code_for_number(number) == region, label


def test_structured_values_check_out(samples: list[Sample]) -> None:
    for s in samples:
        for label in s.labels:
            plain = unicodedata.normalize("NFKC", label.value)
            digits = re.sub(r"\D", "", plain)
            if label.type == "CARD_NUMBER":
                assert 13 <= len(digits) <= 19
                assert luhn(digits), label
            elif label.type == "MY_NUMBER":
                assert my_number(digits), label
            elif label.type == "IP_ADDRESS":
                ipaddress.ip_address(plain)
            elif label.type == "MAC_ADDRESS":
                assert len(re.sub(r"[^0-9A-Fa-f]", "", plain)) == 12
            elif label.type == "EMAIL":
                assert re.fullmatch(r"[^@\s]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}", plain), label
            elif label.type == "POSTAL_CODE" and label.form.startswith("jp-mark"):
                assert label.value[0] == "〒"


def test_negatives_are_not_pii_shaped(samples: list[Sample]) -> None:
    for s in samples:
        for n in s.negatives:
            digits = re.sub(r"\D", "", n.value)
            if n.form == "material10":
                assert re.fullmatch(r"1\d{9}", n.value)
            if len(digits) >= 13 and digits == n.value:
                assert not luhn(digits), n
            if len(digits) == 12 and digits == n.value:
                assert not my_number(digits), n


def test_every_type_and_form_appears(samples: list[Sample]) -> None:
    expected = {
        "PERSON": {
            "en_GB",
            "en_IE",
            "zu_ZA",
            "fr_FR",
            "fr_CA",
            "de_AT",
            "de_CH",
            "it_IT",
            "es_AR",
            "es_CL",
            "es_CO",
            "pt_BR",
            "pl_PL",
            "sk_SK",
            "sl_SI",
            "hr_HR",
            "lt_LT",
            "lv_LV",
            "et_EE",
            "da_DK",
            "no_NO",
            "tr_TR",
            "az_AZ",
            "vi_VN",
            "ja_JP-kanji",
            "ja_JP-katakana",
            "ja_JP-romaji",
            "ja-oldform",
            "ko-katakana",
            "ko-romaji",
            "foreign-katakana",
            "hand-pacific",
            "hand-malagasy",
            "hand-haitian",
            "hand-quechua",
            "hand-kazakh",
            "hand-uzbek",
            "hand-burmese",
            "hand-khmer",
            "hand-lao",
        },
        "PHONE": {"national", "international", "e164", "digits", "dotted", "intl-trunk0"},
        "EMAIL": {
            "given.family",
            "initial-family",
            "family_given-digits",
            "plus-tag",
            "family-initial",
            "faker-free",
        },
        "POSTAL_CODE": {
            "jp-mark",
            "jp-hyphen",
            "jp-mark-plain",
            "jp-plain",
            "us-zip5",
            "us-zip9",
            "gb",
            "ie-eircode",
        },
        "ADDRESS": {
            "jp-chome",
            "jp-banchi",
            "jp-banchi-branch",
            "jp-hyphen",
            "jp-faker",
            "jp-romaji",
            "us",
            "gb",
            "ie-eircode",
            "fr",
            "de",
            "at",
            "ch",
            "it",
            "es",
            "ar",
            "cl",
            "co",
            "br",
        },
        "CARD_NUMBER": {"visa", "mastercard", "amex", "jcb", "discover", "diners", "unionpay", "maestro"},
        "MY_NUMBER": {"plain", "hyphen4", "space4", "ideographic-space4"},
        "IP_ADDRESS": {"ipv4", "ipv4-private", "ipv6-compressed", "ipv6-full", "ipv6-linklocal"},
        "MAC_ADDRESS": {"colon-upper", "colon-lower", "hyphen-upper", "hyphen-lower", "cisco-dot"},
    }
    for kind, forms in expected.items():
        assert forms <= set(_forms(samples, kind)), (kind, forms - set(_forms(samples, kind)))
    tags = Counter(t for s in samples for label in s.labels for t in label.form.split()[1:])
    for tag in (
        "lower",
        "caps",
        "surname-first",
        "title",
        "possessive",
        "given-only",
        "transcript",
        "fullwidth",
        "ext",
        "native-order",
        "building",
        "subdomain",
    ):
        assert tags[tag] > 0, tag
    regions = Counter(label.form.split()[1] for s in samples for label in s.labels if label.type == "PHONE")
    assert set(regions) == {
        r.lower()
        for r in (
            "JP",
            "US",
            "CA",
            "GB",
            "IE",
            "FR",
            "DE",
            "AT",
            "CH",
            "IT",
            "ES",
            "AR",
            "CL",
            "CO",
            "BR",
            "PL",
            "TR",
            "VN",
            "ZA",
        )
    }
    negatives = Counter(n.form for s in samples for n in s.negatives)
    for form in (
        "equipment",
        "mes-event",
        "work-order",
        "material10",
        "serial-nonluhn",
        "lot",
        "date",
        "time",
        "measurement",
        "brand",
        "plant-place",
        "plant-phrase",
        "katakana-term",
        "department",
    ):
        assert negatives[form] > 0, form


def test_fast_enough() -> None:
    start = time.perf_counter()
    generate_final(600)
    assert time.perf_counter() - start < 10
