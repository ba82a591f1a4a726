"""Phone numbers in Japanese and English text: national forms of the regions a site configures
(``[privacy].phone_regions``, default JP and US), international forms (``+1-…``, ``00 44 …``,
``001-1-…``, ``010-…``), and extensions (``x123``, ``ext. 12``, ``内線 45``).

Candidates are digit runs with the separators people use; ``phonenumbers`` decides whether a
candidate is a number. A candidate written exactly the way numbers are written in a region (the
3-3-4 of North America, 0 + area + exchange + 4 in Japan) is kept when it has a possible length
even if its range is not allocated (``(212) 010-4477``): leaking a fictional-looking real number
costs more than masking a figure.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import TYPE_CHECKING, Any, NamedTuple

from edged.privacy.detector import Span, TextView
from edged.privacy.entities import PHONE

if TYPE_CHECKING:
    from edged.privacy.registry import Resources

_EXTENSION = r"(?:\s?,?\s?(?:x|ext\.?|extn\.?|extension|内線)\s?(?:no\.?\s?)?[0-9]{1,6})"
_PHONE = re.compile(
    rf"(?<![0-9+])(?:\+|00)?[0-9(](?:[0-9]|[ \-.()/](?=[0-9( ])|\)){{6,40}}[0-9]{_EXTENSION}?",
    re.IGNORECASE,
)
_EXTENSION_TAIL = re.compile(rf"{_EXTENSION}$", re.IGNORECASE)
# Written the way a Japanese number is written: 0 + area, exchange, 4 digits (or one block of 10-11).
_JP_SHAPE = re.compile(
    r"^(?:0[0-9]{1,4}-[0-9]{1,4}-[0-9]{4}|\(0[0-9]{1,4}\)\s?[0-9]{1,4}-[0-9]{4}|0[0-9]{9,10})$"
)
# North America: 3-3-4 with any one separator or brackets, or ten digits that start 2-9.
_NANP_SHAPE = re.compile(
    r"^(?:\+?1[ \-.]?)?(?:\([2-9][0-9]{2}\)\s?[0-9]{3}[\-. ]?[0-9]{4}|[2-9][0-9]{2}([\-. ])[0-9]{3}\1[0-9]{4}"
    r"|[2-9][0-9]{9})$",
)
# International call prefixes, longest first: Australia 0011, Japan's carriers 001/0041/0061 and
# 010, North America 011, most of the world 00.
_IDD = ("0011", "0041", "0061", "001", "010", "011", "00")
_NOT_PHONE_CUE = re.compile(
    # a figure its writer named as a document or a material (receipt 4290219885, Item 1036593687)
    r"(?:lot|lot no|part|p/n|s/n|serial|order|order no|po|invoice|batch|model|ref|sku|receipt|item|"
    r"material|wo|doc|ticket|account|"
    r"ロット|品番|型番|製番|注文番号|注文|受注|発注|注番|伝票番号|伝票|製造番号|シリアル|部品番号|部品)"
    r"(?:\s?(?:no|nr|number)(?![a-z]))?\.?\s*[:：#]?\s*$",  # part no. 745 220 118
    re.IGNORECASE,
)
_PHONE_LETTER_CUES = frozenset(
    {"tel", "fax", "phone", "mobile", "cell", "ph", "t", "f", "m", "no", "tell", "mob", "direct", "dial"}
)
_ASCII_WORD_BEFORE = re.compile(r"([A-Za-z]+)\.?:?$")
DEFAULT_REGIONS = ("JP", "US")
MAX_STARTS = 4
MAX_ENDS = 6
# 2024-11-04 00, 2024/03/18 14, 20261113061908: a date (and an hour), never a number to dial
_DATE_LIKE = re.compile(
    r"^(?:19|20)[0-9]{2}(?:[\-/.][0-9]{1,2}[\-/.][0-9]{1,2}|(?:0[1-9]|1[0-2])[0-3][0-9][0-9]{0,6}$"
    # 2026 05 10 08: a date with spaces, and an hour
    r"| (?:0[1-9]|1[0-2]) (?:0[1-9]|[12][0-9]|3[01])(?![0-9]))"
)
_WORLD = (
    "GB",
    "DE",
    "FR",
    "IT",
    "ES",
    "NL",
    "PL",
    "TR",
    "BR",
    "MX",
    "IN",
    "BD",
    "NP",
    "LK",
    "TH",
    "PH",
    "VN",
    "ID",
    "MY",
    "CN",
    "TW",
    "KR",
    "AU",
    "NG",
    "KE",
    "ET",
    "MN",
    "UA",
    "RO",
    "CZ",
    "HU",
    "SE",
)
# The regions of the suppliers, customers and staff a plant writes to, beyond _WORLD (the national
# numbering plans of Europe, Latin America, the Gulf, Central Asia and the Pacific).
_ABROAD_TEXT = """
ES PT AT CH BE IE DK NO FI SK SI HR RS BA LT LV EE GR BG IL SA AE EG MA ZA NZ SG HK PK KZ UZ AZ
GE AM AR CL CO PE EC VE UY PY BO CR GT DO KH LA MM
"""
_ABROAD = (*_WORLD, *_ABROAD_TEXT.split())
# Grouped like a phone number: three groups or more (0301 5527 418, 622 41 90 17, 011 15-5520-1194),
# or an area code in brackets ((31) 5528-0147, (041) 77213).
_GROUPED = re.compile(
    r"^(?:[0-9]{2,5}(?:[ .\-/][0-9]{2,5}){2,4}|\([0-9]{1,5}\)\s?[0-9]{3,5}(?:[ \-][0-9]{3,5})?)$"
)
_TRUNK_AND_BLOCK = re.compile(r"^0[1-9][0-9]{1,3} [0-9]{6,9}$")
_DATE_INSIDE = re.compile(
    r"(?<![0-9])(?:(?:19|20)[0-9]{2}-[01]?[0-9]-[0-3]?[0-9]|[0-3]?[0-9]/[01]?[0-9]/(?:[0-9]{2}|(?:19|20)[0-9]{2}))(?![0-9])"
)
_DAY_FIRST_DATE = re.compile(r"[0-9]{1,2}[/.\-][0-9]{1,2}[/.\-](?:19|20)[0-9]{2}")
# a date anywhere in a candidate: 8/15/2025, 09/07/27, 2027-04-25 (not 0566-83-1997's groups)
_A_DATE = re.compile(
    r"(?<![0-9])(?:[0-9]{1,2}/[0-9]{1,2}/(?:19|20)?[0-9]{2}|(?:19|20)[0-9]{2}-[0-9]{1,2}-[0-9]{1,2})(?![0-9])"
)
_PHONE_WORD = re.compile(
    # a word's start, not "tel" inside a name (Santelmo) nor "ring" inside "bearing"
    r"(?<![A-Za-z])(?:tel|phone|smartphone|call|mobile|cell|contact|reach|reached on|dial|fax|number|line|"
    r"ring|text|whatsapp|cb=|callback|spouse|driver)|電話|携帯|連絡",
    re.IGNORECASE,
)


# a phone word that the number follows directly: the only evidence a bare run of digits without a
# trunk 0 gets (a Spanish or Argentine mobile written as 600409319, 11998700221)
_PHONE_WORD_RIGHT_BEFORE = re.compile(
    # CB, C/B: a pager's or a log's "call back on"
    r"(?:\b(?:tel|phone|mobile|mob|cell|fax|dial|callback|whatsapp|contact|cb|c/b)\.?|\bm(?=:)|\bnumber is"
    r"|\b(?:call|ring|text) me(?: back)? on|\breached on|\breach (?:me|him|her) on|電話|携帯|連絡先)"
    r"\s?[:：#=]?\s?[(（]?$",
    re.IGNORECASE,
)
_CALL_RIGHT_AFTER = re.compile(r"\s?(?:へ|に|で|まで)?\s?(?:ご連絡|連絡|電話|架電|折り返|お電話|TEL)")
_EIGHT = re.compile(r"^(?:[0-9]{4}[ \-.][0-9]{4}|[0-9]{2}(?: [0-9]{2}){3})$")
# 0830 1715, 2130-2359: two times of day (a shift), not an eight-digit number
_TWO_TIMES = re.compile(r"^(?:(?:[01][0-9]|2[0-3])[0-5][0-9][ \-.]?){2}$")
_TRIPLES = re.compile(r"^[1-9][0-9]{2}(?:[ \-.][0-9]{3}){2}$")
_MIDDLE_DOT = re.compile(r"(?<=[0-9])[・·](?=[0-9])")


class Cues(NamedTuple):
    """A phone word in the 80 characters before a candidate (cued), in the 24 before (near), and
    right before it (``mobile 600409319``, ``my number is``, ``連絡先``)."""

    cued: bool
    near: bool
    right_after: bool = False


NO_CUES = Cues(cued=False, near=False)


class PhoneDetector:
    name = "phone"
    types = (PHONE,)
    priority = 5
    strict_only = False

    def __init__(self, regions: tuple[str, ...] = DEFAULT_REGIONS) -> None:
        import phonenumbers

        self._pn: Any = phonenumbers
        self._regions = regions

    def find(self, view: TextView) -> Iterator[Span]:
        # 090・1234・5678 (half-width ･ is ・ after NFKC): a middle dot between digits separates
        # the groups of a number as a hyphen does; one character for one, so offsets hold
        text = _MIDDLE_DOT.sub("-", view.text)
        if sum(c.isdigit() for c in text) < 7:
            return
        # The same piece asked again in the same cue state has the same answer: repeated figures
        # ("0 0 0 ...", a column of numbers) cost one parse each, not one per occurrence. All of it
        # is this call's: one detector serves concurrent escalations.
        memo: dict[tuple[str, bool, Cues], bool] = {}
        for m in _PHONE.finditer(text):
            # a phone word right before the number, or a Japanese call verb right after it
            # (…様へ11.2109.3044で連絡), is the strongest cue there is
            right = (
                _PHONE_WORD_RIGHT_BEFORE.search(text[max(0, m.start() - 24) : m.start()]) is not None
                or _CALL_RIGHT_AFTER.match(text, m.end()) is not None
            )
            cues = Cues(
                right or _PHONE_WORD.search(text[max(0, m.start() - 80) : m.start()]) is not None,
                right or _PHONE_WORD.search(text[max(0, m.start() - 24) : m.start()]) is not None,
                right,
            )
            # one candidate may hold several numbers, or a number after another figure
            # ("2024 03-1234-5678", "03-1234-5678 090-1234-5678"): try each group start in turn
            # at most a few start points and end points per candidate: "0 0 0 0 ..." would
            # otherwise cost hundreds of parses per match
            starts = ([0] + [i + 1 for i, c in enumerate(m.group(0)) if c == " "])[:MAX_STARTS]
            done_to = 0
            for offset in starts:
                if offset < done_to or not _boundary_ok(text, m.start() + offset):
                    continue
                found = self._longest_valid(m.group(0)[offset:], view.english, cues, memo)
                if found is not None:
                    start = m.start() + offset + found[0]
                    # (+216) 71 131 144: the bracket around the country code is the number's
                    if text[start - 1 : start + 1] == "(+" and ")" in text[start : start + 6]:
                        start -= 1
                    yield Span(
                        PHONE, start, m.start() + offset + found[1], "phonenumbers"
                    )
                    done_to = offset + found[1]

    def _longest_valid(
        self, candidate: str, english: bool, cues: Cues, memo: dict[tuple[str, bool, Cues], bool],
    ) -> tuple[int, int] | None:
        # The whole candidate, then shorter ones that end at a group boundary, so
        # "03-1234-5678 2台" still yields the number.
        boundaries = [
            i
            for i in range(len(candidate) - 1, 0, -1)
            if candidate[i] in " .-(/" and candidate[i - 1].isdigit()
        ]
        ends = [len(candidate), *boundaries][:MAX_ENDS]
        start = 0
        while start < len(candidate) and candidate[start] in " .-":
            start += 1
        while candidate[start : start + 1] == "(" and candidate.count("(", start) > candidate.count(
            ")", start
        ):
            start += 1  # a bracket around the number is the sentence's, not the number's
        for end in ends:
            piece = candidate[start:end].rstrip(" .-(/,")
            key = (piece, english, cues)
            known = memo.get(key)
            if known is None:
                known = memo[key] = self.valid(piece, english, cues)
            if known:
                return start, start + len(piece)
        return None

    def valid(self, piece: str, english: bool, cues: Cues = NO_CUES) -> bool:
        """A phone number in ``piece``? ``cues``: a phone word before it, and close before it."""
        core = _EXTENSION_TAIL.sub("", piece).strip()
        digits = "".join(c for c in core if c.isdigit())
        # eight digits (Singapore, Hong Kong, the Nordics: 6123 4567, 61 23 45 67) only in a sentence
        # with a phone word and grouped as those countries print them, not a figure and a date
        # (12 2027-04) nor two times of day
        eight = cues.cued and _EIGHT.match(core) is not None and not _TWO_TIMES.match(core)
        shortest = 8 if eight else 9
        if len(digits) < shortest or len(digits) > 17 or _DATE_LIKE.match(core) or _A_DATE.search(core):
            return False  # 8/15/2025 0455: a date and a time after "Cell 4", not a number to dial
        if core.startswith("+"):
            # +216 (0)71 131 144: the trunk 0 some write in brackets after the country code is not
            # dialled from abroad, in countries with a trunk 0 or without one
            return self._parses("+" + digits, None, shape=None) or (
                "(0)" in core and self._parses("+" + _digits(core.replace("(0)", "", 1)), None, shape=None)
            )
        for prefix in _IDD:
            # 00 44 20 7946 0958, 001-1-212-…: the prefix dialled abroad, then a country code
            abroad = digits.startswith(prefix) and len(digits) - len(prefix) >= 8
            if abroad and self._parses("+" + digits[len(prefix) :], None, shape=None):
                return True
        for region in self._regions:
            if region in ("US", "CA") and core.isdigit() and not cues.cued:
                continue  # ten bare digits without a phone word near them: an order number
            if region in ("US", "CA"):
                # a figure is taken for a North American number only when written like one
                shaped = english and _NANP_SHAPE.match(core) is not None
                if shaped and self._parses(core, region, shape=_NANP_SHAPE):
                    return True
            # 0 is the national prefix of JP, GB, AU, IN, ...
            elif core.lstrip("(").startswith("0") and self._parses(
                core, region, shape=_JP_SHAPE if region == "JP" else None
            ):
                return True
        # Right after a phone word ("mobile", "reached on", "Tel"), a number valid in any of the
        # regions plants write to is a phone, whatever regions the site configured (Singapore's
        # 8 digits, 6123 4567, have no trunk 0 to tell them by); with no phone word, so is a number
        # grouped the way people write one (029 2018 4471, (31) 5528-0147) valid in one of them.
        # ... but not a bare run with no trunk 0 and no phone word right before it (an order number),
        # nor a place's number before a date (Cell 12 2027-04-25, Line 3 09/07/27 12)
        bare = core.isdigit() and not core.startswith("0") and not cues.right_after
        # An unbroken run of digits is as often a product code after "line 3" or "連絡", so only
        # the regions staff come from, as before.
        near = (_WORLD if core.isdigit() else _ABROAD) if cues.near else ()
        # three groups of three without a trunk (Poland's mobiles, 601 610 381) are also how a count
        # is printed: a phone only in a sentence that speaks of phones or contacts
        triples = cues.cued and _TRIPLES.match(core) is not None
        regions: tuple[str, ...] = ()
        if not bare and not _DATE_INSIDE.search(core):
            regions = _ABROAD if _grouped(core) or triples or eight else near
        return any(self._parses(core, region, shape=None) for region in regions)

    def _parses(self, core: str, region: str | None, shape: re.Pattern[str] | None) -> bool:
        pn = self._pn
        try:
            number = pn.parse(core, region)
        except pn.NumberParseException:
            return False
        if pn.is_valid_number(number):
            return True
        return shape is not None and shape.match(core) is not None and pn.is_possible_number(number)


def _grouped(core: str) -> bool:
    """Written the way people write a phone number: grouped (see _GROUPED), after a trunk 0 or a
    bracket unless in pairs (Spain, Italy, Scandinavia: 611 60 87 30), and ending in a group of
    three or more unless in pairs (06 10 42 22 03); not 0736-321-07, not 07/11/2026 05. Or a trunk
    0 and its area code, then the rest in one block, as Britain and Germany write them
    (07830 883824, 030 205657645): ten digits or more."""
    if _TRUNK_AND_BLOCK.match(core):
        return len(core) >= 11  # ten digits and the space
    if _GROUPED.match(core) is None or _DAY_FIRST_DATE.search(core):
        return False
    groups = re.findall(r"[0-9]+", core)
    pairs = all(len(g) == 2 for g in groups[1:])
    # after a trunk 0 or a bracket: ending in three or more (0301 5527 418), or in two pairs after
    # longer groups, as Turkey, Switzerland and Russia write them (0312 447 19 06)
    two_pairs = len(groups) >= 4 and len(groups[-1]) == len(groups[-2]) == 2
    return pairs or (core[0] in "0(" and (len(groups[-1]) >= 3 or two_pairs))


def _digits(text: str) -> str:
    return "".join(c for c in text if c.isdigit())


def _boundary_ok(text: str, start: int) -> bool:
    if _NOT_PHONE_CUE.search(text[max(0, start - 14) : start]):
        return False  # Lot 0956820882, 品番 0312345678: a number that only looks like one
    if text[start] in "(+":
        return True  # a bracket or a plus sign starts the number whatever stands before it
    before = text[max(0, start - 8) : start]
    if before.endswith("/") and _slash_separates(text, start - 1):
        return True
    if not before or not (before[-1].isascii() and before[-1].isalpha()):
        return not (before and before[-1] in "-/_.") or before.endswith(("TEL.", "Tel.", "No."))
    word = _ASCII_WORD_BEFORE.search(before)
    return word is not None and word.group(1).lower() in _PHONE_LETTER_CUES


def _slash_separates(text: str, slash: int) -> bool:
    """A slash between two values of a contact line (問合せ<e-mail>／0294-34-0448, Tel / Fax,
    NFKC makes the full-width one "/"), not one inside a path, a URL or a date (a/b/0294…,
    12/0294…): the word before it holds no other slash and does not end in a digit."""
    words = text[max(0, slash - 40) : slash].split()
    return bool(words) and "/" not in words[-1] and not words[-1][-1].isdigit()


def build(resources: Resources) -> PhoneDetector:
    return PhoneDetector(tuple(resources.config.phone_regions))
