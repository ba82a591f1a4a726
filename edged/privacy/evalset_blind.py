"""The "blind" labeled evaluation set: a seventh author's plant text, written without seeing the detectors.

Written by a helper session acting as an independent author. Its author did NOT read the detectors
or their word lists (persons, names_*, addresses*, phones, structured, strict, makers, redactor,
detector, registry, morphology, normalize, checks ...), did not run the redactor on this set and
never scored it: its first score is taken by someone else. Read were only the Sample/Label format
(:mod:`edged.privacy.evalset`), the scorer (:mod:`edged.privacy.evaluate`), the CLI, and the other
evalset_* modules, to learn the conventions and to stay away from their sources.

Text kinds: shift handovers, maintenance logs, SCADA alarm notes (ALL CAPS), visitor logs, e-mail
snippets with signatures, chat lines with timestamps and handles, CSV / semicolon / pipe log lines
with headers, badge-reader exports and payroll rows; in Japanese 申し送り, 保全日誌, 警報メモ, 入門記録,
メール抜粋, 社内チャット, CSV出力 (with half-width katakana, as legacy systems write them) and 給与データ.
About one sentence in four holds hard negatives only.

Label conventions (those of the fresh and unseen sets): ``text[start:end] == value``; labels never
overlap. PERSON is the name only (titles, honorifics, role words, "per", "cc:", "@" and the
possessive 's stay outside; a middle initial and "Jr." are inside). ADDRESS is the whole address,
with its postcode when written inside it; a postcode on its own is POSTAL_CODE (its 〒 inside).
PHONE holds its international prefix; "TEL", "tel:" and "(代)" stay outside. IP_ADDRESS is the address
only (a port, a /prefix or a %zone stays outside). ``form``'s first tag names the builder or
source (``hand-ghanaian``, ``faker-fr_DZ``, ``ja-halfwidth``, ``ca-addr``, ``intl-nz`` ...), later
tags how it was written (caps, lower, init, capsfam, comma, hon, role, fullwidth, kanji-num ...).
"""

from __future__ import annotations

import ipaddress
import random
import re
import string
import unicodedata
from collections.abc import Callable

from edged.errors import MissingExtra
from edged.privacy.evalset import NEGATIVE, Sample
from edged.privacy.evalset_blind_data import (
    BR_PLACES,
    CA_PLACES,
    EMAIL_DOMAINS,
    HAND_NAMES,
    INTL_MASKS,
    JA_BUILDINGS,
    JA_FAMILY_COMMON,
    JA_FAMILY_RARE,
    JA_GIVEN,
    JA_GIVEN_HIRAGANA,
    JA_HALFWIDTH_FULL,
    JA_HIRAGANA_FULL,
    JA_HONORIFICS,
    JA_KATAKANA_FOREIGN,
    JA_KATAKANA_FULL,
    JA_PLACES,
    JA_ROLES,
    JP_AREAS,
    JR_PLACES,
    NEG_LOTS,
    NEG_MACHINES,
    NEG_MACHINES_JA,
    NEG_MAKERS,
    NEG_MAKERS_JA,
    NEG_MODELS,
    NEG_NAMELIKE,
    NEG_NAMELIKE_JA,
    NEG_PARTS,
    NEG_PARTS_JA,
    NEG_PLACES,
    NEG_PLACES_JA,
    NEG_PRODUCTS,
    NEG_TICKETS,
    NEG_UNITS,
    NEG_UNITS_JA,
    NZ_PLACES,
    PH_PLACES,
    PL_PLACES,
    QC_PLACES,
    ROMAJI_FAMILY,
    ROMAJI_GIVEN,
    SG_BUILDINGS,
    SG_STREETS,
    TH_PLACES,
    TR_PLACES,
)
from edged.privacy.evalset_digits import kanji_number, luhn_ok, my_number_digit, my_number_ok
from edged.privacy.evalset_render import Piece, SeededValues, deal, render

FAKER_NAME_LOCALES = ("fr_DZ", "de_LI", "de_LU")
MIMESIS_NAME_LOCALES = ("de-ch", "nl-be")
SOURCES: dict[str, str] = {
    "faker": "Faker 40.63.0 person names of fr_DZ (Algerian given and family names) and the family "
    "names of de_LI and de_LU (their given names are placeholders, so given names come from mimesis "
    "de-ch); no other set drew from these locales, and no Faker address, phone or e-mail provider is used",
    "mimesis": "mimesis 22.2.0 person names of de-ch and nl-be (locales neither the fresh nor the "
    "unseen set used)",
    "hand-written": "evalset_blind_data.py, written for this set: Ghanaian (Akan, Ga, Ewe), Ethiopian, "
    "Filipino (middle initials, dela/de los, Jr.), Brazilian, Polish (diacritics, double surnames), "
    "Turkish, Iranian, Indonesian (mononyms), Thai romanisations, Georgian and Armenian, Kenyan and "
    "American names (middle initials, hyphens, names that are also places); romanised Japanese names; "
    "Japanese common and rare surnames, kanji and hiragana given names, full names in hiragana, "
    "katakana and half-width katakana, katakana foreign names; honorifics and role words; Canadian "
    "(with Quebec's form), New Zealand, Singapore, Thai, Philippine, Polish, Turkish and Brazilian "
    "addresses; Japanese addresses in municipalities none of the other sets used (several written in "
    "hiragana), with 番地/号, kanji numerals, buildings, rooms and floors, and their romanised -shi/-ken "
    "form; e-mail domains; phone masks of CA, NZ, SG, TH, PH, TR, PL, BR, GH, ET, IR, ID and JP written "
    "with slashes, dots, en dashes, the long-vowel mark, parentheses and middle dots; card IIN ranges "
    "(Visa, Mastercard, Amex, JCB, Diners, Discover, UnionPay, Elo, Hipercard, Verve, Dankort, UATP, "
    "InstaPayment, InterPayment; lengths 13 to 19); every hard negative (machines, parts, units, "
    "plant places, machine models, makers, plants and rooms named like people, product codes, lots, "
    "tickets, orders, dates, times)",
    "phonenumbers": "phonenumbers (an edged dependency) validates every PHONE value for its region and "
    "rejects hard negatives whose digits would be a valid JP or North American number",
    "checks": "the Luhn and My Number check digits are computed here, not taken from edged.privacy.checks",
    "templates": "48 English and 48 Japanese sentence templates written for this set, 12 of each "
    "holding hard negatives only",
}


