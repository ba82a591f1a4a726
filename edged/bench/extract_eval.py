"""`edged eval extract`: how far the local model extracts plant notes it was not tuned on
(``edged.bench.extract_evalset``: 20 English, 20 Japanese), free and under the schema, in one run.

Each note goes through the task runner twice, as a request with the set's schema: decoded free,
then decoded under the schema. Printed per mode: the valid-JSON rate (the answer holds a JSON
object), the schema-valid rate, per-field exact match and the rate of answers with every field
right. Then whether the confidence separates right from wrong: the AUROC, with a bootstrap 95 %
interval, of the guided answer's confidence (from its value tokens only) against all fields
right, of each field's value-token confidence against that field right, and, for comparison, of
the confidence over every token of the answer.
"""

from __future__ import annotations

import json
import random
import time
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any, Final

from edged.bench.extract_evalset import NOTES, SCHEMA, Note
from edged.engines.base import Engine
from edged.escalation.evaluate import Scored, auroc
from edged.escalation.router import generation_confidence
from edged.requests import Limits
from edged.service.protocol import parse_request
from edged.service.runner import TaskResult, TaskRunner
from edged.tasks import find_json_object, load_tasks
from edged.tasks.confidence import value_logprobs
from edged.tasks.schema import answer_problem, check_schema

FIELDS: Final = tuple(SCHEMA["properties"])


@dataclass(frozen=True)
class Answer:
    note: Note
    guided: bool
    valid_json: bool
    schema_valid: bool
    right: dict[str, bool]
    confidence: float | None  # the runner's: value tokens only when guided
    all_tokens_confidence: float | None
    field_confidence: dict[str, float | None]


def _same(got: object, gold: object) -> bool:
    if isinstance(gold, str) and isinstance(got, str):
        return " ".join(got.split()).casefold() == gold.casefold()
    return got is gold or (type(got) is type(gold) and got == gold)


def _ask(runner: TaskRunner, note: Note, tasks: Any, max_tokens: int) -> TaskResult:
    body = {"task": "extract", "input": note.text, "schema": SCHEMA, "max_tokens": max_tokens,
            "deadline_ms": 120000}
    request = parse_request(
        json.dumps(body).encode(), topic="edged/eval/req/eval", response_topic="edged/eval/resp/eval/r",
        correlation=None, prefix="edged", tasks=frozenset(tasks), limits=Limits(),
        received_at=time.monotonic(), task_table=tasks,
    )
    [result] = runner.run([request])
    return result


def _field_confidence(result: TaskResult, name: str) -> float | None:
    if not result.offsets:
        return None
    return generation_confidence(value_logprobs(result.text, result.offsets, result.logprobs, name))


def answer_notes(engine: Engine, notes: Sequence[Note] = NOTES, *, max_tokens: int = 96) -> list[Answer]:
    tasks = load_tasks()
    schema = check_schema(SCHEMA, Limits())
    answers = []
    for guided in (False, True):
        runner = TaskRunner(engine, tasks, guided=guided)
        for note in notes:
            result = _ask(runner, note, tasks, max_tokens)
            output = result.output if result.ok and isinstance(result.output, dict) else {}
            gold = note.gold()
            answers.append(Answer(
                note=note,
                guided=guided,
                valid_json=result.ok and find_json_object(result.text) is not None,
                schema_valid=result.ok and answer_problem(schema, result.output) is None,
                right={name: name in output and _same(output[name], gold[name]) for name in FIELDS},
                confidence=result.confidence,
                all_tokens_confidence=generation_confidence(result.logprobs),
                field_confidence={name: _field_confidence(result, name) for name in FIELDS},
            ))
    return answers


def _rate(values: Sequence[bool]) -> float:
    return round(sum(values) / len(values), 4) if values else 0.0


def _auroc_with_interval(pairs: Sequence[tuple[float, bool]], resamples: int, seed: int) -> dict[str, Any]:
    """AUROC of confidence against right, and the 2.5-97.5 % percentiles over bootstrap resamples."""
    scored = [Scored(confidence, right, False) for confidence, right in pairs]
    point = auroc(scored)
    rng = random.Random(seed)  # noqa: S311 - a reproducible resample, not a secret
    draws = []
    for _ in range(resamples):
        value = auroc([scored[rng.randrange(len(scored))] for _ in scored]) if scored else None
        if value is not None:
            draws.append(value)
    draws.sort()
    interval = None
    if len(draws) >= 20:  # too few defined resamples say nothing
        interval = [round(draws[int(0.025 * len(draws))], 3), round(draws[int(0.975 * len(draws)) - 1], 3)]
    return {"auroc": round(point, 3) if point is not None else None, "interval_95": interval,
            "n": len(pairs), "right": sum(right for _, right in pairs)}


def _pairs(pairs: Sequence[tuple[float | None, bool]]) -> list[tuple[float, bool]]:
    return [(confidence, right) for confidence, right in pairs if confidence is not None]


def summarize(answers: Sequence[Answer], *, resamples: int = 1000, seed: int = 0) -> dict[str, Any]:
    modes: dict[str, Any] = {}
    for name, guided in (("free", False), ("guided", True)):
        mine = [a for a in answers if a.guided is guided]
        modes[name] = {
            "answers": len(mine),
            "valid_json": _rate([a.valid_json for a in mine]),
            "schema_valid": _rate([a.schema_valid for a in mine]),
            "field_exact_match": {f: _rate([a.right[f] for a in mine]) for f in FIELDS},
            "all_fields_right": _rate([all(a.right.values()) for a in mine]),
            "by_language": {
                language: {
                    "schema_valid": _rate([a.schema_valid for a in mine if a.note.language == language]),
                    "all_fields_right": _rate([all(a.right.values()) for a in mine
                                               if a.note.language == language]),
                }
                for language in ("en", "ja")
            },
        }
    constrained = [a for a in answers if a.guided]
    by_answer = _pairs([(a.confidence, all(a.right.values())) for a in constrained])
    by_all_tokens = _pairs([(a.all_tokens_confidence, all(a.right.values())) for a in constrained])
    by_field = _pairs([(a.field_confidence[f], a.right[f]) for a in constrained for f in FIELDS])
    return {
        "notes": len({a.note for a in answers}),
        "modes": modes,
        "confidence": {
            "answer_value_tokens": _auroc_with_interval(by_answer, resamples, seed),
            "answer_all_tokens": _auroc_with_interval(by_all_tokens, resamples, seed),
            "field_value_tokens": _auroc_with_interval(by_field, resamples, seed),
        },
    }


def render(result: dict[str, Any]) -> str:
    lines = [f"data     {result['notes']} labelled plant notes (edged.bench.extract_evalset: 20 en, 20 ja), "
             f"fields {', '.join(FIELDS)}",
             "mode     valid JSON  schema-valid  all fields  " + "  ".join(f"{f:>9}" for f in FIELDS)]
    for name, mode in result["modes"].items():
        lines.append(
            f"{name:<8} {mode['valid_json']:>10.0%}  {mode['schema_valid']:>12.0%}  "
            f"{mode['all_fields_right']:>10.0%}  "
            + "  ".join(f"{mode['field_exact_match'][f]:>9.0%}" for f in FIELDS),
        )
    for name, figure in result["confidence"].items():
        interval = figure["interval_95"]
        shown = f"{figure['auroc']:.3f}" if figure["auroc"] is not None else "undefined"
        lines.append(f"AUROC    {name.replace('_', ' ')}: {shown} (95 % bootstrap "
                     f"{interval if interval else 'n/a'}; {figure['right']} right of {figure['n']})")
    return "\n".join(lines)
