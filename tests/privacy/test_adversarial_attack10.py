"""Inputs found by attacking the round-10 rules from outside (issue 10): hyphened runs that were
scanned from every part, field keys read as names, plant words masked in standard mode, kanji
digits mixed with other digits, the per-thread token cache. Every input is written for these tests."""

from __future__ import annotations

import time

import pytest

from edged.errors import EdgedError
from edged.privacy import Redactor
from edged.privacy.normalize import normalize
from tests.privacy.test_adversarial import assert_roughly_linear
from tests.privacy.test_adversarial_round8 import _repeated

# -- bounded time ----------------------------------------------------------------------------

HYPHEN_UNITS = [
    # a start was allowed right after a letter and a hyphen, so each part of one long hyphened
    # word began a scan to its end: names_latin's nickname, middle-initial and inverted shapes,
    # the European street (10k: 0.39 s, 40k: about 6 s through the redactor)
    "Aa-",
    "a-",
    "A-",
    "Ää-",
    "AA-",
    # the same after an apostrophe and a hyphen, and a surname of doubled hyphens before a comma
    "A'-",
    "a’-",
    "Aa--",
]


@pytest.mark.parametrize("unit", HYPHEN_UNITS)
def test_a_long_hyphened_word_takes_roughly_linear_time(strict_redactor: Redactor, unit: str) -> None:
    assert_roughly_linear(strict_redactor, lambda n: _repeated("", unit, "", n))


# -- standard mode leaves plant text alone -------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        # the field key after a dash was read as a lowercase name (a cue, then a word English
        # text does not use)
        "Ticket NCR-77 - assignee: dock team - comment by shift lead",
        "Ticket WO#12 - requester: line 4 | approver: qa",
        "Alarm list - operator= night shift",
    ],
)
def test_a_field_key_is_no_name(redactor: Redactor, text: str) -> None:
    assert redactor.detect(text) == []


def test_the_name_after_a_field_key_is_still_found(redactor: Redactor) -> None:
    text = "Ticket NCR-77 - assignee: kitomir ploshtakov - comment"
    assert [e.text for e in redactor.detect(text)] == ["kitomir ploshtakov"]


@pytest.mark.parametrize(
    "text",
    [
        # a site named after someone, its place word written in lowercase
        "the Schuler press at the Jackson line ran 16,179 units",
        "Mezzanine closed | Lincoln building on reduced crew",
        "the paint robot at the Marion warehouse ran at 82% OEE",
        "the Komatsu press at the Florence site ran",
        "Cage 3 closed | Charlotte DC on reduced crew",
        "the Florence Site is closed today",
    ],
)
def test_a_site_named_after_someone_is_no_person(redactor: Redactor, text: str) -> None:
    assert redactor.detect(text) == []


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Jackson Miller checked the line", "Jackson Miller"),
        ("Florence said the site is closed", "Florence"),
        ("evt=JAM closed_by=ruairi breathnach line=4", "ruairi breathnach"),
    ],
)
def test_a_person_before_a_site_word_is_still_found(redactor: Redactor, text: str, name: str) -> None:
    assert [e.text for e in redactor.detect(text)] == [name]


@pytest.mark.parametrize(
    "text",
    [
        # katakana machine words joined by ・ where one word is also a name's reading in the
        # dictionary (センタ, タッチ and ハンド are listed as names)
        "マシニング・センタのスピンドルを交換。",
        "タッチ・パネルが反応しない。",
        "ハンド・リフトを倉庫に戻す。",
    ],
)
def test_katakana_machine_words_are_no_name(redactor: Redactor, text: str) -> None:
    assert redactor.detect(text, "ja") == []


@pytest.mark.parametrize(
    ("text", "name"),
    [("ドミトリ・ソコロフです", "ドミトリ・ソコロフ"), ("担当 ケン・タナカ", "ケン・タナカ")],
)
def test_a_katakana_name_joined_by_a_dot_is_still_found(redactor: Redactor, text: str, name: str) -> None:
    assert [e.text for e in redactor.detect(text, "ja")] == [name]


@pytest.mark.parametrize(
    "text",
    # 氏 closes a name (田中氏), but in 摂氏 and 華氏 it is part of the word for degrees; 摂 is also a
    # surname the dictionary lists
    ["ライン1の温度は摂氏二十五度。", "炉内温度は摂氏25度で安定。", "華氏77度で保管。"],
)
def test_a_temperature_scale_is_no_name(redactor: Redactor, text: str) -> None:
    assert redactor.detect(text, "ja") == []


def test_a_surname_before_an_honorific_is_still_found(redactor: Redactor) -> None:
    assert [e.text for e in redactor.detect("林氏と小川さんが立ち会い。", "ja")] == ["林", "小川"]


@pytest.mark.parametrize(
    "text",
    [
        # a plant's numbered place, then a comma and a named area ending in a street word (Park,
        # Yard): read as house number 2 on North Industrial Park
        "Ship to Plant 2, North Industrial Park, Bay 14.",
        "Move pallets to Hall 3, South Yard, Gate 2.",
        "Forklift parked at Dock 4, West Loading Park",
    ],
)
def test_a_numbered_plant_place_is_no_house_number(redactor: Redactor, text: str) -> None:
    assert redactor.detect(text) == []


@pytest.mark.parametrize(
    "text",
    ["Ship to Plant 2, 45 Industrial Park Road, Springfield, IL 62704", "Visitor from 2, North Park Road"],
)
def test_a_street_after_a_plant_place_is_still_an_address(redactor: Redactor, text: str) -> None:
    assert [e.type for e in redactor.detect(text)] == ["ADDRESS"]