# -- check digits: edged.privacy.evalset_digits, shared by the hand-written sets, none with the detectors


def luhn_complete(body: str) -> str:
    return next(body + c for c in string.digits if luhn_ok(body + c))


def _valid_phone(number: str, region: str | None = None) -> bool:
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
        if len(digits) >= 9 and (_valid_phone(digits, "JP") or _valid_phone(digits, "US")):
            return False
    return True


_FW = str.maketrans({c: chr(ord(c) + 0xFEE0) for c in string.digits + string.ascii_letters + "-+()@.:"})

class _Names:
    """Person names for both languages: Faker, mimesis and the hand-written lists."""

    def __init__(self, rng: random.Random, seed: int) -> None:
        try:
            from faker import Faker
        except ImportError:
            raise MissingExtra("faker", "bench", "The blind redaction evaluation set") from None
        try:
            import mimesis
        except ImportError:
            raise MissingExtra("mimesis", "bench", "The blind redaction evaluation set") from None
        self.rng = rng
        self.fakers = {}
        for i, loc in enumerate(FAKER_NAME_LOCALES):
            fake = Faker(loc)
            fake.seed_instance(seed * 977 + i)
            self.fakers[loc] = fake
        self.mimesis = {
            loc: mimesis.Person(mimesis.Locale(loc), seed=seed * 977 + 50 + i)
            for i, loc in enumerate(MIMESIS_NAME_LOCALES)
        }

    def pick(self, items: tuple[str, ...]) -> str:
        return self.rng.choice(items)

    def latin(self) -> tuple[str, str, str]:
        """(given, family, source) of a name in Latin letters; family may be "" (a mononym)."""
        r = self.rng.random()
        if r < 0.12:
            fake = self.fakers["fr_DZ"]
            return str(fake.first_name()), str(fake.last_name()), "faker-fr_DZ"
        if r < 0.20:
            loc = self.pick(("de_LI", "de_LU"))
            given = self.mimesis["de-ch"].first_name()
            return given, str(self.fakers[loc].last_name()), f"faker-{loc}"
        if r < 0.30:
            loc = self.pick(MIMESIS_NAME_LOCALES)
            person = self.mimesis[loc]
            return person.first_name(), person.last_name(), f"mimesis-{loc}"
        if r < 0.85:
            region = self.pick(tuple(HAND_NAMES))
            given, family = self.rng.choice(HAND_NAMES[region])
            return given, family, f"hand-{region}"
        return self.pick(ROMAJI_GIVEN), self.pick(ROMAJI_FAMILY), "hand-romaji"

    def write_latin(self, tag: str, romaji: bool = False) -> Piece:
        if romaji:
            given, family, source = self.pick(ROMAJI_GIVEN), self.pick(ROMAJI_FAMILY), "hand-romaji"
        else:
            given, family, source = self.latin()
        if not family:
            return Piece(given.upper() if tag == "caps" else given, "PERSON", f"{source} mononym")
        family_first = source == "faker-fr_DZ" or (source == "hand-romaji" and self.rng.random() < 0.4)
        full = f"{family} {given}" if family_first else f"{given} {family}"
        style = (
            tag or self.rng.choices(("plain", "capsfam", "init", "comma", "given-init"), (70, 10, 8, 7, 5))[0]
        )
        shapes = {
            "caps": full.upper(),
            "lower": full.lower(),
            "given": given,
            "family": family,
            "capsfam": f"{family.upper()} {given}",
            "init": f"{given[0]}. {family}",
            "comma": f"{family.upper()}, {given}",
            "given-init": f"{given.split()[0]} {family[0].upper()}.",
        }
        if style in shapes:
            return Piece(shapes[style], "PERSON", f"{source} {style}")
        if style == "title":
            title = self.pick(("Mr.", "Ms.", "Dr.", "Engr.", "Sr.", "Sra.", "Pan", "Bay"))
            return Piece(full, "PERSON", f"{source} title", pre=title + " ")
        if style == "poss":
            return Piece(full, "PERSON", f"{source} poss", post="'" if full.endswith("s") else "'s")
        if style == "san":  # English written at a Japanese plant: Sato-san
            return Piece(family, "PERSON", f"{source} san", post=self.pick(("-san", " san")))
        return Piece(full, "PERSON", source)

    def japanese(self) -> tuple[str, str]:
        """(value, form) of a Japanese-text name, without honorific."""
        r = self.rng.random()
        family = self.pick(JA_FAMILY_RARE if self.rng.random() < 0.3 else JA_FAMILY_COMMON)
        source = "ja-rare" if family in JA_FAMILY_RARE else "ja-common"
        if r < 0.34:
            sep = self.pick(("", "", " ", "\u3000"))
            return family + sep + self.pick(JA_GIVEN), f"{source} full"
        if r < 0.60:
            return family, f"{source} family"
        if r < 0.68:
            return family + self.pick(("", " ")) + self.pick(JA_GIVEN_HIRAGANA), f"{source} hiragana-given"
        if r < 0.76:
            return self.pick(JA_HIRAGANA_FULL), "ja-hiragana full"
        if r < 0.84:
            return self.pick(JA_KATAKANA_FULL), "ja-katakana full"
        parts = self.pick(JA_KATAKANA_FOREIGN).split("/")
        return self.pick(("・", "・", "＝", " ")).join(parts), "ja-foreign katakana"

    def write_japanese(self, tag: str) -> Piece:
        value, form = self.japanese()
        if tag == "hon":
            return Piece(value, "PERSON", f"{form} hon", post=self.pick(JA_HONORIFICS))
        if tag == "role":
            return Piece(value, "PERSON", f"{form} role", post=self.pick(JA_ROLES))
        lists = {
            "half": (JA_HALFWIDTH_FULL, "ja-halfwidth"),
            "hira": (JA_HIRAGANA_FULL, "ja-hiragana"),
            "kata": (JA_KATAKANA_FULL, "ja-katakana"),
        }
        if tag in lists:
            names, source = lists[tag]
            return Piece(self.pick(names), "PERSON", f"{source} full")
        if tag == "kanji":
            family = self.pick(JA_FAMILY_COMMON + JA_FAMILY_RARE)
            return Piece(family + self.pick(JA_GIVEN), "PERSON", "ja-kanji full")
        return Piece(value, "PERSON", form)


