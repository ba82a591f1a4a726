"""Detectors for identifiers with a fixed shape: e-mail, phone, postal code, My Number, card
number, IP and MAC addresses, credentials in URLs, and the site's own formats.

They run on NFKC-normalised text (see ``normalize``) and anchor on ASCII letters and digits, not
on ``\\b``: Japanese characters count as word characters, so ``メールはtaro@example.co.jpまで``
would hide the address from a ``\\b``-anchored pattern. Where a check exists (check digits, Luhn,
IIN ranges, ``ipaddress``, ``phonenumbers``) a candidate that fails it is dropped.
"""

from __future__ import annotations

import ipaddress
import re
from collections.abc import Iterator
from typing import Any, NamedTuple

from edged.privacy import checks
from edged.privacy.config import SitePattern
from edged.privacy.entities import (
    CARD_NUMBER,
    EMAIL,
    IP_ADDRESS,
    MAC_ADDRESS,
    MY_NUMBER,
    PHONE,
    POSTAL_CODE,
    URL_CREDENTIALS,
)


class Span(NamedTuple):
    """A finding in normalised-text offsets."""

    type: str
    start: int
    end: int
    detector: str


_EMAIL = re.compile(
    r"(?<![A-Za-z0-9._%+\-])[A-Za-z0-9](?:[A-Za-z0-9._%+\-]{0,62}[A-Za-z0-9_%+\-])?"
    r"@(?:[A-Za-z0-9](?:[A-Za-z0-9\-]{0,61}[A-Za-z0-9])?\.)+[A-Za-z]{2,24}(?![A-Za-z0-9\-])",
)
_URL_USERINFO = re.compile(r"(?<![A-Za-z0-9+.\-])[A-Za-z][A-Za-z0-9+.\-]{1,15}://([^\s/@?#]+)@")

# Runs of digit groups joined by one space or hyphen: card numbers, My Numbers.
_DIGIT_GROUPS = re.compile(r"(?<![0-9])(?<![0-9][.\-])[0-9]+(?:[ \-][0-9]+)*")
_GROUP = re.compile(r"[0-9]+")
_CARD_GROUPINGS = {(4, 4, 4, 4), (4, 6, 5), (4, 6, 4), (4, 4, 4, 4, 3), (4, 4, 4, 1), (4, 4, 5)}

_POSTAL_MARKED = re.compile(r"〒\s?([0-9]{3}-?[0-9]{4})(?![0-9])")
_POSTAL_CUED = re.compile(
    r"(?:郵便番号|郵便|postal\s*code|post\s*code|zip(?:\s*code)?)\s*[:：]?\s*([0-9]{3}-?[0-9]{4})(?![0-9])",
    re.IGNORECASE,
)
_PREFECTURE_AHEAD = re.compile(
    r"(?<![0-9\-])([0-9]{3}-[0-9]{4})(?![0-9\-])(?=\s?(?:北海道|東京都|大阪府|京都府|.{2,3}県))"
)

_IPV4 = re.compile(r"(?<![0-9.])(?<![vV])[0-9]{1,3}(?:\.[0-9]{1,3}){3}(?![0-9]|\.[0-9])")
_IPV6 = re.compile(
    r"(?<![0-9A-Za-z:])(?=[0-9A-Fa-f]{0,4}:[0-9A-Fa-f]{0,4}:)[0-9A-Fa-f:]{2,39}"
    r"(?:[0-9]{1,3}(?:\.[0-9]{1,3}){3})?(?![0-9A-Za-z:])",
)
_MAC = re.compile(
    r"(?<![0-9A-Fa-f])(?:[0-9A-Fa-f]{2}([:\-])[0-9A-Fa-f]{2}(?:\1[0-9A-Fa-f]{2}){4}"
    r"|[0-9A-Fa-f]{4}\.[0-9A-Fa-f]{4}\.[0-9A-Fa-f]{4})(?![0-9A-Fa-f]|[:\-.][0-9A-Fa-f])",
)

# Phone candidates: digits with the separators people use, an optional + or 00 prefix and an
# extension; phonenumbers decides whether one is a real number.
_PHONE = re.compile(
    r"(?<![0-9+])(?:\+|00)?[0-9(](?:[0-9]|[ \-.()](?=[0-9( ])|\)){6,40}[0-9]"
    r"(?:\s?(?:x|ext\.?|内線)\s?[0-9]{1,5})?",
)
# Written the way a Japanese number is written: 0 + area, exchange, 4 digits (or one block of 10-11).
_JP_SHAPE = re.compile(
    r"^(?:0[0-9]{1,4}-[0-9]{1,4}-[0-9]{4}|\(0[0-9]{1,4}\)\s?[0-9]{1,4}-[0-9]{4}|0[0-9]{9,10})$"
)
_NANP_SHAPE = re.compile(
    r"^(?:\+?1[ \-.]?)?(?:\([0-9]{3}\)\s?|[0-9]{3}[\-. ])[0-9]{3}[\-. ][0-9]{4}",
)
_NOT_PHONE_CUE = re.compile(
    r"(?:lot|lot no|part|p/n|s/n|serial|order|order no|po|invoice|batch|model|"
    r"ロット|品番|型番|製番|注文番号|注文|伝票番号|伝票|製造番号|シリアル|部品番号)\.?\s*[:：#]?\s*$",
    re.IGNORECASE,
)
_PHONE_LETTER_CUES = frozenset({"tel", "fax", "phone", "mobile", "cell", "ph", "t", "f", "m", "no", "tell"})
_ASCII_WORD_BEFORE = re.compile(r"([A-Za-z]+)\.?:?$")


