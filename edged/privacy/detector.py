"""The one interface every detector implements, and what a detector is handed.

A detector has a ``name`` (its key in ``[privacy].detectors`` and the registry), the entity
``types`` it reports, a ``priority`` (lower wins when two findings overlap: a validated
identifier over a pattern, a pattern over a name guessed from context) and ``find(view)``, which
returns spans in the offsets of ``view.text`` (NFKC-normalised; ``normalize`` maps them back).

Detectors that only run in strict mode (``strict_only``) mask what is likely but unproven; the
escalation path runs strict by default, so in doubt a value stays home.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import NamedTuple, Protocol


class Span(NamedTuple):
    """A finding in normalised-text offsets."""

    type: str
    start: int
    end: int
    detector: str


class TextView(NamedTuple):
    """One text as the detectors see it: normalised, with its language guessed once."""

    text: str
    japanese: bool
    english: bool
    strict: bool


class Detector(Protocol):
    name: str
    types: tuple[str, ...]
    priority: int
    strict_only: bool

    def find(self, view: TextView) -> Iterable[Span]: ...


class FunctionDetector:
    """A detector made of a plain function over the text (the shape-based finders)."""

    def __init__(
        self,
        name: str,
        types: tuple[str, ...],
        priority: int,
        find: _Finder,
        *,
        strict_only: bool = False,
    ) -> None:
        self.name = name
        self.types = types
        self.priority = priority
        self.strict_only = strict_only
        self._find = find

    def find(self, view: TextView) -> Iterable[Span]:
        return self._find(view)

    def __repr__(self) -> str:
        return f"Detector({self.name})"


class _Finder(Protocol):
    def __call__(self, view: TextView, /) -> Iterable[Span]: ...