class _Values(SeededValues):
    """The value builders: one seeded ``random.Random`` (and seeded Faker/mimesis inside _Names)."""

    def __init__(self, seed: int) -> None:
        super().__init__(seed)
        self.names = _Names(self.rng, seed)

    # -- addresses ---------------------------------------------------------------------------------

    def ca_postcode(self, district: str) -> str:
        letters = "ABCEGHJKLMNPRSTVWXYZ"
        return f"{district} {self.d(1)}{self.rng.choice(letters)}{self.d(1)}"

    def ca_address(self) -> Piece:
        if self.rng.random() < 0.35:
            town, district, streets = self.rng.choice(QC_PLACES)
            head = f"{self.n(100, 4999)}, {self.pick(streets)}"
            if self.rng.random() < 0.3:
                head = f"{head}, bureau {self.n(100, 450)}"
            sep = self.pick((" ", "  "))
            return Piece(f"{head}, {town} (Québec){sep}{self.ca_postcode(district)}", "ADDRESS", "ca-addr qc")
        town, prov, district, streets = self.rng.choice(CA_PLACES)
        street = f"{self.n(10, 9999)} {self.pick(streets)}"
        if self.rng.random() < 0.4:
            street = self.pick((f"Unit {self.n(1, 40)}, {street}", f"{self.n(1, 40)}-{street}"))
        return Piece(f"{street}, {town}, {prov} {self.ca_postcode(district)}", "ADDRESS", "ca-addr")

    def nz_address(self) -> Piece:
        suburb, city, post, streets = self.rng.choice(NZ_PLACES)
        number = str(self.n(1, 300))
        if self.rng.random() < 0.35:
            number = f"{self.pick(('Unit ', ''))}{self.n(1, 12)}/{number}"
        return Piece(f"{number} {self.pick(streets)}, {suburb}, {city} {post}", "ADDRESS", "nz-addr")

    def sg_address(self) -> Piece:
        unit = f"#{self.n(1, 12):02d}-{self.n(1, 88):02d}"
        building = f" {self.pick(SG_BUILDINGS)}" if self.rng.random() < 0.4 else ""
        head = self.pick(("Blk ", "", "Block ")) + str(self.n(2, 5099))
        post = self.pick(("6", "7", "5", "4")) + self.d(5)
        return Piece(
            f"{head} {self.pick(SG_STREETS)}, {unit}{building}, Singapore {post}", "ADDRESS", "sg-addr"
        )

    def th_address(self) -> Piece:
        estate, sub, district, province, post = self.rng.choice(TH_PLACES)
        number = f"{self.n(1, 999)}/{self.n(1, 99)} Moo {self.n(1, 12)}"
        return Piece(f"{number}, {estate}, {sub}, {district}, {province} {post}", "ADDRESS", "th-addr")

    def ph_address(self) -> Piece:
        zone, city, province, post = self.rng.choice(PH_PLACES)
        head = self.pick(
            (f"Lot {self.n(1, 30)} Blk {self.n(1, 12)}", f"Bldg {self.n(1, 9)}", f"Block {self.n(1, 9)}")
        )
        return Piece(f"{head}, {zone}, {city}, {province} {post}", "ADDRESS", "ph-addr")

    def pl_address(self) -> Piece:
        street, post, town = self.rng.choice(PL_PLACES)
        number = str(self.n(1, 220)) + self.pick(("", "", "A", f"/{self.n(1, 40)}", f" lok. {self.n(1, 30)}"))
        return Piece(f"{street} {number}, {post} {town}", "ADDRESS", "pl-addr")

    def tr_address(self) -> Piece:
        zone, street, post, place = self.rng.choice(TR_PLACES)
        return Piece(f"{zone}, {street} No:{self.n(1, 160)}, {post} {place}", "ADDRESS", "tr-addr")

    def br_address(self) -> Piece:
        street, district, city, cep = self.rng.choice(BR_PLACES)
        number = "" if "km" in street else f", {self.n(10, 4999)}"
        return Piece(f"{street}{number} - {district}, {city}, {cep}-{self.d(3)}", "ADDRESS", "br-addr")

    def world_address(self) -> Piece:
        make = self.rng.choice(
            (
                self.ca_address,
                self.nz_address,
                self.sg_address,
                self.th_address,
                self.ph_address,
                self.pl_address,
                self.tr_address,
                self.br_address,
                self.jr_address,
            )
        )
        return make()

    def jr_address(self, with_zip: bool = True) -> Piece:
        town, city, pref, zip3 = self.rng.choice(JR_PLACES)
        b, g = self.n(1, 2999), self.n(1, 30)
        head = self.pick((f"{b}-{g} {town}", f"{town} {b}-{g}", f"{b}-{g}, {town}"))
        if self.rng.random() < 0.3:
            head = f"{self.pick(('Room', 'Rm.', 'Apt.'))} {self.n(1, 5)}0{self.n(1, 9)}, {head}"
        zip_code = f" {zip3}-{self.d(4)}" if with_zip else ""
        country = self.pick(("", ", Japan", ", JAPAN")) if with_zip else ""
        return Piece(f"{head}, {city}, {pref}{zip_code}{country}", "ADDRESS", "jr-addr")

    def _ja_number(self) -> tuple[str, str]:
        c, b, g = self.n(1, 9), self.n(1, 60), self.n(1, 30)
        r = self.rng.random()
        if r < 0.25:
            return f"{c}丁目{b}番地", "chome-banchi"
        if r < 0.45:
            return f"{b}番地{g}", "banchi"
        if r < 0.6:
            return f"{kanji_number(c)}丁目{kanji_number(b)}番{kanji_number(g)}号", "kanji-num"
        if r < 0.75:
            return f"{c}丁目{b}番{g}号", "ban-go"
        if r < 0.88:
            return f"{self.n(100, 3999)}番地", "banchi-long"
        return f"{c}-{b}-{g}", "hyphen"

    def ja_address(self, zip_inside: bool = False) -> Piece:
        pref, city, towns = self.rng.choice(JA_PLACES)
        number, shape = self._ja_number()
        if self.rng.random() < 0.2 and shape in ("hyphen", "banchi", "banchi-long"):
            number, shape = number.translate(_FW), f"{shape} fullwidth"
        building = ""
        if self.rng.random() < 0.4:
            name = self.pick(JA_BUILDINGS)
            room = self.pick((f"{self.n(1, 5)}0{self.n(1, 9)}号室", f"{self.n(1, 9)}F", f"{self.n(1, 4)}階"))
            building = f"{self.pick((' ', '　', ''))}{name}{room}"
            if shape == "hyphen" and self.rng.random() < 0.4:  # 3-12-5-302: the room joined by a hyphen
                building = f"-{self.n(1, 5)}0{self.n(1, 9)}"
            shape = f"{shape} building"
        lead = pref if self.rng.random() < 0.75 or "市" not in city else ""
        value = f"{lead}{city}{self.pick(towns)}{number}{building}"
        if zip_inside:
            value = f"〒{self.d(3, '0123456789')}-{self.d(4)}{self.pick((' ', '　', ''))}{value}"
            shape = f"{shape} zip-inside"
        return Piece(value, "ADDRESS", f"ja-addr {shape}")

    def postal(self, kind: str) -> Piece:
        if kind == "jp" or (not kind and self.lang == "ja"):
            code = f"{self.d(3)}-{self.d(4)}"
            if self.lang == "ja" and self.rng.random() < 0.2:
                code = code.translate(_FW)
            mark = self.lang == "ja" and self.rng.random() < 0.5
            return Piece(("〒" if mark else "") + code, "POSTAL_CODE", "jp-zip" + (" mark" if mark else ""))
        r = self.rng.random()
        if r < 0.3:
            _, _, district, _ = self.rng.choice(CA_PLACES)
            return Piece(self.ca_postcode(district), "POSTAL_CODE", "ca-postcode")
        if r < 0.5:
            return Piece(self.rng.choice(PL_PLACES)[1], "POSTAL_CODE", "pl-postcode")
        if r < 0.7:
            return Piece(f"{self.rng.choice(BR_PLACES)[3]}-{self.d(3)}", "POSTAL_CODE", "br-cep")
        if r < 0.85:
            return Piece(self.pick(("6", "7", "5")) + self.d(5), "POSTAL_CODE", "sg-postcode")
        return Piece(self.rng.choice(TR_PLACES)[2], "POSTAL_CODE", "tr-postcode")

    # -- phones (every value checked with phonenumbers) --------------------------------------------

    def _until_valid(self, make: Callable[[], tuple[str, str | None]]) -> str:
        for _ in range(500):
            written, region = make()
            if _valid_phone(phone_for_parsing(written), region):
                return written
        raise RuntimeError("no valid phone number in 500 draws")  # a mask above is wrong

    def jp_phone(self) -> Piece:
        """A Japanese number with a separator people really type: - / . ー – ( ) ･ or spaces."""
        kind = self.rng.choices(("landline", "mobile", "ip"), (50, 42, 8))[0]
        seps = (
            ("-", "/", ".", "–", " ", "(", "ー", "･") if self.lang == "ja" else ("-", "/", ".", "–", " ", "(")
        )
        sep = self.pick(seps)

        def make() -> tuple[str, str | None]:
            if kind == "landline":
                area = self.pick(JP_AREAS)
                head, mid = "0" + area, self.d(5 - len(area), "23456789")
            elif kind == "mobile":
                head, mid = "0" + self.pick(("90", "80", "70")), self.d(4, "123456789")
            else:
                head, mid = "050", self.d(4, "123456789")
            last = self.d(4)
            if sep == "(":
                return f"{head}({mid}){last}", "JP"
            return f"{head}{sep}{mid}{sep}{last}", "JP"

        written = self._until_valid(make)
        form = f"jp-{kind} sep{'-paren' if sep == '(' else ''}"
        if self.lang == "ja" and sep in "-(" and self.rng.random() < 0.25:
            return Piece(written.translate(_FW), "PHONE", f"{form} fullwidth")
        return Piece(written, "PHONE", form)

    def intl(self, region_only: str = "") -> Piece:
        choices = [m for m in INTL_MASKS if not region_only or m[0] == region_only]
        region, cc, masks = self.rng.choice(choices)
        style = self.rng.choices(("plus", "plus-dash", "idd", "national"), (40, 15, 20, 25))[0]
        if region == "CA" and style == "idd":  # no international prefix between North American numbers
            style = "plus"

        def make() -> tuple[str, str | None]:
            national = self.fill(self.pick(masks))
            if style == "plus":
                return f"+{cc} {national}", None
            if style == "plus-dash":
                return f"+{cc}-{re.sub(r'[ -]', '-', national)}", None
            if style == "idd":  # dialled from Japan (010) or North America (011)
                return f"{self.pick(('010', '011'))} {cc} {national}", None
            if region == "CA":
                area, rest = national.split(" ", 1)
                return f"({area}) {rest.replace(' ', '-')}", region
            if region == "BR":
                area, rest = national.split(" ", 1)
                return f"({area}) {rest}", region
            trunk = "" if region in ("SG", "PL") else "0"
            return trunk + national, region

        return Piece(self._until_valid(make), "PHONE", f"intl-{region.lower()} {style}")

    def phone(self, tag: str = "") -> Piece:
        if tag == "jp" or (not tag and self.lang == "ja" and self.rng.random() < 0.75):
            return self.jp_phone()
        if tag:
            return self.intl(tag.upper())
        return self.jp_phone() if self.rng.random() < 0.25 else self.intl()

    # -- cards, numbers, network, e-mail -----------------------------------------------------------

    def _card_digits(self) -> tuple[str, str]:
        brand, prefixes, lengths = self.rng.choice(
            (
                ("visa", ("4",), (13, 16, 16, 19)),
                ("mastercard", ("51", "52", "54", "2221", "2455", "2720"), (16,)),
                ("amex", ("34", "37"), (15,)),
                ("jcb", ("3528", "3530", "3562", "3589"), (16, 19)),
                ("diners", ("36", "38", "301", "305"), (14,)),
                ("discover", ("6011", "65", "646"), (16, 19)),
                ("unionpay", ("62", "6228", "6250"), (16, 17, 18, 19)),
                ("elo", ("4011", "4389", "5067", "6362"), (16,)),
                ("hipercard", ("6062",), (16,)),
                ("verve", ("5061", "6500"), (16, 19)),
                ("dankort", ("5019",), (16,)),
                ("uatp", ("1",), (15,)),
                ("instapayment", ("637", "638", "639"), (16,)),
                ("interpayment", ("636",), (16, 19)),
            )
        )
        prefix, length = self.pick(prefixes), self.rng.choice(lengths)
        return luhn_complete(prefix + self.d(length - len(prefix) - 1)), f"card-{brand}"

    def card(self, tag: str = "") -> Piece:
        digits, form = self._card_digits()
        n = len(digits)
        groups = {
            15: (4, 6, 5),
            14: (4, 6, 4),
            13: (4, 4, 5),
            17: (4, 4, 4, 5),
            18: (6, 12),
            19: (6, 13),
        }.get(n, (4, 4, 4, 4))
        if n == 19 and self.rng.random() < 0.5:
            groups = (4, 4, 4, 4, 3)
        sep = self.pick(("", " ", "-", " ", "  ", "."))
        chunks, k = [], 0
        for g in groups:
            chunks.append(digits[k : k + g])
            k += g
        written = sep.join(chunks)
        form = f"{form} {tag}".strip()
        if self.lang == "ja" and sep in ("", "-", " ") and self.rng.random() < 0.2:
            return Piece(written.translate(_FW), "CARD_NUMBER", f"{form} fullwidth")
        return Piece(written, "CARD_NUMBER", form)

    def my_number(self) -> Piece:
        body = self.d(11)
        number = body + my_number_digit(body)
        written = self.pick(
            (number, f"{number[:4]} {number[4:8]} {number[8:]}", f"{number[:4]}-{number[4:8]}-{number[8:]}")
        )
        if self.lang == "ja" and self.rng.random() < 0.25:
            return Piece(written.translate(_FW), "MY_NUMBER", "checkdigit fullwidth")
        return Piece(written, "MY_NUMBER", "checkdigit")

    def email(self, tag: str = "") -> Piece:
        if self.lang == "ja" and self.rng.random() < 0.5:
            given, family, source = self.pick(ROMAJI_GIVEN), self.pick(ROMAJI_FAMILY), "hand-romaji"
        else:
            given, family, source = self.names.latin()
        given = re.sub(r"[^a-z]", "", unicodedata.normalize("NFKD", given.split()[0].lower())) or "staff"
        family = re.sub(r"[^a-z-]", "", unicodedata.normalize("NFKD", family.lower())).strip("-") or "ops"
        local = self.pick(
            (
                f"{given}.{family}",
                f"{given[0]}.{family}",
                f"{family}-{given}",
                f"{given}_{family}{self.d(2)}",
                f"{family}{given[0]}",
                f"{given}+shift{self.n(1, 3)}",
            )
        )
        address = f"{local}@{self.pick(EMAIL_DOMAINS)}"
        if tag == "caps" or self.rng.random() < 0.05:
            return Piece(address.upper(), "EMAIL", f"built-{source} caps")
        if tag == "mailto":
            return Piece(address, "EMAIL", f"built-{source} mailto", pre="mailto:")
        return Piece(address, "EMAIL", f"built-{source}")

    def ip(self, tag: str = "") -> Piece:
        r = self.rng.random()
        post = ""
        if r < 0.5:
            net = self.pick(("10.{a}.{b}.{c}", "192.168.{a}.{c}", "172.{s}.{b}.{c}"))
            value = net.format(a=self.n(0, 255), b=self.n(0, 255), c=self.n(1, 254), s=self.n(16, 31))
            form = "v4-private"
            post = self.pick(("", "", f":{self.pick(('502', '102', '44818', '8080', '1883'))}", "/24"))
        elif r < 0.7:
            while True:
                address = ipaddress.IPv4Address(self.rng.getrandbits(32))
                if address.is_global:
                    value, form = str(address), "v4-public"
                    break
        elif r < 0.8:
            value, form = (
                f"::ffff:{self.n(1, 223)}.{self.n(0, 255)}.{self.n(0, 255)}.{self.n(1, 254)}",
                "v6-mapped",
            )
        else:
            prefix = self.pick(("fe80", "2001:db8:4f1", "fd00:ab", "2404:7a80:1c"))
            groups = prefix.count(":") + 1
            tail = ":".join(f"{self.rng.getrandbits(16):x}" for _ in range(8 - groups))
            v6 = ipaddress.IPv6Address(
                f"{prefix}:{tail}" if prefix != "fe80" else f"fe80::{':'.join(tail.split(':')[-4:])}"
            )
            value, form = v6.compressed, "v6"
            if prefix == "fe80" and self.rng.random() < 0.5:
                post = self.pick(("%eth0", "%en0", "%3"))
        if tag == "bare":
            post = ""
        return Piece(value, "IP_ADDRESS", form + (" suffix" if post else ""), post=post)

    def mac(self) -> Piece:
        octets = [f"{self.rng.randrange(256):02x}" for _ in range(6)]
        r = self.rng.random()
        if r < 0.3:
            return Piece(":".join(octets).upper(), "MAC_ADDRESS", "colon caps")
        if r < 0.5:
            return Piece("-".join(octets), "MAC_ADDRESS", "hyphen lower")
        if r < 0.7:
            joined = "".join(octets)
            return Piece(".".join((joined[:4], joined[4:8], joined[8:])), "MAC_ADDRESS", "dotted")
        if r < 0.85:
            return Piece("".join(octets).upper(), "MAC_ADDRESS", "bare")
        return Piece(":".join(octets), "MAC_ADDRESS", "colon")


