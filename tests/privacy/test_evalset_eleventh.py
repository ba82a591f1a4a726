"""The eleventh evaluation set checks itself: deterministic, exact and non-overlapping spans, valid
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

from edged.privacy.evalset import NEGATIVE, Label, Sample, check_sample, describe
from edged.privacy.evalset_digits import luhn_ok, my_number_ok
from edged.privacy.evalset_eleventh import SOURCES, folded_digits, generate_eleventh, only_negatives
from edged.privacy.evalset_eleventh_data import (
    GR_PLACES,
    HAND_NAMES,
    INTL_MASKS,
    JA_FAMILY_RARE,
    JA_HONORIFICS,
    JA_ROLES,
    KE_PLACES,
    LT_PLACES,
    PT_PLACES,
)
from edged.privacy.evalset_eleventh_neg import negative_is_safe
from edged.privacy.evalset_eleventh_templates import EN_TEMPLATES, JA_TEMPLATES
from edged.privacy.evalset_eleventh_values import phone_for_parsing
from edged.privacy.evaluate import SET_SOURCES, SETS, make_set

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
REGIONS = ("pt", "gr", "lt", "ke")


@pytest.fixture(scope="module")
def samples() -> list[Sample]:
    return generate_eleventh(PER_LANG, seed=SEED)


def test_deterministic_per_seed(samples: list[Sample]) -> None:
    again = generate_eleventh(PER_LANG, seed=SEED)
    assert [s.to_json() for s in again] == [s.to_json() for s in samples]
    assert [s.text for s in generate_eleventh(30, seed=9)] != [
        s.text for s in generate_eleventh(30, seed=SEED)
    ]


def test_independent_of_the_hash_seed() -> None:
    script = (
        "import hashlib, json; from edged.privacy.evalset_eleventh import generate_eleventh; "
        "samples = [s.to_json() for s in generate_eleventh(40, 3)]; "
        "print(hashlib.sha256(json.dumps(samples).encode()).hexdigest())"
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
    assert len(EN_TEMPLATES) >= 45 and len(JA_TEMPLATES) >= 45
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
    text = "Call Hotman Siregar on +351 912 345 678"
    wrong = Sample("en", text, "t", [Label("PERSON", 5, 18, "Hotman Siregar")])
    with pytest.raises(AssertionError, match="does not match"):
        check_sample(wrong)
    check_sample(Sample("en", text, "t", [Label("PERSON", 5, 19, "Hotman Siregar")]))
    overlapping = [Label("PERSON", 5, 19, "Hotman Siregar"), Label(NEGATIVE, 12, 19, "Siregar")]
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
        assert types["PERSON"] / sum(types.values()) >= 0.35, (lang, types)


def test_about_one_sentence_in_four_holds_hard_negatives_only(samples: list[Sample]) -> None:
    for lang in ("ja", "en"):
        mine = [s for s in samples if s.lang == lang]
        pure = [s for s in mine if not s.labels]
        assert all(only_negatives(s.template) and s.negatives for s in pure)
        assert 0.2 <= len(pure) / len(mine) <= 0.3, (lang, len(pure))
        kinds = {n.form.split()[0] for s in mine for n in s.negatives}
        assert {"machine", "part", "unit", "place", "maker", "namelike", "std"} <= kinds
        assert {"lot", "ticket", "order", "date", "time", "figure"} <= kinds


def test_hard_negatives_hold_no_card_my_number_or_phone(samples: list[Sample]) -> None:
    for sample in samples:
        for negative in sample.negatives:
            assert negative_is_safe(negative.value), negative
    assert not negative_is_safe("SSCC 4111 1111 1111 1111")
    assert not negative_is_safe("RTN-0296-72-3456")
    assert negative_is_safe("GP-4821")


def _email_ok(value: str) -> bool:
    plain = re.sub(r" at |\(@\)", "@", value).replace(" dot ", ".")
    return bool(re.fullmatch(r"[\w.+'-]+@[\w-]+(\.[\w-]+)+", plain))


def test_structured_values_are_valid(samples: list[Sample]) -> None:
    shapes = {
        "jp": r"〒?\d{3}-?\d{4}",
        "pt": r"\d{4}-\d{3}",
        "gr": r"(GR-)?\d{3} ?\d{2}",
        "lt": r"LT-\d{5}",
        "ke": r"\d{5}",
    }
    for sample in samples:
        for label in sample.labels:
            value = unicodedata.normalize("NFKC", label.value)
            digits = folded_digits(value)
            if label.type == "CARD_NUMBER":
                assert 13 <= len(digits) <= 19 and luhn_ok(digits), label
                assert re.fullmatch(r"\d+([ -]\d+)*", value), label
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
    assert not _email_ok("j.ops@@plant") and _email_ok("hotman.siregar at sapo dot pt")
    assert _email_ok("aya.konan(@)otenet.gr")


def test_phones_are_valid_numbers(samples: list[Sample]) -> None:
    phonenumbers = pytest.importorskip("phonenumbers")
    seen: Counter[str] = Counter()
    expected = {"jp": 81, "pt": 351, "gr": 30, "lt": 370, "ke": 254}
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
            assert number.country_code == expected[source[5:] if source.startswith("intl-") else "jp"], label
            assert not label.value.endswith(("ext", "x", "内線")), label
            seen[source] += 1
    assert sum(seen.values()) > 250
    assert {f"intl-{cc}" for cc in REGIONS} <= set(seen)
    assert phone_for_parsing("０９０－１２３４－５６７８") == "090 1234 5678"
    assert phone_for_parsing("+370 (8)612 34567") == "+370  612 34567"
    assert phone_for_parsing("00254 712 345678") == "+254 712 345678"


def test_extensions_stay_outside_phones(samples: list[Sample]) -> None:
    outside = 0
    for sample in samples:
        for label in sample.labels:
            if "ext-outside" in label.form.split():
                after = sample.text[label.end :]
                assert re.match(r" ?(ext\. |x|\(ext |ext|内線|（内線|内)\d+", after), (sample.text, label)
                outside += 1
    assert outside > 20


def test_cards_phones_and_addresses_are_varied(samples: list[Sample]) -> None:
    values = [label for s in samples for label in s.labels]
    brands = {label.form.split()[0] for label in values if label.type == "CARD_NUMBER"}
    assert {
        "card-visa",
        "card-amex",
        "card-jcb",
        "card-cabal",
        "card-naranja",
        "card-laser",
        "card-bankcard",
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
        "plus81",
        "dots",
        "fullwidth",
        "jp-free",
    } <= phone_forms
    kinds = {label.form.split()[0] for label in values if label.type == "ADDRESS"}
    assert {f"{cc}-addr" for cc in REGIONS} | {"jr-addr", "ja-addr"} <= kinds
    shapes = {tag for label in values if label.type == "ADDRESS" for tag in label.form.split()}
    assert {
        "kanji-num",
        "banchi",
        "ban-go",
        "no-separated",
        "hyphen-unicode",
        "building",
        "zip-inside",
    } <= shapes
    assert {"fullwidth", "no-pref", "po-box", "plot", "zone", "caps", "chome", "room"} <= shapes
    postcodes = {label.form.split()[0] for label in values if label.type == "POSTAL_CODE"}
    assert {"jp-zip"} | {f"{cc}-postcode" for cc in REGIONS} <= postcodes
    ip_forms = {label.form for label in values if label.type == "IP_ADDRESS"}
    assert {
        "ipv4 private",
        "ipv4 public",
        "ipv4 private port",
        "ipv6",
        "ipv6 exploded",
        "ipv6 bracket-port",
    } <= ip_forms
    mail_forms = {tag for label in values if label.type == "EMAIL" for tag in label.form.split()[1:]}
    assert {
        "plus-tag",
        "subdomain",
        "obfuscated-words",
        "obfuscated-at",
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
            assert not label.value.startswith(("Dr.", "Mr.", "Ms.", "Mx.", "Engr.", "Prof.", "@")), label
            assert not label.value.endswith(("'s", *JA_HONORIFICS, *JA_ROLES)), label
            before = sample.text[: label.start]
            if "title" in label.form.split():
                assert re.search(r"(Dr|Mr|Ms|Mx|Engr|Prof)\. $", before), (
                    sample.text,
                    label,
                )
            after += sample.lang == "ja" and sample.text[label.end :].startswith(JA_HONORIFICS + JA_ROLES)
    assert after > 100


def test_names_come_from_every_source(samples: list[Sample]) -> None:
    persons = [label for s in samples for label in s.labels if label.type == "PERSON"]
    forms = {label.form.split()[0] for label in persons}
    assert {f"hand-{origin}" for origin in HAND_NAMES} <= forms
    assert {"ja-common", "ja-rare", "ja-kana", "ja-foreign", "hand-romaji", "hand-kunrei"} <= forms
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
        "suffix",
    } <= styles
    assert {"family-first", "hon", "role", "full", "family", "kana-given", "in-ja", "given", "host"} <= styles
    suffixed = [label.value for label in persons if "suffix" in label.form.split()]
    assert suffixed and all(v.endswith(("Jr.", "Sr.", "III")) for v in suffixed)
    balinese = [label.value for label in persons if label.form.startswith("hand-balinese")]
    assert any(v.startswith(("I ", "Ni ", "i ", "ni ", "I. ", "N. ")) for v in balinese), balinese
    family_first = {label.form.split()[0] for label in persons if "family-first" in label.form.split()}
    assert {"hand-hokkien", "hand-cantonese", "hand-meitei", "hand-romaji", "hand-kunrei"} <= family_first
    amami = [label.value for label in persons if label.value in JA_FAMILY_RARE and len(label.value) == 1]
    assert len(amami) > 5  # one-kanji surnames written alone


def test_world_places_are_consistent() -> None:
    assert all(re.fullmatch(r"\d{4}-\d{3}", code) for _, code, _ in PT_PLACES)
    assert all(re.fullmatch(r"\d{3} \d{2}", code) for _, code, _ in GR_PLACES)
    assert all(re.fullmatch(r"\d{5}", code) for _, code, _ in LT_PLACES)
    assert all(re.fullmatch(r"\d{5}", code) for _, _, code in KE_PLACES)


def test_sources_are_ones_no_other_set_used() -> None:
    from edged.privacy import (
        evalset_blind,
        evalset_eighth,
        evalset_final,
        evalset_fresh,
        evalset_holdout,
        evalset_independent,
        evalset_ninth,
        evalset_tenth,
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
        evalset_tenth,
    )
    others = " ".join(" ".join(module.SOURCES.values()) for module in modules)
    origins = set(HAND_NAMES) - {"plantword"}
    assert not [origin for origin in origins if re.search(origin, others, re.IGNORECASE)]
    assert "kunrei" not in others.lower() and "amami" not in others.lower()
    # The fresh and independent sets name the countries whose names names-dataset gave them (PT and
    # GR among them); no set wrote an address or a phone of this set's countries.
    places = " ".join(v for m in modules for k, v in m.SOURCES.items() if k != "names-dataset")
    for region, *_ in INTL_MASKS:
        assert not re.search(rf"\b{region}\b", places), region
    assert not re.search(r"Portug|Greece|Lithuan|Kenya\b", places)
    assert "not used" in SOURCES["faker"] and "not used" in SOURCES["mimesis"]


def test_registered_as_the_eleventh_set() -> None:
    assert SETS.index("eleventh") == SETS.index("tenth") + 1
    assert SETS.index("eleventh") == SETS.index("generated") - 1
    assert "eleventh" in SET_SOURCES
    eleventh = make_set("eleventh", 5, 3)
    assert [s.to_json() for s in eleventh] == [s.to_json() for s in generate_eleventh(5, seed=3)]
