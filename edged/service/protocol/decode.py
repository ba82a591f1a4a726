"""A request payload from bytes to a JSON object: UTF-8, no duplicate keys, no NaN, bounded numbers."""

from __future__ import annotations

import json
import math
from typing import NoReturn

from edged.service.protocol.common import INT_DIGITS, SHOW_CHARS, Reply, show


class _Rejected(ValueError):
    """The JSON parses but holds something a request may not (duplicate key, NaN, huge number)."""


def _unique_keys(pairs: list[tuple[str, object]]) -> dict[str, object]:
    result: dict[str, object] = {}
    for key, value in pairs:
        if key in result:
            raise _Rejected(f"the payload repeats the key {show(key)}: each key may appear once")
        result[key] = value
    return result


def _no_constant(name: str) -> NoReturn:
    raise _Rejected(f"the payload holds {name}, which is not JSON: send a finite number or null")


def _bounded_int(text: str) -> int:
    if len(text.lstrip("-")) > INT_DIGITS:
        raise _Rejected(f"the payload holds an integer with more than {INT_DIGITS} digits")
    return int(text)


def _finite_float(text: str) -> float:
    value = float(text)
    if not math.isfinite(value):
        raise _Rejected(f"the payload holds the number {text[:SHOW_CHARS]}, which is out of range")
    return value


def decode(payload: bytes, reply: Reply) -> dict[str, object]:
    try:
        text = payload.decode("utf-8")
    except UnicodeDecodeError as exc:
        reply.fail(
            f"the payload is not valid UTF-8 (bad byte at offset {exc.start}): send JSON encoded as UTF-8",
            "bad_encoding",
        )
    # Tolerated: some Windows tools (PowerShell, Notepad) prefix UTF-8 with a byte order mark.
    text = text.removeprefix("\ufeff")
    try:
        document = json.loads(
            text,
            object_pairs_hook=_unique_keys,
            parse_constant=_no_constant,
            parse_int=_bounded_int,
            parse_float=_finite_float,
        )
    except _Rejected as exc:
        reply.fail(str(exc))
    except json.JSONDecodeError as exc:
        reply.fail(f"the payload is not valid JSON: {exc.msg} at line {exc.lineno} column {exc.colno}")
    except ValueError:  # pragma: no cover - the hooks above leave json no other ValueError
        reply.fail("the payload is not valid JSON")
    except RecursionError:
        reply.fail("the payload nests arrays or objects too deeply")
    if not isinstance(document, dict):
        reply.fail(
            f'the payload must be a JSON object such as {{"task": "summarize", "input": "..."}}, '
            f"got {_json_kind(document)}",
        )
    return document


def _json_kind(value: object) -> str:
    if isinstance(value, list):
        return "a JSON array"
    if isinstance(value, str):
        return "a JSON string"
    if isinstance(value, bool):
        return "a JSON boolean"
    if value is None:
        return "null"
    if isinstance(value, dict):
        return "a JSON object"
    return "a JSON number"
