"""The daemon end to end: real Mosquitto with mTLS, the real CPU engine, real clients."""

from __future__ import annotations

import json
import threading
import time
import uuid
from collections.abc import Sequence

import paho.mqtt.client as paho
import pytest
from paho.mqtt.packettypes import PacketTypes

from edged.engines.base import (
    AdapterRef,
    ChatMessage,
    Engine,
    EngineHealth,
    EngineInfo,
    GenerationRequest,
    GenerationResult,
    LabelScore,
    TokenCallback,
)
from edged.service.transport import mqtt_properties
from tests.service.conftest import MakeClient, StartDaemon
from tests.support.broker import MosquittoBroker
from tests.support.fixtures import ClientFactory, ProvisionedSite

pytestmark = pytest.mark.engine


def test_ask_round_trip(start_daemon: StartDaemon, make_client: MakeClient) -> None:
    start_daemon()
    reply = make_client().request({"task": "ask", "input": "What is the capital of France?"})
    body = reply.body
    assert body["status"] == "ok", body
    assert "Paris" in body["output"]["text"]
    assert body["source"] == "edge"
    assert body["escalated"] is False
    assert body["model"] == "smollm2-135m-instruct@cpu"
    assert body["usage"]["completion_tokens"] > 0
    assert body["usage"]["cloud_tokens"] == 0
    assert body["timings_ms"]["total"] >= body["timings_ms"]["engine"] > 0


def test_extract_and_classify(start_daemon: StartDaemon, make_client: MakeClient) -> None:
    start_daemon()
    client = make_client()
    extract = client.request({"task": "extract", "input": {"note": "Press P-7 grinds since 03:00."},
                              "fields": ["machine", "symptom"]}).body
    assert extract["status"] == "ok", extract
    assert set(extract["output"]) == {"machine", "symptom"}
    classify = client.request({"task": "classify", "input": "Motor M3 overheated and tripped.",
                               "labels": ["fault", "normal"]}).body
    assert classify["status"] == "ok", classify
    assert classify["output"]["label"] in {"fault", "normal"}
    scores = classify["output"]["scores"]
    assert classify["confidence"] == pytest.approx(max(scores.values()), abs=1e-3)


def test_streamed_reply_is_chunks_then_one_final(start_daemon: StartDaemon, make_client: MakeClient) -> None:
    start_daemon()
    reply = make_client().request({"task": "ask", "input": "Say hello.", "stream": True, "max_tokens": 12})
    assert reply.ok, reply.body
    assert reply.chunks
    assert [c["index"] for c in reply.chunks] == list(range(len(reply.chunks)))
    assert "".join(c["text"] for c in reply.chunks).strip() == reply.body["output"]["text"].strip()


def test_streamed_pieces_are_joined_per_interval(start_daemon: StartDaemon, make_client: MakeClient) -> None:
    """An interval longer than the answer: the first piece at once, the rest as one chunk before
    the final reply (with 0, a chunk per piece)."""
    start_daemon(stream_interval_ms=5000)
    reply = make_client().request({"task": "ask", "input": "Count from one to ten.", "stream": True,
                                   "max_tokens": 12})
    assert reply.ok, reply.body
    assert reply.body["usage"]["completion_tokens"] > 2
    assert [c["index"] for c in reply.chunks] == [0, 1]
    assert "".join(c["text"] for c in reply.chunks).strip() == reply.body["output"]["text"].strip()


def test_mqtt311_client_uses_payload_reply_to(
    start_daemon: StartDaemon, site: ProvisionedSite, broker: MosquittoBroker, mqtt_client: ClientFactory,
) -> None:
    start_daemon()
    client = mqtt_client(site.identity("alice"), broker, protocol=paho.MQTTv311)
    client.subscribe_and_wait("edged/dev-1/resp/alice/v3")
    client.publish_and_wait("edged/dev-1/req/alice", json.dumps({
        "task": "ask", "input": "Which planet do we live on?", "max_tokens": 16,
        "reply_to": "edged/dev-1/resp/alice/v3", "correlation_id": "job-42",
    }))
    body = json.loads(client.next_message(timeout=30).payload)
    assert body["status"] == "ok"
    assert body["correlation_id"] == "job-42"


def _v5_request(client: paho.Client, payload: bytes, response_topic: str | None,
                topic: str = "edged/dev-1/req/alice") -> bytes:
    correlation = uuid.uuid4().bytes
    props = mqtt_properties(PacketTypes.PUBLISH)
    if response_topic is not None:
        props.ResponseTopic = response_topic
    props.CorrelationData = correlation
    client.publish_and_wait(topic, payload, properties=props)  # type: ignore[attr-defined]
    return correlation