def phone_for_parsing(written: str) -> str:
    """The written number as phonenumbers reads it: full width folded, any separator a space, an
    international call prefix (010 from Japan, 011 from North America) turned into +."""
    plain = unicodedata.normalize("NFKC", written)
    plain = re.sub(r"[^\d+]", " ", plain).strip()
    return re.sub(r"^01[01] ", "+", plain)


# -- hard negatives --------------------------------------------------------------------------------


def _date(values: _Values) -> str:
    rng = values.rng
    y, m, dd = rng.randint(2024, 2027), rng.randint(1, 12), rng.randint(1, 28)
    if values.lang == "ja":
        return values.pick(
            (f"{y}年{m}月{dd}日", f"{m}/{dd}", f"R{y - 2018}.{m}.{dd}", f"{y}.{m:02d}.{dd:02d}")
        )
    month = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")[m - 1]
    return values.pick((f"{y}-{m:02d}-{dd:02d}", f"{dd}-{month}-{y}", f"{m}/{dd}/{y}", f"{month}. {dd}"))


def _time(values: _Values) -> str:
    h, mm = values.rng.randint(0, 23), values.rng.randint(0, 59)
    if values.lang == "ja":
        return values.pick((f"{h}時{mm}分", f"{h:02d}:{mm:02d}", f"{h}:{mm:02d}頃"))
    return values.pick(
        (f"{h:02d}:{mm:02d}", f"{h:02d}{mm:02d} hrs", f"{h:02d}:{mm:02d}:{values.rng.randint(0, 59):02d}")
    )


