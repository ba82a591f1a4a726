"""The "eighth" labeled evaluation set: an eighth author's plant text, written blind.

Written by a helper session acting as an independent author. Its author did NOT read the detectors
or their word lists (persons, names_*, addresses*, phones, structured, strict, makers, redactor,
detector, registry, morphology, normalize, checks, postal_world, presidio_anchor, vault, config,
entities, cli) nor their tests, did not run the redactor on this set and never scored it: its first
score is taken by someone else. Read were only the Sample/Label format (:mod:`edged.privacy.evalset`),
the scorer (:mod:`edged.privacy.evaluate`) and the other evalset_* modules, to learn the conventions
and to stay away from their sources and text kinds.

Text kinds (new to the sets before it): SMS and pager escalations, QA deviation / concession records,
weekly shift rosters, contractor sign-in sheets, CCTV footage requests, vendor bank-detail change
requests, job application excerpts, meeting captions with disfluencies (um, uh, [inaudible]) and
spoken digits, ticket-system comments (@mentions, assignee), YAML / JSON / INI config snippets with
owner contacts, hazardous-waste manifests, gas-cylinder registers, purchase-requisition approval
chains, on-call call-out logs and whiteboard transcriptions; in Japanese SMSエスカレーション, 逸脱記録,
勤務シフト表, 協力会社入構サイン表, 防犯カメラ映像閲覧申請, 振込先変更依頼, 履歴書抜粋, 会議の文字起こし
(えー、あのー), チケットのコメント, 設定ファイル, 産廃マニフェスト, 高圧ガス容器受払簿, 購買依頼の稟議,
夜間呼出記録 and ホワイトボード書き起こし. About one sentence in four holds hard negatives only.

Label conventions (those of the fresh, unseen and blind sets): ``text[start:end] == value``; labels
never overlap. PERSON is the name only (titles, honorifics, role words, "@", "cc:" and the
possessive 's stay outside; Malay "bin"/"binti" and "a/l"/"a/p" are inside, they are part of the
name). ADDRESS is the whole address, with its postcode when written inside it; a postcode on its own
is POSTAL_CODE (its 〒 inside). PHONE holds its international prefix and a "(0)" written inside it;
"TEL", "tel:", "内線" and an extension stay outside. EMAIL is the address (a "mailto:" and angle
brackets stay outside; an address written "name [at] host [dot] tld" is one EMAIL). IP_ADDRESS is
the address only (a port, a /prefix stay outside). ``form``'s first tag names the builder or source
(``faker-ru_RU``, ``mimesis-kk``, ``hand-hmong-us``, ``ja-rare``, ``my-addr``, ``intl-kr`` ...), later
tags how it was written (caps, lower, init, rev, hon, role, fullwidth, kanji-digits, spoken ...).
"""

from __future__ import annotations

import ipaddress
import random
import re
import string
import unicodedata
from collections.abc import Callable
from typing import Any

from edged.errors import MissingExtra
from edged.privacy.evalset import NEGATIVE, Sample
from edged.privacy.evalset_digits import kanji_number, luhn_ok, my_number_digit, my_number_ok
from edged.privacy.evalset_eighth_data import (
    AE_PLACES,
    CARD_BRANDS,
    CZ_PLACES,
    EMAIL_DOMAINS,
    HAND_NAMES,
    HU_PLACES,
    INTL_MASKS,
    JA_BUILDINGS,
    JA_FAMILY_COMMON,
    JA_FAMILY_RARE,
    JA_GIVEN,
    JA_GIVEN_KANA,
    JA_GRID_PLACES,
    JA_HONORIFICS,
    JA_KANA_FULL,
    JA_KATAKANA_FOREIGN,
    JA_PLACES,
    JA_ROLES,
    JP_AREAS,
    JR_PLACES,
    KR_PLACES,
    MA_PLACES,
    MY_PLACES,
    NEG_LOTS,
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
    PE_PLACES,
    ROMAJI_FAMILY,
    ROMAJI_GIVEN,
    RS_PLACES,
    TRUNK,
)
from edged.privacy.evalset_render import Piece, SeededValues, deal, render

FAKER_NAME_LOCALES = ("ru_RU", "bg_BG", "mk_MK", "el_GR")
MIMESIS_NAME_LOCALES = ("kk", "uk")
SOURCES: dict[str, str] = {
    "faker": "Faker 40.63.0 person names of ru_RU, bg_BG, mk_MK and el_GR (Cyrillic and Greek, "
    "transliterated to Latin here: an ICAO 9303-style table for Cyrillic, an ELOT 743-style one for "
    "Greek, the original script kept for some Japanese-text katakana lists only); given and family "
    "names drawn by the same gender; no other set drew from these locales, and no Faker address, "
    "phone or e-mail provider is used",
    "mimesis": "mimesis 22.2.0 person names of kk (Kazakh) and uk (Ukrainian), transliterated with the "
    "same table (no other set used these mimesis locales)",
    "hand-written": "evalset_eighth_data.py, written for this set: Malay (bin/binti), Malaysian "
    "Chinese and Malaysian Indian (a/l, a/p), Hmong-American, Cajun, African-American, US Southern "
    "double given names, Welsh, British Pakistani, Sikh, Senegalese, Zimbabwean, Ugandan, Rwandan, "
    "Congolese, Lebanese, Emirati/Omani, Kurdish, Israeli, Serbian/Bosnian, Albanian, Moldovan, "
    "Kyrgyz/Tajik, Jamaican/Trinidadian, Guatemalan/Honduran, Cuban/Dominican, Paraguayan/Bolivian, "
    "Brazilian and Peruvian Nikkei names, and names that are also words (Hope, Justice, Major); "
    "romanised Japanese names with macrons and apostrophes; Japanese common and rare surnames "
    "(Okinawan, multi-kanji), kanji and kana given names, kana full names, katakana foreign names; "
    "honorifics and role words; Malaysian, Korean (romanised, both orders), Czech, Hungarian, "
    "Moroccan, Emirati (PO Box), Peruvian and Serbian addresses; Japanese addresses in 24 "
    "municipalities (大字/字, 番地の, Hokkaido 条/丁目 grids, kanji numerals, odd dashes, spaced parts, "
    "buildings and rooms) and their romanised forms; e-mail domains; phone masks of MY, KR, CZ, HU, "
    "MA, AE, PE, RS and JP (+CC (0), 00 and national trunk prefixes, kanji digits, spoken digits); "
    "card IIN ranges (Visa, Mastercard, Amex, JCB, Discover, Diners, UnionPay, Maestro; lengths 13 to "
    "19); every hard negative (machines, parts, lots, units, plant places, makers, standards, plants "
    "named like people, tickets, orders, dates, times, figures)",
    "phonenumbers": "phonenumbers (an edged dependency) validates every PHONE value for its region and "
    "rejects hard negatives whose digits would be a valid JP or North American number",
    "checks": "the Luhn and My Number check digits are computed here, not taken from edged.privacy.checks",
    "templates": "45 English and 45 Japanese sentence templates written for this set, 11 of each "
    "holding hard negatives only",
}


