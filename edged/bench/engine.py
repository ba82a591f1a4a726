"""`edged bench engine`: TTFT, decode tokens/s, batch throughput and log-prob cost, measured
against a plain onnxruntime-genai loop in the same run (so the wrapper's cost is visible)."""

from __future__ import annotations

import platform
import statistics
import time
from typing import Any

import numpy as np

from edged.bench.guided import guided_cost, render_guided
from edged.bench.guided_notes import render_validity, schema_validity
from edged.engines.base import Engine, GenerationRequest
from edged.engines.loader import load_engine
from edged.engines.logits import token_logprobs
from edged.engines.onnx_genai import OnnxGenaiEngine
from edged.engines.store import EngineStore
from edged.errors import ConfigError
from edged.hardware.facts import HardwareFacts
from edged.hardware.profiles import Profile
from edged.vocabulary import PeerName

SUBJECTS = ("a factory robot", "a night-shift operator", "a broken conveyor", "a lighthouse",
            "a welding cell", "a storm at sea", "a forklift race", "a quiet warehouse")
BATCH_SIZES = (1, 2, 4, 8)


def _requests(count: int, tokens: int) -> list[GenerationRequest]:
    return [
        GenerationRequest.from_prompt(f"Write a long story about {SUBJECTS[i % len(SUBJECTS)]}.",
                                      max_tokens=tokens)
        for i in range(count)
    ]


def _plain_loop(engine: OnnxGenaiEngine, request: GenerationRequest, *, logprobs: bool) -> tuple[int, float]:
    """The loop a user of onnxruntime-genai would write; returns (tokens, decode seconds)."""
    og: Any = engine._og
    model: Any = engine._model
    prompt = np.asarray(engine.encode(engine.render(request.messages)), dtype=np.int32)
    params = og.GeneratorParams(model)
    params.set_search_options(max_length=len(prompt) + request.max_tokens, do_sample=False)
    generator = og.Generator(model, params)
    generator.append_tokens(prompt)
    count, first = 0, 0.0
    while count < request.max_tokens:
        if logprobs:
            logits = generator.get_logits()[:, -1, :]
        generator.generate_next_token()
        token = generator.get_next_tokens()
        if logprobs:
            token_logprobs(logits, np.asarray(token, dtype=np.int32))
        count += 1
        if count == 1:
            first = time.perf_counter()
        if int(token[0]) == 2:
            break
    return count, time.perf_counter() - first


def run_engine_bench(
    store: EngineStore, profile: Profile, facts: HardwareFacts, *, tokens: int = 64, repeats: int = 3,
    schema: bool = False, peer: PeerName | None = None, peer_threads: int = 2,
) -> dict[str, Any]:
    if tokens < 8 or repeats < 1:
        raise ConfigError("--tokens must be at least 8 and --repeats at least 1.", code="bad_request")
    if peer_threads < 1:
        raise ConfigError("--peer-threads must be at least 1.", code="bad_request")
    engine: Engine = load_engine(store, profile, facts)
    if not isinstance(engine, OnnxGenaiEngine):
        raise ConfigError(f"`edged bench engine` compares against onnxruntime-genai; profile "
                          f"{profile.name} uses {engine.info.backend}.", code="bad_request")
    if peer is not None:  # refused here, before the long runs, if it cannot run
        from edged.bench.peer import prepare_peer

        gguf = prepare_peer(engine)
    one = _requests(1, tokens)[0]
    engine.generate([one])  # warm up: first run pays for allocations
    wrapper_rates, plain_rates, plain_lp_rates, ttfts = [], [], [], []
    for _ in range(repeats):  # interleaved, so drift on a shared machine hits both alike
        result = engine.generate([one])[0]
        ttfts.append(result.timings.ttft_ms)
        wrapper_rates.append((result.completion_tokens - 1) / (result.timings.decode_ms / 1e3))
        n, secs = _plain_loop(engine, one, logprobs=False)
        plain_rates.append((n - 1) / secs)
        n, secs = _plain_loop(engine, one, logprobs=True)
        plain_lp_rates.append((n - 1) / secs)
    wrapper, plain, plain_lp = max(wrapper_rates), max(plain_rates), max(plain_lp_rates)
    compared = None
    if peer is not None:  # imported here: only --peer needs it
        from edged.bench.peer import compare_with_peer
        from edged.engines.continuous import ContinuousOnnxEngine

        continuous = ContinuousOnnxEngine(engine.info.path, engine.info)  # the daemon's default engine
        try:
            compared = compare_with_peer(engine, peer, gguf, one=one, repeats=repeats, threads=peer_threads,
                                         prompts=_requests(len(SUBJECTS), tokens), continuous=continuous)
        finally:
            continuous.close()
    batches = _batches(engine, tokens, repeats)
    isolation = _isolation_cost(engine, one, repeats)
    guided = guided_cost(engine, tokens=max(tokens, 96), repeats=repeats) if schema else None
    return {
        "peer": compared,
        "guided": guided,
        "validity": schema_validity(engine) if schema else None,
        "isolation": isolation,
        "engine": f"{engine.info.model_id}@{engine.info.profile}",
        "backend": engine.info.backend,
        "machine": f"{platform.machine()}, {facts.cpu.cores} cores, {facts.cpu.model or 'unknown CPU'}",
        "tokens_per_request": tokens,
        "repeats": repeats,
        "ttft_ms": round(min(ttfts), 1),
        "decode_tokens_per_s": {
            "edged_with_logprobs": round(wrapper, 1),
            "plain_onnxruntime_genai": round(plain, 1),
            "plain_with_logprobs": round(plain_lp, 1),
        },
        "wrapper_cost_percent": round(100 * (1 - wrapper / plain), 1),
        "logprob_cost_percent": round(100 * (1 - plain_lp / plain), 1),
        "batches": batches,
    }


