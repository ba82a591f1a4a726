"""The trained test adapter served by the real CPU engines through the engine store: the alarm
codes it learnt come back on held-out phrasings (the base model knows none of them), on the
onnxruntime-genai engine and on the continuous engine, also when its rows share decode steps with
base-model rows and with rows of another adapter; and held-out plant questions keep the base
model's answers, nearly (teacher-forced through the adapter) and exactly (asked without it)."""

from __future__ import annotations

from pathlib import Path

import pytest

from edged.bench.peer import teacher_forced, top1_agreement
from edged.engines.adapters import AdapterStore
from edged.engines.base import AdapterRef, ChatMessage, Engine, GenerationRequest
from edged.engines.continuous import ContinuousOnnxEngine
from edged.engines.manifest import EngineManifest
from edged.engines.onnx_genai import OnnxGenaiEngine
from tests.adapters.data import OTHER_PROMPTS, PROBE_PROMPTS, TARGET_MARKERS
from tests.adapters.tiny_lora import task_messages
from tests.support.peft_folder import ATTENTION, MLP, write_peft

pytestmark = pytest.mark.engine

TOKENS = 24  # an answer names the code's parts in its first dozen tokens
OTHER_TOKENS = 48  # as tiny_lora --report and the adapter bench measure the others


@pytest.fixture(scope="module")
def store(cpu_engine: Engine, tmp_path_factory: pytest.TempPathFactory) -> AdapterStore:
    folder = cpu_engine.info.path
    return AdapterStore(tmp_path_factory.mktemp("adapters"), folder, EngineManifest.read(folder))


@pytest.fixture(scope="module")
def alarms(store: AdapterStore, tiny_lora_dir: Path) -> AdapterRef:
    store.build("alarms", tiny_lora_dir, task="alarms")
    return store.resolve("alarms")


def _ask(question: str, adapter: AdapterRef | None, tokens: int = TOKENS) -> GenerationRequest:
    messages = tuple(ChatMessage(m["role"], m["content"]) for m in task_messages(question))  # type: ignore[arg-type]
    return GenerationRequest(messages, max_tokens=tokens, adapter=adapter)


def _hits(questions: list[str], answers: list[str]) -> int:
    pairs = zip(questions, answers, strict=True)
    return sum(any(m.lower() in a.lower() for m in TARGET_MARKERS[q]) for q, a in pairs)


def test_the_continuous_engine_answers_the_codes_only_with_the_adapter(
    continuous_engine: ContinuousOnnxEngine, alarms: AdapterRef,
) -> None:
    probes = list(PROBE_PROMPTS[::2])  # three held-out phrasings of each of the four codes
    adapted = [r.text for r in continuous_engine.generate([_ask(q, alarms) for q in probes])]
    base = [r.text for r in continuous_engine.generate([_ask(q, None) for q in probes])]
    assert _hits(probes, adapted) >= 0.9 * len(probes), adapted
    assert _hits(probes, base) <= 0.1 * len(probes), base


def test_adapted_rows_beside_base_rows_and_another_adapter(
    continuous_engine: ContinuousOnnxEngine, cpu_engine: Engine, alarms: AdapterRef, store: AdapterStore,
    tmp_path: Path,
) -> None:
    store.build("noise", write_peft(tmp_path / "noise", modules=ATTENTION + MLP, std=0.3), force=True)
    noise = store.resolve("noise")
    probes = list(PROBE_PROMPTS[1::3])  # two other phrasings of each code
    plain = "What does a conveyor belt do?"
    alone = continuous_engine.generate([_ask(plain, None)])[0].text
    batch = [_ask(q, alarms) for q in probes] + [_ask(plain, None), _ask(plain, noise)]
    results = continuous_engine.generate(batch)
    assert _hits(probes, [r.text for r in results[: len(probes)]]) >= 0.9 * len(probes)
    assert results[len(probes)].text == alone  # the base row is the base model's, bit for bit
    assert results[-1].text != alone
    genai = [r.text for r in cpu_engine.generate([_ask(q, alarms) for q in probes])]
    assert _hits(probes, genai) >= 0.9 * len(probes), genai


def test_other_answers_stay_the_base_models(
    continuous_engine: ContinuousOnnxEngine, cpu_engine: Engine, alarms: AdapterRef,
) -> None:
    # Fed the base model's greedy answers to the held-out plant questions, the adapted model picks
    # the base's token at nearly every position (a free-running answer parts at its first
    # different token, so "the same 48 tokens" would measure where the first near tie fell); and
    # the same questions asked without the adapter, in one call beside adapted rows, are the base
    # model's answers token for token.
    assert isinstance(cpu_engine, OnnxGenaiEngine)
    others = [_ask(q, None, tokens=OTHER_TOKENS) for q in OTHER_PROMPTS]
    base = continuous_engine.generate(others)
    forced = [(cpu_engine.prompt_tokens(r.messages), b.token_ids) for r, b in zip(others, base, strict=True)]
    tops = [teacher_forced(cpu_engine, prompt, answer, adapter=alarms)[0] for prompt, answer in forced]
    assert top1_agreement([a for _p, a in forced], tops) >= 0.93  # 0.954 now; the first adapter: 0.886
    mixed = continuous_engine.generate([_ask(q, choice, tokens=OTHER_TOKENS)
                                        for q in OTHER_PROMPTS for choice in (alarms, None)])
    assert [r.token_ids for r in mixed[1::2]] == [b.token_ids for b in base]
    assert [r.token_ids for r in mixed[::2]] != [b.token_ids for b in base]
