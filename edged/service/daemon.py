"""The daemon: MQTT in, validated requests through the scheduler and the engine, replies out.

Threads: the MQTT network thread parses each message and queues it (or answers at once with an
error or ``busy``); the scheduler's worker runs batches on the engine and publishes replies; the
main thread publishes telemetry and waits for a stop. Every request gets exactly one reply, also
when the daemon stops: a guard per request makes a second reply impossible.
"""

from __future__ import annotations

import hashlib
import logging
import threading
import time
from collections import OrderedDict
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field

from edged.config import EdgedConfig
from edged.engines.base import Engine
from edged.escalation.router import EscalationDecision
from edged.escalation.service import EscalationOutcome, Escalator
from edged.hardware.profiles import ThermalLimits
from edged.hardware.telemetry import GpuSampler
from edged.service.health import HealthReporter, thermal_limits_for
from edged.service.metrics import ServiceMetrics
from edged.service.protocol import (
    ProtocolError,
    Request,
    error_reply,
    ok_reply,
    parse_request,
    stream_chunk,
)
from edged.service.runner import TaskResult, TaskRunner
from edged.service.scheduler import Job, Scheduler
from edged.service.systemd import Notifier
from edged.service.transport import (
    IncomingMessage,
    MqttTransport,
    Transport,
    TransportFactory,
    TransportSettings,
    Will,
)

log = logging.getLogger(__name__)

DEDUPE_WINDOW = 4096  # recent request keys remembered to drop QoS 1 redeliveries


def _default_transport(
    settings: TransportSettings,
    on_message: Callable[[IncomingMessage], None],
    on_connection: Callable[[bool], None],
) -> Transport:
    return MqttTransport(settings, on_message, on_connection)


@dataclass
class InFlight:
    """A request between its arrival and its one reply."""

    request: Request
    answered: bool = False
    lock: threading.Lock = field(default_factory=threading.Lock)


@dataclass
class Counters:
    ok: int = 0
    errors: int = 0
    busy: int = 0
    expired: int = 0
    refused: int = 0  # no reply possible: logged only
    escalated: int = 0  # answered by the cloud
    escalations_failed: int = 0
    completion_tokens: int = 0
    prompt_tokens: int = 0

    def snapshot(self) -> dict[str, int]:
        return dict(vars(self))


