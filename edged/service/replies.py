"""Every request's one reply: the guard that makes a second impossible, the counts, the metrics
and the timings that go with it. The intake (``daemon.py``) and the cloud dispatch
(``dispatch.py``) both answer through here, so a count or a metric has one place to live."""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Literal

from edged.errors import ErrorCode
from edged.escalation.router import EscalationDecision
from edged.escalation.service import EscalationOutcome, Escalator
from edged.requests import Request
from edged.service.metrics import ServiceMetrics
from edged.service.protocol import ok_reply, request_error_reply
from edged.service.runner import TaskResult
from edged.service.scheduler import Job
from edged.service.transport import Transport
from edged.tasks import TaskConfig

log = logging.getLogger(__name__)

LocalReply = Literal["clean", "degraded"]


@dataclass
class InFlight:
    """A request between its arrival and its one reply, with the task table and escalator it was
    parsed under (a reload swaps them for later requests only)."""

    request: Request
    tasks: Mapping[str, TaskConfig] | None = None  # None: the runner's own
    escalator: Escalator | None = None  # None: the dispatch's own
    answered: bool = False
    lock: threading.Lock = field(default_factory=threading.Lock)
    # Sent to the cloud first (forced, or a cloud-mode task) and the cloud failed: the engine's
    # answer goes back degraded with this reason, and is not escalated again.
    cloud_failed: EscalationDecision | None = None


class Replies:
    """Sends replies through the transport; each request's first reply wins, any later one is
    dropped (a guard per request), also while the daemon stops."""

    def __init__(
        self,
        transport: Transport,
        metrics: ServiceMetrics,
        *,
        model: str,
        clock: Callable[[], float],
    ) -> None:
        self.transport = transport
        self.metrics = metrics
        self.model = model
        self.clock = clock
        self._in_flight: dict[int, InFlight] = {}
        self._in_flight_lock = threading.Lock()

    def track(self, item: InFlight) -> None:
        """Held by the engine or the cloud: a stop that outlasts it still answers it."""
        with self._in_flight_lock:
            self._in_flight[id(item)] = item

    def unanswered(self) -> list[InFlight]:
        with self._in_flight_lock:
            return list(self._in_flight.values())

    def claim(self, item: InFlight) -> bool:
        """True exactly once per request: the caller then sends its one reply."""
        with item.lock:
            if item.answered:
                return False
            item.answered = True
        with self._in_flight_lock:
            self._in_flight.pop(id(item), None)
        return True

    def timings(self, item: InFlight, job: Job[InFlight] | None, engine_ms: float) -> dict[str, float]:
        now = self.clock()
        queue_ms = ((job.started_at or now) - job.enqueued_at) * 1e3 if job else 0.0
        return {
            "queue": round(queue_ms, 2),
            "engine": round(engine_ms, 2),
            "total": round((now - item.request.received_at) * 1e3, 2),
        }

    def error(
        self,
        item: InFlight,
        code: ErrorCode,
        message: str,
        *,
        job: Job[InFlight] | None = None,
        engine_ms: float = 0.0,
        partial: object | None = None,
    ) -> None:
        if not self.claim(item):
            return
        self.observe(item, job, code, engine_ms=engine_ms)
        request = item.request
        log.info("request %s failed [%s]", request.request_id, code)
        self.transport.publish(
            request.reply_topic,
            request_error_reply(
                request, code, message, timings_ms=self.timings(item, job, engine_ms), partial=partial
            ),
            correlation=request.correlation,
        )

    def local(
        self, job: Job[InFlight], result: TaskResult, decision: EscalationDecision | None
    ) -> LocalReply | None:
        """The engine's answer (or its error). "clean" or "degraded" when an answer went out, None
        when an error did or another reply came first."""
        item = job.item
        if not result.ok:
            self.error(
                item,
                result.error_code or "engine_error",
                result.error_message or "failed",
                job=job,
                engine_ms=result.engine_ms,
                partial=result.output,  # a free-text answer cut at its deadline, else None
            )
            return None
        if not self.claim(item):
            return None
        request = item.request
        timings = self.timings(item, job, result.engine_ms)
        log.info("request %s answered (task %s, %d ms)", request.request_id, request.task, timings["total"])
        # An answer the cloud should have given but could not (blocked, or failed) goes back
        # marked degraded with the reason, as does one that failed validation.
        reason = decision.reason if decision is not None and decision.trigger else None
        if reason is None and not result.valid:
            reason = result.problem
        degraded = not result.valid or reason is not None
        outcome = "degraded" if degraded else "ok"
        self.observe(item, job, outcome, engine_ms=result.engine_ms, usage=result.usage)
        self.transport.publish(
            request.reply_topic,
            ok_reply(
                request,
                output=result.output,
                source="edge",
                confidence=result.confidence,
                escalated=False,
                reason=reason,
                model=self.model,
                usage=result.usage,
                timings_ms=timings,
                degraded=degraded,
            ),
            correlation=request.correlation,
        )
        return "degraded" if reason is not None else "clean"

    def cloud(
        self,
        item: InFlight,
        job: Job[InFlight] | None,
        local: TaskResult | None,
        decision: EscalationDecision,
        outcome: EscalationOutcome,
    ) -> None:
        """The cloud's answer, with the local usage beside the cloud's tokens."""
        if not self.claim(item):
            return
        request = item.request
        local_usage = local.usage if local is not None else {}
        engine_ms = local.engine_ms if local is not None else 0.0
        timings = self.timings(item, job, engine_ms)
        timings["cloud"] = round(outcome.cloud_ms, 2)
        for note in outcome.notes:
            log.warning("request %s: %s", request.request_id, note)
        reason = decision.trigger if outcome.valid else f"{decision.trigger}; {outcome.problem}"
        self.observe(item, job, "ok" if outcome.valid else "degraded", source="cloud", engine_ms=engine_ms,
                     usage={**local_usage, "cloud_tokens": outcome.cloud_tokens})
        log.info("request %s answered by the cloud (task %s, trigger %s, %d ms)", request.request_id,
                 request.task, decision.trigger, timings["total"])
        self.transport.publish(
            request.reply_topic,
            ok_reply(
                request,
                output=outcome.output,
                source="cloud",
                confidence=local.confidence if local is not None else None,
                escalated=True,
                reason=reason,
                model=outcome.cloud_model or "cloud",
                usage={"prompt_tokens": local_usage.get("prompt_tokens", 0),
                       "completion_tokens": local_usage.get("completion_tokens", 0),
                       "cloud_tokens": outcome.cloud_tokens},
                timings_ms=timings,
                degraded=not outcome.valid,
            ),
            correlation=request.correlation,
        )

    def observe(
        self,
        item: InFlight,
        job: Job[InFlight] | None,
        outcome: str,
        *,
        source: str | None = None,
        engine_ms: float = 0.0,
        usage: dict[str, int] | None = None,
    ) -> None:
        """Count one reply in the metrics: its task, who answered, the outcome and the times."""
        request = item.request
        now = self.clock()
        started = job.started_at if job is not None else None
        if source is None:
            source = "edge" if started is not None else "none"
        self.metrics.request_done(
            request.task,
            source,
            outcome,
            total_s=max(0.0, now - request.received_at),
            queue_s=((started or now) - job.enqueued_at) if job is not None else None,
            engine_s=engine_ms / 1e3,
        )
        if usage:
            self.metrics.add_tokens(usage)
