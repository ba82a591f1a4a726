"""Adversarial probes, round 2: the broker's identity rules against an authenticated intruder, the
engine process under signals and restarts, deadlines at their minimum, and the audit log's chain.
Only what holds today is here; what broke is in the review's report."""

from __future__ import annotations

import contextlib
import json
import os
import queue
import signal
import threading
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import paho.mqtt.client as paho
import pytest

from edged.audit import CURRENT, HEAD_FILE, AuditLog, log_files, verify
from edged.engines.base import ChatMessage, GenerationRequest
from edged.engines.loader import usable_engine
from edged.engines.process import EngineProcess
from edged.engines.store import EngineStore
from edged.errors import EngineError
from edged.hardware.facts import HardwareFacts
from edged.hardware.profiles import Profile
from tests.service.conftest import MakeClient, StartDaemon
from tests.support.broker import MosquittoBroker, MqttTestClient, connect_result, tls_context
from tests.support.fixtures import ClientFactory, ProvisionedSite

NOT_AUTHORIZED = 0x87

# -- 3. broker identity ------------------------------------------------------------------------

FORBIDDEN_FILTERS = (
    "#",
    "$SYS/#",
    "$CONTROL/dynamic-security/#",
    "edged/dev-1/req/#",
    "edged/+/req/+",
    "edged/dev-1/resp/bob/#",
    "edged/+/resp/+/#",
    "edged/pool/line3/req/#",
    "edged/pool/line3/resp/bob/#",
    "$share/line3/edged/pool/line3/req/#",
    "$share/x/edged/dev-1/req/#",
    "$share/x/#",
)


def _drain(client: MqttTestClient, seconds: float) -> list[paho.MQTTMessage]:
    got: list[paho.MQTTMessage] = []
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        with contextlib.suppress(queue.Empty):
            got.append(client.inbox.get(timeout=0.05))
    return got


def _alice_may_see(topic: str) -> bool:
    parts = topic.split("/")
    return (len(parts) == 3 and parts[0] == "edged" and parts[2] in ("status", "telemetry")) or (
        len(parts) >= 4 and parts[2] == "resp" and parts[3] == "alice"
    )


def test_an_authenticated_intruder_reads_nothing_that_is_not_hers(
    site: ProvisionedSite,
    broker: MosquittoBroker,
    mqtt_client: ClientFactory,
) -> None:
    dev1 = mqtt_client(site.identity("dev-1"), broker)
    dev1.subscribe_and_wait("edged/dev-1/req/+")
    alice = mqtt_client(site.identity("alice"), broker)
    for topic in FORBIDDEN_FILTERS:
        alice.subscribe_and_wait(topic)  # whatever the SUBACK says, nothing may be delivered
    bob = mqtt_client(site.identity("bob"), broker)
    assert bob.publish_and_wait("edged/dev-1/req/bob", b"bob's request").value < 0x80
    assert bob.publish_and_wait("edged/pool/line3/req/bob", b"bob's pool request").value < 0x80
    assert dev1.next_message().payload == b"bob's request"
    assert dev1.publish_and_wait("edged/dev-1/resp/bob/1", b"bob's answer").value < 0x80
    assert dev1.publish_and_wait("edged/pool/line3/resp/bob/1", b"bob's pool answer").value < 0x80
    for message in _drain(alice, 1.0):
        assert _alice_may_see(message.topic), (message.topic, message.payload)


def test_an_intruder_cannot_write_where_she_has_no_right(
    site: ProvisionedSite,
    broker: MosquittoBroker,
    mqtt_client: ClientFactory,
) -> None:
    watcher = mqtt_client(site.identity("watcher"), broker)
    watcher.subscribe_and_wait("edged/#")
    dev2 = mqtt_client(site.identity("dev-2"), broker)
    alice = mqtt_client(site.identity("alice"), broker)
    admin = json.dumps(
        {
            "commands": [
                {
                    "command": "addRoleACL",
                    "rolename": "alice",
                    "acltype": "subscribePattern",
                    "topic": "#",
                    "priority": 100,
                    "allow": True,
                },
                {"command": "setDefaultACLAccess", "acls": [{"acltype": "subscribe", "allow": True}]},
            ]
        }
    )
    assert alice.publish_and_wait("$CONTROL/dynamic-security/v1", admin).value == NOT_AUTHORIZED
    for topic, retain in (
        ("edged/dev-1/status", True),
        ("edged/dev-1/telemetry", False),
        ("edged/dev-1/req/bob", False),
        ("edged/dev-1/resp/bob/1", False),
        ("edged/pool/line3/req/bob", False),
        ("edged/dev-1/resp/alice/1", False),  # a client never writes replies, not even to itself
    ):
        assert alice.publish_and_wait(topic, b"forged", retain=retain).value == NOT_AUTHORIZED, topic
    for topic in ("edged/dev-1/status", "edged/dev-1/resp/bob/1", "edged/dev-1/telemetry"):
        assert dev2.publish_and_wait(topic, b"forged by dev-2").value == NOT_AUTHORIZED, topic
    watcher.expect_no_message(0.5)
    # the admin command changed nothing: alice still reads no one's requests
    alice.subscribe_and_wait("edged/dev-1/req/+")
    bob = mqtt_client(site.identity("bob"), broker)
    assert bob.publish_and_wait("edged/dev-1/req/bob", b"private").value < 0x80
    alice.expect_no_message(0.5)


