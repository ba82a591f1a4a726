"""Answer schemas: a client's JSON Schema checked and bounded before it reaches the model, the
schema ``fields`` stands for, and the check of an answer against it (``jsonschema``).

Only what every constraint engine edged drives compiles (llguidance in onnxruntime-genai, xgrammar
in TensorRT-LLM) and what cannot blow up the answer check is accepted: objects, arrays, the JSON
scalar types, enum, pattern (no backreferences, lookaround or nested quantifiers), date-time,
lengths and bounds. ``$ref`` is refused, so a schema cannot be recursive. Each refusal is a
``SchemaError`` whose code says which limit, and whose message names the keyword and its place.
"""

from __future__ import annotations

import functools
import json
import math
import re
import threading
import time
from collections.abc import Iterator, Mapping, Sequence
from datetime import datetime
from typing import Any, Final, cast

import jsonschema
import regex
from jsonschema.protocols import Validator

from edged.errors import SchemaError
from edged.requests import AnswerSchema, Limits, is_name

_TYPES: Final = frozenset({"object", "array", "string", "number", "integer", "boolean", "null"})
# Keywords that only describe (kept, never enforced) and those each type may carry.
_NOTES: Final = frozenset({"title", "description", "type", "enum"})
_BY_TYPE: Final[Mapping[str, frozenset[str]]] = {
    "object": frozenset({"properties", "required", "additionalProperties"}),
    "array": frozenset({"items", "minItems", "maxItems"}),
    "string": frozenset({"pattern", "format", "minLength", "maxLength"}),
    "number": frozenset({"minimum", "maximum"}),
    "integer": frozenset({"minimum", "maximum"}),
}
_KNOWN: Final = _NOTES.union(*_BY_TYPE.values())
_FORMATS: Final = frozenset({"date-time"})
_MAX_ENUM: Final = 64
_MAX_ENUM_CHARS: Final = 256
_MAX_COUNT: Final = 10_000  # minLength/maxLength/minItems/maxItems: answers are bounded by max_tokens
# A quantified group that holds a quantifier ((a+)+, (\w*x)*): exponential backtracking in the
# answer check. Backreferences and lookaround: not regular, no constraint engine compiles them.
_NESTED_QUANTIFIER: Final = re.compile(r"\((?:[^()\\]|\\.)*[+*}](?:[^()\\]|\\.)*\)[+*{]")
_NOT_REGULAR: Final = re.compile(r"\\[1-9]|\\k<|\(\?[=!<]|\(\?P[=>]")
# A comment between a group and its quantifier hides the nesting from the check above.
_COMMENT: Final = re.compile(r"\(\?#")
# Overlapping alternatives ((a|aa)*b) and runs of quantifiers (a*a*a*b) backtrack too, in ways no
# static check catches: all patterns of one answer check together get this long, and an answer
# they could not check in it is not valid. (A match holds the GIL: a slow one stops the daemon.)
_PATTERN_BUDGET_S: Final = 0.2


def fields_schema(fields: Sequence[str]) -> AnswerSchema:
    """The schema ``fields`` is shorthand for: an object of exactly these keys, each a string or null."""
    document = {
        "type": "object",
        "properties": {name: {"type": ["string", "null"]} for name in fields},
        "required": list(fields),
        "additionalProperties": False,
    }
    return AnswerSchema(_canonical(document))


def check_schema(value: object, limits: Limits) -> AnswerSchema:
    """The client's schema, checked against ``limits``; objects that do not say otherwise are
    closed (``additionalProperties: false``), so the model cannot add keys. SchemaError if refused."""
    if not isinstance(value, dict):
        raise SchemaError("schema must be a JSON object (a JSON Schema of the answer object)")
    size = len(_canonical(value).encode())
    if size > limits.max_schema_bytes:
        raise SchemaError(
            f"schema is {size} bytes as compact JSON; the limit is {limits.max_schema_bytes} "
            "(limits.max_schema_bytes)",
            code="schema_too_large",
        )
    if _types(value, "schema") != {"object"}:
        raise SchemaError('schema must describe an object: "type": "object" with "properties"')
    walker = _Walker(limits)
    checked = AnswerSchema(_canonical(walker.node(value, "schema", 1)))
    problem = _meta_problem(checked.text)
    if problem is not None:
        raise SchemaError(f"schema is not a valid JSON Schema: {problem}")
    return checked