def _batches(engine: Engine, tokens: int, repeats: int) -> list[dict[str, Any]]:
    """Each batch size, batched against the same requests one after another; best of ``repeats``."""
    batches = []
    for size in BATCH_SIZES:
        reqs = _requests(size, tokens)
        best_batch = best_seq = 0.0
        for _ in range(repeats):
            started = time.perf_counter()
            produced = sum(r.completion_tokens for r in engine.generate(reqs))
            best_batch = max(best_batch, produced / (time.perf_counter() - started))
            started = time.perf_counter()
            produced = sum(engine.generate([r])[0].completion_tokens for r in reqs)
            best_seq = max(best_seq, produced / (time.perf_counter() - started))
        batches.append({"batch": size, "batched_tokens_per_s": round(best_batch, 1),
                        "sequential_tokens_per_s": round(best_seq, 1),
                        "speedup": round(best_batch / best_seq, 2)})
    return batches


def _isolation_cost(engine: Engine, one: GenerationRequest, repeats: int) -> dict[str, Any]:
    """The same engine in its own process (edged run's default): decode throughput and the
    per-call overhead of the pipe, against the engine in this process."""
    from edged.engines.process import EngineProcess

    child = EngineProcess(engine.info.path)
    try:
        child.generate([one])
        inside_rates, child_rates = [], []
        for _ in range(repeats):
            result = engine.generate([one])[0]
            inside_rates.append((result.completion_tokens - 1) / (result.timings.decode_ms / 1e3))
            result = child.generate([one])[0]
            child_rates.append((result.completion_tokens - 1) / (result.timings.decode_ms / 1e3))
        short = GenerationRequest(one.messages, max_tokens=1)
        inside_over, child_over = [], []
        for _ in range(20):  # wall time of a call minus the engine's own: what the pipe adds
            started = time.perf_counter()
            result = engine.generate([short])[0]
            inside_over.append((time.perf_counter() - started) * 1e3 - result.timings.total_ms)
            started = time.perf_counter()
            result = child.generate([short])[0]
            child_over.append((time.perf_counter() - started) * 1e3 - result.timings.total_ms)
    finally:
        child.close()
    inside, outside = max(inside_rates), max(child_rates)
    return {
        "in_process_tokens_per_s": round(inside, 1),
        "engine_process_tokens_per_s": round(outside, 1),
        "decode_cost_percent": round(100 * (1 - outside / inside), 1),
        "call_overhead_ms_p50": round(statistics.median(child_over) - statistics.median(inside_over), 2),
    }


def render(result: dict[str, Any]) -> str:
    decode = result["decode_tokens_per_s"]
    lines = [
        f"engine   {result['engine']} ({result['backend']}) on {result['machine']}",
        f"setup    {result['tokens_per_request']} new tokens per request, best of {result['repeats']}",
        f"TTFT     {result['ttft_ms']:.1f} ms",
        f"decode   edged (log-probs included) {decode['edged_with_logprobs']:.1f} tok/s | plain "
        f"onnxruntime-genai loop {decode['plain_onnxruntime_genai']:.1f} tok/s | plain + log-probs "
        f"{decode['plain_with_logprobs']:.1f} tok/s",
        f"cost     edged wrapper vs plain loop: {result['wrapper_cost_percent']:+.1f}% of decode "
        f"throughput; log-prob extraction alone: {result['logprob_cost_percent']:+.1f}%",
        "batch    batched tok/s   sequential tok/s   speedup",
    ]
    lines.extend(
        f"{b['batch']:>5}    {b['batched_tokens_per_s']:>13.1f}   {b['sequential_tokens_per_s']:>16.1f}"
        f"   {b['speedup']:>6.2f}x"
        for b in result["batches"]
    )
    iso = result["isolation"]
    lines.append(
        f"process  engine in its own process (edged run's default): {iso['engine_process_tokens_per_s']:.1f} "
        f"tok/s vs {iso['in_process_tokens_per_s']:.1f} in process ({iso['decode_cost_percent']:+.1f}% of "
        f"decode); {iso['call_overhead_ms_p50']:+.2f} ms p50 per call"
    )
    if result.get("peer"):
        from edged.bench.peer import render_peer

        lines.append(render_peer(result["peer"]))
    if result.get("guided"):
        lines.append(render_guided(result["guided"]))
    if result.get("validity"):
        lines.append(render_validity(result["validity"]))
    return "\n".join(lines)

