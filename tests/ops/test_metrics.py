"""Prometheus exposition and the local HTTP endpoint (/metrics, /healthz)."""

from __future__ import annotations

import json
import urllib.error
import urllib.request

import pytest

from edged.service.metrics import ServiceMetrics
from edged.service.prometheus import Counter, Gauge, Histogram, MetricsServer, Registry


def test_text_exposition_format() -> None:
    registry = Registry()
    counter = Counter("x_total", "Things.\\ counted", ("kind",))
    gauge = Gauge("y", "A level.")
    histogram = Histogram("z_seconds", "Times.", buckets=(0.1, 1.0))
    for metric in (counter, gauge, histogram):
        registry.add(metric)
    counter.inc(kind='a"b\nc')
    counter.inc(2, kind="plain")
    gauge.set(1.5)
    histogram.observe(0.05)
    histogram.observe(0.5)
    histogram.observe(7)
    assert registry.render() == (
        "# HELP x_total Things.\\\\ counted\n"
        "# TYPE x_total counter\n"
        'x_total{kind="a\\"b\\nc"} 1\n'
        'x_total{kind="plain"} 2\n'
        "# HELP y A level.\n"
        "# TYPE y gauge\n"
        "y 1.5\n"
        "# HELP z_seconds Times.\n"
        "# TYPE z_seconds histogram\n"
        'z_seconds_bucket{le="0.1"} 1\n'
        'z_seconds_bucket{le="1"} 2\n'
        'z_seconds_bucket{le="+Inf"} 3\n'
        "z_seconds_sum 7.55\n"
        "z_seconds_count 3\n"
    )
    gauge.set(None)  # unknown is absent, not zero
    assert "\ny " not in registry.render()
    with pytest.raises(ValueError, match="takes labels"):
        counter.inc(other="x")
    with pytest.raises(ValueError, match="only goes up"):
        counter.inc(-1, kind="plain")
    with pytest.raises(ValueError, match="twice"):
        registry.add(Gauge("y", "again"))


def test_service_metrics_export_every_series_an_operator_alerts_on() -> None:
    metrics = ServiceMetrics()
    metrics.request_done("ask", "edge", "ok", total_s=0.8, queue_s=0.01, engine_s=0.75)
    metrics.request_done("ask", "none", "busy", total_s=0.001)
    metrics.refused()
    metrics.add_tokens({"prompt_tokens": 30, "completion_tokens": 12, "cloud_tokens": 0})
    metrics.add_redactions({"PERSON": 2, "EMAIL": 0})
    metrics.add_cloud_spend(0.25)
    metrics.escalation("low_confidence")
    text = metrics.render()
    for line in (
        'edged_requests_total{task="ask",source="edge",outcome="ok"} 1',
        'edged_requests_total{task="ask",source="none",outcome="busy"} 1',
        'edged_requests_total{task="unknown",source="none",outcome="refused"} 1',
        'edged_request_duration_seconds_count{task="ask",source="edge"} 1',
        'edged_engine_duration_seconds_count{task="ask"} 1',
        "edged_queue_wait_seconds_count 1",
        'edged_tokens_total{kind="completion"} 12',
        'edged_tokens_total{kind="cloud"} 0',
        'edged_escalations_total{trigger="low_confidence"} 1',
        'edged_escalations_total{trigger="busy"} 0',  # seeded: visible before the first one
        'edged_redactions_total{type="PERSON"} 2',
        "edged_cloud_spend_total 0.25",
        "edged_ready 0",
        "# TYPE edged_gpu_temperature_celsius gauge",
    ):
        assert line in text.splitlines(), line
    assert 'type="EMAIL"' not in text
    assert "\nedged_gpu_temperature_celsius " not in text  # no GPU reading, no sample


def _get(port: int, path: str) -> tuple[int, str, str]:
    try:
        with urllib.request.urlopen(f"http://127.0.0.1:{port}{path}", timeout=5) as response:
            return response.status, response.headers["Content-Type"], response.read().decode()
    except urllib.error.HTTPError as exc:
        with exc:
            return exc.code, exc.headers["Content-Type"], exc.read().decode()


def test_the_endpoint_serves_metrics_and_health_on_a_local_port() -> None:
    state = {"healthy": False}
    server = MetricsServer(
        lambda: "edged_ready 1\n", lambda: (state["healthy"], {"status": "x"}), "127.0.0.1", 0
    ).start()
    try:
        host, port = server.address
        assert host == "127.0.0.1"
        assert _get(port, "/metrics") == (200, "text/plain; version=0.0.4; charset=utf-8", "edged_ready 1\n")
        code, kind, body = _get(port, "/healthz")
        assert (code, kind, json.loads(body)) == (503, "application/json", {"status": "x"})
        state["healthy"] = True
        assert _get(port, "/healthz")[0] == 200
        assert _get(port, "/nothing")[0] == 404
    finally:
        server.stop()


def test_every_trigger_the_router_can_emit_has_a_series() -> None:
    """The metrics seeded task_policy, local_failure and overload, which the router never emits,
    and missed policy_cloud, engine_error and busy, which it does."""
    from edged.escalation.config import TaskPolicy
    from edged.escalation.router import trigger_for
    from edged.vocabulary import TRIGGERS

    emitted = set()
    for client in ("auto", "force"):
        for mode in ("auto", "cloud"):
            policy = TaskPolicy(
                mode=mode,
                on_too_long=True,
                on_engine_error=True,
                on_busy=True,
                on_invalid=True,
                threshold=0.5,
            )
            for error_code in (None, "input_too_long", "engine_error", "busy", "other"):
                for valid in (True, False):
                    for confidence in (None, 0.1, 0.9):
                        trigger = trigger_for(
                            client=client,
                            policy=policy,
                            error_code=error_code,
                            valid=valid,
                            confidence=confidence,
                        )
                        if trigger is not None:
                            emitted.add(trigger)
    assert emitted == set(TRIGGERS)
    lines = ServiceMetrics().render().splitlines()
    for trigger in TRIGGERS:
        assert f'edged_escalations_total{{trigger="{trigger}"}} 0' in lines, trigger
