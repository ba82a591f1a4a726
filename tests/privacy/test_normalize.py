from __future__ import annotations

from edged.privacy.normalize import normalize


def test_ascii_is_identity() -> None:
    n = normalize("call 03-1234-5678")
    assert n.text == "call 03-1234-5678"
    assert n.span(5, 17) == (5, 17)


def test_full_width_digits_and_letters_map_back() -> None:
    original = "ＴＥＬ０３－１２３４－５６７８です"
    n = normalize(original)
    assert n.text == "TEL03-1234-5678です"
    start, end = n.span(3, 15)
    assert original[start:end] == "０３－１２３４－５６７８"


def test_dash_like_marks_between_digits_become_hyphens() -> None:
    n = normalize("090ー1234−5678")
    assert n.text == "090-1234-5678"
    assert normalize("ライン3ー4").text == "ライン3-4"
    assert normalize("メーカー").text == "メーカー"  # a long-vowel mark between kana stays


def test_half_width_kana_with_voiced_mark_is_one_character() -> None:
    original = "ｶﾞｽ漏れ 〒１００－０００１"
    n = normalize(original)
    assert n.text.startswith("ガス漏れ")
    i = n.text.index("100")
    start, end = n.span(i, i + 8)
    assert original[start:end] == "１００－０００１"


def test_characters_that_expand_keep_their_source() -> None:
    original = "㈱テスト 12"
    n = normalize(original)
    assert n.text.startswith("(株)")
    i = n.text.index("12")
    assert n.span(i, i + 2) == (original.index("12"), original.index("12") + 2)


def test_numbers_in_kanji_digits_read_as_ascii_digits() -> None:
    original = "至急〇九〇－五五一七－三〇二六へ"
    n = normalize(original)
    assert n.text == "至急090-5517-3026へ"
    start, end = n.span(2, 15)
    assert original[start:end] == "〇九〇－五五一七－三〇二六"
    assert normalize("〒九八〇－〇〇二一").text == "〒980-0021"
    assert normalize("連絡 〇三 四四一二 八八〇七").text == "連絡 03 4412 8807"


def test_kanji_numerals_that_are_counts_or_names_stay() -> None:
    for text in (
        "一二三さん",
        "第一工場",
        "二丁目十五番六号",
        "三十九番十五号",
        "令和七年二月",
        "一二三四五六",
    ):
        assert normalize(text).text == text
