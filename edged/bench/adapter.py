"""`edged bench engine --adapter NAME`: what a LoRA adapter costs and what it changes, on the
onnxruntime-genai engine and on the continuous engine (the daemon's default).

- decode tokens/s of one stream with the adapter against without, interleaved runs, best kept;
- the cost of switching: 1-token requests alternating between the adapter and the base model,
  against the same requests all with the adapter (p50 of each, and the difference);
- with ``--probes FILE`` (JSON lines ``{"messages": [{"role": ..., "content": ...}, ...], "expect":
  [str]}``, or ``"input"`` and an optional ``"system"`` instead of the messages), each prompt
  answered greedily with and without the adapter: a prompt with ``expect`` is a probe (its answer
  must change and hold one of the strings), one without must keep the base answer.
"""

from __future__ import annotations

import json
import statistics
import time
from pathlib import Path
from typing import Any

from edged.bench.peer import common_prefix, teacher_forced
from edged.engines.adapters import AdapterStore
from edged.engines.base import (
    AdapterRef,
    ChatMessage,
    Engine,
    EngineInfo,
    GenerationRequest,
    GenerationResult,
)
from edged.engines.continuous import ContinuousOnnxEngine
from edged.engines.loader import usable_engine
from edged.engines.onnx_genai import OnnxGenaiEngine
from edged.engines.store import EngineStore
from edged.errors import ConfigError
from edged.hardware.facts import HardwareFacts
from edged.hardware.profiles import Profile

STORY = "Write a long story about a welding cell on the night shift."
SWITCHES = 40


def _request(text: str, tokens: int, adapter: AdapterRef | None) -> GenerationRequest:
    return GenerationRequest((ChatMessage("user", text),), max_tokens=tokens, adapter=adapter)


def _probe_messages(probe: dict[str, Any]) -> tuple[ChatMessage, ...]:
    if "messages" in probe:
        return tuple(ChatMessage(m["role"], m["content"]) for m in probe["messages"])
    system = probe.get("system")
    return ((ChatMessage("system", system),) if system else ()) + (ChatMessage("user", probe["input"]),)


def _decode_rate(engine: Engine, request: GenerationRequest) -> float:
    result = engine.generate([request])[0]
    return (result.completion_tokens - 1) / max(result.timings.decode_ms / 1e3, 1e-9)


def decode_rates(engine: Engine, adapter: AdapterRef, tokens: int, repeats: int) -> dict[str, float]:
    base, adapted = _request(STORY, tokens, None), _request(STORY, tokens, adapter)
    _decode_rate(engine, base), _decode_rate(engine, adapted)  # warm up both (the adapter loads)
    without, with_ = [], []
    for _ in range(repeats):  # interleaved: drift on a shared machine hits both alike
        without.append(_decode_rate(engine, base))
        with_.append(_decode_rate(engine, adapted))
    best_without, best_with = max(without), max(with_)
    return {"without_tokens_per_s": round(best_without, 1), "with_tokens_per_s": round(best_with, 1),
            "ratio": round(best_with / best_without, 3)}


def switch_cost(engine: Engine, adapter: AdapterRef, count: int = SWITCHES) -> dict[str, float]:
    """p50 of 1-token adapter requests that follow a base-model request (a switch), against adapter
    requests that follow an adapter request (none); the pairs interleaved, so drift hits both."""

    def second_of(first: AdapterRef | None) -> float:
        engine.generate([_request("Name a colour.", 1, first)])
        started = time.perf_counter()
        engine.generate([_request("Name a colour.", 1, adapter)])
        return (time.perf_counter() - started) * 1e3

    second_of(None), second_of(adapter)  # warm up
    same, switched = [], []
    for _ in range(count):
        same.append(second_of(adapter))
        switched.append(second_of(None))
    p50_same, p50_switched = statistics.median(same), statistics.median(switched)
    return {"same_adapter_p50_ms": round(p50_same, 2), "after_base_p50_ms": round(p50_switched, 2),
            "switch_cost_ms": round(p50_switched - p50_same, 2)}


