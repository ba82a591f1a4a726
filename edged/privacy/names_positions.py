"""Latin-script names told by where they stand and how they are abbreviated, not by a name list:

- initials before or after a surname (``K. S. Raghunathan``, ``P. V. NARASIMHAN``,
  ``SHARMA R. K.``, ``Raghunathan, K. S.``): two initials, a comma or capitals say a person;
- a name in capitals after a role word in a line of capitals (``OPERATOR BUI THANH TUNG``,
  ``FIRE WATCH ANNELI KOSKINEN``): the role word is cut off, the rest judged as a name;
- one name in a position only a person takes: ``ask for X``, ``address of X``, ``care of X``,
  ``speak to X``, ``X here, call me back``;
- surname, comma, given name with particles and two surnames (``Mac Aodha, Róisín``,
  ``Iglesias Peña, Álvaro``, ``bin Abdullah, Yousef``), where both words are name-shaped and no
  common English word.

Lists: only names_latin's (US Census 1990 names, wordfreq's English vocabulary).
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from edged.privacy.detector import Span
from edged.privacy.entities import PERSON
from edged.privacy.names_latin import (
    _CAPS_NOT_NAMES,
    _CHAT_WORDS,
    _LW,
    _UW,
    COMPANY_WORDS,
    _wordset,
    census_names,
    common_phrase,
    common_words,
    frequent_given_names,
    given_names,
    unfamiliar,
    vocabulary,
)

_EDGE_BEFORE = rf"(?<![{_UW}{_LW}0-9.'’\-])"
_EDGE_AFTER = rf"(?![{_UW}{_LW}0-9'’])"
_INITIAL = rf"[{_UW}]\."
_TITLE_WORD = rf"(?:Mc|Mac|O['’]|D['’])?[{_UW}][{_LW}]+(?:['’\-][{_UW}]?[{_LW}]+)?"
_CAPS = rf"[{_UW}]{{2,}}(?:['’\-][{_UW}]+)?"
_INITIALS_FIRST = re.compile(
    rf"{_EDGE_BEFORE}{_INITIAL}(?: ?{_INITIAL}){{1,2}} ({_TITLE_WORD}|{_CAPS}){_EDGE_AFTER}"
)
_INITIALS_AFTER = re.compile(
    rf"{_EDGE_BEFORE}({_TITLE_WORD}|{_CAPS})(,?) ({_INITIAL}(?: ?{_INITIAL}){{0,2}})(?![{_UW}{_LW}0-9])"
)
_CAPS_LINE_WORD = rf"[{_UW}][{_UW}'’]+(?:-[{_UW}]+)?"
_CAPS_LINE_RUN = re.compile(rf"{_EDGE_BEFORE}{_CAPS_LINE_WORD}(?: {_CAPS_LINE_WORD})+{_EDGE_AFTER}")
# the words that stand before a person in forms, permits and notices written in capitals
_ROLES = _wordset(
    "operator responder aider warden marshal watch holder driver technician tech inspector witness "
    "escort attendant contractor visitor engineer supervisor foreman manager officer trainee trainer "
    "welder employee worker name by to for attn attention contact requester approver owner"
)
_CUE = re.compile(
    r"(?:\bask(?:ing)? for|\baddress of|\bcare of|\bc/o|\bspeak (?:to|with)|\btalk to|\bon behalf of"
    r"|\bbelongs to|\bfor the attention of)\s$",
    re.IGNORECASE,
)
_WORD = re.compile(rf"{_EDGE_BEFORE}({_TITLE_WORD}){_EDGE_AFTER}")
_SELF = re.compile(rf"(?:^|(?<=[.!?:;]\s)|(?<=\n))({_TITLE_WORD}) here[,.!]")
_PARTICLE = (
    r"(?:Mac|Mc|Ó|Ní|Nic|bin|binti|ibn|al|el|de|del|de la|de los|van|von|van der|van den|da|di|du|le|la|"
    r"á|í)"
)
# the elided article glued to a surname (de l'Estrac, d'Almeida, l'Hôte)
_ELIDED = r"(?:de )?[ld]['’]"
_PARTICLE_WORDS = frozenset(w.lower() for w in re.findall(r"\w+", _PARTICLE))
_INVERTED = re.compile(
    rf"{_EDGE_BEFORE}((?:{_PARTICLE} |{_ELIDED})?{_TITLE_WORD}(?: {_TITLE_WORD})?|{_CAPS}), "
    rf"({_TITLE_WORD}(?: {_TITLE_WORD})?){_EDGE_AFTER}"
)
_MAX_CAPS_WORDS = 4


# the particles inside Romance, Dutch, Arabic and Catalan names (Puig i Ferrer, Ruiz de la Torre,
# Tariq ibn Hamad, van der Berg), and the Arabic article glued by a hyphen (al-Masri)
_INNER_PARTICLES = re.compile(
    rf"{_EDGE_BEFORE}({_TITLE_WORD}) (?:(?:de|del|de la|de los|de las|i|y|ibn|bin|binti|van|von|van der|"
    rf"van den|da|dos|das|di|du|ter|ten|á|í) )*(?:(?:de|del|de la|de los|de las|i|y|ibn|bin|binti|van|von|"
    rf"van der|van den|da|dos|das|di|du|ter|ten|á|í) |[ld]['’])({_TITLE_WORD}){_EDGE_AFTER}"
    rf"|{_EDGE_BEFORE}({_TITLE_WORD}) ((?:al|el|bin|ibn|abu)-[{_UW}][{_LW}]+){_EDGE_AFTER}"
)


def find(text: str) -> Iterator[Span]:
    yield from _inner_particles(text)
    yield from _initials(text)
    yield from _caps_after_role(text)
    yield from _single_in_place(text)
    yield from _inverted(text)


def _surname_like(word: str) -> bool:
    """Not a common English word (unless the Census knows it as a surname), no plant or company word."""
    low = word.lower()
    if word.upper() in _CAPS_NOT_NAMES or low in COMPANY_WORDS or low in _CHAT_WORDS or len(low) < 2:
        return False
    return low not in common_words() or (low in census_names() and low not in vocabulary())


def _initials(text: str) -> Iterator[Span]:
    for m in _INITIALS_FIRST.finditer(text):
        if _surname_like(m.group(1)):
            yield Span(PERSON, m.start(), m.end(), "latin_initials")
    for m in _INITIALS_AFTER.finditer(text):
        surname, comma, initials = m.group(1), m.group(2), m.group(3)
        several = initials.count(".") >= 2
        low = surname.lower()
        shaped = (comma or surname.isupper()) and (unfamiliar(surname) or low in census_names())
        if (several or shaped) and _surname_like(surname):
            yield Span(PERSON, m.start(), m.end(), "latin_initials_after")


def _caps_after_role(text: str) -> Iterator[Span]:
    for m in _CAPS_LINE_RUN.finditer(text):
        words = m.group(0).split(" ")
        cut = 0
        for k, word in enumerate(words[:-1]):
            if word.lower() in _ROLES:
                cut = k + 1
        rest = words[cut:]
        if cut == 0 or not 2 <= len(rest) <= _MAX_CAPS_WORDS:
            continue
        low = [w.lower() for w in rest]
        if any(w.upper() in _CAPS_NOT_NAMES or w in _CHAT_WORDS or w in _ROLES for w in low):
            continue
        if common_phrase(low) or not any(unfamiliar(w) or w in frequent_given_names() for w in low):
            continue
        start = m.start() + len(" ".join(words[:cut])) + 1
        yield Span(PERSON, start, m.end(), "latin_caps_after_role")


def _single_in_place(text: str) -> Iterator[Span]:
    for m in _WORD.finditer(text):
        if _CUE.search(text[max(0, m.start() - 24) : m.start()]) and _name_alone(m.group(1)):
            yield Span(PERSON, m.start(1), m.end(1), "latin_cue_place")
    for m in _SELF.finditer(text):
        if _name_alone(m.group(1)):
            yield Span(PERSON, m.start(1), m.end(1), "latin_self_named")


def _name_alone(word: str) -> bool:
    low = word.lower()
    if low in _CHAT_WORDS or low in COMPANY_WORDS or word.upper() in _CAPS_NOT_NAMES:
        return False
    return low in given_names() or unfamiliar(word) or (low in census_names() and low not in common_words())


def _inverted(text: str) -> Iterator[Span]:
    for m in _INVERTED.finditer(text):
        surnames = [w for w in m.group(1).split(" ") if w.lower() not in _PARTICLE_WORDS]
        givens = m.group(2).split(" ")
        words = [w.lower() for w in (*surnames, *givens)]
        if common_phrase(words) or not all(_surname_like(w) for w in (*surnames, *givens)):
            continue
        if any(w in common_words() for w in words):
            continue
        first = givens[0].lower()
        named = first in given_names() or unfamiliar(first) or first in census_names()
        if named or unfamiliar(surnames[-1]):
            yield Span(PERSON, m.start(), m.end(), "latin_inverted_particles")


_STREET_TYPES = _wordset(
    "rue rua via calle avenida avenue boulevard chemin route strada piazza viale place quai impasse "
    "allée zone cours passage square carrera camino travessa largo praça plaza paseo"
)


def _inner_particles(text: str) -> Iterator[Span]:
    for m in _INNER_PARTICLES.finditer(text):
        first, last = (m.group(1), m.group(2)) if m.group(1) else (m.group(3), m.group(4))
        if first.lower() in _STREET_TYPES:
            continue  # Rue de l'Usine, Calle de la Paz: a street, its particles like a name's
        if _name_part(first) and (_name_part(last) or "-" in last):
            yield Span(PERSON, m.start(), m.end(), "latin_inner_particles")


def _name_part(word: str) -> bool:
    """A capitalised word a name holds: a given name, a Census name or no English word, and none
    of the 7,000 commonest words, no plant or company word."""
    low = word.lower()
    if not _surname_like(word) or low in common_words():
        return False
    if "-" in low and all(part in given_names() for part in low.split("-")):
        return True  # Jean-Claude, Mary-Anne: a double given name
    return low in given_names() or low in census_names() or unfamiliar(word)
