"""Person names of the ninth evaluation set (see :mod:`edged.privacy.evalset_ninth`): Faker ka_GE and
hy_AM and mimesis ko, put into Latin letters here, the hand lists, and Japanese names."""

from __future__ import annotations

import random
from typing import Any

from edged.errors import MissingExtra
from edged.privacy.evalset_ninth_data import (
    HAND_NAMES,
    JA_FAMILY_COMMON,
    JA_FAMILY_RARE,
    JA_GIVEN,
    JA_GIVEN_KANA,
    JA_HONORIFICS,
    JA_KANA_FULL,
    JA_KATAKANA_FOREIGN,
    JA_ROLES,
    ROMAJI_FAMILY,
    ROMAJI_GIVEN,
)
from edged.privacy.evalset_render import Piece

FAKER_NAME_LOCALES = ("ka_GE", "hy_AM")
MIMESIS_NAME_LOCALES = ("ko",)

# -- Georgian: the national system of 2002, without the ejectives' apostrophes (as passports) ------
_GEORGIAN_LETTERS = "აბგდევზთიკლმნოპჟრსტუფქღყშჩცძწჭხჯჰ"
_GEORGIAN_LATIN = "a|b|g|d|e|v|z|t|i|k|l|m|n|o|p|zh|r|s|t|u|p|k|gh|q|sh|ch|ts|dz|ts|ch|kh|j|h"
_GEORGIAN = dict(zip(_GEORGIAN_LETTERS, _GEORGIAN_LATIN.split("|"), strict=True))
# -- Armenian: a passport-style table; "ու" is u, ե is ye and ո is vo at the start of a word --------
_ARMENIAN_LETTERS = "աբգդեզէըթժիլխծկհձղճմյնշոչպջռսվտրցւփքօֆ"
_ARMENIAN_LATIN = "a|b|g|d|e|z|e|y|t|zh|i|l|kh|ts|k|h|dz|gh|ch|m|y|n|sh|o|ch|p|j|r|s|v|t|r|ts|v|p|k|o|f"
_ARMENIAN = dict(zip(_ARMENIAN_LETTERS, _ARMENIAN_LATIN.split("|"), strict=True))


def georgian_latin(name: str) -> str:
    """A Georgian name in Latin letters: ნაჭყებია -> Nachqebia."""
    return " ".join("".join(_GEORGIAN.get(ch, ch) for ch in word).capitalize() for word in name.split())


def armenian_latin(name: str) -> str:
    """An Armenian name in Latin letters: Աժանջյան -> Azhanjyan, Երվանդ -> Yervand."""
    words = []
    for word in name.split():
        low = word.lower().replace("ու", "\x00").replace("և", "ev")
        out = []
        for i, ch in enumerate(low):
            if ch == "\x00":
                out.append("u")
            elif i == 0 and ch == "ե":
                out.append("ye")
            elif i == 0 and ch == "ո":
                out.append("vo")
            else:
                out.append(_ARMENIAN.get(ch, ch))
        words.append("-".join(part.capitalize() for part in "".join(out).split("-")))
    return " ".join(words)


# -- Korean: the Revised Romanization, syllable by syllable ------------------------------------------
_KO_INITIALS = "g|kk|n|d|tt|r|m|b|pp|s|ss||j|jj|ch|k|t|p|h"
_KO_MEDIALS = "a|ae|ya|yae|eo|e|yeo|ye|o|wa|wae|oe|yo|u|wo|we|wi|yu|eu|ui|i"
_KO_FINALS = "|k|k|k|n|n|n|t|l|k|m|l|l|l|p|l|m|p|p|t|t|ng|t|t|k|t|p|t"
_KO_INITIAL, _KO_MEDIAL, _KO_FINAL = (table.split("|") for table in (_KO_INITIALS, _KO_MEDIALS, _KO_FINALS))
# Family names as Koreans write them in Latin letters, not as the Revised Romanization would.
_KO_FAMILY = {"김": "Kim", "이": "Lee", "박": "Park", "최": "Choi", "정": "Jung", "강": "Kang", "조": "Cho",
              "윤": "Yoon", "장": "Jang", "임": "Lim", "오": "Oh", "신": "Shin", "류": "Ryu", "노": "Noh",
              "우": "Woo", "문": "Moon", "양": "Yang", "손": "Son", "배": "Bae", "백": "Baek"}  # fmt: skip


def _ko_syllable(ch: str, first: bool) -> str:
    code = ord(ch) - 0xAC00
    if not 0 <= code < 11172:
        return ch
    initial, medial, final = code // 588, (code % 588) // 28, code % 28
    head = _KO_INITIAL[initial]
    if first and initial == 5:  # ㄹ at the start of a name is written r in the Revised Romanization
        head = "r"
    return head + _KO_MEDIAL[medial] + _KO_FINAL[final]


def korean_latin(given: str, family: str, hyphen: bool) -> tuple[str, str]:
    """(given, family) in Latin letters: 민준, 김 -> ("Min-jun", "Kim") or ("Minjun", "Kim")."""
    parts = [_ko_syllable(ch, i == 0) for i, ch in enumerate(given)]
    joined = ("-" if hyphen else "").join(parts)
    fam = _KO_FAMILY.get(family) or "".join(_ko_syllable(ch, True) for ch in family)
    return joined.capitalize(), fam.capitalize()