def mixed_batch(engine: Engine, adapter: AdapterRef, tokens: int, repeats: int,
                size: int = 4) -> dict[str, float]:
    """Tokens/s of one call of ``size`` requests all with the adapter, against half with it and half
    without: onnxruntime-genai has one active adapter per generator, so it runs the halves one
    after the other; the continuous engine runs them in the same steps."""

    def rate(adapters: list[AdapterRef | None]) -> float:
        requests = [_request(STORY, tokens, choice) for choice in adapters]
        started = time.perf_counter()
        produced = sum(r.completion_tokens for r in engine.generate(requests))
        return produced / (time.perf_counter() - started)

    same, mixed = [], []
    for _ in range(repeats):
        same.append(rate([adapter] * size))
        mixed.append(rate([adapter if i % 2 else None for i in range(size)]))
    return {"same_tokens_per_s": round(max(same), 1), "mixed_tokens_per_s": round(max(mixed), 1),
            "ratio": round(max(mixed) / max(same), 3)}


def read_probes(path: Path) -> list[dict[str, Any]]:
    probes = []
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip():
            continue
        try:
            probe = json.loads(line)
        except ValueError:
            probe = None
        try:
            _probe_messages(probe)
        except (TypeError, KeyError, ValueError):
            raise ConfigError(f"{path}:{number}: not a probe line; each line is a JSON object with "
                              '"messages" (role and content each) or "input", and "expect" for a probe.',
                              code="bad_request") from None
        probes.append(probe)
    return probes


def probe_answers(engine: Engine, genai: OnnxGenaiEngine, adapter: AdapterRef, probes: list[dict[str, Any]],
                  tokens: int) -> dict[str, Any]:
    """How many probes' answers changed to hold an expected string; how much of the others' base
    answers the adapter keeps (whole, leading tokens, teacher-forced top-1 agreement); and whether
    the others asked without the adapter, beside adapted rows in one call, are the base's."""
    changed = probe_count = 0
    misses: list[dict[str, str]] = []
    others: list[tuple[tuple[ChatMessage, ...], GenerationResult, GenerationResult]] = []
    for probe in probes:
        messages = _probe_messages(probe)
        base = engine.generate([GenerationRequest(messages, max_tokens=tokens)])[0]
        adapted = engine.generate([GenerationRequest(messages, max_tokens=tokens, adapter=adapter)])[0]
        expect = [str(e) for e in probe.get("expect") or []]
        if not expect:
            others.append((messages, base, adapted))
            continue
        probe_count += 1
        hit = adapted.text != base.text and any(e.lower() in adapted.text.lower() for e in expect)
        changed += hit
        if not hit:
            misses.append({"prompt": messages[-1].content, "answer": adapted.text})
    return {"probes": probe_count, "probes_changed_to_target": changed,
            "probe_rate": round(changed / probe_count, 3) if probe_count else None,
            **other_answers(engine, genai, adapter, others, tokens), "probe_misses": misses[:5]}


def other_answers(engine: Engine, genai: OnnxGenaiEngine, adapter: AdapterRef,
                  others: list[tuple[tuple[ChatMessage, ...], GenerationResult, GenerationResult]],
                  tokens: int) -> dict[str, Any]:
    """The others' figures. Free-running greedy answers part at the first different token, so
    beside "kept whole" and the leading tokens shared: the adapter fed each base answer (on the
    onnxruntime-genai engine), the share of positions where its top-1 token is the base's, and the
    base answer's mean token log-probability with and without it. Then the others once more in one
    call, each twice, with the adapter and without: the rows without must be the base's answers
    token for token (another task's requests that share the adapted rows' steps)."""
    if not others:
        return {"others": 0}
    shared = [common_prefix(base.token_ids, adapted.token_ids) for _m, base, adapted in others]
    agree = own = positions = 0
    with_adapter: list[float] = []
    without: list[float] = []
    for messages, base, _adapted in others:
        prompt, forced = genai.prompt_tokens(messages), base.token_ids
        tops, logprobs = teacher_forced(genai, prompt, forced, adapter=adapter)
        base_tops, base_logprobs = teacher_forced(genai, prompt, forced)
        agree += sum(a == b for a, b in zip(tops, forced, strict=True))
        own += sum(a == b for a, b in zip(base_tops, forced, strict=True))
        positions += len(forced)
        with_adapter.extend(logprobs)
        without.extend(base_logprobs)
    mixed = engine.generate([GenerationRequest(m, max_tokens=tokens, adapter=choice)
                             for m, _b, _a in others for choice in (adapter, None)])
    pairs = zip(mixed[1::2], others, strict=True)
    identical = sum(row.token_ids == base.token_ids for row, (_m, base, _a) in pairs)
    return {"others": len(others), "others_unchanged": sum(a.token_ids == b.token_ids for _m, b, a in others),
            "other_rate": round(sum(a.token_ids == b.token_ids for _m, b, a in others) / len(others), 3),
            "others_shared_tokens_p50": statistics.median(shared),
            "others_first_8_tokens_kept": sum(n >= 8 for n in shared),
            "others_top1_agreement": round(agree / max(positions, 1), 3),
            "others_base_top1_agreement": round(own / max(positions, 1), 3),
            "others_positions": positions,
            "others_mean_logprob_with": round(statistics.fmean(with_adapter), 3) if with_adapter else None,
            "others_mean_logprob_without": round(statistics.fmean(without), 3) if without else None,
            "others_without_adapter_in_mixed_call_identical": identical}