def _order(values: _Values) -> str:
    """An order number of 10-16 digits that is not a card number (Luhn fails)."""
    digits = values.d(values.rng.randint(10, 16), "3456789")
    if luhn_ok(digits):
        digits = digits[:-1] + str((int(digits[-1]) + 1) % 10)
    head = (
        values.pick(("SO ", "PO#", "", "ORD-")) if values.lang == "en" else values.pick(("", "受注", "No."))
    )
    return head + digits


def _negative_value(values: _Values, kind: str) -> str:
    ja, rng = values.lang == "ja", values.rng
    tables = {
        "machine": NEG_MACHINES_JA if ja and rng.random() < 0.7 else NEG_MACHINES,
        "part": NEG_PARTS_JA if ja and rng.random() < 0.7 else NEG_PARTS,
        "unit": NEG_UNITS_JA if ja and rng.random() < 0.7 else NEG_UNITS,
        "place": NEG_PLACES_JA if ja else NEG_PLACES,
        "model": NEG_MODELS,
        "maker": NEG_MAKERS_JA if ja and rng.random() < 0.7 else NEG_MAKERS,
        "namelike": NEG_NAMELIKE_JA if ja else NEG_NAMELIKE,
    }
    if kind in tables:
        return values.pick(tables[kind])
    if kind == "date":
        return _date(values)
    if kind == "time":
        return _time(values)
    if kind == "order":
        return _order(values)
    pattern = {"prod": NEG_PRODUCTS, "lot": NEG_LOTS, "ticket": NEG_TICKETS}[kind]
    d = values.d
    return values.pick(pattern).format(
        d2=d(2), d3=d(3), d4=d(4), d5=d(5), d6=d(6), y=rng.choice(("24", "25", "26"))
    )


