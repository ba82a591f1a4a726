"""A bounded queue with per-request deadlines, drained by one worker in batches.

Memory is bounded by construction: ``submit`` refuses at once when the queue is full (the
daemon answers ``busy``), it never waits and never grows the queue. Requests that waited past
their deadline are handed to ``expire`` instead of the engine.
"""

from __future__ import annotations

import logging
import queue
import threading
import time
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
    ) -> None:
        self._execute = execute
        self._expire = expire
        self._queue: queue.Queue[Job[T]] = queue.Queue(maxsize=queue_size)
        self.max_batch = max_batch
        self.batch_window_s = batch_window_s
        self._clock = clock
        self._stop = threading.Event()
        self._idle = threading.Event()
        self._idle.set()
        self._thread: threading.Thread | None = None
        self.in_flight = 0

    @property
    def depth(self) -> int:
        return self._queue.qsize()

    def submit(self, item: T, deadline: float) -> bool:
        """Queue a request; False (at once) when the queue is full or the scheduler stopped."""
        if self._stop.is_set():
            return False
        try:
            self._queue.put_nowait(Job(item, self._clock(), deadline))
        except queue.Full:
            return False
        return True

    def start(self) -> None:
        self._thread = threading.Thread(target=self._run, name="edged-scheduler", daemon=True)
        self._thread.start()

    def stop(self, timeout: float) -> list[Job[T]]:
        """Stop taking requests; finish what the engine is running (up to ``timeout``).

        Returns the requests that were still waiting, so the caller can fail each with a reply.
        """
        self._stop.set()
        if self._thread is not None:
            self._thread.join(timeout)
        left: list[Job[T]] = []
        while True:
            try:
                left.append(self._queue.get_nowait())
            except queue.Empty:
                return left

    def wait_idle(self, timeout: float) -> bool:
        return self._idle.wait(timeout)

    def _gather(self, first: Job[T]) -> list[Job[T]]:
        batch = [first]
        window_ends = self._clock() + self.batch_window_s
        while len(batch) < self.max_batch:
            try:
                batch.append(self._queue.get_nowait())
                continue
            except queue.Empty:
                pass
            remaining = window_ends - self._clock()
            if remaining <= 0:
                break
            try:
                batch.append(self._queue.get(timeout=remaining))
            except queue.Empty:
                break
        return batch

    def _run(self) -> None:
        while not self._stop.is_set():
            try:
                first = self._queue.get(timeout=0.1)
            except queue.Empty:
                continue
            self._idle.clear()
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
                    self.in_flight = len(live)
                    self._execute(live)
            except Exception:  # the worker must outlive any bug in one batch
                log.exception("a batch failed outside the engine")
            finally:
                self.in_flight = 0
                if self._queue.empty():
                    self._idle.set()