@pytest.mark.parametrize(
    ("payload", "code"),
    [
        (b"this is not json", "bad_request"),
        (b'{"task": "ask", "input": 5}', "bad_request"),
        (b'["task", "ask"]', "bad_request"),
        (b'{"task": "poem", "input": "x"}', "unknown_task"),
        (b'{"task": "ask", "input": "' + b"x" * 70000 + b'"}', "too_large"),
        (b'{"task": "ask", "input": "\xff\xfe"}', "bad_encoding"),
        (b'{"task": "ask", "input": "x", "max_tokens": 5000}', "bad_request"),
        (b'{"task": "ask", "input": "x", "max_tokens": true}', "bad_request"),
        (b'{"task": "extract", "input": "x"}', "bad_request"),
    ],
)
def test_bad_requests_get_an_error_reply_and_the_daemon_serves_on(
    start_daemon: StartDaemon, site: ProvisionedSite, broker: MosquittoBroker, mqtt_client: ClientFactory,
    make_client: MakeClient, payload: bytes, code: str,
) -> None:
    daemon = start_daemon()
    client = mqtt_client(site.identity("alice"), broker)
    client.subscribe_and_wait("edged/dev-1/resp/alice/#")
    correlation = _v5_request(client, payload, "edged/dev-1/resp/alice/bad")
    message = client.next_message(timeout=10)
    assert message.properties.CorrelationData == correlation
    body = json.loads(message.payload)
    assert body["status"] == "error"
    assert body["error"]["code"] == code
    assert body["error"]["message"]
    assert daemon.metrics.counts().errors == 1
    # the broker makes the certificate's name the client id: a second connection as alice would
    # take the first one's place, and the two, each reconnecting, would keep taking it in turn
    client.close()
    assert make_client().request({"task": "ask", "input": "Say hi.", "max_tokens": 4}).ok


@pytest.mark.parametrize(
    "response_topic",
    [
        "edged/dev-1/resp/alice/#",      # a wildcard
        "edged/dev-1/resp/bob/inbox",    # another client's prefix
        "edged/dev-2/status",            # not a response topic at all
        None,                            # no Response Topic and no reply_to
    ],
)
def test_requests_without_a_lawful_reply_topic_get_no_reply_but_a_log_line(
    start_daemon: StartDaemon, site: ProvisionedSite, broker: MosquittoBroker, mqtt_client: ClientFactory,
    make_client: MakeClient, response_topic: str | None, caplog: pytest.LogCaptureFixture,
) -> None:
    daemon = start_daemon()
    alice = mqtt_client(site.identity("alice"), broker)
    alice.subscribe_and_wait("edged/dev-1/resp/alice/#")
    bob = mqtt_client(site.identity("bob"), broker)
    bob.subscribe_and_wait("edged/dev-1/resp/bob/#")
    with caplog.at_level("WARNING", logger="edged.service.daemon"):
        _v5_request(alice, b'{"task": "ask", "input": "x"}', response_topic)
        deadline = time.monotonic() + 5

        def logged() -> bool:
            return any("refused a message" in r.message for r in caplog.records)

        # the count and the log line are written one after the other by the network thread
        while not (daemon.metrics.counts().refused and logged()) and time.monotonic() < deadline:
            time.sleep(0.01)
    assert daemon.metrics.counts().refused == 1
    assert logged()
    alice.expect_no_message(within=0.3)
    bob.expect_no_message(within=0.05)
    assert daemon.metrics.counts().ok == daemon.metrics.counts().errors == 0
    bob.close()  # one connection per certificate name (see above)
    assert make_client("bob").request({"task": "ask", "input": "Say hi.", "max_tokens": 4}).ok


def test_status_is_retained_online_then_offline(
    start_daemon: StartDaemon, site: ProvisionedSite, broker: MosquittoBroker, mqtt_client: ClientFactory,
) -> None:
    daemon = start_daemon()
    watcher = mqtt_client(site.identity("watcher"), broker)
    watcher.subscribe_and_wait("edged/dev-1/status")
    online = watcher.next_message()
    assert online.retain
    assert json.loads(online.payload)["status"] == "online"
    assert json.loads(online.payload)["model"] == "smollm2-135m-instruct@cpu"
    assert json.loads(online.payload)["guidance"] == "llguidance"
    telemetry_watcher = mqtt_client(site.identity("carol"), broker)
    telemetry_watcher.subscribe_and_wait("edged/dev-1/telemetry")
    telemetry = json.loads(telemetry_watcher.next_message(timeout=5).payload)
    assert telemetry["queue_depth"] == 0
    daemon.stop()
    offline = watcher.next_message(timeout=30)
    assert json.loads(offline.payload)["status"] == "offline"


