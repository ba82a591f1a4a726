"""Extract answer schemas: each refusal with its code (directly and through the protocol), the
schema ``fields`` stands for, and answers checked against a schema."""

from __future__ import annotations

import json
import subprocess
import sys
from typing import Any

import pytest

from edged.errors import SchemaError
from edged.requests import Limits
from edged.service.protocol import ProtocolError, parse_request
from edged.tasks import kind_of, parse_output
from edged.tasks.schema import answer_problem, check_schema, fields_schema, top_level_names

TRIAGE: dict[str, Any] = {
    "type": "object",
    "properties": {
        "severity": {"enum": ["low", "medium", "high"]},
        "machine": {"type": "string", "pattern": "^[A-Z]+-[0-9]+$"},
        "action": {"type": ["string", "null"], "maxLength": 200},
        "seen_at": {"type": "string", "format": "date-time"},
        "count": {"type": "integer", "minimum": 0},
        "parts": {"type": "array", "items": {"type": "string"}, "maxItems": 5},
        "where": {"type": "object", "properties": {"line": {"type": "string"}}, "required": ["line"]},
    },
    "required": ["severity", "machine", "action"],
}


def schema_with(**properties: Any) -> dict[str, Any]:
    return {"type": "object", "properties": properties}


def refusal(value: object, limits: Limits | None = None) -> SchemaError:
    with pytest.raises(SchemaError) as info:
        check_schema(value, limits or Limits())
    return info.value


def test_a_schema_is_kept_in_order_and_its_objects_are_closed() -> None:
    schema = check_schema(TRIAGE, Limits())
    document = schema.document()
    assert top_level_names(schema) == tuple(TRIAGE["properties"])
    assert document["additionalProperties"] is False
    assert document["properties"]["where"]["additionalProperties"] is False  # type: ignore[index]
    assert check_schema(TRIAGE, Limits()) == schema  # same text, same digest
    assert len(schema.digest) == 16


@pytest.mark.parametrize(
    ("value", "code", "names"),
    [
        ("not an object", "schema_invalid", "JSON object"),
        ({"type": "array", "items": {"type": "string"}}, "schema_invalid", "describe an object"),
        (schema_with(a={"type": "strng"}), "schema_invalid", "schema.a: type"),
        (schema_with(a={"type": "string", "minimum": 3}), "schema_invalid", "'minimum'"),
        ({"type": "object", "properties": {"a": {"type": "string"}}, "required": ["b"]}, "schema_invalid",
         "required"),
        (schema_with(**{"bad name": {"type": "string"}}), "schema_invalid", "'bad name'"),
        (schema_with(a={"type": "array"}), "schema_invalid", "items"),
        (schema_with(a={"$ref": "#"}), "schema_unsupported", "'$ref'"),
        (schema_with(a={"anyOf": [{"type": "string"}]}), "schema_unsupported", "'anyOf'"),
        (schema_with(a={"type": "string", "format": "email"}), "schema_unsupported", "'email'"),
        ({**schema_with(a={"type": "string"}), "additionalProperties": {"type": "string"}},
         "schema_unsupported", "additionalProperties"),
        (schema_with(a={"type": "string", "pattern": "(a+)+$"}), "schema_pattern", "repeats a group"),
        (schema_with(a={"type": "string", "pattern": "(x)\\1"}), "schema_pattern", "backreference"),
        (schema_with(a={"type": "string", "pattern": "(?=x)x"}), "schema_pattern", "lookaround"),
        (schema_with(a={"type": "string", "pattern": "[a-"}), "schema_pattern", "not a valid"),
        (schema_with(a={"type": "string", "pattern": "x" * 129}), "schema_pattern", "129 characters"),
        (schema_with(a={"enum": list(range(65))}), "schema_too_large", "65 values"),
    ],
)
def test_each_refusal_has_its_code_and_names_the_place(value: object, code: str, names: str) -> None:
    error = refusal(value)
    assert error.code == code
    assert names in error.message



def test_size_depth_and_property_count_are_bounded() -> None:
    big = schema_with(a={"type": "string", "description": "x" * 300})
    assert refusal(big, Limits(max_schema_bytes=256)).code == "schema_too_large"
    deep: dict[str, Any] = {"type": "string"}
    for _ in range(4):
        deep = {"type": "object", "properties": {"a": deep}}
    check_schema(deep, Limits(max_schema_depth=4))
    nested = {"type": "object", "properties": {"a": deep}}
    error = refusal(nested, Limits(max_schema_depth=4))
    assert (error.code, "schema.a.a.a.a" in error.message) == ("schema_too_deep", True)
    arrays = schema_with(a={"type": "array", "items": {"type": "array", "items": {"type": "string"}}})
    assert refusal(arrays, Limits(max_schema_depth=2)).code == "schema_too_deep"
    many = schema_with(**{f"f{i}": {"type": "string"} for i in range(11)})
    error = refusal(many, Limits(max_schema_properties=10))
    assert (error.code, "10 properties" in error.message) == ("schema_too_large", True)


def test_answers_are_checked_against_the_schema() -> None:
    schema = check_schema(TRIAGE, Limits())
    good = {"severity": "high", "machine": "P-7", "action": None, "seen_at": "2025-03-01T06:10:00+09:00"}
    assert answer_problem(schema, good) is None
    assert "severity" in (answer_problem(schema, {**good, "severity": "urgent"}) or "")
    assert "machine" in (answer_problem(schema, {**good, "machine": "press seven"}) or "")
    assert "date-time" in (answer_problem(schema, {**good, "seen_at": "last night"}) or "")
    assert "'extra' was unexpected" in (answer_problem(schema, {**good, "extra": 1}) or "")
    assert "required" in (answer_problem(schema, {"severity": "low"}) or "")


