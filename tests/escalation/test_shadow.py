"""Shadow evaluation: agreement scores and the threshold that meets a task's target."""

from __future__ import annotations

import pytest

from edged.escalation.shadow import summarize
from edged.tasks import kind_of


def test_agreement_per_task_shape() -> None:
    assert kind_of("classify").agreement({"label": "fault"}, {"label": "fault"}) == 1.0
    assert kind_of("classify").agreement({"label": "fault"}, {"label": "normal"}) == 0.0
    local, cloud = {"machine": "P-7", "symptom": "leak"}, {"machine": "p-7 ", "symptom": "noise"}
    assert kind_of("extract").agreement(local, cloud) == 0.5
    assert kind_of("ask").agreement({"text": "The capital is Paris"}, {"text": "Paris is the capital"}) == 1.0
    assert kind_of("ask").agreement({"text": "yes"}, {"text": "no"}) == 0.0


def test_threshold_that_meets_the_target() -> None:
    records = [
        {"task": "ask", "confidence": c, "agreement": a}
        for c, a in [(0.1, 0.0), (0.2, 0.0), (0.3, 1.0), (0.6, 1.0), (0.7, 1.0), (0.9, 0.0), (0.95, 1.0)]
    ]
    [row] = summarize(records, {"ask": 0.8})
    assert row.samples == 7
    # From 0.3 up, 4 of 5 agree (0.8): the lowest threshold that meets the target.
    assert row.threshold == 0.3
    assert row.escalation_rate == pytest.approx(2 / 7)
    [strict] = summarize(records, {"ask": 1.0})
    assert strict.threshold == 0.95
