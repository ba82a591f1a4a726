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
from collections.abc import Callable, Iterator
from typing import TYPE_CHECKING

from edged.privacy import checks
from edged.privacy.detector import FunctionDetector, Span, TextView
from edged.privacy.entities import (
    CARD_NUMBER,
    EMAIL,
    IP_ADDRESS,
    MAC_ADDRESS,
    MY_NUMBER,
    POSTAL_CODE,
    URL_CREDENTIALS,
)
from edged.privacy.postal_world import WORLD_SHAPE, WORLD_WORDS, find_repeats, find_world_postal

_EMAIL = re.compile(
    r"(?<![A-Za-z0-9._%+\-])[A-Za-z0-9](?:[A-Za-z0-9._%+\-]{0,62}[A-Za-z0-9_%+\-])?"
    r"@(?:[A-Za-z0-9](?:[A-Za-z0-9\-]{0,61}[A-Za-z0-9])?\.)+[A-Za-z]{2,24}(?![A-Za-z0-9\-])",
)
_URL_USERINFO = re.compile(r"(?<![A-Za-z0-9+.\-])[A-Za-z][A-Za-z0-9+.\-]{1,15}://([^\s/@?#]+)@")

# Runs of digit groups joined by a space, two spaces (a card copied from a form or typed to line
# up), a hyphen or a dot: card numbers, My Numbers. Full-width digits and separators, the
# ideographic space included, are ASCII here (NFKC).
_DIGIT_GROUPS = re.compile(r"(?<![0-9+])(?<![0-9][.\-])[0-9]+(?:(?: {1,2}|[\-.])[0-9]+)*")
_GROUP = re.compile(r"[0-9]+")

# The mark is part of the value: "〒" left in clear next to <POSTAL_CODE_1> says what was there.
_POSTAL_MARKED = re.compile(r"(〒\s?[0-9]{3}[-\s]?[0-9]{4})(?![0-9])")
_POSTAL_CUED = re.compile(
    r"(?:郵便番号|郵便|postal\s*code|post\s*code|zip(?:\s*code)?)\s*[:：]?\s*([0-9]{3}-?[0-9]{4})(?![0-9])",
    re.IGNORECASE,
)
# A sentence that speaks of a ZIP or postal code: the ZIP-shaped figures after the cue in it.
_POSTAL_WORD = re.compile(
    rf"zip(?:\s*code)?|postal\s*code|post\s*code|postcode|郵便番号|(?<![A-Za-z])(?:{WORLD_WORDS})(?![A-Za-z])",
    re.IGNORECASE,
)
_POSTAL_SHAPE = re.compile(
    r"(?<![0-9A-Za-z\-])([0-9]{5}(?:-[0-9]{4})?|[0-9]{3}-[0-9]{4})(?![0-9A-Za-z]|-[0-9])"
)
_SENTENCE_END = re.compile(r"[.;!?。！？\n](?:\s|$)")
# A US ZIP (ZIP+4) after a state's two letters, a UK or Canadian postcode: shapes specific enough
# to stand alone.
_ZIP_AFTER_STATE = re.compile(
    r"(?<![A-Za-z])(?:AL|AK|AZ|AR|CA|CO|CT|DE|FL|GA|HI|ID|IL|IN|IA|KS|KY|LA|ME|MD|MA|MI|MN|MS|MO|MT|NE|"
    r"NV|NH|NJ|NM|NY|NC|ND|OH|OK|OR|PA|RI|SC|SD|TN|TX|UT|VT|VA|WA|WV|WI|WY|DC|PR),?\s([0-9]{5}(?:-[0-9]{4})?)"
    r"(?![0-9])"
)
_UK_POSTCODE = re.compile(
    r"(?<![A-Za-z0-9])([A-Z]{1,2}[0-9][A-Z0-9]?\s?[0-9][ABD-HJLNP-UW-Z]{2})(?![A-Za-z0-9])"
)
_CA_POSTCODE = re.compile(r"(?<![A-Za-z0-9])([ABCEGHJ-NPRSTVXY][0-9][A-Z]\s?[0-9][A-Z][0-9])(?![A-Za-z0-9])")
# a Japanese postal code before the address it belongs to, with or without its hyphen
# (123-4567 東京都..., 1234567 大阪府...), or right after an address field (住所：1234567)
_PREFECTURE_AHEAD = re.compile(
    r"(?<![0-9\-])([0-9]{3}-?[0-9]{4})(?![0-9\-])"
    r"(?=\s?(?:北海道|東京都|大阪府|京都府|.{2,3}県|[\u4e00-\u9fff]{1,4}[市区郡][\u4e00-\u9fff]))"
)
_ADDRESS_FIELD = re.compile(
    r"(?:住所|現住所|送付先|送り先|届け先|お届け先|宛先|所在地)\s*[:：]?\s*([0-9]{3}-?[0-9]{4})(?![0-9\-])"
)
# Irish Eircode: a routing key (letter, two digits; D6W) and four characters of a reduced alphabet,
# only where a ZIP or postcode is spoken of.
_EIRCODE = re.compile(
    r"(?<![A-Za-z0-9])((?:[ACDEFHKNPRTVWXY][0-9]{2}|D6W) ?[0-9ACDEFHKNPRTVWXY]{4})(?![A-Za-z0-9])"
)