def negative(values: _Values, kind: str) -> Piece:
    for _ in range(200):
        value = _negative_value(values, kind)
        if negative_is_safe(value):
            return Piece(value, NEGATIVE, kind)
    raise RuntimeError(f"no safe {kind} negative in 200 draws")


# -- slots -----------------------------------------------------------------------------------------


def fill_slot(values: _Values, name: str, tag: str) -> Piece:
    if name.startswith("n_"):
        return negative(values, name[2:])
    if name == "num":
        return Piece(str(values.rng.randint(2, 48)))
    names = values.names
    builders: dict[str, Callable[[], Piece]] = {
        "p": lambda: names.write_japanese(tag) if values.lang == "ja" else names.write_latin(tag),
        "pen": lambda: names.write_latin(tag),
        "pjr": lambda: names.write_latin(tag, romaji=True),
        "addr": values.world_address,
        "addr_ca": values.ca_address,
        "addr_nz": values.nz_address,
        "addr_sg": values.sg_address,
        "addr_th": values.th_address,
        "addr_ph": values.ph_address,
        "addr_pl": values.pl_address,
        "addr_tr": values.tr_address,
        "addr_br": values.br_address,
        "addr_jr": values.jr_address,
        "addr_jr_nozip": lambda: values.jr_address(with_zip=False),
        "jaddr": lambda: values.ja_address(zip_inside=tag == "zip"),
        "zip": lambda: values.postal(tag),
        "phone": lambda: values.phone(tag),
        "email": lambda: values.email(tag),
        "card": lambda: values.card(tag),
        "mynum": values.my_number,
        "ip": lambda: values.ip(tag),
        "mac": values.mac,
    }
    return builders[name]()


