"""The Engine protocol every backend implements, and the data it takes and returns.

The router needs per-token log-probabilities and label scores, so they are part of the
contract, not an optional extra. Pure data and a Protocol: no backend is imported here.
"""

from __future__ import annotations

import math
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal, Protocol, runtime_checkable

from edged.errors import InputTooLong

Role = Literal["system", "user", "assistant"]
# What a constraint engine takes: a JSON Schema, a regular expression or a Lark grammar (the
# names are onnxruntime-genai's ``GeneratorParams.set_guidance`` types).
GuidanceKind = Literal["json_schema", "regex", "lark_grammar"]
FinishReason = Literal["stop", "length", "deadline"]
# Called once per generated token: (index of the request in the batch, token id, text piece).
TokenCallback = Callable[[int, int, str], None]


@dataclass(frozen=True)
class ChatMessage:
    role: Role
    content: str


@dataclass(frozen=True)
class Sampling:
    """Decoding settings; ``temperature == 0`` means greedy."""

    temperature: float = 0.0
    top_p: float = 1.0
    top_k: int = 50
    seed: int | None = None

    def __post_init__(self) -> None:
        if not 0.0 <= self.temperature <= 5.0:
            raise ValueError(f"temperature must be within 0..5, got {self.temperature}")
        if not 0.0 < self.top_p <= 1.0:
            raise ValueError(f"top_p must be within (0, 1], got {self.top_p}")
        if self.top_k < 1:
            raise ValueError(f"top_k must be at least 1, got {self.top_k}")

    @property
    def greedy(self) -> bool:
        return self.temperature == 0.0


@dataclass(frozen=True)
class Guidance:
    """Constrained decoding: the model may only emit tokens that keep the answer inside ``data``
    (a schema's JSON text, a regex, a grammar). Hashable: a backend groups requests by it."""

    kind: GuidanceKind
    data: str

    def __post_init__(self) -> None:
        if not self.data:
            raise ValueError("guidance needs its schema, regex or grammar")


@dataclass(frozen=True)
class AdapterRef:
    """A LoRA adapter a request runs with: its name, its file (or folder, for TensorRT-LLM) in the
    engine store, and the file's SHA-256. An engine caches what it loaded by (path, digest), so an
    adapter replaced in the store is loaded afresh by the next request that names it."""

    name: str
    path: Path
    digest: str


@dataclass(frozen=True)
class GenerationRequest:
    messages: tuple[ChatMessage, ...]
    max_tokens: int = 128
    sampling: Sampling = field(default_factory=Sampling)
    # time.monotonic() after which generation stops with finish_reason "deadline" (Linux's
    # CLOCK_MONOTONIC is one clock for every process, the engine's child included)
    deadline: float | None = None
    # Constrain the answer (None: free text). A backend without guidance refuses it with
    # EngineError rather than answer unconstrained; the answer is validated after decoding anyway.
    guidance: Guidance | None = None
    # Run with this LoRA adapter (None: the base model).
    adapter: AdapterRef | None = None

    def __post_init__(self) -> None:
        if not self.messages:
            raise ValueError("a generation request needs at least one message")
        if self.max_tokens < 1:
            raise ValueError(f"max_tokens must be at least 1, got {self.max_tokens}")

    @classmethod
    def from_prompt(
        cls,
        prompt: str,
        *,
        system: str | None = None,
        max_tokens: int = 128,
        sampling: Sampling | None = None,
    ) -> GenerationRequest:
        messages = [ChatMessage("system", system)] if system is not None else []
        messages.append(ChatMessage("user", prompt))
        return cls(tuple(messages), max_tokens, sampling or Sampling())


@dataclass(frozen=True)
class Timings:
    """Milliseconds. In a batch, prefill and the first token are shared by every request."""

    prefill_ms: float
    ttft_ms: float
    decode_ms: float
    total_ms: float