_IPV4 = re.compile(r"(?<![0-9.])(?<![vV])[0-9]{1,3}(?:\.[0-9]{1,3}){3}(?![0-9]|\.[0-9])")
_IPV6 = re.compile(
    # a colon may stand before the address ("IPアドレス：fe80::1", NFKC makes it ":"), not a hex digit
    # and a colon (then it is the middle of a longer string)
    r"(?<![0-9A-Za-z])(?<![0-9A-Fa-f]:)(?=::|[0-9A-Fa-f])(?=[0-9A-Fa-f]{0,4}:[0-9A-Fa-f]{0,4}:)"
    # (39 characters at most, and a port of up to 5 digits after one: see _ipv6_length)
    r"[0-9A-Fa-f:]{2,45}"
    # not before ".digit": ::ffff:192.0.2.1 is one address (IPv4-mapped), not ::ffff:192 and a rest
    # (and a port after the IPv4 tail: ::ffff:10.192.129.252:4840, see _ipv6_length)
    r"(?:[0-9]{1,3}(?:\.[0-9]{1,3}){3}(?::[0-9]{1,5})?)?(?![0-9A-Za-z:]|\.[0-9])",
)
_MAC = re.compile(
    r"(?<![0-9A-Fa-f])(?:[0-9A-Fa-f]{2}([:\-])[0-9A-Fa-f]{2}(?:\1[0-9A-Fa-f]{2}){4}"
    r"|[0-9A-Fa-f]{4}\.[0-9A-Fa-f]{4}\.[0-9A-Fa-f]{4})(?![0-9A-Fa-f]|[:\-.][0-9A-Fa-f])",
)


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
    for last in range(min(len(groups), first + 7) - 1, first - 1, -1):
        parts = groups[first : last + 1]
        lengths = tuple(e - s for s, e in parts)
        digits = "".join(text[s:e] for s, e in parts)
        separators = {text[parts[k][1] : parts[k + 1][0]] for k in range(len(parts) - 1)}
        if len(separators) > 1:  # one separator throughout, as a card is printed
            continue
        start, end = parts[0][0], parts[-1][1]
        # Any Luhn-valid number of a card's length: IIN tables never cover private-label, UnionPay
        # or new ranges, so a brand may add confidence but never vetoes one.
        card = want_card and 13 <= len(digits) <= 19 and _card_shaped(lengths) and checks.luhn(digits)
        card = card and not _after_dial_prefix(text, groups, first)
        if card and not _timestamp(digits):
            return Span(CARD_NUMBER, start, end, "card_luhn"), len(parts)
        if (
            want_my_number
            and len(digits) == 12
            and lengths in {(12,), (4, 4, 4)}
            and checks.my_number(digits)
        ):
            return Span(MY_NUMBER, start, end, "my_number_check"), len(parts)
    return None


