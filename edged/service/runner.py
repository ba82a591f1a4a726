"""Runs a batch of parsed requests through their tasks and the engine.

Generation tasks of one batch share one engine call; ``classify`` scores its labels per request.
An engine failure fails every request it touched with ``engine_error``, never the daemon.
"""

from __future__ import annotations

import dataclasses
import logging
import time
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field

from edged.engines.base import AdapterRef, ChatMessage, Engine, GenerationRequest, GenerationResult, Guidance
from edged.errors import AdapterError, DeadlineExceeded, EdgedError, ErrorCode, InputTooLong
from edged.escalation.router import generation_confidence
from edged.requests import LabelSet, Request
from edged.tasks import TaskConfig, build_messages
from edged.tasks.budget import guidance_schema
from edged.tasks.classify import YES_NO, label_questions, multi_outcome
from edged.tasks.confidence import value_logprobs
from edged.tasks.registry import request_kind

log = logging.getLogger(__name__)

# (index of the request in the batch, text piece)
ChunkCallback = Callable[[int, str], None]


@dataclass(frozen=True)
class TaskResult:
    output: object | None = None
    error_code: ErrorCode | None = None
    error_message: str | None = None
    confidence: float | None = None
    valid: bool = True
    problem: str | None = None
    usage: dict[str, int] = field(default_factory=dict)
    engine_ms: float = 0.0
    logprobs: tuple[float, ...] = ()
    # The generated answer as the engine wrote it, and where each token ends in it (guided answers).
    text: str = ""
    offsets: tuple[int, ...] = ()
    adapter: str | None = None  # the LoRA adapter the answer ran with

    @property
    def ok(self) -> bool:
        return self.error_code is None


# Tasks whose answer is free text: a part of it is still an answer, given as 'partial'.


def _confidence(output: GenerationResult) -> float | None:
    """A guided object answer's confidence from its value tokens only (the keys and punctuation
    were forced: their log-probs say nothing of the values); else from every token."""
    if output.offsets:
        values = value_logprobs(output.text, output.offsets, output.logprobs)
        if values:
            return generation_confidence(values)
    return generation_confidence(output.logprobs)


def _failure(code: ErrorCode, message: str, engine_ms: float = 0.0) -> TaskResult:
    return TaskResult(error_code=code, error_message=message, valid=False, engine_ms=engine_ms)


def prompt_token_bound(messages: Sequence[ChatMessage], empty_message_tokens: int) -> int:
    """At least the prompt's tokens: every token of a byte-level BPE or SentencePiece vocabulary
    covers at least one byte of the text, except SentencePiece's one leading space per text, so a
    message costs at most its UTF-8 bytes, plus what the chat template adds to an empty message
    (``empty_message_tokens``, measured on the engine), plus two."""
    return sum(empty_message_tokens + 2 + len(m.content.encode()) for m in messages)


