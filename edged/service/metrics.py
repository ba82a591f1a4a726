"""Prometheus metrics of the daemon and the local HTTP endpoint that serves them (/metrics, /healthz).

The text exposition format is a few lines to write, so edged carries no client library: counters,
gauges and histograms with labels, each thread-safe, rendered on every scrape.
"""

from __future__ import annotations

import json
import logging
import math
import threading
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import asdict, dataclass
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import TypeVar

from edged.vocabulary import TRIGGERS

log = logging.getLogger(__name__)

CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8"
# Request latency on an appliance: tens of milliseconds (classify) to a minute (long summaries).
LATENCY_BUCKETS = (0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0, 10.0, 30.0, 60.0, 120.0)
# Escalation triggers, exactly those the router emits; exported at 0 so dashboards and alerts see
# every series from the start, before any request escalated. (Until this round the list was
# written here by hand and named task_policy, local_failure and overload, which the router never
# emits: three series that never moved.)
ESCALATION_TRIGGERS = TRIGGERS

LabelValues = tuple[str, ...]
M = TypeVar("M", bound="_Metric")


def _number(value: float) -> str:
    if math.isnan(value):
        return "NaN"
    if math.isinf(value):
        return "+Inf" if value > 0 else "-Inf"
    if float(value).is_integer() and abs(value) < 1e15:
        return str(int(value))
    return repr(float(value))


def _escape(value: str) -> str:
    return value.replace("\\", "\\\\").replace("\n", "\\n").replace('"', '\\"')


def _labels(names: Sequence[str], values: Sequence[str], extra: str = "") -> str:
    parts = [f'{n}="{_escape(v)}"' for n, v in zip(names, values, strict=True)]
    if extra:
        parts.append(extra)
    return "{" + ",".join(parts) + "}" if parts else ""


class _Metric:
    kind = ""

    def __init__(self, name: str, help_text: str, labels: Sequence[str] = ()) -> None:
        self.name = name
        self.help = help_text
        self.label_names = tuple(labels)
        self._lock = threading.Lock()

    def _key(self, labels: Mapping[str, str]) -> LabelValues:
        if set(labels) != set(self.label_names):
            raise ValueError(f"{self.name} takes labels {self.label_names}, got {tuple(labels)}")
        return tuple(str(labels[n]) for n in self.label_names)

    def header(self) -> list[str]:
        help_text = self.help.replace("\\", "\\\\")
        return [f"# HELP {self.name} {help_text}", f"# TYPE {self.name} {self.kind}"]

    def samples(self) -> list[str]:
        raise NotImplementedError


class Counter(_Metric):
    kind = "counter"

    def __init__(self, name: str, help_text: str, labels: Sequence[str] = ()) -> None:
        super().__init__(name, help_text, labels)
        self._values: dict[LabelValues, float] = {} if labels else {(): 0.0}

    def inc(self, amount: float = 1.0, **labels: str) -> None:
        if amount < 0:
            raise ValueError(f"{self.name}: a counter only goes up")
        key = self._key(labels)
        with self._lock:
            self._values[key] = self._values.get(key, 0.0) + amount

    def seed(self, **labels: str) -> None:
        """Export this series at 0 before its first increment."""
        key = self._key(labels)
        with self._lock:
            self._values.setdefault(key, 0.0)

    def value(self, **labels: str) -> float:
        with self._lock:
            return self._values.get(self._key(labels), 0.0)

    def series(self) -> dict[LabelValues, float]:
        """Every series' value, by its label values in ``label_names`` order."""
        with self._lock:
            return dict(self._values)

    def samples(self) -> list[str]:
        with self._lock:
            items = sorted(self._values.items())
        return [f"{self.name}{_labels(self.label_names, k)} {_number(v)}" for k, v in items]


class Gauge(_Metric):
    kind = "gauge"

    def __init__(self, name: str, help_text: str, labels: Sequence[str] = ()) -> None:
        super().__init__(name, help_text, labels)
        self._values: dict[LabelValues, float] = {}

    def set(self, value: float | None, **labels: str) -> None:
        """Set the value; None removes the series (unknown is absent, not 0)."""
        key = self._key(labels)
        with self._lock:
            if value is None:
                self._values.pop(key, None)
            else:
                self._values[key] = float(value)

    def value(self, **labels: str) -> float | None:
        with self._lock:
            return self._values.get(self._key(labels))

    def samples(self) -> list[str]:
        with self._lock:
            items = sorted(self._values.items())
        return [f"{self.name}{_labels(self.label_names, k)} {_number(v)}" for k, v in items]


