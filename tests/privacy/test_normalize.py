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
