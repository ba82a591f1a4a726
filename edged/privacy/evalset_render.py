"""What the hand-authored evaluation sets share: a filled slot (``Piece``), the seeded value helpers,
a template rendered into a labeled sample, and templates dealt in shuffled rounds. Each set keeps
its own sources, templates and slot builders; only this machinery is common."""

from __future__ import annotations

import random
import re
import string
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from edged.privacy.evalset import NEGATIVE, Label, Sample, check_sample

SLOT = re.compile(r"\{(\w+)(?::([\w-]+))?\}")


@dataclass
class Piece:
    """One filled slot: ``value`` is labeled ``type`` (an entity, NEGATIVE, or "" for filler);
    ``pre`` and ``post`` are written around it and stay outside the label."""

    value: str
    type: str = ""
    form: str = ""
    pre: str = ""
    post: str = ""


class SeededValues:
    """One seeded ``random.Random`` and the small draws every set's value builders use."""

    def __init__(self, seed: int) -> None:
        self.rng = random.Random(seed)  # noqa: S311 - reproducible test data, not secrets
        self.lang = "en"

    def d(self, n: int, first: str = string.digits) -> str:
        if n <= 0:
            return ""
        return self.rng.choice(first) + "".join(self.rng.choice(string.digits) for _ in range(n - 1))

    def fill(self, mask: str) -> str:
        return "".join(
            self.rng.choice(string.digits) if c == "#" else self.rng.choice("23456789") if c == "N" else c
            for c in mask
        )

    def pick(self, items: tuple[str, ...]) -> str:
        return self.rng.choice(items)

    def n(self, low: int, high: int) -> int:
        return self.rng.randint(low, high)


def render(
    values: SeededValues, lang: str, template: str, fill_slot: Callable[[str, str], Piece],
    slot: re.Pattern[str] = SLOT,
) -> Sample:
    """``template`` with each ``{name[:tag]}`` slot filled (``{{`` and ``}}`` are literal braces),
    and a label for each piece that has a type."""
    values.lang = lang
    parts: list[str] = []
    labels: list[Label] = []
    negatives: list[Label] = []
    pos = last = 0
    source = template.replace("{{", "\x00").replace("}}", "\x01")
    for match in slot.finditer(source):
        literal = source[last : match.start()].replace("\x00", "{").replace("\x01", "}")
        parts.append(literal)
        pos += len(literal)
        last = match.end()
        piece = fill_slot(match.group(1), match.group(2) or "")
        start = pos + len(piece.pre)
        if piece.type:
            label = Label(piece.type, start, start + len(piece.value), piece.value, piece.form)
            (negatives if piece.type == NEGATIVE else labels).append(label)
        written = piece.pre + piece.value + piece.post
        parts.append(written)
        pos += len(written)
    parts.append(source[last:].replace("\x00", "{").replace("\x01", "}"))
    sample = Sample(lang=lang, text="".join(parts), template=template, labels=labels, negatives=negatives)
    check_sample(sample)
    return sample


def deal(
    rng: random.Random, per_lang: int, templates: Sequence[tuple[str, Sequence[str]]],
    render_one: Callable[[str, str], Sample],
) -> list[Sample]:
    """``per_lang`` samples per language, in the order given; templates are dealt in shuffled
    rounds, so each is used about equally, and the same seed gives the same samples."""
    samples: list[Sample] = []
    for lang, pool in templates:
        order: list[int] = []
        for _ in range(per_lang):
            if not order:
                order = list(range(len(pool)))
                rng.shuffle(order)
            samples.append(render_one(lang, pool[order.pop()]))
    return samples
