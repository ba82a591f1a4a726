"""Romanised Korean names in any text: a Korean surname next to a given name of two syllables
(Kim Min-jun, Min-jun Kim, KIM Minjun, Park Ji-hoon, lim min-jun, CHOI, Seo-yeon), and a hyphenated
two-syllable given name standing alone when no English word reads that way (Seo-yeon: can you...).

Sources: the surnames are the ~60 most frequent Korean family names (Statistics Korea's census
counts; Kim, Lee, Park and Choi alone cover half the population) in their Revised Romanisation and
McCune-Reischauer / passport spellings (Lee, Yi, Rhee; Jung, Jeong, Chung; Choi, Choe). A given
name is checked by the syllable structure of Korean (onset, vowel, final consonant, as both
romanisations write them), not against a list of names.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from edged.privacy.detector import Span
from edged.privacy.entities import PERSON
from edged.privacy.names_latin import common_words, vocabulary

_SURNAME_TEXT = (
    "kim gim lee yi rhee ri park pak bak choi choe jung jeong chung kang gang cho jo yoon yun jang "
    "chang lim im han oh seo suh shin sin kwon gwon hwang ahn an song jeon jun chun hong yoo yu ko "
    "moon mun yang son sohn bae baek paik heo hur huh nam noh roh ha kwak gwak sung seong cha joo "
    "ju woo wu min ryu ryoo na jin ji eom chae won cheon chon bang gong kong hyun hyeon pyo byun "
    "byeon yeo tak gu koo maeng seol sul gil yeom kil "
)
_SURNAMES = frozenset(_SURNAME_TEXT.split())
_ONSET = "(?:kk|tt|pp|ss|jj|ch|[gkndtrlmbpsjhw])?"
_VOWEL = "(?:yae|yeo|wae|ae|ya|eo|ye|wa|oe|yo|wo|we|wi|yu|eu|ui|oo|ee|ou|a|e|i|o|u)"
_CODA = "(?:ng|[knlmptgbr])?"
_SYLLABLE = f"{_ONSET}{_VOWEL}{_CODA}"
_ONE = re.compile(_SYLLABLE)
_TWO = re.compile(f"{_SYLLABLE}{_SYLLABLE}")
_L = "A-Za-z"
_GIVEN = rf"[{_L}]{{1,5}}-[{_L}]{{1,5}}|[{_L}]{{3,10}}"
_SURNAME = rf"[{_L}]{{1,6}}"
# in lookaheads, so that one pair tried and refused ("to Kim") does not hide the next (Kim Do-hyun)
_SURNAME_FIRST = re.compile(rf"(?<![{_L}\-])(?=({_SURNAME})(,? )({_GIVEN})(?![{_L}\-]))")
_GIVEN_FIRST = re.compile(
    rf"(?<![{_L}\-])(?=([{_L}]{{1,5}}-[{_L}]{{1,5}}|[A-Z][{_L}]{{3,9}}) ({_SURNAME})(?![{_L}\-]))"
)
_HYPHENATED = re.compile(
    rf"(?<![{_L}\-])([A-Z][a-z]{{0,4}}-[a-z]{{1,5}}|[A-Z]{{1,5}}-[A-Z]{{1,5}})(?![{_L}\-])"
)


def _same_case(*words: str) -> bool:
    """Written the way names are: Title case, capitals or lowercase, not a sentence's mixture."""
    def shape(word: str) -> str:
        bare = word.replace("-", "")
        return "upper" if bare.isupper() else "lower" if bare.islower() else "title"

    shapes = {shape(w) for w in words}
    return len(shapes) == 1 or shapes == {"upper", "title"}


def korean_given(word: str) -> bool:
    """Two Korean syllables: Min-jun, Seo-yeon, Jiwoo, Hae-in; not an English word (Book, Set-up)."""
    low = word.lower()
    if "-" in low:
        first, _, second = low.partition("-")
        joined = low.replace("-", "")
        return bool(_ONE.fullmatch(first) and _ONE.fullmatch(second)) and joined not in vocabulary()
    return bool(_TWO.fullmatch(low)) and low not in vocabulary()


def _surname(word: str) -> bool:
    return word.lower() in _SURNAMES and (word[0].isupper() or word.islower())


def _pair(surname: str, given: str) -> bool:
    """A listed surname and a Korean given name, cased alike; lowercase only with a hyphen."""
    if not (_surname(surname) and korean_given(given) and _same_case(surname, given)):
        return False
    return "-" in given or given[0].isupper()


def find(text: str) -> Iterator[Span]:
    for m in _SURNAME_FIRST.finditer(text):
        if _pair(m.group(1), m.group(3)):
            yield Span(PERSON, m.start(1), m.end(3), "ko_surname_given")
    for m in _GIVEN_FIRST.finditer(text):
        if _pair(m.group(2), m.group(1)):
            yield Span(PERSON, m.start(1), m.end(2), "ko_given_surname")
    for m in _HYPHENATED.finditer(text):
        # alone, at least one half must be no common English word (Seo-yeon, not Set-up or Re-run)
        first, _, second = m.group(1).lower().partition("-")
        strange = first not in common_words() or second not in common_words()
        if strange and korean_given(m.group(1)):
            yield Span(PERSON, m.start(), m.end(), "ko_given")
