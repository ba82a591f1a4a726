"""The cloud's side of the daemon: escalations and shadow comparisons on their own small pool.

Cloud calls block for seconds: they run here, never on the engine's worker. A semaphore bounds
what may wait for them, as the scheduler bounds the engine's queue; when it is full the request
is answered locally (or gets ``busy``) instead of queueing for the cloud. Replies go out through
``Replies``, like every other.
"""

from __future__ import annotations

import logging
import threading
from concurrent.futures import ThreadPoolExecutor

from edged.escalation.router import EscalationDecision
from edged.escalation.service import EscalationOutcome, Escalator
from edged.requests import Request
from edged.service.metrics import ServiceMetrics
from edged.service.replies import InFlight, Replies
from edged.service.runner import TaskResult
from edged.service.scheduler import Job

log = logging.getLogger(__name__)


class EscalationDispatch:
    """Decides with the escalator, sends to the cloud on the pool, answers through ``replies``."""

    def __init__(
        self, escalator: Escalator, replies: Replies, metrics: ServiceMetrics, *, workers: int
    ) -> None:
        self.escalator = escalator
        self.replies = replies
        self.metrics = metrics
        self._pool = ThreadPoolExecutor(max_workers=workers, thread_name_prefix="edged-cloud")
        self._slots = threading.BoundedSemaphore(workers * 4)

    def close(self) -> None:
        """Escalations in flight end by their requests' deadlines; wait for their replies."""
        self._pool.shutdown(wait=True)

    def _escalator(self, item: InFlight) -> Escalator:
        """The escalator the request was parsed under: a reload's new policy is for later ones."""
        return item.escalator or self.escalator

    def take_busy(self, item: InFlight) -> bool:
        """The engine's queue is full: True when the cloud takes the request instead."""
        decision = self._escalator(item).decide(item.request, error_code="busy")
        return decision.escalate and self._submit(item, None, None, decision)

    def answer(self, job: Job[InFlight], result: TaskResult) -> None:
        """The engine's result: to the cloud when a trigger fires (and the pool has room), else
        back to the client as it is, with the reason when the cloud should have answered."""
        decision = self._escalator(job.item).decide(
            job.item.request, error_code=result.error_code, valid=result.valid, confidence=result.confidence,
        )
        if decision.escalate and self._submit(job.item, job, result, decision):
            return
        self.answer_locally(job, result, decision)

    def answer_locally(self, job: Job[InFlight], result: TaskResult, decision: EscalationDecision) -> None:
        sent = self.replies.local(job, result, decision)
        if sent is None:
            return
        request, escalator = job.item.request, self._escalator(job.item)
        self.metrics.add_cost_avoided(escalator.record_local(request, result.usage))
        if sent == "clean" and escalator.wants_shadow(request):
            self._shadow(escalator, request, result)

    def _submit(self, item: InFlight, job: Job[InFlight] | None, local: TaskResult | None,
                decision: EscalationDecision) -> bool:
        """Hand the request to the cloud pool; False (nothing done) when the pool is full."""
        if not self._slots.acquire(blocking=False):
            return False
        self.replies.track(item)
        try:
            self._pool.submit(self._escalate, item, job, local, decision)
        except RuntimeError:  # the pool is shut down: we are stopping
            self._slots.release()
            return False
        return True

    def _escalate(self, item: InFlight, job: Job[InFlight] | None, local: TaskResult | None,
                  decision: EscalationDecision) -> None:
        request = item.request
        self.metrics.escalation(decision.trigger or "unknown")
        try:
            outcome = self._escalator(item).escalate(request, decision)
        except Exception as exc:  # a bug on the cloud path must not lose the request
            log.exception("request %s: escalation failed unexpectedly", request.request_id)
            outcome = EscalationOutcome(False, error_code="cloud_unavailable", error_message=str(exc))
        finally:
            self._slots.release()
        self.metrics.add_redactions(outcome.placeholders)
        self.metrics.add_cloud_spend(outcome.cost)
        if outcome.ok:
            self.replies.cloud(item, job, local, decision, outcome)
            return
        self.metrics.escalation_failed(outcome.error_code or "cloud_unavailable")
        if local is not None and local.ok and job is not None:
            # The local answer is better than none: degraded, with both reasons.
            failed = EscalationDecision(False, decision.trigger, f"cloud failed: {outcome.error_code}")
            self.answer_locally(job, local, failed)
            return
        self.replies.error(item, outcome.error_code or "cloud_unavailable",
                           f"the request needed the cloud ({decision.trigger}) and it failed: "
                           f"{outcome.error_message}", job=job, engine_ms=local.engine_ms if local else 0.0)

    def _shadow(self, escalator: Escalator, request: Request, result: TaskResult) -> None:
        """After the reply is out: the same request to the cloud, to measure agreement."""
        if not self._slots.acquire(blocking=False):
            return  # shadowing is best effort: never queue for it

        def run() -> None:
            try:
                escalator.shadow(request, result.output, result.confidence)
            except Exception:
                log.exception("request %s: shadow comparison failed", request.request_id)
            finally:
                self._slots.release()

        try:
            self._pool.submit(run)
        except RuntimeError:
            self._slots.release()
