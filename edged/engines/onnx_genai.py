"""ONNX Runtime GenAI backend: the cpu profile's engine (and CUDA through onnxruntime-gpu).

Imported only when a profile chooses it. Log-probabilities are read from the logits BEFORE
``generate_next_token()``: in onnxruntime-genai 0.18 that call picks the token and already runs
the model on it, so logits read after it belong to the next step.
"""

from __future__ import annotations

import dataclasses
import json
import threading
import time
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import numpy as np

from edged.backends import backend_spec
from edged.engines.adapter_onnx import AdapterCache
from edged.engines.base import (
    AdapterRef,
    ChatMessage,
    EngineHealth,
    EngineInfo,
    FinishReason,
    GenerationRequest,
    GenerationResult,
    Guidance,
    LabelScore,
    Sampling,
    Timings,
    TokenCallback,
    check_fits_context,
    health_by_generating,
)
from edged.engines.chat_tokens import ChatTextSide, ChatTokenizer
from edged.engines.logits import token_logprobs
from edged.engines.onnx_slots import default_threads
from edged.errors import AdapterError, DeadlineExceeded, EngineError, InputTooLong, MissingExtra, StoreError


def import_genai(extra: str = "cpu") -> Any:
    try:
        import onnxruntime_genai as og
    except ImportError:
        raise MissingExtra("onnxruntime_genai", extra, "The ONNX Runtime GenAI engine") from None
    return og


def _config(og: Any, path: Path) -> Any:
    """The folder's configuration, with one worker per CPU unless the folder sets its own count."""
    config = og.Config(str(path))
    options = json.loads((path / "genai_config.json").read_text(encoding="utf-8"))["model"]["decoder"]
    if "intra_op_num_threads" not in options.get("session_options", {}):
        overlay = {"model": {"decoder": {"session_options": {"intra_op_num_threads": default_threads()}}}}
        config.overlay(json.dumps(overlay))
    return config