# -- check digits: edged.privacy.evalset_digits, shared by the hand-written sets, none with the detectors


_SPOKEN = {"zero": "0", "oh": "0", "one": "1", "two": "2", "three": "3", "four": "4", "five": "5",
           "six": "6", "seven": "7", "eight": "8", "nine": "9"}  # fmt: skip
_KANJI_DIGIT = str.maketrans("〇一二三四五六七八九", "0123456789")


def phone_for_parsing(written: str) -> str:
    """The written number as phonenumbers reads it: full width and kanji digits folded, spoken
    digits turned to digits, "(0)" dropped, any separator a space, an 00 call prefix a +."""
    plain = unicodedata.normalize("NFKC", written).translate(_KANJI_DIGIT).lower()
    plain = re.sub(r"[a-z]+", lambda m: _SPOKEN.get(m.group(), m.group()), plain)
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


# -- transliteration of Cyrillic and Greek names ---------------------------------------------------

_CYRILLIC_LETTERS = "абвгдеёжзийклмнопрстуфхцчшщъыьэюяіїєґәғқңөұүһјљњџѓќѕ"
_CYRILLIC_LATIN = (
    "a|b|v|g|d|e|e|zh|z|i|i|k|l|m|n|o|p|r|s|t|u|f|kh|ts|ch|sh|shch|ie|y||e|iu|ia|i|i|ie|g|a|g|k|n|o|u|"
    "u|h|j|lj|nj|dz|gj|kj|dz"
)
_GREEK_LETTERS = "αβγδεζηθικλμνξοπρσςτυφχψω"
_GREEK_LATIN = "a|v|g|d|e|z|i|th|i|k|l|m|n|x|o|p|r|s|s|t|y|f|ch|ps|o"
_CYRILLIC = dict(zip(_CYRILLIC_LETTERS, _CYRILLIC_LATIN.split("|"), strict=True))
_GREEK = dict(zip(_GREEK_LETTERS, _GREEK_LATIN.split("|"), strict=True))


def transliterate(name: str, locale: str) -> str:
    """A Cyrillic or Greek name in Latin letters, as a passport or a payroll system writes it."""
    table = dict(_CYRILLIC)
    if locale == "bg_BG":
        table["ъ"], table["щ"] = "a", "sht"
    if locale in ("uk", "kk"):
        table["и"] = "y" if locale == "uk" else "i"
        table["г"] = "h" if locale == "uk" else "g"
    if locale == "el_GR":
        table = _GREEK
        name = "".join(c for c in unicodedata.normalize("NFD", name) if not unicodedata.combining(c))
        name = unicodedata.normalize("NFC", name).replace("ου", "ou").replace("Ου", "Ou")
    out = []
    for ch in name:
        if ch in "'ʼ’":  # the Ukrainian apostrophe: passports drop it
            continue
        low = ch.lower()
        latin = table.get(low, ch)
        out.append(latin.capitalize() if ch != low else latin)
    return "".join(out)


_FW = str.maketrans({c: chr(ord(c) + 0xFEE0) for c in string.digits + string.ascii_letters + "-+()@.:"})

_GLUED = ("bin ", "binti ", "a/l ", "a/p ")