def _after_dial_prefix(text: str, groups: list[tuple[int, int]], first: int) -> bool:
    """010-977-9803268853: digits after a short group that starts with 0 (a trunk or international
    prefix) in the same run are the rest of a phone number, even when they pass Luhn."""
    if first == 0:
        return False
    start, end = groups[first - 1]
    return end - start <= 4 and text[start] == "0"


def _card_shaped(lengths: tuple[int, ...]) -> bool:
    """One run, or groups of three or more digits (the last may be shorter): 4-4-4-4, 4-6-5,
    3-3-3-3-3; not a date or a list of small figures."""
    return len(lengths) == 1 or all(n >= 3 for n in lengths[:-1])


def _timestamp(digits: str) -> bool:
    """20261130235959: a compact date-time, not a card."""
    if len(digits) != 14 or digits[:2] not in ("19", "20"):
        return False
    month, day, hour, minute, second = (int(digits[k : k + 2]) for k in range(4, 14, 2))
    return 1 <= month <= 12 and 1 <= day <= 31 and hour < 24 and minute < 60 and second < 60


def find_postal_codes(text: str) -> Iterator[Span]:
    seen: set[int] = set()
    for span in find_world_postal(text):
        seen.add(span.start)
        yield span
    for pattern, name in (
        (_POSTAL_MARKED, "postal_mark"),
        (_POSTAL_CUED, "postal_cue"),
        (_PREFECTURE_AHEAD, "postal_before_prefecture"),
        (_ADDRESS_FIELD, "postal_in_address_field"),
        (_ZIP_AFTER_STATE, "zip_after_state"),
        (_UK_POSTCODE, "uk_postcode"),
        (_CA_POSTCODE, "ca_postcode"),
    ):
        for m in pattern.finditer(text):
            if m.start(1) not in seen:
                seen.add(m.start(1))
                yield Span(POSTAL_CODE, m.start(1), m.end(1), name)
    for cue in _POSTAL_WORD.finditer(text):
        limit = min(len(text), cue.end() + 80)
        stop = _SENTENCE_END.search(text, cue.end(), limit)
        end = stop.start() if stop else limit
        for shape in (_POSTAL_SHAPE, _EIRCODE, WORLD_SHAPE):
            for m in shape.finditer(text, cue.end(), end):
                if m.start(1) not in seen and not _named_identifier(text, m.start(1)):
                    seen.add(m.start(1))
                    yield Span(POSTAL_CODE, m.start(1), m.end(1), "postal_in_sentence")


_JP_POSTAL_SHAPE = re.compile(r"(?<![0-9A-Za-z\-.])([0-9]{3}-[0-9]{4})(?![0-9A-Za-z\-]|\.[0-9])")
# a part, drawing, lot or order word right before the figure (部品889-7514, 品目…, 図番…): what it
# names is a part number, not a postal code
_IDENTIFIER_CUE = re.compile(
    r"(?:品番|型番|製番|部品|品目|品名|図番|図面|型式|形式|材料|資材|治具|金型|工番|機番|管理番号|手配番号|検査番号|製品|"
    r"ロット|注文番号|注文|伝票番号|伝票|製造番号|シリアル|製品コード|lot|part|p/n|pn|s/n|order|drawing|dwg|"
    r"model|sku|item|no\.?)\s*[:：#]?\s*$",
    re.IGNORECASE,
)


def _named_identifier(text: str, start: int) -> bool:
    return _IDENTIFIER_CUE.search(text[max(0, start - 12) : start]) is not None


def find_japanese_postal_shape(text: str) -> Iterator[Span]:
    """In Japanese text a bare 123-4567 is a postal code (差出人山田、435-2056。) unless its writer
    named it as a part, lot or order number."""
    for m in _JP_POSTAL_SHAPE.finditer(text):
        if _named_identifier(text, m.start()):
            continue
        yield Span(POSTAL_CODE, m.start(1), m.end(1), "postal_shape_ja")