def test_pool_requests_are_served_once_by_one_member(
    start_daemon: StartDaemon, make_client: MakeClient,
) -> None:
    first, second = start_daemon("dev-1"), start_daemon("dev-2")
    client = make_client(pool="line3")
    results: list[bool] = []
    threads = [
        threading.Thread(target=lambda: results.append(
            client.request({"task": "ask", "input": "Say hi.", "max_tokens": 3}).ok))
        for _ in range(8)
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(60)
    assert results == [True] * 8
    assert first.metrics.counts().ok + second.metrics.counts().ok == 8
    assert first.metrics.counts().ok > 0
    assert second.metrics.counts().ok > 0


class FlakyEngine:
    """The real engine, except that the first generate() fails mid-batch."""

    def __init__(self, inner: Engine, delay: float = 0.0) -> None:
        self.inner = inner
        self.delay = delay
        self.fail_next = True
        self.batches: list[int] = []

    @property
    def info(self) -> EngineInfo:
        return self.inner.info

    def count_tokens(self, messages: Sequence[ChatMessage]) -> int:
        return self.inner.count_tokens(messages)

    def generate(self, requests: Sequence[GenerationRequest],
                 on_token: TokenCallback | None = None) -> list[GenerationResult]:
        self.batches.append(len(requests))
        time.sleep(self.delay)
        if self.fail_next:
            self.fail_next = False
            raise RuntimeError("CUDA error: an illegal memory access was encountered")
        return self.inner.generate(requests, on_token)

    def score_labels(self, messages: Sequence[ChatMessage], labels: Sequence[str], *,
                     complete: bool = True, deadline: float | None = None,
                     adapter: AdapterRef | None = None) -> list[LabelScore]:
        return self.inner.score_labels(messages, labels, complete=complete, deadline=deadline,
                                       adapter=adapter)

    def health(self) -> EngineHealth:
        return self.inner.health()

    def close(self) -> None:
        pass


def _fire(client_factory: MakeClient, count: int, body: dict[str, object]) -> list[dict[str, object]]:
    client = client_factory()
    replies: list[dict[str, object]] = []
    lock = threading.Lock()

    def one() -> None:
        reply = client.request(body, timeout=60)
        with lock:
            replies.append(reply.body)

    threads = [threading.Thread(target=one) for _ in range(count)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(90)
    return replies


def test_engine_failing_mid_batch_fails_each_request_and_the_daemon_lives(
    start_daemon: StartDaemon, make_client: MakeClient, cpu_engine: Engine,
) -> None:
    flaky = FlakyEngine(cpu_engine, delay=0.3)
    start_daemon(engine=flaky)
    replies = _fire(make_client, 4, {"task": "ask", "input": "Say hi.", "max_tokens": 3})
    codes = sorted(str(r.get("error", {}).get("code") if r["status"] == "error" else "ok")  # type: ignore[union-attr]
                   for r in replies)
    failed = flaky.batches[0]
    assert codes.count("engine_error") == failed >= 1
    assert codes.count("ok") == 4 - failed
    assert make_client().request({"task": "ask", "input": "Say hi.", "max_tokens": 3}).ok


def test_burst_of_ten_times_the_queue_gets_busy_not_a_crash(
    start_daemon: StartDaemon, make_client: MakeClient, cpu_engine: Engine,
) -> None:
    slow = FlakyEngine(cpu_engine, delay=0.2)
    slow.fail_next = False
    daemon = start_daemon(engine=slow, queue_size=3, max_batch=1)
    depths: list[int] = []
    sampling = threading.Event()

    def sample() -> None:
        while not sampling.is_set():
            depths.append(daemon.scheduler.depth)
            time.sleep(0.005)

    sampler = threading.Thread(target=sample)
    sampler.start()
    replies = _fire(make_client, 30, {"task": "ask", "input": "Say hi.", "max_tokens": 2})
    sampling.set()
    sampler.join()
    statuses = [r["status"] for r in replies]
    codes = [r["error"]["code"] for r in replies if r["status"] == "error"]  # type: ignore[index]
    assert len(replies) == 30
    assert set(codes) == {"busy"}
    assert statuses.count("ok") >= 3
    assert len(codes) >= 15
    assert max(depths) <= 3
    assert daemon.metrics.counts().busy == len(codes)


def test_requests_that_wait_past_their_deadline_are_told_so(
    start_daemon: StartDaemon, make_client: MakeClient, cpu_engine: Engine,
) -> None:
    slow = FlakyEngine(cpu_engine, delay=1.0)
    slow.fail_next = False
    start_daemon(engine=slow, max_batch=1)
    replies = _fire(make_client, 3, {"task": "ask", "input": "Say hi.", "max_tokens": 2, "deadline_ms": 500})
    codes = sorted(r["error"]["code"] for r in replies if r["status"] == "error")  # type: ignore[index]
    # two waited in the queue past their deadline; the one in the (slow) engine is stopped at its
    # deadline too, instead of answering ok long after it (deadlines end at the reply)
    assert codes == ["deadline_exceeded"] * 3