def test_fields_stand_for_an_object_of_nullable_strings() -> None:
    document = fields_schema(["machine", "symptom"]).document()
    assert document == {
        "type": "object",
        "properties": {"machine": {"type": ["string", "null"]}, "symptom": {"type": ["string", "null"]}},
        "required": ["machine", "symptom"],
        "additionalProperties": False,
    }


def test_an_extract_answer_with_a_schema_is_valid_only_when_it_matches() -> None:
    schema = check_schema(TRIAGE, Limits())
    names = top_level_names(schema)
    text = 'Here: {"severity": "low", "machine": "P-7", "action": "check the bearing"}'
    outcome = kind_of("extract").read_answer(text, names, schema)
    assert (outcome.valid, outcome.output) == (True, json.loads(text[6:]))
    outcome = kind_of("extract").read_answer('{"severity": "none", "machine": "P-7"}', names, schema)
    assert not outcome.valid
    assert outcome.problem is not None and "does not match the schema" in outcome.problem
    # fields keep their lenient reading
    assert parse_output("extract", '{"Machine": "P-7"}', extra=("machine",)).output == {"machine": "P-7"}


def parse(body: dict[str, Any], limits: Limits | None = None) -> Any:
    return parse_request(
        json.dumps(body).encode(), topic="edged/dev-1/req/alice", response_topic="edged/dev-1/resp/alice/r1",
        correlation=None, prefix="edged", tasks=frozenset({"extract", "summarize"}),
        limits=limits or Limits(), received_at=0.0,
    )


def test_the_protocol_takes_a_schema_or_fields_and_refuses_with_the_schema_code() -> None:
    request = parse({"task": "extract", "input": "Press P-7 is loud.", "schema": TRIAGE})
    assert request.extra == tuple(TRIAGE["properties"])
    assert request.schema == check_schema(TRIAGE, Limits())
    request = parse({"task": "extract", "input": "Press P-7 is loud.", "fields": ["machine"]})
    assert (request.extra, request.schema) == (("machine",), fields_schema(["machine"]))
    with pytest.raises(ProtocolError) as info:
        parse({"task": "extract", "input": "x", "schema": schema_with(a={"oneOf": []})})
    assert (info.value.code, info.value.reply_topic) == ("schema_unsupported", "edged/dev-1/resp/alice/r1")
    with pytest.raises(ProtocolError) as info:
        parse({"task": "extract", "input": "x", "schema": TRIAGE, "fields": ["a"]})
    assert info.value.code == "bad_request"
    assert "not both" in info.value.message
    with pytest.raises(ProtocolError) as info:
        parse({"task": "summarize", "input": "x", "schema": TRIAGE})
    assert "schema applies to task extract only" in info.value.message
    with pytest.raises(ProtocolError) as info:
        parse({"task": "extract", "input": "x"})
    assert 'needs "fields"' in info.value.message



_HOSTILE_PATTERNS = ("(a|aa)*b", "(?:a|a)*b", "(a|a?)+b", "a*a*a*a*a*a*a*a*b", "[\\s\\S]*[\\s\\S]*[\\s\\S]*x")
_CHECK_EACH = """
import json, sys
from edged.requests import Limits
from edged.tasks.schema import answer_problem, check_schema
for pattern in json.loads(sys.argv[1]):
    string = {"type": "string", "pattern": pattern}
    schema = check_schema({"type": "object", "properties": {"a": string}}, Limits())
    for text in ("a" * 40 + "!", "a" * 3000 + "!", " a" * 3000):
        assert answer_problem(schema, {"a": text}) is not None, (pattern, text[:10])
    assert answer_problem(schema, {"a": "aab" if "b" in pattern else "aax"}) is None, pattern
"""


def test_an_answer_check_ends_in_bounded_time_whatever_pattern_passed() -> None:
    """Catastrophic backtracking the static check does not see (overlapping alternatives,
    polynomial runs of quantifiers). The answer check runs on the engine's worker and the cloud
    pool and holds the GIL while it matches, so a slow one freezes the whole daemon: it must end
    quickly, and an answer it could not check is not valid. (In a child: a hang must fail the
    test, and a thread cannot time out a match that holds the GIL.)"""
    done = subprocess.run(
        [sys.executable, "-c", _CHECK_EACH, json.dumps(_HOSTILE_PATTERNS)],
        capture_output=True, text=True, timeout=60, check=False,
    )
    assert done.returncode == 0, done.stderr[-2000:]


def test_a_comment_cannot_hide_a_nested_quantifier() -> None:
    error = refusal(schema_with(a={"type": "string", "pattern": "(a+)(?#x)+b"}))
    assert error.code == "schema_pattern"


@pytest.mark.parametrize(
    ("node", "names"),
    [
        ({"type": "string", "minLength": 5, "maxLength": 2}, "minLength"),
        ({"type": "array", "items": {"type": "string"}, "minItems": 3, "maxItems": 1}, "minItems"),
        ({"type": "integer", "minimum": 5, "maximum": 2}, "minimum"),
        ({"type": "number", "minimum": float("nan")}, "finite"),
        ({"type": "number", "maximum": float("inf")}, "finite"),
        ({"enum": ["low", float("nan")]}, "finite"),
        ({"type": "string", "enum": [1, 2]}, "enum"),
        ({"type": "string", "enum": [None]}, "enum"),
    ],
)
def test_a_schema_no_answer_can_satisfy_is_refused_before_the_model(node: dict[str, Any], names: str) -> None:
    """Guided decoding cannot end an answer no value satisfies, and NaN/Infinity (which TOML
    writes as nan, inf) are not JSON: neither the constraint engine nor the cloud could read it."""
    error = refusal(schema_with(a=node))
    assert error.code == "schema_invalid"
    assert names in error.message