# -- templates -------------------------------------------------------------------------------------
# {slot} or {slot:tag}; n_<kind> is a hard negative, num a filler number. English person tags: caps,
# lower, given, family, init, comma, title, poss, san, given-init; Japanese: hon, role, half, hira,
# kata, kanji. Phone tags name a region (jp, ca, nz, tr, br, ph).

EN_TEMPLATES = (
    # shift handovers
    "Shift handover {n_date} B to C: {p} hands over to {p}. {n_machine} running slow, see {n_ticket}. "
    "Reach me on {phone}.",
    "Handover - night lead {p:title} - {n_place} quiet, {n_machine} back online at {n_time}.",
    "Relieved by {p} at {n_time}; {p:poss} radio is on channel 4.",
    # maintenance logs
    "MAINT LOG | {n_date} | {n_machine} | bearing swap {n_part} | tech {p:caps} | verified {p:caps}",
    "Maintenance: {p:given-init} replaced the {n_part} on the {n_model}, torque {n_unit}; "
    "parts ordered by {pen}.",
    "signed/ {p:init}, witness {p}",
    # alarm notes
    "ALARM {n_ticket} {n_machine} OVERTEMP ACK BY {p:caps} {n_time}",
    "Alarm note: {n_machine} tripped twice, per {p:given} the interlock at {n_place} is loose; escalated "
    "to {pjr:title}.",
    # visitor logs
    "Visitor log {n_date}: {p} ({n_maker}), badge V-{num}, host {p:comma}, mobile {phone}.",
    "VISITOR: {p:caps} / COMPANY: {n_maker} / FROM: {addr} / TEL: {phone}",
    "Visitor {pen} from {addr_sg} signed in at {n_time}, escorted by {pjr:san}.",
    # e-mail snippets and signatures
    "From: {p} <{email}> | To: {pjr} | Subj: RMA for {n_model}",
    "On {n_date}, {p} <{email}> wrote: > can we move the {n_machine} PM to Friday?",
    "Best regards, {p} | Plant Engineer | {addr_ca} | M: {phone:ca} | {email}",
    "Kind regards, {pen} - Procurement, {addr_nz} - ph {phone:nz}",
    "Write to {email:mailto} or ask {pjr:family} at the gate; courier ZIP {zip}.",
    # chat lines
    "[{n_time}] {p:lower}: anyone seen the {n_part} for {n_machine}?",
    "[{n_time}] <{pjr:lower}> cc {p:given}, vpn from {ip} keeps dropping, mac {mac}",
    "chat: thx {p:given}!! pls call {pen:given} on {phone} re {n_ticket}",
    "Ping @{p:given} - the {n_machine} HMI at {ip} shows {n_unit}.",
    # CSV-ish and syslog lines
    "export.csv row: {num},{p:comma},{n_place},{n_time},{email}",
    "payroll;{p:caps};{card};{addr_ph};{phone:ph}",
    "syslog {n_time} gw01 DHCPACK {ip:bare} to {mac} (owner {p:lower})",
    "sshd: accepted login from {ip} for operator on device {mac}, owner {pen} (tel {phone})",
    # money, HR paperwork
    "Expense: {p} paid the {n_maker} callout with card {card}; refund to {card} pending.",
    "Card {card} declined at the canteen kiosk; {p:poss} manager was told.",
    "Relocation pack for {pjr}: Japan address {addr_jr}, My Number {mynum}, personal mail {email}.",
    "New hire {p}: My Number {mynum}, postal code {zip:jp}, home {addr_jr_nozip}.",
    "on behalf of {p}: please update the card on file to {card} and the address to {addr}.",
    # supplier and courier notes
    "Courier to {addr_th} attn {pen}; or {addr_pl} if Rayong is closed.",
    "Return the {n_model} spindle to {addr_tr}, contact {pen} on {phone:tr}.",
    "Supplier contact {pen}, {addr_br}, WhatsApp {phone:br}.",
    "Postal code on the waybill is {zip}; ask {p:family} for the gate code.",
    # contacts and thanks
    "Emergency contacts: {p} {phone}; {p} {phone}; {p} {email}.",
    "Voicemail for {pjr:title}: call back on {phone:jp}, it is about {n_order}.",
    "Thanks to {p}, {p} and {p:given} for the {n_namelike} move.",
    # hard negatives only
    "{n_machine} down {n_time}, {n_part} cracked, reading {n_unit}, {n_ticket} opened.",
    "Order {n_order} for {n_model} spares, lot {n_lot}, due {n_date}.",
    "MAINT LOG | {n_date} | {n_machine} | {n_part} | {n_unit} | {n_ticket}",
    "{n_namelike} closed {n_date} for {n_maker} service; use {n_place} instead.",
    "ALARM {n_ticket} {n_machine} LOW PRESSURE {n_unit} {n_time}",
    "[{n_time}] line-bot: {n_prod} changeover on {n_machine} done, lot {n_lot}",
    "product,lot,qty; {n_prod},{n_lot},{num}",
    "{n_maker} quoted the {n_part} and a {n_model} rebuild, ticket {n_ticket}.",
    "Handover: {n_place} clean, {n_machine} at {n_unit}, {n_namelike} awaiting parts.",
    "Shipped {n_prod} lot {n_lot} under {n_order} on {n_date}.",
    "{n_model} at {n_place} recalibrated {n_date} {n_time}, drift {n_unit}.",
    "Visitor log {n_date}: {n_maker} service crew to the {n_namelike}, escort from {n_place}.",
)

