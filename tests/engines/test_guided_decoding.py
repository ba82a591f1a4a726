"""Constrained decoding on the real CPU engine: an extract with a schema comes back as an object
that matches it, guided and free requests share a call, and a grammar the constraint engine
cannot compile fails that call with engine_error instead of answering unconstrained."""

from __future__ import annotations

import json
import time
from typing import Any

import pytest

from edged.engines.base import ChatMessage, Engine, GenerationRequest, Guidance
from edged.errors import EngineError
from edged.requests import Limits
from edged.service.protocol import parse_request
from edged.service.runner import TaskRunner
from edged.tasks import load_tasks
from edged.tasks.schema import answer_problem, check_schema

pytestmark = pytest.mark.engine

TRIAGE: dict[str, Any] = {
    "type": "object",
    "properties": {
        "severity": {"enum": ["low", "medium", "high"]},
        "machine": {"type": "string", "maxLength": 40},
        "action": {"type": "string", "maxLength": 80},
        "stopped": {"type": "boolean"},
    },
    "required": ["severity", "machine", "action", "stopped"],
}


def extract(note: str, **keys: Any) -> Any:
    body = {"task": "extract", "input": note, "max_tokens": 120, "deadline_ms": 120000} | keys
    return parse_request(
        json.dumps(body).encode(), topic="edged/dev-1/req/alice", response_topic="edged/dev-1/resp/alice/r1",
        correlation=None, prefix="edged", tasks=frozenset(load_tasks()), limits=Limits(),
        received_at=time.monotonic(),
    )


def test_an_extract_with_a_schema_returns_an_object_that_matches_it(cpu_engine: Engine) -> None:
    runner = TaskRunner(cpu_engine, load_tasks())
    requests = [
        extract("Press P-7 makes a grinding noise since the night shift; still running.", schema=TRIAGE),
        extract("Press P-7 makes a grinding noise since the night shift.", fields=["machine", "symptom"]),
        extract("ライン3のポンプP-12から油漏れ。停止して交換が必要。", schema=TRIAGE),
    ]
    results = runner.run(requests)
    for request, result in zip(requests, results, strict=True):
        assert result.ok, result.error_message
        assert result.valid, result.problem
        assert request.schema is not None
        assert answer_problem(request.schema, result.output) is None
    assert set(results[1].output) == {"machine", "symptom"}  # type: ignore[arg-type]


def test_guided_and_free_requests_share_one_call(cpu_engine: Engine) -> None:
    schema = check_schema(TRIAGE, Limits())
    other = check_schema({"type": "object", "properties": {"ok": {"type": "boolean"}}, "required": ["ok"]},
                         Limits())

    def ask(text: str, guidance: Guidance | None) -> GenerationRequest:
        return GenerationRequest((ChatMessage("user", text),), max_tokens=80, guidance=guidance)

    results = cpu_engine.generate([
        ask("Pump 3 leaks oil. Give JSON.", Guidance("json_schema", schema.text)),
        ask("Say hello.", None),
        ask("Is the line running? Give JSON.", Guidance("json_schema", other.text)),
        ask("Conveyor C2 stopped. Give JSON.", Guidance("json_schema", schema.text)),
    ])
    assert answer_problem(schema, json.loads(results[0].text)) is None
    assert answer_problem(other, json.loads(results[2].text)) is None
    assert answer_problem(schema, json.loads(results[3].text)) is None
    assert results[1].text and not results[1].text.lstrip().startswith("{")
    assert all(r.finish_reason == "stop" for r in (results[0], results[2], results[3]))


def test_a_grammar_that_does_not_compile_fails_with_engine_error(cpu_engine: Engine) -> None:
    request = GenerationRequest((ChatMessage("user", "hi"),), max_tokens=8,
                                guidance=Guidance("json_schema", "{not json"))
    with pytest.raises(EngineError) as info:
        cpu_engine.generate([request])
    assert info.value.code == "engine_error"