@pytest.mark.parametrize(
    "text",
    [
        "Firmware 10.2.3.4 installed on PLC-3.",
        "Updated to version 2.10.1.15 last night.",
        "HMI fw: 1.0.12.7",
        "バージョン 3.2.0.1 に更新",
    ],
)
def test_a_four_part_version_is_no_ip_address(redactor: Redactor, text: str) -> None:
    assert redactor.detect(text) == []


@pytest.mark.parametrize("text", ["firmware server 10.2.3.4", "PLC at 10.2.3.4 runs firmware 2.1"])
def test_an_ip_address_near_a_version_word_is_still_found(redactor: Redactor, text: str) -> None:
    assert [e.text for e in redactor.detect(text)] == ["10.2.3.4"]


# -- the analyser's token cache --------------------------------------------------------------------


def test_threads_redacting_different_texts_at_once_get_their_own_findings(strict_redactor: Redactor) -> None:
    # the cache keeps one text per thread: two threads must never read each other's tokens, and
    # texts of the same length (and characters in another order) must not share an entry
    from concurrent.futures import ThreadPoolExecutor

    texts = [
        "担当の佐藤太郎さんに連絡。山田川の水位は正常。",
        "担当の山田花子さんに連絡。佐藤川の水位は正常。",
        "山田川の水位は正常。担当の佐藤太郎さんに連絡。",
        "マシニング・センタ点検、ドミトリ・ソコロフさん立会い。",
    ]
    expected = {t: [(e.type, e.start, e.end) for e in strict_redactor.detect(t, "ja")] for t in texts}

    def run(k: int) -> list[tuple[str, int, int]] | None:
        text = texts[k % len(texts)]
        found = [(e.type, e.start, e.end) for e in strict_redactor.detect(text, "ja")]
        return None if found == expected[text] else found

    with ThreadPoolExecutor(max_workers=4) as pool:
        wrong = [r for r in pool.map(run, range(200)) if r is not None]
    assert wrong == []


def test_the_same_text_twice_and_then_another_of_its_length(strict_redactor: Redactor) -> None:
    first, second = "佐藤さんが来た。", "来たのは山田さん"
    assert len(first) == len(second)
    once = strict_redactor.detect(first, "ja")
    assert strict_redactor.detect(first, "ja") == once
    assert [e.text for e in strict_redactor.detect(second, "ja")] == ["山田"]


# -- kanji digits mixed with other digits -----------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "phone"),
    [
        # full-width digits between kanji digits: NFKC makes them ASCII, and the kanji run alone
        # was three digits, too short to read, so the number stayed a mixture no pattern matched
        ("電話 〇七〇-９４２８-二三八四まで", "〇七〇-９４２８-二三八四"),
        ("携帯：〇７〇\u200b九四二八二三八四", "〇７〇\u200b九四二八二三八四"),
        ("電話 ０７０－九四二八－２３８４ ㌔", "０７０－九四二八－２３８４"),
        ("TEL 070-九四二八-2384", "070-九四二八-2384"),
        # a character NFKC makes longer before the number: the span is still the original's
        ("㍿ｶﾞ電話〇七〇－九四二八－２３８四まで", "〇七〇－九四二八－２３８四"),
    ],
)
def test_kanji_and_ascii_digits_make_one_number(redactor: Redactor, text: str, phone: str) -> None:
    assert [(e.type, e.text) for e in redactor.detect(text, "ja")] == [("PHONE", phone)]


@pytest.mark.parametrize(
    "text", ["2024年十一月三十日に点検。", "第1工場 三号機", "平成三十一年4月", "一二三 456", "ロット12一二"]
)
def test_short_or_place_value_numerals_next_to_digits_stay_as_they_are(text: str) -> None:
    assert normalize(text).text == text


@pytest.mark.parametrize(
    ("before", "unit", "after"),
    [("〇", "1-", "十"), ("〇", "1 ", "十"), ("", "〇1", "十"), ("〇", "1ー", "万")],
)
def test_mixed_digit_runs_take_roughly_linear_time(before: str, unit: str, after: str) -> None:
    # the kanji-digit reading now starts at ASCII digits too (once a kanji digit is in the text)
    def timed(n: int) -> float:
        text = _repeated(before, unit, after, n)
        started = time.perf_counter()
        normalize(text)
        return time.perf_counter() - started

    assert timed(40_000) < 0.5
    small, large = timed(10_000), timed(40_000)
    assert large < 10 * max(small, 0.01), (small, large)


# -- bad input -----------------------------------------------------------------------------------


@pytest.mark.parametrize("value", [None, b"taro@example.com", 5, ["taro@example.com"], {"text": "x"}])
def test_what_is_no_text_is_refused_with_a_code(strict_redactor: Redactor, value: object) -> None:
    # a TypeError from deep in a detector (or len() of an int) reached the caller before
    with pytest.raises(EdgedError) as err:
        strict_redactor.redact(value)  # type: ignore[arg-type]
    assert err.value.code == "bad_text"


@pytest.mark.parametrize(("before", "unit"), [("担当 ", "Aa'"), ("担当 ", "A'a-"), ("担当 ", "Aa’")])
def test_latin_runs_in_japanese_text_take_roughly_linear_time(
    strict_redactor: Redactor, before: str, unit: str
) -> None:
    # a Latin name before an honorific could start right after an apostrophe: each part of
    # Aa'Aa'... began a scan to the run's end (40,000 characters: 4 s)
    assert_roughly_linear(strict_redactor, lambda n: _repeated(before, unit, "", n))