@dataclass(frozen=True)
class GenerationResult:
    text: str
    token_ids: tuple[int, ...]
    # Natural log-probability of each generated token under the model (temperature 1),
    # whatever the sampling settings were: it measures the model's confidence.
    logprobs: tuple[float, ...]
    finish_reason: FinishReason
    prompt_tokens: int
    timings: Timings
    # Where each generated token ends in ``text`` (characters), for answers decoded under guidance
    # on backends that tell; () otherwise. The value tokens of an object answer are found by it.
    offsets: tuple[int, ...] = ()

    @property
    def completion_tokens(self) -> int:
        return len(self.token_ids)


@dataclass(frozen=True)
class LabelScore:
    """Log-probability of ``label`` (and, when scored as complete, the end of the turn)."""

    label: str
    logprob: float
    token_count: int


def label_probabilities(scores: Sequence[LabelScore]) -> dict[str, float]:
    """Normalise label log-probabilities into a distribution over the label set."""
    if not scores:
        return {}
    top = max(s.logprob for s in scores)
    weights = {s.label: math.exp(s.logprob - top) for s in scores}
    total = sum(weights.values())
    return {label: w / total for label, w in weights.items()}


def check_fits_context(requests: Sequence[GenerationRequest], prompts: Sequence[Sequence[int]],
                       limit: int) -> None:
    """Refuse a batch in which a prompt plus its max_tokens exceeds the engine's context."""
    for index, (request, prompt) in enumerate(zip(requests, prompts, strict=True)):
        if len(prompt) + request.max_tokens > limit:
            raise InputTooLong(
                f"Request {index} needs {len(prompt)} prompt tokens + {request.max_tokens} new "
                f"tokens, more than the engine's context of {limit} tokens: shorten the input "
                "or lower max_tokens.",
            )


@dataclass(frozen=True)
class EngineInfo:
    backend: str
    model_id: str
    profile: str
    context_length: int
    max_batch_size: int
    path: Path
    # True when ``generate`` may be called from several threads at once and joins their requests
    # to one running batch (continuous batching); False: one caller at a time, static batches.
    concurrent: bool = False


@dataclass(frozen=True)
class EngineHealth:
    ok: bool
    detail: str
    latency_ms: float


HEALTH_PROMPT = (ChatMessage("user", "ping"),)


def health_by_generating(
    generate: Callable[[Sequence[GenerationRequest]], list[GenerationResult]],
) -> EngineHealth:
    """An engine's health check: one token for a tiny prompt. It reports, it does not raise."""
    started = time.perf_counter()
    try:
        result = generate([GenerationRequest(HEALTH_PROMPT, max_tokens=1)])[0]
    except Exception as exc:
        return EngineHealth(False, f"generation failed: {exc}", (time.perf_counter() - started) * 1e3)
    ok = result.completion_tokens + (result.finish_reason == "stop") >= 1
    detail = "generated a token" if ok else "generated nothing"
    return EngineHealth(ok, detail, (time.perf_counter() - started) * 1e3)


@runtime_checkable
class Engine(Protocol):
    """A loaded model. Not thread-safe: one caller at a time (the scheduler's worker)."""

    @property
    def info(self) -> EngineInfo: ...

    def count_tokens(self, messages: Sequence[ChatMessage]) -> int:
        """Prompt length in tokens once the chat template is applied."""
        ...

    def generate(
        self,
        requests: Sequence[GenerationRequest],
        on_token: TokenCallback | None = None,
    ) -> list[GenerationResult]:
        """Generate for a batch; results come back in the order of ``requests``."""
        ...

    def score_labels(
        self,
        messages: Sequence[ChatMessage],
        labels: Sequence[str],
        *,
        complete: bool = True,
        deadline: float | None = None,
        adapter: AdapterRef | None = None,
    ) -> list[LabelScore]:
        """Log-probability of each label as the assistant's answer (under ``adapter`` if given).

        ``complete`` adds the end-of-turn token, so "fault" does not also win for "faulty".
        Past ``deadline`` (time.monotonic()) between two labels: ``DeadlineExceeded``.
        """
        ...

    def health(self) -> EngineHealth: ...

    def close(self) -> None: ...
