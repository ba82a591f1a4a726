"""Vietnamese names in any text, surname first as Vietnamese writes them (Pham Thi Lan, NGUYEN Van
An, Đỗ Thị Mai, lê minh khoa): a Vietnamese family name, then two or three syllables of Vietnamese
shape, cased alike, with or without their tone marks.

Sources: the family names are the most frequent Vietnamese ones (Nguyễn alone is about 38 % of the
population; the 14 most common cover about 90 %), written with and without diacritics. A given
name is checked by the syllable structure of Vietnamese (onset, vowel nucleus, final), not a list.
With one syllable after the surname only a middle name that Vietnamese uses as one (Văn, Thị, Đức,
Quốc ...) makes a name; a surname that is also an English word (Do, Ho, Le, Mai, Ha, Ta, La) needs
two syllables after it.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator

from edged.privacy.detector import Span
from edged.privacy.entities import PERSON
from edged.privacy.names_latin import _LW, _UW, common_words

_SURNAME_TEXT = (
    "nguyen tran le pham hoang huynh phan vu vo dang bui do ho ngo duong ly dinh trinh truong lam "
    "luong mai cao doan ha ta la"
)
_SURNAMES = frozenset(_SURNAME_TEXT.split())
_AMBIGUOUS_TEXT = "do ho le mai ha ta la ly lam cao vo vu"
_AMBIGUOUS = frozenset(_AMBIGUOUS_TEXT.split())
_MIDDLE_TEXT = "van thi duc quoc huu ngoc minh thanh xuan thu kim hong anh cong dinh"
_MIDDLE = frozenset(_MIDDLE_TEXT.split())
_ONSET = "(?:ngh|ng|nh|ch|gh|gi|kh|ph|qu|th|tr|[bcdghklmnprstvx])?"
_NUCLEUS = (
    "(?:uye|uya|ieu|yeu|oai|oay|uay|uoi|uou|ai|ao|au|ay|eo|eu|ia|ie|iu|oa|oe|oi|ua|ue|ui|uo|uy|ye|[aeiouy])"
)
_FINAL = "(?:ng|nh|ch|[cmnpt])?"
_SYLLABLE = re.compile(f"{_ONSET}{_NUCLEUS}{_FINAL}")
_WORD = rf"[{_UW}{_LW}]{{1,7}}"
# in a lookahead, so that a run refused ("to Nguyen") does not hide the surname inside it
_EDGE = rf"[{_UW}{_LW}0-9\-'’]"
_RUN = re.compile(rf"(?<!{_EDGE})(?=({_WORD})((?: {_WORD}){{1,3}})(?!{_EDGE}))")


def _fold(word: str) -> str:
    """Without tone and vowel marks: Nguyễn -> nguyen, Đỗ -> do."""
    bare = unicodedata.normalize("NFD", word.lower().replace("đ", "d"))
    return "".join(c for c in bare if not unicodedata.combining(c))


def _shape(word: str) -> str:
    if word.isupper() or word.islower():
        return "upper" if word.isupper() else "lower"
    return "title" if word[1:].islower() else "mixed"


def find(text: str) -> Iterator[Span]:
    for m in _RUN.finditer(text):
        surname = m.group(1)
        if _fold(surname) not in _SURNAMES:
            continue
        given = m.group(2).split()
        # the longest run of Vietnamese syllables after the surname, cased like it (SURNAME Given too)
        taken = []
        for word in given:
            fold = _fold(word)
            shapes = (_shape(surname), _shape(word))
            cased = shapes[0] == shapes[1] or shapes == ("upper", "title")
            if not cased or not _SYLLABLE.fullmatch(fold):
                break
            taken.append(word)
        if _name(surname, taken):
            end = m.start(2) + len(" ".join(taken)) + 1
            yield Span(PERSON, m.start(1), end, "vi_surname_given")


def _name(surname: str, given: list[str]) -> bool:
    folded = [_fold(w) for w in given]
    if not folded or _shape(surname) == "mixed":
        return False
    if len(folded) == 1:
        return folded[0] in _MIDDLE and _fold(surname) not in _AMBIGUOUS
    if _fold(surname) in _AMBIGUOUS and not (folded[0] in _MIDDLE or surname.isupper()):
        return False
    # Pham Thi Lan, Le Minh Khoa; not "Do not use" or "Ho Chi Minh City" (a common word among them)
    return folded[0] in _MIDDLE or not any(w.lower() in common_words() for w in given)
