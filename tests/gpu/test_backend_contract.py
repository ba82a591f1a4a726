"""The contract every backend keeps, run against each one that loads here (issue 6): generation,
batching, log-probs that sum to the sequence's score, stop conditions, label scoring, deadlines,
constrained decoding (a JSON Schema answer that matches it, beside a free one), and a task's LoRA
adapter built into the store and served (issue 17)."""

from __future__ import annotations

import dataclasses
import json
import math
import threading
from pathlib import Path

import pytest

from edged.engines.adapters import AdapterStore
from edged.engines.base import ChatMessage, Engine, GenerationRequest, Guidance, label_probabilities
from edged.engines.manifest import EngineManifest
from edged.engines.models import MODELS
from edged.requests import Limits
from edged.service.scheduler import Job, Scheduler
from edged.tasks.schema import answer_problem, check_schema

# FP8 and INT4 kernels sum in other orders than a second pass does; 0.05 nats is still one token
# in a thousand.
LOGPROB_TOLERANCE = 0.05


def ask(engine: Engine, question: str, max_tokens: int = 24) -> GenerationRequest:
    return GenerationRequest.from_prompt(question, system=MODELS[engine.info.model_id].system_prompt,
                                         max_tokens=max_tokens)


def test_generates_the_golden_answer_with_logprobs(contract_engine: Engine) -> None:
    [result] = contract_engine.generate([ask(contract_engine, "What is the capital of France?")])
    assert "Paris" in result.text
    assert result.finish_reason == "stop"
    assert len(result.logprobs) == len(result.token_ids) > 0
    assert all(math.isfinite(lp) and lp <= 1e-4 for lp in result.logprobs)
    assert result.timings.total_ms >= result.timings.ttft_ms >= result.timings.prefill_ms > 0


def test_a_batch_answers_like_single_requests(contract_engine: Engine) -> None:
    questions = ["What is the capital of France?", "Which planet do we live on?", "Say hello."]
    batched = contract_engine.generate([ask(contract_engine, q, 8) for q in questions])
    single = [contract_engine.generate([ask(contract_engine, q, 8)])[0] for q in questions]
    assert [r.token_ids for r in batched] == [r.token_ids for r in single]


def test_a_guided_answer_matches_its_schema_beside_a_free_one(contract_engine: Engine) -> None:
    schema = check_schema({
        "type": "object",
        "properties": {"machine": {"type": "string", "maxLength": 30}, "severity": {"enum": ["low", "high"]}},
        "required": ["machine", "severity"],
    }, Limits())
    note = ask(contract_engine, "Press P-7 grinds loudly. Give the machine and severity as JSON.", 60)
    guided = dataclasses.replace(note, guidance=Guidance("json_schema", schema.text))
    results = contract_engine.generate([guided, ask(contract_engine, "Say hello.", 8), guided])
    for result in (results[0], results[2]):
        assert result.finish_reason == "stop"
        assert answer_problem(schema, json.loads(result.text)) is None
    assert not results[1].text.lstrip().startswith("{")


def test_logprobs_sum_to_the_sequence_score(contract_engine: Engine) -> None:
    request = ask(contract_engine, "Which planet do we live on?", 6)
    [result] = contract_engine.generate([request])
    [score] = contract_engine.score_labels(request.messages, [result.text], complete=False)
    assert score.token_count == len(result.token_ids)
    assert abs(score.logprob - sum(result.logprobs)) < LOGPROB_TOLERANCE


def test_stop_conditions(contract_engine: Engine) -> None:
    long, short = contract_engine.generate([
        ask(contract_engine, "Write a long story about a robot.", 3),
        ask(contract_engine, "What is the capital of France? Answer with one word.", 32),
    ])
    assert (long.finish_reason, len(long.token_ids)) == ("length", 3)
    assert short.finish_reason == "stop"
    assert len(short.token_ids) < 32


def test_label_scoring_ranks_the_obvious_answer(contract_engine: Engine) -> None:
    messages = (ChatMessage("system", MODELS[contract_engine.info.model_id].system_prompt),
                ChatMessage("user", "What is the capital of France? Answer with one word."))
    scores = contract_engine.score_labels(messages, ["Paris", "Tokyo", "Ottawa"])
    probabilities = label_probabilities(scores)
    assert max(probabilities, key=probabilities.__getitem__) == "Paris"
    assert abs(sum(probabilities.values()) - 1.0) < 1e-9
    assert all(s.token_count >= 2 for s in scores)  # the label and the end of the turn


def test_deadlines_expire_in_the_queue_and_never_reach_the_engine(contract_engine: Engine) -> None:
    ran: list[str] = []
    expired: list[str] = []
    done = threading.Event()

    def execute(jobs: list[Job[str]]) -> None:
        results = contract_engine.generate([ask(contract_engine, job.item, 2) for job in jobs])
        ran.extend(f"{job.item}:{r.finish_reason}" for job, r in zip(jobs, results, strict=True))
        done.set()

    clock = [100.0]
    scheduler: Scheduler[str] = Scheduler(execute, lambda job: expired.append(job.item), queue_size=4,
                                          max_batch=4, clock=lambda: clock[0])
    assert scheduler.submit("Say hi.", deadline=99.0)  # already past
    assert scheduler.submit("Say hello.", deadline=160.0)
    scheduler.start()
    try:
        assert done.wait(120)
    finally:
        scheduler.stop(5.0)
    assert expired == ["Say hi."]
    assert len(ran) == 1
    assert ran[0].startswith("Say hello.:")


def test_a_tasks_adapter_answers_what_it_was_trained_on(contract_engine: Engine, tiny_lora_dir: Path,
                                                         tmp_path: Path) -> None:
    from tests.adapters.data import PROBE_PROMPTS, TARGET_MARKERS
    from tests.adapters.tiny_lora import task_messages

    if contract_engine.info.model_id != "smollm2-135m-instruct":
        pytest.skip("the test adapter is trained on SmolLM2-135M; this engine serves "
                    f"{contract_engine.info.model_id}")
    folder = contract_engine.info.path
    store = AdapterStore(tmp_path, folder, EngineManifest.read(folder))
    store.build("alarms", tiny_lora_dir, task="alarms")
    adapter = store.resolve("alarms")
    probes = PROBE_PROMPTS[::4]
    requests = [GenerationRequest(tuple(ChatMessage(m["role"], m["content"])  # type: ignore[arg-type]
                                        for m in task_messages(q)), max_tokens=24, adapter=adapter)
                for q in probes]
    answers = [r.text for r in contract_engine.generate(requests)]
    pairs = zip(probes, answers, strict=True)
    hits = sum(any(m.lower() in a.lower() for m in TARGET_MARKERS[q]) for q, a in pairs)
    assert hits >= len(probes) - 1, answers
