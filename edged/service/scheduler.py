"""A bounded queue with per-request deadlines, drained by one worker in batches.

Memory is bounded by construction: ``submit`` refuses at once when the queue is full (the
daemon answers ``busy``), it never waits and never grows the queue. Requests that waited past
their deadline are handed to ``expire`` instead of the engine, at their deadline: a sweeper
answers them while a long batch still runs, not when the worker comes back for them. The same
sweeper hands ``overdue`` a request in the running batch whose deadline passed (plus a grace for
the engine's own stop): batched with longer requests, it is answered then, not when they end.

Two ways to feed the engine. One worker (``workers=1``): it gathers up to ``max_batch`` requests
and runs them as one static batch. Several workers (an engine that batches continuously): each
takes one request and calls the engine with it; the engine joins it to its running batch at the
next step, so a request never waits for a batch to end. ``max_batch`` then caps how many run at
once (the thermal guard lowers it).
"""

from __future__ import annotations

import logging
import threading
import time
from collections import deque
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Generic, TypeVar

log = logging.getLogger(__name__)

T = TypeVar("T")


@dataclass
class Job(Generic[T]):
    item: T
    enqueued_at: float
    deadline: float
    started_at: float | None = field(default=None)


class Scheduler(Generic[T]):
    def __init__(
        self,
        execute: Callable[[list[Job[T]]], None],
        expire: Callable[[Job[T]], None],
        *,
        queue_size: int,
        max_batch: int,
        batch_window_s: float = 0.002,
        clock: Callable[[], float] = time.monotonic,
        overdue: Callable[[Job[T]], None] | None = None,
        overdue_grace_s: float = 0.5,
        workers: int = 1,
    ) -> None:
        if workers < 1:
            raise ValueError(f"a scheduler needs at least one worker, got {workers}")
        self._execute = execute
        self._expire = expire
        self._overdue = overdue
        self._overdue_grace_s = overdue_grace_s
        self._workers = workers
        self._running: dict[int, Job[T]] = {}  # id -> job in the engine (guarded by _ready)
        self._reported: set[int] = set()  # ids of its jobs already handed to overdue
        self._waiting: deque[Job[T]] = deque()
        self._queue_size = queue_size
        self._ready = threading.Condition()
        self.max_batch = max_batch
        self.batch_window_s = batch_window_s
        self._clock = clock
        self._stop = threading.Event()
        self._idle = threading.Event()
        self._idle.set()
        self._threads: list[threading.Thread] = []
        self._active = 0  # batches and expiries under way (guarded by _ready)

    @property
    def depth(self) -> int:
        return len(self._waiting)

    @property
    def in_flight(self) -> int:
        """Requests in the engine now."""
        return len(self._running)

    def submit(self, item: T, deadline: float) -> bool:
        """Queue a request; False (at once) when the queue is full or the scheduler stopped."""
        with self._ready:  # stop() sets _stop under this lock: nothing slips in after it
            if self._stop.is_set() or len(self._waiting) >= self._queue_size:
                return False
            self._waiting.append(Job(item, self._clock(), deadline))
            self._idle.clear()  # work waits: wait_idle must not return before it is done
            self._ready.notify_all()
        return True

    def start(self) -> None:
        targets = [(self._run, f"edged-scheduler-{n}") for n in range(self._workers)]
        for target, name in [*targets, (self._sweep, "edged-deadlines")]:
            thread = threading.Thread(target=target, name=name, daemon=True)
            thread.start()
            self._threads.append(thread)

    def stop(self, timeout: float) -> list[Job[T]]:
        """Stop taking requests; finish what the engine is running (up to ``timeout``).

        Returns the requests that were still waiting, so the caller can fail each with a reply.
        """
        with self._ready:
            self._stop.set()
            self._ready.notify_all()
        ends = time.monotonic() + timeout
        for thread in self._threads:  # one timeout for both, not one each
            thread.join(max(0.0, ends - time.monotonic()))
        with self._ready:
            left = list(self._waiting)
            self._waiting.clear()
        return left

    def wait_idle(self, timeout: float) -> bool:
        return self._idle.wait(timeout)

    def _take(self, timeout: float) -> Job[T] | None:
        with self._ready:
            if not self._waiting:
                self._ready.wait(timeout)
            return self._waiting.popleft() if self._waiting else None

    def _leave(self) -> None:
        with self._ready:
            self._active -= 1
            if self._active == 0 and not self._waiting:
                self._idle.set()

    def _gather(self, first: Job[T]) -> list[Job[T]]:
        batch = [first]
        if self._workers > 1:  # the engine batches: one request per call
            return batch
        window_ends = self._clock() + self.batch_window_s
        while len(batch) < self.max_batch:
            job = self._take(0.0)
            if job is None:
                remaining = window_ends - self._clock()
                if remaining <= 0:
                    break
                job = self._take(remaining)
                if job is None:
                    break
            batch.append(job)
        return batch

    def _sweep(self, period_s: float = 0.02) -> None:
        """Answer waiting requests whose deadline passed while the worker ran a batch, and hand
        running ones past their deadline (and the grace) to ``overdue``."""
        while not self._stop.wait(period_s):
            now = self._clock()
            with self._ready:
                late = self._late_running(now)
                if not late and not any(job.deadline <= now for job in self._waiting):
                    continue
                expired = [job for job in self._waiting if job.deadline <= now]
                self._waiting = deque(job for job in self._waiting if job.deadline > now)
                self._active += 1
                self._idle.clear()
            try:
                handed = [(job, self._expire) for job in expired]
                handed += [(job, self._overdue) for job in late if self._overdue is not None]
                for job, handler in handed:
                    try:
                        handler(job)
                    except Exception:
                        log.exception("answering a request past its deadline failed")
            finally:
                self._leave()

    def _late_running(self, now: float) -> list[Job[T]]:
        """Jobs of the running batch past deadline + grace, not yet reported (under _ready)."""
        if self._overdue is None:
            return []
        late = [job for job in self._running.values()
                if job.deadline + self._overdue_grace_s <= now and id(job) not in self._reported]
        self._reported.update(id(job) for job in late)
        return late

    def _run(self) -> None:
        while not self._stop.is_set():
            with self._ready:
                room = self._workers == 1 or len(self._running) < self.max_batch
                first = self._waiting.popleft() if self._waiting and room else None
                if first is None:
                    if self._active == 0:
                        self._idle.set()  # the sweeper may have emptied the queue meanwhile
                    self._ready.wait(0.1)
                    continue
                self._active += 1
                self._idle.clear()
            batch = [first]
            try:
                batch = self._gather(first)
                now = self._clock()
                live = []
                for job in batch:
                    if job.deadline <= now:
                        self._expire(job)
                    else:
                        job.started_at = now
                        live.append(job)
                if live:
                    with self._ready:
                        self._running.update((id(job), job) for job in live)
                    self._execute(live)
            except Exception:  # the worker must outlive any bug in one batch
                log.exception("a batch failed outside the engine")
            finally:
                with self._ready:
                    for job in batch:
                        self._running.pop(id(job), None)
                        self._reported.discard(id(job))
                    self._ready.notify_all()  # a slot is free: a waiting worker may take a job
                self._leave()