class _Names:
    """Person names for both languages: Faker, mimesis (both transliterated) and the hand lists."""

    def __init__(self, rng: random.Random, seed: int) -> None:
        try:
            from faker import Faker
        except ImportError:
            raise MissingExtra("faker", "bench", "The eighth redaction evaluation set") from None
        try:
            import mimesis
        except ImportError:
            raise MissingExtra("mimesis", "bench", "The eighth redaction evaluation set") from None
        self.rng = rng
        self.fakers: dict[str, Any] = {}
        for i, loc in enumerate(FAKER_NAME_LOCALES):
            fake = Faker(loc)
            fake.seed_instance(seed * 1009 + i)
            self.fakers[loc] = fake
        self.mimesis = {
            loc: mimesis.Person(mimesis.Locale(loc), seed=seed * 1009 + 60 + i)
            for i, loc in enumerate(MIMESIS_NAME_LOCALES)
        }

    def pick(self, items: tuple[str, ...]) -> str:
        return self.rng.choice(items)

    def latin(self) -> tuple[str, str, str]:
        """(given, family, source) of a name in Latin letters."""
        from mimesis.enums import Gender

        r = self.rng.random()
        male = self.rng.random() < 0.6
        if r < 0.18:
            loc = self.pick(FAKER_NAME_LOCALES)
            fake = self.fakers[loc]
            given, family = (
                (fake.first_name_male(), fake.last_name_male())
                if male
                else (fake.first_name_female(), fake.last_name_female())
            )
            return transliterate(str(given), loc), transliterate(str(family), loc), f"faker-{loc}"
        if r < 0.28:
            loc = self.pick(MIMESIS_NAME_LOCALES)
            gender = Gender.MALE if male else Gender.FEMALE
            person = self.mimesis[loc]
            given, family = person.first_name(gender), person.last_name(gender)
            return transliterate(given, loc), transliterate(family, loc), f"mimesis-{loc}"
        if r < 0.88:
            region = self.pick(tuple(HAND_NAMES))
            given, family = self.rng.choice(HAND_NAMES[region])
            return given, family, f"hand-{region}"
        return self.pick(ROMAJI_GIVEN), self.pick(ROMAJI_FAMILY), "hand-romaji"

    def write_latin(self, tag: str, romaji: bool = False) -> Piece:
        if romaji:
            given, family, source = self.pick(ROMAJI_GIVEN), self.pick(ROMAJI_FAMILY), "hand-romaji"
        else:
            given, family, source = self.latin()
        full = f"{given} {family}"
        if source == "hand-malaysian-chinese" or (source == "hand-romaji" and self.rng.random() < 0.3):
            full = f"{family} {given}"
        if family.startswith(_GLUED) and tag not in ("caps", "lower", "title", "poss"):
            tag = "plain"
        style = tag or self.rng.choices(("plain", "init", "rev", "capsfam", "initials"), (72, 8, 8, 7, 5))[0]
        shapes = {
            "plain": full,
            "caps": full.upper(),
            "lower": full.lower(),
            "given": given,
            "family": family,
            "init": f"{given[0]}. {family}",
            "initials": "".join(part[0] + "." for part in given.split()) + f" {family}",
            "rev": f"{family}, {given}",
            "capsfam": f"{family.upper()}, {given}",
            "given-init": f"{given.split()[0]} {family[0].upper()}.",
        }
        if style in shapes:
            return Piece(shapes[style], "PERSON", f"{source} {style}")
        if style == "title":
            title = self.pick(("Mr.", "Mrs.", "Ms.", "Dr.", "Eng.", "Supervisor", "Inspector", "Haji"))
            return Piece(full, "PERSON", f"{source} title", pre=title + " ")
        if style == "poss":
            return Piece(full, "PERSON", f"{source} poss", post="'" if full.endswith("s") else "'s")
        if style == "at":
            handle = (given.split()[0] + "." + family.split()[-1]).lower()
            return Piece(handle, "PERSON", f"{source} handle", pre="@")
        return Piece(full, "PERSON", f"{source} {style}")

    def japanese(self) -> tuple[str, str]:
        """(value, form) of a Japanese-text name, without honorific."""
        r = self.rng.random()
        rare = self.rng.random() < 0.35
        family = self.pick(JA_FAMILY_RARE if rare else JA_FAMILY_COMMON)
        source = "ja-rare" if rare else "ja-common"
        if r < 0.30:
            sep = self.pick(("", " ", "\u3000", "\u3000"))
            return family + sep + self.pick(JA_GIVEN), f"{source} full"
        if r < 0.58:
            return family, f"{source} family"
        if r < 0.68:
            return family + self.pick(("", "\u3000")) + self.pick(JA_GIVEN_KANA), f"{source} kana-given"
        if r < 0.78:
            return self.pick(JA_KANA_FULL), "ja-kana full"
        if r < 0.90:
            parts = self.pick(JA_KATAKANA_FOREIGN).split("/")
            return self.pick(("・", "・", "＝", " ")).join(parts), "ja-foreign katakana"
        given, family = self.pick(ROMAJI_GIVEN), self.pick(ROMAJI_FAMILY)
        return self.pick((f"{given} {family.upper()}", f"{family} {given}")), "hand-romaji in-ja"

    def write_katakana(self) -> Piece:
        """A foreign worker's name in katakana, parts joined as Japanese registers join them."""
        parts = self.pick(JA_KATAKANA_FOREIGN).split("/")
        return Piece(self.pick(("・", "・", "＝", " ")).join(parts), "PERSON", "ja-foreign katakana")

    def write_japanese(self, tag: str) -> Piece:
        value, form = self.japanese()
        if tag == "hon":
            return Piece(value, "PERSON", f"{form} hon", post=self.pick(JA_HONORIFICS))
        if tag == "role":
            return Piece(value, "PERSON", f"{form} role", post=self.pick(JA_ROLES))
        if tag == "kanji":
            family = self.pick(JA_FAMILY_COMMON + JA_FAMILY_RARE)
            rare = "ja-rare" if family in JA_FAMILY_RARE else "ja-common"
            return Piece(family + self.pick(("", "\u3000")) + self.pick(JA_GIVEN), "PERSON", f"{rare} full")
        if tag == "kana":
            return Piece(self.pick(JA_KANA_FULL), "PERSON", "ja-kana full")
        return Piece(value, "PERSON", form)


