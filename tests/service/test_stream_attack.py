"""Attacks on streamed replies (joined chunks, edged.service.streaming) with the real broker and
the real CPU engine: every streamed request gets chunks numbered 0..n-1 in order, then exactly
one final reply, and no chunk after it, whatever happens mid-stream (a deadline, a killed engine,
a stop, a client gone, many clients at once)."""

from __future__ import annotations

import json
import os
import queue
import signal
import threading
import time
import uuid
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from edged.client import EdgedClient
from edged.engines.base import Engine
from edged.engines.process import EngineProcess
from edged.errors import ConfigError
from edged.service.daemon import Daemon
from tests.service.conftest import MakeClient, StartDaemon

pytestmark = pytest.mark.engine

LATE_S = 0.4  # how long to listen after the final reply for a chunk that should not come
LONG = "Write a very long story about a robot that repairs conveyor belts."


def send(client: EdgedClient, body: dict[str, Any]) -> queue.Queue[dict[str, Any]]:
    """Publish a request and return the queue its every message lands in, chunks after the final
    reply included (``EdgedClient.request`` stops listening at the final reply)."""
    correlation = uuid.uuid4().bytes
    messages: queue.Queue[dict[str, Any]] = queue.Queue()
    with client._lock:
        client._waiters[correlation] = messages
    client._transport.publish(
        client.request_topic,
        json.dumps(body).encode(),
        qos=1,
        correlation=correlation,
        response_topic=f"{client.response_base}/{correlation.hex()}",
    )
    return messages


def collect(
    messages: queue.Queue[dict[str, Any]],
    timeout: float = 60.0,
    late_s: float = LATE_S,
) -> list[dict[str, Any]]:
    """Every message up to the final reply, then whatever comes within ``late_s`` after it."""
    seen: list[dict[str, Any]] = []
    while not seen or seen[-1].get("status") == "chunk":
        seen.append(messages.get(timeout=timeout))
    ends = time.monotonic() + late_s
    while (left := ends - time.monotonic()) > 0:
        try:
            seen.append(messages.get(timeout=left))
        except queue.Empty:
            break
    return seen


def stream(
    client: EdgedClient,
    body: dict[str, Any],
    timeout: float = 60.0,
    late_s: float = LATE_S,
) -> list[dict[str, Any]]:
    return collect(send(client, {**body, "stream": True}), timeout, late_s)


def check(seen: list[dict[str, Any]]) -> dict[str, Any]:
    """The promise: chunks 0..n-1 in order, then one final reply and nothing after it; an ok
    answer's text is what the chunks join to. Returns the final reply."""
    statuses = [m.get("status") for m in seen]
    assert statuses[-1] != "chunk" and statuses.count("chunk") == len(seen) - 1, statuses
    chunks, final = seen[:-1], seen[-1]
    assert [c["index"] for c in chunks] == list(range(len(chunks))), [c["index"] for c in chunks]
    if final["status"] == "ok":
        assert "".join(c["text"] for c in chunks).strip() == final["output"]["text"].strip()
    return final


def wait_for(condition: Any, timeout: float = 30.0) -> None:
    ends = time.monotonic() + timeout
    while not condition():
        assert time.monotonic() < ends, "timed out"
        time.sleep(0.05)


@pytest.fixture(scope="module")
def engine_folder(cpu_engine: Engine) -> Path:
    return cpu_engine.info.path


@pytest.fixture
def process_engine(engine_folder: Path) -> Iterator[EngineProcess]:
    """The engine as edged serves it by default: its own process, continuous batching."""
    engine = EngineProcess(engine_folder, batching="continuous")
    yield engine
    engine.close()


def slow_chunks(daemon: Daemon, monkeypatch: pytest.MonkeyPatch, delay_s: float) -> None:
    """Each chunk's publish takes up to ``delay_s``, or until an error reply went out: the worker
    preempted (two busy cores, the GIL) between its check that the request is unanswered and the
    packet going out, while another thread answers."""
    publish = daemon.transport.publish
    answered = threading.Event()

    def slow(topic: str, payload: bytes, **kwargs: Any) -> object:
        if payload.startswith(b'{"status":"chunk"'):
            answered.wait(delay_s)
        elif payload.startswith(b'{"status":"error"'):
            answered.set()
        return publish(topic, payload, **kwargs)

    monkeypatch.setattr(daemon.transport, "publish", slow)


