"""The tenth evaluation set checks itself: deterministic, exact and non-overlapping spans, valid
structured values, every class in both languages, hard negatives, and sources no other set drew
from. No detector runs here and no score is asserted: the set is first scored by someone else."""

from __future__ import annotations

import ipaddress
import itertools
import os
import re
import subprocess
import sys
import unicodedata
from collections import Counter

import pytest

from edged.errors import MissingExtra
from edged.privacy.evalset import NEGATIVE, Label, Sample, check_sample, describe
from edged.privacy.evaluate import SET_SOURCES, SETS, make_set

pytest.importorskip("faker")

from edged.privacy.evalset_digits import kanji_number, luhn_ok, my_number_digit, my_number_ok
from edged.privacy.evalset_tenth import (
    EN_TEMPLATES,
    JA_TEMPLATES,
    SOURCES,
    folded_digits,
    generate_tenth,
    only_negatives,
)
from edged.privacy.evalset_tenth_data import HAND_NAMES, INTL_MASKS, JA_HONORIFICS, JA_ROLES
from edged.privacy.evalset_tenth_names import FAKER_NAME_LOCALES, indic_latin
from edged.privacy.evalset_tenth_values import negative_is_safe, phone_for_parsing

PER_LANG = 600
SEED = 7
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
REGIONS = ("mt", "si", "cr", "is", "np")


@pytest.fixture(scope="module")
def samples() -> list[Sample]:
    return generate_tenth(PER_LANG, seed=SEED)


def test_deterministic_per_seed(samples: list[Sample]) -> None:
    again = generate_tenth(PER_LANG, seed=SEED)
    assert [s.to_json() for s in again] == [s.to_json() for s in samples]
    assert [s.text for s in generate_tenth(30, seed=9)] != [s.text for s in generate_tenth(30, seed=SEED)]


def test_independent_of_the_hash_seed() -> None:
    script = (
        "import hashlib, json; from edged.privacy.evalset_tenth import generate_tenth; "
        "print(hashlib.sha256(json.dumps([s.to_json() for s in generate_tenth(40, 3)]).encode()).hexdigest())"
    )
    digests = set()
    for hash_seed in ("0", "1", "4242"):
        env = {**os.environ, "PYTHONHASHSEED": hash_seed}
        done = subprocess.run(
            [sys.executable, "-c", script], env=env, capture_output=True, text=True, check=True
        )
        digests.add(done.stdout.strip())
    assert len(digests) == 1, digests


def test_sizes_languages_and_templates(samples: list[Sample]) -> None:
    assert Counter(s.lang for s in samples) == {"ja": PER_LANG, "en": PER_LANG}
    assert len(EN_TEMPLATES) >= 60 and len(JA_TEMPLATES) >= 60
    assert len(set(EN_TEMPLATES)) == len(EN_TEMPLATES) and len(set(JA_TEMPLATES)) == len(JA_TEMPLATES)
    assert {s.template for s in samples if s.lang == "en"} == set(EN_TEMPLATES)
    assert {s.template for s in samples if s.lang == "ja"} == set(JA_TEMPLATES)
    pure_en, pure_ja = sum(map(only_negatives, EN_TEMPLATES)), sum(map(only_negatives, JA_TEMPLATES))
    assert f"{len(EN_TEMPLATES)} English and {len(JA_TEMPLATES)} Japanese" in SOURCES["templates"]
    assert f"{pure_en} English and {pure_ja} Japanese holding" in SOURCES["templates"]


def test_spans_exact_and_not_overlapping(samples: list[Sample]) -> None:
    for sample in samples:
        check_sample(sample)
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
    text = "Call Ċensu Camilleri on +356 2123 4567"
    wrong = Sample("en", text, "t", [Label("PERSON", 5, 19, "Ċensu Camilleri")])
    with pytest.raises(AssertionError, match="does not match"):
        check_sample(wrong)
    check_sample(Sample("en", text, "t", [Label("PERSON", 5, 20, "Ċensu Camilleri")]))
    overlapping = [Label("PERSON", 5, 20, "Ċensu Camilleri"), Label(NEGATIVE, 11, 20, "Camilleri")]
    with pytest.raises(AssertionError, match="overlap"):
        check_sample(Sample("en", text, "t", overlapping[:1], overlapping[1:]))