class _Values(SeededValues):
    """The value builders: one seeded ``random.Random`` (and seeded Faker/mimesis inside _Names)."""

    def __init__(self, seed: int) -> None:
        super().__init__(seed)
        self.names = _Names(self.rng, seed)

    # -- addresses of the world --------------------------------------------------------------------

    def my_address(self) -> Piece:
        streets, post, town, state = self.rng.choice(MY_PLACES)
        head = self.pick((f"Lot {self.n(1, 90)}", f"No. {self.n(1, 60)}", f"PT {self.n(1000, 9999)}"))
        tail = (
            self.pick(("", " Darul Ehsan", ", Malaysia"))
            if state == "Selangor"
            else self.pick(("", ", Malaysia"))
        )
        return Piece(f"{head}, {self.pick(streets)}, {post} {town}, {state}{tail}", "ADDRESS", "my-addr")

    def kr_address(self) -> Piece:
        road, city, prov, post = self.rng.choice(KR_PLACES)
        number = f"{self.n(1, 250)}" + self.pick(("", f"-{self.n(1, 40)}"))
        if self.rng.random() < 0.4:
            return Piece(f"({post}) {prov} {city} {road} {number}", "ADDRESS", "kr-addr korean-order")
        country = self.pick(("", ", Republic of Korea", ", KOREA"))
        return Piece(f"{number}, {road}, {city}, {prov} {post}{country}", "ADDRESS", "kr-addr")

    def cz_address(self) -> Piece:
        street, post, town = self.rng.choice(CZ_PLACES)
        number = f"{self.n(100, 2999)}/{self.n(1, 40)}" if self.rng.random() < 0.6 else str(self.n(1, 99))
        return Piece(f"{street} {number}, {post} {town}", "ADDRESS", "cz-addr")

    def hu_address(self) -> Piece:
        town, post, street = self.rng.choice(HU_PLACES)
        number = f"{self.n(1, 120)}."
        if self.rng.random() < 0.5:
            return Piece(f"{post} {town}, {street} {number}", "ADDRESS", "hu-addr")
        return Piece(f"H-{post} {town}, {street} {number}", "ADDRESS", "hu-addr h-prefix")

    def ma_address(self) -> Piece:
        zone, post, city = self.rng.choice(MA_PLACES)
        country = self.pick(("", ", Maroc", ", Morocco"))
        return Piece(f"{zone}, {post} {city}{country}", "ADDRESS", "ma-addr")

    def ae_address(self) -> Piece:
        area, emirate = self.rng.choice(AE_PLACES)
        unit = self.pick(
            (f"Warehouse {self.pick(('LOB', 'FZS', 'RA'))}-{self.n(1, 20)}", f"Plot {self.n(100, 900)}")
        )
        return Piece(
            f"{unit}, {area}, P.O. Box {self.n(1000, 99999)}, {emirate}, UAE", "ADDRESS", "ae-addr pobox"
        )

    def pe_address(self) -> Piece:
        street, district, city, post = self.rng.choice(PE_PLACES)
        city_part = district if district == city else f"{district}, {city}"
        return Piece(
            f"{street} {self.n(100, 6999)}, {city_part} {post}{self.pick(('', ', Perú'))}",
            "ADDRESS",
            "pe-addr",
        )

    def rs_address(self) -> Piece:
        street, post, town = self.rng.choice(RS_PLACES)
        number = "" if street.endswith("bb") else f" {self.n(1, 200)}"
        return Piece(f"{street}{number}, {post} {town}{self.pick(('', ', Srbija'))}", "ADDRESS", "rs-addr")

    def jr_address(self) -> Piece:
        town, city, pref, zip3 = self.rng.choice(JR_PLACES)
        b, g = self.n(1, 30), self.n(1, 40)
        zip_code = f"{zip3}-{self.d(4)}"
        if self.rng.random() < 0.35:  # Japanese order in Latin letters
            return Piece(f"{pref}-ken {city} {town} {b}-{g}", "ADDRESS", "jr-addr ja-order")
        return Piece(f"{b}-{g} {town}, {city}, {pref} {zip_code}, Japan", "ADDRESS", "jr-addr")

    def world_address(self) -> Piece:
        makers = (self.my_address, self.kr_address, self.cz_address, self.hu_address, self.ma_address)
        return self.rng.choice(
            (*makers, self.ae_address, self.pe_address, self.rs_address, self.jr_address)
        )()

    # -- Japanese addresses ------------------------------------------------------------------------

    def _ja_number(self) -> tuple[str, str]:  # noqa: PLR0911 - one return per written form
        c, b, g = self.n(1, 9), self.n(1, 60), self.n(1, 30)
        r = self.rng.random()
        if r < 0.2:
            return f"{c}丁目{b}番{g}号", "ban-go"
        if r < 0.32:
            return f"{kanji_number(c)}丁目{kanji_number(b)}番{kanji_number(g)}号", "kanji-num"
        if r < 0.47:
            return f"{self.n(100, 4999)}番地の{self.n(1, 12)}", "banchi-no"
        if r < 0.57:
            return f"{self.n(100, 4999)}番地", "banchi"
        if r < 0.67:
            dash = self.pick(("－", "‐", "ー", "−"))
            return f"{c}{dash}{b}{dash}{g}", "odd-dash"
        if r < 0.77:
            return f"{c}-{b}-{g}".translate(_FW), "hyphen fullwidth"
        return f"{c}-{b}-{g}", "hyphen"

    def ja_address(self, tag: str = "") -> Piece:
        if tag != "zip" and self.rng.random() < 0.12:
            pref, city, district, sides = self.rng.choice(JA_GRID_PLACES)
            lead = pref if self.rng.random() < 0.4 else ""
            grid = f"{district}{self.n(1, 30)}条{self.pick(sides)}{self.n(1, 12)}丁目"
            value = f"{lead}{city}{grid}{self.n(1, 20)}-{self.n(1, 30)}"
            return Piece(value, "ADDRESS", "ja-addr grid")
        pref, city, towns = self.rng.choice(JA_PLACES)
        number, shape = self._ja_number()
        building = ""
        if self.rng.random() < 0.35:
            name, room = self.pick(JA_BUILDINGS), f"{self.n(1, 4)}0{self.n(1, 8)}"
            building = self.pick((f"{name}{room}号室", f" {name} {room}", f"　{name}{room}"))
            if shape == "hyphen":
                building = self.pick((building, f"-{room}"))
            shape = f"{shape} building"
        lead = pref if self.rng.random() < 0.7 else ""
        parts = [lead, city, self.pick(towns), number]
        spaced = tag != "zip" and self.rng.random() < 0.15
        value = (" " if spaced else "").join(p for p in parts if p) + building
        if spaced:
            shape = f"{shape} spaced"
        if tag == "zip":
            value = f"〒{self.d(3)}-{self.d(4)}{self.pick((' ', '　', ''))}{value}"
            shape = f"{shape} zip-inside"
        return Piece(value, "ADDRESS", f"ja-addr {shape}")

    def postal(self, kind: str) -> Piece:  # noqa: PLR0911 - one return per written form
        if kind == "jp" or (not kind and self.lang == "ja"):
            code = f"{self.d(3)}-{self.d(4)}"
            r = self.rng.random()
            if r < 0.15:
                return Piece("〒" + code.translate(_FW), "POSTAL_CODE", "jp-zip mark fullwidth")
            if r < 0.25:
                return Piece("〒" + code.replace("-", ""), "POSTAL_CODE", "jp-zip mark nohyphen")
            mark = self.rng.random() < 0.5
            return Piece(("〒" if mark else "") + code, "POSTAL_CODE", "jp-zip" + (" mark" if mark else ""))
        r = self.rng.random()
        if r < 0.2:
            return Piece(self.rng.choice(MY_PLACES)[1], "POSTAL_CODE", "my-postcode")
        if r < 0.4:
            return Piece(self.rng.choice(KR_PLACES)[3], "POSTAL_CODE", "kr-postcode")
        if r < 0.6:
            return Piece(self.rng.choice(CZ_PLACES)[1], "POSTAL_CODE", "cz-postcode")
        if r < 0.75:
            return Piece(self.pick(("H-", "")) + self.rng.choice(HU_PLACES)[1], "POSTAL_CODE", "hu-postcode")
        if r < 0.9:
            return Piece(self.rng.choice(PE_PLACES)[3], "POSTAL_CODE", "pe-postcode")
        return Piece(self.rng.choice(RS_PLACES)[1], "POSTAL_CODE", "rs-postcode")

    # -- phones (every value checked with phonenumbers) --------------------------------------------

    def _until_valid(self, make: Callable[[], tuple[str, str | None]]) -> str:
        for _ in range(500):
            written, region = make()
            if valid_phone(phone_for_parsing(written), region):
                return written
        raise RuntimeError("no valid phone number in 500 draws")  # a mask above is wrong

    def jp_phone(self, spoken: bool = False) -> Piece:
        kind = self.rng.choices(("landline", "mobile"), (45, 55))[0]
        styles = ("hyphen", "space", "paren-area", "plus81", "plus81-0", "bare")
        style = "hyphen" if spoken else self.rng.choices(styles, (40, 14, 12, 12, 10, 12))[0]

        def make() -> tuple[str, str | None]:
            if kind == "landline":
                area = self.pick(JP_AREAS)
                head, mid = area, self.d(5 - len(area), "23456789")
            else:
                head, mid = self.pick(("90", "80", "70")), self.d(4, "123456789")
            last = self.d(4)
            written = {
                "hyphen": f"0{head}-{mid}-{last}",
                "space": f"0{head} {mid} {last}",
                "paren-area": f"(0{head}){mid}-{last}",
                "plus81": f"+81-{head}-{mid}-{last}",
                "plus81-0": f"+81 (0){head} {mid} {last}",
                "bare": f"0{head}{mid}{last}",
            }[style]
            return written, "JP"

        written = self._until_valid(make)
        form = f"jp-{kind} {style}"
        if spoken:
            words = ("zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine")
            digits = re.sub(r"\D", "", written)
            return Piece(" ".join(words[int(c)] for c in digits), "PHONE", f"jp-{kind} spoken")
        if self.lang == "ja" and style in ("hyphen", "bare"):
            r = self.rng.random()
            if r < 0.2:
                return Piece(written.translate(_FW), "PHONE", f"{form} fullwidth")
            if r < 0.28 and style == "hyphen":
                kanji = written.translate(str.maketrans("0123456789-", "〇一二三四五六七八九－"))
                return Piece(kanji, "PHONE", f"{form} kanji-digits")
        return Piece(written, "PHONE", form)

    def intl(self, region_only: str = "") -> Piece:
        choices = [m for m in INTL_MASKS if not region_only or m[0] == region_only.upper()]
        region, cc, masks = self.rng.choice(choices)
        style = self.rng.choices(("plus", "plus-0", "idd00", "national"), (45, 12, 13, 30))[0]
        mask = self.pick(masks)
        # Peru dials mobiles without its trunk 0, so "(0)" and a national 0 are for its landlines only.
        trunk = "" if region == "PE" and mask.startswith("9") else TRUNK[region]
        if style == "plus-0" and not trunk:
            style = "plus"

        def make() -> tuple[str, str | None]:
            nsn = self.fill(mask)
            if style == "plus":
                return f"+{cc} {nsn}", None
            if style == "plus-0":
                return f"+{cc} ({trunk}){nsn}", None
            if style == "idd00":
                return f"00{cc} {nsn}", None
            return f"{trunk}{nsn}" if trunk != "06" else f"06 {nsn}", region

        return Piece(self._until_valid(make), "PHONE", f"intl-{region.lower()} {style}")

    def phone(self, tag: str) -> Piece:
        if tag == "jp" or (not tag and self.lang == "ja" and self.rng.random() < 0.8):
            return self.jp_phone()
        if tag == "spoken":
            return self.jp_phone(spoken=True)
        if tag:
            return self.intl(tag)
        return self.intl() if self.rng.random() < 0.75 else self.jp_phone()

    # -- the rest ----------------------------------------------------------------------------------

    def email(self, tag: str) -> Piece:
        given, family, source = self.names.latin()
        g = re.sub(r"[^a-z]", "", unicodedata.normalize("NFKD", given.split()[0]).lower()) or "ops"
        f = re.sub(r"[^a-z]", "", unicodedata.normalize("NFKD", family.split()[-1]).lower()) or "desk"
        local = self.pick((f"{g}.{f}", f"{g[0]}{f}", f"{f}_{g}", f"{g}{self.n(1, 99)}", f"{f}.{g[0]}+qa"))
        domain = self.pick(EMAIL_DOMAINS)
        value = f"{local}@{domain}"
        form = f"mail-{source.split('-')[0]}"
        if tag == "mailto":
            return Piece(value, "EMAIL", f"{form} mailto", pre="mailto:")
        if tag == "angle":
            return Piece(value, "EMAIL", f"{form} angle", pre="<", post=">")
        r = self.rng.random()
        if r < 0.06:
            return Piece(f"{local} [at] {domain.replace('.', ' [dot] ')}", "EMAIL", f"{form} obfuscated")
        if r < 0.12:
            return Piece(value.upper(), "EMAIL", f"{form} caps")
        if self.lang == "ja" and r < 0.22:
            return Piece(value.translate(_FW), "EMAIL", f"{form} fullwidth")
        return Piece(value, "EMAIL", form)

    def card(self, tag: str) -> Piece:
        brand, prefixes, lengths = self.rng.choice(CARD_BRANDS)
        length = self.rng.choice(lengths)
        body = self.pick(prefixes)
        body += self.d(length - 1 - len(body))
        digits = next(body + c for c in string.digits if luhn_ok(body + c))
        style = tag or self.rng.choices(("space", "hyphen", "bare", "dot"), (45, 30, 18, 7))[0]
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
        style = self.rng.choices(("space", "hyphen", "bare"), (35, 35, 30))[0]
        sep = {"space": " ", "hyphen": "-", "bare": ""}[style]
        written = sep.join((digits[:4], digits[4:8], digits[8:]))
        if self.lang == "ja" and self.rng.random() < 0.2:
            return Piece(written.translate(_FW), "MY_NUMBER", f"mynumber {style} fullwidth")
        return Piece(written, "MY_NUMBER", f"mynumber {style}")

    def ip(self, tag: str) -> Piece:
        r = self.rng.random()
        if tag == "v6" or r < 0.15:
            groups = [f"{self.rng.randint(0, 0xFFFF):x}" for _ in range(4)]
            head = self.pick(("2001:db8", "fd12:3456", "2400:4050", "fe80"))
            value = str(ipaddress.IPv6Address(f"{head}::{':'.join(groups)}"))
            return Piece(value, "IP_ADDRESS", "ipv6")
        if r < 0.55:
            value = self.pick(
                (
                    f"10.{self.n(0, 255)}.{self.n(0, 255)}.{self.n(1, 254)}",
                    f"172.{self.n(16, 31)}.{self.n(0, 255)}.{self.n(1, 254)}",
                )
            )
            form = "ipv4 private"
        elif r < 0.8:
            value = f"192.168.{self.n(0, 255)}.{self.n(1, 254)}"
            form = "ipv4 private"
        else:
            while True:
                value = ".".join(str(self.n(1, 223)) for _ in range(4))
                if ipaddress.IPv4Address(value).is_global:
                    break
            form = "ipv4 public"
        if tag == "port" or (not tag and self.rng.random() < 0.15):
            return Piece(
                value,
                "IP_ADDRESS",
                f"{form} port",
                post=f":{self.pick(('502', '44818', '4840', '8080', '22'))}",
            )
        if tag == "cidr":
            return Piece(value, "IP_ADDRESS", f"{form} cidr", post=f"/{self.pick(('24', '32', '28'))}")
        return Piece(value, "IP_ADDRESS", form)

    def mac(self) -> Piece:
        octets = [f"{self.rng.randint(0, 255):02x}" for _ in range(6)]
        r = self.rng.random()
        if r < 0.35:
            return Piece(":".join(octets).upper(), "MAC_ADDRESS", "mac colon caps")
        if r < 0.55:
            return Piece("-".join(octets).upper(), "MAC_ADDRESS", "mac hyphen caps")
        if r < 0.7:
            joined = "".join(octets)
            return Piece(".".join((joined[:4], joined[4:8], joined[8:])), "MAC_ADDRESS", "mac dotted")
        if r < 0.82:
            return Piece("".join(octets), "MAC_ADDRESS", "mac bare")
        return Piece(":".join(octets), "MAC_ADDRESS", "mac colon")