JA_TEMPLATES = (
    # 申し送り
    "【申し送り】{n_date} 夜勤→日勤　{p:hon}から{p:hon}へ。{n_machine}は{n_unit}で運転中、連絡は{phone}。",
    "申し送り：{p:role}より、{n_place}の{n_machine}停止中。詳細は{p:hon}に確認のこと。",
    # 保全日誌
    "保全日誌　{n_date}　{n_machine}　{n_part}交換　作業者：{p}　確認：{p:role}",
    "保全日誌：{p:hon}が{n_model}の主軸を点検、振動{n_unit}。部品手配は{p}。",
    # 警報メモ
    "【警報】{n_time} {n_machine} 過電流 ― 一次対応 {p}、報告先 {p:role}（{phone:jp}）",
    "警報メモ：{n_ticket}発生、{pen}さんがリセット。{p:hon}へ報告済み。",
    # 入門記録
    "入門記録　{n_date}　{p}様（{n_maker}）　入構{n_time}　連絡先{phone}",
    "来訪者：{pen}様（{addr}）、案内は{p:hon}、携帯{phone}",
    "入門記録：{p:hon}　住所 {jaddr:zip}　車両番号控え済み",
    # メール抜粋
    "From: {p} <{email}>　件名：{n_model}の見積について",
    "{p:hon}　お疲れ様です。{pen}です。{n_part}の件、{email}宛に図面を送りました。",
    "署名：{p}　{jaddr}　TEL {phone:jp}　Mail：{email}",
    # 社内チャット
    "【社内チャット】{n_time} {p}：{p:hon}、{n_place}のPCが{ip}でつながりません",
    "チャット　{p:hon}＞{p:hon}　MAC {mac} の端末、IP {ip}に固定しました",
    "{p}です。折り返しは{phone}まで。",
    # CSV出力 and legacy exports
    "CSV出力：社員番号,氏名,住所,電話　{num},{p:half},{jaddr},{phone:jp}",
    "入退場ログ;{n_time};{p:half};{n_place};IN",
    "給与データ｜{p:kanji}｜マイナンバー {mynum}｜{jaddr:zip}",
    # 人事・総務
    "給与振込口座変更：{p}、個人番号{mynum}、郵便番号{zip}、住所{jaddr}",
    "氏名：{p:kanji}　ふりがな：{p:hira}　電話：{phone}",
    "フリガナ：{p:kata}　入社日 {n_date}　連絡先 {phone:jp}",
    "マイナンバー提出：{p:kanji}　{mynum}　確認者{p:role}",
    "郵便番号{zip}、{jaddr}の社宅に{p:hon}が入居。",
    # 経理
    "立替精算：{p:hon}が法人カード{card}で{n_maker}の部品を購入。",
    "カード番号{card}の利用明細、名義は{pen}。",
    "返金先カード {card}（{p:hon}）",
    # 海外・外国人スタッフ
    "技能実習生{pen}さん（在留カード住所：{jaddr}）、母国の連絡先{phone}",
    "{pjr}さん宛の荷物は{addr_jr}へ転送。",
    "海外拠点連絡先：{pen}、{addr}、{email}",
    "送付先：{jaddr}　{p}様　{phone:jp}",
    "{p:role}の指示で{pen}さんが{n_machine}を停止。",
    # ネットワーク
    "ネットワーク台帳　{n_machine}　{ip}　{mac}　管理者 {p}",
    "不審な通信：{ip}から{n_machine}へ、MAC {mac}。報告者{p:hon}",
    "ヘルプデスク：{pen}さんのPC（MAC {mac}）を交換、メール{email}を再設定。",
    # 連絡網
    "{p:hon}、{p:hon}、{p:hon}は{n_date}の安全教育に出席。",
    "緊急連絡網：{p} {phone}／{p} {phone}",
    # hard negatives only
    "{n_machine}の{n_part}を交換、{n_unit}、チケット{n_ticket}。",
    "{n_date} {n_time} {n_place}で{n_machine}停止、{n_lot}を隔離。",
    "保全日誌　{n_date}　{n_machine}　{n_part}　{n_unit}",
    "【警報】{n_time} {n_machine} 油圧低下 {n_unit}",
    "{n_namelike}向け{n_prod}、注文{n_order}、{n_date}出荷。",
    "{n_maker}の{n_model}を{n_place}に搬入、立会いは{n_maker}。",
    "CSV出力：品番,ロット,数量　{n_prod},{n_lot},{num}",
    "{n_namelike}から{n_part}入荷、{n_lot}、受入検査合格。",
    "申し送り：{n_place}清掃済み、{n_machine}は{n_unit}で安定。",
    "入門記録　{n_date}　{n_maker}サービス員　{n_namelike}へ　{n_time}入構",
    "{n_model}校正 {n_date}、偏差{n_unit}、記録{n_ticket}。",
    "{n_namelike}の{n_machine}、{n_order}の部品待ち。",
)


def _render(values: _Values, lang: str, template: str) -> Sample:
    return render(values, lang, template, lambda name, tag: fill_slot(values, name, tag))


def generate_blind(per_lang: int, seed: int = 31) -> list[Sample]:
    """``per_lang`` Japanese sentences, then ``per_lang`` English ones; the same for the same seed.
    Templates are dealt in shuffled rounds, so each is used about equally."""
    values = _Values(seed)
    return deal(values.rng, per_lang, (("ja", JA_TEMPLATES), ("en", EN_TEMPLATES)),
                lambda lang, template: _render(values, lang, template))
