"""Value builders of the tenth evaluation set (see :mod:`edged.privacy.evalset_tenth`): addresses,
postcodes, phones, e-mails, cards, My Numbers, IP and MAC addresses, and the hard negatives."""

from __future__ import annotations

import ipaddress
import re
import string
import unicodedata
from collections.abc import Callable

from edged.privacy.evalset import NEGATIVE
from edged.privacy.evalset_digits import kanji_number, luhn_ok, my_number_digit, my_number_ok
from edged.privacy.evalset_render import Piece, SeededValues
from edged.privacy.evalset_tenth_data import (
    CARD_BRANDS,
    CR_PARKS,
    CR_PLACES,
    EMAIL_DOMAINS,
    INTL_MASKS,
    IS_PLACES,
    JA_BUILDINGS,
    JA_PLACES,
    JP_AREAS,
    JR_PLACES,
    MT_BUILDINGS,
    MT_PLACES,
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
    NEG_UNITS_BY_KIND,
    NEG_UNITS_JA,
    NP_PLACES,
    SI_PLACES,
)
from edged.privacy.evalset_tenth_names import Names

_KANJI_DIGIT = str.maketrans("〇一二三四五六七八九", "0123456789")
_FW = str.maketrans({c: chr(ord(c) + 0xFEE0) for c in string.digits + string.ascii_letters + "-+()@.:_"})
REGIONS = ("mt", "si", "cr", "is", "np")


def phone_for_parsing(written: str) -> str:
    """The written number as phonenumbers reads it: full-width and kanji digits folded, "(0)"
    dropped, any separator a space, an 00 call prefix a +."""
    plain = unicodedata.normalize("NFKC", written).translate(_KANJI_DIGIT)
    plain = plain.replace("(0)", " ")
    plain = re.sub(r"[^\d+]", " ", plain).strip()
    return re.sub(r"^00 ?", "+", plain)


def valid_phone(number: str, region: str | None = None) -> bool:
    import phonenumbers

    try:
        return bool(phonenumbers.is_valid_number(phonenumbers.parse(number, region)))
    except phonenumbers.NumberParseException:
        return False


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


