"""Person names of the eleventh evaluation set (see :mod:`edged.privacy.evalset_eleventh`): the hand
lists of origins no other set drew from, romanised Japanese names (Hepburn and Kunrei-shiki), and
Japanese names in kanji, kana and katakana."""

from __future__ import annotations

import random
import re
import unicodedata

from edged.privacy.evalset_eleventh_data import (
    HAND_NAMES,
    JA_FAMILY_COMMON,
    JA_FAMILY_RARE,
    JA_GIVEN,
    JA_GIVEN_KANA,
    JA_HONORIFICS,
    JA_KANA_FULL,
    JA_KATAKANA_FOREIGN,
    JA_ROLES,
    ROMAJI_HEPBURN,
    ROMAJI_KUNREI,
)
from edged.privacy.evalset_render import Piece

_TITLES = ("Dr.", "Mr.", "Ms.", "Mx.", "Engr.", "Prof.")
_FAMILY_FIRST = ("hand-hokkien", "hand-hakka", "hand-cantonese", "hand-meitei")
# Origins where a generational suffix is usual in a payroll; elsewhere the name is written plain.
_SUFFIXED = ("hand-acadian", "hand-belizean", "hand-krio", "hand-plantword", "hand-panamanian")
_SUFFIXES = ("Jr.", "Sr.", "III")


def ascii_fold(text: str) -> str:
    """Lowercase ASCII letters of a name, for handles and mail locals."""
    return re.sub(r"[^a-z]", "", unicodedata.normalize("NFKD", text).lower())


class Names:
    """Person names for both languages, from one seeded ``random.Random``."""

    def __init__(self, rng: random.Random) -> None:
        self.rng = rng
        self.regions = tuple(sorted(HAND_NAMES))

    def pick(self, items: tuple[str, ...]) -> str:
        return self.rng.choice(items)

    def romaji(self) -> tuple[str, str, str]:
        if self.rng.random() < 0.35:
            given, family = self.rng.choice(ROMAJI_KUNREI)
            return given, family, "hand-kunrei"
        given, family = self.rng.choice(ROMAJI_HEPBURN)
        return given, family, "hand-romaji"

    def latin(self) -> tuple[str, str, str]:
        """(given, family, source) of a name in Latin letters."""
        if self.rng.random() < 0.85:
            region = self.pick(self.regions)
            given, family = self.rng.choice(HAND_NAMES[region])
            return given, family, f"hand-{region}"
        return self.romaji()

    def write_latin(self, tag: str, romaji: bool = False) -> Piece:
        given, family, source = self.romaji() if romaji else self.latin()
        full = f"{given} {family}"
        if source in _FAMILY_FIRST and self.rng.random() < 0.5:
            # Singapore, Hong Kong, Sarawak and Manipur records put the family name first.
            full = f"{family} {given}"
            source += " family-first"
        elif source in ("hand-romaji", "hand-kunrei") and self.rng.random() < 0.45:
            # A passport or an HR system of Japan writes the family name first, often in capitals.
            full = self.pick((f"{family.upper()} {given}", f"{family} {given}"))
            source += " family-first"
        style = (
            tag
            or self.rng.choices(
                ("plain", "init", "rev", "capsfam", "lower", "caps", "suffix"), (60, 9, 8, 7, 7, 5, 4)
            )[0]
        )
        shapes = {
            "plain": full,
            "caps": full.upper(),
            "lower": full.lower(),
            "given": given,
            "family": family,
            "init": f"{given[0]}. {family}",
            "rev": f"{family}, {given}",
            "capsfam": f"{family.upper()}, {given}",
            "initdot": "".join(f"{part[0]}." for part in given.split()) + f" {family}",
            "host": ascii_fold(given.split()[0]) or "user",
        }
        if style in shapes:
            return Piece(shapes[style], "PERSON", f"{source} {style}")
        if style == "suffix" and source not in _SUFFIXED:
            style = "plain"
        if style == "suffix":  # a generational suffix is part of the name, as a payroll keeps it
            return Piece(f"{full} {self.pick(_SUFFIXES)}", "PERSON", f"{source} suffix")
        if style == "title":
            return Piece(full, "PERSON", f"{source} title", pre=self.pick(_TITLES) + " ")
        if style == "poss":
            return Piece(full, "PERSON", f"{source} poss", post="'" if full.endswith("s") else "'s")
        if style == "at":
            handle = f"{ascii_fold(given.split()[0])}.{ascii_fold(family)}"
            return Piece(handle, "PERSON", f"{source} handle", pre="@")
        return Piece(full, "PERSON", f"{source} {style}")

    def _family(self) -> tuple[str, str]:
        rare = self.rng.random() < 0.45
        return self.pick(JA_FAMILY_RARE if rare else JA_FAMILY_COMMON), "ja-rare" if rare else "ja-common"

    def japanese(self) -> tuple[str, str]:
        """(value, form) of a Japanese-text name, without honorific."""
        r = self.rng.random()
        family, source = self._family()
        if r < 0.34:
            sep = self.pick(("", " ", "\u3000", "\u3000"))
            return family + sep + self.pick(JA_GIVEN), f"{source} full"
        if r < 0.58:
            return family, f"{source} family"
        if r < 0.66:
            return family + self.pick(("", "\u3000")) + self.pick(JA_GIVEN_KANA), f"{source} kana-given"
        if r < 0.75:
            return self.pick(JA_KANA_FULL), "ja-kana full"
        if r < 0.9:
            return self._katakana(), "ja-foreign katakana"
        given, family_l, source_l = self.latin()
        return f"{given} {family_l}", f"{source_l} in-ja"

    def _katakana(self) -> str:
        parts = self.pick(JA_KATAKANA_FOREIGN).split("/")
        return self.pick(("・", "・", "＝", " ", "\u3000")).join(parts)

    def write_katakana(self) -> Piece:
        return Piece(self._katakana(), "PERSON", "ja-foreign katakana")

    def write_japanese(self, tag: str) -> Piece:
        if tag in ("kanji", "family"):
            family, source = self._family()
            if tag == "family":
                return Piece(family, "PERSON", f"{source} family")
            return Piece(family + self.pick(("", "\u3000")) + self.pick(JA_GIVEN), "PERSON", f"{source} full")
        value, form = self.japanese()
        if tag == "hon":
            return Piece(value, "PERSON", f"{form} hon", post=self.pick(JA_HONORIFICS))
        if tag == "role":
            return Piece(value, "PERSON", f"{form} role", post=self.pick(JA_ROLES))
        return Piece(value, "PERSON", form)