# -- hard negatives --------------------------------------------------------------------------------


def _date(values: _Values) -> str:
    rng = values.rng
    y, m, dd = rng.randint(2024, 2027), rng.randint(1, 12), rng.randint(1, 28)
    if values.lang == "ja":
        return values.pick(
            (f"{y}年{m}月{dd}日", f"{m}月{dd}日", f"令和{y - 2018}年{m}月{dd}日", f"{y}/{m:02d}/{dd:02d}")
        )
    month = ("January", "February", "March", "April", "May", "June", "July", "August", "September",
             "October", "November", "December")[m - 1]  # fmt: skip
    return values.pick(
        (
            f"{dd} {month} {y}",
            f"{month} {dd}, {y}",
            f"{dd:02d}/{m:02d}/{y}",
            f"{y}{m:02d}{dd:02d}",
            f"wk {rng.randint(1, 52)}",
        )
    )


def _time(values: _Values) -> str:
    h, mm = values.rng.randint(0, 23), values.rng.randint(0, 59)
    if values.lang == "ja":
        return values.pick((f"{h}時{mm}分", f"{h:02d}:{mm:02d}", f"午前{h % 12}時{mm}分", f"{h}:{mm:02d}頃"))
    return values.pick(
        (f"{h:02d}:{mm:02d}", f"{h:02d}{mm:02d}h", f"{(h % 12) or 12}:{mm:02d} {'am' if h < 12 else 'pm'}")
    )