# a version number right after its word (firmware 10.2.3.4, version 2.10.1.15), as v1.2.3.4 is
_VERSION_BEFORE = re.compile(
    r"(?<![A-Za-z])(?:version|ver\.?|firmware|fw|release|rel\.?|build|バージョン)[ :：]{0,2}$", re.IGNORECASE
)


def find_ip_addresses(text: str) -> Iterator[Span]:
    for m in _IPV4.finditer(text):
        # 192.168.001.010: octets padded to three digits, as device pages and forms print them
        octets = ".".join(str(int(o)) for o in m.group(0).split("."))
        try:
            ipaddress.IPv4Address(octets)
        except ValueError:
            continue
        if _VERSION_BEFORE.search(text, max(0, m.start() - 12), m.start()):
            continue
        yield Span(IP_ADDRESS, m.start(), m.end(), "ipv4")
    for m in _IPV6.finditer(text):
        candidate, start = m.group(0), m.start()
        if candidate.startswith(":::"):
            # 通信：::ffff:… (the full-width colon is ":" after NFKC): the label's colon, then "::"
            candidate, start = candidate[1:], start + 1
        if candidate.count(":") < 2 or candidate.strip(":") == "":
            continue
        end = start + _ipv6_length(candidate)
        if end > start:
            yield Span(IP_ADDRESS, start, end, "ipv6")


def _ipv6_length(candidate: str) -> int:
    """How much of ``candidate`` is an IPv6 address: all of it, or all but a port written after it
    without brackets (2001:0db8:0:0:e9aa:a693:9920:8cb4:4840: the ninth group is decimal and the
    first eight are an address), or none."""
    if _ipv6(candidate):
        return len(candidate)
    head, _, port = candidate.rpartition(":")
    if _PORT.match(port) and head.count(":") >= 2 and _ipv6(head):
        return len(head)
    return 0


def _ipv6(text: str) -> bool:
    try:
        ipaddress.IPv6Address(text)
    except ValueError:
        return False
    return True


_PORT = re.compile(
    r"^(?:[1-9][0-9]{0,3}|[1-5][0-9]{4}|6[0-4][0-9]{3}|65[0-4][0-9]{2}|655[0-2][0-9]|6553[0-5])$"
)


_MAC_CUE = re.compile(r"(?:MAC|mac|Mac)\s*(?:address|アドレス)?\s*[:：]?\s*$")
_HEX_GROUP_BEFORE = re.compile(r"(?<![A-Za-z0-9])[0-9A-Fa-f]{2,4}[:\-.]$")


# A MAC written without separators (24CF91D7BEB2, as DHCP logs, switch tables and device
# labels print it) is twelve hex digits of one case, with letters and digits both: an all-digit
# run is an order or product number far more often than one MAC in three hundred. Twelve hex
# digits are also how hashes, serials and keys look, so one counts as a MAC only where its text
# says so: a MAC word shortly before it, or an IP address shortly before it in the same line (a
# lease, a login, a network ledger), and no identifier word (serial, commit, hash ...) right before.
_MAC_BARE = re.compile(r"(?<![0-9A-Za-z])(?:[0-9A-F]{12}|[0-9a-f]{12})(?![0-9A-Za-z])")
_MAC_WORD = re.compile(
    r"(?<![A-Za-z])(?:mac|hwaddr|ether|bssid|chaddr|lladdr)(?![a-z])|物理アドレス|ハードウェアアドレス",
    re.IGNORECASE,
)
_HEX_ID_CUE = re.compile(
    r"(?<![A-Za-z])(?:serial|s/n|sn|commit|hash|sha|md5|build|rev|revision|firmware|fw|token|key|id|lot|part|p/n|"
    r"シリアル|製造番号|品番)\s*(?:no\.?)?\s*[:：#=]?\s*$",
    re.IGNORECASE,
)
# an IPv4 address, or an IPv6 one (a "::" or five groups: not a time of day)
_IP_BEFORE = re.compile(
    r"[0-9]{1,3}(?:\.[0-9]{1,3}){3}|[0-9A-Fa-f]*::[0-9A-Fa-f]|(?:[0-9A-Fa-f]{1,4}:){4}[0-9A-Fa-f]{1,4}"
)


