"""What the daemon tells the outside about itself: the retained status, telemetry, the thermal
guard, certificate health, systemd's notifications and watchdog, /healthz and /metrics.

It publishes through the daemon's transport and reads the intake's state (queue depth, whether
requests are still taken, the counts) through the callables it is given; it never touches a
request. The daemon composes it (see ``Daemon.__init__``); the transport is attached after it
exists, because the transport's Last Will is this reporter's "offline" status.
"""

from __future__ import annotations

import json
import logging
import os
import threading
from collections.abc import Callable
from datetime import datetime, timezone
from typing import Protocol

from edged import __version__
from edged.backends import guidance_of
from edged.certificates import CertValidity, read_certificate
from edged.config import EdgedConfig
from edged.engines.base import Engine
from edged.errors import ConfigError, PkiError
from edged.escalation.service import Escalator
from edged.hardware.profiles import ThermalLimits, get_profile
from edged.hardware.telemetry import GpuSampler, read_host
from edged.hardware.thermal import ThermalGuard
from edged.service.metrics import RequestCounts, ServiceMetrics
from edged.service.systemd import Notifier
from edged.service.transport import Transport

log = logging.getLogger(__name__)


class QueueView(Protocol):
    """What the reporter reads of the scheduler, and the batch size the thermal guard lowers."""

    max_batch: int

    @property
    def in_flight(self) -> int: ...

    @property
    def depth(self) -> int: ...


def thermal_limits_for(profile: str) -> ThermalLimits:
    """The profile's thermal limits, read once at start (a profile not shipped: the defaults)."""
    try:
        return get_profile(profile).thermal
    except ConfigError:
        return ThermalLimits()


