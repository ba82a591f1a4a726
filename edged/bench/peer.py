"""`edged bench engine --peer llama.cpp`: llama-cpp-python on the very GGUF the CPU engine was built
from, timed in the same run as edged's engine, and how often edged's engine picks the GGUF's own
greedy token. llama-cpp-python is a `bench` extra (it builds from source), imported only here."""

from __future__ import annotations

import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Protocol

import numpy as np

from edged.engines.base import AdapterRef, ChatMessage, GenerationRequest, GenerationResult, Sampling
from edged.engines.continuous import ContinuousOnnxEngine
from edged.engines.cpu_convert import bundled_smollm2_gguf
from edged.engines.logits import token_logprobs
from edged.engines.manifest import EngineManifest, sha256_file
from edged.engines.onnx_genai import OnnxGenaiEngine
from edged.errors import ConfigError, MissingExtra
from edged.vocabulary import PeerName

PEER_THREADS = 2  # the CPU profile's appliance has two cores; llama.cpp gets them both, as edged does


def import_llama_cpp() -> Any:
    """The `llama_cpp` module (untyped, so Any), or MissingExtra naming the extra to install."""
    try:
        import llama_cpp
    except ImportError:
        raise MissingExtra(
            "llama_cpp", "bench",
            "`edged bench engine --peer llama.cpp` (llama-cpp-python, which pip builds from source: "
            "a C/C++ compiler and cmake are needed, and the build takes minutes)",
        ) from None
    return llama_cpp


@dataclass(frozen=True)
class Run:
    """One greedy generation, timed like edged's own figures: TTFT from the call (prefill and
    the first token), decode rate over the tokens after the first."""

    tokens: tuple[int, ...]
    ttft_ms: float
    decode_s: float

    @property
    def decode_tokens_per_s(self) -> float:
        return (len(self.tokens) - 1) / self.decode_s if len(self.tokens) > 1 and self.decode_s > 0 else 0.0


class LlamaCppPeer:
    """llama-cpp-python on one GGUF file: greedy, ``threads`` threads, given token ids (edged's own
    prompt tokens, so both engines read the same input) and a cleared KV cache for every run."""

    def __init__(
        self, gguf: Path, *, stop: frozenset[int], context: int, threads: int = PEER_THREADS,
    ) -> None:
        llama_cpp = import_llama_cpp()
        self.version = str(getattr(llama_cpp, "__version__", "unknown"))
        self._stop = stop
        self._llm: Any = llama_cpp.Llama(
            model_path=str(gguf), n_ctx=context, n_threads=threads, n_threads_batch=threads, verbose=False,
        )

    def encode(self, text: str) -> list[int]:
        """The GGUF's own tokenizer (special tokens parsed, no BOS added), to check that edged's
        prompt tokens are the ones llama.cpp would have read from the same text."""
        return [int(t) for t in self._llm.tokenize(text.encode(), add_bos=False, special=True)]

    def generate(self, prompt: Sequence[int], max_tokens: int) -> Run:
        # reset() forgets the evaluated tokens, so generate() cannot reuse an earlier run's prompt
        # cache (it would, by longest common prefix) and its first eval clears the KV cache.
        self._llm.reset()
        tokens: list[int] = []
        started = time.perf_counter()
        first = ended = started
        stream = self._llm.generate(list(prompt), temp=0.0, top_k=1, top_p=1.0, min_p=0.0, repeat_penalty=1.0)
        try:
            for token in stream:
                ended = time.perf_counter()
                if not tokens:
                    first = ended
                if int(token) in self._stop:
                    break
                tokens.append(int(token))
                if len(tokens) >= max_tokens:
                    break
        finally:
            stream.close()
        return Run(tuple(tokens), (first - started) * 1e3, ended - first)


def prepare_peer(engine: OnnxGenaiEngine) -> Path:
    """Before any figure is measured: the peer is importable, and the bundled GGUF it will run is
    the checkpoint the engine was built from (same SHA-256), since a comparison against another
    model's weights would measure nothing. Returns the GGUF."""
    import_llama_cpp()
    gguf = bundled_smollm2_gguf()
    built_from = EngineManifest.read(engine.info.path).fingerprint.checkpoint_sha256
    if sha256_file(gguf) != built_from:
        raise ConfigError(
            f"The engine at {engine.info.path} was not built from {gguf} (checkpoint SHA-256 "
            f"{built_from[:12]}…), so llama.cpp would run other weights: rebuild the engine from the "
            "bundled GGUF (`edged engine build`) or leave out --peer.",
            code="bad_request",
        )
    return gguf