def _bare_mac_cued(text: str, start: int) -> bool:
    if _HEX_ID_CUE.search(text[max(0, start - 16) : start]):
        return False
    if _MAC_WORD.search(text[max(0, start - 24) : start]):
        return True
    line_start = max(text.rfind("\n", 0, start) + 1, start - 60)
    return _IP_BEFORE.search(text, line_start, start) is not None


def find_mac_addresses(text: str) -> Iterator[Span]:
    for m in _MAC_BARE.finditer(text):
        value = m.group(0)
        if value.isdigit() or not any(c.isdigit() for c in value):
            continue
        if _bare_mac_cued(text, m.start()):
            yield Span(MAC_ADDRESS, m.start(), m.end(), "mac_bare")
    for m in _MAC_SPACED.finditer(text):
        # 00 1A 2B 3C 4D 5E: six pairs with spaces are a MAC only with a hex letter among them and
        # a MAC word before them (otherwise a row of figures)
        inside = _PAIR_BEFORE.search(text[max(0, m.start() - 4) : m.start()]) is not None
        cued = _MAC_WORD.search(text[max(0, m.start() - 24) : m.start()]) is not None
        if cued and not inside and not m.group(0).isdigit():
            yield Span(MAC_ADDRESS, m.start(), m.end(), "mac_spaced")
    yield from _find_separated_macs(text)


_MAC_SPACED = re.compile(
    r"(?<![0-9A-Za-z])[0-9A-Fa-f]{2}(?: [0-9A-Fa-f]{2}){5}(?![0-9A-Za-z]| [0-9A-Fa-f]{2}(?![0-9A-Za-z]))"
)
_PAIR_BEFORE = re.compile(r"(?:^|[^0-9A-Za-z])[0-9A-Fa-f]{2} $")  # a seventh pair: a longer hex row


def _find_separated_macs(text: str) -> Iterator[Span]:
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


if TYPE_CHECKING:
    from edged.privacy.config import SitePattern
    from edged.privacy.registry import Resources


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


# -- the registry's builders -------------------------------------------------------------------


def _shape(name: str, entity: str, priority: int, find: Callable[[str], Iterator[Span]]) -> FunctionDetector:
    return FunctionDetector(name, (entity,), priority, lambda view: find(view.text))


def build_url_credentials(resources: Resources) -> FunctionDetector:  # noqa: ARG001 - registry signature
    return _shape("url_credentials", URL_CREDENTIALS, 0, find_url_credentials)


def build_email(resources: Resources) -> FunctionDetector:  # noqa: ARG001
    return _shape("email", EMAIL, 1, find_email)


def build_card_number(resources: Resources) -> FunctionDetector:  # noqa: ARG001
    return FunctionDetector(
        "card_number", (CARD_NUMBER,), 2, lambda view: find_numbers(view.text, True, False)
    )


def build_my_number(resources: Resources) -> FunctionDetector:  # noqa: ARG001
    return FunctionDetector("my_number", (MY_NUMBER,), 2, lambda view: find_numbers(view.text, False, True))


def build_mac_address(resources: Resources) -> FunctionDetector:  # noqa: ARG001
    return _shape("mac_address", MAC_ADDRESS, 3, find_mac_addresses)


def build_ip_address(resources: Resources) -> FunctionDetector:  # noqa: ARG001
    return _shape("ip_address", IP_ADDRESS, 3, find_ip_addresses)


def build_postal_code(resources: Resources) -> FunctionDetector:  # noqa: ARG001
    def find(view: TextView) -> list[Span]:
        found = list(find_postal_codes(view.text))
        if view.japanese:
            found.extend(find_japanese_postal_shape(view.text))
        return found + list(find_repeats(view.text, found))

    return FunctionDetector("postal_code", (POSTAL_CODE,), 7, find)


def build_site(resources: Resources) -> FunctionDetector:
    patterns = resources.config.site_patterns
    finder = SiteFinder(patterns)
    return FunctionDetector("site", tuple(p.type for p in patterns), 4, lambda view: finder.find(view.text))