@functools.lru_cache(maxsize=256)
def _meta_problem(text: str) -> str | None:
    """The check against the JSON Schema meta-schema (about 5 ms), once per schema text: a
    client sends the same schema request after request."""
    try:
        jsonschema.Draft202012Validator.check_schema(json.loads(text))
    except jsonschema.SchemaError as exc:
        return exc.message
    return None


def top_level_names(schema: AnswerSchema) -> tuple[str, ...]:
    properties = schema.document().get("properties")
    return tuple(properties) if isinstance(properties, dict) else ()


def answer_problem(schema: AnswerSchema, answer: object) -> str | None:
    """Why ``answer`` does not match ``schema`` (the most relevant error, with its place), or None."""
    # Typed loosely: the stubs' signatures vary with the referencing package's version.
    validator: Any = _validator(schema.text)
    _budget.ends = time.monotonic() + _PATTERN_BUDGET_S
    error = cast(Any, jsonschema.exceptions).best_match(validator.iter_errors(answer))
    if error is None:
        return None
    where = "/".join(str(part) for part in error.absolute_path)
    return f"the answer does not match the schema at {where or 'the top'}: {error.message}"


@functools.lru_cache(maxsize=256)
def _validator(text: str) -> Validator:
    """One validator per schema text: building it is most of the cost of a check."""
    validator: Validator = _BoundedValidator(json.loads(text), format_checker=_FORMAT_CHECKER)
    return validator


_budget = threading.local()  # .ends: when the patterns of this thread's answer check must stop


def _bounded_pattern(_validator: object, pattern: str, instance: object, _schema: object) -> Iterator[Any]:
    """``pattern`` as jsonschema checks it (a search), with the time left to this answer check."""
    if not isinstance(instance, str):
        return
    left = getattr(_budget, "ends", 0.0) - time.monotonic()
    try:
        if left > 0 and regex.search(pattern, instance, timeout=left) is not None:
            return
    except TimeoutError:
        left = 0.0
    reason = "does not match" if left > 0 else "could not be checked in time against"
    yield jsonschema.ValidationError(f"{instance!r} {reason} {pattern!r}")


_BoundedValidator: Any = cast(Any, jsonschema.validators).extend(
    jsonschema.Draft202012Validator, {"pattern": _bounded_pattern},
)


_FORMAT_CHECKER: Final = jsonschema.FormatChecker(formats=())


@_FORMAT_CHECKER.checks("date-time", raises=ValueError)
def _date_time(value: object) -> bool:
    # RFC 3339: a date, 'T' (or 't', ' '), a time and an offset or Z. Not a string: type's job.
    if not isinstance(value, str):
        return True
    if len(value) < 20 or value[10] not in "Tt ":
        return False
    return datetime.fromisoformat(value.upper()).tzinfo is not None


def _canonical(document: object) -> str:
    # Key order kept: the model writes the properties in the order the schema gives them.
    return json.dumps(document, ensure_ascii=False, separators=(",", ":"))


def _types(node: Mapping[str, object], where: str) -> set[str]:
    raw = node.get("type")
    names = raw if isinstance(raw, list) else [raw] if raw is not None else []
    if not names and "enum" in node:
        return set()
    if not names or not all(isinstance(name, str) and name in _TYPES for name in names):
        raise SchemaError(
            f"{where}: type must be one of {', '.join(sorted(_TYPES))} (or a list of them), got {raw!r}",
        )
    return {str(name) for name in names}