class Daemon:
    def __init__(
        self,
        config: EdgedConfig,
        engine: Engine,
        *,
        transport_factory: TransportFactory = _default_transport,
        clock: Callable[[], float] = time.monotonic,
        escalator: Escalator | None = None,
        notifier: Notifier | None = None,
        gpu: GpuSampler | None = None,
        thermal_limits: ThermalLimits | None = None,
    ) -> None:
        self.config = config
        self.engine = engine
        self.escalator = escalator
        workers = config.cloud.max_concurrent if config.cloud is not None else 1
        # Cloud calls block for seconds: they run here, never on the engine's worker. The
        # semaphore bounds what may wait for them, as the scheduler bounds the engine's queue.
        self._escalations = ThreadPoolExecutor(max_workers=workers, thread_name_prefix="edged-cloud")
        self._escalation_slots = threading.BoundedSemaphore(workers * 4)
        self.clock = clock
        self.prefix = config.mqtt.prefix
        self.device = config.device_id
        self.model = f"{engine.info.model_id}@{engine.info.profile}"
        self.tasks = config.task_table()
        self.task_max_tokens = {
            name: task.default_max_tokens for name, task in self.tasks.items() if task.default_max_tokens
        }
        self.limits = config.limits.to_limits()
        self.runner = TaskRunner(engine, self.tasks, clock=clock)
        self.scheduler: Scheduler[InFlight] = Scheduler(
            self._execute,
            self._expire,
            queue_size=config.scheduler.queue_size,
            max_batch=config.scheduler.max_batch or engine.info.max_batch_size,
            batch_window_s=config.scheduler.batch_window_ms / 1000.0,
            clock=clock,
        )
        self.counters = Counters()
        self._counter_lock = threading.Lock()
        self._seen: OrderedDict[bytes, None] = OrderedDict()
        self._seen_lock = threading.Lock()
        self._in_flight: dict[int, InFlight] = {}
        self._in_flight_lock = threading.Lock()
        self._accepting = True
        self._stop = threading.Event()
        # Status, telemetry, systemd and health: the reporter. Before the transport: its Will is
        # the reporter's "offline" status.
        self.notifier = notifier or Notifier()
        self.metrics = ServiceMetrics()
        self.reporter = HealthReporter(
            config,
            engine,
            self.scheduler,
            counts=self.counters.snapshot,
            accepting=lambda: self._accepting,
            metrics=self.metrics,
            notifier=self.notifier,
            escalator=escalator,
            gpu=gpu,
            thermal_limits=thermal_limits or thermal_limits_for(engine.info.profile),
            clock=clock,
        )
        mqtt = config.mqtt
        subscriptions = [f"{self.prefix}/{self.device}/req/+"]
        subscriptions += [f"$share/{pool}/{self.prefix}/pool/{pool}/req/+" for pool in mqtt.pools]
        settings = TransportSettings(
            host=mqtt.host,
            port=mqtt.port,
            ca=mqtt.ca,
            cert=mqtt.cert,
            key=mqtt.key,
            client_id=mqtt.client_id or f"edged-{self.device}",
            keepalive_s=mqtt.keepalive_s,
            session_expiry_s=mqtt.session_expiry_s,
            subscriptions=tuple(subscriptions),
            will=Will(self.reporter.status_topic, self.reporter.status_payload("offline")),
            reconnect_min_s=mqtt.reconnect_min_s,
            reconnect_max_s=mqtt.reconnect_max_s,
            check_hostname=not mqtt.tls_insecure_dev_only,
        )
        self.transport = transport_factory(settings, self._on_message, self.reporter.on_connection)
        self.reporter.attach(self.transport)

    # -- lifecycle ---------------------------------------------------------------------------

    def start(self) -> None:
        self.scheduler.start()
        self.transport.start()
        self.notifier.status(f"connecting to the broker {self.config.mqtt.host}:{self.config.mqtt.port}")

    def stop(self) -> None:
        """Ask ``serve_forever`` to shut down (safe from a signal handler)."""
        self._stop.set()

    def serve_forever(self) -> None:
        interval = self.config.mqtt.telemetry_interval_s
        last = self.counters.snapshot()
        # The loop also wakes for the systemd watchdog: its pings prove that this loop still turns.
        tick = self.notifier.tick_s(interval)
        next_telemetry = time.monotonic() + interval
        while not self._stop.wait(tick):
            self.reporter.heartbeat(tick, getattr(self.transport, "last_error", None))
            if time.monotonic() >= next_telemetry:
                last = self.reporter.publish_telemetry(last, interval)
                next_telemetry = max(next_telemetry + interval, time.monotonic())
        self.shutdown()

    def shutdown(self) -> None:
        """Stop taking requests, finish or fail in-flight ones with a reply, go offline."""
        self.reporter.stopping()
        self._accepting = False
        timeout = self.config.scheduler.stop_timeout_s
        waiting = self.scheduler.stop(timeout)
        for job in waiting:
            self._reply_error(job.item, "shutting_down", "the appliance is stopping; send the request again")
        # Escalations in flight end by their requests' deadlines; their replies go out first.
        self._escalations.shutdown(wait=True)
        with self._in_flight_lock:
            stuck = list(self._in_flight.values())
        for item in stuck:  # still in the engine after the stop timeout
            self._reply_error(item, "shutting_down", "the appliance stopped before the answer was ready")
        self.reporter.publish_offline()
        self.transport.stop()
        log.info("stopped")

    # -- /healthz and /metrics: the reporter answers (edged/service/health.py) -----------------

    def health(self) -> tuple[bool, dict[str, object]]:
        return self.reporter.health()

    def render_metrics(self) -> str:
        return self.reporter.render_metrics()

    # -- requests ----------------------------------------------------------------------------

    def _count(self, name: str, amount: int = 1) -> None:
        with self._counter_lock:
            setattr(self.counters, name, getattr(self.counters, name) + amount)
        if name == "refused":  # no reply, so no _observe: count it for metrics here
            self.metrics.refused()

    def _is_redelivery(self, message: IncomingMessage) -> bool:
        """QoS 1 may deliver a request twice after a reconnect; answer it once."""
        key = hashlib.sha256(
            message.topic.encode() + b"\0" + (message.correlation or b"") + b"\0" + message.payload,
        ).digest()
        with self._seen_lock:
            seen = key in self._seen
            self._seen[key] = None
            self._seen.move_to_end(key)
            while len(self._seen) > DEDUPE_WINDOW:
                self._seen.popitem(last=False)
        return seen and message.dup

    def _on_message(self, message: IncomingMessage) -> None:  # noqa: PLR0911 - one early return per outcome
        now = self.clock()
        if message.retain:
            # A retained request would be replayed at every reconnect; refuse it for good.
            self._count("refused")
            log.warning("ignored a retained message on %s: requests must not be retained", message.topic)
            return
        if self._is_redelivery(message):
            log.info("dropped a redelivered duplicate on %s", message.topic)
            return
        try:
            request = parse_request(
                message.payload,
                topic=message.topic,
                response_topic=message.response_topic,
                correlation=message.correlation,
                prefix=self.prefix,
                tasks=self.tasks.keys(),
                limits=self.limits,
                received_at=now,
                task_max_tokens=self.task_max_tokens,
            )
        except ProtocolError as exc:
            if exc.reply_topic is None:
                self._count("refused")
                log.warning(
                    "refused a message on %s without reply [%s]: %s", message.topic, exc.code, exc.message
                )
                return
            self._count("errors")
            self.metrics.request_done("unknown", "none", exc.code, total_s=self.clock() - now)
            log.info("request %s refused [%s]: %s", exc.request_id, exc.code, exc.message)
            self.transport.publish(
                exc.reply_topic,
                error_reply(
                    exc.code,
                    exc.message,
                    request_id=exc.request_id,
                    correlation_id=exc.payload_correlation_id,
                ),
                correlation=exc.correlation,
            )
            return
        item = InFlight(request)
        if not self._accepting:
            self._reply_error(item, "shutting_down", "the appliance is stopping; send the request again")
            return
        if not self.scheduler.submit(item, request.deadline_at):
            if self.escalator is not None:
                decision = self.escalator.decide(request, error_code="busy")
                if decision.escalate and self._escalate_async(item, None, None, decision):
                    return
            self._count("busy")
            self._reply_error(
                item,
                "busy",
                f"the appliance is at capacity ({self.config.scheduler.queue_size} requests waiting); "
                "retry later or send to a pool",
                count=False,
            )
            return
        log.debug(
            "request %s queued (task %s, client %s)",
            request.request_id,
            request.task,
            request.route.client_id,
        )

    def _claim(self, item: InFlight) -> bool:
        """True exactly once per request: the caller then sends its one reply."""
        with item.lock:
            if item.answered:
                return False
            item.answered = True
        with self._in_flight_lock:
            self._in_flight.pop(id(item), None)
        return True

    def _timings(self, item: InFlight, job: Job[InFlight] | None, engine_ms: float) -> dict[str, float]:
        now = self.clock()
        queue_ms = ((job.started_at or now) - job.enqueued_at) * 1e3 if job else 0.0
        return {
            "queue": round(queue_ms, 2),
            "engine": round(engine_ms, 2),
            "total": round((now - item.request.received_at) * 1e3, 2),
        }

    def _reply_error(
        self,
        item: InFlight,
        code: str,
        message: str,
        *,
        job: Job[InFlight] | None = None,
        engine_ms: float = 0.0,
        count: bool = True,
        partial: object | None = None,
    ) -> None:
        if not self._claim(item):
            return
        if count:
            self._count("errors")
        self._observe(item, job, code, engine_ms=engine_ms)
        request = item.request
        log.info("request %s failed [%s]", request.request_id, code)
        self.transport.publish(
            request.reply_topic,
            error_reply(
                code,
                message,
                request_id=request.request_id,
                timings_ms=self._timings(item, job, engine_ms),
                correlation_id=request.payload_correlation_id,
                partial=partial,
            ),
            correlation=request.correlation,
        )

    def _expire(self, job: Job[InFlight]) -> None:
        self._count("expired")
        self._reply_error(
            job.item,
            "deadline_exceeded",
            f"the request waited past its deadline of {job.item.request.deadline_ms} ms "
            "in the queue; raise deadline_ms or retry later",
            job=job,
            count=False,
        )

    def _execute(self, jobs: list[Job[InFlight]]) -> None:
        with self._in_flight_lock:
            for job in jobs:
                self._in_flight[id(job.item)] = job.item
        requests = [job.item.request for job in jobs]
        counters = [0] * len(jobs)

        def on_chunk(index: int, piece: str) -> None:
            request = requests[index]
            if request.stream and not jobs[index].item.answered:
                self.transport.publish(
                    request.reply_topic,
                    stream_chunk(request, index=counters[index], text=piece),
                    correlation=request.correlation,
                )
                counters[index] += 1

        stream = any(r.stream for r in requests)
        results = self.runner.run(requests, on_chunk if stream else None)
        for job, result in zip(jobs, results, strict=True):
            self._reply_result(job, result)

    def _reply_result(self, job: Job[InFlight], result: TaskResult) -> None:
        item = job.item
        decision: EscalationDecision | None = None
        if self.escalator is not None:
            decision = self.escalator.decide(item.request, error_code=result.error_code, valid=result.valid,
                                             confidence=result.confidence)
            if decision.escalate and self._escalate_async(item, job, result, decision):
                return
        self._reply_local(job, result, decision)

    def _reply_local(
        self, job: Job[InFlight], result: TaskResult, decision: EscalationDecision | None,
    ) -> None:
        item = job.item
        if not result.ok:
            self._reply_error(
                item,
                result.error_code or "engine_error",
                result.error_message or "failed",
                job=job,
                engine_ms=result.engine_ms,
                partial=result.output,  # a free-text answer cut at its deadline, else None
            )
            return
        if not self._claim(item):
            return
        request = item.request
        self._count("ok")
        self._count("completion_tokens", result.usage.get("completion_tokens", 0))
        self._count("prompt_tokens", result.usage.get("prompt_tokens", 0))
        if self.escalator is not None:
            self.metrics.add_cost_avoided(self.escalator.record_local(request, result.usage))
        timings = self._timings(item, job, result.engine_ms)
        log.info("request %s answered (task %s, %d ms)", request.request_id, request.task, timings["total"])
        # An answer the cloud should have given but could not (blocked, or failed) goes back
        # marked degraded with the reason, as does one that failed validation.
        reason = decision.reason if decision is not None and decision.trigger else None
        if reason is None and not result.valid:
            reason = result.problem
        self._observe(item, job, "degraded" if not result.valid or reason is not None else "ok",
                      engine_ms=result.engine_ms, usage=result.usage)
        self.transport.publish(
            request.reply_topic,
            ok_reply(
                request,
                output=result.output,
                source="edge",
                confidence=result.confidence,
                escalated=False,
                reason=reason,
                model=self.model,
                usage=result.usage,
                timings_ms=timings,
                degraded=not result.valid or reason is not None,
            ),
            correlation=request.correlation,
        )
        if self.escalator is not None and reason is None and self.escalator.wants_shadow(request):
            self._shadow_async(request, result)

    def _shadow_async(self, request: Request, result: TaskResult) -> None:
        """After the reply is out: the same request to the cloud, to measure agreement."""
        if not self._escalation_slots.acquire(blocking=False):
            return  # shadowing is best effort: never queue for it
        escalator = self.escalator

        def run() -> None:
            try:
                if escalator is not None:
                    escalator.shadow(request, result.output, result.confidence)
            except Exception:
                log.exception("request %s: shadow comparison failed", request.request_id)
            finally:
                self._escalation_slots.release()

        try:
            self._escalations.submit(run)
        except RuntimeError:
            self._escalation_slots.release()

    # -- escalation --------------------------------------------------------------------------

    def _escalate_async(self, item: InFlight, job: Job[InFlight] | None, local: TaskResult | None,
                        decision: EscalationDecision) -> bool:
        """Hand the request to the cloud pool; False (nothing done) when the pool is full."""
        if not self._escalation_slots.acquire(blocking=False):
            return False
        with self._in_flight_lock:
            self._in_flight[id(item)] = item
        try:
            self._escalations.submit(self._escalate, item, job, local, decision)
        except RuntimeError:  # the pool is shut down: we are stopping
            self._escalation_slots.release()
            return False
        return True

    def _escalate(self, item: InFlight, job: Job[InFlight] | None, local: TaskResult | None,
                  decision: EscalationDecision) -> None:
        if self.escalator is None:  # only ever submitted with an escalator
            return
        request = item.request
        self.metrics.escalation(decision.trigger or "unknown")
        try:
            outcome = self.escalator.escalate(request, decision)
        except Exception as exc:  # a bug on the cloud path must not lose the request
            log.exception("request %s: escalation failed unexpectedly", request.request_id)
            outcome = EscalationOutcome(False, error_code="cloud_unavailable", error_message=str(exc))
        finally:
            self._escalation_slots.release()
        local_usage = local.usage if local is not None else {}
        engine_ms = local.engine_ms if local is not None else 0.0
        self.metrics.add_redactions(outcome.placeholders)
        self.metrics.add_cloud_spend(outcome.cost)
        if not outcome.ok:
            self._count("escalations_failed")
            if local is not None and local.ok and job is not None:
                # The local answer is better than none: degraded, with both reasons.
                failed = EscalationDecision(False, decision.trigger, f"cloud failed: {outcome.error_code}")
                self._reply_local(job, local, failed)
            else:
                self._reply_error(item, outcome.error_code or "cloud_unavailable",
                                  f"the request needed the cloud ({decision.trigger}) and it failed: "
                                  f"{outcome.error_message}", job=job, engine_ms=engine_ms)
            return
        if not self._claim(item):
            return
        self._count("ok")
        self._count("escalated")
        timings = self._timings(item, job, engine_ms)
        timings["cloud"] = round(outcome.cloud_ms, 2)
        for note in outcome.notes:
            log.warning("request %s: %s", request.request_id, note)
        reason = decision.trigger if outcome.valid else f"{decision.trigger}; {outcome.problem}"
        self._observe(item, job, "ok" if outcome.valid else "degraded", source="cloud", engine_ms=engine_ms,
                      usage={**local_usage, "cloud_tokens": outcome.cloud_tokens})
        log.info("request %s answered by the cloud (task %s, trigger %s, %d ms)", request.request_id,
                 request.task, decision.trigger, timings["total"])
        self.transport.publish(
            request.reply_topic,
            ok_reply(
                request,
                output=outcome.output,
                source="cloud",
                confidence=local.confidence if local is not None else None,
                escalated=True,
                reason=reason,
                model=outcome.cloud_model or "cloud",
                usage={"prompt_tokens": local_usage.get("prompt_tokens", 0),
                       "completion_tokens": local_usage.get("completion_tokens", 0),
                       "cloud_tokens": outcome.cloud_tokens},
                timings_ms=timings,
                degraded=not outcome.valid,
            ),
            correlation=request.correlation,
        )

    # -- metrics per reply -----------------------------------------------------------------------

    def _observe(
        self,
        item: InFlight,
        job: Job[InFlight] | None,
        outcome: str,
        *,
        source: str | None = None,
        engine_ms: float = 0.0,
        usage: dict[str, int] | None = None,
    ) -> None:
        """Count one reply in the metrics: its task, who answered, the outcome and the times."""
        request = item.request
        now = self.clock()
        started = job.started_at if job is not None else None
        if source is None:
            source = "edge" if started is not None else "none"
        self.metrics.request_done(
            request.task,
            source,
            outcome,
            total_s=max(0.0, now - request.received_at),
            queue_s=((started or now) - job.enqueued_at) if job is not None else None,
            engine_s=engine_ms / 1e3,
        )
        if usage:
            self.metrics.add_tokens(usage)

