"""Latin-script names told by the slot they fill in plant text, not by a name list:

- a name and the initial of the other (``Dagny V. replaced``, ``To: Bolat K. |``, ``Oriol T.さん``):
  a name-shaped word, one capital and its period, then no further capitalised word;
- a surname in capitals before the given name (``KOWALEWSKA-BRZOZA Halina``, ``ERDEM Kaan``): the
  capitals no English word, the given name a given name or no English word;
- an initial, a particle and a surname (``I. De Wolf``, ``M. dela Peña``);
- the speaker of a chat line (``[07:41] oriol tarrés: anyone...``), written in lowercase;
- one name in a list of people (``Thanks to Dagny Vik, Bolat Kenes and Oriol for ...``), or right
  before a phone number in a list of contacts (``Emergency: Oriol 0412 555 019;``);
- one name after ``per`` or a log's acknowledgement (``per Oriol the valve ...``, ``ACK BY OKONJO``).

The initial after, or the surname in capitals before, is then carried onto a name another rule
found (``Dagny V.``, ``OKAFOR Chidi``).
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from edged.privacy.detector import Span
from edged.privacy.entities import PERSON
from edged.privacy.names_latin import (
    _CAPS_NOT_NAMES,
    _LW,
    _UW,
    _VOWEL,
    SHOP_FLOOR_WORDS,
    common_words,
    given_names,
    unfamiliar,
    vocabulary,
)
from edged.privacy.names_places import THING_WORDS
from edged.privacy.names_positions import _name_alone

_EDGE = r"(?<![A-Za-zÀ-ʯḀ-ỿ0-9.'’@\-])"
_TITLE = rf"[{_UW}][{_LW}]+(?:-[{_UW}][{_LW}]+)?"
_CAPS = rf"[{_UW}][{_UW}]+(?:-[{_UW}][{_UW}]+)?"
# after the initial's period: a space and a lowercase word, a bracket, an e-mail, a phone, a
# separator, the end, or Japanese text (Oriol T.さん)
_AFTER_INITIAL = r"(?=\s[a-z(<|/\-–—+0-9]|[\s]*$|[:;,)\]]|[^\x00-\x7f])"
_GIVEN_INITIAL = re.compile(rf"{_EDGE}({_TITLE}) [{_UW}]\.{_AFTER_INITIAL}")
_INITIAL_AFTER = re.compile(rf" [{_UW}]\.{_AFTER_INITIAL}")
# a capitalised or joined particle after an initial (I. De Wolf, M. dela Peña, R. Van Acker)
_INITIAL_PARTICLE = re.compile(
    rf"{_EDGE}[{_UW}]\. "
    r"(?:De|Del|Della|Da|Dos|Du|Van|Von|Le|La|Ter|Ten|dela|delos|de la|de los|van der|van den) "
    rf"({_TITLE})(?![A-Za-zÀ-ʯḀ-ỿ0-9'’\-])"
)
_LABEL_BEFORE = re.compile(rf"([{_UW}][{_LW}]+) $")
# capitals (and a Jr.) right before a name found otherwise: its surname (OKAFOR Chidi, DIAZ JR. Lino)
_CAPS_BEFORE = re.compile(rf"{_EDGE}({_CAPS})(?: (?:JR|SR|Jr|Sr)\.)? $")
_CAPS_GIVEN = re.compile(rf"{_EDGE}({_CAPS}) ({_TITLE})(?![A-Za-zÀ-ʯḀ-ỿ0-9'’\-])")
# [^\S\n]: the blanks after the line's start, not further lines (blank lines made every one a scan)
_SPEAKER = re.compile(
    rf"(?:^|\n)[^\S\n]*\[[0-9:. apmhrs]{{4,14}}\]\s*([{_LW}][{_LW}'’\-]+(?: [{_LW}][{_LW}'’\-]+){{1,3}}):\s"
)
# a period that no lowercase word follows makes the word a title (Ing. Novák, Dipl.-Ing. Auer)
_LIST_NEXT = re.compile(rf"(?:,| and) ({_TITLE}|{_CAPS})(?= for | and |,|;|\.(?=\s[a-z]|\s*$)|$)")
# a phone starts with +, 0 or a bracket; a date (Le 13/09/2027, ...) does not
_BEFORE_PHONE = re.compile(
    rf"(?:^|[:;]\s)({_TITLE}|{_CAPS})(?=\s(?:\+|0|\()[0-9 ()./\-–]{{7,}}[0-9](?:[;,.]|$))", re.MULTILINE
)
# per ISO, per DIN: after per, capitals are a standard; a log's acknowledgement writes names in them
_SLOT_CUE = re.compile(rf"(?:\bper|\bhands over to|\bwitness) ({_TITLE})(?![\w\-])")
_ACK_CUE = re.compile(rf"(?:\bACK BY|\bverified) ({_TITLE}|{_CAPS})(?![\w\-])")


# one given name in a clear person slot: what a person does after it (Kofi said, Ama to confirm,
# Yaw -> order), or a call, a greeting or a text from them before it (ring Esi, its Kojo from)
_DOES_AFTER = re.compile(
    rf"{_EDGE}({_TITLE})(?= (?:said|says|to confirm|disagreed|agreed|asks|covers|not answering)\b| -> )"
)
_PERSON_BEFORE = re.compile(rf"(?:\bring|\bits|\bit's|\bhi|\bSMS [0-9:]+ from) ({_TITLE})(?![\w\-])")
# a Malay or Tamil connector (son of, daughter of), bin, binti, Welsh ap: one name across it
_CONNECTED = re.compile(
    rf"{_EDGE}({_TITLE}|{_CAPS}) (?:a/l|a/p|A/L|A/P|s/o|d/o|bin|binti|BIN|BINTI|ap) "
    rf"({_TITLE}|{_CAPS})(?![\w\-])"
)


def find(text: str, found: list[Span]) -> Iterator[Span]:
    """Names in these slots, and the ``found`` names widened over the initial after them."""
    yield from _shaped(text)
    yield from _person_slots(text)
    for pattern in (_BEFORE_PHONE, _SLOT_CUE, _ACK_CUE):
        for m in pattern.finditer(text):
            if pattern is _SLOT_CUE and _plain_word(m.group(1)):
                continue  # per Andon rules, per Schedule: a plant's word, not a person's name
            if _one_name(m.group(1)):
                yield Span(PERSON, m.start(1), m.end(1), "latin_slot")
    ends = {s.end for s in found}
    for m in _LIST_NEXT.finditer(text):
        if m.start() in ends and _one_name(m.group(1)):
            yield Span(PERSON, m.start(1), m.end(1), "latin_list_next")
    for span in found:
        if not text[span.start : span.end][:1].isascii():
            continue
        initial = _INITIAL_AFTER.match(text, span.end)
        if initial is not None:
            yield span._replace(end=initial.end())
        caps = _CAPS_BEFORE.search(text, max(0, span.start - 32), span.start)
        if caps is not None and _caps_surname(caps.group(1)):
            yield span._replace(start=caps.start())


def _person_slots(text: str) -> Iterator[Span]:
    """One unknown word in a clear person slot; names across a connector."""
    for pattern in (_DOES_AFTER, _PERSON_BEFORE):
        for m in pattern.finditer(text):
            word = m.group(1)
            if unfamiliar(word) and word.lower() not in SHOP_FLOOR_WORDS and word.lower() not in THING_WORDS:
                yield Span(PERSON, m.start(1), m.end(1), "latin_person_slot")
    for m in _CONNECTED.finditer(text):
        if any(unfamiliar(w) or w.lower() in given_names() for w in (m.group(1), m.group(2))):
            yield Span(PERSON, m.start(), m.end(), "latin_connected")


def _shaped(text: str) -> Iterator[Span]:
    for m in _GIVEN_INITIAL.finditer(text):
        # Mixer D., Welder W., Crane C.: a machine and its letter, not a given name and an initial
        if m.group(1).lower() in THING_WORDS or _plain_word(m.group(1)):
            continue
        if _name_alone(m.group(1)):
            yield Span(PERSON, m.start(), m.end(), "latin_given_initial")
    for m in _CAPS_GIVEN.finditer(text):
        if _caps_surname(m.group(1)) and _name_alone(m.group(2)):
            yield Span(PERSON, m.start(), m.end(), "latin_caps_given")
    for m in _INITIAL_PARTICLE.finditer(text):
        label = _LABEL_BEFORE.search(text, max(0, m.start() - 16), m.start())
        if label is None or label.group(1).lower() not in common_words():  # Model A. De Novo: a label
            yield Span(PERSON, m.start(), m.end(), "latin_initial_particle")
    for m in _SPEAKER.finditer(text):
        words = m.group(1).split()
        named = any(unfamiliar(w) or w in given_names() for w in words)
        if named and not all(w in vocabulary() for w in words):
            yield Span(PERSON, m.start(1), m.end(1), "latin_speaker")


def _plain_word(word: str) -> bool:
    """An ordinary English word or a lean production term that is no given name (Andon, Kaizen)."""
    low = word.lower()
    return low not in given_names() and (low in common_words() or low in SHOP_FLOOR_WORDS)


def _one_name(word: str) -> bool:
    if len(word) < 3:  # Le, De: a particle or an article, not a name alone
        return False
    return _caps_surname(word) if word.isupper() else _name_alone(word)


def _caps_surname(word: str) -> bool:
    if word in _CAPS_NOT_NAMES or not _VOWEL.search(word.lower()) or len(word) < 3:
        return False
    return unfamiliar(word) or word.lower() in given_names()
