"""A backend without a constraint engine: the registry says so (hw detect and the status show
it), the runner sends it no guidance, and its answers are checked against the schema after
decoding, valid or degraded, never ok unchecked."""

from __future__ import annotations

import json
import time
from collections.abc import Sequence
from typing import Any

import pytest

from edged.backends import BACKENDS, SHIPPED, describe_guidance, guidance_of
from edged.engines.base import (
    AdapterRef,
    ChatMessage,
    EngineHealth,
    EngineInfo,
    GenerationRequest,
    GenerationResult,
    LabelScore,
    Timings,
    TokenCallback,
)
from edged.requests import Limits
from edged.service.protocol import Request, parse_request
from edged.service.runner import TaskRunner
from edged.tasks import load_tasks

SCHEMA: dict[str, Any] = {
    "type": "object",
    "properties": {"severity": {"enum": ["low", "high"]}, "machine": {"type": "string"}},
    "required": ["severity", "machine"],
}


class FreeEngine:
    """Answers every request with a set text and records what it was asked."""

    def __init__(self, answer: str) -> None:
        self.answer = answer
        self.asked: list[GenerationRequest] = []
        self.info = EngineInfo("plain", "m", "p", 2048, 4, None)  # type: ignore[arg-type]

    def count_tokens(self, messages: Sequence[ChatMessage]) -> int:
        return sum(len(m.content.split()) for m in messages)

    def generate(self, requests: Sequence[GenerationRequest], on_token: TokenCallback | None = None,
                 ) -> list[GenerationResult]:
        self.asked.extend(requests)
        return [GenerationResult(self.answer, (1, 2), (-0.1, -0.2), "stop", 5, Timings(1, 1, 1, 2))
                for _ in requests]

    def score_labels(self, messages: Sequence[ChatMessage], labels: Sequence[str], *, complete: bool = True,
                     deadline: float | None = None, adapter: AdapterRef | None = None) -> list[LabelScore]:
        return [LabelScore(label, -1.0, 1) for label in labels]

    def health(self) -> EngineHealth:
        return EngineHealth(True, "", 0.0)

    def close(self) -> None:
        pass


def extract() -> Request:
    body = {"task": "extract", "input": "Press P-7 grinds.", "schema": SCHEMA, "deadline_ms": 60000}
    return parse_request(
        json.dumps(body).encode(), topic="edged/dev-1/req/alice", response_topic="edged/dev-1/resp/alice/r",
        correlation=None, prefix="edged", tasks=frozenset(load_tasks()), limits=Limits(),
        received_at=time.monotonic(),
    )


def test_every_shipped_backend_says_whether_it_has_guidance() -> None:
    assert {spec.name: spec.guidance for spec in SHIPPED} == {
        "trtllm": "xgrammar", "onnx-genai-cuda": "llguidance", "onnx-genai-cpu": "llguidance",
    }
    assert guidance_of("not-registered") is None
    assert "degraded when it does not match" in describe_guidance(None)
    assert all(guidance_of(name) == spec.guidance for name, spec in BACKENDS.items())


@pytest.mark.parametrize(("answer", "valid"), [
    ('{"severity": "high", "machine": "P-7"}', True),
    ('{"severity": "urgent", "machine": "P-7"}', False),
    ("Press P-7 is grinding.", False),
])
def test_an_unguided_runner_sends_no_guidance_and_checks_the_answer(answer: str, valid: bool) -> None:
    engine = FreeEngine(answer)
    [result] = TaskRunner(engine, load_tasks(), guided=False).run([extract()])  # type: ignore[arg-type]
    assert engine.asked[0].guidance is None
    assert result.ok and result.valid is valid
    assert (result.problem is None) is valid


def test_a_guided_runner_sends_the_schema_tightened_to_the_budget() -> None:
    engine = FreeEngine('{"severity": "low", "machine": "P-7"}')
    [result] = TaskRunner(engine, load_tasks()).run([extract()])  # type: ignore[arg-type]
    guidance = engine.asked[0].guidance
    assert guidance is not None and guidance.kind == "json_schema"
    sent = json.loads(guidance.data)
    assert sent["x-guidance"] == {"whitespace_flexible": False}
    assert sent["properties"]["machine"]["maxLength"] >= 1
    assert result.valid