class Names:
    """Person names for both languages, from one seeded ``random.Random``."""

    def __init__(self, rng: random.Random, seed: int) -> None:
        try:
            from faker import Faker
        except ImportError:
            raise MissingExtra("faker", "bench", "The ninth redaction evaluation set") from None
        try:
            import mimesis
        except ImportError:
            raise MissingExtra("mimesis", "bench", "The ninth redaction evaluation set") from None
        self.rng = rng
        self.fakers: dict[str, Any] = {}
        for i, loc in enumerate(FAKER_NAME_LOCALES):
            fake = Faker(loc)
            fake.seed_instance(seed * 1013 + i)
            self.fakers[loc] = fake
        self.korean = mimesis.Person(mimesis.Locale.KO, seed=seed * 1013 + 50)
        self.regions = tuple(sorted(HAND_NAMES))

    def pick(self, items: tuple[str, ...]) -> str:
        return self.rng.choice(items)

    def latin(self) -> tuple[str, str, str]:
        """(given, family, source) of a name in Latin letters; Korean ones keep the family first."""
        from mimesis.enums import Gender

        r = self.rng.random()
        male = self.rng.random() < 0.6
        if r < 0.22:
            loc = self.pick(FAKER_NAME_LOCALES)
            fake = self.fakers[loc]
            given = fake.first_name_male() if male else fake.first_name_female()
            family = fake.last_name_male() if male else fake.last_name_female()
            write = georgian_latin if loc == "ka_GE" else armenian_latin
            return write(str(given)), write(str(family)), f"faker-{loc}"
        if r < 0.34:
            gender = Gender.MALE if male else Gender.FEMALE
            given, family = korean_latin(
                self.korean.first_name(gender), self.korean.last_name(gender), self.rng.random() < 0.6
            )
            return given, family, "mimesis-ko"
        if r < 0.9:
            region = self.pick(self.regions)
            given, family = self.rng.choice(HAND_NAMES[region])
            return given, family, f"hand-{region}"
        return self.pick(ROMAJI_GIVEN), self.pick(ROMAJI_FAMILY), "hand-romaji"

    def write_latin(self, tag: str, romaji: bool = False) -> Piece:
        if romaji:
            given, family, source = self.pick(ROMAJI_GIVEN), self.pick(ROMAJI_FAMILY), "hand-romaji"
        else:
            given, family, source = self.latin()
        full = f"{given} {family}"
        if source == "mimesis-ko" or (source == "hand-romaji" and self.rng.random() < 0.35):
            full = f"{family} {given}"
            source += " family-first"
        style = tag or self.rng.choices(("plain", "init", "rev", "capsfam", "given"), (70, 9, 8, 8, 5))[0]
        shapes = {
            "plain": full,
            "caps": full.upper(),
            "lower": full.lower(),
            "given": given,
            "family": family,
            "init": f"{given[0]}. {family}",
            "rev": f"{family}, {given}",
            "capsfam": f"{family.upper()}, {given}",
        }
        if style in shapes:
            return Piece(shapes[style], "PERSON", f"{source.split()[0]} {style}")
        if style == "title":
            title = self.pick(("Dr.", "Eng.", "Prof.", "Mx.", "Capt.", "Ing."))
            return Piece(full, "PERSON", f"{source.split()[0]} title", pre=title + " ")
        if style == "poss":
            return Piece(
                full, "PERSON", f"{source.split()[0]} poss", post="'" if full.endswith("s") else "'s"
            )
        if style == "at":
            handle = (given.split()[0] + "." + family.split()[-1]).lower()
            return Piece(handle, "PERSON", f"{source.split()[0]} handle", pre="@")
        return Piece(full, "PERSON", f"{source.split()[0]} {style}")

    def japanese(self) -> tuple[str, str]:
        """(value, form) of a Japanese-text name, without honorific."""
        r = self.rng.random()
        rare = self.rng.random() < 0.4
        family = self.pick(JA_FAMILY_RARE if rare else JA_FAMILY_COMMON)
        source = "ja-rare" if rare else "ja-common"
        if r < 0.32:
            sep = self.pick(("", " ", "\u3000", "\u3000"))
            return family + sep + self.pick(JA_GIVEN), f"{source} full"
        if r < 0.6:
            return family, f"{source} family"
        if r < 0.68:
            return family + self.pick(("", "\u3000")) + self.pick(JA_GIVEN_KANA), f"{source} kana-given"
        if r < 0.77:
            return self.pick(JA_KANA_FULL), "ja-kana full"
        if r < 0.9:
            parts = self.pick(JA_KATAKANA_FOREIGN).split("/")
            return self.pick(("・", "・", "＝", " ")).join(parts), "ja-foreign katakana"
        given, family = self.pick(ROMAJI_GIVEN), self.pick(ROMAJI_FAMILY)
        return self.pick((f"{family.upper()} {given}", f"{given} {family}")), "hand-romaji in-ja"

    def write_katakana(self) -> Piece:
        parts = self.pick(JA_KATAKANA_FOREIGN).split("/")
        return Piece(self.pick(("・", "・", "＝", " ")).join(parts), "PERSON", "ja-foreign katakana")

    def write_japanese(self, tag: str) -> Piece:
        value, form = self.japanese()
        if tag == "hon":
            return Piece(value, "PERSON", f"{form} hon", post=self.pick(JA_HONORIFICS))
        if tag == "role":
            return Piece(value, "PERSON", f"{form} role", post=self.pick(JA_ROLES))
        if tag == "kanji":
            rare = self.rng.random() < 0.4
            family = self.pick(JA_FAMILY_RARE if rare else JA_FAMILY_COMMON)
            sep = self.pick(("", "\u3000"))
            source = "ja-rare" if rare else "ja-common"
            return Piece(family + sep + self.pick(JA_GIVEN), "PERSON", f"{source} full")
        if tag == "kana":
            return Piece(self.pick(JA_KANA_FULL), "PERSON", "ja-kana full")
        return Piece(value, "PERSON", form)
