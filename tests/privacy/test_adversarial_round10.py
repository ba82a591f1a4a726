"""Long repetitive inputs for the round-10 format rules (kanji digits in normalize.py,
emails_obfuscated.py, phones_spoken.py, addresses_europe.py, the spaced and cued Japanese
addresses in addresses_ja.py, the postcode shapes after a postal word, the phone cues next to a
number): each costs time roughly linear in its length.
Every input is written for these tests."""

from __future__ import annotations

import time

import pytest

from edged.privacy import Redactor
from edged.privacy.addresses import AddressDetector
from edged.privacy.detector import TextView
from edged.privacy.normalize import normalize
from tests.privacy.test_adversarial import assert_roughly_linear
from tests.privacy.test_adversarial_round8 import _repeated

ROUND10_UNITS = [
    # kanji digits: runs that reach seven digits and runs that stop short
    ("", "〇七〇－", ""),
    ("", "一二三 ", ""),
    ("", "〇", "十"),
    # disguised e-mail: labels and spelled dots that never reach a top-level domain
    ("", "a [at] b [dot] ", "1"),
    ("x [at] ", "b [dot] ", "1"),
    ("x at ", "b dot ", "1"),
    ("", "a.b ", " at"),
    ("x アット ", "b ドット ", "1"),
    ("", "a @ b.", "1"),
    ("", "a@b[.]", "1"),
    # European and Korean addresses: streets walked back word by word, postcode-first chains
    ("", "Aa ", "12, 280 02 Kolín"),
    ("", "aa ", "bb, 34000 Niš"),
    ("", "U ", "1/2, 100 00 Praha"),
    ("", "1/2, 100 00 Praha ", ""),
    ("8000 Győr, ", "Aa utca ", "x"),
    ("", "8000 Győr, Aa ", "x"),
    ("(12345) ", "Aa-do ", "x"),
    ("", "Aa-ro ", "1"),
    ("", "P.O. Box 12, Dubai, ", "x"),
    ("", "Aa nr. ", "12, 400632 Cluj"),
    ("SK-811 01 Aa, ", "Bb ", "x"),
    ("Plot 1, ", "Jalan Aa 3, ", "x"),
    # postcodes right after a postal word
    ("", "postcode ", "1"),
    ("", "postcode H-", "1"),
    # a phone cue right before (CB) or a call verb right after (で連絡)
    ("", "CB 1 ", ""),
    ("", "1234567で連絡 ", ""),
    ("", "M: 1", ""),
    # spoken digits: long runs, runs broken by fillers, double without a digit
    ("", "zero ", ""),
    ("", "one uh ", ""),
    ("", "double ", "x"),
]


@pytest.mark.parametrize(("before", "unit", "after"), ROUND10_UNITS)
def test_round10_repetitions_take_bounded_roughly_linear_time(
    strict_redactor: Redactor, before: str, unit: str, after: str
) -> None:
    assert_roughly_linear(strict_redactor, lambda n: _repeated(before, unit, after, n))


# Japanese addresses: spaced parts, cue words, the spaced room. Timed on the address detector
# alone: through the whole redactor these inputs are slow in detectors older than round 10 (at
# 10k and 40k characters, 0.66 s and 3.5 s before this round), which would hide this rule's cost.
JA_ADDRESS_UNITS = [
    ("住所", "坂井市", "1-2"),
    ("", "住所", ""),
    ("現住所", "丸岡町 熊堂 ", "1"),
    ("東京都 ", "大田区", "1-"),
    ("住所上川郡", "ひじり野が", "2-3"),
    ("大仙市花館1-2", " メゾン 1", ""),
    ("", "配送先", "1"),
]


def _timed_addresses(text: str) -> float:
    view = TextView(normalize(text).text, japanese=True, english=False, strict=True)
    started = time.perf_counter()
    list(AddressDetector().find(view))
    return time.perf_counter() - started


@pytest.mark.parametrize(("before", "unit", "after"), JA_ADDRESS_UNITS)
def test_round10_japanese_address_repetitions_take_roughly_linear_time(
    before: str, unit: str, after: str
) -> None:
    # a few hundredths of a second each: the floor keeps a busy machine's pauses from reading as
    # growth; quadratic work would take seconds at 40k
    assert _timed_addresses(_repeated(before, unit, after, 20_000)) < 1.0
    small = _timed_addresses(_repeated(before, unit, after, 10_000))
    large = _timed_addresses(_repeated(before, unit, after, 40_000))
    assert large < 10 * max(small, 0.2), (small, large)
