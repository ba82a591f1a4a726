"""Deadlines end at the reply, not at the queue: generation and label scoring stop when a request's
deadline passes, and a request whose input cannot even be read in time is refused up front."""

from __future__ import annotations

import time

import pytest

from edged.engines.base import ChatMessage, Engine, GenerationRequest
from edged.errors import DeadlineExceeded
from tests.service.conftest import MakeClient, StartDaemon

pytestmark = pytest.mark.engine

STORY = "Write a very long story about a pump station, with many chapters."
LONG_LABELS = [f"a fault in the hydraulic subsystem number {i} of the press line" for i in range(32)]


def test_generation_stops_at_the_deadline_with_the_tokens_so_far(cpu_engine: Engine) -> None:
    started = time.monotonic()
    request = GenerationRequest.from_prompt(STORY, max_tokens=400)
    deadlined = GenerationRequest(request.messages, max_tokens=400, deadline=started + 0.4)
    [result] = cpu_engine.generate([deadlined])
    elapsed = time.monotonic() - started
    assert result.finish_reason == "deadline"
    assert 0 < result.completion_tokens < 400
    assert elapsed < 2.0


def test_label_scoring_stops_at_the_deadline(cpu_engine: Engine) -> None:
    messages = (ChatMessage("user", "The press makes a grinding noise."),)
    with pytest.raises(DeadlineExceeded):
        cpu_engine.score_labels(messages, LONG_LABELS, deadline=time.monotonic() - 0.01)


def test_a_request_past_its_deadline_in_the_engine_is_answered_at_the_deadline(
    start_daemon: StartDaemon, make_client: MakeClient
) -> None:
    start_daemon()
    started = time.monotonic()
    reply = make_client().request({"task": "ask", "input": STORY, "max_tokens": 900, "deadline_ms": 1000})
    elapsed = time.monotonic() - started
    assert reply.body["status"] == "error" and reply.body["error"]["code"] == "deadline_exceeded", reply.body
    assert "generation stopped" in reply.body["error"]["message"]
    assert reply.body["partial"]["text"]  # what it had written by then
    assert elapsed < 3.0  # finding 2: the answer came long after the deadline


def test_classify_with_many_long_labels_respects_a_short_deadline(
    start_daemon: StartDaemon, make_client: MakeClient
) -> None:
    """Finding 2 as found: deadline_ms 1000 and 32 long labels answered ok after 16.8 s."""
    start_daemon()
    started = time.monotonic()
    reply = make_client().request(
        {"task": "classify", "input": "The press makes a grinding noise.", "labels": LONG_LABELS,
         "deadline_ms": 1000}
    )
    elapsed = time.monotonic() - started
    body = reply.body
    assert body["status"] == "ok" or body["error"]["code"] == "deadline_exceeded", body
    # was 16.8 s; the bound leaves room for a loaded CI machine (the bench measures the real margin)
    assert elapsed < 6.0, elapsed


def test_an_input_too_long_to_read_in_time_is_refused_before_the_engine_runs(
    start_daemon: StartDaemon, make_client: MakeClient
) -> None:
    daemon = start_daemon()
    client = make_client()
    # one ordinary request teaches the runner this engine's prefill rate
    assert client.request({"task": "summarize", "input": "The pump leaks oil near the seal. " * 20,
                           "max_tokens": 2}).ok
    assert daemon.runner.prefill_tokens_per_s is not None
    started = time.monotonic()
    reply = client.request({"task": "summarize", "input": "The pump leaks oil near the seal. " * 150,
                            "max_tokens": 4, "deadline_ms": 100})
    elapsed = time.monotonic() - started
    assert reply.body["error"]["code"] == "deadline_exceeded", reply.body
    assert "reading its" in reply.body["error"]["message"]
    assert elapsed < 1.5
