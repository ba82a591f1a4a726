"""Replies: one reply per request whoever tries second (engine, cloud, shutdown), and the counts
and metrics that go with each, in one place."""

from __future__ import annotations

import json

from edged.escalation.router import EscalationDecision
from edged.requests import Limits
from edged.service.metrics import ServiceMetrics
from edged.service.protocol import parse_request
from edged.service.replies import InFlight, Replies
from edged.service.runner import TaskResult
from edged.service.scheduler import Job


class RecordingTransport:
    connected = True

    def __init__(self) -> None:
        self.sent: list[tuple[str, dict[str, object]]] = []

    def start(self) -> None: ...

    def stop(self, timeout: float = 5.0) -> None: ...

    def wait_connected(self, timeout: float) -> bool:
        return True

    def publish(self, topic: str, payload: bytes, *, qos: int = 1, retain: bool = False,
                correlation: bytes | None = None) -> object:
        self.sent.append((topic, json.loads(payload)))
        return None


def _job(text: str = "hello") -> Job[InFlight]:
    request = parse_request(
        json.dumps({"task": "ask", "input": text}).encode(),
        topic="edged/dev-1/req/bob",
        response_topic="edged/dev-1/resp/bob/1",
        correlation=b"c1",
        prefix="edged",
        tasks={"ask"},
        limits=Limits(),
        received_at=0.0,
    )
    return Job(InFlight(request), enqueued_at=0.0, deadline=30.0, started_at=0.5)


def _replies() -> tuple[Replies, RecordingTransport, ServiceMetrics]:
    transport, metrics = RecordingTransport(), ServiceMetrics()
    replies = Replies(transport, metrics, model="tiny@cpu", clock=lambda: 1.0)
    return replies, transport, metrics


def test_the_first_reply_wins_and_later_ones_are_dropped() -> None:
    replies, transport, metrics = _replies()
    job = _job()
    replies.track(job.item)
    assert replies.unanswered() == [job.item]
    sent = replies.local(job, TaskResult(output="hi", usage={"completion_tokens": 2}), None)
    replies.error(job.item, "shutting_down", "stopping")
    assert sent == "clean"
    assert len(transport.sent) == 1 and transport.sent[0][1]["output"] == "hi"
    counts = metrics.counts()
    assert counts.ok == 1 and counts.errors == 0 and counts.completion_tokens == 2
    assert replies.unanswered() == []


def test_a_local_answer_with_a_reason_is_degraded_and_an_engine_error_is_an_error() -> None:
    replies, transport, metrics = _replies()
    blocked = EscalationDecision(False, "low_confidence", "the cloud is not allowed for this task")
    assert replies.local(_job(), TaskResult(output="maybe", confidence=0.2), blocked) == "degraded"
    assert transport.sent[-1][1]["degraded"] is True
    assert replies.local(_job(), TaskResult(error_code="engine_error", error_message="died"), None) is None
    assert transport.sent[-1][1]["error"]["code"] == "engine_error"
    counts = metrics.counts()
    assert counts.ok == 1 and counts.errors == 1


def test_the_telemetry_totals_are_read_from_the_metrics_series() -> None:
    """Counts live once, in ServiceMetrics: each outcome lands in exactly one telemetry total,
    and the Prometheus text shows the same numbers."""
    replies, _transport, metrics = _replies()
    replies.local(_job(), TaskResult(output="hi", usage={"prompt_tokens": 7, "completion_tokens": 3}), None)
    replies.local(_job(), TaskResult(error_code="engine_error", error_message="died"), None)
    queued = Job(_job().item, enqueued_at=0.0, deadline=0.5)  # never started: expired in the queue
    replies.error(queued.item, "deadline_exceeded", "waited too long", job=queued)
    replies.error(_job().item, "busy", "at capacity")
    metrics.refused()
    metrics.escalation_failed("cloud_timeout")
    counts = metrics.counts()
    assert counts.as_dict() == {
        "ok": 1, "errors": 1, "busy": 1, "expired": 1, "refused": 1, "escalated": 0,
        "escalations_failed": 1, "completion_tokens": 3, "prompt_tokens": 7,
    }
    text = metrics.render()
    assert 'edged_escalation_failures_total{code="cloud_timeout"} 1' in text
    assert 'edged_tokens_total{kind="completion"} 3' in text


def test_a_wanted_escalation_without_room_on_the_cloud_pool_says_so() -> None:
    """The engine's answer to a request the cloud should have taken, when the pool had no slot:
    degraded, and the reason names the full pool (not just the trigger)."""
    from edged.escalation.router import EscalationDecision as Decision
    from edged.service.dispatch import EscalationDispatch

    class WantsCloud:
        def decide(self, request: object, **_: object) -> Decision:
            return Decision(True, "client_force", None)

        def record_local(self, request: object, usage: object) -> float:
            return 0.0

        def wants_shadow(self, request: object) -> bool:
            return False

    replies, transport, metrics = _replies()
    dispatch = EscalationDispatch(WantsCloud(), replies, metrics, workers=1)  # type: ignore[arg-type]
    for _ in range(4):
        assert dispatch._slots.acquire(blocking=False)  # every slot taken
    dispatch.answer(_job(), TaskResult(output="hi"))
    body = transport.sent[-1][1]
    assert body["degraded"] is True
    assert body["reason"] == "client_force; not escalated: the cloud pool is full"
    dispatch.close()
