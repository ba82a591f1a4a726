"""Check digits: a number that fails its check is not flagged, which keeps lot numbers and order
numbers out of the placeholders without letting a real card or My Number through."""

from __future__ import annotations

from collections.abc import Callable


def luhn(digits: str) -> bool:
    total = 0
    for index, char in enumerate(reversed(digits)):
        value = ord(char) - 48
        if index % 2 == 1:
            value *= 2
            if value > 9:
                value -= 9
        total += value
    return len(digits) > 1 and total % 10 == 0


def my_number(digits: str) -> bool:
    """The individual number (個人番号): 11 digits and a check digit (weights 2-7, then 2-6)."""
    if len(digits) != 12:
        return False
    body = [ord(c) - 48 for c in digits[:11]]
    total = 0
    for n in range(1, 12):  # n counts from the right of the 11-digit body
        weight = n + 1 if n <= 6 else n - 5
        total += body[11 - n] * weight
    remainder = total % 11
    check = 0 if remainder <= 1 else 11 - remainder
    return check == ord(digits[11]) - 48


def my_number_check_digit(body: str) -> str:
    """The check digit for an 11-digit body (the evaluation generator uses it)."""
    for check in "0123456789":
        if my_number(body + check):
            return check
    raise ValueError("no check digit fits")  # pragma: no cover - one always does


def mod11(digits: str) -> bool:
    """Weights 2..7 repeating from the right of the body; check = 11 - sum mod 11 (10, 11 -> 0)."""
    if len(digits) < 2:
        return False
    total = sum((ord(c) - 48) * (2 + i % 6) for i, c in enumerate(reversed(digits[:-1])))
    check = (11 - total % 11) % 11 % 10
    return check == ord(digits[-1]) - 48


def mod97(digits: str) -> bool:
    """ISO 7064 MOD 97-10 over the digits (as IBAN does after moving letters to digits)."""
    return len(digits) > 2 and int(digits) % 97 == 1


def card_brand(digits: str) -> str | None:
    """The brand whose IIN range and length fit, or None (then it is not treated as a card)."""
    n = len(digits)
    two, four = int(digits[:2]), int(digits[:4])
    if digits[0] == "4" and n in (13, 16, 19):
        return "visa"
    if (51 <= two <= 55 or 2221 <= four <= 2720) and n == 16:
        return "mastercard"
    if two in (34, 37) and n == 15:
        return "amex"
    if 3528 <= four <= 3589 and 16 <= n <= 19:
        return "jcb"
    return None


VALIDATORS: dict[str, Callable[[str], bool]] = {
    "luhn": luhn,
    "my_number": my_number,
    "mod11": mod11,
    "mod97": mod97,
}
