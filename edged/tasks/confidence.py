"""Confidence of an object answer from its value tokens only. Under a constraint the keys, quotes,
colons and commas are forced: the model's log-probability of them says how much it expected the
format, not whether the values are right. So the router's confidence for an extract is taken
over the tokens that carry values (a string's characters, a number, true/false/null), and a
field's own confidence over its value's tokens."""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Final

_JSON_TOKEN: Final = re.compile(
    r'"(?:[^"\\]|\\.)*"|-?\d+(?:\.\d+)?(?:[eE][+-]?\d+)?|true|false|null|[{}\[\]:,]|\s+',
)


def value_spans(text: str) -> list[tuple[str | None, int, int]]:
    """Each value of the JSON object that opens ``text``: (its top-level key, start, end) in
    characters; a string's span is inside its quotes. Scanning stops at the first character
    that is not JSON (a cut answer gives the spans before the cut)."""
    pieces: list[tuple[str, int, int]] = []
    position = text.find("{")
    while 0 <= position < len(text):
        match = _JSON_TOKEN.match(text, position)
        if match is None:
            break
        if not match.group().isspace():
            pieces.append((match.group(), match.start(), match.end()))
        position = match.end()
    spans: list[tuple[str | None, int, int]] = []
    depth, top = 0, None
    for index, (piece, start, end) in enumerate(pieces):
        if piece in {"{", "["}:
            depth += 1
        elif piece in {"}", "]"}:
            depth -= 1
        elif piece in {":", ","}:
            continue
        elif piece.startswith('"') and index + 1 < len(pieces) and pieces[index + 1][0] == ":":
            if depth == 1:
                top = piece[1:-1]
        elif piece.startswith('"'):
            spans.append((top, start + 1, end - 1))
        else:
            spans.append((top, start, end))
    return spans


def value_logprobs(
    text: str, offsets: Sequence[int], logprobs: Sequence[float], key: str | None = None,
) -> list[float]:
    """The log-probs of the tokens that overlap a value (of top-level ``key``, or any).
    ``offsets[i]``: where token i ends in ``text``."""
    spans = [(start, end) for name, start, end in value_spans(text) if key is None or name == key]
    chosen = []
    begin = 0
    for end, logprob in zip(offsets, logprobs, strict=False):
        if any(begin < high and low < end for low, high in spans):
            chosen.append(logprob)
        begin = end
    return chosen