def test_a_device_reads_no_other_devices_requests_by_any_filter(
    site: ProvisionedSite,
    broker: MosquittoBroker,
    mqtt_client: ClientFactory,
) -> None:
    dev2 = mqtt_client(site.identity("dev-2"), broker)
    for topic in (
        "edged/dev-1/req/+",
        "edged/+/req/#",
        "#",
        "$share/line3/edged/dev-1/req/+",
        "$share/z/edged/+/req/+",
    ):
        dev2.subscribe_and_wait(topic)
    bob = mqtt_client(site.identity("bob"), broker)
    assert bob.publish_and_wait("edged/dev-1/req/bob", b"for dev-1 only").value < 0x80
    for message in _drain(dev2, 0.8):
        assert "/req/" not in message.topic or message.topic.startswith("edged/dev-2/"), message.topic


def test_a_forged_last_will_does_not_reach_a_devices_status(
    site: ProvisionedSite,
    broker: MosquittoBroker,
    mqtt_client: ClientFactory,
) -> None:
    watcher = mqtt_client(site.identity("watcher"), broker)
    watcher.subscribe_and_wait("edged/dev-1/status")
    alice = site.identity("alice")
    intruder = MqttTestClient("dev-1", paho.MQTTv5)
    intruder.tls_set_context(tls_context(alice, alice.ca))
    intruder.will_set("edged/dev-1/status", b'{"status": "offline", "forged": true}', qos=1, retain=True)
    intruder.connect(broker.host, broker.port, keepalive=30)
    intruder.loop_start()
    assert intruder.connected.wait(5)
    sock = intruder.socket()
    assert sock is not None
    sock.close()  # an unclean end: the broker sends the will if it may
    intruder.loop_stop()
    watcher.expect_no_message(1.0)


def test_revoked_expired_and_foreign_certificates_get_no_session(
    site: ProvisionedSite,
    broker: MosquittoBroker,
) -> None:
    for cn in ("mallory", "old", "stranger"):
        assert connect_result(site.identity(cn), broker, site.ca_cert) == "no connack", cn


# -- 1. the engine in its own process -----------------------------------------------------------


@pytest.fixture
def short_step_engine(
    engine_store: EngineStore, cpu_profile: Profile, machine: HardwareFacts
) -> Iterator[EngineProcess]:
    engine = EngineProcess(
        usable_engine(engine_store, cpu_profile, machine).folder, step_timeout_s=3.0, start_timeout_s=60.0
    )
    yield engine
    engine.close()


def _ask(text: str, max_tokens: int = 8) -> GenerationRequest:
    return GenerationRequest((ChatMessage("user", text),), max_tokens=max_tokens)


def _open_fds() -> int:
    return len(list(Path("/proc/self/fd").iterdir()))


def _children() -> list[str]:
    """This process's live children (zombies included: their state is Z)."""
    found = []
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        with contextlib.suppress(OSError):
            fields = (entry / "stat").read_text().rsplit(")", 1)[1].split()
            if int(fields[1]) == os.getpid():
                found.append(f"{entry.name}:{fields[0]}")
    return found


def _signal_mid_call(
    engine: EngineProcess, call: Callable[[], object], sig: signal.Signals, *, after_s: float
) -> tuple[int, threading.Thread, list[object]]:
    """Start ``call`` on a thread, send the child ``sig`` ``after_s`` later; the outcome (a result
    or an EngineError) lands in the returned list when the thread ends."""
    outcome: list[object] = []

    def run() -> None:
        try:
            outcome.append(call())
        except EngineError as exc:
            outcome.append(exc)

    worker = threading.Thread(target=run)
    worker.start()
    time.sleep(after_s)
    pid = engine.pid
    assert pid is not None
    os.kill(pid, sig)
    return pid, worker, outcome