def test_every_class_and_negatives_in_both_languages(samples: list[Sample]) -> None:
    counts = describe(samples)
    for lang in ("ja", "en"):
        assert set(counts[lang]) == TYPES | {NEGATIVE}, (lang, counts[lang])
        assert min(counts[lang].values()) >= 25, (lang, counts[lang])


def test_persons_are_the_largest_share(samples: list[Sample]) -> None:
    for lang in ("ja", "en"):
        types = Counter(label.type for s in samples if s.lang == lang for label in s.labels)
        assert types.most_common(1)[0][0] == "PERSON", (lang, types)
        assert types["PERSON"] / sum(types.values()) >= 0.4, (lang, types)


def test_about_one_sentence_in_four_holds_hard_negatives_only(samples: list[Sample]) -> None:
    for lang in ("ja", "en"):
        mine = [s for s in samples if s.lang == lang]
        pure = [s for s in mine if not s.labels]
        assert all(only_negatives(s.template) and s.negatives for s in pure)
        assert 0.2 <= len(pure) / len(mine) <= 0.3, (lang, len(pure))
        kinds = {n.form.split()[0] for s in mine for n in s.negatives}
        assert {"machine", "part", "unit", "place", "maker", "namelike", "std"} <= kinds
        assert {"lot", "ticket", "order", "date", "time", "figure"} <= kinds
        units = {n.form for s in mine for n in s.negatives if n.form.startswith("unit")}
        assert {"unit", "unit torque", "unit air", "unit gas", "unit temp", "unit energy"} <= units


def test_hard_negatives_hold_no_card_my_number_or_phone(samples: list[Sample]) -> None:
    for sample in samples:
        for negative in sample.negatives:
            assert negative_is_safe(negative.value), negative
    assert not negative_is_safe("DN 4111 1111 1111 1111")
    assert not negative_is_safe("PO 0596-12-3456")
    assert negative_is_safe("KB-48213")


def test_check_digits() -> None:
    # Known values: the Luhn test numbers of card brands, and a My Number written in the
    # government's own example of the check-digit formula.
    for card in ("4111111111111111", "378282246310005", "3530111333300000", "6011111111111117"):
        assert luhn_ok(card), card
    assert not luhn_ok("4111111111111112")
    assert my_number_digit("12345678901") == "8"
    assert my_number_ok("123456789018") and not my_number_ok("123456789012")
    assert [kanji_number(n) for n in (3, 10, 12, 20, 47)] == ["三", "十", "十二", "二十", "四十七"]


def _email_ok(value: str) -> bool:
    plain = re.sub(r" ?[\[(]at[\])] ?", "@", value).replace(" (dot) ", ".")
    return bool(re.fullmatch(r"[\w.+'-]+@[\w-]+(\.[\w-]+)+", plain))


def test_structured_values_are_valid(samples: list[Sample]) -> None:
    shapes = {
        "jp": r"〒?\d{3}-?\d{4}",
        "mt": r"[A-Z]{3} \d{4}",
        "si": r"(SI-)?\d{4}",
        "cr": r"\d{5}",
        "is": r"(IS-)?\d{3}",
        "np": r"\d{5}",
    }
    for sample in samples:
        for label in sample.labels:
            value = unicodedata.normalize("NFKC", label.value)
            digits = folded_digits(value)
            if label.type == "CARD_NUMBER":
                assert 13 <= len(digits) <= 19 and luhn_ok(digits), label
                assert re.fullmatch(r"\d+([ .-]\d+)*", value), label
            elif label.type == "MY_NUMBER":
                assert my_number_ok(digits), label
            elif label.type == "IP_ADDRESS":
                ipaddress.ip_address(value)
            elif label.type == "MAC_ADDRESS":
                assert len(re.sub(r"[^0-9a-fA-F]", "", value)) == 12, label
            elif label.type == "EMAIL":
                assert _email_ok(value), label
            elif label.type == "POSTAL_CODE":
                assert re.fullmatch(shapes[label.form[:2]], value), label
    assert not _email_ok("j.ops@@plant") and _email_ok("menino.d'souza (at) siol (dot) net")