def test_no_chunk_follows_the_deadline_reply(
    start_daemon: StartDaemon,
    make_client: MakeClient,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """The deadline sweeper answers from its own thread while the worker is publishing a chunk:
    before the chunk's check and publish were one step under the request's lock, the chunk went
    out after the deadline_exceeded reply."""
    daemon = start_daemon(stream_interval_ms=0)
    # The first chunk's publish outlasts the deadline and the sweeper's grace (0.5 s).
    slow_chunks(daemon, monkeypatch, 2.0)
    seen = stream(
        make_client(),
        {"task": "ask", "input": "Write a long story.", "max_tokens": 200, "deadline_ms": 1500},
        late_s=1.0,
    )
    final = check(seen)
    assert final["status"] == "error" and final["error"]["code"] == "deadline_exceeded", final


@pytest.mark.parametrize("interval_ms", [0, 50, 5000])
def test_sixteen_concurrent_streams_short_and_long(
    process_engine: EngineProcess,
    start_daemon: StartDaemon,
    make_client: MakeClient,
    interval_ms: int,
) -> None:
    """16 streaming requests at once from three clients, answers of 1 to 16 tokens: each its own
    chunks, in order, joined to its own answer, then one reply."""
    start_daemon(engine=process_engine, stream_interval_ms=interval_ms, queue_size=32)
    clients = [make_client(cn) for cn in ("alice", "bob", "carol")]
    pending = [
        send(
            clients[n % 3],
            {
                "task": "ask",
                "input": f"Describe pump P-{n} in detail.",
                "stream": True,
                "max_tokens": (1, 4, 8, 16)[n % 4],
                "deadline_ms": 120000,
            },
        )
        for n in range(16)
    ]
    finals = [check(collect(messages, timeout=120)) for messages in pending]
    assert [f["status"] for f in finals] == ["ok"] * 16, finals
    texts = [f["output"]["text"] for f in finals]
    assert len({f["id"] for f in finals}) == 16 and any(len(t) > 20 for t in texts)


def test_a_killed_engine_mid_stream_ends_the_stream_with_one_error(
    process_engine: EngineProcess,
    start_daemon: StartDaemon,
    make_client: MakeClient,
) -> None:
    """SIGKILL the engine's process while it streams: the stream ends with one engine_error, no
    chunk after it, and the next request is answered by the restarted engine."""
    start_daemon(engine=process_engine, stream_interval_ms=0)
    client = make_client()
    wait_for(lambda: process_engine.state == "serving")
    messages = send(client, {"task": "ask", "input": LONG, "max_tokens": 300, "stream": True})
    first = messages.get(timeout=60)
    assert first["status"] == "chunk", first
    pid = process_engine.pid
    assert pid is not None
    os.kill(pid, signal.SIGKILL)
    seen = [first, *collect(messages)]
    final = check(seen)
    assert final["status"] == "error" and final["error"]["code"] == "engine_error", final
    wait_for(lambda: process_engine.state == "serving", timeout=60)
    final = check(stream(client, {"task": "ask", "input": "Name a colour.", "max_tokens": 8}))
    assert final["status"] == "ok", final


def test_a_stop_mid_stream_ends_the_stream_with_one_reply(
    process_engine: EngineProcess,
    start_daemon: StartDaemon,
    make_client: MakeClient,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Daemon.stop (the SIGTERM path) while a long answer streams past the stop timeout: one
    shutting_down reply, and no chunk after it, also from the worker that still runs (seen before
    the fix: ['chunk', 'chunk', 'error', 'chunk']). The teardown then closes the engine under that
    worker, which killed the engine's pipe reader (see test_engine_process)."""
    daemon = start_daemon(engine=process_engine, stream_interval_ms=0, stop_timeout_s=0.3)
    slow_chunks(daemon, monkeypatch, 0.2)
    messages = send(make_client(), {"task": "ask", "input": LONG, "max_tokens": 300, "stream": True})
    first = messages.get(timeout=60)
    daemon.stop()
    final = check([first, *collect(messages)])
    assert final["status"] == "error" and final["error"]["code"] == "shutting_down", final


def test_a_client_gone_mid_stream_costs_the_daemon_nothing(
    process_engine: EngineProcess,
    start_daemon: StartDaemon,
    make_client: MakeClient,
) -> None:
    """The client disconnects after its first chunk: the daemon streams on to nobody, stays up,
    and the next client's stream is whole."""
    daemon = start_daemon(engine=process_engine, stream_interval_ms=0)
    bob = make_client("bob")
    messages = send(bob, {"task": "ask", "input": LONG, "max_tokens": 60, "stream": True})
    assert messages.get(timeout=60)["status"] == "chunk"
    bob.close()
    final = check(stream(make_client(), {"task": "ask", "input": "Name a colour.", "max_tokens": 8}))
    assert final["status"] == "ok", final
    wait_for(lambda: daemon.scheduler.in_flight == 0)
    assert daemon.health()[0]


@pytest.mark.parametrize("interval_ms", [0, 5000])
def test_one_token_streams_one_chunk(
    start_daemon: StartDaemon, make_client: MakeClient, interval_ms: int
) -> None:
    """max_tokens 1: at most one chunk (the first piece goes out at once; nothing is held for a
    flush that would send an empty one), then the reply."""
    start_daemon(stream_interval_ms=interval_ms)
    seen = stream(make_client(), {"task": "ask", "input": "Say hello.", "max_tokens": 1})
    final = check(seen)
    assert final["status"] == "ok" and final["usage"]["completion_tokens"] == 1, final
    assert len(seen) <= 2


@pytest.mark.parametrize(
    ("value", "problem"),
    [
        ("-1", "greater than or equal to 0"),
        ("1e9", "less than or equal to 5000"),
        ("nan", "less than or equal to 5000"),
        ("inf", "less than or equal to 5000"),
        ('"fast"', "valid number"),
        ('"50"', "valid number"),
        ("true", "valid number"),
    ],
)
def test_a_bad_stream_interval_is_a_clear_config_error(tmp_path: Path, value: str, problem: str) -> None:
    """A string or a boolean is refused, not read as a number (true was 1 ms, "50" was 50 ms)."""
    from edged.config import load_config

    path = tmp_path / "edged.toml"
    path.write_text(
        f'device_id = "d"\n[mqtt]\nhost = "h"\nca = "a"\ncert = "b"\nkey = "c"\n'
        f"[scheduler]\nstream_interval_ms = {value}\n"
    )
    with pytest.raises(ConfigError) as caught:
        load_config(path)
    assert "scheduler.stream_interval_ms" in caught.value.message and problem in caught.value.message