@pytest.mark.engine
def test_a_stopped_child_costs_at_most_the_step_timeout_and_is_replaced(
    short_step_engine: EngineProcess,
) -> None:
    engine = short_step_engine
    stopped, worker, outcome = _signal_mid_call(
        engine,
        lambda: engine.generate([_ask("Tell a long story about a hydraulic pump. " * 10, 200)]),
        signal.SIGSTOP,
        after_s=0.5,
    )
    started = time.monotonic()
    worker.join(15)
    assert not worker.is_alive()
    assert time.monotonic() - started < 3.0 + 5.0  # step timeout plus the kill's wait, generously
    assert isinstance(outcome[0], EngineError)
    assert engine.generate([_ask("Say hi")])[0].completion_tokens >= 1  # the replacement serves
    assert engine.pid != stopped


@pytest.mark.engine
def test_the_child_ignores_sigterm_and_repeated_kills_leak_nothing(short_step_engine: EngineProcess) -> None:
    engine = short_step_engine
    hello = [ChatMessage("user", "hello")]
    before_fds = _open_fds()
    pid = engine.pid
    assert pid is not None
    os.kill(pid, signal.SIGTERM)
    time.sleep(0.3)
    assert engine.count_tokens(hello) > 0 and engine.pid == pid
    for _ in range(6):
        pid = engine.pid
        assert pid is not None
        os.kill(pid, signal.SIGKILL)
        # the call either meets the dying child (engine_error) or, when the watcher saw the
        # death first, waits for the new one and is answered: both are right
        with contextlib.suppress(EngineError):
            engine.count_tokens(hello)
        assert engine.state in ("restarting", "serving") and engine.alive()
        assert engine.count_tokens(hello) > 0  # waits for the new child, then serves
    assert engine.restarts == 6
    assert _open_fds() <= before_fds
    children = _children()
    assert [c.split(":")[0] for c in children] == [str(engine.pid)], children  # no zombie, no orphan
    assert not children[0].endswith(":Z")


@pytest.mark.engine
def test_concurrent_callers_each_get_their_own_answer(short_step_engine: EngineProcess) -> None:
    engine = short_step_engine
    texts = [("word " * n).strip() for n in range(1, 9)]
    expected = {text: engine.count_tokens([ChatMessage("user", text)]) for text in texts}
    got: dict[str, int] = {}

    def count(text: str) -> None:
        for _ in range(5):
            got[text] = engine.count_tokens([ChatMessage("user", text)])
            assert got[text] == expected[text]

    workers = [threading.Thread(target=count, args=(text,)) for text in texts]
    for worker in workers:
        worker.start()
    for worker in workers:
        worker.join(30)
    assert got == expected
    assert len(set(expected.values())) == len(texts)


@pytest.mark.engine
def test_a_kill_during_label_scoring_fails_only_that_call(short_step_engine: EngineProcess) -> None:
    engine = short_step_engine
    _pid, worker, outcome = _signal_mid_call(
        engine,
        lambda: engine.score_labels(
            [ChatMessage("user", "Is the pump broken? " * 40)],
            [f"a rather long label number {i}" for i in range(40)],
        ),
        signal.SIGKILL,
        after_s=0.4,
    )
    worker.join(10)
    assert not worker.is_alive() and isinstance(outcome[0], EngineError)
    scores = engine.score_labels([ChatMessage("user", "The pump is fine.")], ["ok", "broken"])
    assert len(scores) == 2


# -- 2. deadlines -------------------------------------------------------------------------------


