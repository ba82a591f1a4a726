"""The bounded queue: batching, refusal when full, deadlines, stop with leftovers."""

from __future__ import annotations

import threading
import time

from edged.service.scheduler import Job, Scheduler
from edged.service.transport import Backoff


def test_requests_waiting_together_run_as_one_batch() -> None:
    batches: list[list[int]] = []
    entered = threading.Event()
    gate = threading.Event()

    def execute(jobs: list[Job[int]]) -> None:
        entered.set()
        gate.wait(5)  # hold the worker so the others pile up behind the first
        batches.append([j.item for j in jobs])

    scheduler: Scheduler[int] = Scheduler(execute, lambda job: None, queue_size=10, max_batch=4)
    scheduler.start()
    far = time.monotonic() + 60
    assert scheduler.submit(0, far)
    assert entered.wait(5)
    for i in range(1, 7):
        assert scheduler.submit(i, far)
    gate.set()
    assert scheduler.wait_idle(5)
    time.sleep(0.1)
    scheduler.stop(1)
    assert batches[0] == [0]
    assert [len(b) for b in batches[1:]] == [4, 2]
    assert sorted(i for b in batches for i in b) == list(range(7))


def test_full_queue_refuses_at_once_and_never_grows() -> None:
    release = threading.Event()
    scheduler: Scheduler[int] = Scheduler(lambda jobs: release.wait(5), lambda job: None,
                                          queue_size=3, max_batch=1)
    scheduler.start()
    far = time.monotonic() + 60
    accepted = [scheduler.submit(i, far) for i in range(50)]
    assert scheduler.depth <= 3
    # One taken by the worker, three waiting, the rest refused.
    assert 3 <= sum(accepted) <= 4
    assert accepted[-1] is False
    release.set()
    scheduler.stop(2)


def test_expired_requests_go_to_expire_not_to_the_engine() -> None:
    executed: list[int] = []
    expired: list[int] = []
    scheduler: Scheduler[int] = Scheduler(lambda jobs: executed.extend(j.item for j in jobs),
                                          lambda job: expired.append(job.item), queue_size=5, max_batch=5)
    now = time.monotonic()
    scheduler.submit(1, now - 1)  # already past its deadline
    scheduler.submit(2, now + 60)
    scheduler.start()
    assert scheduler.wait_idle(5)
    time.sleep(0.1)
    scheduler.stop(1)
    assert expired == [1]
    assert executed == [2]


def test_stop_hands_back_what_was_waiting() -> None:
    started = threading.Event()
    release = threading.Event()

    def execute(jobs: list[Job[int]]) -> None:
        started.set()
        release.wait(5)

    scheduler: Scheduler[int] = Scheduler(execute, lambda job: None, queue_size=10, max_batch=1)
    scheduler.start()
    far = time.monotonic() + 60
    for i in range(4):
        scheduler.submit(i, far)
    assert started.wait(5)
    release.set()
    left = scheduler.stop(2)
    assert not scheduler.submit(9, far)
    assert all(job.item in {1, 2, 3} for job in left)


def test_a_failing_batch_does_not_kill_the_worker() -> None:
    seen: list[int] = []

    def execute(jobs: list[Job[int]]) -> None:
        if jobs[0].item == 0:
            raise RuntimeError("boom")
        seen.extend(j.item for j in jobs)

    scheduler: Scheduler[int] = Scheduler(execute, lambda job: None, queue_size=5, max_batch=1)
    scheduler.start()
    far = time.monotonic() + 60
    scheduler.submit(0, far)
    time.sleep(0.2)
    scheduler.submit(1, far)
    time.sleep(0.3)
    scheduler.stop(1)
    assert seen == [1]


def test_backoff_grows_with_jitter_and_resets() -> None:
    values = iter([0.0, 1.0, 0.5, 0.0, 1.0])
    backoff = Backoff(0.25, 2.0, rng=lambda: next(values))
    delays = [backoff.next() for _ in range(4)]
    assert delays == [0.125, 0.5, 0.75, 1.0]  # caps 0.25, 0.5, 1.0, 2.0: half fixed, half random
    backoff.reset()
    assert backoff.next() == 0.25


def test_a_request_waiting_behind_a_long_batch_is_answered_at_its_deadline() -> None:
    release = threading.Event()
    expired: list[tuple[int, float]] = []

    def execute(jobs: list[Job[int]]) -> None:
        release.wait(10)  # a long batch holds the worker

    scheduler: Scheduler[int] = Scheduler(execute, lambda job: expired.append((job.item, time.monotonic())),
                                          queue_size=5, max_batch=1)
    scheduler.start()
    now = time.monotonic()
    assert scheduler.submit(0, now + 60)
    time.sleep(0.1)
    assert scheduler.submit(1, now + 0.3)
    time.sleep(1.0)
    try:
        assert [item for item, _ in expired] == [1]
        assert expired[0][1] - now < 0.3 + 0.5  # not when the batch ends
        assert scheduler.depth == 0
    finally:
        release.set()
        scheduler.stop(2)