def run_adapter_bench(store: EngineStore, profile: Profile, facts: HardwareFacts, name: str, *,
                      tokens: int = 64, repeats: int = 3, probes: Path | None = None) -> dict[str, Any]:
    check = usable_engine(store, profile, facts)
    adapter = AdapterStore(store.root, check.folder, check.manifest).resolve(name)
    if check.manifest.backend not in ("onnx-genai-cpu", "onnx-genai-cuda"):
        raise ConfigError(f"`edged bench engine --adapter` measures the ONNX engines; profile {profile.name} "
                          f"uses {check.manifest.backend}.", code="bad_request")
    manifest = check.manifest
    info = EngineInfo(backend=manifest.backend, model_id=manifest.model_id, profile=manifest.profile,
                      context_length=manifest.context_length, max_batch_size=manifest.max_batch_size,
                      path=check.folder)
    genai = OnnxGenaiEngine(check.folder, info)
    continuous = ContinuousOnnxEngine(check.folder, info)
    try:
        result: dict[str, Any] = {"adapter": name, "engine": f"{genai.info.model_id}@{profile.name}",
                                  "tokens": tokens, "repeats": repeats}
        for label, engine in (("onnxruntime_genai", genai), ("continuous", continuous)):
            result[label] = {"decode": decode_rates(engine, adapter, tokens, repeats),
                             "switch": switch_cost(engine, adapter),
                             "mixed": mixed_batch(engine, adapter, tokens, repeats)}
        if probes is not None:
            result["probes"] = probe_answers(continuous, genai, adapter, read_probes(probes), max(tokens, 48))
        return result
    finally:
        continuous.close()
        genai.close()


def render_adapter(result: dict[str, Any]) -> str:
    lines = [f"adapter {result['adapter']} on {result['engine']} ({result['tokens']} tokens, "
             f"best of {result['repeats']})"]
    for label in ("onnxruntime_genai", "continuous"):
        decode, switch = result[label]["decode"], result[label]["switch"]
        lines.append(
            f"  {label}: decode {decode['with_tokens_per_s']} tok/s with the adapter, "
            f"{decode['without_tokens_per_s']} without ({100 * decode['ratio']:.1f} %); switching adds "
            f"{switch['switch_cost_ms']} ms p50 ({switch['after_base_p50_ms']} after a base request, "
            f"{switch['same_adapter_p50_ms']} after the same adapter)")
        mixed = result[label]["mixed"]
        lines.append(f"    a call of 4, two with the adapter and two without: {mixed['mixed_tokens_per_s']} "
                     f"tok/s; all four with it: {mixed['same_tokens_per_s']} ({100 * mixed['ratio']:.0f} %)")
    probes = result.get("probes")
    if probes:
        lines.append(f"  probes: {probes['probes_changed_to_target']}/{probes['probes']} answers changed to "
                     "the target")
    if probes and probes["others"]:
        lines.append(f"  others: {probes['others_unchanged']}/{probes['others']} kept the base answer whole, "
                     f"{probes['others_first_8_tokens_kept']} its first 8 tokens (median "
                     f"{probes['others_shared_tokens_p50']} tokens shared before they part); fed the base "
                     f"answers, the adapted model's top-1 is the base's token at "
                     f"{100 * probes['others_top1_agreement']:.1f} % of {probes['others_positions']} "
                     "positions "
                     f"(the base's own {100 * probes['others_base_top1_agreement']:.1f} %), mean log-prob "
                     f"{probes['others_mean_logprob_with']} with the adapter, "
                     f"{probes['others_mean_logprob_without']} without")
        lines.append(f"    asked without the adapter in one call beside adapted rows: "
                     f"{probes['others_without_adapter_in_mixed_call_identical']}/{probes['others']} "
                     "the base answer token for token")
    return "\n".join(lines)
