"""Shadow evaluation: a share of local answers is also asked of the cloud, to measure agreement.

Runs after the local reply is published (it never delays it) and through the same minimize,
redact, audit and budget path as any escalation. Records per answer only the task, the LoRA
adapter the local answer ran with (if any), the local confidence and an agreement score: never
the texts. Summaries are per task and adapter, so a site sees what its adapter did to agreement.
"""

from __future__ import annotations

import json
import os
import threading
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

SHADOW_FILE = "shadow.jsonl"


class ShadowLog:
    def __init__(self, state_dir: Path) -> None:
        self.path = state_dir / SHADOW_FILE
        self._lock = threading.Lock()

    def record(self, task: str, confidence: float | None, score: float, adapter: str | None = None) -> None:
        entry: dict[str, Any] = {
            "time": datetime.now(timezone.utc).isoformat(timespec="seconds"),
            "task": task,
            "confidence": confidence,
            "agreement": round(score, 4),
        }
        if adapter is not None:
            entry["adapter"] = adapter
        line = json.dumps(entry) + "\n"
        with self._lock:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            fd = os.open(self.path, os.O_WRONLY | os.O_CREAT | os.O_APPEND, 0o600)
            try:
                os.write(fd, line.encode())
            finally:
                os.close(fd)


@dataclass(frozen=True)
class TaskAgreement:
    task: str
    samples: int
    mean_agreement: float
    threshold: float | None  # lowest confidence threshold whose kept answers meet the target
    escalation_rate: float | None  # share of answers that threshold would send to the cloud
    adapter: str | None = None  # the LoRA adapter the local answers ran with


def read_records(path: Path) -> Iterable[dict[str, Any]]:
    if not path.exists():
        return []
    return [json.loads(line) for line in path.read_text().splitlines() if line.strip()]


def summarize(
    records: Iterable[dict[str, Any]],
    targets: dict[str, float],
    default_target: float = 0.9,
    agree_at: float = 0.5,
) -> list[TaskAgreement]:
    """Per task: the lowest threshold t such that answers with confidence >= t agree with the
    cloud (score >= ``agree_at``) at least the task's target share of the time."""
    by_task: dict[tuple[str, str], list[tuple[float, float]]] = {}
    for record in records:
        if record.get("confidence") is None:
            continue
        by_task.setdefault((record["task"], record.get("adapter") or ""), []).append(
            (float(record["confidence"]), float(record["agreement"]))
        )
    results = []
    for (task, adapter), rows in sorted(by_task.items()):
        target = targets.get(task, default_target)
        rows.sort()
        threshold = rate = None
        for i, (confidence, _) in enumerate(rows):
            kept = rows[i:]
            if sum(1 for _, score in kept if score >= agree_at) / len(kept) >= target:
                threshold, rate = confidence, i / len(rows)
                break
        mean = sum(score for _, score in rows) / len(rows)
        results.append(TaskAgreement(task, len(rows), round(mean, 4), threshold, rate, adapter or None))
    return results
