"""`edged bench engine --schema`'s schema-valid figure: 20 short plant notes (10 English, 10
Japanese) extracted under a 4-property triage schema (an enum, two strings, a boolean), each
answered twice through the task runner: decoded free and decoded under the schema. Both answers
are checked against the schema; the figure is how many pass."""

from __future__ import annotations

import json
import time
from typing import Any, Final

from edged.engines.base import Engine
from edged.requests import Limits
from edged.service.protocol import parse_request
from edged.service.runner import TaskRunner
from edged.tasks import load_tasks
from edged.tasks.schema import answer_problem

TRIAGE: Final[dict[str, Any]] = {
    "type": "object",
    "properties": {
        "severity": {"enum": ["low", "medium", "high"]},
        "machine": {"type": "string"},
        "action": {"type": "string"},
        "stopped": {"type": "boolean"},
    },
    "required": ["severity", "machine", "action", "stopped"],
}

NOTES: Final[tuple[str, ...]] = (
    "Press P-7 makes a grinding noise since the night shift; still running.",
    "Conveyor C2 stopped at 03:15 after the belt tore. Replacement belt requested from stores.",
    "Compressor K-1 outlet temperature 96 C, alarm high. Operator reduced load, monitoring.",
    "Robot cell R4 gripper drops parts about once an hour. Vacuum cup worn, swap at next break.",
    "Boiler B-2 feed pump vibration rose to 7.1 mm/s. Stopped and switched to standby pump.",
    "Filler F-3 label sensor dirty, false rejects 4 percent. Cleaned it, running again.",
    "Oven line 2 zone 3 heater failed; temperature 40 degrees below set point. Line halted.",
    "Chiller CH-5 low refrigerant warning. No stop. Technician booked for Thursday.",
    "Spindle overload on CNC-4; axis stopped. Check tool wear and coolant flow.",
    "Forklift FL-09 hydraulic hose leaking near the mast. Taken out of service, tagged.",
    "ライン3のポンプP-12から油漏れ。停止して交換が必要。",
    "プレス機P-7から夜勤中に異音。まだ稼働中、次の休憩で点検予定。",
    "コンベアC2のベルトが破断し、03時15分に停止。予備ベルトを手配済み。",
    "コンプレッサーK-1の吐出温度が96度で高温警報。負荷を下げて監視中。",
    "ロボットR4のグリッパーが部品を落とす。吸着パッド摩耗、休憩時に交換。",
    "ボイラーB-2の給水ポンプの振動が増加。停止して予備ポンプに切替。",
    "充填機F-3のラベルセンサー汚れで誤排出が増加。清掃後、運転再開。",
    "オーブン2号ラインの第3ゾーンのヒーター故障、ライン停止。",
    "チラーCH-5の冷媒不足の警告。運転は継続、木曜に業者点検。",
    "フォークリフトFL-09のマスト付近の油圧ホースから漏れ。使用停止。",
)


def _request(note: str, tasks: Any) -> Any:
    body = {"task": "extract", "input": note, "schema": TRIAGE, "max_tokens": 120, "deadline_ms": 120000}
    return parse_request(
        json.dumps(body).encode(), topic="edged/bench/req/bench", response_topic="edged/bench/resp/bench/r",
        correlation=None, prefix="edged", tasks=frozenset(tasks), limits=Limits(),
        received_at=time.monotonic(), task_table=tasks,
    )


def schema_validity(engine: Engine) -> dict[str, Any]:
    """Schema-valid answers out of the notes, free and guided, with the reasons of the misses."""
    tasks = load_tasks()
    figures: dict[str, Any] = {"notes": len(NOTES)}
    for name, guided in (("free", False), ("guided", True)):
        runner = TaskRunner(engine, tasks, guided=guided)
        valid, ok_invalid, misses = 0, 0, []
        for note in NOTES:
            request = _request(note, tasks)
            [result] = runner.run([request])
            schema = request.schema
            checked = result.ok and schema is not None and answer_problem(schema, result.output) is None
            valid += checked
            ok_invalid += result.ok and result.valid and not checked
            if not checked:
                misses.append(result.problem or result.error_message or "?")
        figures[name] = {"schema_valid": valid, "marked_valid_but_not": ok_invalid, "misses": misses[:5]}
    return figures


def render_validity(figures: dict[str, Any]) -> str:
    free, guided = figures["free"], figures["guided"]
    return (
        f"valid    schema-valid extracts on {figures['notes']} plant notes (en, ja): "
        f"{free['schema_valid']}/{figures['notes']} free, {guided['schema_valid']}/{figures['notes']} guided"
    )
