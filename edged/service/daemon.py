"""The daemon: MQTT in, validated requests through the scheduler and the engine, replies out.

Threads: the MQTT network thread parses each message and queues it (or answers at once with an
error or ``busy``); the scheduler's worker runs batches on the engine and publishes replies; the
main thread publishes telemetry and waits for a stop. Every request gets exactly one reply, also
when the daemon stops: a guard per request makes a second reply impossible.
"""

from __future__ import annotations

import hashlib
import json
import logging
import os
import threading
import time
from collections import OrderedDict
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime, timezone
from typing import Protocol

from edged import __version__
from edged.config import EdgedConfig
from edged.engines.base import Engine
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
from edged.service.transport import IncomingMessage, MqttTransport, TransportSettings, Will

log = logging.getLogger(__name__)

DEDUPE_WINDOW = 4096  # recent request keys remembered to drop QoS 1 redeliveries


class Transport(Protocol):
    """What the daemon needs from MQTT; MqttTransport in production, a fake in unit tests."""

    @property
    def connected(self) -> bool: ...

    def start(self) -> None: ...

    def stop(self, timeout: float = 5.0) -> None: ...

    def wait_connected(self, timeout: float) -> bool: ...

    def publish(
        self,
        topic: str,
        payload: bytes,
        *,
        qos: int = 1,
        retain: bool = False,
        correlation: bytes | None = None,
    ) -> object: ...


TransportFactory = Callable[
    [TransportSettings, Callable[[IncomingMessage], None], Callable[[bool], None]],
    Transport,
]


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
    ) -> None:
        self.config = config
        self.engine = engine
        self.clock = clock
        self.prefix = config.mqtt.prefix
        self.device = config.device_id
        self.model = f"{engine.info.model_id}@{engine.info.profile}"
        self.status_topic = f"{self.prefix}/{self.device}/status"
        self.telemetry_topic = f"{self.prefix}/{self.device}/telemetry"
        self.tasks = config.task_table()
        self.task_max_tokens = {
            name: task.default_max_tokens for name, task in self.tasks.items() if task.default_max_tokens
        }
        self.limits = config.limits.to_limits()
        self.runner = TaskRunner(engine, self.tasks)
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
        self.started_at = datetime.now(timezone.utc)
        self._started_mono = clock()
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
            will=Will(self.status_topic, self._status_payload("offline")),
            reconnect_min_s=mqtt.reconnect_min_s,
            reconnect_max_s=mqtt.reconnect_max_s,
            check_hostname=not mqtt.tls_insecure_dev_only,
        )
        self.transport = transport_factory(settings, self._on_message, self._on_connection)

    # -- lifecycle ---------------------------------------------------------------------------

    def start(self) -> None:
        self.scheduler.start()
        self.transport.start()

    def stop(self) -> None:
        """Ask ``serve_forever`` to shut down (safe from a signal handler)."""
        self._stop.set()

    def serve_forever(self) -> None:
        interval = self.config.mqtt.telemetry_interval_s
        last = self.counters.snapshot()
        while not self._stop.wait(interval):
            last = self._publish_telemetry(last, interval)
        self.shutdown()

    def shutdown(self) -> None:
        """Stop taking requests, finish or fail in-flight ones with a reply, go offline."""
        self._accepting = False
        timeout = self.config.scheduler.stop_timeout_s
        waiting = self.scheduler.stop(timeout)
        for job in waiting:
            self._reply_error(job.item, "shutting_down", "the appliance is stopping; send the request again")
        with self._in_flight_lock:
            stuck = list(self._in_flight.values())
        for item in stuck:  # still in the engine after the stop timeout
            self._reply_error(item, "shutting_down", "the appliance stopped before the answer was ready")
        if self.transport.connected:
            info = self.transport.publish(self.status_topic, self._status_payload("offline"), retain=True)
            wait = getattr(info, "wait_for_publish", None)
            if callable(wait):
                try:
                    wait(2.0)
                except (RuntimeError, ValueError):
                    log.warning("the offline status could not be confirmed")
        self.transport.stop()
        log.info("stopped")

    # -- status and telemetry ----------------------------------------------------------------

    def _status_payload(self, state: str) -> bytes:
        info = self.engine.info
        return json.dumps(
            {
                "status": state,
                "device": self.device,
                "model": self.model,
                "backend": info.backend,
                "profile": info.profile,
                "version": __version__,
                "pools": self.config.mqtt.pools,
                "since": self.started_at.isoformat(timespec="seconds"),
            }
        ).encode()

    def _on_connection(self, connected: bool) -> None:
        if connected:
            log.info("connected to the broker; serving %s", self.model)
            self.transport.publish(self.status_topic, self._status_payload("online"), retain=True)
        else:
            log.warning("disconnected from the broker")

    def _publish_telemetry(self, last: dict[str, int], interval: float) -> dict[str, int]:
        now = self.counters.snapshot()
        tokens = now["completion_tokens"] - last["completion_tokens"]
        body = {
            "device": self.device,
            "queue_depth": self.scheduler.depth,
            "in_flight": self.scheduler.in_flight,
            "requests": {k: now[k] for k in ("ok", "errors", "busy", "expired", "refused")},
            "tokens_per_s": round(tokens / interval, 2),
            "escalation_rate": 0.0,
            "cloud_spend": 0.0,
            "gpu": None,
            "uptime_s": round(self.clock() - self._started_mono, 1),
        }
        if self.transport.connected:
            self.transport.publish(self.telemetry_topic, json.dumps(body).encode(), qos=0)
        return now

    # -- requests ----------------------------------------------------------------------------

    def _count(self, name: str, amount: int = 1) -> None:
        with self._counter_lock:
            setattr(self.counters, name, getattr(self.counters, name) + amount)

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

    def _on_message(self, message: IncomingMessage) -> None:
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
    ) -> None:
        if not self._claim(item):
            return
        if count:
            self._count("errors")
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
        if not result.ok:
            self._reply_error(
                item,
                result.error_code or "engine_error",
                result.error_message or "failed",
                job=job,
                engine_ms=result.engine_ms,
            )
            return
        if not self._claim(item):
            return
        request = item.request
        self._count("ok")
        self._count("completion_tokens", result.usage.get("completion_tokens", 0))
        self._count("prompt_tokens", result.usage.get("prompt_tokens", 0))
        timings = self._timings(item, job, result.engine_ms)
        log.info("request %s answered (task %s, %d ms)", request.request_id, request.task, timings["total"])
        self.transport.publish(
            request.reply_topic,
            ok_reply(
                request,
                output=result.output,
                source="edge",
                confidence=result.confidence,
                escalated=False,
                # No cloud is configured yet: an answer that failed validation goes back
                # marked degraded, with the reason, rather than silently as if it were fine.
                reason=None if result.valid else result.problem,
                model=self.model,
                usage=result.usage,
                timings_ms=timings,
                degraded=not result.valid,
            ),
            correlation=request.correlation,
        )


def ready_line(daemon: Daemon) -> str:
    return f"edged {__version__} ready: device {daemon.device}, {daemon.model}, pid {os.getpid()}"
