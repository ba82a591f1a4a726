"""Shadow evaluation: agreement scores and the threshold that meets a task's target."""

from __future__ import annotations

from pathlib import Path

import pytest

from edged.escalation.shadow import SHADOW_FILE, ShadowLog, read_records, summarize
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


def test_answers_of_a_tasks_adapter_are_summarised_apart_from_the_base_models(tmp_path: Path) -> None:
    log = ShadowLog(tmp_path)
    for confidence, agreement in [(0.4, 0.0), (0.8, 1.0)]:
        log.record("alarms", confidence, agreement)
    for confidence, agreement in [(0.5, 1.0), (0.9, 1.0), (0.7, 1.0)]:
        log.record("alarms", confidence, agreement, adapter="site-alarms")
    records = list(read_records(tmp_path / SHADOW_FILE))
    assert [r.get("adapter") for r in records] == [None, None, "site-alarms", "site-alarms", "site-alarms"]
    base, adapted = summarize(records, {"alarms": 0.9})
    assert (base.adapter, base.samples, base.mean_agreement) == (None, 2, 0.5)
    assert (adapted.adapter, adapted.samples, adapted.mean_agreement) == ("site-alarms", 3, 1.0)
    assert adapted.escalation_rate == 0.0  # every adapted answer agreed: none need the cloud
