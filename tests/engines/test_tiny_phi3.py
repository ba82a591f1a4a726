"""A Phi-3-shaped tiny checkpoint (random weights) through the cpu profile's builder and backend:
Phi-3's conversion path, chat template, stop tokens and end of turn, which the real weights never
reach in CI. The answers are nonsense; what is checked is the format around them."""

from __future__ import annotations

import json
import math
from pathlib import Path

import pytest

from edged.engines.base import ChatMessage, Engine, GenerationRequest, Sampling
from edged.engines.checkpoint import checkpoint_geometry
from edged.engines.models import CONCISE, MODELS
from edged.engines.onnx_genai import OnnxGenaiEngine
from tests.conftest import TINY_PHI3
from tests.support.tiny_phi3 import STOP_TOKENS, special_ids

pytestmark = pytest.mark.engine

MESSAGES = (ChatMessage("system", CONCISE), ChatMessage("user", "Pump 4 leaks oil. What now?"))


@pytest.fixture(scope="module")
def ids(tiny_phi3_checkpoint: Path) -> dict[str, int]:
    return special_ids(tiny_phi3_checkpoint)


def test_checkpoint_has_phi3_mini_4k_config_scaled_down(
    tiny_phi3_checkpoint: Path, ids: dict[str, int],
) -> None:
    config = json.loads((tiny_phi3_checkpoint / "config.json").read_text())
    spec = MODELS[TINY_PHI3]
    assert spec.test_only
    assert spec.geometry is not None
    assert checkpoint_geometry(config, spec.geometry) == spec.geometry
    # Equal context and original context: the builder's Phi3MiniModel, not the 128k LongRoPE one.
    positions = (config["max_position_embeddings"], config["original_max_position_embeddings"])
    assert positions == (spec.context_length, spec.context_length)
    assert (config["sliding_window"], config["tie_word_embeddings"]) == (2047, False)
    assert (config["bos_token_id"], config["eos_token_id"]) == (ids["<s>"], ids["<|endoftext|>"])
    generation = json.loads((tiny_phi3_checkpoint / "generation_config.json").read_text())
    assert generation["eos_token_id"] == [ids[t] for t in STOP_TOKENS]


def test_built_by_the_phi3_builder_at_int8(tiny_phi3_engine: Engine, ids: dict[str, int]) -> None:
    folder = tiny_phi3_engine.info.path
    genai = json.loads((folder / "genai_config.json").read_text())["model"]
    assert genai["type"] == "phi3"
    assert genai["decoder"]["sliding_window"]["window_size"] == 2047
    assert sorted(genai["eos_token_id"]) == sorted(ids[t] for t in STOP_TOKENS)
    manifest = json.loads((folder / "manifest.json").read_text())
    assert (manifest["model_id"], manifest["backend"], manifest["quantization"]) == (
        TINY_PHI3, "onnx-genai-cpu", "int8")
    assert [s["passed"] for s in manifest["smoke"]] == [True]


def test_applies_the_phi3_chat_template(tiny_phi3_engine: Engine, ids: dict[str, int]) -> None:
    assert isinstance(tiny_phi3_engine, OnnxGenaiEngine)
    assert tiny_phi3_engine.render(MESSAGES) == (
        f"<|system|>\n{CONCISE}<|end|>\n<|user|>\nPump 4 leaks oil. What now?<|end|>\n<|assistant|>\n"
    )
    tokens = tiny_phi3_engine.prompt_tokens(MESSAGES)
    specials = [t for t in tokens if t >= ids["<|endoftext|>"]]
    names = {v: k for k, v in ids.items()}
    # Phi-3's added tokens strip the newline after them: each is one id, then the text.
    assert [names[t] for t in specials] == ["<|system|>", "<|end|>", "<|user|>", "<|end|>", "<|assistant|>"]
    assert tokens[0] == ids["<|system|>"]
    assert tokens[-1] == ids["<|assistant|>"]
    assert tiny_phi3_engine.decode(tokens[tokens.index(ids["<|user|>"]) + 1 : -2]).strip() == (
        "Pump 4 leaks oil. What now?")


def test_stop_tokens_are_phi3s(tiny_phi3_engine: Engine, ids: dict[str, int]) -> None:
    assert isinstance(tiny_phi3_engine, OnnxGenaiEngine)
    assert tiny_phi3_engine.stop_tokens == {ids["<|endoftext|>"], ids["<|assistant|>"], ids["<|end|>"]}


def test_generation_ends_at_a_stop_token_or_the_limit(tiny_phi3_engine: Engine) -> None:
    assert isinstance(tiny_phi3_engine, OnnxGenaiEngine)
    greedy = tiny_phi3_engine.generate([GenerationRequest(MESSAGES, max_tokens=8)])[0]
    assert greedy.prompt_tokens == tiny_phi3_engine.count_tokens(MESSAGES)
    # Random weights babble: sampled runs with several seeds, each ending at a stop token (not
    # kept in the answer) or at max_tokens, never running past a stop token.
    sampled = tiny_phi3_engine.generate([
        GenerationRequest(MESSAGES, max_tokens=48, sampling=Sampling(temperature=1.0, seed=seed))
        for seed in range(6)
    ])
    assert any(result.finish_reason == "stop" for result in sampled)  # 5 of the 6 stop today
    for result in (greedy, *sampled):
        assert not set(result.token_ids) & tiny_phi3_engine.stop_tokens
        limit = 8 if result is greedy else 48
        assert result.finish_reason == ("length" if len(result.token_ids) == limit else "stop")
        assert len(result.logprobs) == len(result.token_ids)
        assert all(math.isfinite(lp) and lp <= 1e-4 for lp in result.logprobs)


def test_label_scoring_ends_the_turn_with_end_not_endoftext(tiny_phi3_engine: Engine) -> None:
    """Phi-3 closes an assistant turn with <|end|>; its lowest stop id is <|endoftext|>."""
    assert isinstance(tiny_phi3_engine, OnnxGenaiEngine)
    whole, partial = (tiny_phi3_engine.score_labels(MESSAGES, ["fault"], complete=c)[0]
                      for c in (True, False))
    assert whole.token_count == partial.token_count + 1 == len(tiny_phi3_engine.encode("fault")) + 1
    assert math.isfinite(whole.logprob) and whole.logprob < partial.logprob < 0
    [with_end], [with_endoftext] = (
        tiny_phi3_engine.score_labels(MESSAGES, [f"fault{token}"], complete=False)
        for token in ("<|end|>", "<|endoftext|>")
    )
    assert with_end.logprob == pytest.approx(whole.logprob, abs=1e-4)
    assert with_endoftext.logprob != pytest.approx(whole.logprob, abs=1e-4)


def test_classify_labels_are_ranked(tiny_phi3_engine: Engine) -> None:
    scores = tiny_phi3_engine.score_labels(MESSAGES, ["fault", "normal", "unknown"])
    assert [s.label for s in scores] == ["fault", "normal", "unknown"]
    assert all(math.isfinite(s.logprob) and s.logprob < 0 for s in scores)
    assert len({round(s.logprob, 4) for s in scores}) == 3


def test_health(tiny_phi3_engine: Engine) -> None:
    assert tiny_phi3_engine.health().ok