class OnnxGenaiEngine(ChatTextSide):
    """A loaded ONNX Runtime GenAI model folder (``genai_config.json`` + ``model.onnx``)."""

    def __init__(self, path: Path, info: EngineInfo) -> None:
        og = import_genai(backend_spec(info.backend).extra)
        self._og = og
        self._info = info
        self._lock = threading.Lock()
        try:
            self._model = og.Model(_config(og, path))
            self._chat = ChatTokenizer(og.Tokenizer(self._model))
        except Exception as exc:  # onnxruntime raises bare RuntimeError/OrtException
            raise StoreError(
                f"The engine in {path} could not be loaded ({exc}). Its files are corrupt or "
                "incomplete: rebuild it with `edged engine build --force`.",
                code="engine_corrupt",
            ) from None
        self._eos = self._chat.eos
        self._pad = self._chat.pad
        self._adapters = AdapterCache(self._load_adapter)

    def _load_adapter(self, ref: AdapterRef) -> tuple[Any, str]:
        """An ``og.Adapters`` holding the adapter file of ``ref``, and its name in it."""
        key = f"{ref.name}@{ref.digest[:16]}"
        adapters = self._og.Adapters(self._model)
        try:
            adapters.load(str(ref.path), key)
        except Exception as exc:  # onnxruntime-genai raises RuntimeError for a bad file
            raise AdapterError(
                f"Adapter {ref.name!r} could not be loaded from {ref.path} ({exc}); check it with "
                "`edged adapter verify` and rebuild it with `edged adapter build --force`.",
                code="adapter_invalid",
            ) from None
        return adapters, key

    @property
    def info(self) -> EngineInfo:
        return self._info

    @property
    def stop_tokens(self) -> frozenset[int]:
        """The token ids that end a generation (genai_config.json's eos_token_id)."""
        return frozenset(self._eos)

    # -- prompts -----------------------------------------------------------------------------

    # -- generation --------------------------------------------------------------------------

    def generate(
        self,
        requests: Sequence[GenerationRequest],
        on_token: TokenCallback | None = None,
    ) -> list[GenerationResult]:
        prompts = [self.prompt_tokens(r.messages) for r in requests]
        check_fits_context(requests, prompts, self._info.context_length)
        results: list[GenerationResult | None] = [None] * len(requests)
        # One generator per group: search options (sampling) and guidance are per generator
        # (GeneratorParams), so requests with another schema, or none, run in a batch of their
        # own; and a batch never exceeds the engine's batch limit. A generator has one active
        # adapter (``Generator.set_active_adapter``), so requests are grouped by adapter too.
        groups: dict[tuple[Sampling, Guidance | None, AdapterRef | None], list[int]] = {}
        for index, request in enumerate(requests):
            groups.setdefault((request.sampling, request.guidance, request.adapter), []).append(index)
        with self._lock:
            for (sampling, guidance, adapter), members in groups.items():
                # A guided batch runs one row at a time: in onnxruntime-genai 0.18, once one row's
                # grammar has stopped, the next step fails for the whole batch ("compute_mask()
                # called after stop"), and rows of one batch rarely stop together.
                step = 1 if guidance is not None else max(1, self._info.max_batch_size)
                for start in range(0, len(members), step):
                    chunk = members[start : start + step]
                    rows = _Rows(
                        prompts=[prompts[i] for i in chunk],
                        max_tokens=[requests[i].max_tokens for i in chunk],
                        indices=chunk,
                        deadlines=[requests[i].deadline for i in chunk],
                    )
                    outs = self._run_batch(rows, sampling, guidance, on_token, adapter)
                    for i, out in zip(chunk, outs, strict=True):
                        results[i] = out
        return [r for r in results if r is not None]

    def _new_generator(
        self, max_length: int, batch_size: int, sampling: Sampling, guidance: Guidance | None = None,
        adapter: AdapterRef | None = None,
    ) -> Any:
        og = self._og
        params = og.GeneratorParams(self._model)
        options: dict[str, Any] = {"max_length": max_length, "batch_size": batch_size}
        if sampling.greedy:
            options["do_sample"] = False
        else:
            options.update(
                do_sample=True,
                temperature=sampling.temperature,
                top_p=sampling.top_p,
                top_k=sampling.top_k,
            )
            if sampling.seed is not None:
                options["random_seed"] = sampling.seed
        params.set_search_options(**options)
        try:
            if guidance is not None:
                # llguidance compiles the grammar when the generator is made (about 1 ms for a
                # 10-property schema; the first guided generator of a process also builds the
                # tokenizer's token trie, about 0.5 s). The API takes text, not a compiled grammar,
                # so there is nothing to cache on this side.
                params.set_guidance(guidance.kind, guidance.data)
            generator = og.Generator(self._model, params)
        except Exception as exc:
            what = f"compile the {guidance.kind} guidance" if guidance is not None else "start a generator"
            raise EngineError(f"onnxruntime-genai could not {what}: {exc}") from None
        if adapter is not None:
            adapters, key = self._adapters.get(adapter)
            try:
                generator.set_active_adapter(adapters, key)
            except Exception as exc:  # tensors this engine's graph does not have
                raise AdapterError(
                    f"Adapter {adapter.name!r} does not fit this engine ({exc}); rebuild it for "
                    "this engine with `edged adapter build --force`.",
                    code="adapter_mismatch",
                ) from None
        return generator

    def _run_batch(
        self, rows: _Rows, sampling: Sampling, guidance: Guidance | None, on_token: TokenCallback | None,
        adapter: AdapterRef | None = None,
    ) -> list[GenerationResult]:
        width = max(len(p) for p in rows.prompts)
        max_length = min(self._info.context_length, width + max(rows.max_tokens))
        started = time.perf_counter()
        generator = self._new_generator(max_length, len(rows.prompts), sampling, guidance, adapter)
        # Right-padded with the pad id, as Tokenizer.encode_batch does; genai masks the padding.
        batch = np.full((len(rows.prompts), width), self._pad, dtype=np.int32)
        for r, prompt in enumerate(rows.prompts):
            batch[r, : len(prompt)] = prompt
        try:
            generator.append_tokens(batch if len(rows.prompts) > 1 else batch[0])
        except Exception as exc:
            raise EngineError(f"prefill failed: {exc}") from None
        prefilled = time.perf_counter()
        first_token_at: float | None = None
        try:
            for _ in range(max_length - width):
                logits = generator.get_logits()[:, -1, :]
                generator.generate_next_token()
                chosen = np.asarray(generator.get_next_tokens(), dtype=np.int32)
                picked = token_logprobs(logits, chosen)
                if first_token_at is None:
                    first_token_at = time.perf_counter()
                if self._advance(rows, chosen, picked, on_token):
                    break
        except EngineError:
            raise
        except Exception as exc:
            raise EngineError(f"decoding failed: {exc}") from None
        ended = time.perf_counter()
        first = first_token_at if first_token_at is not None else ended
        timings = Timings(
            prefill_ms=(prefilled - started) * 1e3,
            ttft_ms=(first - started) * 1e3,
            decode_ms=(ended - first) * 1e3,
            total_ms=(ended - started) * 1e3,
        )
        return [
            GenerationResult(
                text=self.decode(rows.tokens[r]),
                token_ids=tuple(rows.tokens[r]),
                logprobs=tuple(rows.logprobs[r]),
                finish_reason=rows.finish[r] or "length",
                prompt_tokens=len(rows.prompts[r]),
                timings=timings,
                offsets=self._offsets(rows.tokens[r]) if guidance is not None else (),
            )
            for r in range(len(rows.prompts))
        ]

    def _offsets(self, tokens: Sequence[int]) -> tuple[int, ...]:
        """Where each token ends in the decoded text: the length of each prefix's decoding (a
        token may hold part of a character; the prefix decodings settle it). A guided answer is
        short (the budget bounds it), so this quadratic walk costs little."""
        return tuple(len(self.decode(tokens[: i + 1])) for i in range(len(tokens)))

    def _advance(self, rows: _Rows, chosen: Any, picked: Any, on_token: TokenCallback | None) -> bool:
        """Take one step's token into each unfinished row; True once every row is finished."""
        now = time.monotonic()
        for r in range(len(rows.prompts)):
            if rows.finish[r] is not None:
                continue  # finished rows emit padding until the batch is done
            cutoff = rows.deadlines[r]
            if cutoff is not None and now >= cutoff:
                rows.finish[r] = "deadline"  # its answer so far; the others go on
                continue
            token = int(chosen[r])
            if token in self._eos:
                rows.finish[r] = "stop"
                continue
            rows.tokens[r].append(token)
            rows.logprobs[r].append(picked[r])
            if on_token is not None:
                on_token(rows.indices[r], token, self.decode([token]))
            if len(rows.tokens[r]) >= rows.max_tokens[r]:
                rows.finish[r] = "length"
        return all(f is not None for f in rows.finish)

    # -- label scoring -----------------------------------------------------------------------

    def score_labels(
        self,
        messages: Sequence[ChatMessage],
        labels: Sequence[str],
        *,
        complete: bool = True,
        deadline: float | None = None,
        adapter: AdapterRef | None = None,
    ) -> list[LabelScore]:
        """Score each label as the answer: its tokens, then (``complete``) the end of the turn.

        The prompt is prefilled once; each label is appended token by token and the generator
        rewound to the prompt afterwards, so the prompt's KV cache is reused across labels.
        """
        if not labels:
            return []
        prompt = self.prompt_tokens(messages)
        encoded = self._chat.label_tokens(labels, complete=complete)
        if any(not e for e in encoded):
            raise EngineError(
                "an empty label cannot be scored without the end of the turn", code="bad_request",
            )
        longest = max(len(e) for e in encoded)
        if len(prompt) + longest > self._info.context_length:
            raise InputTooLong(
                f"The prompt ({len(prompt)} tokens) and the longest label do not fit the "
                f"engine's context of {self._info.context_length} tokens: shorten the input.",
            )
        with self._lock:
            generator = self._new_generator(len(prompt) + longest, 1, Sampling(), adapter=adapter)
            try:
                generator.append_tokens(np.asarray(prompt, dtype=np.int32))
                first = generator.get_logits()[:, -1, :].astype(np.float32)
                scores: list[LabelScore] = []
                for label, label_tokens in zip(labels, encoded, strict=True):
                    _check_deadline(deadline, len(scores), len(labels))
                    total = token_logprobs(first, np.asarray(label_tokens[:1], dtype=np.int32))[0]
                    for position in range(1, len(label_tokens)):
                        generator.append_tokens(
                            np.asarray(label_tokens[position - 1 : position], dtype=np.int32),
                        )
                        logits = generator.get_logits()[:, -1, :]
                        target = np.asarray(label_tokens[position : position + 1], dtype=np.int32)
                        total += token_logprobs(logits, target)[0]
                    if len(label_tokens) > 1:
                        generator.rewind_to(len(prompt))
                    scores.append(LabelScore(label, total, len(label_tokens)))
            except DeadlineExceeded:
                raise
            except Exception as exc:
                raise EngineError(f"label scoring failed: {exc}") from None
        return scores

    # -- lifecycle ---------------------------------------------------------------------------

    def health(self) -> EngineHealth:
        return health_by_generating(self.generate)

    def close(self) -> None:
        # Dropping the references frees the session; onnxruntime-genai has no explicit close.
        self.__dict__.pop("_chat", None)
        self.__dict__.pop("_model", None)


@dataclasses.dataclass
class _Rows:
    """One batch's requests and what has been generated for each so far."""

    prompts: list[list[int]]
    max_tokens: list[int]
    indices: list[int]
    deadlines: list[float | None]
    tokens: list[list[int]] = dataclasses.field(default_factory=list)
    logprobs: list[list[float]] = dataclasses.field(default_factory=list)
    finish: list[FinishReason | None] = dataclasses.field(default_factory=list)

    def __post_init__(self) -> None:
        self.tokens = [[] for _ in self.prompts]
        self.logprobs = [[] for _ in self.prompts]
        self.finish = [None for _ in self.prompts]


def _check_deadline(deadline: float | None, done: int, total: int) -> None:
    if deadline is not None and time.monotonic() >= deadline:
        raise DeadlineExceeded(f"the deadline passed after {done} of {total} labels were scored")