def _order(values: _Values) -> str:
    """A purchase-order or requisition number of 9-15 digits that is not a card (Luhn fails)."""
    digits = values.d(values.rng.randint(9, 15), "456789")
    if luhn_ok(digits):
        digits = digits[:-1] + str((int(digits[-1]) + 1) % 10)
    head = (
        values.pick(("PO ", "PR#", "REQ-", ""))
        if values.lang == "en"
        else values.pick(("注文番号", "発注No.", "PO"))
    )
    return head + digits


def _figure(values: _Values) -> str:
    rng = values.rng
    if values.lang == "ja":
        return values.pick(
            (
                f"{rng.randint(2, 9)},{rng.randint(100, 999)}個",
                f"{rng.randint(1, 99)}.{rng.randint(0, 9)}%",
                f"{rng.randint(10, 999)}万円",
            )
        )
    return values.pick(
        (
            f"{rng.randint(2, 99)},{rng.randint(100, 999)} units",
            f"${rng.randint(1, 99)},{rng.randint(100, 999)}.00",
            f"{rng.randint(1, 99)}.{rng.randint(0, 9)}% OEE",
        )
    )


def _negative_value(values: _Values, kind: str) -> str:
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
        "lot": NEG_LOTS,
        "ticket": NEG_TICKETS,
    }[kind]
    d = values.d
    return values.pick(patterns).format(
        d1=d(1), d2=d(2), d3=d(3), d4=d(4), d5=d(5), L=rng.choice("ABCDEFGHJKLMNPRSTUVWXZ"),
        y=rng.choice(("24", "25", "26")), m=f"{rng.randint(1, 12):02d}",
    )  # fmt: skip


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
        "pw": lambda: names.write_latin(tag),
        "pjr": lambda: names.write_latin(tag, romaji=True),
        "pk": names.write_katakana,
        "addr": values.world_address,
        "addr_my": values.my_address,
        "addr_kr": values.kr_address,
        "addr_cz": values.cz_address,
        "addr_hu": values.hu_address,
        "addr_ma": values.ma_address,
        "addr_ae": values.ae_address,
        "addr_pe": values.pe_address,
        "addr_rs": values.rs_address,
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


# -- templates -------------------------------------------------------------------------------------
# {slot} or {slot:tag}; n_<kind> is a hard negative, num a filler number. Latin person tags: caps,
# lower, given, family, init, initials, rev, capsfam, title, poss, at, plain; Japanese: hon, role,
# kanji, kana. Phone tags name a region (jp, my, kr, cz, hu, ma, ae, pe, rs) or "spoken".

