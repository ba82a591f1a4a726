"""Value builders of the ninth evaluation set (see :mod:`edged.privacy.evalset_ninth`): addresses,
postcodes, phones, e-mails, cards, My Numbers, IP and MAC addresses, and the hard negatives."""

from __future__ import annotations

import ipaddress
import re
import string
import unicodedata
from collections.abc import Callable

from edged.privacy.evalset import NEGATIVE
from edged.privacy.evalset_digits import kanji_number, luhn_ok, my_number_digit, my_number_ok
from edged.privacy.evalset_ninth_data import (
    AM_PLACES,
    CARD_BRANDS,
    EC_PLACES,
    EMAIL_DOMAINS,
    GE_PLACES,
    INTL_MASKS,
    JA_BUILDINGS,
    JA_PLACES,
    JP_AREAS,
    JR_PLACES,
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
    TN_PLACES,
    UY_PLACES,
)
from edged.privacy.evalset_ninth_names import Names
from edged.privacy.evalset_render import Piece, SeededValues

# -- check digits: edged.privacy.evalset_digits, shared by the hand-written sets, none with the detectors


_KANJI_DIGIT = str.maketrans("〇一二三四五六七八九", "0123456789")


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


_FW = str.maketrans({c: chr(ord(c) + 0xFEE0) for c in string.digits + string.ascii_letters + "-+()@.:_"})

