"""The grammar a guided answer is decoded under, sized to its token budget. A schema's strings and
arrays may be unbounded, so under ``max_tokens`` the model could still be inside a string when the
budget ends, and the cut answer is not JSON. The guidance schema is the answer's schema tightened
so that its longest answer fits: compact JSON (llguidance's ``x-guidance`` ``whitespace_flexible:
false``; by default any whitespace may go between tokens), and each string's ``maxLength`` and
each array's ``maxItems`` lowered to the largest cap whose worst case fits the budget. A tighter
schema admits only answers the client's schema admits; the answer is still checked against the
client's schema after decoding, and one that ends by length anyway comes back degraded.

The worst case is counted in tokens: structure and keys at one token per UTF-8 byte (a byte-level
BPE token covers at least one byte), a string's characters at the rate the request's own input
tokenizes at (values are copied from it), numbers without bounds at a guess (JSON Schema cannot
bound their digits). So the fit is an estimate, tight for what a small model copies from a note.
"""

from __future__ import annotations

import functools
import json
import math
from collections.abc import Mapping
from typing import Final

from edged.requests import AnswerSchema

# Characters of an unbounded number (llguidance bounds no digits): a guess, not a bound.
_NUMBER_CHARS: Final = 16
_DATE_TIME_CHARS: Final = 35  # 2026-11-30T16:28:11.123456+09:00 and quotes
_END: Final = 1  # the end-of-turn token after the closing brace
_MAX_CAP: Final = 4096
COMPACT: Final[Mapping[str, object]] = {"whitespace_flexible": False}


@functools.lru_cache(maxsize=512)
def guidance_schema(schema: AnswerSchema, max_tokens: int, tokens_per_char: float) -> str:
    """The JSON text of the schema to decode under: ``schema`` in compact JSON with its strings
    and arrays capped so the longest answer fits ``max_tokens``. When even the smallest caps do
    not fit (long required enums, many keys), the smallest; the answer check has the last word."""
    document = json.loads(schema.text)
    rate = max(1.0, tokens_per_char)
    low, high = 1, _MAX_CAP
    if _cost(_capped(document, high), rate) <= max_tokens:
        low = high
    while low < high:  # the largest cap whose worst case fits
        middle = (low + high + 1) // 2
        if _cost(_capped(document, middle), rate) <= max_tokens:
            low = middle
        else:
            high = middle - 1
    fitted = _capped(document, low)
    fitted["x-guidance"] = dict(COMPACT)
    return json.dumps(fitted, ensure_ascii=False, separators=(",", ":"))


def worst_case_tokens(schema: AnswerSchema, tokens_per_char: float, cap: int) -> int:
    """The longest answer's tokens under ``cap`` (for tests and the figures)."""
    return _cost(_capped(json.loads(schema.text), cap), max(1.0, tokens_per_char))


def _capped(node: object, cap: int) -> dict[str, object]:
    """A copy of ``node`` whose free strings hold at most ``cap`` characters and whose arrays at
    most ``cap // 4`` entries (never below their own minimum)."""
    if not isinstance(node, dict):
        return {}
    out = dict(node)
    types = _types(node)
    if "string" in types and "enum" not in node and "pattern" not in node and "format" not in node:
        out["maxLength"] = max(min(_int(node.get("maxLength"), cap), cap), _int(node.get("minLength"), 0))
    if "array" in types:
        items = max(1, cap // 4)
        out["maxItems"] = max(min(_int(node.get("maxItems"), items), items), _int(node.get("minItems"), 0))
        out["items"] = _capped(node.get("items"), cap)
    properties = node.get("properties")
    if "object" in types and isinstance(properties, dict):
        out["properties"] = {name: _capped(child, cap) for name, child in properties.items()}
    return out


def _cost(node: Mapping[str, object], rate: float) -> int:
    return _tokens(node, rate) + _END


def _tokens(node: Mapping[str, object], rate: float) -> int:
    """The longest value ``node`` admits, in tokens."""
    if "enum" in node and isinstance(node["enum"], list):
        return max(_bytes(json.dumps(value, ensure_ascii=False)) for value in node["enum"])
    costs = [_type_tokens(name, node, rate) for name in sorted(_types(node))]
    return max(costs, default=_NUMBER_CHARS)


def _type_tokens(name: str, node: Mapping[str, object], rate: float) -> int:  # noqa: PLR0911 - one per type
    if name == "object":
        properties = node.get("properties")
        if not isinstance(properties, dict):
            return 2
        # {"key":value,"key":value}: braces, and per key its quoted bytes, a colon and a comma.
        return 2 + sum(_bytes(json.dumps(key, ensure_ascii=False)) + 2 + _tokens(child, rate)
                       for key, child in properties.items() if isinstance(child, dict))
    if name == "array":
        items = node.get("items")
        each = _tokens(items, rate) if isinstance(items, dict) else _NUMBER_CHARS
        return 2 + _int(node.get("maxItems"), _MAX_CAP) * (each + 1)
    if name == "string":
        if node.get("format") == "date-time":
            return _DATE_TIME_CHARS
        if "pattern" in node:  # a pattern's length says little of its answers': count it so
            return 2 + math.ceil(len(str(node["pattern"])) * rate)
        return 2 + math.ceil(_int(node.get("maxLength"), _MAX_CAP) * rate)
    if name in {"number", "integer"}:
        bounds = [node.get("minimum"), node.get("maximum")]
        if name == "integer" and all(isinstance(b, int) for b in bounds):
            return max(len(str(b)) for b in bounds)
        return _NUMBER_CHARS
    return {"boolean": 5, "null": 4}.get(name, _NUMBER_CHARS)


def _types(node: Mapping[str, object]) -> set[str]:
    raw = node.get("type")
    if isinstance(raw, str):
        return {raw}
    return {str(t) for t in raw} if isinstance(raw, list) else set()


def _int(value: object, default: int) -> int:
    return value if isinstance(value, int) and not isinstance(value, bool) else default


def _bytes(text: str) -> int:
    return len(text.encode())
