"""Continuous (iteration-level) batching on the CPU: requests join a running batch at the next
step and leave it when they finish, whichever ``generate`` call they came from.

onnxruntime-genai's own ``og.Engine`` batches this way but reports no log-probabilities, which the
router needs, and a ``Generator`` cannot take new rows mid-run; so this engine runs the same model
folder on onnxruntime directly (``edged.engines.onnx_slots``). One step thread owns the model: it
prefills joining requests alone into free slots (a long prompt a chunk at a time), then runs one
decode step for every active slot, and in between a piece of label scoring (a prompt chunk or a
label). Guided generation, which needs llguidance, runs on an ``OnnxGenaiEngine`` loaded from the
same folder on first use, in its caller's thread beside the step thread.
"""

from __future__ import annotations

import dataclasses
import threading
import time
from collections import deque
from collections.abc import Callable, Generator, Sequence
from pathlib import Path
from typing import Any, TypeVar

import numpy as np
import numpy.typing as npt

from edged.backends import backend_spec
from edged.engines.adapter_onnx import AdapterCache
from edged.engines.base import (
    AdapterRef,
    ChatMessage,
    EngineHealth,
    EngineInfo,
    GenerationRequest,
    GenerationResult,
    LabelScore,
    TokenCallback,
    check_fits_context,
    health_by_generating,
)
from edged.engines.chat_tokens import ChatTextSide, ChatTokenizer
from edged.engines.continuous_rows import Call, Row, SteppedCall, Ticket
from edged.engines.logits import sample_token, token_logprobs
from edged.engines.lora_slots import LoadedLora, load_lora
from edged.engines.onnx_genai import OnnxGenaiEngine, import_genai
from edged.engines.onnx_slots import SlotModel, chunk_end
from edged.errors import DeadlineExceeded, EngineError, InputTooLong, StoreError

T = TypeVar("T")
CLOSE_WAIT_S = 30.0
# Shared prompt prefixes (system prompts) whose KV is kept, in tokens: 1024 hold 47 MB for
# SmolLM2-135M (30 layers x 2 x 3 heads x 64 x 4 bytes per token).
PREFIX_TOKENS = 1024
# Requests the running batch holds at once, unless the manifest allows more. Measured with `edged
# bench engine --continuous` on 2 cores: 8 callers got 1.91x one caller's throughput with 4 slots
# (TTFT p50 3.1 s, half of them queued) and 2.20-2.43x with 8 (TTFT p50 0.5-0.7 s).
SLOTS = 8
# Prompt tokens prefilled between two decode steps: a 1,800-token prompt took 5.5 s to prefill on
# one core, all of it a stall for the running rows; 128 tokens take about 0.4 s.
PREFILL_CHUNK = 128


def _scored(model: SlotModel, prompt: list[int], labels: list[list[int]], deadline: float | None,
            lora: LoadedLora | None) -> Generator[None, None, list[float]]:
    """Label scoring a piece at a time (a prompt chunk, a label) between decode steps."""
    try:
        totals: list[float] = yield from model.score(prompt, labels, deadline, chunk=PREFILL_CHUNK, lora=lora)
    except DeadlineExceeded:
        raise
    except Exception as exc:  # onnxruntime's own errors
        raise EngineError(f"label scoring failed: {exc}") from None
    return totals


class GuidedEngine:
    """Guided requests, which need llguidance, run on an OnnxGenaiEngine loaded from the same folder
    on first use, one call at a time, in the caller's thread beside the step thread: the running
    batch goes on between the guided answer's tokens instead of waiting for all of it
    (onnxruntime-genai holds the GIL during a call, onnxruntime releases it while it runs, so the
    two take turns token by token)."""

    def __init__(self, path: Path, info: EngineInfo) -> None:
        self._path, self._info = path, info
        self._engine: OnnxGenaiEngine | None = None
        self._lock = threading.Lock()

    def generate(self, requests: Sequence[GenerationRequest], indices: list[int],
                 on_token: TokenCallback | None, check_open: Callable[[], None]) -> list[GenerationResult]:
        def relay(row: int, token: int, text: str) -> None:
            if on_token is not None:
                on_token(indices[row], token, text)

        with self._lock:
            check_open()
            if self._engine is None:
                self._engine = OnnxGenaiEngine(self._path, self._info)
            return self._engine.generate([requests[i] for i in indices], relay)

    def close(self) -> None:
        if self._lock.acquire(timeout=CLOSE_WAIT_S):  # after a guided call in flight ends
            try:
                if self._engine is not None:
                    self._engine.close()
            finally:
                self._lock.release()


