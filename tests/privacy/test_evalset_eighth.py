"""The eighth evaluation set checks itself: deterministic, exact and non-overlapping spans, valid
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

from edged.privacy.evalset_eighth import (
    EN_TEMPLATES,
    FAKER_NAME_LOCALES,
    JA_TEMPLATES,
    MIMESIS_NAME_LOCALES,
    SOURCES,
    generate_eighth,
    kanji_number,
    luhn_ok,
    my_number_digit,
    negative_is_safe,
    phone_for_parsing,
    transliterate,
)
from edged.privacy.evalset_eighth_data import JA_HONORIFICS, JA_ROLES

PER_LANG = 600
SEED = 8
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
    return generate_eighth(PER_LANG, seed=SEED)


def _digits(value: str) -> str:
    return re.sub(r"\D", "", unicodedata.normalize("NFKC", value))


def _only_negatives(template: str) -> bool:
    return all(slot.startswith(("n_", "num")) for slot in re.findall(r"(?<!\{)\{(\w+)", template))


def test_deterministic_per_seed(samples: list[Sample]) -> None:
    again = generate_eighth(PER_LANG, seed=SEED)
    assert [s.to_json() for s in again] == [s.to_json() for s in samples]
    assert [s.text for s in generate_eighth(30, seed=9)] != [s.text for s in generate_eighth(30, seed=SEED)]


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
        assert not re.search(r"\{\w+(:[\w-]+)?\}", sample.text), sample.text  # no slot left unfilled


def test_the_self_check_catches_a_wrong_or_overlapping_label() -> None:
    text = "Call Tendai Moyo on +971 50 123 4567"
    wrong = Sample("en", text, "t", [Label("PERSON", 5, 15, "Tendai Moyo")])
    with pytest.raises(AssertionError, match="does not match"):
        check_sample(wrong)
    check_sample(Sample("en", text, "t", [Label("PERSON", 5, 16, "Tendai Moyo")]))
    overlapping = [Label("PERSON", 5, 16, "Tendai Moyo"), Label(NEGATIVE, 12, 16, "Moyo")]
    with pytest.raises(AssertionError, match="overlap"):
        check_sample(Sample("en", text, "t", overlapping[:1], overlapping[1:]))


def test_every_class_and_negatives_in_both_languages(samples: list[Sample]) -> None:
    counts = describe(samples)
    for lang in ("ja", "en"):
        assert set(counts[lang]) == TYPES | {NEGATIVE}, (lang, counts[lang])
        assert min(counts[lang].values()) >= 20, (lang, counts[lang])


def test_persons_are_the_largest_share(samples: list[Sample]) -> None:
    for lang in ("ja", "en"):
        types = Counter(label.type for s in samples if s.lang == lang for label in s.labels)
        assert types.most_common(1)[0][0] == "PERSON", (lang, types)
        assert types["PERSON"] / sum(types.values()) >= 0.4, (lang, types)


def test_about_one_sentence_in_four_holds_hard_negatives_only(samples: list[Sample]) -> None:
    for lang in ("ja", "en"):
        mine = [s for s in samples if s.lang == lang]
        pure = [s for s in mine if not s.labels]
        assert all(_only_negatives(s.template) and s.negatives for s in pure)
        assert 0.2 <= len(pure) / len(mine) <= 0.3, (lang, len(pure))
        kinds = {n.form.split()[0] for s in mine for n in s.negatives}
        assert {"machine", "part", "unit", "place", "maker", "namelike", "std"} <= kinds
        assert {"lot", "ticket", "order", "date", "time", "figure"} <= kinds


def test_hard_negatives_hold_no_card_my_number_or_phone(samples: list[Sample]) -> None:
    for sample in samples:
        for negative in sample.negatives:
            assert negative_is_safe(negative.value), negative
            for run in re.findall(r"\d[\d .-]*\d", unicodedata.normalize("NFKC", negative.value)):
                digits = _digits(run)
                assert not (13 <= len(digits) <= 19 and luhn(digits)), negative
                assert not (len(digits) == 12 and my_number(digits)), negative
    assert not negative_is_safe("PO 4111 1111 1111 1111")
    assert not negative_is_safe("0561-12-3456")


def test_the_sets_own_check_digits_agree_with_the_projects() -> None:
    rng = random.Random(8)  # noqa: S311 - reproducible test inputs, not secrets
    for _ in range(2000):
        digits = "".join(rng.choice("0123456789") for _ in range(rng.randint(13, 19)))
        assert luhn_ok(digits) == luhn(digits), digits
        body = "".join(rng.choice("0123456789") for _ in range(11))
        assert my_number_digit(body) == my_number_check_digit(body), body
    assert [kanji_number(n) for n in (3, 10, 12, 20, 47)] == ["三", "十", "十二", "二十", "四十七"]


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
                ipaddress.ip_address(value)
            elif label.type == "MAC_ADDRESS":
                assert len(re.sub(r"[^0-9a-fA-F]", "", value)) == 12, label
            elif label.type == "EMAIL":
                plain = value.replace(" [at] ", "@").replace(" [dot] ", ".")
                assert re.fullmatch(r"[\w.+-]+@[\w-]+(\.[\w-]+)+", plain), label
            elif label.type == "POSTAL_CODE" and label.form.startswith("jp-"):
                assert re.fullmatch(r"〒?\d{3}-?\d{4}", value), label


def test_phones_are_valid_numbers(samples: list[Sample]) -> None:
    phonenumbers = pytest.importorskip("phonenumbers")
    seen = 0
    for sample in samples:
        for label in sample.labels:
            if label.type != "PHONE":
                continue
            source, style = label.form.split()[:2]
            region = "JP" if source.startswith("jp-") else None
            if source.startswith("intl-") and style == "national":
                region = source[5:].upper()
            number = phonenumbers.parse(phone_for_parsing(label.value), region)
            assert phonenumbers.is_valid_number(number), label
            seen += 1
    assert seen > 300
    assert phone_for_parsing("〇九〇－一二三四－五六七八") == "090 1234 5678"
    assert phone_for_parsing("zero nine zero one") == "0 9 0 1"
    assert phone_for_parsing("+971 (0)50 123 4567") == "+971  50 123 4567"


def test_cards_phones_and_addresses_are_varied(samples: list[Sample]) -> None:
    values = [label for s in samples for label in s.labels]
    brands = {label.form.split()[0] for label in values if label.type == "CARD_NUMBER"}
    assert {"card-visa", "card-amex", "card-jcb", "card-unionpay", "card-maestro", "card-diners"} <= brands
    lengths = {len(_digits(label.value)) for label in values if label.type == "CARD_NUMBER"}
    assert {13, 14, 15, 16} <= lengths
    phone_forms = {tag for label in values if label.type == "PHONE" for tag in label.form.split()}
    assert {
        "plus",
        "plus-0",
        "idd00",
        "national",
        "spoken",
        "kanji-digits",
        "fullwidth",
        "plus81-0",
    } <= phone_forms
    regions = {label.form.split()[0] for label in values if label.type == "PHONE"}
    assert {f"intl-{cc}" for cc in ("my", "kr", "cz", "hu", "ma", "ae", "pe", "rs")} <= regions
    kinds = {label.form.split()[0] for label in values if label.type == "ADDRESS"}
    assert {
        "my-addr",
        "kr-addr",
        "cz-addr",
        "hu-addr",
        "ma-addr",
        "ae-addr",
        "pe-addr",
        "rs-addr",
        "jr-addr",
    } <= kinds
    ja_shapes = {tag for label in values if label.form.startswith("ja-addr") for tag in label.form.split()}
    assert {
        "kanji-num",
        "banchi-no",
        "odd-dash",
        "grid",
        "spaced",
        "building",
        "zip-inside",
        "fullwidth",
    } <= ja_shapes


def test_titles_and_honorifics_stay_outside_names(samples: list[Sample]) -> None:
    after = 0
    for sample in samples:
        for label in sample.labels:
            if label.type != "PERSON":
                continue
            assert not label.value.startswith(("Mr.", "Mrs.", "Ms.", "Dr.", "Eng.", "Supervisor", "@")), label
            assert not label.value.endswith(("'s", *JA_HONORIFICS, *JA_ROLES)), label
            after += sample.lang == "ja" and sample.text[label.end :].startswith(JA_HONORIFICS + JA_ROLES)
    assert after > 100


def test_names_come_from_every_source(samples: list[Sample]) -> None:
    forms = {label.form.split()[0] for s in samples for label in s.labels if label.type == "PERSON"}
    assert {f"faker-{loc}" for loc in FAKER_NAME_LOCALES} <= forms
    assert {f"mimesis-{loc}" for loc in MIMESIS_NAME_LOCALES} <= forms
    assert {
        "ja-common",
        "ja-rare",
        "ja-kana",
        "ja-foreign",
        "hand-romaji",
        "hand-nikkei",
        "hand-malay",
    } <= forms
    latin = [
        label.value for s in samples for label in s.labels if label.form.startswith(("faker-", "mimesis-"))
    ]
    assert all(re.fullmatch(r"[A-Za-z .,'-]+", v) for v in latin), [v for v in latin if not v.isascii()][:5]


def test_transliteration() -> None:
    assert transliterate("Всеволод Щукин", "ru_RU") == "Vsevolod Shchukin"
    assert transliterate("Христо Цъкълев", "bg_BG") == "Khristo Tsakalev"
    assert transliterate("Бојан Ѓорѓиев", "mk_MK") == "Bojan Gjorgjiev"
    assert transliterate("Γεώργιος Παπαδόπουλος", "el_GR") == "Georgios Papadopoulos"
    assert transliterate("Сәтбаева", "kk") == "Satbaeva"


def test_name_sources_are_ones_no_other_set_used() -> None:
    from edged.privacy import (
        evalset_blind,
        evalset_final,
        evalset_fresh,
        evalset_holdout,
        evalset_independent,
        evalset_unseen,
    )

    modules = (evalset_final, evalset_holdout, evalset_independent, evalset_unseen, evalset_blind)
    others = " ".join(module.SOURCES.get("faker", "") for module in modules)
    assert not [loc for loc in FAKER_NAME_LOCALES if loc in others]
    used = (
        set(evalset_fresh._MIMESIS_NAME_LOCALES)
        | set(evalset_unseen.MIMESIS_NAME_LOCALES)
        | set(evalset_blind.MIMESIS_NAME_LOCALES)
    )
    assert not set(MIMESIS_NAME_LOCALES) & used


def test_a_missing_faker_is_a_clean_missing_extra(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "faker", None)
    with pytest.raises(MissingExtra, match="faker"):
        generate_eighth(2, seed=1)


def test_registered_as_the_eighth_set() -> None:
    assert SETS.index("eighth") == SETS.index("blind") + 1
    assert "eighth" in SET_SOURCES
    eighth = make_set("eighth", 5, 3)
    assert [s.to_json() for s in eighth] == [s.to_json() for s in generate_eighth(5, seed=3)]