def teacher_forced(engine: OnnxGenaiEngine, prompt: Sequence[int], forced: Sequence[int], *,
                   adapter: AdapterRef | None = None) -> tuple[list[int], list[float]]:
    """Feed ``prompt`` and then ``forced`` through edged's engine (under ``adapter`` if given) one
    token at a time; at each position return edged's top-1 token and the log-probability it gives
    the forced token."""
    generator = engine._new_generator(len(prompt) + len(forced), 1, Sampling(), adapter=adapter)
    generator.append_tokens(np.asarray(prompt, dtype=np.int32))
    tops: list[int] = []
    logprobs: list[float] = []
    for position, token in enumerate(forced):
        logits = generator.get_logits()[:, -1, :].astype(np.float32)
        tops.append(int(np.argmax(logits[0])))
        logprobs.extend(token_logprobs(logits, np.asarray([token], dtype=np.int32)))
        if position + 1 < len(forced):
            generator.append_tokens(np.asarray([token], dtype=np.int32))
    return tops, logprobs


def top1_agreement(reference: Sequence[Sequence[int]], predicted: Sequence[Sequence[int]]) -> float:
    """Share of positions where ``predicted`` (edged's top-1, teacher-forced on the reference's
    path) equals ``reference`` (the GGUF's greedy token), over all sequences together."""
    total = matches = 0
    for ref, pred in zip(reference, predicted, strict=True):
        if len(ref) != len(pred):
            raise ValueError(f"a teacher-forced sequence has {len(pred)} tokens, its reference {len(ref)}")
        total += len(ref)
        matches += sum(a == b for a, b in zip(ref, pred, strict=True))
    if total == 0:
        raise ValueError("no tokens to compare")
    return matches / total


def common_prefix(first: Sequence[int], second: Sequence[int]) -> int:
    """Tokens two greedy answers share before they first differ."""
    for index, (a, b) in enumerate(zip(first, second, strict=False)):
        if a != b:
            return index
    return min(len(first), len(second))


class Compared(Protocol):
    """What the peer bench needs of an edged engine: its prompt tokens, greedy answers, and its
    top-1 on a forced path (OnnxGenaiEngine through ``teacher_forced``, the continuous engine
    through its own)."""

    def prompt_tokens(self, messages: Sequence[ChatMessage]) -> list[int]: ...

    def generate(self, requests: Sequence[GenerationRequest]) -> list[GenerationResult]: ...


Forced = Callable[[Sequence[int], Sequence[int]], tuple[list[int], list[float]]]


def forced_path(engine: OnnxGenaiEngine | ContinuousOnnxEngine) -> Forced:
    """The engine's teacher-forced top-1 and log-probabilities."""
    if isinstance(engine, ContinuousOnnxEngine):
        return engine.teacher_forced
    return lambda prompt, forced: teacher_forced(engine, prompt, forced)


def agreement(engine: Compared, forced: Forced, peer: LlamaCppPeer,
              requests: Sequence[GenerationRequest]) -> dict[str, Any]:
    """edged against the GGUF's own greedy tokens (llama.cpp's), on each request's prompt."""
    references, tops, logprobs, prefixes, identical = [], [], [], [], 0
    for request in requests:
        prompt = engine.prompt_tokens(request.messages)
        reference = peer.generate(prompt, request.max_tokens).tokens
        if not reference:
            continue
        top, logprob = forced(prompt, reference)
        references.append(reference)
        tops.append(top)
        logprobs.extend(logprob)
        own = engine.generate([request])[0].token_ids
        prefixes.append(common_prefix(own, reference))
        identical += tuple(own) == tuple(reference)
    if not references:
        raise ConfigError("llama.cpp ended every answer at once; nothing to compare", code="bad_request")
    return {
        "prompts": len(references),
        "positions": sum(len(r) for r in references),
        "top1_agreement": round(top1_agreement(references, tops), 3),
        "mean_logprob_of_gguf_token": round(float(np.mean(logprobs)), 3),
        "identical_answers": identical,
        "mean_common_prefix": round(float(np.mean(prefixes)), 1),
    }


