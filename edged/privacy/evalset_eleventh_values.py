"""Value builders of the eleventh evaluation set (see :mod:`edged.privacy.evalset_eleventh`):
Portuguese, Greek, Lithuanian, Kenyan and Japanese addresses and postcodes, phones, e-mails, cards,
My Numbers, IP and MAC addresses. The hard negatives are in :mod:`edged.privacy.evalset_eleventh_neg`."""

from __future__ import annotations

import ipaddress
import re
import string
import unicodedata
from collections.abc import Callable

from edged.privacy.evalset_digits import kanji_number, luhn_ok, my_number_digit
from edged.privacy.evalset_eleventh_data import (
    CARD_BRANDS,
    EMAIL_DOMAINS,
    GR_PLACES,
    GR_ZONES,
    INTL_MASKS,
    JA_BUILDINGS,
    JA_PLACES,
    JP_AREAS,
    JR_PLACES,
    KE_PLACES,
    LT_PLACES,
    PT_FLOORS,
    PT_PLACES,
)
from edged.privacy.evalset_eleventh_names import Names, ascii_fold
from edged.privacy.evalset_render import Piece, SeededValues

_KANJI_DIGIT = str.maketrans("〇一二三四五六七八九", "0123456789")
FW = str.maketrans({c: chr(ord(c) + 0xFEE0) for c in string.digits + string.ascii_letters + "-+()@.:_"})
REGIONS = ("pt", "gr", "lt", "ke")


def phone_for_parsing(written: str) -> str:
    """The written number as phonenumbers reads it: full-width and kanji digits folded, "(0)" or
    "(8)" dropped, any separator a space, an 00 call prefix a +."""
    plain = unicodedata.normalize("NFKC", written).translate(_KANJI_DIGIT)
    plain = re.sub(r"\([08]\)", " ", plain)
    plain = re.sub(r"[^\d+]", " ", plain).strip()
    return re.sub(r"^00 ?", "+", plain)


def valid_phone(number: str, region: str | None = None) -> bool:
    import phonenumbers

    try:
        return bool(phonenumbers.is_valid_number(phonenumbers.parse(number, region)))
    except phonenumbers.NumberParseException:
        return False