class HealthReporter:
    """Status, telemetry, thermal guard, certificate health, systemd and /healthz for one daemon."""

    def __init__(
        self,
        config: EdgedConfig,
        engine: Engine,
        scheduler: QueueView,
        *,
        accepting: Callable[[], bool],
        metrics: ServiceMetrics,
        notifier: Notifier,
        escalator: Escalator | None,
        gpu: GpuSampler | None,
        thermal_limits: ThermalLimits,
        clock: Callable[[], float],
    ) -> None:
        self.config = config
        self.engine = engine
        self.scheduler = scheduler
        self._accepting = accepting
        self.metrics = metrics
        self.notifier = notifier
        self.escalator = escalator
        self.gpu = gpu
        self.thermal = ThermalGuard(thermal_limits, scheduler.max_batch)
        self.clock = clock
        self.transport: Transport | None = None
        self.device = config.device_id
        self.model = f"{engine.info.model_id}@{engine.info.profile}"
        prefix = config.mqtt.prefix
        self.status_topic = f"{prefix}/{self.device}/status"
        self.telemetry_topic = f"{prefix}/{self.device}/telemetry"
        self.started_at = datetime.now(timezone.utc)
        self._started_mono = clock()
        self.ready = False
        self.metrics.engine_up.set(1)
        self._last_engine_state = "serving"
        self._engine_state_lock = threading.Lock()
        listen = getattr(engine, "add_listener", None)
        if callable(listen):  # an engine in its own process tells when it restarts
            listen(self.engine_state_changed)
        self._certificate = own_certificate(config)
        self._cert_warning = self._certificate_warning()
        self._gpu_sample: dict[str, float | int | None] | None = None

    def attach(self, transport: Transport) -> None:
        self.transport = transport

    def reconfigure(self, config: EdgedConfig) -> None:
        """After a reload: its broker address and warning period, and the certificate read again
        (a renewed one ends the expiry warning); the retained status says so at once."""
        self.config = config
        self._certificate = own_certificate(config)
        self._cert_warning = self._certificate_warning()
        if self._connected() and self._accepting():
            self.publish_status("online")

    def _connected(self) -> bool:
        return self.transport is not None and self.transport.connected

    def _publish(self, topic: str, payload: bytes, *, qos: int = 1, retain: bool = False) -> object:
        if self.transport is None:  # pragma: no cover - attached before the transport starts
            return None
        return self.transport.publish(topic, payload, qos=qos, retain=retain)

    # -- status and telemetry ----------------------------------------------------------------

    def status_payload(self, state: str) -> bytes:
        info = self.engine.info
        return json.dumps(
            {
                "status": state,
                "device": self.device,
                "model": self.model,
                "backend": info.backend, "guidance": guidance_of(info.backend),  # its constraint engine
                "profile": info.profile,
                "version": __version__,
                "pools": self.config.mqtt.pools,
                "since": self.started_at.isoformat(timespec="seconds"),
                "health": self._health_summary(),
                "engine": self.engine_state(),
                "audit_head": self._audit_head(),
            }
        ).encode()

    def publish_status(self, state: str) -> object:
        return self._publish(self.status_topic, self.status_payload(state), retain=True)

    def publish_offline(self) -> None:
        """The clean stop's last word: the retained status says offline (confirmed, up to 2 s)."""
        if not self._connected():
            return
        info = self.publish_status("offline")
        wait = getattr(info, "wait_for_publish", None)
        if callable(wait):
            try:
                wait(2.0)
            except (RuntimeError, ValueError):
                log.warning("the offline status could not be confirmed")

    def on_connection(self, connected: bool) -> None:
        if connected:
            log.info("connected to the broker; serving %s", self.model)
            self.publish_status("online")
        else:
            log.warning("disconnected from the broker")
        self.metrics.broker_connected.set(1 if connected else 0)
        where = f"{self.config.mqtt.host}:{self.config.mqtt.port}"
        if connected:
            text = self.serving_line()
            if self.ready:
                self.notifier.status(text)
                return
            # Config and engine were loaded before the daemon existed; now the broker is up.
            self.ready = True
            self.metrics.ready.set(1)
            self.notifier.ready(text)
            log.info("%s (%.2f s after start)", self.ready_line(), self.clock() - self._started_mono)
        elif self._accepting():
            self.notifier.status(f"lost the broker {where}; reconnecting (requests wait at the broker)")

    def serving_line(self) -> str:
        """The STATUS= line while serving."""
        return f"serving {self.model} as {self.device} on {self.config.mqtt.host}:{self.config.mqtt.port}"

    def ready_line(self) -> str:
        return f"edged {__version__} ready: device {self.device}, {self.model}, pid {os.getpid()}"

    def publish_telemetry(self, last: RequestCounts, interval: float) -> RequestCounts:
        counts = self.metrics.counts()
        now = counts.as_dict()
        tokens = counts.completion_tokens - last.completion_tokens
        body = {
            "device": self.device,
            "queue_depth": self.scheduler.depth,
            "in_flight": self.scheduler.in_flight,
            "requests": {k: now[k] for k in ("ok", "errors", "busy", "expired", "refused", "escalated",
                                             "escalations_failed")},
            "tokens_per_s": round(tokens / interval, 2),
            "escalation_rate": round(now["escalated"] / now["ok"], 4) if now["ok"] else 0.0,
            **self._economics(),
            **self._ops_telemetry(tokens / interval),
            "uptime_s": round(self.clock() - self._started_mono, 1),
            "audit_head": self._audit_head(),
        }
        body["host"] = read_host().to_json()
        body["thermal"] = self._thermal_guard(body.get("gpu"))
        if self._connected():
            self._publish(self.telemetry_topic, json.dumps(body).encode(), qos=0)
        return counts

    def _thermal_guard(self, gpu: object) -> dict[str, object] | None:
        """Above the profile's temperature limit, fewer requests at once, and the retained status
        says so; back to normal (and "online") once the GPU has cooled."""
        sample = gpu if isinstance(gpu, dict) else {}
        before = self.thermal.state
        state = self.thermal.update(sample.get("temperature_c"), sample.get("throttle_reasons") or ())
        if state.level != before.level:
            self.scheduler.max_batch = state.concurrency
            if state.reason:
                log.warning("thermal guard: %s", state.reason)
            else:
                log.info("thermal guard: GPU back below its limits; %d requests at once", state.concurrency)
            if self._connected() and self._accepting():
                status = json.loads(self.status_payload("online" if state.level == "ok" else "degraded"))
                status["thermal"] = state.to_json()
                self._publish(self.status_topic, json.dumps(status).encode(), retain=True)
        return state.to_json()

    def _economics(self) -> dict[str, object]:
        """Today's cloud spend and the cost avoided by answering locally, per task."""
        budget = self.escalator.budget if self.escalator is not None else None
        if budget is None:
            return {"cloud_spend": 0.0, "cost_avoided": 0.0}
        day = budget.snapshot()
        return {"cloud_spend": round(day.spend, 6), "cost_avoided": round(day.avoided, 6),
                "currency": budget.prices.currency, "day": day.day, "by_task": day.by_task}

    def _audit_head(self) -> dict[str, object] | None:
        """The audit chain's newest record, published so an outside observer holds it: a log whose
        tail was cut then no longer reaches the head they saw (edged audit verify --expect-head)."""
        audit = getattr(self.escalator, "audit", None) if self.escalator is not None else None
        head = getattr(audit, "head", None)
        if not isinstance(head, tuple):
            return None
        return {"seq": head[0], "hash": head[1]}

    # -- systemd: readiness, watchdog, stopping ------------------------------------------------

    def heartbeat(self, tick: float, broker_error: object) -> None:
        """One turn of the main loop, told to systemd; a loop that hangs stops telling it, and so
        does an engine that hangs (its process answers for itself; see engines/process.py)."""
        state = self.engine_state()
        if state != self._last_engine_state:
            self.engine_state_changed(state)
        if self.ready:
            if state in ("serving", "restarting"):
                self.notifier.watchdog()
            return
        # Not ready yet: the broker is still out of reach. Alive and retrying, so push the start
        # timeout out rather than be killed and restarted into the same outage.
        where = f"{self.config.mqtt.host}:{self.config.mqtt.port}"
        status = f"waiting for the broker {where}" + (f" ({broker_error})" if broker_error else "")
        self.notifier.extend_start(3 * tick, status)

    def stopping(self) -> None:
        self.metrics.ready.set(0)
        self.notifier.stopping(
            f"stopping: finishing {self.scheduler.in_flight} request(s) in the engine, "
            f"failing {self.scheduler.depth} waiting ones with a reply",
        )

    def engine_state(self) -> str:
        state = getattr(self.engine, "state", "serving")
        return state if isinstance(state, str) else "serving"

    def engine_state_changed(self, state: str) -> None:
        with self._engine_state_lock:
            previous, self._last_engine_state = self._last_engine_state, state
        if previous == state:
            return
        self.metrics.engine_up.set(1 if state == "serving" else 0)
        if state == "serving":
            log.info("the engine is serving again (it was %s)", previous)
        else:
            log.error("the engine is %s; requests in it failed with engine_error", state)
        if self._connected():
            self.publish_status("online" if state == "serving" else "degraded")

    # -- certificate, /healthz, /metrics --------------------------------------------------------

    def _certificate_warning(self) -> str | None:
        if self._certificate is None:
            return None
        return self._certificate.warning(warn_days=self.config.ops.certificate_warn_days)

    def _health_summary(self) -> dict[str, object]:
        """What the retained status carries beside online/offline: certificate state and warnings."""
        cert = self._certificate
        warning = self._certificate_warning()
        return {
            "certificate": None if cert is None else {
                "not_after": cert.not_after.isoformat(timespec="seconds"),
                "days_left": round(cert.days_left(), 1),
                "state": cert.state(warn_days=self.config.ops.certificate_warn_days),
            },
            "warnings": [warning] if warning else [],
        }

    def health(self) -> tuple[bool, dict[str, object]]:
        """For /healthz: healthy once ready, while connected and taking requests."""
        connected = self._connected()
        engine = self.engine_state()
        accepting = self._accepting()
        healthy = self.ready and connected and accepting and engine == "serving"
        return healthy, {
            "status": "online" if healthy else ("stopping" if not accepting else "degraded"),
            "engine": engine,
            "device": self.device,
            "model": self.model,
            "ready": self.ready,
            "broker_connected": connected,
            "queue_depth": self.scheduler.depth,
            "in_flight": self.scheduler.in_flight,
            "gpu": self._gpu_sample,
            **self._health_summary(),
        }

    def render_metrics(self) -> str:
        """The Prometheus exposition, with the gauges that change between telemetry ticks read now."""
        info = self.engine.info
        self.metrics.info.set(1, version=__version__, device=self.device, model=self.model,
                              backend=info.backend, profile=info.profile)
        self.metrics.queue_depth.set(self.scheduler.depth)
        self.metrics.in_flight.set(self.scheduler.in_flight)
        self.metrics.broker_connected.set(1 if self._connected() else 0)
        cert = self._certificate
        if cert is not None:
            self.metrics.cert_not_after.set(cert.not_after.timestamp())
            state = cert.state(warn_days=self.config.ops.certificate_warn_days)
            self.metrics.cert_expiring.set(0 if state == "ok" else 1)
        return self.metrics.render()

    def _ops_telemetry(self, tokens_per_s: float) -> dict[str, object]:
        """Telemetry's GPU and health fields; also where metrics and the certificate warning update."""
        self.metrics.tokens_per_s.set(tokens_per_s)
        sample = self.gpu.sample().to_json() if self.gpu is not None else None
        self._gpu_sample = sample
        self.metrics.gpu_temperature.set(sample["temperature_c"] if sample else None)
        self.metrics.gpu_power.set(sample["power_w"] if sample else None)
        warning = self._certificate_warning()
        if warning != self._cert_warning:
            # The state crossed a line (30 days left, expired): say so, and fix the retained status.
            self._cert_warning = warning
            if warning:
                log.warning("%s", warning)
            if self._connected() and self._accepting():
                self.publish_status("online")
        return {"gpu": sample, "health": self._health_summary()}


def own_certificate(config: EdgedConfig) -> CertValidity | None:
    """The device certificate's validity, for expiry warnings; None (logged) when unreadable."""
    try:
        cert = read_certificate(config.mqtt.cert)
    except PkiError as exc:
        log.warning("cannot read the device certificate, so no expiry warnings: %s", exc.message)
        return None
    warning = cert.warning(warn_days=config.ops.certificate_warn_days)
    if warning:
        log.warning("%s", warning)
    return cert
