"""The guidance schema is the answer's schema tightened to its token budget: compact JSON, free
strings and arrays capped so the longest answer fits max_tokens, never below a schema's minimum,
and never looser than the client's own caps."""

from __future__ import annotations

import json
from typing import Any

import jsonschema

from edged.requests import Limits
from edged.tasks.budget import guidance_schema, worst_case_tokens
from edged.tasks.schema import check_schema

TRIAGE: dict[str, Any] = {
    "type": "object",
    "properties": {
        "severity": {"enum": ["low", "medium", "high"]},
        "machine": {"type": "string"},
        "action": {"type": ["string", "null"], "maxLength": 6},
        "parts": {"type": "array", "items": {"type": "string"}},
        "stopped": {"type": "boolean"},
        "code": {"type": "string", "pattern": "^[A-Z]-[0-9]+$"},
    },
    "required": ["severity", "machine", "action", "parts", "stopped"],
}


def fitted(schema: dict[str, Any], max_tokens: int, rate: float = 1.0) -> dict[str, Any]:
    value: dict[str, Any] = json.loads(guidance_schema(check_schema(schema, Limits()), max_tokens, rate))
    return value


def test_free_strings_and_arrays_get_caps_whose_worst_case_fits_the_budget() -> None:
    schema = check_schema(TRIAGE, Limits())
    for budget in (150, 250, 600):
        for rate in (1.0, 2.5):
            doc = fitted(TRIAGE, budget, rate)
            cap = doc["properties"]["machine"]["maxLength"]
            assert worst_case_tokens(schema, rate, cap) <= budget
            assert worst_case_tokens(schema, rate, cap + 1) > budget  # the largest cap that fits
            assert doc["properties"]["parts"]["maxItems"] >= 1
            assert doc["properties"]["parts"]["items"]["maxLength"] == cap


def test_a_bigger_budget_or_a_cheaper_script_allows_longer_strings() -> None:
    caps = [fitted(TRIAGE, budget)["properties"]["machine"]["maxLength"] for budget in (150, 250, 600)]
    assert caps == sorted(caps) and caps[0] < caps[-1]
    assert fitted(TRIAGE, 250, 3.0)["properties"]["machine"]["maxLength"] < caps[1]


def test_the_clients_own_caps_and_minimums_are_kept() -> None:
    doc = fitted(TRIAGE, 400)
    assert doc["properties"]["action"]["maxLength"] == 6  # tighter than the budget's: kept
    assert "maxLength" not in doc["properties"]["code"]  # a pattern decides its own length
    assert doc["properties"]["severity"] == {"enum": ["low", "medium", "high"]}
    tight = {**TRIAGE, "properties": {**TRIAGE["properties"], "machine": {"type": "string", "minLength": 50}}}
    assert fitted(tight, 40)["properties"]["machine"]["maxLength"] == 50  # cannot fit: the minimum stays


def test_the_guidance_asks_for_compact_json_and_admits_only_answers_the_schema_admits() -> None:
    doc = fitted(TRIAGE, 120)
    assert doc["x-guidance"] == {"whitespace_flexible": False}
    answer = {"severity": "low", "machine": "P-7", "action": None, "parts": ["seal"], "stopped": False}
    jsonschema.validate(answer, {k: v for k, v in doc.items() if k != "x-guidance"})
    jsonschema.validate(answer, TRIAGE)
