"""classify "multi": true on the real CPU engine: every label is scored on its own, the answer
lists those at or above the threshold, and a description reaches the model (it moves the score)."""

from __future__ import annotations

import json
import time
from typing import Any

import pytest

from edged.engines.base import Engine
from edged.requests import Limits
from edged.service.protocol import Request, parse_request
from edged.service.runner import TaskRunner
from edged.tasks import load_tasks

pytestmark = pytest.mark.engine


def classify(labels: list[Any], **keys: Any) -> Request:
    body = {"task": "classify", "input": "Pump 3 leaks oil onto the walkway; an operator slipped.",
            "labels": labels, "deadline_ms": 120000} | keys
    return parse_request(
        json.dumps(body).encode(), topic="edged/dev-1/req/alice", response_topic="edged/dev-1/resp/alice/r1",
        correlation=None, prefix="edged", tasks=frozenset(load_tasks()), limits=Limits(),
        received_at=time.monotonic(),
    )


def test_multi_scores_each_label_and_answers_those_at_or_above_the_threshold(cpu_engine: Engine) -> None:
    runner = TaskRunner(cpu_engine, load_tasks())
    labels = ["leak", "injury", "network outage"]
    for threshold in (0.05, 0.5, 0.95):
        [result] = runner.run([classify(labels, multi=True, threshold=threshold)])
        assert result.ok and result.valid, (result.error_message, result.problem)
        output: Any = result.output
        assert set(output["scores"]) == set(labels)
        assert all(0.0 <= p <= 1.0 for p in output["scores"].values())
        above = sorted((name for name, p in output["scores"].items() if p >= threshold),
                       key=lambda name: -output["scores"][name])
        assert output["labels"] == above and output["threshold"] == threshold
        assert result.confidence is not None and 0.5 <= result.confidence <= 1.0


def test_a_labels_description_reaches_the_model(cpu_engine: Engine) -> None:
    runner = TaskRunner(cpu_engine, load_tasks())
    plain, described = runner.run([
        classify(["L1", "L2"]),
        classify([{"name": "L1", "description": "a fluid leak"},
                  {"name": "L2", "description": "a software bug"}]),
    ])
    assert plain.ok and described.ok
    assert described.output["label"] in {"L1", "L2"}  # type: ignore[index]
    assert plain.output["scores"] != described.output["scores"]  # type: ignore[index]
