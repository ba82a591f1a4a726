"""Latin-script names told by the contact data or the people they stand with, not by a name list:

- a name right before its own contact: an e-mail or a postcode after ``at`` (``reach Oyelaran at
  x@y.example``), a phone in brackets (``Tavita (+64 21 555 0199)``), the company it comes from in
  brackets (``Brannoc Teague (vendor Acme) needs access``), an address after the comma
  (``mailed to Oyelaran, 14 Kauri Road``);
- a name that something is made out to (``badge for Oyelaran``, ``laptop for Tavita Fonoti``);
- a name on a business card, before a job title (``~ Oyelaran ~ Field Engineer ~``);
- lowercase names in a list after an e-mail (``results to qa@plant.example and tavita fonoti``);
- one name in a list of guests or attendees before a name found otherwise (``guests Oyelaran,
  Brannoc Teague``).

A word is a name here when it is name-shaped and no common English word (a given name may be), and
no plant, shop-floor or company word; makers are told apart later, as for every person finding.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from edged.privacy.detector import Span
from edged.privacy.entities import PERSON
from edged.privacy.names_latin import (
    _CHAT_WORDS,
    _LW,
    _UW,
    COMPANY_WORDS,
    PHRASE_HEADS,
    SHOP_FLOOR_WORDS,
    _wordset,
    census_names,
    common_words,
    given_names,
    unfamiliar,
)
from edged.privacy.names_places import THING_WORDS
from edged.privacy.strict_words import PLANT_WORDS

_EDGE = rf"(?<![{_UW}{_LW}0-9.'’@\-])"
_TITLE = rf"[{_UW}][{_LW}]+(?:['’\-][{_UW}]?[{_LW}]+)?"
_NAME_RUN = rf"{_EDGE}({_TITLE}(?: {_TITLE}){{0,2}})"
# an e-mail after "at", plain or written out (x (at) y.example)
_EMAIL_SHAPE = r"[\w.+\-]{1,64}(?:@| ?[(\[]at[)\]] ?)[\w\-]{1,63}(?:\.[\w\-]{1,63})+"
_AT_EMAIL = re.compile(rf"{_NAME_RUN} at (?:mailto:)?{_EMAIL_SHAPE}")
# a lowercase name before its e-mail (ping tavita fonoti at tf@plant.example)
_LOWER_RUN_BEFORE = rf"(?<![{_UW}{_LW}0-9'’@\-])([{_LW}][{_LW}'’\-]+(?: [{_LW}][{_LW}'’\-]+){{1,2}})"
_LOWER_AT_EMAIL = re.compile(rf"{_LOWER_RUN_BEFORE} at (?:mailto:)?{_EMAIL_SHAPE}")
# the writer of a quoted mail (On 3 Jun, Tavita Fonoti wrote:, El 18/07, Miha čeh escribió:)
_WROTE = re.compile(
    rf"{_EDGE}({_TITLE}(?: [{_UW}{_LW}][{_LW}'’\-]+){{0,3}}) (?:wrote|escribió|a écrit|schrieb|ha scritto|"
    r"escreveu|schreef|napisał|skrev|kirjoitti)\s?:"
)
# a surname that starts with its particle, after a person cue (Approved by van der Leek)
_PARTICLE_SURNAME = re.compile(
    r"\b(?:by|to|from|with|contact|attn|owner|approver|cc)\s"
    rf"((?:van der|van den|van de|van|von der|von|de|der|den|ter|ten|da|dos|di|du) {_TITLE})"
    rf"(?![{_UW}{_LW}0-9'’\-])"
)
# where a person is found (collected from Oyelaran at postcode 4410, at zip 90210)
_AT_POSTCODE = re.compile(rf"{_NAME_RUN} at (?:postcode|post code|postal code|zip|zip code) [A-Z0-9]")
# sent to a person at an address: a house number and a capitalised word after the comma
_SENT_TO = re.compile(
    r"\b(?:mail(?:ed)?|sen[dt]|sold|post(?:ed)?|ship(?:ped)?|deliver(?:ed)?|return(?:ed)?|forward(?:ed)?|"
    r"addressed|lent|issued|handed)(?: [a-z]{1,12}){0,2} to "
    rf"({_TITLE}(?: {_TITLE}){{0,2}}), [0-9]{{1,5}}[A-Za-z]? [{_UW}]"
)
# what is made out to a person (a badge, a laptop, an account for Oyelaran)
_HELD_FOR = re.compile(
    rf"\b(?:badge|pass|laptop|account|login|locker|uniform|visa|parking) for ({_TITLE}(?: {_TITLE}){{0,2}})"
    # not a place and its letter or number (a vehicle pass for Mezzanine B, for Annex 2)
    rf"(?![{_UW}{_LW}0-9'’\-]| [{_UW}0-9](?![{_LW}]))"
)
# who holds a thing for now (the key is with Etenesh until ..., stays with Tavita overnight)
_KEPT_WITH = re.compile(
    rf"\b(?:is|are|was|were|stays|remains|left) with ({_TITLE}(?: {_TITLE}){{0,2}})"
    r"(?= until| till| since| overnight| today| for now|[.;]|$)"
)
# a phone in brackets: a plus, a zero or a digit, then digits and separators only
_PHONE_BRACKET = re.compile(rf"{_NAME_RUN} \((?:\+|0)[0-9][0-9 ()./\-–]{{5,24}}[0-9]\)")
# where the person comes from, in brackets (vendor Acme, contractor Ferro, from Acme)
_AFFILIATION = re.compile(
    rf"{_NAME_RUN} \((?:vendor|contractor|supplier|subcontractor|agency|company|from|of|via),? "
    r"[^()]{1,40}\)"
)
# a job title after the name on a card (~ Oyelaran ~ Sales Engineer ~, Oyelaran | Buyer |)
_CARD = re.compile(
    # blanks, not newlines, around the marks: \s* ran over a run of empty lines from each line's start
    rf"(?:^|[~|•/])[ \t]*({_TITLE}(?: {_TITLE}){{0,2}})[ \t]*[~|•/][ \t]*(?:[{_UW}][{_LW}]+ ){{0,3}}"
    r"(?:Engineer|Manager|Planner|Director|Officer|Technician|Specialist|Coordinator|Supervisor|Buyer|"
    r"Representative|Consultant|Assistant|Analyst|Inspector|Chemist|Designer|Operator|Advisor|Adviser|"
    r"Executive|Administrator|Scientist|Agent)(?![A-Za-z])",
    re.MULTILINE,
)
_EMAIL_END = re.compile(r"@[\w\-]+(?:\.[\w\-]+)+$|[(\[]at[)\]] ?[\w\-]+(?:\.[\w\-]+)+$")
_JOINT = re.compile(r"(?:,| and) ")
_LOWER_RUN = re.compile(rf"([{_LW}][{_LW}'’\-]+(?: [{_LW}][{_LW}'’\-]+){{1,2}})(?=[.;,)]|$)")
_GUESTS_BEFORE = re.compile(
    rf"\b(?:guests|attendees|participants|invitees|visitors|members|delegates|trainees)\s?:?\s({_TITLE}), $"
)
_TOKEN_BEFORE = 80  # the longest e-mail read back from a list's comma
# the next or the previous member of a list of people, a short note in brackets allowed after each
# (Anna Kovacs (peanuts), Lars Berg (gluten), Ayaka (shellfish); Billur and Rakib Hasan of ...)
_CAPS = rf"[{_UW}]{{3,}}(?:-[{_UW}]{{2,}})?"
_MEMBER = rf"(?:{_TITLE}|{_CAPS})(?: {_TITLE}){{0,2}}"
_NOTE = r"(?: \([^()\n]{1,30}\))?"
# not a code and its number (Manabu Takahashi, PN 510515-B x1): a part, not the next person
_SIBLING_AFTER = re.compile(rf"{_NOTE}(?:, and|,| and| &) ({_MEMBER})(?![{_UW}{_LW}0-9'’\-]| ?[0-9])")
_SIBLING_BEFORE = re.compile(rf"{_EDGE}({_MEMBER}){_NOTE}(?:, and|,| and| &) $")
_LIST_REACH = 80
_MAX_SIBLINGS = 12
# a quoted value of a field that holds a person (called_by="Ana Ruiz", picker='Bo Li', author: "X")
_QUOTED_FIELD = re.compile(
    r"\b(?:[a-z]+_by|picker|packer|operator|user|owner|assignee|requester|approver|driver|tech|"
    r"technician|inspector|caller|signer|author|reviewer|contact)\s?[=:]\s?[\"'“]([^\"'”\n]{2,40})[\"'”]"
)


def find(text: str, found: list[Span]) -> Iterator[Span]:
    """Names beside their contact data, on cards and in lists; ``found``: names found otherwise."""
    yield from _beside_contact(text)
    yield from _after_email(text)
    yield from _lower_before_email(text)
    yield from _fields(text)
    yield from _siblings(text, found)
    for start in {s.start for s in found}:
        guest = _GUESTS_BEFORE.search(text, max(0, start - 40), start)
        if guest is not None and _name_word(guest.group(1)):
            yield Span(PERSON, guest.start(1), guest.end(1), "latin_guest")


def _beside_contact(text: str) -> Iterator[Span]:
    patterns = (_AT_EMAIL, _AT_POSTCODE, _SENT_TO, _HELD_FOR, _KEPT_WITH, _PHONE_BRACKET, _AFFILIATION, _CARD)
    for pattern in patterns:
        for m in pattern.finditer(text):
            words = m.group(1).split(" ")
            while words and not _name_word(words[0]):
                words = words[1:]  # Call Oyelaran (...): the run starts at the first name word
            if words and all(_name_word(w) for w in words):
                start = m.end(1) - len(" ".join(words))
                yield Span(PERSON, start, m.end(1), "latin_contact")


def _lower_before_email(text: str) -> Iterator[Span]:
    for m in _LOWER_AT_EMAIL.finditer(text):
        words = m.group(1).split(" ")
        while words and (words[0] in _LEAD_WORDS or _common_word(words[0])):
            words = words[1:]  # ping shane webb at ...: the verb is no part of the name
        named = len(words) >= _LOWER_MIN and all(w in census_names() or unfamiliar(w) for w in words)
        if named and not _plain(words):
            yield Span(PERSON, m.end(1) - len(" ".join(words)), m.end(1), "latin_contact")


def _fields(text: str) -> Iterator[Span]:
    """The writer of a quoted mail, a surname with its particle after a cue, a quoted field."""
    for m in _WROTE.finditer(text):
        words = m.group(1).split(" ")
        while words and not _name_word(words[0]):
            words = words[1:]  # Thanks, Tavita wrote: the name starts at its first name word
        if words and all(_field_word(w) or _name_word(w) for w in words):
            yield Span(PERSON, m.end(1) - len(" ".join(words)), m.end(1), "latin_mail_writer")
    for m in _PARTICLE_SURNAME.finditer(text):
        if _name_word(m.group(1).rsplit(" ", 1)[-1]):
            yield Span(PERSON, m.start(1), m.end(1), "latin_particle_surname")
    for m in _QUOTED_FIELD.finditer(text):
        words = m.group(1).split(" ")
        if len(words) <= _MAX_WORDS and words[0][:1].isupper() and all(_field_word(w) for w in words):
            yield Span(PERSON, m.start(1), m.end(1), "latin_quoted_field")


def _siblings(text: str, found: list[Span]) -> Iterator[Span]:
    """The other members of a list one of whose members is a person found otherwise: name-shaped
    runs joined to it by a comma or "and", each word a name word."""
    taken = [(s.start, s.end) for s in found]
    queue = list(found)
    added = 0
    while queue and added < _MAX_SIBLINGS * max(1, len(found)):
        span = queue.pop()
        candidates = []
        after = _SIBLING_AFTER.match(text, span.end)
        if after is not None:
            candidates.append((after.start(1), after.end(1)))
        before = _SIBLING_BEFORE.search(text, max(0, span.start - _LIST_REACH), span.start)
        if before is not None:
            candidates.append((before.start(1), before.end(1)))
        for start, end in candidates:
            if any(start < b and end > a for a, b in taken):
                continue
            if not all(_name_word(w) for w in text[start:end].split(" ")):
                continue
            taken.append((start, end))
            sibling = Span(PERSON, start, end, "latin_list_sibling")
            queue.append(sibling)
            added += 1
            yield sibling


def _field_word(word: str) -> bool:
    """A word of a quoted person field: capitalised or a particle, no plant or company word."""
    low = word.lower()
    if low in _CHAT_WORDS or low in COMPANY_WORDS or low in THING_WORDS or low in PLANT_WORDS:
        return False
    return word[:1].isupper() or low in _FIELD_PARTICLES


_MAX_WORDS = 4
_FIELD_PARTICLES = _wordset("de da do dos das del della di van von der den le la bin binti al el")


def _after_email(text: str) -> Iterator[Span]:
    """tavita fonoti after "x@y.example and": lowercase name words after an e-mail in a list."""
    for joint in _JOINT.finditer(text):
        token = text[max(0, joint.start() - _TOKEN_BEFORE) : joint.start()].rsplit(" ", 1)[-1]
        if not _EMAIL_END.search(token):
            continue
        m = _LOWER_RUN.match(text, joint.end())
        if m is None:
            continue
        words = m.group(1).split(" ")
        names = all(w in census_names() or unfamiliar(w) for w in words)
        if names and any(unfamiliar(w) or w in given_names() for w in words) and not _plain(words):
            yield Span(PERSON, m.start(1), m.end(1), "latin_email_sibling")


_LOWER_MIN = 2  # a lowercase name before an e-mail: given name and surname
_LEAD_WORDS = _wordset("ping pls plz ask email mail reach contact call tell cc and or to")


def _common_word(word: str) -> bool:
    return word in common_words() and word not in given_names()


def _plain(words: list[str]) -> bool:
    """Shop-floor or company words: a phrase, not a name (and cc list, and spare parts)."""
    return any(w in _CHAT_WORDS or w in THING_WORDS or w in COMPANY_WORDS or w in PHRASE_HEADS for w in words)


def _name_word(word: str) -> bool:
    low = word.lower()
    if len(low) < 2 or low in _CHAT_WORDS or low in COMPANY_WORDS or low in SHOP_FLOOR_WORDS:
        return False
    if low in THING_WORDS or low in PHRASE_HEADS or low in PLANT_WORDS:
        return False
    if low in given_names() or unfamiliar(word):
        return True
    return low in census_names() and low not in common_words()
