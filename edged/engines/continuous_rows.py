"""The continuous-batching engine's bookkeeping: a request's row in the batch, the ticket its
caller waits on, and work handed to the step thread (``edged.engines.continuous``)."""

from __future__ import annotations

import threading
import time
from collections.abc import Callable, Generator
from typing import Generic, TypeVar

import numpy as np

from edged.engines.base import FinishReason, GenerationRequest, GenerationResult, Timings, TokenCallback
from edged.engines.chat_tokens import ChatTokenizer
from edged.engines.lora_slots import LoadedLora

T = TypeVar("T")


class Ticket:
    """One ``generate`` call: its callback, and an event set when all its rows have finished or
    the call failed (a callback raised, the model failed, the engine closed)."""

    def __init__(self, on_token: TokenCallback | None) -> None:
        self.on_token = on_token
        self.remaining = 0
        self.error: BaseException | None = None
        self._lock = threading.Lock()
        self._done = threading.Event()

    @property
    def failed(self) -> bool:
        return self.error is not None

    def finished_one(self) -> None:
        with self._lock:
            self.remaining -= 1
            if self.remaining <= 0:
                self._done.set()

    def fail(self, error: BaseException) -> None:
        with self._lock:
            if self.error is None:
                self.error = error
            self._done.set()

    def wait(self) -> None:
        if self.remaining > 0:
            self._done.wait()
        if self.error is not None:
            raise self.error


class Row:
    """A request in the batch: its prompt, what it has generated, and its KV length in its slot."""

    def __init__(self, request: GenerationRequest, prompt: list[int], index: int, ticket: Ticket) -> None:
        self.request = request
        self.prompt = prompt
        self.index = index  # in its generate call, for the callback and the results
        self.ticket = ticket
        self.rng = np.random.default_rng(request.sampling.seed)
        self.tokens: list[int] = []
        self.logprobs: list[float] = []
        self.finish_reason: FinishReason | None = None
        self.prefix = 0  # leading prompt tokens shared with other requests (their KV may be reused)
        self.lora: LoadedLora | None = None  # the request's adapter, loaded
        self.length = 0  # valid KV positions in its slot
        self.next_token = 0  # the token the next decode step feeds
        self.submitted_at = time.perf_counter()
        self.admitted_at: float | None = None  # when it left the queue for a slot
        self.prefilled_at: float | None = None
        self.first_token_at: float | None = None
        self.ended_at: float | None = None

    def past_deadline(self, now: float) -> bool:
        return self.request.deadline is not None and now >= self.request.deadline

    def take(self, token: int, logprob: float, chat: ChatTokenizer, stop: frozenset[int]) -> None:
        """A step's token for this row, judged as OnnxGenaiEngine judges it: past the deadline the
        token is dropped and the row ends; a stop token ends it; else it is kept and streamed."""
        if self.first_token_at is None:
            self.first_token_at = time.perf_counter()
        if self.past_deadline(time.monotonic()):
            self.finish("deadline")
            return
        if token in stop:
            self.finish("stop")
            return
        self.tokens.append(token)
        self.logprobs.append(logprob)
        if self.ticket.on_token is not None:
            try:
                self.ticket.on_token(self.index, token, chat.decode([token]))
            except Exception as exc:  # the caller's callback: its generate call raises it
                self.ticket.fail(exc)
                return
        if len(self.tokens) >= self.request.max_tokens:
            self.finish("length")
        else:
            self.next_token = token

    def finish(self, reason: FinishReason) -> None:
        self.finish_reason = reason
        self.ended_at = time.perf_counter()
        self.ticket.finished_one()

    def result(self, chat: ChatTokenizer) -> GenerationResult:
        """TTFT and the total count from the call, so waiting for a slot is part of them; the
        prefill counts from the slot, as it measures reading the prompt (the daemon learns its
        prefill rate from it, and a burst's queueing would make it seem several times slower)."""
        ended = self.ended_at or time.perf_counter()
        prefilled = self.prefilled_at or ended
        admitted = min(self.admitted_at or self.submitted_at, prefilled)
        first = self.first_token_at or ended
        return GenerationResult(
            text=chat.decode(self.tokens),
            token_ids=tuple(self.tokens),
            logprobs=tuple(self.logprobs),
            finish_reason=self.finish_reason or "length",
            prompt_tokens=len(self.prompt),
            timings=Timings(
                prefill_ms=(prefilled - admitted) * 1e3,
                ttft_ms=(first - self.submitted_at) * 1e3,
                decode_ms=(ended - first) * 1e3,
                total_ms=(ended - self.submitted_at) * 1e3,
            ),
        )


class Call(Generic[T]):
    """Work run on the step thread between two steps; its caller waits for the outcome."""

    def __init__(self, work: Callable[[], T]) -> None:
        self._work = work
        self._outcome: T | None = None
        self._error: BaseException | None = None
        self._done = threading.Event()

    def run(self) -> None:
        try:
            self._outcome = self._work()
        except Exception as exc:  # delivered to the caller, who raises it
            self._error = exc
        self._done.set()

    def fail(self, error: BaseException) -> None:
        self._error = error
        self._done.set()

    def wait(self) -> T:
        self._done.wait()
        if self._error is not None:
            raise self._error
        return self._outcome  # type: ignore[return-value]


class SteppedCall(Call[T]):
    """Work the step thread runs a piece at a time, one piece between two decode steps: ``work``
    returns a generator that yields after each piece and returns the outcome, so a long piece of
    work (scoring labels after a long prompt) does not hold the running rows up for its length."""

    def __init__(self, work: Callable[[], Generator[None, None, T]]) -> None:
        super().__init__(lambda: None)  # type: ignore[arg-type,return-value]
        self._steps_of = work
        self._steps: Generator[None, None, T] | None = None

    def run(self) -> None:
        while not self.advance():
            pass

    def advance(self) -> bool:
        """Run the next piece; True once the outcome (or an error) is in."""
        if self._done.is_set():
            return True
        try:
            if self._steps is None:
                self._steps = self._steps_of()
            next(self._steps)
        except StopIteration as stop:
            self._outcome = stop.value
        except Exception as exc:  # delivered to the caller, who raises it
            self._error = exc
        else:
            return False
        self._done.set()
        return True
