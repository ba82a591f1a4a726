"""The cloud's side of the daemon: escalations and shadow comparisons on their own small pool.

Cloud calls block for seconds: they run here, never on the engine's worker. A semaphore bounds
what may wait for them, as the scheduler bounds the engine's queue; when it is full the request
is answered locally (or gets ``busy``) instead of queueing for the cloud. Replies go out through
``Replies``, like every other.

A request the cloud answers whatever the engine says (``"escalation": "force"``, a task in
``mode = "cloud"``) goes to the pool at intake and never waits in the engine's queue; the engine
sees it only when the cloud fails and a local answer is the fallback.
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from typing import Final

from edged.escalation.router import EscalationDecision
from edged.escalation.service import EscalationOutcome, Escalator
from edged.requests import Request
from edged.service.metrics import ServiceMetrics
from edged.service.replies import InFlight, Replies
from edged.service.runner import TaskResult
from edged.service.scheduler import Job

log = logging.getLogger(__name__)

# Triggers that do not depend on the engine's answer: the cloud is asked first.
CLOUD_FIRST: Final = frozenset({"client_force", "policy_cloud"})
# A cloud-first request keeps this share of its time left (at most the cap) for the engine's
# answer, should the cloud fail or be slow.
FALLBACK_SHARE: Final = 0.5
FALLBACK_RESERVE_MAX_S: Final = 10.0


class EscalationDispatch:
    """Decides with the escalator, sends to the cloud on the pool, answers through ``replies``."""

    def __init__(
        self,
        escalator: Escalator,
        replies: Replies,
        metrics: ServiceMetrics,
        *,
        workers: int,
        fallback: Callable[[InFlight], bool] | None = None,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self.escalator = escalator
        self.replies = replies
        self.metrics = metrics
        # Queues a request for the engine (True when it was taken): the local fallback of a
        # request that went to the cloud first.
        self.fallback = fallback
        self.clock = clock
        self._pool = ThreadPoolExecutor(max_workers=workers, thread_name_prefix="edged-cloud")
        self._slots = threading.BoundedSemaphore(workers * 4)

    def close(self) -> None:
        """Escalations in flight end by their requests' deadlines; wait for their replies."""
        self._pool.shutdown(wait=True)

    def take_at_intake(self, item: InFlight) -> bool:
        """True when the cloud takes the request now, before the engine: it is forced or its task
        is cloud-only, the cloud is allowed, and the pool has room."""
        decision = self._escalator(item).decide(item.request)
        if not (decision.escalate and decision.trigger in CLOUD_FIRST):
            return False
        return self._submit(item, None, None, decision, cloud_first=True)

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
        if job.item.answered:
            return  # answered already (past its deadline in the engine): nothing may leave now
        if job.item.cloud_failed is not None:  # the fallback of a cloud-first request
            self.answer_locally(job, result, job.item.cloud_failed)
            return
        decision = self._escalator(job.item).decide(
            job.item.request, error_code=result.error_code, valid=result.valid, confidence=result.confidence,
        )
        if decision.escalate:
            if self._submit(job.item, job, result, decision):
                return
            # Wanted, allowed, but no room on the cloud pool: the reply says so.
            decision = EscalationDecision(False, decision.trigger, "the cloud pool is full")
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
                decision: EscalationDecision, *, cloud_first: bool = False) -> bool:
        """Hand the request to the cloud pool; False (nothing done) when the pool is full."""
        if not self._slots.acquire(blocking=False):
            return False
        self.replies.track(item)
        try:
            self._pool.submit(self._escalate, item, job, local, decision, cloud_first)
        except RuntimeError:  # the pool is shut down: we are stopping
            self._slots.release()
            return False
        return True

    def _escalate(self, item: InFlight, job: Job[InFlight] | None, local: TaskResult | None,
                  decision: EscalationDecision, cloud_first: bool) -> None:
        request = item.request
        self.metrics.escalation(decision.trigger or "unknown")
        deadline = None
        if cloud_first and self.fallback is not None:
            left = request.deadline_at - self.clock()
            deadline = request.deadline_at - min(FALLBACK_RESERVE_MAX_S, max(0.0, left) * FALLBACK_SHARE)
        try:
            outcome = self._escalator(item).escalate(request, decision, deadline=deadline)
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
        failed = EscalationDecision(False, decision.trigger, f"cloud failed: {outcome.error_code}")
        if local is not None and local.ok and job is not None:
            # The local answer is better than none: degraded, with both reasons.
            self.answer_locally(job, local, failed)
            return
        if cloud_first and self._fall_back(item, failed):
            return
        self.replies.error(item, outcome.error_code or "cloud_unavailable",
                           f"the request needed the cloud ({decision.trigger}) and it failed: "
                           f"{outcome.error_message}", job=job, engine_ms=local.engine_ms if local else 0.0)

    def _fall_back(self, item: InFlight, failed: EscalationDecision) -> bool:
        """A cloud-first request whose cloud call failed: to the engine, while its deadline
        leaves time (True), its answer then going back degraded with the reason."""
        if self.fallback is None or item.answered or item.request.deadline_at <= self.clock():
            return False
        item.cloud_failed = failed
        return self.fallback(item)

    def _shadow(self, escalator: Escalator, request: Request, result: TaskResult) -> None:
        """After the reply is out: the same request to the cloud, to measure agreement."""
        if not self._slots.acquire(blocking=False):
            return  # shadowing is best effort: never queue for it

        def run() -> None:
            try:
                escalator.shadow(request, result.output, result.confidence, result.adapter)
            except Exception:
                log.exception("request %s: shadow comparison failed", request.request_id)
            finally:
                self._slots.release()

        try:
            self._pool.submit(run)
        except RuntimeError:
            self._slots.release()