def test_idle_waits_for_the_sweepers_replies_too() -> None:
    release = threading.Event()
    expired: list[int] = []

    def slow_expire(job: Job[int]) -> None:
        time.sleep(0.4)  # a publish that takes a while
        expired.append(job.item)

    scheduler: Scheduler[int] = Scheduler(lambda jobs: release.wait(5), slow_expire,
                                          queue_size=5, max_batch=1)
    scheduler.start()
    now = time.monotonic()
    scheduler.submit(0, now + 60)
    time.sleep(0.05)
    scheduler.submit(1, now + 0.1)
    time.sleep(0.2)  # the sweeper is answering 1
    release.set()
    try:
        assert scheduler.wait_idle(5)
        assert expired == [1]  # idle only once its reply is out
    finally:
        scheduler.stop(2)


def test_a_request_past_its_deadline_in_a_running_batch_is_handed_over_then() -> None:
    """Batched with a long request, a short-deadline one goes to ``overdue`` at its deadline plus
    the grace, while the batch still runs; the long one is not touched, and each is handed once."""
    overdue: list[tuple[str, float]] = []
    release = threading.Event()
    began = time.monotonic()

    def execute(jobs: list[Job[str]]) -> None:
        release.wait(5)

    scheduler: Scheduler[str] = Scheduler(
        execute, lambda job: None, queue_size=4, max_batch=2, batch_window_s=0.05,
        overdue=lambda job: overdue.append((job.item, time.monotonic() - began)), overdue_grace_s=0.2,
    )
    scheduler.submit("short", began + 0.3)
    scheduler.submit("long", began + 60)
    scheduler.start()
    deadline = time.monotonic() + 3
    while not overdue and time.monotonic() < deadline:
        time.sleep(0.01)
    time.sleep(0.3)  # a second hand-over of the same job would show here
    release.set()
    scheduler.stop(5)
    assert [item for item, _ in overdue] == ["short"]
    assert 0.45 <= overdue[0][1] < 2.0, overdue


def test_with_workers_a_request_starts_while_others_run_one_per_call() -> None:
    calls: list[list[int]] = []
    gates = {i: threading.Event() for i in range(6)}
    started = threading.Condition()

    def execute(jobs: list[Job[int]]) -> None:
        with started:
            calls.append([j.item for j in jobs])
            started.notify_all()
        gates[jobs[0].item].wait(5)

    scheduler: Scheduler[int] = Scheduler(execute, lambda job: None, queue_size=10, max_batch=4, workers=4)
    scheduler.start()
    far = time.monotonic() + 60
    assert scheduler.submit(0, far)
    with started:
        assert started.wait_for(lambda: len(calls) == 1, 5)
    # A request that arrives while the first runs starts at once, beside it (a static batch
    # would wait for the first to end).
    assert scheduler.submit(1, far)
    with started:
        assert started.wait_for(lambda: len(calls) == 2, 5)
    for i in range(2, 6):
        assert scheduler.submit(i, far)
    with started:
        assert started.wait_for(lambda: len(calls) == 4, 5)
    time.sleep(0.2)
    assert len(calls) == 4, "max_batch caps the requests in the engine"
    assert scheduler.in_flight == 4 and scheduler.depth == 2
    gates[1].set()  # one leaves early: a waiting one takes its place at once
    with started:
        assert started.wait_for(lambda: len(calls) == 5, 5)
    for gate in gates.values():
        gate.set()
    assert scheduler.wait_idle(5)
    scheduler.stop(2)
    assert all(len(c) == 1 for c in calls)
    assert sorted(c[0] for c in calls) == list(range(6))


def test_with_workers_a_lowered_max_batch_caps_the_requests_in_the_engine() -> None:
    running = 0
    peak = 0
    lock = threading.Lock()

    def execute(jobs: list[Job[int]]) -> None:
        nonlocal running, peak
        with lock:
            running += 1
            peak = max(peak, running)
        time.sleep(0.05)
        with lock:
            running -= 1

    scheduler: Scheduler[int] = Scheduler(execute, lambda job: None, queue_size=50, max_batch=8, workers=8)
    scheduler.max_batch = 2  # what the thermal guard does
    scheduler.start()
    far = time.monotonic() + 60
    for i in range(20):
        assert scheduler.submit(i, far)
    assert scheduler.wait_idle(10)
    scheduler.stop(2)
    assert peak == 2


def test_with_workers_an_overdue_request_is_handed_over_while_the_others_run() -> None:
    overdue: list[int] = []
    release = threading.Event()
    scheduler: Scheduler[int] = Scheduler(
        lambda jobs: release.wait(5), lambda job: None, queue_size=5, max_batch=2, workers=2,
        overdue=lambda job: overdue.append(job.item), overdue_grace_s=0.0,
    )
    scheduler.start()
    now = time.monotonic()
    scheduler.submit(1, now + 60)
    scheduler.submit(2, now + 0.3)
    deadline = time.monotonic() + 3
    while not overdue and time.monotonic() < deadline:
        time.sleep(0.02)
    assert overdue == [2]
    release.set()
    scheduler.stop(2)
