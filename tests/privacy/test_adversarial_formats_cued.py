"""Long repetitive inputs for the cued phone numbers (phones_cued.py), the slash on a contact
line (phones.py), the country-prefixed and repeated postal codes (postal_world.py) and the IPv6
address with a port (structured.py): each costs time roughly linear in its length. Every input is
written for these tests."""

from __future__ import annotations

import time

import pytest

from edged.privacy import Redactor
from edged.privacy.detector import TextView
from edged.privacy.phones_cued import find_cued_phones
from edged.privacy.postal_world import find_repeats, find_world_postal
from edged.privacy.structured import find_ip_addresses, find_postal_codes
from tests.privacy.test_adversarial import assert_roughly_linear
from tests.privacy.test_adversarial_round8 import _repeated

UNITS = [
    # phone words, contact slots, brackets after a name, e-mail addresses and extensions
    ("", "TEL 1 ", ""),
    ("", "12 ", ""),
    ("", "1-", "x"),
    ("", "Te1 12 345 ", "678"),
    ("contact ", "Aa ", "12 345 678"),
    ("", "notify Aa Bb ", "12"),
    ("", "Aa (", "12 345 678)"),
    ("", "Aa (12 345 678 ", ""),
    ("", "a@b.cd, ", "12 345 678"),
    ("", "a.b.c.", "@d, 12 345 678"),
    ("", "1234567 ext ", ""),
    ("", "携帯", "74 579 775"),
    ("", "連絡先：田中", "74 579 775"),
    ("", "担当 ", "74 579 775"),
    ("", "contacts - Aa - ", "12"),
    ("", "1234567へ", "連絡"),
    # slashes before a number
    ("", "a/", "0312-34-5678"),
    ("", "ab/0312-34-5678 ", ""),
    # postal words and country prefixes
    ("", "postcode EC", ""),
    ("", "郵便番号AB-", "1"),
    ("", "LV-1010 ", "Aa"),
    ("", "Aaa EC170505 ", ""),
    ("", "Aaa LV-", "1010"),
    # lists of contacts, MACs in spaced pairs, padded IPv4 octets
    ("Contacts: Aa Bb 12 345 678", ", Aa Bb 12 345 678", ""),
    ("", ", Aa 12 345 678", ""),
    ("MAC ", "0a ", ""),
    ("", "MAC 0a 1b 2c 3d 4e 5f ", ""),
    ("", "001.", "1"),
    # IPv6 groups and ports
    ("", "1:", ""),
    ("", "a:b:", "1"),
    ("", "2001:0db8:0000:0000:e9aa:a693:9920:8cb4:4840 ", ""),
    ("", "::ffff:1.2.3.4:", "5"),
    ("", "Aa Bb (123456789) ", ""),
    ("", "12 345 678 x1 ", ""),
]


@pytest.mark.parametrize(("before", "unit", "after"), UNITS)
def test_cued_format_repetitions_take_bounded_roughly_linear_time(
    strict_redactor: Redactor, before: str, unit: str, after: str
) -> None:
    assert_roughly_linear(strict_redactor, lambda n: _repeated(before, unit, after, n))


def _timed_finders(text: str) -> float:
    view = TextView(text, japanese=False, english=True, strict=False)
    started = time.perf_counter()
    list(find_cued_phones(view.text))
    found = list(find_postal_codes(view.text))
    list(find_repeats(view.text, found))
    list(find_world_postal(view.text))
    list(find_ip_addresses(view.text))
    return time.perf_counter() - started


def test_thousands_of_distinct_named_postcodes_cost_linear_time() -> None:
    # each named code would be looked for again across the whole text: a bounded number of values
    def text(n: int) -> str:
        return "".join(f"postcode {100000 + i}, " for i in range(n))

    # ten times the codes: ten times the time, not a hundred (25 leaves room for a busy machine)
    small = _timed_finders(text(1000))
    large = _timed_finders(text(10_000))
    assert large < 25 * max(small, 0.02), (small, large)
