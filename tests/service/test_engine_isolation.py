"""The daemon with its engine in a child process, against the real broker and CPU model: a long
prefill no longer stalls intake, health or the network thread, and a killed engine costs only the
requests that were in it."""

from __future__ import annotations

import json
import os
import signal
import threading
import time
from collections.abc import Iterator

import pytest

from edged.engines.loader import usable_engine
from edged.engines.process import EngineProcess
from edged.engines.store import EngineStore
from edged.hardware.facts import HardwareFacts
from edged.hardware.profiles import Profile
from tests.service.conftest import MakeClient, StartDaemon
from tests.support.broker import MosquittoBroker
from tests.support.fixtures import ClientFactory, ProvisionedSite

pytestmark = pytest.mark.engine

LONG_INPUT = "The hydraulic pump on line three is leaking oil near the seal again. " * 90


@pytest.fixture
def process_engine(engine_store: EngineStore, cpu_profile: Profile, machine: HardwareFacts) -> Iterator[
    EngineProcess
]:
    engine = EngineProcess(usable_engine(engine_store, cpu_profile, machine).folder)
    yield engine
    engine.close()


def test_a_long_prefill_leaves_intake_and_health_responsive(
    start_daemon: StartDaemon, make_client: MakeClient, process_engine: EngineProcess
) -> None:
    daemon = start_daemon(engine=process_engine)
    long_reply: list[object] = []
    worker = threading.Thread(
        target=lambda: long_reply.append(
            make_client().request({"task": "summarize", "input": LONG_INPUT, "max_tokens": 8}, timeout=120)
        )
    )
    worker.start()
    time.sleep(0.5)  # the long request is in the engine's prefill now
    refused_ms: list[float] = []
    health_ms: list[float] = []
    bob = make_client("bob")
    while worker.is_alive() and len(refused_ms) < 10:
        started = time.perf_counter()
        reply = bob.request({"task": "no-such-task", "input": "x"}, timeout=10)  # refused at intake
        refused_ms.append((time.perf_counter() - started) * 1e3)
        assert reply.body["error"]["code"] == "unknown_task"
        started = time.perf_counter()
        healthy, _ = daemon.health()
        health_ms.append((time.perf_counter() - started) * 1e3)
        assert healthy
    worker.join(120)
    assert refused_ms, "the long request finished before anything could be measured"
    assert max(refused_ms) < 1000, refused_ms  # in process: seconds, the network thread had no GIL
    assert max(health_ms) < 100, health_ms
    assert daemon.transport.connected
    [reply] = long_reply
    assert reply.ok  # type: ignore[attr-defined]


def test_a_killed_engine_fails_only_its_requests_and_the_status_says_degraded_then_online(
    start_daemon: StartDaemon, make_client: MakeClient, process_engine: EngineProcess,
    site: ProvisionedSite, broker: MosquittoBroker, mqtt_client: ClientFactory,
) -> None:
    daemon = start_daemon(engine=process_engine)
    watcher = mqtt_client(site.identity("watcher"), broker)
    watcher.subscribe_and_wait("edged/dev-1/status")
    replies: list[dict[str, object]] = []
    worker = threading.Thread(
        target=lambda: replies.append(
            make_client().request(
                {"task": "ask", "input": "Write a long story about pumps.", "max_tokens": 400}, timeout=60
            ).body
        )
    )
    worker.start()
    deadline = time.monotonic() + 30
    while daemon.scheduler.in_flight == 0 and time.monotonic() < deadline:
        time.sleep(0.02)
    time.sleep(0.3)
    pid = process_engine.pid
    assert pid is not None
    os.kill(pid, signal.SIGKILL)
    worker.join(60)
    [reply] = replies
    assert reply["status"] == "error" and reply["error"]["code"] == "engine_error", reply  # type: ignore[index]
    states = []
    deadline = time.monotonic() + 15
    while "online" not in states[1:] and time.monotonic() < deadline:
        message = watcher.next_message(timeout=max(0.1, deadline - time.monotonic()))
        states.append(json.loads(message.payload)["status"])
    assert "degraded" in states and states[-1] == "online", states
    assert make_client().request({"task": "ask", "input": "Say hi.", "max_tokens": 4}).ok
    assert 'edged_engine_up 1' in daemon.render_metrics()


def test_run_uses_the_engine_process_by_default() -> None:
    from edged.config import EngineConfig

    assert EngineConfig().isolation == "process"