class Values(SeededValues):
    """The value builders, from one seeded ``random.Random``."""

    def __init__(self, seed: int) -> None:
        super().__init__(seed)
        self.names = Names(self.rng)

    # -- addresses of the world --------------------------------------------------------------------

    def pt_address(self) -> Piece:
        street, code, town = self.rng.choice(PT_PLACES)
        floor = self.pick(PT_FLOORS)
        tail = self.pick(("", ", Portugal"))
        return Piece(f"{street} {self.n(1, 480)}{floor}, {code} {town}{tail}", "ADDRESS", "pt-addr")

    def gr_address(self) -> Piece:
        if self.rng.random() < 0.3:
            code = self.pick(("570 22", "385 00", "252 00"))
            return Piece(f"{self.pick(GR_ZONES)}, {code} {self.pick(('Sindos', 'Volos', 'Patra'))}, Greece",
                         "ADDRESS", "gr-addr zone")  # fmt: skip
        street, code, town = self.rng.choice(GR_PLACES)
        lead = self.pick(("", "GR-", "TK "))
        tail = self.pick(("", ", Greece", ", Hellas"))
        return Piece(f"{street} {self.n(1, 220)}, {lead}{code} {town}{tail}", "ADDRESS", "gr-addr")

    def lt_address(self) -> Piece:
        street, code, town = self.rng.choice(LT_PLACES)
        number = f"{self.n(1, 140)}{self.pick(('', '', 'A', '-' + str(self.n(1, 60))))}"
        tail = self.pick(("", ", Lietuva", ", Lithuania"))
        return Piece(f"{street} {number}, LT-{code} {town}{tail}", "ADDRESS", "lt-addr")

    def ke_address(self) -> Piece:
        road, town, code = self.rng.choice(KE_PLACES)
        box = f"P.O. Box {self.n(10, 99999)}-{code}"
        if self.rng.random() < 0.45:
            return Piece(f"{box}, {town}{self.pick(('', ', Kenya'))}", "ADDRESS", "ke-addr po-box")
        plot = self.pick(
            (
                f"Plot {self.n(1, 400)}/{self.n(1, 40)}, ",
                f"LR No. {self.n(100, 9999)}/{self.n(1, 99)}, ",
                f"{self.pick(('Godown', 'Unit', 'Shed'))} {self.n(1, 30)}, ",
            )
        )
        return Piece(f"{plot}{road}, {box} {town}", "ADDRESS", "ke-addr plot")

    def jr_address(self) -> Piece:
        town, city, pref, zip3 = self.rng.choice(JR_PLACES)
        c, b, g = self.n(1, 5), self.n(1, 30), self.n(1, 40)
        zip_code = f"{zip3}-{self.d(4)}"
        r = self.rng.random()
        if r < 0.25:
            return Piece(f"{c}-{b}-{g} {town}, {city}-shi, {pref}-ken {zip_code}", "ADDRESS", "jr-addr")
        if r < 0.45:
            return Piece(
                f"{pref.upper()} {city.upper()} {town.upper()} {c}-{b}-{g}", "ADDRESS", "jr-addr caps"
            )
        if r < 0.7:
            room = f"{self.pick(('Apt.', 'Room', '#'))} {self.n(101, 508)}, "
            return Piece(
                f"{room}{c}-{b}-{g} {town}, {city}, {pref} {zip_code}, Japan", "ADDRESS", "jr-addr room"
            )
        return Piece(f"{town} {c}-chome {b}-{g}, {city} City, {pref} Pref.", "ADDRESS", "jr-addr chome")

    def world_address(self) -> Piece:
        makers = (self.pt_address, self.gr_address, self.lt_address, self.ke_address, self.jr_address)
        return self.rng.choice(makers)()

    # -- Japanese addresses ------------------------------------------------------------------------

    def _ja_number(self) -> tuple[str, str]:  # noqa: PLR0911 - one return per written form
        c, b, g = self.n(1, 9), self.n(1, 60), self.n(1, 30)
        r = self.rng.random()
        if r < 0.2:
            return f"{c}丁目{b}番{g}号", "ban-go"
        if r < 0.3:
            return f"{kanji_number(c)}丁目{kanji_number(b)}番{kanji_number(g)}号", "kanji-num"
        if r < 0.45:
            return (
                f"{self.n(10, 2999)}番地{self.pick(('', f'の{self.n(1, 20)}', f'-{self.n(1, 9)}'))}",
                "banchi",
            )
        if r < 0.55:
            return f"{c}の{b}の{g}", "no-separated"
        if r < 0.65:
            return f"{c}‐{b}‐{g}", "hyphen-unicode"
        if r < 0.77:
            return f"{c}-{b}-{g}".translate(FW), "hyphen fullwidth"
        return f"{c}-{b}-{g}", "hyphen"

    def ja_address(self, tag: str = "") -> Piece:
        pref, city, towns = self.rng.choice(JA_PLACES)
        number, shape = self._ja_number()
        building = ""
        if self.rng.random() < 0.4:
            name, room = self.pick(JA_BUILDINGS), f"{self.n(1, 9)}0{self.n(1, 9)}"
            building = self.pick(
                (f"{name}{room}号室", f" {name} {room}", f"　{name}{room}", f"{name}{self.n(2, 6)}F")
            )
            shape = f"{shape} building"
        lead = pref if self.rng.random() < 0.55 else ""
        if not lead:
            shape = f"{shape} no-pref"
        value = lead + city + self.pick(towns) + number + building
        if tag == "zip":
            value = f"〒{self.d(3)}-{self.d(4)}{self.pick((' ', '　', ''))}{value}"
            shape = f"{shape} zip-inside"
        return Piece(value, "ADDRESS", f"ja-addr {shape}")

    def postal(self, kind: str) -> Piece:  # noqa: PLR0911 - one return per written form
        if kind == "jp" or (not kind and self.lang == "ja" and self.rng.random() < 0.6):
            code = f"{self.d(3)}-{self.d(4)}"
            r = self.rng.random()
            if r < 0.15:
                return Piece("〒" + code.translate(FW), "POSTAL_CODE", "jp-zip mark fullwidth")
            if r < 0.25:
                return Piece(code.replace("-", ""), "POSTAL_CODE", "jp-zip nohyphen")
            mark = self.rng.random() < 0.5
            return Piece(("〒" if mark else "") + code, "POSTAL_CODE", "jp-zip" + (" mark" if mark else ""))
        region = kind or self.pick(REGIONS)
        if region == "pt":
            return Piece(self.rng.choice(PT_PLACES)[1], "POSTAL_CODE", "pt-postcode")
        if region == "gr":
            code = self.rng.choice(GR_PLACES)[1]
            return Piece(self.pick((code, code.replace(" ", ""), f"GR-{code}")), "POSTAL_CODE", "gr-postcode")
        if region == "lt":
            return Piece(f"LT-{self.rng.choice(LT_PLACES)[1]}", "POSTAL_CODE", "lt-postcode")
        return Piece(self.rng.choice(KE_PLACES)[2], "POSTAL_CODE", "ke-postcode")

    # -- phones (every value checked with phonenumbers) --------------------------------------------

    def _until_valid(self, make: Callable[[], tuple[str, str | None]]) -> str:
        for _ in range(500):
            written, region = make()
            if valid_phone(phone_for_parsing(written), region):
                return written
        raise RuntimeError("no valid phone number in 500 draws")  # a mask above is wrong

    def jp_phone(self) -> Piece:
        kind = self.rng.choices(("landline", "mobile", "free"), (50, 40, 10))[0]
        style = self.rng.choices(("hyphen", "paren-area", "plus81", "bare", "dots"), (45, 15, 15, 13, 12))[0]

        def make() -> tuple[str, str | None]:
            if kind == "landline":
                area = self.pick(JP_AREAS)
                head, mid = area, self.d(5 - len(area), "23456789")
            elif kind == "free":
                head, mid = "120", self.d(3, "123456789")
            else:
                head, mid = self.pick(("90", "80", "70")), self.d(4, "123456789")
            last = self.d(4 if kind != "free" else 3)
            written = {
                "hyphen": f"0{head}-{mid}-{last}",
                "paren-area": f"0{head}({mid}){last}",
                "plus81": f"+81-{head}-{mid}-{last}",
                "bare": f"0{head}{mid}{last}",
                "dots": f"0{head}.{mid}.{last}",
            }[style]
            return written, "JP"

        written = self._until_valid(make)
        form = f"jp-{kind} {style}"
        if self.lang == "ja" and style in ("hyphen", "bare") and self.rng.random() < 0.3:
            return Piece(written.translate(FW), "PHONE", f"{form} fullwidth")
        return Piece(written, "PHONE", form)

    def intl(self, region_only: str = "") -> Piece:
        choices = [m for m in INTL_MASKS if not region_only or m[0] == region_only.upper()]
        region, cc, trunk, masks = self.rng.choice(choices)
        style = self.rng.choices(("plus", "plus-0", "idd00", "national", "e164"), (40, 10, 12, 28, 10))[0]
        if style == "plus-0" and not trunk:
            style = "plus"
        mask = self.pick(masks)

        def make() -> tuple[str, str | None]:
            nsn = self.fill(mask)
            if style == "plus":
                return f"+{cc} {nsn}", None
            if style == "plus-0":
                return f"+{cc} ({trunk}){nsn}", None
            if style == "idd00":
                return f"00{cc} {nsn}", None
            if style == "e164":
                return f"+{cc}{re.sub(r'[^0-9]', '', nsn)}", None
            # Lithuanians write the trunk 8 apart ("8 686 22976"); Kenyans join the 0 ("0712 345678").
            return f"{trunk} {nsn}" if trunk == "8" else f"{trunk}{nsn}", region

        return Piece(self._until_valid(make), "PHONE", f"intl-{region.lower()} {style}")

    def phone(self, tag: str) -> Piece:
        if tag == "ext":
            piece = self.jp_phone() if self.lang == "ja" or self.rng.random() < 0.35 else self.intl()
            ext = self.d(self.n(2, 4), "123456789")
            piece.post = (
                self.pick((f" 内線{ext}", f"（内線{ext}）", f" 内{ext}"))
                if self.lang == "ja"
                else self.pick((f" ext. {ext}", f" x{ext}", f" (ext {ext})", f" ext{ext}"))
            )
            piece.form += " ext-outside"
            return piece
        if tag == "jp" or (not tag and self.lang == "ja" and self.rng.random() < 0.6):
            return self.jp_phone()
        if tag:
            return self.intl(tag)
        return self.intl() if self.rng.random() < 0.7 else self.jp_phone()

    # -- the rest ----------------------------------------------------------------------------------

    def email(self, tag: str) -> Piece:  # noqa: PLR0911 - one return per written form
        given, family, source = self.names.latin()
        g = ascii_fold(given.split()[0]) or "ops"
        f = ascii_fold(family.split()[-1]) or "desk"
        local = self.pick((f"{g}.{f}", f"{g[0]}{f}", f"{f}.{g}", f"{g}{self.n(1, 99)}", f"{g}_{f}"))
        domain = self.pick(EMAIL_DOMAINS)
        form = f"mail-{source.split('-')[0]}"
        if tag == "odd":
            r = self.rng.random()
            if r < 0.25:
                box = self.pick(("gate", "audit", "iot", "noreply"))
                return Piece(f"{local}+{box}@{domain}", "EMAIL", f"{form} plus-tag")
            if r < 0.45:
                return Piece(
                    f"{local}@{self.pick(('mail', 'lt', 'ke', 'plant2'))}.{domain}",
                    "EMAIL",
                    f"{form} subdomain",
                )
            if r < 0.65:
                return Piece(
                    f"{local} at {domain.replace('.', ' dot ')}", "EMAIL", f"{form} obfuscated-words"
                )
            if r < 0.8:
                return Piece(f"{local.upper()}@{domain.upper()}", "EMAIL", f"{form} caps")
            return Piece(f"{local}(@){domain}", "EMAIL", f"{form} obfuscated-at")
        value = f"{local}@{domain}"
        if tag == "mailto":
            return Piece(value, "EMAIL", f"{form} mailto", pre="mailto:")
        if tag == "angle":
            return Piece(value, "EMAIL", f"{form} angle", pre="<", post=">")
        if self.lang == "ja" and self.rng.random() < 0.15:
            return Piece(value.replace("@", "＠"), "EMAIL", f"{form} fullwidth-at")
        return Piece(value, "EMAIL", form)

    def card(self, tag: str) -> Piece:
        brand, prefixes, lengths = self.rng.choice(CARD_BRANDS)
        body = self.pick(prefixes)
        body += self.d(self.rng.choice(lengths) - 1 - len(body))
        digits = next(body + c for c in string.digits if luhn_ok(body + c))
        style = tag or self.rng.choices(("space", "hyphen", "bare"), (45, 30, 25))[0]
        if brand == "amex" and style in ("space", "hyphen"):
            written = (" " if style == "space" else "-").join((digits[:4], digits[4:10], digits[10:]))
        elif style == "bare":
            written = digits
        else:
            sep = " " if style == "space" else "-"
            written = sep.join(digits[i : i + 4] for i in range(0, len(digits), 4))
        if self.lang == "ja" and self.rng.random() < 0.15:
            return Piece(written.translate(FW), "CARD_NUMBER", f"card-{brand} {style} fullwidth")
        return Piece(written, "CARD_NUMBER", f"card-{brand} {style}")

    def my_number(self) -> Piece:
        body = self.d(11)
        digits = body + my_number_digit(body)
        style = self.rng.choices(("space", "hyphen", "bare"), (30, 35, 35))[0]
        sep = {"space": " ", "hyphen": "-", "bare": ""}[style]
        written = sep.join((digits[:4], digits[4:8], digits[8:]))
        if self.lang == "ja" and self.rng.random() < 0.2:
            return Piece(written.translate(FW), "MY_NUMBER", f"mynumber {style} fullwidth")
        return Piece(written, "MY_NUMBER", f"mynumber {style}")

    def ip(self, tag: str) -> Piece:
        if tag == "v6" or self.rng.random() < 0.25:
            groups = [f"{self.rng.randint(1, 0xFFFF):x}" for _ in range(4)]
            address = ipaddress.IPv6Address(
                f"{self.pick(('2001:db8:7', 'fd00:1e', '2a02:587'))}::{':'.join(groups)}"
            )
            if tag == "port" or self.rng.random() < 0.25:  # a URL host: the brackets and port stay outside
                return Piece(
                    str(address),
                    "IP_ADDRESS",
                    "ipv6 bracket-port",
                    pre="[",
                    post=f"]:{self.pick(('1883', '8883', '443'))}",
                )
            if self.rng.random() < 0.2:
                return Piece(address.exploded, "IP_ADDRESS", "ipv6 exploded")
            return Piece(str(address), "IP_ADDRESS", "ipv6")
        if self.rng.random() < 0.6:
            head = self.pick((f"10.{self.n(0, 255)}", "192.168", f"172.{self.n(16, 31)}"))
            value = f"{head}.{self.n(0, 255)}.{self.n(1, 254)}"
            form = "ipv4 private"
        else:
            while True:
                value = ".".join(str(self.n(1, 223)) for _ in range(4))
                if ipaddress.IPv4Address(value).is_global:
                    break
            form = "ipv4 public"
        if tag == "port" or self.rng.random() < 0.15:
            return Piece(
                value, "IP_ADDRESS", f"{form} port", post=f":{self.pick(('1883', '161', '1812', '514'))}"
            )
        return Piece(value, "IP_ADDRESS", form)

    def mac(self) -> Piece:
        octets = [f"{self.rng.randint(0, 255):02x}" for _ in range(6)]
        r = self.rng.random()
        if r < 0.3:
            return Piece(":".join(octets).upper(), "MAC_ADDRESS", "mac colon caps")
        if r < 0.5:
            return Piece("-".join(octets), "MAC_ADDRESS", "mac hyphen")
        if r < 0.65:
            joined = "".join(octets)
            return Piece(".".join((joined[:4], joined[4:8], joined[8:])), "MAC_ADDRESS", "mac dotted")
        if r < 0.8:
            return Piece("".join(octets).upper(), "MAC_ADDRESS", "mac bare")
        return Piece(":".join(octets), "MAC_ADDRESS", "mac colon")
