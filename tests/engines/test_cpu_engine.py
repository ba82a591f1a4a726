"""The real SmolLM2 engine, built by `edged engine build` logic and run on this CPU."""

from __future__ import annotations

import math
import shutil
from dataclasses import replace
from pathlib import Path

import pytest

from edged.engines.base import ChatMessage, Engine, GenerationRequest, Sampling, label_probabilities
from edged.engines.build import plan_build, run_build
from edged.engines.models import CONCISE
from edged.engines.onnx_genai import OnnxGenaiEngine
from edged.engines.store import EngineStore
from edged.errors import InputTooLong, StoreError
from edged.hardware.facts import HardwareFacts
from edged.hardware.profiles import Profile

pytestmark = pytest.mark.engine


def ask(question: str, max_tokens: int = 32, **kwargs: object) -> GenerationRequest:
    return GenerationRequest.from_prompt(question, system=CONCISE, max_tokens=max_tokens, **kwargs)  # type: ignore[arg-type]


def test_answers_a_golden_prompt_with_logprobs(cpu_engine: Engine) -> None:
    result = cpu_engine.generate([ask("What is the capital of France?")])[0]
    assert "Paris" in result.text
    assert result.finish_reason == "stop"
    assert len(result.logprobs) == len(result.token_ids) > 0
    assert all(math.isfinite(lp) and lp <= 0.0 for lp in result.logprobs)
    assert result.prompt_tokens == cpu_engine.count_tokens(ask("What is the capital of France?").messages)
    assert result.timings.total_ms >= result.timings.ttft_ms >= result.timings.prefill_ms > 0


def test_stops_at_max_tokens(cpu_engine: Engine) -> None:
    result = cpu_engine.generate([ask("Write a long story about a robot.", max_tokens=3)])[0]
    assert result.finish_reason == "length"
    assert len(result.token_ids) == 3


def test_batch_matches_one_at_a_time(cpu_engine: Engine) -> None:
    # Prompts of different lengths exercise the right-padding of the batch.
    requests = [
        ask("What is the capital of France?"),
        ask("Which planet do we live on?"),
        ask("Name the largest ocean on Earth, and say one thing about it."),
        ask("Say hello.", max_tokens=5),
        ask("Count from one to five."),
    ]
    batched = cpu_engine.generate(requests)
    single = [cpu_engine.generate([r])[0] for r in requests]
    for b, s in zip(batched, single, strict=True):
        assert b.token_ids == s.token_ids
        assert b.finish_reason == s.finish_reason
        assert b.logprobs == pytest.approx(s.logprobs, abs=1e-3)


def test_logprobs_agree_with_label_scoring(cpu_engine: Engine) -> None:
    """Two independent paths to the same number: the log-prob of a greedy continuation."""
    request = ask("Which planet do we live on?", max_tokens=6)
    result = cpu_engine.generate([request])[0]
    assert result.finish_reason == "length"
    [partial] = cpu_engine.score_labels(request.messages, [result.text], complete=False)
    assert partial.token_count == 6  # the text re-tokenizes to the same tokens
    assert partial.logprob == pytest.approx(sum(result.logprobs), abs=1e-3)
    [whole] = cpu_engine.score_labels(request.messages, [result.text])
    assert whole.token_count == 7
    assert whole.logprob < partial.logprob  # the end of the turn costs something


def test_label_scores_rank_the_obvious_answer(cpu_engine: Engine) -> None:
    messages = (
        ChatMessage("system", CONCISE),
        ChatMessage("user", "What is the capital of France? Answer with one word."),
    )
    scores = cpu_engine.score_labels(messages, ["Paris", "Tokyo", "Ottawa"])
    probabilities = label_probabilities(scores)
    assert max(probabilities, key=probabilities.__getitem__) == "Paris"
    assert sum(probabilities.values()) == pytest.approx(1.0)
    assert all(s.token_count >= 2 for s in scores)  # the label's tokens and the end of the turn


def test_sampling_is_reproducible_with_a_seed(cpu_engine: Engine) -> None:
    sampling = Sampling(temperature=0.9, top_p=0.95, seed=1234)
    first = cpu_engine.generate([ask("Tell me about machines.", max_tokens=12, sampling=sampling)])[0]
    again = cpu_engine.generate([ask("Tell me about machines.", max_tokens=12, sampling=sampling)])[0]
    assert first.token_ids == again.token_ids


def test_mixed_sampling_in_one_call_keeps_order(cpu_engine: Engine) -> None:
    greedy = ask("What is the capital of France?")
    sampled = ask("Tell me a story.", max_tokens=4, sampling=Sampling(temperature=1.0, seed=7))
    results = cpu_engine.generate([sampled, greedy])
    assert len(results[0].token_ids) <= 4
    assert "Paris" in results[1].text


def test_prompt_longer_than_the_context_is_refused(cpu_engine: Engine) -> None:
    long_text = "word " * (cpu_engine.info.context_length + 10)
    with pytest.raises(InputTooLong, match="context"):
        cpu_engine.generate([ask(long_text)])


def test_health_check_generates(cpu_engine: Engine) -> None:
    health = cpu_engine.health()
    assert health.ok, health.detail


def test_second_build_is_a_cached_no_op(
    engine_store: EngineStore, cpu_profile: Profile, machine: HardwareFacts,
) -> None:
    plan = plan_build(cpu_profile, machine, engine_store)
    assert plan.action == "cached"
    outcome = run_build(plan, engine_store)
    assert outcome.cached
    assert outcome.manifest.fingerprint_digest == plan.fingerprint_digest
    assert all(s.passed for s in outcome.manifest.smoke)


def test_corrupt_model_file_is_a_clear_store_error(cpu_engine: Engine, tmp_path: Path) -> None:
    """A damaged model.onnx surfaces as engine_corrupt with the fix, not an onnxruntime trace."""
    source = cpu_engine.info.path
    for item in source.iterdir():
        if item.name == "model.onnx.data":
            (tmp_path / item.name).symlink_to(item)  # 250 MB: link rather than copy
        elif item.name != "model.onnx":
            shutil.copy(item, tmp_path / item.name)
    (tmp_path / "model.onnx").write_bytes(b"\x08\x07this is not a protobuf" * 100)
    with pytest.raises(StoreError, match="--force") as broken:
        OnnxGenaiEngine(tmp_path, replace(cpu_engine.info, path=tmp_path))
    assert broken.value.code == "engine_corrupt"