def compare_with_peer(
    engine: OnnxGenaiEngine, name: PeerName, gguf: Path, *, one: GenerationRequest,
    prompts: Sequence[GenerationRequest], repeats: int, threads: int = PEER_THREADS,
    continuous: ContinuousOnnxEngine | None = None,
) -> dict[str, Any]:
    """edged and the peer on the same prompt tokens, interleaved (edged, [continuous,] peer, edged
    …) so that drift on a shared machine hits them alike; best of ``repeats`` for each. The
    continuous engine (the daemon's default) is measured the same way when given."""
    prompt = engine.prompt_tokens(one.messages)
    longest = max(len(engine.prompt_tokens(r.messages)) + r.max_tokens for r in [one, *prompts])
    peer = LlamaCppPeer(gguf, stop=engine.stop_tokens, context=longest + 16, threads=threads)
    peer.generate(prompt, one.max_tokens)  # warm up, as edged's engines were
    ours: list[Compared] = [engine] if continuous is None else [engine, continuous]
    if continuous is not None:
        continuous.generate([one])
    runs: dict[str, list[tuple[float, float, int]]] = {"edged": [], "continuous": [], "llama_cpp": []}
    for _ in range(repeats):
        for key, compared in zip(("edged", "continuous"), ours, strict=False):
            result = compared.generate([one])[0]
            runs[key].append((result.timings.ttft_ms,
                              (result.completion_tokens - 1) / (result.timings.decode_ms / 1e3),
                              result.completion_tokens))
        run = peer.generate(prompt, one.max_tokens)
        runs["llama_cpp"].append((run.ttft_ms, run.decode_tokens_per_s, len(run.tokens)))
    figures: dict[str, Any] = {
        "peer": name,
        "version": peer.version,
        "gguf": gguf.name,
        "threads": threads,
        "prompt_tokens": len(prompt),
        "same_prompt_tokens": peer.encode(engine.render(one.messages)) == list(prompt),
        "agreement": agreement(engine, forced_path(engine), peer, prompts),
    }
    for key, timed in runs.items():
        if timed:
            figures[key] = {"ttft_ms": round(min(t[0] for t in timed), 1),
                            "decode_tokens_per_s": round(max(t[1] for t in timed), 1),
                            "tokens": min(t[2] for t in timed)}
    if continuous is not None:
        figures["continuous_agreement"] = agreement(continuous, forced_path(continuous), peer, prompts)
    return figures


def render_peer(result: dict[str, Any]) -> str:
    ours, theirs = result["edged"], result["llama_cpp"]
    threads = f"{result['threads']} thread{'s' if result['threads'] != 1 else ''}"
    tokenized = "as" if result["same_prompt_tokens"] else "NOT as"
    lines = [
        f"peer     {result['peer']} (llama-cpp-python {result['version']}, {threads}, greedy) on "
        f"{result['gguf']}, the engine's own checkpoint; the same {result['prompt_tokens']} prompt tokens "
        f"({tokenized} llama.cpp's tokenizer reads the text), runs interleaved",
        f"         TTFT onnxruntime-genai {ours['ttft_ms']:.1f} ms | llama.cpp {theirs['ttft_ms']:.1f} ms;  "
        f"decode onnxruntime-genai {ours['decode_tokens_per_s']:.1f} tok/s | llama.cpp "
        f"{theirs['decode_tokens_per_s']:.1f} tok/s",
        _render_agreement("onnxruntime-genai", result["agreement"]),
    ]
    if "continuous" in result:
        mine = result["continuous"]
        lines += [
            f"         TTFT continuous (the daemon's engine) {mine['ttft_ms']:.1f} ms | llama.cpp "
            f"{theirs['ttft_ms']:.1f} ms;  decode continuous {mine['decode_tokens_per_s']:.1f} tok/s | "
            f"llama.cpp {theirs['decode_tokens_per_s']:.1f} tok/s",
            _render_agreement("continuous", result["continuous_agreement"]),
        ]
    return "\n".join(lines)


def _render_agreement(engine: str, agreed: dict[str, Any]) -> str:
    return (
        f"         {engine}: top-1 agreement with the GGUF's greedy tokens {agreed['top1_agreement']:.3f} "
        f"({agreed['positions']} positions on {agreed['prompts']} prompts, teacher-forced); mean log-prob "
        f"{agreed['mean_logprob_of_gguf_token']:.3f}; free-running answers identical "
        f"{agreed['identical_answers']}/{agreed['prompts']}, first difference after "
        f"{agreed['mean_common_prefix']:.1f} tokens on average"
    )