def find_email(text: str) -> Iterator[Span]:
    for m in _EMAIL.finditer(text):
        yield Span(EMAIL, m.start(), m.end(), "email")


def find_url_credentials(text: str) -> Iterator[Span]:
    for m in _URL_USERINFO.finditer(text):
        yield Span(URL_CREDENTIALS, m.start(1), m.end(1), "url_userinfo")


def find_numbers(text: str, want_card: bool, want_my_number: bool) -> Iterator[Span]:
    """Card numbers (Luhn, IIN range, usual grouping) and My Numbers (check digit, 4-4-4 or
    unbroken), trying the longest run of groups first so a trailing figure does not hide them."""
    for run in _DIGIT_GROUPS.finditer(text):
        end_char = text[run.end() : run.end() + 2]
        if end_char[:1].isascii() and end_char[:1].isalnum():
            continue
        groups = [(g.start(), g.end()) for g in _GROUP.finditer(text, run.start(), run.end())]
        i = 0
        while i < len(groups):
            found = _longest_number(text, groups, i, want_card, want_my_number)
            if found is None:
                i += 1
                continue
            span, used = found
            yield span
            i += used


def _longest_number(
    text: str,
    groups: list[tuple[int, int]],
    first: int,
    want_card: bool,
    want_my_number: bool,
) -> tuple[Span, int] | None:
    for last in range(min(len(groups), first + 5) - 1, first - 1, -1):
        parts = groups[first : last + 1]
        lengths = tuple(e - s for s, e in parts)
        digits = "".join(text[s:e] for s, e in parts)
        separators = {text[parts[k][1]] for k in range(len(parts) - 1)}
        if len(separators) > 1:
            continue
        start, end = parts[0][0], parts[-1][1]
        if (
            want_card
            and 13 <= len(digits) <= 19
            and (len(parts) == 1 or lengths in _CARD_GROUPINGS)
            and checks.card_brand(digits)
            and checks.luhn(digits)
        ):
            return Span(CARD_NUMBER, start, end, "card_luhn"), len(parts)
        if (
            want_my_number
            and len(digits) == 12
            and lengths in {(12,), (4, 4, 4)}
            and checks.my_number(digits)
        ):
            return Span(MY_NUMBER, start, end, "my_number_check"), len(parts)
    return None


def find_postal_codes(text: str) -> Iterator[Span]:
    seen: set[int] = set()
    for pattern, name in (
        (_POSTAL_MARKED, "postal_mark"),
        (_POSTAL_CUED, "postal_cue"),
        (_PREFECTURE_AHEAD, "postal_before_prefecture"),
    ):
        for m in pattern.finditer(text):
            if m.start(1) not in seen:
                seen.add(m.start(1))
                yield Span(POSTAL_CODE, m.start(1), m.end(1), name)


def find_ip_addresses(text: str) -> Iterator[Span]:
    for m in _IPV4.finditer(text):
        try:
            ipaddress.IPv4Address(m.group(0))
        except ValueError:
            continue
        yield Span(IP_ADDRESS, m.start(), m.end(), "ipv4")
    for m in _IPV6.finditer(text):
        candidate = m.group(0)
        if candidate.count(":") < 2 or candidate.strip(":") == "":
            continue
        try:
            ipaddress.IPv6Address(candidate)
        except ValueError:
            continue
        yield Span(IP_ADDRESS, m.start(), m.end(), "ipv6")


_MAC_CUE = re.compile(r"(?:MAC|mac|Mac)\s*(?:address|アドレス)?\s*[:：]?\s*$")
_HEX_GROUP_BEFORE = re.compile(r"(?<![A-Za-z0-9])[0-9A-Fa-f]{2,4}[:\-.]$")


def find_mac_addresses(text: str) -> Iterator[Span]:
    for m in _MAC.finditer(text):
        if _HEX_GROUP_BEFORE.search(text[max(0, m.start() - 6) : m.start()]):
            continue  # a piece of a longer colon- or hyphen-joined hex string (not "MAC:")
        if (
            not any(c.isalpha() for c in m.group(0))
            and m.group(1) == "-"
            and not _MAC_CUE.search(text[max(0, m.start() - 8) : m.start()])
        ):
            # 12-34-56-78-90-12 is more often a part number than a MAC written with hyphens
            continue
        yield Span(MAC_ADDRESS, m.start(), m.end(), "mac")


