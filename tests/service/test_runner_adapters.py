"""The runner's side of a task's LoRA adapter: the engine is asked with it (generation and label
scoring), the answer says which adapter made it (the shadow log keeps that), and a task whose
adapter could not be resolved fails with the adapter's code while the other tasks are answered."""

from __future__ import annotations

import json
import time
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from edged.engines.base import AdapterRef, ChatMessage, LabelScore
from edged.errors import AdapterError
from edged.requests import Limits
from edged.service.protocol import Request, parse_request
from edged.service.runner import TaskRunner
from edged.tasks import load_tasks
from tests.service.test_unguided_backend import FreeEngine

TASKS: dict[str, Any] = {
    "alarms": {"system": "You explain alarms.", "template": "{input}", "adapter": "site-alarms"},
    "sorting": {"system": "You sort.", "template": "{input}\n{labels}", "kind": "classify",
                "adapter": "site-alarms"},
    "broken": {"system": "You explain alarms.", "template": "{input}", "adapter": "gone"},
}
REF = AdapterRef("site-alarms", Path("/store/site-alarms/adapter.onnx_adapter"), "ab" * 32)


class ScoringEngine(FreeEngine):
    def __init__(self) -> None:
        super().__init__("ALM-7731: hydraulic pressure low.")
        self.scored_with: list[AdapterRef | None] = []

    def score_labels(self, messages: Sequence[ChatMessage], labels: Sequence[str], *, complete: bool = True,
                     deadline: float | None = None, adapter: AdapterRef | None = None) -> list[LabelScore]:
        self.scored_with.append(adapter)
        return [LabelScore(label, -1.0 - i, 1) for i, label in enumerate(labels)]


def _parse(task: str, **extra: Any) -> Request:
    table = load_tasks(TASKS)
    body = {"task": task, "input": "What does ALM-7731 mean?"} | extra
    return parse_request(
        json.dumps(body).encode(), topic="edged/dev-1/req/alice", response_topic="edged/dev-1/resp/alice/r",
        correlation=None, prefix="edged", tasks=frozenset(table), limits=Limits(),
        received_at=time.monotonic(), task_table=table,
    )


def test_each_task_runs_with_its_adapter_and_a_broken_one_fails_alone() -> None:
    engine = ScoringEngine()
    missing = AdapterError("No adapter 'gone' is stored.", code="adapter_missing")
    adapters: dict[str, AdapterRef | AdapterError] = {"alarms": REF, "sorting": REF, "broken": missing}
    runner = TaskRunner(engine, load_tasks(TASKS), adapters=adapters)
    sorting_request = _parse("sorting", labels=["hydraulic", "electrical"])
    batch = [_parse("alarms"), sorting_request, _parse("broken"), _parse("ask")]
    alarms, sorting, broken, plain = runner.run(batch)
    assert alarms.ok and alarms.adapter == "site-alarms"
    assert sorting.ok and sorting.adapter == "site-alarms" and engine.scored_with == [REF]
    assert broken.error_code == "adapter_missing" and "gone" in (broken.error_message or "")
    assert plain.ok and plain.adapter is None
    assert [r.adapter for r in engine.asked] == [REF, None]  # the broken task never reached the engine