EN_TEMPLATES = (
    # SMS and pager escalations
    "SMS 02:14 from {p:given}: {n_machine} tripped again, {p} not answering, pls call {phone} asap",
    "PAGER >> ESC L2 >> {n_ticket} >> ONCALL {p:caps} >> CB {phone}",
    "txt to {phone:my}: hi {pw:given} its {p:given} from line 4, can u swap sat shift w/ me?",
    # QA deviation / concession records
    "Deviation {n_ticket}: {n_part} out of tolerance ({n_unit}). Raised by {p:init}, approved by {p:title}; "
    "supplier contact {pw}, {email}.",
    "Concession request signed by {p:rev} (QA) and {p:rev} (Production), valid until {n_date}.",
    # shift rosters
    "ROSTER {n_date} | Early: {p:given-init}, {p:given-init} | Late: {p} | Night: {p:capsfam} | "
    "Standby: {p:init}",
    "Rota swap: {p} covers {p:poss} night shift on {n_date}; {p:given} to confirm with the shift lead.",
    # contractor sign-in sheets
    "Contractor sign-in | {pw} | {n_maker} | in {n_time} | mobile {phone} | host {p:init}",
    "SIGN-IN {n_date}: {pw:caps}, company address {addr}, vehicle reg noted, escort {pjr}",
    # CCTV footage requests
    "CCTV request: {p:title} asks for footage of {n_place} between {n_time} and {n_time}; requester e-mail "
    "{email}, approver {p}.",
    # vendor bank-detail change requests
    "Vendor master change: {pw} asks to move payments to a new account; call-back done on {phone} "
    "by {p:init}. "
    "Remit-to address now {addr}.",
    "FRAUD CHECK - e-mail from {email:angle} claims to be {pw}; the known contact number is {phone}, "
    "card on file {card}.",
    # job application excerpts
    "Applicant: {pw} | Address: {addr} | Tel: {phone} | E-mail: {email} | Ref: {p}",
    "CV excerpt - {pw:caps}, maintenance technician, lives at {addr_cz}, reachable on {phone:cz}.",
    # meeting captions with disfluencies
    "[00:14:02] Speaker 2: um so {p:given} said uh the {n_machine} was fine but [inaudible] {p} disagreed",
    "[00:31:47] {p}: yeah if anyone needs me my cell is uh {phone:spoken} okay",
    "caption: so we uh we sent the the samples to {pw} at um {addr_kr} last week",
    # ticket-system comments
    "Ticket {n_ticket} - assignee: {p:lower} - comment by @{p:at}: replaced NIC, new MAC {mac}, "
    "static IP {ip}.",
    "{n_ticket} updated by {p}: laptop of {pw} reimaged, IP {ip:port} whitelisted, user mail {email}.",
    # config snippets
    'plc_gateway: {{ host: "{ip}", mac: "{mac}", owner: "{p}", owner_phone: "{phone}" }}',
    '{{"device": "HMI-07", "ip": "{ip}", "contact": "{pw}", "email": "{email}"}}',
    "[historian] server = {ip:cidr}; admin = {p:lower}; notify = {email:mailto}",
    # hazardous-waste manifests
    "Waste manifest {n_ticket}: generator contact {p}, transporter driver {pw}, site address {addr_my}, "
    "emergency tel {phone:my}.",
    "Manifest copy to {pw:title}, {addr_ae}, phone {phone:ae}.",
    # gas-cylinder registers
    "Cylinder register: {num} x argon received by {p:init}, returned by {pjr:family}; "
    "courier {pw} ({phone:ma}).",
    # purchase-requisition approval chains
    "Requisition {n_order} for {n_part}: requested {p}, approved {p:rev}, "
    "paid with P-card {card} by {p:given}.",
    "Approval chain: {p} -> {p} -> {pw:title}; deliver to {addr_hu}, postcode {zip} on the label.",
    # on-call call-out logs
    "Call-out log {n_date}: {p} called in at {n_time} for {n_machine}, home address {addr_pe} "
    "(taxi reimbursed), tel {phone:pe}.",
    "After-hours call to {pw} on {phone:rs}, address on file {addr_rs}; My Number {mynum} in the HR pack.",
    # whiteboard transcription
    # payroll, expenses, address changes, badges
    "Payroll query: {p} asks why the My Number {mynum} on the slip differs; postcode {zip:jp} is wrong too.",
    "Expense claim {n_ticket}: {p} paid {n_figure} on card {card}, receipt posted to {pw}, postcode {zip}.",
    "Address change: {p}, new postcode {zip}; My Number {mynum} re-verified by {p:init}.",
    "Visitor badge for {pw}: postcode {zip}, deposit card {card:hyphen}, escort {p}.",
    "whiteboard: TODO {p:given} -> {n_machine} guard; {p:given} -> order {n_part}; ring {pw:given} {phone}",
    # hard negatives only
    "SMS 04:40: {n_machine} back up, {n_unit}, see {n_ticket}.",
    "Deviation {n_ticket}: {n_part} from {n_lot} measured {n_unit}, {n_std} clause cited.",
    "ROSTER {n_date} | {n_place} closed | {n_namelike} on reduced crew",
    "Contractor sign-in | {n_maker} service | {n_machine} | in {n_time} | out {n_time}",
    "Requisition {n_order}: {n_part} x{num} from {n_maker}, total {n_figure}, need by {n_date}.",
    "[00:05:11] Speaker 1: um the {n_machine} at the {n_namelike} ran {n_figure} yesterday",
    "Waste manifest {n_ticket}: {n_unit} of coolant sludge from {n_place}, {n_date}.",
    'plc_gateway: {{ line: "{n_machine}", lot: "{n_lot}", spec: "{n_std}" }}',
    "Cylinder register {n_date}: {num} x CO2 to {n_place}, {n_maker} regulator {n_part}.",
    "Expense claim {n_ticket}: {n_figure} for {n_part} from {n_maker}, {n_date}.",
    "whiteboard: {n_namelike} -> {n_ticket}; {n_machine} PM {n_date}; target {n_figure}",
)