class PhoneFinder:
    """Phone numbers in Japanese and international formats, validated by ``phonenumbers``."""

    def __init__(self) -> None:
        import phonenumbers

        self._pn: Any = phonenumbers

    def find(self, text: str, english: bool) -> Iterator[Span]:
        if sum(c.isdigit() for c in text) < 7:
            return
        for m in _PHONE.finditer(text):
            # one candidate may hold several numbers, or a number after another figure
            # ("2024 03-1234-5678", "03-1234-5678 090-1234-5678"): try each group start in turn
            starts = [0] + [i + 1 for i, c in enumerate(m.group(0)) if c == " "]
            done_to = 0
            for offset in starts:
                if offset < done_to or not self._boundary_ok(text, m.start() + offset):
                    continue
                found = self._longest_valid(m.group(0)[offset:], english)
                if found is not None:
                    yield Span(
                        PHONE, m.start() + offset + found[0], m.start() + offset + found[1], "phonenumbers"
                    )
                    done_to = offset + found[1]

    @staticmethod
    def _boundary_ok(text: str, start: int) -> bool:
        if _NOT_PHONE_CUE.search(text[max(0, start - 14) : start]):
            return False  # Lot 0956820882, 品番 0312345678: a number that only looks like one
        if text[start] in "(+":
            return True  # a bracket or a plus sign starts the number whatever stands before it
        before = text[max(0, start - 8) : start]
        if not before or not (before[-1].isascii() and before[-1].isalpha()):
            return not (before and before[-1] in "-/_.") or before.endswith(("TEL.", "Tel.", "No."))
        word = _ASCII_WORD_BEFORE.search(before)
        return word is not None and word.group(1).lower() in _PHONE_LETTER_CUES

    def _longest_valid(self, candidate: str, english: bool) -> tuple[int, int] | None:
        # Try the whole candidate, then shorter ones that end at a group boundary, so
        # "03-1234-5678 2台" still yields the number.
        ends = [len(candidate)] + [
            i
            for i in range(len(candidate) - 1, 0, -1)
            if candidate[i] in " .-(" and candidate[i - 1].isdigit()
        ]
        start = 0
        while start < len(candidate) and candidate[start] in " .-":
            start += 1
        while candidate[start : start + 1] == "(" and candidate.count("(", start) > candidate.count(
            ")", start
        ):
            start += 1  # a full-width bracket around the number is the sentence's, not the number's
        for end in ends:
            piece = candidate[start:end].rstrip(" .-(")
            if self._valid(piece, english):
                return start, start + len(piece)
        return None

    def _valid(self, piece: str, english: bool) -> bool:
        digits = sum(c.isdigit() for c in piece)
        if digits < 9 or digits > 15:
            return False
        pn = self._pn
        core = (
            piece.split("x", maxsplit=1)[0].split("ext", maxsplit=1)[0].split("内線", maxsplit=1)[0].strip()
        )
        if core.startswith(("+", "00")):
            regions: tuple[str | None, ...] = (None,) if core.startswith("+") else ("JP",)
        elif core.lstrip("(").startswith("0"):
            regions = ("JP",)
        elif english and _NANP_SHAPE.match(core):
            regions = ("US",)
        else:
            return False
        for region in regions:
            try:
                number = pn.parse(core, region)
            except pn.NumberParseException:
                continue
            if pn.is_valid_number(number):
                return True
            # A number in a range phonenumbers does not list as allocated, written exactly the way
            # phone numbers are written, is still treated as one: leaking it costs more.
            shape = _JP_SHAPE if region == "JP" else _NANP_SHAPE if region == "US" else None
            if shape is not None and shape.match(core) and pn.is_possible_number(number):
                return True
        return False


class SiteFinder:
    """The site's own identifier formats from ``[privacy].site_patterns``."""

    def __init__(self, patterns: list[SitePattern]) -> None:
        self._compiled: list[tuple[SitePattern, re.Pattern[str]]] = []
        for p in patterns:
            body = f"(?:{p.pattern})"
            if p.anchored:
                body = f"(?<![A-Za-z0-9]){body}(?![A-Za-z0-9])"
            self._compiled.append((p, re.compile(body, re.IGNORECASE if p.ignore_case else 0)))

    def find(self, text: str) -> Iterator[Span]:
        for pattern, compiled in self._compiled:
            validator = checks.VALIDATORS.get(pattern.validation)
            for m in compiled.finditer(text):
                if m.end() == m.start():
                    continue
                if validator is not None:
                    source = m.group("value") if "value" in compiled.groupindex else m.group(0)
                    digits = "".join(c for c in source if c.isdigit())
                    if not digits or not validator(digits):
                        continue
                yield Span(pattern.type, m.start(), m.end(), f"site:{pattern.name}")
