"""Hard negatives and slot filling of the eleventh evaluation set (see
:mod:`edged.privacy.evalset_eleventh`): machines and instruments named like people, parts, lots,
units, plant places, makers, standards, tickets, orders, dates, times and sums, none of which holds
a card, a My Number or a valid Japanese or North American phone number."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable

from edged.privacy.evalset import NEGATIVE
from edged.privacy.evalset_digits import luhn_ok, my_number_ok
from edged.privacy.evalset_eleventh_data import (
    NEG_LOTS,
    NEG_LOTS_JA,
    NEG_MACHINES,
    NEG_MACHINES_JA,
    NEG_MAKERS,
    NEG_MAKERS_JA,
    NEG_NAMELIKE,
    NEG_NAMELIKE_JA,
    NEG_PARTS,
    NEG_PARTS_JA,
    NEG_PLACES,
    NEG_PLACES_JA,
    NEG_STANDARDS,
    NEG_TICKETS,
    NEG_UNITS,
    NEG_UNITS_JA,
)
from edged.privacy.evalset_eleventh_values import Values, valid_phone
from edged.privacy.evalset_render import Piece

_MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")


def negative_is_safe(text: str) -> bool:
    """No digit run of a hard negative is a card, a My Number or a valid JP / North American phone."""
    plain = unicodedata.normalize("NFKC", text)
    for run in re.findall(r"\d[\d .-]*\d", plain):
        digits = re.sub(r"\D", "", run)
        if 13 <= len(digits) <= 19 and luhn_ok(digits):
            return False
        if my_number_ok(digits):
            return False
        if len(digits) >= 9 and (valid_phone(digits, "JP") or valid_phone(digits, "US")):
            return False
    return True


def _date(values: Values) -> str:
    rng = values.rng
    y, m, dd = rng.randint(2025, 2028), rng.randint(1, 12), rng.randint(1, 28)
    if values.lang == "ja":
        return values.pick(
            (f"{y}年{m}月{dd}日", f"{m}/{dd}", f"令和{y - 2018}年{m}月", f"{y}.{m:02d}.{dd:02d}")
        )
    return values.pick(
        (
            f"{dd:02d}.{m:02d}.{y}",
            f"{_MONTHS[m - 1]} {dd}, {y}",
            f"{y}-{m:02d}-{dd:02d}",
            f"Q{(m - 1) // 3 + 1} {y}",
        )
    )


def _time(values: Values) -> str:
    h, mm = values.rng.randint(0, 23), values.rng.randint(0, 59)
    if values.lang == "ja":
        return values.pick((f"{h}時{mm:02d}分", f"{h:02d}:{mm:02d}", f"午前{h % 12}時"))
    return values.pick(
        (f"{h:02d}:{mm:02d}", f"{h:02d}:{mm:02d}:{values.rng.randint(0, 59):02d}Z", f"T+{mm} min")
    )


def _order(values: Values) -> str:
    """A gate-pass, purchase or container number of 9-14 digits that is not a card (Luhn fails)."""
    digits = values.d(values.rng.randint(9, 14), "3456789")
    if luhn_ok(digits):
        digits = digits[:-1] + str((int(digits[-1]) + 1) % 10)
    head = (
        values.pick(("PO ", "RTN-", "SSCC ", ""))
        if values.lang == "en"
        else values.pick(("注文番号", "No.", "伝票"))
    )
    return head + digits


def _figure(values: Values) -> str:
    rng = values.rng
    if values.lang == "ja":
        return values.pick(
            (
                f"{rng.randint(2, 99)},{rng.randint(100, 999)}円",
                f"{rng.randint(1, 99)}%",
                f"{rng.randint(2, 60)}名",
            )
        )
    return values.pick(
        (f"EUR {rng.randint(10, 999)},{rng.randint(100, 999)}", f"KES {rng.randint(1, 99)},000",
         f"{rng.randint(2, 60)} people", f"{rng.randint(1, 99)}.{rng.randint(0, 9)}%")
    )  # fmt: skip


def _negative_value(values: Values, kind: str) -> str:
    ja, rng = values.lang == "ja", values.rng
    tables = {
        "machine": NEG_MACHINES_JA if ja and rng.random() < 0.7 else NEG_MACHINES,
        "unit": NEG_UNITS_JA if ja else NEG_UNITS,
        "place": NEG_PLACES_JA if ja else NEG_PLACES,
        "maker": NEG_MAKERS_JA if ja and rng.random() < 0.6 else NEG_MAKERS,
        "namelike": NEG_NAMELIKE_JA if ja and rng.random() < 0.7 else NEG_NAMELIKE,
        "std": NEG_STANDARDS,
    }
    if kind in tables:
        return values.pick(tables[kind])
    simple = {"date": _date, "time": _time, "order": _order, "figure": _figure}
    if kind in simple:
        return simple[kind](values)
    patterns = {
        "part": NEG_PARTS_JA if ja and rng.random() < 0.6 else NEG_PARTS,
        "lot": NEG_LOTS_JA if ja else NEG_LOTS,
        "ticket": NEG_TICKETS,
    }[kind]
    d = values.d
    return values.pick(patterns).format(
        d2=d(2), d3=d(3), d4=d(4), d5=d(5), d6=d(6),
        L=rng.choice("ABCDEFGHJKLMNPRSTUVWXZ"), y=rng.choice(("25", "26", "27")),
        m=f"{rng.randint(1, 12):02d}",
    )  # fmt: skip


def negative(values: Values, kind: str) -> Piece:
    for _ in range(200):
        value = _negative_value(values, kind)
        if negative_is_safe(value):
            return Piece(value, NEGATIVE, kind)
    raise RuntimeError(f"no safe {kind} negative in 200 draws")


def fill_slot(values: Values, name: str, tag: str) -> Piece:
    if name.startswith("n_"):
        return negative(values, name[2:])
    if name == "num":
        return Piece(str(values.rng.randint(2, 48)))
    names = values.names
    builders: dict[str, Callable[[], Piece]] = {
        "p": lambda: names.write_japanese(tag) if values.lang == "ja" else names.write_latin(tag),
        "pw": lambda: names.write_latin(tag),
        "pjr": lambda: names.write_latin(tag, romaji=True),
        "pk": names.write_katakana,
        "addr": values.world_address,
        "addr_pt": values.pt_address,
        "addr_gr": values.gr_address,
        "addr_lt": values.lt_address,
        "addr_ke": values.ke_address,
        "addr_jr": values.jr_address,
        "jaddr": lambda: values.ja_address(tag),
        "zip": lambda: values.postal(tag),
        "phone": lambda: values.phone(tag),
        "email": lambda: values.email(tag),
        "card": lambda: values.card(tag),
        "mynum": values.my_number,
        "ip": lambda: values.ip(tag),
        "mac": values.mac,
    }
    return builders[name]()