class ContinuousOnnxEngine(ChatTextSide):
    """An ONNX Runtime GenAI model folder behind the Engine protocol, with continuous batching.
    Unlike the protocol's default, ``generate`` may be called from many threads at once: each
    call's requests join the running batch and the call returns when they have finished."""

    def __init__(self, path: Path, info: EngineInfo, *, slots: int | None = None,
                 threads: int | None = None, prefix_tokens: int = PREFIX_TOKENS) -> None:
        extra = backend_spec(info.backend).extra
        og = import_genai(extra)
        self._info = info
        try:
            self._chat = ChatTokenizer(og.Tokenizer(str(path)))
        except Exception as exc:  # onnxruntime-genai raises bare RuntimeError
            raise StoreError(
                f"The tokenizer in {path} could not be loaded ({exc}). Its files are corrupt or "
                "incomplete: rebuild it with `edged engine build --force`.",
                code="engine_corrupt",
            ) from None
        slots = slots or max(info.max_batch_size, SLOTS)
        # What the daemon reads: calls may come from several threads, and this many run at once.
        self._info = dataclasses.replace(info, concurrent=True, max_batch_size=slots)
        self._model = SlotModel(path, slots=slots, context_length=info.context_length, extra=extra,
                                threads=threads, prefix_tokens=prefix_tokens)
        self._guided = GuidedEngine(path, info)
        self._loras = AdapterCache(load_lora)
        self._cond = threading.Condition()
        self._waiting: deque[Row] = deque()
        self._calls: deque[Call[Any]] = deque()
        self._stepping: list[SteppedCall[Any]] = []  # under way a piece per step (step thread only)
        self._tickets: set[Ticket] = set()
        self._active: list[Row] = []  # slot i holds _active[i]; only the step thread touches it
        self._filling: Row | None = None  # a long prompt part-prefilled, in slot len(_active)
        self._step_totals: dict[int, tuple[int, float]] = {}  # rows -> (steps, seconds) of decode steps
        self._closed = False
        self._thread = threading.Thread(target=self._loop, name="edged-continuous", daemon=True)
        self._thread.start()

    @property
    def info(self) -> EngineInfo:
        return self._info

    @property
    def stop_tokens(self) -> frozenset[int]:
        return self._chat.eos

    def prefix_length(self, messages: Sequence[ChatMessage]) -> int:
        """Leading prompt tokens whose KV this engine may reuse across requests (0: none)."""
        return self._chat.prefix_length(messages) if self._model.prefixes.budget else 0

    # -- the callers' side -----------------------------------------------------------------------

    def generate(
        self,
        requests: Sequence[GenerationRequest],
        on_token: TokenCallback | None = None,
    ) -> list[GenerationResult]:
        prompts = [self._chat.prompt_tokens(r.messages) for r in requests]
        check_fits_context(requests, prompts, self._info.context_length)
        ticket = Ticket(on_token)
        rows = [Row(request, prompt, index, ticket) for index, (request, prompt)
                in enumerate(zip(requests, prompts, strict=True)) if request.guidance is None]
        for row in rows:
            row.prefix = self.prefix_length(row.request.messages)
            row.lora = self._lora(row.request.adapter)
        guided = [index for index, request in enumerate(requests) if request.guidance is not None]
        ticket.remaining = len(rows)
        with self._cond:
            self._check_open()
            self._tickets.add(ticket)
            self._waiting.extend(rows)
            self._cond.notify_all()
        try:
            guided_results = (self._guided.generate(requests, guided, on_token, self._check_open)
                              if guided else [])
            ticket.wait()
        except BaseException as exc:
            ticket.fail(exc)  # its rows still in the batch leave at the next step
            raise
        finally:
            with self._cond:
                self._tickets.discard(ticket)
        results: list[GenerationResult | None] = [None] * len(requests)
        for row in rows:
            results[row.index] = row.result(self._chat)
        for index, result in zip(guided, guided_results, strict=True):
            results[index] = result
        return [r for r in results if r is not None]

    def score_labels(
        self,
        messages: Sequence[ChatMessage],
        labels: Sequence[str],
        *,
        complete: bool = True,
        deadline: float | None = None,
        adapter: AdapterRef | None = None,
    ) -> list[LabelScore]:
        """Each label's log-probability as the answer, computed between two steps of the batch."""
        if not labels:
            return []
        prompt = self._chat.prompt_tokens(messages)
        encoded = self._chat.label_tokens(labels, complete=complete)
        if any(not e for e in encoded):
            raise EngineError(
                "an empty label cannot be scored without the end of the turn", code="bad_request",
            )
        if len(prompt) + max(len(e) for e in encoded) > self._info.context_length:
            raise InputTooLong(
                f"The prompt ({len(prompt)} tokens) and the longest label do not fit the "
                f"engine's context of {self._info.context_length} tokens: shorten the input.",
            )
        lora = self._lora(adapter)
        call = SteppedCall(lambda: _scored(self._model, prompt, encoded, deadline, lora))
        with self._cond:
            self._check_open()
            self._calls.append(call)
            self._cond.notify_all()
        totals = call.wait()
        return [LabelScore(label, total, len(tokens))
                for label, total, tokens in zip(labels, totals, encoded, strict=True)]

    def teacher_forced(self, prompt: Sequence[int], forced: Sequence[int]) -> tuple[list[int], list[float]]:
        """This engine's top-1 token and the forced token's log-probability at each position of
        ``forced`` after ``prompt`` (run on the step thread, between steps)."""
        return self._on_loop(lambda: self._model.teacher_forced(prompt, forced))

    def _lora(self, adapter: AdapterRef | None) -> LoadedLora | None:
        """The adapter's tensors, loaded in the caller's thread (a bad file fails its call only)."""
        return self._loras.get(adapter) if adapter is not None else None

    def _on_loop(self, work: Callable[[], T]) -> T:
        call = Call(work)
        with self._cond:
            self._check_open()
            self._calls.append(call)
            self._cond.notify_all()
        return call.wait()

    def _check_open(self) -> None:
        if self._closed:
            raise EngineError("the engine is closed")

    def health(self) -> EngineHealth:
        return health_by_generating(self.generate)

    def decode_step_ms(self) -> dict[int, float]:
        """The mean time of one decode step by the number of rows in it, since the engine started."""
        return {rows: 1e3 * seconds / steps for rows, (steps, seconds) in sorted(self._step_totals.items())}

    def close(self) -> None:
        """Stop the step thread; every caller still waiting gets EngineError."""
        with self._cond:
            if self._closed:
                return
            self._closed = True
            closed = EngineError("the engine was closed while the request ran")
            for ticket in self._tickets:
                ticket.fail(closed)
            for call in [*self._calls, *self._stepping]:
                call.fail(closed)
            self._calls.clear()
            self._cond.notify_all()
        if threading.current_thread() is not self._thread:
            self._thread.join(CLOSE_WAIT_S)
        self._guided.close()
        self._model.close()

    # -- the step thread -------------------------------------------------------------------------

    def _loop(self) -> None:
        while True:
            with self._cond:
                while not (self._closed or self._calls or self._stepping or self._active or self._waiting
                           or self._filling):
                    self._cond.wait()
                if self._closed:
                    return
                calls = list(self._calls)
                self._calls.clear()
                self._expire_waiting()
            try:
                for call in calls:
                    if isinstance(call, SteppedCall):
                        self._stepping.append(call)
                    else:
                        call.run()
                # one piece of each stepped call (a prompt chunk, a label) per decode step
                self._stepping = [call for call in self._stepping if not call.advance()]
                self._admit()
                if self._active:
                    self._step()
            except Exception as exc:  # a bug here must not leave callers waiting for ever
                failure = EngineError(f"the batch failed: {exc}")
                for row in [*self._active, *([self._filling] if self._filling else [])]:
                    row.ticket.fail(failure)
                self._active, self._filling = [], None

    def _expire_waiting(self) -> None:
        """Waiting rows past their deadline, or whose call failed, leave the queue (lock held)."""
        now = time.monotonic()
        for row in [r for r in self._waiting if r.ticket.failed or r.past_deadline(now)]:
            self._waiting.remove(row)
            if not row.ticket.failed:
                row.finish("deadline")

    def _admit(self) -> None:
        """Prefill at most PREFILL_CHUNK prompt tokens: whole short prompts, and a chunk of a long
        one, which goes on after the next decode step, so a long prompt holds the running rows up
        for a chunk at a time. The row being prefilled sits in the slot after the active ones."""
        budget = PREFILL_CHUNK
        while budget > 1:
            row = self._filling or self._start_next()
            if row is None:
                return
            self._filling = None
            if row.ticket.failed or row.past_deadline(time.monotonic()):
                if not row.ticket.failed:
                    row.finish("deadline")
                continue
            stop = chunk_end(row.length, len(row.prompt), budget)
            try:
                logits = self._model.prefill(len(self._active), row.prompt, row.length, stop, row.lora)
            except Exception as exc:  # onnxruntime's own errors
                row.ticket.fail(EngineError(f"prefill failed: {exc}"))
                continue
            budget -= stop - row.length
            row.length = stop
            if stop < len(row.prompt):
                self._filling = row
                return
            self._first_token(row, logits)

    def _start_next(self) -> Row | None:
        """The next waiting request, with its shared prefix's KV copied in, if a slot is free."""
        with self._cond:
            if not self._waiting or len(self._active) >= self._model.slots:
                return None
            row = self._waiting.popleft()
        row.admitted_at = time.perf_counter()
        self._model.ensure_capacity(len(row.prompt) + row.request.max_tokens)
        row.length = self._model.load_prefix(len(self._active), row.prompt, row.prefix, row.lora)
        return row

    def _first_token(self, row: Row, logits: npt.NDArray[np.float32]) -> None:
        """A prompt is in: keep its shared prefix, take its first token, and join the batch."""
        self._model.store_prefix(len(self._active), row.prompt, row.prefix, row.lora)
        row.prefilled_at = time.perf_counter()
        token = sample_token(logits, row.request.sampling, row.rng)
        row.take(token, token_logprobs(logits[None, :], np.asarray([token], dtype=np.int32))[0],
                 self._chat, self._chat.eos)
        if row.finish_reason is None and not row.ticket.failed:
            self._active.append(row)

    def _step(self) -> None:
        """One decode step for every active slot, then the rows that finished leave."""
        active = self._active
        started = time.perf_counter()
        try:
            logits = self._model.decode([r.next_token for r in active], [r.length for r in active],
                                        [r.lora for r in active])
            steps, seconds = self._step_totals.get(len(active), (0, 0.0))
            self._step_totals[len(active)] = (steps + 1, seconds + time.perf_counter() - started)
        except Exception as exc:
            failure = EngineError(f"decoding failed: {exc}")
            for row in active:
                row.ticket.fail(failure)
            self._active = []
            return
        greedy = np.argmax(logits, axis=1)
        chosen = np.asarray([int(greedy[b]) if row.request.sampling.greedy
                             else sample_token(logits[b], row.request.sampling, row.rng)
                             for b, row in enumerate(active)], dtype=np.int32)
        picked = token_logprobs(logits, chosen)
        for b, row in enumerate(active):
            row.length += 1
            if not row.ticket.failed:
                row.take(int(chosen[b]), picked[b], self._chat, self._chat.eos)
        self._leave()

    def _leave(self) -> None:
        """Free the slots of finished (or cancelled) rows, moving the last active row into each
        freed slot so the active slots stay a contiguous prefix."""
        active = self._active
        before = len(active)
        for slot in range(len(active) - 1, -1, -1):
            if active[slot].finish_reason is None and not active[slot].ticket.failed:
                continue
            last = active.pop()
            if slot < len(active):
                self._model.move(len(active), slot, last.length)
                active[slot] = last
        if self._filling is not None and len(active) < before:  # it sits after the active rows
            self._model.move(before, len(active), self._filling.length)