class _Walker:
    """One pass over a schema: keywords, depth, the property count, patterns and enums."""

    def __init__(self, limits: Limits) -> None:
        self.limits = limits
        self.properties = 0

    def node(self, node: object, where: str, depth: int) -> dict[str, object]:
        if not isinstance(node, dict):
            raise SchemaError(f"{where} must be a JSON object (a schema), got {type(node).__name__}")
        types = self._keywords(node, where)
        if types & {"object", "array"} and depth > self.limits.max_schema_depth:
            raise SchemaError(
                f"{where} nests deeper than {self.limits.max_schema_depth} levels (limits.max_schema_depth)",
                code="schema_too_deep",
            )
        if "enum" in node:
            self._enum(node["enum"], where, types)
        out = dict(node)
        if "object" in types:
            out.update(self._object(node, where, depth))
        if "array" in types:
            if "items" not in node:
                raise SchemaError(f"{where}: an array needs \"items\" (the schema of its entries)")
            out["items"] = self.node(node["items"], f"{where}.items", depth + 1)
            self._counts(node, where, ("minItems", "maxItems"))
            _ordered(node, where, ("minItems", "maxItems"))
        if "string" in types:
            self._string(node, where)
        for key in ("minimum", "maximum"):
            if key in node and (isinstance(node[key], bool) or not isinstance(node[key], int | float)
                                or not math.isfinite(node[key])):
                raise SchemaError(f"{where}.{key} must be a finite number")
        _ordered(node, where, ("minimum", "maximum"))
        return out

    @staticmethod
    def _keywords(node: Mapping[str, object], where: str) -> set[str]:
        """The node's types, once each keyword is known and applies to one of them."""
        for key in node:
            if key not in _KNOWN:
                raise SchemaError(
                    f"{where} uses {key!r}, which constrained decoding here does not support",
                    code="schema_unsupported",
                )
        types = _types(node, where)
        allowed = _NOTES.union(*(_BY_TYPE.get(name, frozenset()) for name in types))
        for key in node:
            if key not in allowed:
                raise SchemaError(f"{where} uses {key!r}, which does not apply to type {sorted(types)}")
        return types

    def _object(self, node: Mapping[str, object], where: str, depth: int) -> dict[str, object]:
        properties = node.get("properties")
        if not isinstance(properties, dict) or not properties:
            raise SchemaError(f"{where}: an object needs \"properties\", a non-empty object of schemas")
        self.properties += len(properties)
        if self.properties > self.limits.max_schema_properties:
            raise SchemaError(
                f"schema has more than {self.limits.max_schema_properties} properties in all "
                "(limits.max_schema_properties)",
                code="schema_too_large",
            )
        closed: dict[str, object] = {}
        for name, child in properties.items():
            if not is_name(name):
                raise SchemaError(
                    f"{where}: property {name!r} is not a name: 1 to 64 letters, digits, '_' or '-', "
                    "starting with a letter or '_'",
                )
            closed[name] = self.node(child, f"{where}.{name}", depth + 1)
        required = node.get("required", [])
        if not isinstance(required, list) or not all(isinstance(r, str) and r in closed for r in required):
            raise SchemaError(f"{where}.required must list names of its properties")
        additional = node.get("additionalProperties", False)
        if not isinstance(additional, bool):
            raise SchemaError(
                f"{where}.additionalProperties as a schema is not supported: use true or false",
                code="schema_unsupported",
            )
        return {"properties": closed, "additionalProperties": additional}

    def _string(self, node: Mapping[str, object], where: str) -> None:
        self._counts(node, where, ("minLength", "maxLength"))
        _ordered(node, where, ("minLength", "maxLength"))
        fmt = node.get("format")
        if fmt is not None and fmt not in _FORMATS:
            raise SchemaError(
                f"{where} uses format {fmt!r}, which constrained decoding here does not support; "
                f"supported: {', '.join(sorted(_FORMATS))}",
                code="schema_unsupported",
            )
        if "pattern" in node:
            check_pattern(node["pattern"], where, self.limits.max_pattern_chars)

    def _counts(self, node: Mapping[str, object], where: str, keys: tuple[str, str]) -> None:
        for key in keys:
            value = node.get(key)
            if value is not None and (isinstance(value, bool) or not isinstance(value, int)
                                      or not 0 <= value <= _MAX_COUNT):
                raise SchemaError(f"{where}.{key} must be an integer from 0 to {_MAX_COUNT}")

    def _enum(self, values: object, where: str, types: set[str]) -> None:
        if not isinstance(values, list) or not values:
            raise SchemaError(f"{where}.enum must be a non-empty array")
        if len(values) > _MAX_ENUM:
            raise SchemaError(
                f"{where}.enum has {len(values)} values; at most {_MAX_ENUM}", code="schema_too_large",
            )
        for value in values:
            if value is not None and not isinstance(value, str | int | float | bool):
                raise SchemaError(f"{where}.enum may hold strings, numbers, booleans and null only")
            if isinstance(value, str) and len(value) > _MAX_ENUM_CHARS:
                raise SchemaError(
                    f"{where}.enum has a value over {_MAX_ENUM_CHARS} characters", code="schema_too_large",
                )
            if isinstance(value, float) and not math.isfinite(value):
                raise SchemaError(f"{where}.enum may hold finite numbers only, not {value}")
            if types and _json_type(value) not in types and not (
                    _json_type(value) == "integer" and "number" in types):
                raise SchemaError(
                    f"{where}.enum holds {value!r}, which is not of its type {sorted(types)}: no answer "
                    "could take that value",
                )