class Histogram(_Metric):
    kind = "histogram"

    def __init__(
        self,
        name: str,
        help_text: str,
        labels: Sequence[str] = (),
        buckets: Sequence[float] = LATENCY_BUCKETS,
    ) -> None:
        super().__init__(name, help_text, labels)
        self.buckets = tuple(sorted(buckets))
        # Per series: a count per bucket (not cumulative), then sum and count.
        self._values: dict[LabelValues, tuple[list[int], list[float]]] = {}

    def observe(self, value: float, **labels: str) -> None:
        key = self._key(labels)
        with self._lock:
            counts, totals = self._values.setdefault(key, ([0] * (len(self.buckets) + 1), [0.0, 0.0]))
            index = next((i for i, bound in enumerate(self.buckets) if value <= bound), len(self.buckets))
            counts[index] += 1
            totals[0] += value
            totals[1] += 1

    def count(self, **labels: str) -> int:
        with self._lock:
            found = self._values.get(self._key(labels))
            return int(found[1][1]) if found else 0

    def samples(self) -> list[str]:
        with self._lock:
            items = sorted((k, (list(c), list(t))) for k, (c, t) in self._values.items())
        lines = []
        for key, (counts, (total, count)) in items:
            running = 0
            for bound, n in zip((*self.buckets, math.inf), counts, strict=True):
                running += n
                le = f'le="{_number(bound)}"'
                lines.append(f"{self.name}_bucket{_labels(self.label_names, key, le)} {running}")
            lines.append(f"{self.name}_sum{_labels(self.label_names, key)} {_number(total)}")
            lines.append(f"{self.name}_count{_labels(self.label_names, key)} {_number(count)}")
        return lines


class Registry:
    def __init__(self) -> None:
        self._metrics: list[_Metric] = []

    def add(self, metric: _Metric) -> None:
        if any(m.name == metric.name for m in self._metrics):
            raise ValueError(f"metric {metric.name} is registered twice")
        self._metrics.append(metric)

    def render(self) -> str:
        lines: list[str] = []
        for metric in self._metrics:
            lines += metric.header()
            lines += metric.samples()
        return "\n".join(lines) + "\n"


@dataclass(frozen=True)
class RequestCounts:
    """The totals the telemetry reports, read from the metrics series where the counts live."""

    ok: int = 0  # answered, locally or by the cloud (degraded answers too)
    errors: int = 0  # an error reply other than busy and a queue expiry
    busy: int = 0
    expired: int = 0  # waited past the deadline in the queue
    refused: int = 0  # no reply possible: logged only
    escalated: int = 0  # answered by the cloud
    escalations_failed: int = 0
    completion_tokens: int = 0
    prompt_tokens: int = 0

    def as_dict(self) -> dict[str, int]:
        return asdict(self)


_ANSWERED = frozenset({"ok", "degraded"})