@pytest.mark.engine
def test_every_request_with_a_tiny_or_mixed_deadline_gets_exactly_one_timely_reply(
    start_daemon: StartDaemon,
    make_client: MakeClient,
) -> None:
    start_daemon(max_batch=4, queue_size=64)
    labels = [f"category number {i} of the maintenance taxonomy" for i in range(30)]
    bodies = []
    for deadline_ms in (1, 2, 50, 200, 1500, 4000):
        bodies.append(
            {
                "task": "summarize",
                "input": "The pump on line three leaks oil. " * 20,
                "max_tokens": 64,
                "deadline_ms": deadline_ms,
            }
        )
        bodies.append(
            {
                "task": "classify",
                "input": "The pump grinds and leaks.",
                "labels": labels,
                "deadline_ms": deadline_ms,
            }
        )
        bodies.append(
            {
                "task": "extract",
                "input": "Press P-7 grinds",
                "fields": ["machine", "symptom"],
                "max_tokens": 48,
                "deadline_ms": deadline_ms,
            }
        )
    late: list[tuple[int, float, str]] = []
    codes: list[str] = []
    lock = threading.Lock()

    def send(cn: str, chunk: list[dict[str, object]]) -> None:
        client = make_client(cn)
        for body in chunk:
            started = time.monotonic()
            reply = client.request(body, timeout=30)
            elapsed = time.monotonic() - started
            deadline_s = int(str(body["deadline_ms"])) / 1e3
            with lock:
                codes.append(
                    reply.body["status"] if reply.body["status"] == "ok" else reply.body["error"]["code"]
                )
                if elapsed > deadline_s + 1.0:
                    late.append((int(str(body["deadline_ms"])), elapsed, str(body["task"])))

    for cn in ("alice", "bob", "carol"):
        make_client(cn)  # connected before the burst
    senders = [
        threading.Thread(target=send, args=(cn, bodies[i::3]))
        for i, cn in enumerate(("alice", "bob", "carol"))
    ]
    for sender in senders:
        sender.start()
    for sender in senders:
        sender.join(60)
    assert len(codes) == len(bodies)  # nobody is left without a reply
    # replies later than deadline + 1 s happen today (a short deadline batched behind a long one,
    # classify runs inside the batch); see the review's report. Still: every reply comes, and soon.
    assert all(elapsed < deadline_ms / 1e3 + 10.0 for deadline_ms, elapsed, _ in late), late
    assert set(codes) <= {"ok", "deadline_exceeded"}, codes


# -- 4. the audit log ---------------------------------------------------------------------------


def _filled(folder: Path, records: int, max_bytes: int = 10 << 20) -> AuditLog:
    log = AuditLog(folder, max_bytes=max_bytes)
    for i in range(records):
        log.append(event="escalated", n=i, pad="p" * 100)
    return log


def test_the_audit_chain_finds_damage_in_rotated_files_and_a_missing_head(tmp_path: Path) -> None:
    _filled(tmp_path / "a", 12, max_bytes=600)
    rotated = log_files(tmp_path / "a")
    assert len(rotated) > 3
    data = rotated[1].read_bytes()
    rotated[1].write_bytes(data[: len(data) // 2])  # cut in the middle of a line
    assert not verify(tmp_path / "a").ok

    _filled(tmp_path / "b", 12, max_bytes=600)
    middle = log_files(tmp_path / "b")[2]
    lines = middle.read_bytes().splitlines(keepends=True)
    middle.write_bytes(b"".join(lines[:-1]))  # a whole record removed from a rotated file
    assert not verify(tmp_path / "b").ok

    _filled(tmp_path / "c", 12, max_bytes=600)
    log_files(tmp_path / "c")[0].unlink()  # the oldest file removed
    assert not verify(tmp_path / "c").ok

    _filled(tmp_path / "d", 5)
    (tmp_path / "d" / HEAD_FILE).unlink()
    result = verify(tmp_path / "d")
    assert not result.ok and "missing" in str(result.problem)

    log = _filled(tmp_path / "e", 5)
    current = tmp_path / "e" / CURRENT
    lines = current.read_bytes().splitlines(keepends=True)
    current.write_bytes(b"".join(lines[:3]))  # the tail cut at a line boundary, nothing restarted
    result = verify(tmp_path / "e", expect_head=log.head)
    assert not result.ok and "missing" in str(result.problem)


def test_a_torn_current_line_is_quarantined_and_the_chain_still_verifies(tmp_path: Path) -> None:
    _filled(tmp_path, 4)
    current = tmp_path / CURRENT
    with current.open("ab") as handle:  # power lost while record 5 was written (before its head)
        handle.write(b'{"seq":5,"time":"2026-11-30T10:00:00.000Z","event":"x","pr')
    log = AuditLog(tmp_path)
    log.append(event="after")
    assert verify(tmp_path).ok
    assert list(tmp_path.glob("audit-torn-*.bin"))

    # A record its head already named cannot be torn by power loss (it was on disk first): a cut
    # into it is damage, and stays reported after the restart.
    other = tmp_path / "cut"
    _filled(other, 4)
    (other / CURRENT).write_bytes((other / CURRENT).read_bytes()[:-30])
    AuditLog(other).append(event="after")
    result = verify(other)
    assert not result.ok and "removed while it was stopped" in str(result.problem)