def test_phones_are_valid_numbers(samples: list[Sample]) -> None:
    phonenumbers = pytest.importorskip("phonenumbers")
    seen: Counter[str] = Counter()
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
            expected = {"jp": 81, "mt": 356, "si": 386, "cr": 506, "is": 354, "np": 977}
            assert number.country_code == expected[source[5:] if source.startswith("intl-") else "jp"], label
            assert not label.value.endswith(("ext", "x", "内線")), label
            seen[source] += 1
    assert sum(seen.values()) > 300
    assert {f"intl-{cc}" for cc in REGIONS} <= set(seen)
    assert phone_for_parsing("〇九〇－一二三四－五六七八") == "090 1234 5678"
    assert phone_for_parsing("+386 (0)41 123 456") == "+386  41 123 456"
    assert phone_for_parsing("00356 2123 4567") == "+356 2123 4567"


def test_extensions_stay_outside_phones(samples: list[Sample]) -> None:
    outside = 0
    for sample in samples:
        for label in sample.labels:
            if "ext-outside" in label.form.split():
                after = sample.text[label.end :]
                assert re.match(r" ?(ext\. |x|\(ext |int\. |内線|（内線|内)\d+", after), (sample.text, label)
                outside += 1
    assert outside > 20


def test_cards_phones_and_addresses_are_varied(samples: list[Sample]) -> None:
    values = [label for s in samples for label in s.labels]
    brands = {label.form.split()[0] for label in values if label.type == "CARD_NUMBER"}
    assert {
        "card-visa",
        "card-amex",
        "card-jcb",
        "card-diners",
        "card-unionpay",
        "card-elo",
        "card-uatp",
    } <= brands
    lengths = {len(folded_digits(label.value)) for label in values if label.type == "CARD_NUMBER"}
    assert set(range(13, 20)) <= lengths
    phone_forms = {tag for label in values if label.type == "PHONE" for tag in label.form.split()}
    assert {
        "plus",
        "plus-0",
        "idd00",
        "national",
        "e164",
        "idd010",
        "kanji-digits",
        "fullwidth",
    } <= phone_forms
    kinds = {label.form.split()[0] for label in values if label.type == "ADDRESS"}
    assert {f"{cc}-addr" for cc in REGIONS} | {"jr-addr", "ja-addr"} <= kinds
    ja_shapes = {tag for label in values if label.form.startswith("ja-addr") for tag in label.form.split()}
    assert {"kanji-num", "banchi", "ban-go", "building", "zip-inside", "fullwidth", "no-pref"} <= ja_shapes
    postcodes = {label.form.split()[0] for label in values if label.type == "POSTAL_CODE"}
    assert {"jp-zip"} | {f"{cc}-postcode" for cc in REGIONS} <= postcodes
    ip_forms = {label.form for label in values if label.type == "IP_ADDRESS"}
    assert {"ipv4 private", "ipv4 public", "ipv6", "ipv6 exploded", "ipv6 v4-mapped", "ipv6 caps"} <= ip_forms
    mail_forms = {tag for label in values if label.type == "EMAIL" for tag in label.form.split()[1:]}
    assert {
        "plus-tag",
        "subdomain",
        "obfuscated",
        "obfuscated-paren",
        "caps",
        "fullwidth-at",
        "angle",
    } <= mail_forms