JA_TEMPLATES = (
    # SMSエスカレーション
    "【SMS】{n_time} {p:hon}より：{n_machine}停止、{p:role}に連絡つかず。至急{phone}へ折り返し願います",
    "SMS転送：{p}です。夜勤の{p:hon}が体調不良、代わりに入れる人は{phone}まで",
    # 逸脱記録
    "逸脱記録{n_ticket}　{n_part}寸法外れ（{n_unit}）　発見者：{p}　承認：{p:role}　"
    "仕入先担当 {pw}（{email}）",
    "特採申請：{p:kanji}（品証）、{p:kanji}（製造）押印済み、有効期限{n_date}",
    # 勤務シフト表
    "勤務シフト表 {n_date}　早番：{p}、{p}　遅番：{p:hon}　夜勤：{p:kana}　待機：{p:role}",
    "シフト交代：{p:hon}の夜勤を{p:hon}が代わる。{p:role}確認済み。",
    # 協力会社入構サイン表
    "協力会社入構サイン表｜{p}｜{n_maker}｜入構{n_time}｜携帯{phone}｜立会{p:hon}",
    "入構者：{pw}（{n_maker}）、住所 {jaddr}、連絡先 {phone:jp}",
    # 防犯カメラ映像閲覧申請
    "防犯カメラ映像閲覧申請：申請者{p:role}、対象{n_place} {n_time}～{n_time}、"
    "連絡メール{email}、承認{p:hon}",
    # 振込先変更依頼
    "振込先変更依頼：{pw}様より。確認電話は{p:hon}が{phone}へ実施。請求書送付先{addr}",
    "【要注意】{email:angle}から{p:kanji}名義で口座変更の依頼。登録カード{card}、登録電話{phone:jp}",
    # 履歴書抜粋
    "履歴書抜粋　氏名：{p:kanji}　ふりがな：{p:kana}　住所：{jaddr:zip}　電話：{phone}",
    "応募者{p:hon}　現住所{jaddr}　メール{email}　マイナンバーは採用後に提出",
    # 会議の文字起こし
    "えー、{p:hon}が、あのー、{n_machine}の件で、えー、{p:hon}と話したそうです",
    "（文字起こし）{p}：あ、はい、えっと、私の携帯は{phone:jp}なので、あのー、何かあれば",
    "えーっと、サンプルは、{pw}さんの、あの、{addr_kr}の方に送りました",
    # チケットのコメント
    "チケット{n_ticket}　担当：{p}　コメント（@{p}）：NIC交換、MAC {mac}、固定IP {ip}",
    "{n_ticket}更新者{p:hon}：{pw}さんのPCを再セットアップ、IP {ip:port}許可、メール{email}",
    # 設定ファイル
    'plc_gateway: {{ host: "{ip}", mac: "{mac}", owner: "{p}", tel: "{phone}" }}',
    "[historian] server={ip:cidr} ; 管理者={p} ; 通知先={email:mailto}",
    # 産廃マニフェスト
    "産廃マニフェスト{n_ticket}　排出事業者担当{p}　運搬者{p:hon}　排出場所{jaddr}　緊急連絡{phone:jp}",
    # 高圧ガス容器受払簿
    "高圧ガス容器受払簿　アルゴン{num}本　受入{p:hon}　返却{p:hon}　配送{pw}（{phone}）",
    # 購買依頼の稟議
    "購買依頼{n_order}　{n_part}　起票{p}　承認{p:role}→{p:role}　法人カード{card}で決済",
    "稟議：{p:kanji}→{p:kanji}→{p:role}　納品先{jaddr:zip}、郵便番号{zip}",
    # 夜間呼出記録
    "夜間呼出記録{n_date}　{p:hon}を{n_time}に呼出（{n_machine}）、自宅{jaddr}からタクシー、携帯{phone:jp}",
    "呼出：{p}（マイナンバー{mynum}は人事保管）、住所{jaddr}、個人携帯{phone}",
    # ホワイトボード書き起こし
    "ホワイトボード：{p} → {n_machine}カバー　{p} → {n_part}発注　{p:hon}に電話 {phone}",
    "（書き起こし）海外拠点：{pw}　{addr}　{phone}",
    "技能実習生{pk}さんの在留カード住所{jaddr}、母国の家族連絡先{phone:my}",
    "源泉徴収票の再発行：{p:hon}、個人番号{mynum}、送付先郵便番号{zip}",
    "経費精算{n_ticket}：{p:hon}が法人カード{card}で{n_figure}を立替、領収書は{p:role}へ",
    "住所変更届：{p}　新郵便番号{zip}　旧住所{jaddr}　マイナンバー{mynum}確認済み",
    "来客用駐車券：{pw}様、デポジットカード{card}、郵便番号{zip}、案内{p:hon}",
    "{p:hon}のIP電話端末 {ip}（MAC {mac}）を{n_place}に移設",
    # hard negatives only
    "【SMS】{n_time} {n_machine}復旧、{n_unit}で安定、{n_ticket}参照",
    "逸脱記録{n_ticket}　{n_part}　{n_lot}　測定値{n_unit}　{n_std}準拠",
    "勤務シフト表 {n_date}　{n_place}休止　{n_namelike}は縮小体制",
    "協力会社入構サイン表｜{n_maker}サービス｜{n_machine}｜入構{n_time}｜退構{n_time}",
    "購買依頼{n_order}　{n_part}×{num}　{n_maker}　金額{n_figure}　納期{n_date}",
    "えー、{n_namelike}の、あのー、{n_machine}は昨日{n_figure}でした",
    "産廃マニフェスト{n_ticket}　廃油{n_unit}　{n_place}　{n_date}",
    "高圧ガス容器受払簿 {n_date}　炭酸ガス{num}本　{n_place}　{n_maker}製調整器",
    "ホワイトボード：{n_namelike} → {n_ticket}　{n_machine}点検{n_date}　目標{n_figure}",
    "経費精算{n_ticket}：{n_maker}の{n_part}、金額{n_figure}、{n_date}",
    "{n_maker}の{n_machine}を{n_namelike}へ移設、{n_lot}は{n_place}で保管",
)


def _render(values: _Values, lang: str, template: str) -> Sample:
    return render(values, lang, template, lambda name, tag: fill_slot(values, name, tag))


def generate_eighth(per_lang: int, seed: int = 8) -> list[Sample]:
    """``per_lang`` Japanese sentences, then ``per_lang`` English ones; the same for the same seed.
    Templates are dealt in shuffled rounds, so each is used about equally."""
    values = _Values(seed)
    return deal(values.rng, per_lang, (("ja", JA_TEMPLATES), ("en", EN_TEMPLATES)),
                lambda lang, template: _render(values, lang, template))
