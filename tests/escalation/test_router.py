"""Triggers, blocks and the confidence statistic."""

from __future__ import annotations

import math

import pytest

from edged.escalation.config import TaskPolicy
from edged.escalation.router import decide, generation_confidence

AUTO = TaskPolicy(mode="auto", threshold=0.5)


def test_confidence_is_a_low_quantile_not_a_sum() -> None:
    sure = [math.log(0.99)] * 100
    assert generation_confidence(sure) == pytest.approx(0.99)
    # Length alone does not lower it (a sum would fall with every token)...
    assert generation_confidence(sure * 5) == pytest.approx(0.99)
    # ...but a tail of unsure tokens does.
    shaky = sure[:80] + [math.log(0.05)] * 20
    assert generation_confidence(shaky) == pytest.approx(0.05)
    assert generation_confidence([]) is None


@pytest.mark.parametrize(
    ("kwargs", "trigger", "escalate"),
    [
        ({"confidence": 0.9}, None, False),
        ({"confidence": 0.2}, "low_confidence", True),
        ({"valid": False, "confidence": 0.9}, "invalid_output", True),
        ({"error_code": "input_too_long"}, "input_too_long", True),
        ({"error_code": "engine_error"}, "engine_error", True),
        ({"error_code": "busy"}, None, False),  # on_busy is off by default
        ({"client": "force", "confidence": 0.99}, "client_force", True),
        ({"client": "never", "confidence": 0.1}, "low_confidence", False),
        ({"client": "force", "policy": TaskPolicy(mode="local")}, "client_force", False),
        ({"policy": TaskPolicy(mode="cloud"), "confidence": 0.99}, "policy_cloud", True),
        ({"confidence": 0.1, "cloud_configured": False}, "low_confidence", False),
        ({"confidence": 0.1, "budget_spent": "daily request budget spent (5/5)"}, "low_confidence", False),
        ({"confidence": 0.1, "circuit_open": True}, "low_confidence", False),
    ],
)
def test_triggers_and_blocks(kwargs: dict[str, object], trigger: str | None, escalate: bool) -> None:
    arguments: dict[str, object] = {"client": "auto", "policy": AUTO, "cloud_configured": True, **kwargs}
    decision = decide(**arguments)  # type: ignore[arg-type]
    assert decision.trigger == trigger
    assert decision.escalate is escalate
    if trigger and not escalate:
        assert decision.blocked
        assert decision.reason is not None and "not escalated" in decision.reason