def _ordered(node: Mapping[str, object], where: str, keys: tuple[str, str]) -> None:
    """A lower bound above its upper bound: no answer satisfies it, so guided decoding cannot end."""
    low, high = (node.get(key) for key in keys)
    if isinstance(low, int | float) and isinstance(high, int | float) and low > high:
        raise SchemaError(
            f"{where}.{keys[0]} ({low}) is above {keys[1]} ({high}): no answer could satisfy it",
        )


def _json_type(value: object) -> str:
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "boolean"
    if isinstance(value, int) or (isinstance(value, float) and value.is_integer()):
        return "integer"  # 1.0 is an integer to JSON Schema
    return "number" if isinstance(value, float) else "string"


def check_pattern(pattern: object, where: str, limit: int) -> None:
    """A pattern both the constraint engine and the answer check can run in bounded time."""
    if not isinstance(pattern, str) or not pattern:
        raise SchemaError(f"{where}.pattern must be a non-empty string", code="schema_pattern")
    if len(pattern) > limit:
        raise SchemaError(
            f"{where}.pattern is {len(pattern)} characters; the limit is {limit} (limits.max_pattern_chars)",
            code="schema_pattern",
        )
    if _NOT_REGULAR.search(pattern):
        raise SchemaError(
            f"{where}.pattern uses a backreference or lookaround, which constrained decoding cannot "
            "compile: write a plain regular expression",
            code="schema_pattern",
        )
    if _NESTED_QUANTIFIER.search(pattern):
        raise SchemaError(
            f"{where}.pattern repeats a group that holds a repetition (like (a+)+): too costly to "
            "check; write it without the nesting",
            code="schema_pattern",
        )
    if _COMMENT.search(pattern):
        raise SchemaError(
            f"{where}.pattern holds a comment (?#...): remove it", code="schema_pattern",
        )
    try:
        re.compile(pattern)
        regex.compile(pattern)  # what the answer check runs
    except (re.error, regex.error) as exc:
        raise SchemaError(
            f"{where}.pattern is not a valid regular expression: {exc}", code="schema_pattern",
        ) from None