class Values(SeededValues):
    """The value builders: one seeded ``random.Random`` (and seeded Faker inside Names)."""

    def __init__(self, seed: int) -> None:
        super().__init__(seed)
        self.names = Names(self.rng, seed)

    # -- addresses of the world --------------------------------------------------------------------

    def mt_address(self) -> Piece:
        street, town, letters = self.rng.choice(MT_PLACES)
        code = f"{letters} {self.d(4, '1')}"
        number = self.n(1, 240)
        house = self.pick(("", f"{self.pick(MT_BUILDINGS)}, ", f"Flat {self.n(1, 9)}, "))
        tail = self.pick(("", ", Malta", ", MALTA"))
        return Piece(f"{house}{number}, {street}, {town} {code}{tail}", "ADDRESS", "mt-addr")

    def si_address(self) -> Piece:
        street, post, town = self.rng.choice(SI_PLACES)
        number = f"{self.n(1, 180)}{self.pick(('', '', 'a', 'b'))}"
        code = self.pick((post, f"SI-{post}"))
        tail = self.pick(("", ", Slovenija", ", Slovenia"))
        return Piece(f"{street} {number}, {code} {town}{tail}", "ADDRESS", "si-addr")

    def cr_address(self) -> Piece:
        landmark, district, province, post = self.rng.choice(CR_PLACES)
        if self.rng.random() < 0.6:  # directions from a landmark, as Costa Ricans write addresses
            metres = self.pick(("100", "200", "300", "150", "50"))
            side = self.pick(("norte", "sur", "este", "oeste"))
            extra = self.pick(
                ("", f" y 50 m {self.pick(('norte', 'oeste'))}", ", casa esquinera", ", portón negro")
            )
            head = f"De {landmark} {metres} m {side}{extra}".replace("De el ", "Del ")
            form = "cr-addr landmark"
        else:
            head = f"{self.pick(CR_PARKS)}, Edificio {self.pick(('B', 'C', 'E'))}{self.n(1, 40)}"
            form = "cr-addr park"
        code = self.pick((f" {post}", f", {post}", ""))
        if not code:
            form += " no-code"
        return Piece(
            f"{head}, {district}, {province}{code}{self.pick(('', ', Costa Rica'))}", "ADDRESS", form
        )

    def is_address(self) -> Piece:
        street, post, town = self.rng.choice(IS_PLACES)
        code = self.pick((post, f"IS-{post}"))
        return Piece(f"{street} {self.n(1, 120)}, {code} {town}{self.pick(('', ', Iceland', ', Ísland'))}",
                     "ADDRESS", "is-addr")  # fmt: skip

    def np_address(self) -> Piece:
        area, town, district, post = self.rng.choice(NP_PLACES)
        ward = self.n(1, 19)
        if self.rng.random() < 0.5:
            return Piece(f"{town}-{ward}, {area}, {district} {post}, Nepal", "ADDRESS", "np-addr ward-first")
        return Piece(
            f"{area}, Ward No. {ward}, {town} {post}{self.pick(('', ', Nepal'))}", "ADDRESS", "np-addr"
        )

    def jr_address(self) -> Piece:
        town, city, pref, zip3 = self.rng.choice(JR_PLACES)
        c, b, g = self.n(1, 5), self.n(1, 30), self.n(1, 40)
        zip_code = f"{zip3}-{self.d(4)}"
        r = self.rng.random()
        if r < 0.25:
            return Piece(f"{zip_code} {pref} {city}-shi {town} {c}-{b}-{g}", "ADDRESS", "jr-addr ja-order")
        if r < 0.5:
            room = self.pick(("", f" #{self.n(1, 9)}0{self.n(1, 8)}", f", Rm {self.n(101, 905)}"))
            return Piece(f"{c}-{b}-{g}{room} {town}, {city}, {pref} {zip_code}", "ADDRESS", "jr-addr room")
        if r < 0.7:
            return Piece(
                f"{c}-chome {b}-ban {g}-go, {town}, {city} City, {pref}-ken", "ADDRESS", "jr-addr ban-go"
            )
        return Piece(f"{c}-{b}-{g} {town}, {city}, {pref} {zip_code}, Japan", "ADDRESS", "jr-addr")

    def world_address(self) -> Piece:
        makers = (self.mt_address, self.si_address, self.cr_address, self.is_address, self.np_address)
        return self.rng.choice((*makers, self.jr_address))()

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
                f"{self.n(10, 3999)}番地{self.pick(('', f'の{self.n(1, 20)}', f'-{self.n(1, 20)}'))}",
                "banchi",
            )
        if r < 0.55:
            return f"{c}丁目{b}-{g}", "chome-hyphen"
        if r < 0.65:
            return f"{b}番{g}号", "ban-go no-chome"
        if r < 0.77:
            return f"{c}-{b}-{g}".translate(_FW), "hyphen fullwidth"
        return f"{c}-{b}-{g}", "hyphen"

    def ja_address(self, tag: str = "") -> Piece:
        pref, city, towns = self.rng.choice(JA_PLACES)
        number, shape = self._ja_number()
        building = ""
        if self.rng.random() < 0.4:
            name, room = self.pick(JA_BUILDINGS), f"{self.n(1, 12)}0{self.n(1, 9)}"
            building = self.pick(
                (
                    f"{name}{room}号室",
                    f" {name} {room}",
                    f"　{name}{room}",
                    f"{name}{self.n(2, 9)}階",
                    f" {name}B棟",
                )
            )
            shape = f"{shape} building"
        lead = pref if self.rng.random() < 0.55 else ""
        if not lead:
            shape = f"{shape} no-pref"
        value = lead + city + self.pick(towns) + number + building
        if tag == "zip":
            code = f"{self.d(3)}-{self.d(4)}"
            value = f"〒{code}{self.pick((' ', '　', ''))}{value}"
            shape = f"{shape} zip-inside"
        return Piece(value, "ADDRESS", f"ja-addr {shape}")

    def postal(self, kind: str) -> Piece:  # noqa: PLR0911 - one return per written form
        if kind == "jp" or (not kind and self.lang == "ja" and self.rng.random() < 0.65):
            code = f"{self.d(3)}-{self.d(4)}"
            r = self.rng.random()
            if r < 0.15:
                return Piece("〒" + code.translate(_FW), "POSTAL_CODE", "jp-zip mark fullwidth")
            if r < 0.25:
                return Piece(code.replace("-", ""), "POSTAL_CODE", "jp-zip nohyphen")
            mark = self.rng.random() < 0.5
            return Piece(("〒" if mark else "") + code, "POSTAL_CODE", "jp-zip" + (" mark" if mark else ""))
        region = kind or self.pick(REGIONS)
        if region == "mt":
            return Piece(f"{self.rng.choice(MT_PLACES)[2]} {self.d(4, '1')}", "POSTAL_CODE", "mt-postcode")
        if region == "si":
            return Piece(self.pick(("", "SI-")) + self.rng.choice(SI_PLACES)[1], "POSTAL_CODE", "si-postcode")
        if region == "cr":
            return Piece(self.rng.choice(CR_PLACES)[3], "POSTAL_CODE", "cr-postcode")
        if region == "is":
            return Piece(self.pick(("", "IS-")) + self.rng.choice(IS_PLACES)[1], "POSTAL_CODE", "is-postcode")
        return Piece(self.rng.choice(NP_PLACES)[3], "POSTAL_CODE", "np-postcode")

    # -- phones (every value checked with phonenumbers) --------------------------------------------

    def _until_valid(self, make: Callable[[], tuple[str, str | None]]) -> str:
        for _ in range(500):
            written, region = make()
            if valid_phone(phone_for_parsing(written), region):
                return written
        raise RuntimeError("no valid phone number in 500 draws")  # a mask above is wrong

    def jp_phone(self) -> Piece:
        kind = self.rng.choices(("landline", "mobile", "ip"), (50, 40, 10))[0]
        styles = ("hyphen", "paren-area", "plus81", "plus81-0", "bare", "idd010")
        style = self.rng.choices(styles, (45, 14, 13, 8, 12, 8))[0]

        def make() -> tuple[str, str | None]:
            if kind == "landline":
                area = self.pick(JP_AREAS)
                head, mid = area, self.d(5 - len(area), "23456789")
            elif kind == "ip":
                head, mid = "50", self.d(4, "123456789")
            else:
                head, mid = self.pick(("90", "80", "70")), self.d(4, "123456789")
            last = self.d(4)
            written = {
                "hyphen": f"0{head}-{mid}-{last}",
                "paren-area": f"0{head}({mid}){last}",
                "plus81": f"+81 {head}-{mid}-{last}",
                "plus81-0": f"+81 (0){head} {mid} {last}",
                "bare": f"0{head}{mid}{last}",
                "idd010": f"010-81-{head}-{mid}-{last}",
            }[style]
            return written, "JP"

        written = self._until_valid(make)
        form = f"jp-{kind} {style}"
        if self.lang == "ja" and style in ("hyphen", "bare"):
            r = self.rng.random()
            if r < 0.2:
                return Piece(written.translate(_FW), "PHONE", f"{form} fullwidth")
            if r < 0.3 and style == "hyphen":
                kanji = written.translate(str.maketrans("0123456789-", "〇一二三四五六七八九－"))
                return Piece(kanji, "PHONE", f"{form} kanji-digits")
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
            return f"{trunk}{nsn}", region

        return Piece(self._until_valid(make), "PHONE", f"intl-{region.lower()} {style}")

    def phone(self, tag: str) -> Piece:
        if tag == "ext":
            piece = self.jp_phone() if self.lang == "ja" or self.rng.random() < 0.35 else self.intl()
            ext = self.d(self.n(2, 4), "123456789")
            piece.post = (
                self.pick((f" 内線{ext}", f"（内線{ext}）", f" 内{ext}"))
                if self.lang == "ja"
                else self.pick((f" ext. {ext}", f" x{ext}", f" (ext {ext})", f" int. {ext}"))
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
        g = re.sub(r"[^a-z]", "", unicodedata.normalize("NFKD", given.split()[0]).lower()) or "ops"
        f = re.sub(r"[^a-z']", "", unicodedata.normalize("NFKD", family.split()[-1]).lower()) or "desk"
        f = f.strip("'") or "desk"
        local = self.pick((f"{g}.{f}", f"{g[0]}{f}", f"{f}_{g}", f"{g}{self.n(1, 99)}", f"{g}-{f}"))
        domain = self.pick(EMAIL_DOMAINS)
        form = f"mail-{source.split('-')[0]}"
        if tag == "odd":
            r = self.rng.random()
            if r < 0.2:
                box = self.pick(("8d", "loto", "cal", "asn", "noreply"))
                return Piece(f"{local}+{box}@{domain}", "EMAIL", f"{form} plus-tag")
            if r < 0.35:
                return Piece(
                    f"{f}.{g}@{self.pick(('mx1', 'plant3', 'hr'))}.{domain}", "EMAIL", f"{form} subdomain"
                )
            if r < 0.5:
                return Piece(
                    f"{local} (at) {domain.replace('.', ' (dot) ')}", "EMAIL", f"{form} obfuscated-paren"
                )
            if r < 0.62:
                return Piece(f"{local}[at]{domain}", "EMAIL", f"{form} obfuscated")
            if r < 0.74:
                return Piece(f"{g.upper()}.{f.upper()}@{domain.upper()}", "EMAIL", f"{form} caps")
            if r < 0.86:
                return Piece(f"{g}.{f}.{self.d(2)}@{domain}", "EMAIL", f"{form} digits")
            return Piece(f"{g[0]}_{f}__ext@{domain}", "EMAIL", f"{form} underscores")
        value = f"{local}@{domain}"
        if tag == "mailto":
            return Piece(value, "EMAIL", f"{form} mailto", pre="mailto:")
        if tag == "angle":
            return Piece(value, "EMAIL", f"{form} angle", pre="<", post=">")
        if self.lang == "ja" and self.rng.random() < 0.15:
            return Piece(value.replace("@", "＠"), "EMAIL", f"{form} fullwidth-at")
        if self.lang == "ja" and self.rng.random() < 0.1:
            return Piece(value.translate(_FW), "EMAIL", f"{form} fullwidth")
        return Piece(value, "EMAIL", form)

    def card(self, tag: str) -> Piece:
        brand, prefixes, lengths = self.rng.choice(CARD_BRANDS)
        length = self.rng.choice(lengths)
        body = self.pick(prefixes)
        body += self.d(length - 1 - len(body))
        digits = next(body + c for c in string.digits if luhn_ok(body + c))
        style = tag or self.rng.choices(("space", "hyphen", "bare", "dot"), (42, 28, 22, 8))[0]
        if brand in ("amex", "uatp") and style in ("space", "hyphen"):
            sep = " " if style == "space" else "-"
            written = sep.join((digits[:4], digits[4:10], digits[10:]))
        elif style == "bare":
            written = digits
        else:
            sep = {"space": " ", "hyphen": "-", "dot": "."}[style]
            written = sep.join(digits[i : i + 4] for i in range(0, len(digits), 4))
        if self.lang == "ja" and self.rng.random() < 0.15:
            return Piece(written.translate(_FW), "CARD_NUMBER", f"card-{brand} {style} fullwidth")
        return Piece(written, "CARD_NUMBER", f"card-{brand} {style}")

    def my_number(self) -> Piece:
        body = self.d(11)
        digits = body + my_number_digit(body)
        style = self.rng.choices(("space", "hyphen", "bare"), (30, 35, 35))[0]
        sep = {"space": " ", "hyphen": "-", "bare": ""}[style]
        written = sep.join((digits[:4], digits[4:8], digits[8:]))
        if self.lang == "ja" and self.rng.random() < 0.2:
            return Piece(written.translate(_FW), "MY_NUMBER", f"mynumber {style} fullwidth")
        return Piece(written, "MY_NUMBER", f"mynumber {style}")

    def ip(self, tag: str) -> Piece:  # noqa: PLR0911 - one return per written form
        r = self.rng.random()
        if tag == "v6" or r < 0.22:
            groups = [f"{self.rng.randint(0, 0xFFFF):x}" for _ in range(4)]
            head = self.pick(("2001:db8:4a", "fd12:3456", "2a00:1450", "fe80"))
            address = ipaddress.IPv6Address(f"{head}::{':'.join(groups)}")
            if self.rng.random() < 0.2:
                return Piece(address.exploded, "IP_ADDRESS", "ipv6 exploded")
            if self.rng.random() < 0.2:
                return Piece(str(address).upper(), "IP_ADDRESS", "ipv6 caps")
            if head == "fe80" and self.rng.random() < 0.5:
                return Piece(
                    str(address), "IP_ADDRESS", "ipv6 zone", post=f"%{self.pick(('eth1', '3', 'wlan0'))}"
                )
            return Piece(str(address), "IP_ADDRESS", "ipv6")
        if r < 0.28:
            return Piece(f"::ffff:192.168.{self.n(0, 255)}.{self.n(1, 254)}", "IP_ADDRESS", "ipv6 v4-mapped")
        if r < 0.7:
            head = self.pick((f"10.{self.n(0, 255)}", "192.168", f"172.{self.n(16, 31)}"))
            value = f"{head}.{self.n(0, 255)}.{self.n(1, 254)}"
            form = "ipv4 private"
        else:
            while True:
                value = ".".join(str(self.n(1, 223)) for _ in range(4))
                if ipaddress.IPv4Address(value).is_global:
                    break
            form = "ipv4 public"
        if tag == "port" or (not tag and self.rng.random() < 0.12):
            port = self.pick(("502", "44818", "102", "20000", "8443"))
            return Piece(value, "IP_ADDRESS", f"{form} port", post=f":{port}")
        if tag == "cidr":
            return Piece(value, "IP_ADDRESS", f"{form} prefix", post=f"/{self.pick(('24', '32', '28'))}")
        return Piece(value, "IP_ADDRESS", form)

    def mac(self) -> Piece:
        octets = [f"{self.rng.randint(0, 255):02x}" for _ in range(6)]
        r = self.rng.random()
        if r < 0.3:
            return Piece(":".join(octets).upper(), "MAC_ADDRESS", "mac colon caps")
        if r < 0.5:
            return Piece("-".join(octets).upper(), "MAC_ADDRESS", "mac hyphen caps")
        if r < 0.65:
            joined = "".join(octets)
            return Piece(".".join((joined[:4], joined[4:8], joined[8:])), "MAC_ADDRESS", "mac dotted")
        if r < 0.8:
            return Piece("".join(octets), "MAC_ADDRESS", "mac bare")
        return Piece(":".join(octets), "MAC_ADDRESS", "mac colon")


# -- hard negatives --------------------------------------------------------------------------------


def _date(values: Values) -> str:
    rng = values.rng
    y, m, dd = rng.randint(2025, 2028), rng.randint(1, 12), rng.randint(1, 28)
    if values.lang == "ja":
        return values.pick(
            (f"{y}年{m}月{dd}日", f"{m}月{dd}日", f"R{y - 2018}.{m}.{dd}", f"{y}/{m:02d}/{dd:02d}")
        )
    month = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")[m - 1]
    return values.pick(
        (
            f"{dd} {month} {y}",
            f"{month}-{dd}",
            f"{y}{m:02d}{dd:02d}",
            f"{m}/{dd}/{y}",
            f"wk {rng.randint(1, 52)}",
        )
    )


def _time(values: Values) -> str:
    h, mm = values.rng.randint(0, 23), values.rng.randint(0, 59)
    if values.lang == "ja":
        return values.pick((f"{h}時{mm}分", f"{h:02d}:{mm:02d}", f"{h}:{mm:02d}頃"))
    return values.pick(
        (f"{h:02d}:{mm:02d}", f"{h:02d}{mm:02d}h", f"{h % 12 + 1}:{mm:02d} {values.pick(('am', 'pm'))}")
    )


def _order(values: Values) -> str:
    """A delivery-note, ASN or order number of 9-15 digits that is not a card (Luhn fails)."""
    digits = values.d(values.rng.randint(9, 15), "456789")
    if luhn_ok(digits):
        digits = digits[:-1] + str((int(digits[-1]) + 1) % 10)
    head = (
        values.pick(("DN ", "PO ", "BOL-", ""))
        if values.lang == "en"
        else values.pick(("注文No.", "納品書番号", "PO"))
    )
    return head + digits


def _figure(values: Values) -> str:
    rng = values.rng
    if values.lang == "ja":
        return values.pick(
            (f"{rng.randint(2, 99)},{rng.randint(100, 999)}円", f"{rng.randint(1, 99)}.{rng.randint(0, 9)}%",
             f"{rng.randint(1, 40)}件")
        )  # fmt: skip
    return values.pick(
        (f"EUR {rng.randint(100, 9999)}", f"{rng.randint(1, 99)}.{rng.randint(0, 9)}%",
         f"{rng.randint(2, 400)} pcs", f"ISK {rng.randint(10, 999)},000")
    )  # fmt: skip


def _negative_value(values: Values, kind: str, tag: str = "") -> str:
    ja, rng = values.lang == "ja", values.rng
    if kind == "unit" and tag:
        return values.pick(NEG_UNITS_BY_KIND[tag][ja])
    tables = {
        "machine": NEG_MACHINES_JA if ja and rng.random() < 0.7 else NEG_MACHINES,
        "unit": NEG_UNITS_JA if ja and rng.random() < 0.7 else NEG_UNITS,
        "place": NEG_PLACES_JA if ja else NEG_PLACES,
        "maker": NEG_MAKERS_JA if ja and rng.random() < 0.6 else NEG_MAKERS,
        "namelike": NEG_NAMELIKE_JA if ja else NEG_NAMELIKE,
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
        d1=d(1, "123456789"), d2=d(2), d3=d(3), d4=d(4), d5=d(5), d6=d(6),
        L=rng.choice("ABCDEFGHJKLMNPRSTUVWXZ"), y=rng.choice(("25", "26", "27")),
        m=f"{rng.randint(1, 12):02d}",
    )  # fmt: skip


def negative(values: Values, kind: str, tag: str = "") -> Piece:
    for _ in range(200):
        value = _negative_value(values, kind, tag)
        if negative_is_safe(value):
            return Piece(value, NEGATIVE, f"{kind} {tag}".strip())
    raise RuntimeError(f"no safe {kind} negative in 200 draws")


# -- slots -----------------------------------------------------------------------------------------


def fill_slot(values: Values, name: str, tag: str) -> Piece:
    if name.startswith("n_"):
        return negative(values, name[2:], tag)
    if name == "num":
        return Piece(str(values.rng.randint(2, 48)))
    names = values.names
    builders: dict[str, Callable[[], Piece]] = {
        "p": lambda: names.write_japanese(tag) if values.lang == "ja" else names.write_latin(tag),
        "pw": lambda: names.write_latin(tag),
        "pjr": lambda: names.write_latin(tag, romaji=True),
        "pk": names.write_katakana,
        "addr": values.world_address,
        "addr_mt": values.mt_address,
        "addr_si": values.si_address,
        "addr_cr": values.cr_address,
        "addr_is": values.is_address,
        "addr_np": values.np_address,
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
