"""Person names of the tenth evaluation set (see :mod:`edged.privacy.evalset_tenth`): Faker mr_IN,
gu_IN and or_IN (Marathi, Gujarati and Odia script) put into Latin letters here, the hand lists, and
Japanese names."""

from __future__ import annotations

import random
import re
import unicodedata
from typing import Any

from edged.errors import MissingExtra
from edged.privacy.evalset_render import Piece
from edged.privacy.evalset_tenth_data import (
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

FAKER_NAME_LOCALES = ("mr_IN", "gu_IN", "or_IN")

# -- Indic scripts: the Brahmic blocks of Unicode are laid out in parallel (after ISCII), so Gujarati
# (U+0A80) and Odia (U+0B00) are moved onto Devanagari (U+0900) and read with one table, the way
# Indian passports and payrolls write names: no diacritics, aa as a, a final inherent vowel dropped.
_BLOCK_START = {0x0A80: 0x0900, 0x0B00: 0x0900}
_CONSONANTS = {
    0x15: "k", 0x16: "kh", 0x17: "g", 0x18: "gh", 0x19: "n", 0x1A: "ch", 0x1B: "chh", 0x1C: "j",
    0x1D: "jh", 0x1E: "n", 0x1F: "t", 0x20: "th", 0x21: "d", 0x22: "dh", 0x23: "n", 0x24: "t",
    0x25: "th", 0x26: "d", 0x27: "dh", 0x28: "n", 0x2A: "p", 0x2B: "ph", 0x2C: "b", 0x2D: "bh",
    0x2E: "m", 0x2F: "y", 0x30: "r", 0x32: "l", 0x33: "l", 0x35: "v", 0x36: "sh", 0x37: "sh",
    0x38: "s", 0x39: "h", 0x5C: "r", 0x5D: "rh", 0x5F: "y", 0x71: "w",
}  # fmt: skip
_VOWELS = {
    0x05: "a", 0x06: "a", 0x07: "i", 0x08: "i", 0x09: "u", 0x0A: "u", 0x0B: "ri", 0x0F: "e",
    0x10: "ai", 0x13: "o", 0x14: "au",
}  # fmt: skip
_SIGNS = {
    0x3E: "a", 0x3F: "i", 0x40: "i", 0x41: "u", 0x42: "u", 0x43: "ri", 0x47: "e", 0x48: "ai",
    0x4B: "o", 0x4C: "au", 0x57: "au",
}  # fmt: skip
_VIRAMA, _ANUSVARA, _CANDRABINDU, _VISARGA, _NUKTA = 0x4D, 0x02, 0x01, 0x03, 0x3C


def _offsets(word: str) -> list[int]:
    """Each character as its offset in the Devanagari block (-1 for anything else)."""
    out = []
    for ch in word:
        code = ord(ch)
        for start in (0x0900, 0x0A80, 0x0B00):
            if start <= code < start + 0x80:
                out.append(code - start)
                break
        else:
            out.append(-1)
    return out


def _syllables(word: str) -> list[list[str]]:
    """[consonant, vowel] pairs (vowel "" after a virama, None for the inherent a) and extras."""
    parts: list[list[Any]] = []
    for off in _offsets(word):
        if off in _CONSONANTS:
            parts.append([_CONSONANTS[off], None])
        elif off in _VOWELS:
            parts.append(["", _VOWELS[off]])
        elif off in _SIGNS and parts:
            parts[-1][1] = _SIGNS[off]
        elif off == _VIRAMA and parts:
            parts[-1][1] = ""
        elif off in (_ANUSVARA, _CANDRABINDU) and parts:
            parts.append(["\x01", ""])  # n or m, decided by what follows
        elif off == _VISARGA and parts:
            parts.append(["h", ""])
    return parts


def indic_latin(name: str) -> str:
    """A Marathi, Gujarati or Odia name in Latin letters: देशमुख -> Deshmukh, પંકજ -> Pankaj."""
    words = []
    for word in name.split():
        parts = _syllables(word)
        # The inherent a is dropped at the end of a word, and in the middle when a vowel comes
        # before it and a consonant with its own vowel after it (देशमुख: de-sh-mu-kh).
        for i, part in enumerate(parts):
            if part[1] is not None or not part[0] or part[0] == "\x01":
                continue
            cluster = i > 0 and parts[i - 1][1] == "" and parts[i - 1][0] != "\x01"
            if i == len(parts) - 1:
                part[1] = "a" if cluster else ""
                continue
            before = i > 0 and parts[i - 1][1] != ""
            nxt = parts[i + 1]
            after = i + 1 < len(parts) - 1 and nxt[0] not in ("", "\x01") and bool(nxt[1])
            part[1] = "" if before and after else "a"
        out = []
        for i, (cons, vowel) in enumerate(parts):
            written = cons
            if cons == "\x01":  # an anusvara is m before a labial, n elsewhere
                nxt = parts[i + 1][0] if i + 1 < len(parts) else ""
                written = "m" if nxt[:1] in ("p", "b", "m") else "n"
            out.append(written + (vowel or ""))
        text = "".join(out)
        words.append(text[:1].upper() + text[1:])
    return " ".join(words)


class Names:
    """Person names for both languages, from one seeded ``random.Random``."""

    def __init__(self, rng: random.Random, seed: int) -> None:
        try:
            from faker import Faker
        except ImportError:
            raise MissingExtra("faker", "bench", "The tenth redaction evaluation set") from None
        self.rng = rng
        self.fakers: dict[str, Any] = {}
        for i, loc in enumerate(FAKER_NAME_LOCALES):
            fake = Faker(loc)
            fake.seed_instance(seed * 7919 + i)
            self.fakers[loc] = fake
        self.regions = tuple(sorted(HAND_NAMES))

    def pick(self, items: tuple[str, ...]) -> str:
        return self.rng.choice(items)

    def latin(self) -> tuple[str, str, str]:
        """(given, family, source) of a name in Latin letters."""
        r = self.rng.random()
        if r < 0.25:
            loc = self.pick(FAKER_NAME_LOCALES)
            fake = self.fakers[loc]
            given = fake.first_name_male() if self.rng.random() < 0.6 else fake.first_name_female()
            return indic_latin(str(given)), indic_latin(str(fake.last_name())), f"faker-{loc}"
        if r < 0.88:
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
        if source == "hand-romaji" and self.rng.random() < 0.4:
            full = self.pick((f"{family.upper()} {given}", f"{family} {given}"))
            source += " family-first"
        style = (
            tag
            or self.rng.choices(("plain", "init", "rev", "capsfam", "given", "lower"), (66, 9, 8, 7, 5, 5))[0]
        )
        head = source  # "hand-romaji family-first" keeps its second tag
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
            "host": re.sub(r"[^a-z]", "", unicodedata.normalize("NFKD", given.split()[0]).lower()),
        }
        if style in shapes:
            return Piece(shapes[style], "PERSON", f"{head} {style}")
        if style == "title":
            title = self.pick(("Dr.", "Ing.", "Mr.", "Ms.", "Eng.", "Sr.", "Sra."))
            return Piece(full, "PERSON", f"{head} title", pre=title + " ")
        if style == "poss":
            return Piece(full, "PERSON", f"{head} poss", post="'" if full.endswith("s") else "'s")
        if style == "at":
            handle = (given.split()[0] + "." + family.replace(" ", "").replace("'", "")).lower()
            return Piece(handle, "PERSON", f"{head} handle", pre="@")
        return Piece(full, "PERSON", f"{head} {style}")

    def japanese(self) -> tuple[str, str]:  # noqa: PLR0911 - one return per written form
        """(value, form) of a Japanese-text name, without honorific."""
        r = self.rng.random()
        rare = self.rng.random() < 0.4
        family = self.pick(JA_FAMILY_RARE if rare else JA_FAMILY_COMMON)
        source = "ja-rare" if rare else "ja-common"
        if r < 0.32:
            sep = self.pick(("", " ", "\u3000", "\u3000"))
            return family + sep + self.pick(JA_GIVEN), f"{source} full"
        if r < 0.58:
            return family, f"{source} family"
        if r < 0.65:
            return family + self.pick(("", "\u3000")) + self.pick(JA_GIVEN_KANA), f"{source} kana-given"
        if r < 0.74:
            return self.pick(JA_KANA_FULL), "ja-kana full"
        if r < 0.88:
            parts = self.pick(JA_KATAKANA_FOREIGN).split("/")
            return self.pick(("・", "・", "＝", " ")).join(parts), "ja-foreign katakana"
        if r < 0.94:
            given, family_l, source_l = self.latin()
            return f"{given} {family_l}", f"{source_l} in-ja"
        given, fam = self.pick(ROMAJI_GIVEN), self.pick(ROMAJI_FAMILY)
        return self.pick((f"{fam.upper()} {given}", f"{given} {fam}")), "hand-romaji in-ja"

    def write_katakana(self) -> Piece:
        parts = self.pick(JA_KATAKANA_FOREIGN).split("/")
        return Piece(self.pick(("・", "・", "＝", " ")).join(parts), "PERSON", "ja-foreign katakana")

    def write_japanese(self, tag: str) -> Piece:
        if tag in ("kanji", "kana", "family"):
            rare = self.rng.random() < 0.4
            family = self.pick(JA_FAMILY_RARE if rare else JA_FAMILY_COMMON)
            source = "ja-rare" if rare else "ja-common"
            if tag == "family":
                return Piece(family, "PERSON", f"{source} family")
            if tag == "kana":
                return Piece(self.pick(JA_KANA_FULL), "PERSON", "ja-kana full")
            sep = self.pick(("", "\u3000"))
            return Piece(family + sep + self.pick(JA_GIVEN), "PERSON", f"{source} full")
        value, form = self.japanese()
        if tag == "hon":
            return Piece(value, "PERSON", f"{form} hon", post=self.pick(JA_HONORIFICS))
        if tag == "role":
            return Piece(value, "PERSON", f"{form} role", post=self.pick(JA_ROLES))
        return Piece(value, "PERSON", form)