def test_a_site_task_with_its_own_schema_needs_no_code(cpu_engine: Engine) -> None:
    """[tasks.alarm_triage] kind = "extract" with a schema: a request gives only its text and gets
    an object of that schema, decoded under it on the real engine."""
    tasks = load_tasks({"alarm_triage": {
        "kind": "extract",
        "system": "You triage factory alarms into JSON. Answer with one JSON object and nothing else.",
        "template": "Alarm:\n{input}\n\nGive {fields}.",
        "schema": TRIAGE,
    }})
    body = {"task": "alarm_triage", "input": "Spindle overload on CNC-4; axis stopped.", "max_tokens": 120,
            "deadline_ms": 120000}
    request = parse_request(
        json.dumps(body).encode(), topic="edged/dev-1/req/alice", response_topic="edged/dev-1/resp/alice/r1",
        correlation=None, prefix="edged", tasks=frozenset(tasks), limits=Limits(),
        received_at=time.monotonic(), task_table=tasks,
    )
    assert request.kind == "extract" and request.schema is not None
    assert set(request.extra) == {"severity", "machine", "action", "stopped"}
    [result] = TaskRunner(cpu_engine, tasks).run([request])
    assert result.ok and result.valid, (result.error_message, result.problem)
    assert answer_problem(request.schema, result.output) is None


OPEN: dict[str, Any] = {  # strings with no maxLength: the budget decides how long they may get
    "type": "object",
    "properties": {
        "severity": {"enum": ["low", "medium", "high"]},
        "machine": {"type": "string"},
        "action": {"type": "string"},
        "stopped": {"type": "boolean"},
    },
    "required": ["severity", "machine", "action", "stopped"],
}


@pytest.mark.parametrize("note", [
    # Two notes whose answers, decoded under the schema as the client gave it, run into the budget.
    "Boiler B-2 feed pump vibration rose to 7.1 mm/s. Stopped and switched to standby pump.",
    "ライン3のポンプP-12から油漏れ。停止して交換が必要。",
])
def test_an_answer_with_unbounded_strings_closes_within_a_small_budget(cpu_engine: Engine, note: str) -> None:
    """Under a 40-token budget the unbounded strings would run into max_tokens (the cut answer is
    not JSON); the guidance caps them so the object closes before the budget ends."""
    request = extract(note, schema=OPEN, max_tokens=40)
    [result] = TaskRunner(cpu_engine, load_tasks()).run([request])
    assert result.ok and result.valid, (result.error_message, result.problem)
    assert result.usage["completion_tokens"] < 40
    assert request.schema is not None and answer_problem(request.schema, result.output) is None


def test_an_answer_that_still_ends_by_length_is_degraded_never_ok(cpu_engine: Engine) -> None:
    """A minimum no budget of 24 tokens can hold: the answer is cut, and it comes back invalid."""
    schema = {**OPEN, "properties": {**OPEN["properties"], "action": {"type": "string", "minLength": 60}}}
    [result] = TaskRunner(cpu_engine, load_tasks()).run([extract("Pump 3 leaks oil.", schema=schema,
                                                                 max_tokens=24)])
    assert result.ok and not result.valid
    assert result.usage["completion_tokens"] == 24


def test_a_guided_answer_tells_where_its_tokens_end_and_its_confidence_is_its_values(
    cpu_engine: Engine,
) -> None:
    """The offsets find the value tokens; the runner's confidence is taken over them alone."""
    from edged.escalation.router import generation_confidence
    from edged.tasks.confidence import value_logprobs

    request = extract("ポンプP-12から油漏れ。停止中。", schema=OPEN)
    [result] = TaskRunner(cpu_engine, load_tasks()).run([request])
    assert result.ok and result.valid
    offsets = result.offsets
    assert len(offsets) == len(result.logprobs) and offsets[-1] == len(result.text)
    assert list(offsets) == sorted(offsets)
    values = value_logprobs(result.text, offsets, result.logprobs)
    assert 0 < len(values) < len(result.logprobs)  # keys and punctuation left out
    assert result.confidence == generation_confidence(values)
    free = cpu_engine.generate([GenerationRequest((ChatMessage("user", "hi"),), max_tokens=4)])[0]
    assert free.offsets == ()  # only guided answers pay for them