class Values(SeededValues):
    """The value builders: one seeded ``random.Random`` (and seeded Faker/mimesis inside Names)."""

    def __init__(self, seed: int) -> None:
        super().__init__(seed)
        self.names = Names(self.rng, seed)

    # -- addresses of the world --------------------------------------------------------------------

    def ge_address(self) -> Piece:
        street, post, city = self.rng.choice(GE_PLACES)
        number = self.n(1, 160)
        if self.rng.random() < 0.45:  # Georgian order: city and postcode first
            return Piece(f"{post} {city}, {street} {number}", "ADDRESS", "ge-addr city-first")
        tail = self.pick(("", ", Georgia", ", GEORGIA"))
        return Piece(f"{number} {street}, {city} {post}{tail}", "ADDRESS", "ge-addr")

    def am_address(self) -> Piece:
        street, post, city = self.rng.choice(AM_PLACES)
        number = self.n(1, 90)
        flat = self.pick(("", f", apt. {self.n(1, 80)}", f", office {self.n(101, 905)}"))
        if self.rng.random() < 0.4:
            return Piece(f"{city} {post}, {street} {number}{flat}", "ADDRESS", "am-addr city-first")
        tail = self.pick(("", ", Armenia", ", Republic of Armenia"))
        return Piece(f"{number} {street}{flat}, {city} {post}{tail}", "ADDRESS", "am-addr")

    def uy_address(self) -> Piece:
        street, post, city, dept = self.rng.choice(UY_PLACES)
        number = "" if "km" in street else f" {self.n(800, 4999)}"
        flat = (
            self.pick(("", f", apto. {self.n(101, 1204)}", f" bis, local {self.n(1, 9)}")) if number else ""
        )
        place = f"{post} {city}" + (f", {dept}" if dept else "")
        return Piece(f"{street}{number}{flat}, {place}{self.pick(('', ', Uruguay'))}", "ADDRESS", "uy-addr")

    def ec_address(self) -> Piece:
        main, cross, city, post = self.rng.choice(EC_PLACES)
        if city == "Quito":
            block = f"{self.pick(('N', 'S', 'Oe', 'E'))}{self.n(10, 54)}-{self.n(10, 480)}"
            head = f"{main} {block} y {cross}"
        else:
            head = f"{main} y {cross}"
        tower = self.pick(("Torre Azul", "Sarmiento", "La Previsora"))
        building = self.pick(("", f", Edificio {tower}, of. {self.n(1, 12)}0{self.n(1, 8)}"))
        code = self.pick((post, f"EC{post}"))
        return Piece(f"{head}{building}, {city} {code}{self.pick(('', ', Ecuador'))}", "ADDRESS", "ec-addr")

    def tn_address(self) -> Piece:
        street, zone, post, town = self.rng.choice(TN_PLACES)
        number = self.n(1, 120)
        zone_part = f", {zone}" if zone else ""
        return Piece(
            f"{number} {street}{zone_part}, {post} {town}{self.pick(('', ', Tunisie', ', Tunisia'))}",
            "ADDRESS",
            "tn-addr",
        )

    def jr_address(self) -> Piece:
        town, city, pref, zip3 = self.rng.choice(JR_PLACES)
        c, b, g = self.n(1, 5), self.n(1, 30), self.n(1, 40)
        zip_code = f"{zip3}-{self.d(4)}"
        r = self.rng.random()
        if r < 0.3:  # Japanese order in Latin letters
            return Piece(f"{pref}-ken {city}-shi {town} {c}-{b}-{g}", "ADDRESS", "jr-addr ja-order")
        if r < 0.55:
            return Piece(
                f"{c}-chome {b}-{g} {town}, {city}-shi, {pref} {zip_code}", "ADDRESS", "jr-addr chome"
            )
        return Piece(f"{c}-{b}-{g} {town}, {city}, {pref} {zip_code}, Japan", "ADDRESS", "jr-addr")

    def world_address(self) -> Piece:
        makers = (self.ge_address, self.am_address, self.uy_address, self.ec_address, self.tn_address)
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
                f"{self.n(100, 4999)}番地{self.pick(('', f'の{self.n(1, 12)}', f'{self.n(1, 12)}'))}",
                "banchi",
            )
        if r < 0.55:
            return f"{c}丁目{b}-{g}", "chome-hyphen"
        if r < 0.65:
            return f"{self.n(100, 2999)}-{self.n(1, 40)}", "lot-hyphen"
        if r < 0.77:
            return f"{c}-{b}-{g}".translate(_FW), "hyphen fullwidth"
        return f"{c}-{b}-{g}", "hyphen"

    def ja_address(self, tag: str = "") -> Piece:
        pref, city, towns = self.rng.choice(JA_PLACES)
        number, shape = self._ja_number()
        building = ""
        if self.rng.random() < 0.35:
            name, room = self.pick(JA_BUILDINGS), f"{self.n(1, 9)}0{self.n(1, 8)}"
            building = self.pick(
                (f"{name}{room}号室", f" {name} {room}", f"　{name}{room}", f"{name}{self.n(2, 9)}F")
            )
            shape = f"{shape} building"
        lead = pref if self.rng.random() < 0.6 else ""
        if not lead:
            shape = f"{shape} no-pref"
        value = lead + city + self.pick(towns) + number + building
        if tag == "zip":
            code = f"{self.d(3)}-{self.d(4)}"
            value = f"〒{code}{self.pick((' ', '　', ''))}{value}"
            shape = f"{shape} zip-inside"
        return Piece(value, "ADDRESS", f"ja-addr {shape}")

    def postal(self, kind: str) -> Piece:  # noqa: PLR0911 - one return per written form
        if kind == "jp" or (not kind and self.lang == "ja" and self.rng.random() < 0.7):
            code = f"{self.d(3)}-{self.d(4)}"
            r = self.rng.random()
            if r < 0.15:
                return Piece("〒" + code.translate(_FW), "POSTAL_CODE", "jp-zip mark fullwidth")
            if r < 0.25:
                return Piece(code.replace("-", ""), "POSTAL_CODE", "jp-zip nohyphen")
            mark = self.rng.random() < 0.5
            return Piece(("〒" if mark else "") + code, "POSTAL_CODE", "jp-zip" + (" mark" if mark else ""))
        region = kind or self.pick(("ge", "am", "uy", "ec", "tn"))
        if region == "ge":
            return Piece(self.rng.choice(GE_PLACES)[1], "POSTAL_CODE", "ge-postcode")
        if region == "am":
            return Piece(self.rng.choice(AM_PLACES)[1], "POSTAL_CODE", "am-postcode")
        if region == "uy":
            return Piece(self.rng.choice(UY_PLACES)[1], "POSTAL_CODE", "uy-postcode")
        if region == "ec":
            return Piece(self.pick(("", "EC")) + self.rng.choice(EC_PLACES)[3], "POSTAL_CODE", "ec-postcode")
        return Piece(self.rng.choice(TN_PLACES)[2], "POSTAL_CODE", "tn-postcode")

    # -- phones (every value checked with phonenumbers) --------------------------------------------

    def _until_valid(self, make: Callable[[], tuple[str, str | None]]) -> str:
        for _ in range(500):
            written, region = make()
            if valid_phone(phone_for_parsing(written), region):
                return written
        raise RuntimeError("no valid phone number in 500 draws")  # a mask above is wrong

    def jp_phone(self) -> Piece:
        kind = self.rng.choices(("landline", "mobile"), (50, 50))[0]
        styles = ("hyphen", "paren-area", "plus81", "plus81-0", "bare", "dots")
        style = self.rng.choices(styles, (42, 14, 12, 10, 12, 10))[0]

        def make() -> tuple[str, str | None]:
            if kind == "landline":
                area = self.pick(JP_AREAS)
                head, mid = area, self.d(5 - len(area), "23456789")
            else:
                head, mid = self.pick(("90", "80", "70")), self.d(4, "123456789")
            last = self.d(4)
            written = {
                "hyphen": f"0{head}-{mid}-{last}",
                "paren-area": f"0{head}({mid}){last}",
                "plus81": f"+81 {head} {mid} {last}",
                "plus81-0": f"+81-(0){head}-{mid}-{last}",
                "bare": f"0{head}{mid}{last}",
                "dots": f"0{head}.{mid}.{last}",
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
        style = self.rng.choices(("plus", "plus-0", "idd00", "national"), (45, 12, 13, 30))[0]
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
            return f"{trunk}{nsn}", region

        return Piece(self._until_valid(make), "PHONE", f"intl-{region.lower()} {style}")

    def phone(self, tag: str) -> Piece:
        if tag == "ext":
            piece = self.jp_phone() if self.lang == "ja" or self.rng.random() < 0.4 else self.intl()
            ext = self.d(self.n(2, 4), "123456789")
            piece.post = (
                self.pick((f" 内線{ext}", f"（内線{ext}）"))
                if self.lang == "ja"
                else self.pick((f" ext. {ext}", f" x{ext}", f" (ext {ext})"))
            )
            piece.form += " ext-outside"
            return piece
        if tag == "jp" or (not tag and self.lang == "ja" and self.rng.random() < 0.7):
            return self.jp_phone()
        if tag:
            return self.intl(tag)
        return self.intl() if self.rng.random() < 0.7 else self.jp_phone()

    # -- the rest ----------------------------------------------------------------------------------

    def email(self, tag: str) -> Piece:  # noqa: PLR0911 - one return per written form
        given, family, source = self.names.latin()
        g = re.sub(r"[^a-z]", "", unicodedata.normalize("NFKD", given.split()[0]).lower()) or "ops"
        f = re.sub(r"[^a-z]", "", unicodedata.normalize("NFKD", family.split()[-1]).lower()) or "desk"
        local = self.pick((f"{g}.{f}", f"{g[0]}{f}", f"{f}_{g}", f"{g}{self.n(1, 99)}", f"{f}-{g[0]}"))
        domain = self.pick(EMAIL_DOMAINS)
        form = f"mail-{source.split('-')[0]}"
        if tag == "odd":
            r = self.rng.random()
            if r < 0.25:
                return Piece(
                    f"{local}+{self.pick(('rfq', 'moc', 'lims', 'ooo'))}@{domain}",
                    "EMAIL",
                    f"{form} plus-tag",
                )
            if r < 0.45:
                return Piece(
                    f"{f}.{g}@{self.pick(('dept', 'site2', 'qa'))}.{domain}", "EMAIL", f"{form} subdomain"
                )
            if r < 0.6:
                return Piece(f"{local} (at) {domain}", "EMAIL", f"{form} obfuscated-paren")
            if r < 0.75:
                return Piece(f"{local} [at] {domain.replace('.', ' [dot] ')}", "EMAIL", f"{form} obfuscated")
            if r < 0.88:
                return Piece(f"{g.capitalize()}.{f.upper()}@{domain.upper()}", "EMAIL", f"{form} mixed-case")
            return Piece(f"{self.d(3)}.{f}@{domain}", "EMAIL", f"{form} digits-first")
        value = f"{local}@{domain}"
        if tag == "mailto":
            return Piece(value, "EMAIL", f"{form} mailto", pre="mailto:")
        if tag == "angle":
            return Piece(value, "EMAIL", f"{form} angle", pre="<", post=">")
        if self.lang == "ja" and self.rng.random() < 0.15:
            return Piece(value.replace("@", "＠"), "EMAIL", f"{form} fullwidth-at")
        if self.lang == "ja" and self.rng.random() < 0.12:
            return Piece(value.translate(_FW), "EMAIL", f"{form} fullwidth")
        return Piece(value, "EMAIL", form)

    def card(self, tag: str) -> Piece:
        brand, prefixes, lengths = self.rng.choice(CARD_BRANDS)
        length = self.rng.choice(lengths)
        body = self.pick(prefixes)
        body += self.d(length - 1 - len(body))
        digits = next(body + c for c in string.digits if luhn_ok(body + c))
        style = tag or self.rng.choices(("space", "hyphen", "bare", "dot"), (42, 30, 20, 8))[0]
        if brand == "amex" and style in ("space", "hyphen"):
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

    def ip(self, tag: str) -> Piece:
        r = self.rng.random()
        if tag == "v6" or r < 0.2:
            groups = [f"{self.rng.randint(0, 0xFFFF):x}" for _ in range(4)]
            head = self.pick(("2001:db8", "fd00:ab", "2a02:c7f", "fe80"))
            address = ipaddress.IPv6Address(f"{head}::{':'.join(groups)}")
            if self.rng.random() < 0.25:
                return Piece(address.exploded, "IP_ADDRESS", "ipv6 exploded")
            if head == "fe80" and self.rng.random() < 0.5:
                return Piece(
                    str(address), "IP_ADDRESS", "ipv6 zone", post=f"%{self.pick(('eth0', '12', 'en1'))}"
                )
            return Piece(str(address), "IP_ADDRESS", "ipv6")
        if r < 0.27:
            value = f"::ffff:10.{self.n(0, 255)}.{self.n(0, 255)}.{self.n(1, 254)}"
            return Piece(value, "IP_ADDRESS", "ipv6 v4-mapped")
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
            port = self.pick(("502", "4840", "1883", "8883", "47808"))
            return Piece(value, "IP_ADDRESS", f"{form} port", post=f":{port}")
        return Piece(value, "IP_ADDRESS", form)

    def mac(self) -> Piece:
        octets = [f"{self.rng.randint(0, 255):02x}" for _ in range(6)]
        r = self.rng.random()
        if r < 0.3:
            return Piece(":".join(octets).upper(), "MAC_ADDRESS", "mac colon caps")
        if r < 0.5:
            return Piece("-".join(octets), "MAC_ADDRESS", "mac hyphen lower")
        if r < 0.65:
            joined = "".join(octets)
            return Piece(".".join((joined[:4], joined[4:8], joined[8:])), "MAC_ADDRESS", "mac dotted")
        if r < 0.8:
            return Piece("".join(octets).upper(), "MAC_ADDRESS", "mac bare caps")
        return Piece(":".join(octets), "MAC_ADDRESS", "mac colon")


# -- hard negatives --------------------------------------------------------------------------------


def _date(values: Values) -> str:
    rng = values.rng
    y, m, dd = rng.randint(2025, 2028), rng.randint(1, 12), rng.randint(1, 28)
    if values.lang == "ja":
        return values.pick(
            (f"{y}年{m}月{dd}日", f"{m}/{dd}", f"令和{y - 2018}年{m}月{dd}日", f"{y}.{m:02d}.{dd:02d}")
        )
    month = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")[m - 1]
    return values.pick(
        (
            f"{dd}-{month}-{y}",
            f"{month} {dd}",
            f"{y}-{m:02d}-{dd:02d}",
            f"{dd}.{m:02d}.{y}",
            f"KW{rng.randint(1, 52)}",
        )
    )


def _time(values: Values) -> str:
    h, mm = values.rng.randint(0, 23), values.rng.randint(0, 59)
    if values.lang == "ja":
        return values.pick((f"{h}時{mm}分", f"{h:02d}:{mm:02d}", f"{h}:{mm:02d}頃"))
    return values.pick(
        (f"{h:02d}:{mm:02d}", f"{h:02d}:{mm:02d}:{values.rng.randint(0, 59):02d}", f"T{h:02d}{mm:02d}Z")
    )


def _order(values: Values) -> str:
    """An invoice, receipt or sales-order number of 9-15 digits that is not a card (Luhn fails)."""
    digits = values.d(values.rng.randint(9, 15), "456789")
    if luhn_ok(digits):
        digits = digits[:-1] + str((int(digits[-1]) + 1) % 10)
    head = (
        values.pick(("INV ", "SO-", "No. ", ""))
        if values.lang == "en"
        else values.pick(("No.", "伝票番号", "INV"))
    )
    return head + digits


def _figure(values: Values) -> str:
    rng = values.rng
    if values.lang == "ja":
        return values.pick(
            (
                f"{rng.randint(2, 9)},{rng.randint(100, 999)}円",
                f"{rng.randint(1, 99)}.{rng.randint(0, 9)}%",
                f"{rng.randint(10, 999)}千円",
            )
        )
    return values.pick(
        (
            f"EUR {rng.randint(1, 99)},{rng.randint(100, 999)}",
            f"{rng.randint(1, 99)}.{rng.randint(0, 9)} %",
            f"USD {rng.randint(100, 9999)}.50",
        )
    )


def _negative_value(values: Values, kind: str) -> str:
    ja, rng = values.lang == "ja", values.rng
    tables = {
        "machine": NEG_MACHINES_JA if ja and rng.random() < 0.7 else NEG_MACHINES,
        "unit": NEG_UNITS_JA if ja and rng.random() < 0.7 else NEG_UNITS,
        "place": NEG_PLACES_JA if ja else NEG_PLACES,
        "maker": NEG_MAKERS_JA if ja and rng.random() < 0.7 else NEG_MAKERS,
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
        d1=d(1), d2=d(2), d3=d(3), d4=d(4), d5=d(5), d6=d(6), L=rng.choice("ABCDEFGHJKLMNPRSTUVWXZ"),
        y=rng.choice(("25", "26", "27")), m=f"{rng.randint(1, 12):02d}",
    )  # fmt: skip


def negative(values: Values, kind: str) -> Piece:
    for _ in range(200):
        value = _negative_value(values, kind)
        if negative_is_safe(value):
            return Piece(value, NEGATIVE, kind)
    raise RuntimeError(f"no safe {kind} negative in 200 draws")


# -- slots -----------------------------------------------------------------------------------------


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
        "addr_ge": values.ge_address,
        "addr_am": values.am_address,
        "addr_uy": values.uy_address,
        "addr_ec": values.ec_address,
        "addr_tn": values.tn_address,
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
