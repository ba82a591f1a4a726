"""The daemon's metrics: every series it exports, and the only place its counts live (the
telemetry's totals are read from them). The exposition primitives and the HTTP endpoint are in
``prometheus.py``."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import asdict, dataclass

from edged.service.prometheus import Counter, Gauge, Histogram, Registry
from edged.vocabulary import TRIGGERS

# Escalation triggers, exactly those the router emits; exported at 0 so dashboards and alerts see
# every series from the start, before any request escalated.
ESCALATION_TRIGGERS = TRIGGERS


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
        self.registry = Registry()
        self._state_metrics()
        self._request_metrics()
        self._cloud_metrics()
        self._device_metrics()
        for token_kind in ("prompt", "completion", "cloud"):
            self.tokens.seed(kind=token_kind)
        for trigger in escalation_triggers:
            self.escalations.seed(trigger=trigger)
        self.ready.set(0)
        self.broker_connected.set(0)

    def _state_metrics(self) -> None:
        add = self.registry.add
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

    def _request_metrics(self) -> None:
        add = self.registry.add
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

    def _cloud_metrics(self) -> None:
        add = self.registry.add
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
        self.escalation_failures = add(
            Counter(
                "edged_escalation_failures_total",
                "Escalations the cloud did not answer, by error code (the local answer went back "
                "degraded, or the error).",
                ("code",),
            )
        )

    def _device_metrics(self) -> None:
        add = self.registry.add
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