class ServiceMetrics:
    """Every metric the daemon exports, with one method per thing that happens. The only place
    counts live: the telemetry's totals (``counts()``) are read from these series."""

    def __init__(self, escalation_triggers: Iterable[str] = ESCALATION_TRIGGERS) -> None:
        self.registry = registry = Registry()

        def add(metric: M) -> M:
            registry.add(metric)
            return metric

        self.info = add(
            Gauge(
                "edged_info",
                "Version, model and profile of the running daemon (always 1).",
                ("version", "device", "model", "backend", "profile"),
            )
        )
        self.ready = add(Gauge("edged_ready", "1 once config, engine and broker are up (READY=1 sent)."))
        self.broker_connected = add(Gauge("edged_broker_connected", "1 while connected to the broker."))
        self.engine_up = add(
            Gauge("edged_engine_up", "1 while the engine serves; 0 while it restarts, hangs or is down.")
        )
        self.requests = add(
            Counter(
                "edged_requests_total",
                "Requests by task, source (edge, cloud, none: answered before any model) and outcome (ok, "
                "degraded, or the error code; refused: no reply was possible).",
                ("task", "source", "outcome"),
            )
        )
        self.latency = add(
            Histogram(
                "edged_request_duration_seconds",
                "Time from arrival to reply, by task and source.",
                ("task", "source"),
            )
        )
        self.queue_wait = add(Histogram("edged_queue_wait_seconds", "Time requests waited for the engine."))
        self.engine_time = add(
            Histogram(
                "edged_engine_duration_seconds", "Time in the engine per request's batch, by task.", ("task",)
            )
        )
        self.queue_depth = add(Gauge("edged_queue_depth", "Requests waiting for the engine."))
        self.in_flight = add(Gauge("edged_in_flight", "Requests in the engine now."))
        self.tokens = add(
            Counter("edged_tokens_total", "Tokens by kind (prompt, completion, cloud).", ("kind",))
        )
        self.tokens_per_s = add(
            Gauge(
                "edged_engine_tokens_per_second",
                "Completion tokens per second over the last telemetry period.",
            )
        )
        self.escalations = add(
            Counter("edged_escalations_total", "Requests escalated to the cloud, by trigger.", ("trigger",))
        )
        self.cloud_spend = add(
            Counter("edged_cloud_spend_total", "Cloud spend in the budget's currency since start.")
        )
        self.cost_avoided = add(
            Counter(
                "edged_cost_avoided_total",
                "What the answers given locally would have cost in the cloud, since "
                "start, in the budget's currency.",
            )
        )
        self.redactions = add(
            Counter(
                "edged_redactions_total",
                "Values replaced by placeholders before leaving, by type.",
                ("type",),
            )
        )
        self.gpu_temperature = add(
            Gauge("edged_gpu_temperature_celsius", "GPU temperature (absent without a GPU).")
        )
        self.gpu_power = add(Gauge("edged_gpu_power_watts", "GPU power draw (absent where not measurable)."))
        self.cert_not_after = add(
            Gauge(
                "edged_certificate_not_after_timestamp_seconds",
                "When the device certificate expires (Unix time).",
            )
        )
        self.cert_expiring = add(
            Gauge(
                "edged_certificate_expiring",
                "1 when the device certificate expires within ops.certificate_warn_days, or has expired.",
            )
        )
        self.escalation_failures = add(
            Counter(
                "edged_escalation_failures_total",
                "Escalations the cloud did not answer, by error code (the local answer went back "
                "degraded, or the error).",
                ("code",),
            )
        )
        for token_kind in ("prompt", "completion", "cloud"):
            self.tokens.seed(kind=token_kind)
        for trigger in escalation_triggers:
            self.escalations.seed(trigger=trigger)
        self.ready.set(0)
        self.broker_connected.set(0)

    def render(self) -> str:
        return self.registry.render()

    def request_done(
        self,
        task: str,
        source: str,
        outcome: str,
        *,
        total_s: float,
        queue_s: float | None = None,
        engine_s: float | None = None,
    ) -> None:
        self.requests.inc(task=task, source=source, outcome=outcome)
        self.latency.observe(total_s, task=task, source=source)
        if queue_s is not None:
            self.queue_wait.observe(queue_s)
        if engine_s:
            self.engine_time.observe(engine_s, task=task)

    def refused(self) -> None:
        self.requests.inc(task="unknown", source="none", outcome="refused")

    def counts(self) -> RequestCounts:
        """The totals since start, by what happened to each request."""
        totals = dict.fromkeys(("ok", "errors", "busy", "expired", "refused", "escalated"), 0)
        for (_task, source, outcome), value in self.requests.series().items():
            n = int(value)
            if outcome in _ANSWERED:
                totals["ok"] += n
                totals["escalated"] += n if source == "cloud" else 0
            elif outcome in ("refused", "busy"):
                totals[outcome] += n
            elif outcome == "deadline_exceeded" and source == "none":
                totals["expired"] += n  # never reached the engine: it expired in the queue
            else:
                totals["errors"] += n
        return RequestCounts(
            **totals,
            escalations_failed=int(sum(self.escalation_failures.series().values())),
            completion_tokens=int(self.tokens.value(kind="completion")),
            prompt_tokens=int(self.tokens.value(kind="prompt")),
        )

    def add_tokens(self, usage: Mapping[str, int]) -> None:
        for name, kind in (
            ("prompt_tokens", "prompt"),
            ("completion_tokens", "completion"),
            ("cloud_tokens", "cloud"),
        ):
            if usage.get(name):
                self.tokens.inc(usage[name], kind=kind)

    # Hooks for the escalation and privacy paths.

    def escalation(self, trigger: str) -> None:
        self.escalations.inc(trigger=trigger)

    def escalation_failed(self, code: str) -> None:
        self.escalation_failures.inc(code=code)

    def add_cloud_spend(self, amount: float) -> None:
        self.cloud_spend.inc(amount)

    def add_cost_avoided(self, amount: float) -> None:
        self.cost_avoided.inc(amount)

    def add_redactions(self, counts: Mapping[str, int]) -> None:
        for kind, n in counts.items():
            if n:
                self.redactions.inc(n, type=kind)


HealthProbe = Callable[[], tuple[bool, dict[str, object]]]


class MetricsServer:
    """GET /metrics (Prometheus text) and /healthz (200 or 503 with a JSON body) on a local port."""

    def __init__(self, render: Callable[[], str], health: HealthProbe, host: str, port: int) -> None:
        self._render = render
        self._health = health
        self._server = ThreadingHTTPServer((host, port), self._handler_class())
        self._server.daemon_threads = True
        self._thread: threading.Thread | None = None

    @property
    def address(self) -> tuple[str, int]:
        host, port = self._server.server_address[:2]
        return str(host), int(port)

    def _handler_class(self) -> type[BaseHTTPRequestHandler]:
        server = self

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self) -> None:
                path = self.path.split("?", 1)[0]
                if path == "/metrics":
                    self._send(200, CONTENT_TYPE, server._render().encode())
                elif path == "/healthz":
                    healthy, body = server._health()
                    self._send(200 if healthy else 503, "application/json", json.dumps(body).encode())
                else:
                    self._send(404, "text/plain; charset=utf-8", b"try /metrics or /healthz\n")

            def _send(self, code: int, content_type: str, body: bytes) -> None:
                self.send_response(code)
                self.send_header("Content-Type", content_type)
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

            def log_message(self, format: str, *args: object) -> None:
                log.debug("metrics endpoint: " + format, *args)

        return Handler

    def start(self) -> MetricsServer:
        self._thread = threading.Thread(target=self._server.serve_forever, name="edged-metrics", daemon=True)
        self._thread.start()
        return self

    def stop(self) -> None:
        if self._thread is not None:
            self._server.shutdown()
            self._thread.join(5)
        self._server.server_close()