def test_titles_and_honorifics_stay_outside_names(samples: list[Sample]) -> None:
    after = 0
    for sample in samples:
        for label in sample.labels:
            if label.type != "PERSON":
                continue
            assert not label.value.startswith(("Dr.", "Ing.", "Mr.", "Ms.", "Eng.", "Sr.", "@")), label
            assert not label.value.endswith(("'s", *JA_HONORIFICS, *JA_ROLES)), label
            after += sample.lang == "ja" and sample.text[label.end :].startswith(JA_HONORIFICS + JA_ROLES)
    assert after > 100


def test_names_come_from_every_source(samples: list[Sample]) -> None:
    forms = {label.form.split()[0] for s in samples for label in s.labels if label.type == "PERSON"}
    assert {f"faker-{loc}" for loc in FAKER_NAME_LOCALES} <= forms
    assert {f"hand-{origin}" for origin in HAND_NAMES} <= forms
    assert {"ja-common", "ja-rare", "ja-kana", "ja-foreign", "hand-romaji"} <= forms
    persons = [label for s in samples for label in s.labels if label.type == "PERSON"]
    styles = {tag for label in persons for tag in label.form.split()[1:]}
    assert {
        "caps",
        "lower",
        "init",
        "initdot",
        "rev",
        "capsfam",
        "title",
        "poss",
        "handle",
        "family-first",
    } <= styles
    assert {"hon", "role", "full", "family", "in-ja"} <= styles
    indic = [label.value for label in persons if label.form.startswith("faker-")]
    assert indic and all(re.fullmatch(r"[A-Za-z .,'-]+", v) for v in indic), [
        v for v in indic if not v.isascii()
    ]
    particles = [
        label.value
        for label in persons
        if re.search(r"\b(van der|Van der|de la|bin|binti|anak)\b", label.value)
    ]
    assert len(particles) > 10


def test_transliteration() -> None:
    assert indic_latin("देशमुख") == "Deshmukh"
    assert indic_latin("कदम") == "Kadam"
    assert indic_latin("आदित्य") == "Aditya"
    assert indic_latin("साळुंखे") == "Salunkhe"
    assert indic_latin("પંકજ ચૌધરી") == "Pankaj Chaudhari"
    assert indic_latin("ପଟ୍ଟନାୟକ") == "Pattanayak"
    assert indic_latin("ଶାନ୍ତନୁ") == "Shantanu"


def test_sources_are_ones_no_other_set_used() -> None:
    from edged.privacy import (
        evalset_blind,
        evalset_eighth,
        evalset_final,
        evalset_fresh,
        evalset_holdout,
        evalset_independent,
        evalset_ninth,
        evalset_unseen,
    )

    modules = (
        evalset_final,
        evalset_holdout,
        evalset_independent,
        evalset_fresh,
        evalset_unseen,
        evalset_blind,
        evalset_eighth,
        evalset_ninth,
    )
    others = " ".join(" ".join(module.SOURCES.values()) for module in modules)
    assert not [loc for loc in FAKER_NAME_LOCALES if loc in others]
    origins = {origin.split("-")[0] for origin in HAND_NAMES} - {"plant", "costa", "slovene", "sri"}
    assert not [origin for origin in origins if re.search(origin, others, re.IGNORECASE)]
    for region, *_ in INTL_MASKS:
        assert not re.search(rf"\b{region}\b", others), region


def test_a_missing_faker_is_a_clean_missing_extra(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "faker", None)
    with pytest.raises(MissingExtra, match="faker"):
        generate_tenth(2, seed=1)


def test_registered_as_the_tenth_set() -> None:
    assert SETS.index("tenth") == SETS.index("ninth") + 1
    assert SETS.index("tenth") < SETS.index("generated")
    assert "tenth" in SET_SOURCES
    tenth = make_set("tenth", 5, 3)
    assert [s.to_json() for s in tenth] == [s.to_json() for s in generate_tenth(5, seed=3)]