class TaskRunner:
    def __init__(
        self,
        engine: Engine,
        tasks: Mapping[str, TaskConfig],
        clock: Callable[[], float] = time.monotonic,
        *,
        guided: bool = True,
        adapters: Mapping[str, AdapterRef | AdapterError] | None = None,
    ) -> None:
        self.engine = engine
        self.tasks = tasks
        # Each task's LoRA adapter, or why it cannot be served (a reload replaces the mapping).
        self.adapters: Mapping[str, AdapterRef | AdapterError] = adapters or {}
        self.clock = clock
        # Whether answers with a schema are decoded under it (the engine's backend supports
        # guidance); either way they are checked against it after decoding.
        self.guided = guided
        # Prompt tokens the engine reads per second, measured on its own batches (None until the
        # first one): a request whose input cannot be read before its deadline is refused up front.
        self.prefill_tokens_per_s: float | None = None
        self._empty_message_tokens: int | None = None  # the chat template's own tokens (see _prompt_tokens)

    def run(
        self,
        requests: Sequence[Request],
        on_chunk: ChunkCallback | None = None,
        *,
        tasks: Sequence[Mapping[str, TaskConfig] | None] | None = None,
    ) -> list[TaskResult]:
        """Each request's result; ``tasks``: the task table each was parsed under (a reload may
        have replaced this runner's since), None for this runner's."""
        results: list[TaskResult | None] = [None] * len(requests)
        generation: list[tuple[int, GenerationRequest]] = []
        for index, request in enumerate(requests):
            table = tasks[index] if tasks is not None else None
            try:
                messages = build_messages(
                    request.task,
                    request.input,
                    extra=request.extra,
                    config=table if table is not None else self.tasks,
                    labels=request.labels,
                )
            except (EdgedError, ValueError) as exc:
                results[index] = _failure("bad_request", str(exc))
                continue
            adapter = self.adapters.get(request.task)
            if isinstance(adapter, AdapterError):
                results[index] = _failure(adapter.code, f"task {request.task!r}: {adapter.message}")
                continue
            if request_kind(request).scored:
                scored = self._classify(request, messages, adapter)
                results[index] = dataclasses.replace(scored, adapter=adapter.name if adapter else None)
                continue
            try:
                prompt_tokens = self._prompt_tokens(request, messages)
                guidance = self._guidance(request)
            except Exception as exc:  # a tokenizer failure is the engine's
                log.exception("request %s: counting tokens failed", request.request_id)
                results[index] = _failure("engine_error", f"the engine could not tokenize the input: {exc}")
                continue
            context = self.engine.info.context_length
            late = self._too_late(request, prompt_tokens)
            if late is not None:
                results[index] = _failure("deadline_exceeded", late)
                continue
            if prompt_tokens + request.max_tokens > context:
                results[index] = _failure(
                    "input_too_long",
                    f"the input is {prompt_tokens} tokens; with max_tokens {request.max_tokens} it exceeds "
                    f"the local model's context of {context} tokens. Shorten the input or lower max_tokens.",
                )
                continue
            wanted = GenerationRequest(
                messages, max_tokens=request.max_tokens, deadline=request.deadline_at, guidance=guidance,
                adapter=adapter,
            )
            generation.append((index, wanted))
        if generation:
            self._generate(requests, generation, results, on_chunk)
        return [r if r is not None else _failure("engine_error", "no result") for r in results]

    def _generate(
        self,
        requests: Sequence[Request],
        generation: list[tuple[int, GenerationRequest]],
        results: list[TaskResult | None],
        on_chunk: ChunkCallback | None,
    ) -> None:
        positions = [index for index, _ in generation]
        adapters = {index: g.adapter.name if g.adapter is not None else None for index, g in generation}

        def forward(batch_index: int, _token: int, piece: str) -> None:
            if on_chunk is not None:
                on_chunk(positions[batch_index], piece)

        started = time.perf_counter()
        try:
            outputs = self.engine.generate([g for _, g in generation], forward if on_chunk else None)
        except (InputTooLong, AdapterError) as exc:
            elapsed = (time.perf_counter() - started) * 1e3
            for index in positions:
                results[index] = _failure(exc.code, exc.message, elapsed)
            return
        except Exception as exc:  # the engine's failure fails its requests, not the daemon
            elapsed = (time.perf_counter() - started) * 1e3
            log.exception("engine failed on a batch of %d", len(generation))
            for index in positions:
                results[index] = _failure("engine_error", f"the local engine failed: {exc}", elapsed)
            return
        elapsed = (time.perf_counter() - started) * 1e3
        self._learn_prefill(outputs)
        for index, output in zip(positions, outputs, strict=True):
            request = requests[index]
            if output.finish_reason == "deadline":
                stopped = _failure(
                    "deadline_exceeded",
                    f"the deadline of {request.deadline_ms} ms passed after {output.completion_tokens} "
                    "generated tokens; generation stopped there (its text so far is in 'partial'). "
                    "Raise deadline_ms or lower max_tokens.",
                    elapsed,
                )
                if request_kind(request).partial_readable:  # a cut JSON object would mislead; text does not
                    stopped = dataclasses.replace(stopped, output={"text": output.text})
                results[index] = stopped
                continue
            outcome = request_kind(request).read_answer(output.text, request.extra, request.schema)
            results[index] = TaskResult(
                output=outcome.output,
                confidence=outcome.confidence if outcome.confidence is not None else _confidence(output),
                valid=outcome.valid,
                problem=outcome.problem,
                usage={
                    "prompt_tokens": output.prompt_tokens,
                    "completion_tokens": output.completion_tokens,
                    "cloud_tokens": 0,
                },
                engine_ms=elapsed,
                logprobs=output.logprobs,
                text=output.text,
                offsets=output.offsets,
                adapter=adapters[index],
            )

    def _empty_tokens(self) -> int:
        """What the chat template adds to an empty user message (asked once)."""
        if self._empty_message_tokens is None:
            self._empty_message_tokens = self.engine.count_tokens((ChatMessage("user", ""),))
        return self._empty_message_tokens

    def _prompt_tokens(self, request: Request, messages: tuple[ChatMessage, ...]) -> int:
        """The prompt's length in tokens, or an upper bound of it where the bound already passes
        the checks it is for (context and deadline): most requests then cost no tokenizer call,
        which with the engine in its own process is a round trip (~0.4 ms)."""
        bound = prompt_token_bound(messages, self._empty_tokens())
        fits = bound + request.max_tokens <= self.engine.info.context_length
        if fits and self._too_late(request, bound) is None:
            return bound
        return self.engine.count_tokens(messages)

    def _guidance(self, request: Request) -> Guidance | None:
        """An answer with a schema is decoded under it, tightened so that its longest answer fits
        max_tokens (``edged.tasks.budget``); it is checked against the client's schema afterwards
        all the same. None for free text, or when the engine's backend has no guidance."""
        if request.schema is None or not self.guided:
            return None
        text = "\n".join(request.input.values())
        tokens = self.engine.count_tokens((ChatMessage("user", text),)) - self._empty_tokens()
        # Rounded so that one schema under one budget compiles to one text (and one cache entry).
        rate = round(tokens / len(text), 1) if text else 1.0
        return Guidance("json_schema", guidance_schema(request.schema, request.max_tokens, rate))

    def _too_late(self, request: Request, prompt_tokens: int) -> str | None:
        """Why the request cannot be answered in time, judged before the engine runs it."""
        left = request.deadline_at - self.clock()
        rate = self.prefill_tokens_per_s
        needed = prompt_tokens / rate if rate else 0.0
        if left <= 0 or needed > left:
            return (
                f"the deadline of {request.deadline_ms} ms leaves {max(left, 0.0) * 1e3:.0f} ms; reading "
                f"its {prompt_tokens}-token input alone takes about {needed * 1e3:.0f} ms here. Raise "
                "deadline_ms or shorten the input."
            )
        return None

    def _learn_prefill(self, outputs: Sequence[GenerationResult]) -> None:
        if not outputs:
            return
        tokens = sum(o.prompt_tokens for o in outputs)
        seconds = outputs[0].timings.prefill_ms / 1e3  # one prefill for the batch
        if tokens < 32 or seconds <= 0:
            return  # too short to say anything about the rate
        rate = tokens / seconds
        known = self.prefill_tokens_per_s
        self.prefill_tokens_per_s = rate if known is None else 0.7 * known + 0.3 * rate

    def _classify(self, request: Request, messages: tuple[ChatMessage, ...],
                  adapter: AdapterRef | None) -> TaskResult:
        started = time.perf_counter()
        try:
            prompt_tokens = self.engine.count_tokens(messages)
            late = self._too_late(request, prompt_tokens)
            if late is not None:
                return _failure("deadline_exceeded", late)
            if request.labels is not None and request.labels.multi:
                return self._classify_multi(request, request.labels, prompt_tokens, started, adapter)
            scores = self.engine.score_labels(messages, list(request.extra), deadline=request.deadline_at,
                                              adapter=adapter)
        except DeadlineExceeded as exc:
            return _failure(
                "deadline_exceeded",
                f"the deadline of {request.deadline_ms} ms passed while the labels were scored "
                f"({exc.message}); raise deadline_ms or send fewer or shorter labels.",
                (time.perf_counter() - started) * 1e3,
            )
        except (InputTooLong, AdapterError) as exc:
            return _failure(exc.code, exc.message, (time.perf_counter() - started) * 1e3)
        except Exception as exc:
            log.exception("request %s: label scoring failed", request.request_id)
            return _failure(
                "engine_error", f"the local engine failed: {exc}", (time.perf_counter() - started) * 1e3
            )
        outcome = request_kind(request).read_scores(scores)
        return TaskResult(
            output=outcome.output,
            confidence=outcome.confidence,
            valid=outcome.valid,
            problem=outcome.problem,
            usage={"prompt_tokens": prompt_tokens, "completion_tokens": 0, "cloud_tokens": 0},
            engine_ms=(time.perf_counter() - started) * 1e3,
        )

    def _classify_multi(
        self, request: Request, labels: LabelSet, prompt_tokens: int, started: float,
        adapter: AdapterRef | None,
    ) -> TaskResult:
        """Independent labels: each asked on its own as a yes/no question (scored, not generated).
        DeadlineExceeded and engine failures go to ``_classify``'s handlers."""
        answers = [
            self.engine.score_labels(question, list(YES_NO), deadline=request.deadline_at, adapter=adapter)
            for question in label_questions(request.input, request.extra, labels)
        ]
        outcome = multi_outcome(request.extra, answers, labels.threshold)
        return TaskResult(
            output=outcome.output,
            confidence=outcome.confidence,
            valid=outcome.valid,
            problem=outcome.problem,
            usage={"prompt_tokens": prompt_tokens, "completion_tokens": 0, "cloud_tokens": 0},
            engine_ms=(time.perf_counter() - started) * 1e3,
        )
