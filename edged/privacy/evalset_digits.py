"""Check digits and kanji numerals the hand-written evaluation sets compute for their own values
(Luhn-valid cards, My Numbers with their check digit, 1-99 in kanji for addresses), written apart
from the detectors' checks so that no set shares code with what it measures."""

from __future__ import annotations

_KANJI_DIGITS = "〇一二三四五六七八九"


def luhn_ok(digits: str) -> bool:
    total = 0
    for i, ch in enumerate(reversed(digits)):
        n = int(ch) * (2 if i % 2 else 1)
        total += n - 9 if n > 9 else n
    return total % 10 == 0


def my_number_digit(body: str) -> str:
    """The check digit of an 11-digit My Number body: weights 2..7 for the 1st..6th digit from the
    right, 2..6 for the 7th..11th; 11 minus the remainder mod 11, or 0 when the remainder is 0 or 1."""
    total = 0
    for n, ch in enumerate(reversed(body), start=1):
        total += int(ch) * (n + 1 if n <= 6 else n - 5)
    rest = total % 11
    return "0" if rest <= 1 else str(11 - rest)


def my_number_ok(digits: str) -> bool:
    return len(digits) == 12 and digits.isdigit() and my_number_digit(digits[:11]) == digits[11]


def kanji_number(n: int) -> str:
    """1-99 as addresses write them in kanji: 三, 十二, 二十, 四十七."""
    tens, ones = divmod(n, 10)
    head = "" if tens == 0 else "十" if tens == 1 else _KANJI_DIGITS[tens] + "十"
    return head + (_KANJI_DIGITS[ones] if ones else "")
