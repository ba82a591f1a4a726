"""The daemon: MQTT in, validated requests through the scheduler and the engine, replies out.

This module is the request intake (parse, dedupe, queue, run batches). Its partners, composed
with it by ``main.py``: ``replies.py`` sends each request's one reply, ``metrics.py`` keeps the
counts, ``dispatch.py`` takes what goes to the cloud, ``health.py`` tells the outside (status,
telemetry, systemd).

Threads: the MQTT network thread parses each message and queues it (or answers at once with an
error or ``busy``); the scheduler's worker runs batches on the engine and publishes replies; the
main thread publishes telemetry, applies reloads (SIGHUP, ``reload.py``) and waits for a stop.
Every request gets exactly one reply, also when the daemon stops: a guard per request makes a
second reply impossible.
"""

from __future__ import annotations

import hashlib
import logging
import threading
import time
from collections import OrderedDict
from collections.abc import Callable
from dataclasses import replace

from edged.backends import guidance_of
from edged.config import EdgedConfig
from edged.engines.base import Engine
from edged.escalation.service import Escalator
from edged.service.dispatch import EscalationDispatch
from edged.service.health import HealthReporter
from edged.service.metrics import ServiceMetrics
from edged.service.protocol import (
    ProtocolError,
    parse_request,
    protocol_error_reply,
    stream_chunk,
)
from edged.service.replies import InFlight, Replies
from edged.service.runner import TaskRunner
from edged.service.scheduler import Job, Scheduler
from edged.service.settings import Settings
from edged.service.streaming import ChunkStream
from edged.service.systemd import Notifier
from edged.service.transport import IncomingMessage, Transport

log = logging.getLogger(__name__)

DEDUPE_WINDOW = 4096  # recent request keys remembered to drop QoS 1 redeliveries


class Daemon:
    """The request intake: parse, dedupe, queue and run batches, then hand each result to the
    replies (or the cloud dispatch). ``edged.service.main.build_daemon`` composes it with its
    transport, replies, dispatch and health reporter; ``edged run`` then runs ``serve_forever``."""

    # Attached by the composition root (build_daemon), before start().
    transport: Transport
    replies: Replies
    reporter: HealthReporter
    dispatch: EscalationDispatch | None
    # What a SIGHUP runs in the main loop (the composition root sets it; none: nothing to reload).
    on_reload: Callable[[], object] | None = None

    def __init__(
        self,
        config: EdgedConfig,
        engine: Engine,
        *,
        metrics: ServiceMetrics,
        notifier: Notifier,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self.config = config  # as started: what a reload cannot change (the scheduler, the topics)
        self.engine = engine
        self.metrics = metrics
        self.notifier = notifier
        self.clock = clock
        self.prefix = config.mqtt.prefix
        # Read once per request and kept with it; a reload replaces it whole (never changes it).
        self.settings = Settings.of(config, None, engine.info.path)
        # A backend without a constraint engine decodes free; its answers are checked all the same.
        self.runner = TaskRunner(engine, self.settings.tasks, clock=clock,
                                 guided=guidance_of(engine.info.backend) is not None,
                                 adapters=self.settings.adapters)
        slots = config.scheduler.max_batch or engine.info.max_batch_size
        self.scheduler: Scheduler[InFlight] = Scheduler(
            self._execute,
            self._expire,
            queue_size=config.scheduler.queue_size,
            max_batch=slots,
            # an engine that batches continuously gets one worker per slot, one request per call
            workers=slots if engine.info.concurrent else 1,
            batch_window_s=config.scheduler.batch_window_ms / 1000.0,
            clock=clock,
            overdue=self._overdue,
        )
        self._seen: OrderedDict[bytes, None] = OrderedDict()
        self._seen_lock = threading.Lock()
        self._accepting = True
        self._stop = threading.Event()
        self._reload = threading.Event()
        self._wake = threading.Event()  # either of the two above, so the main loop acts at once

    def attach(
        self,
        *,
        transport: Transport,
        replies: Replies,
        reporter: HealthReporter,
        dispatch: EscalationDispatch | None,
        escalator: Escalator | None,
    ) -> None:
        """The parts that answer, report and carry messages (they need the intake first)."""
        self.transport = transport
        self.replies = replies
        self.reporter = reporter
        self.dispatch = dispatch
        self.settings = replace(self.settings, escalator=escalator)

    @property
    def escalator(self) -> Escalator | None:
        """The escalator of the current settings."""
        return self.settings.escalator

    def accepting(self) -> bool:
        """False once shutdown began: new requests get ``shutting_down``."""
        return self._accepting

    # -- lifecycle ---------------------------------------------------------------------------

    def start(self) -> None:
        self.scheduler.start()
        self.transport.start()
        self.notifier.status(f"connecting to the broker {self.config.mqtt.host}:{self.config.mqtt.port}")

    def stop(self) -> None:
        """Ask ``serve_forever`` to shut down (safe from a signal handler)."""
        self._stop.set()
        self._wake.set()

    def request_reload(self) -> None:
        """Ask ``serve_forever`` to reload (safe from a signal handler): the main loop runs it,
        between two telemetry publications, never inside the handler."""
        self._reload.set()
        self._wake.set()

    def serve_forever(self) -> None:
        interval = self.config.mqtt.telemetry_interval_s
        last = self.metrics.counts()
        # The loop also wakes for the systemd watchdog: its pings prove that this loop still turns.
        tick = self.notifier.tick_s(interval)
        next_telemetry = time.monotonic() + interval
        while True:
            self._wake.wait(tick)
            self._wake.clear()
            if self._stop.is_set():
                break
            if self._reload.is_set():
                self._reload.clear()
                if self.on_reload is not None:
                    self.on_reload()
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
            self.replies.error(job.item, "shutting_down", "the appliance is stopping; send the request again")
        if self.dispatch is not None:
            self.dispatch.close()  # escalations in flight end by their deadlines; their replies first
        for item in self.replies.unanswered():  # still in the engine after the stop timeout
            self.replies.error(item, "shutting_down", "the appliance stopped before the answer was ready")
        self.reporter.publish_offline()
        self.transport.stop()
        log.info("stopped")

    # -- /healthz and /metrics: the reporter answers (edged/service/health.py) -----------------

    def health(self) -> tuple[bool, dict[str, object]]:
        return self.reporter.health()

    def render_metrics(self) -> str:
        return self.reporter.render_metrics()

    # -- requests ----------------------------------------------------------------------------

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

    def on_message(self, message: IncomingMessage) -> None:  # noqa: PLR0911 - one early return per outcome
        now = self.clock()
        if message.retain:
            # A retained request would be replayed at every reconnect; refuse it for good.
            self.metrics.refused()
            log.warning("ignored a retained message on %s: requests must not be retained", message.topic)
            return
        if self._is_redelivery(message):
            log.info("dropped a redelivered duplicate on %s", message.topic)
            return
        settings = self.settings  # one read: this request is parsed and answered under these
        try:
            request = parse_request(
                message.payload,
                topic=message.topic,
                response_topic=message.response_topic,
                correlation=message.correlation,
                prefix=self.prefix,
                tasks=settings.tasks.keys(),
                limits=settings.limits,
                received_at=now,
                task_max_tokens=settings.task_max_tokens,
                task_table=settings.tasks,
            )
        except ProtocolError as exc:
            refusal = protocol_error_reply(exc)
            if refusal is None or exc.reply_topic is None:
                self.metrics.refused()
                log.warning(
                    "refused a message on %s without reply [%s]: %s", message.topic, exc.code, exc.message
                )
                return
            self.metrics.request_done("unknown", "none", exc.code, total_s=self.clock() - now)
            log.info("request %s refused [%s]: %s", exc.request_id, exc.code, exc.message)
            self.transport.publish(exc.reply_topic, refusal, correlation=exc.correlation)
            return
        item = InFlight(request, settings.tasks, settings.escalator)
        if not self._accepting:
            self.replies.error(item, "shutting_down", "the appliance is stopping; send the request again")
            return
        if self.dispatch is not None and self.dispatch.take_at_intake(item):
            return  # forced or cloud-only: the cloud answers, the engine's queue is not held
        if not self.scheduler.submit(item, request.deadline_at):
            if self.dispatch is not None and self.dispatch.take_busy(item):
                return
            self.replies.error(
                item,
                "busy",
                f"the appliance is at capacity ({self.config.scheduler.queue_size} requests waiting); "
                "retry later or send to a pool",
            )
            return
        log.debug(
            "request %s queued (task %s, client %s)",
            request.request_id,
            request.task,
            request.route.client_id,
        )

    def _expire(self, job: Job[InFlight]) -> None:
        self.replies.error(
            job.item,
            "deadline_exceeded",
            f"the request waited past its deadline of {job.item.request.deadline_ms} ms "
            "in the queue; raise deadline_ms or retry later",
            job=job,
        )

    def _overdue(self, job: Job[InFlight]) -> None:
        """Past its deadline in the engine, batched with longer requests: answered now; the
        batch's later result for it is dropped by the one-reply guard."""
        self.replies.error(
            job.item,
            "deadline_exceeded",
            f"the deadline of {job.item.request.deadline_ms} ms passed while the request was in the "
            "engine with longer ones; raise deadline_ms or retry later",
            job=job,
        )

    def _chunk_sender(self, job: Job[InFlight]) -> Callable[[int, str], None]:
        request = job.item.request

        def send(index: int, text: str) -> None:
            # Checked and queued under the request's lock, as one step: the deadline sweeper (or a
            # stop) claims the request under it from another thread, so its reply is queued after
            # this chunk, or this chunk sees that it was answered; never a chunk after the reply.
            with job.item.lock:
                if job.item.answered:
                    return
                self.transport.publish(
                    request.reply_topic,
                    stream_chunk(request, index=index, text=text),
                    correlation=request.correlation,
                )

        return send

    def _execute(self, jobs: list[Job[InFlight]]) -> None:
        for job in jobs:
            self.replies.track(job.item)
        requests = [job.item.request for job in jobs]
        interval_s = self.config.scheduler.stream_interval_ms / 1000.0
        streams = [
            ChunkStream(self._chunk_sender(job), interval_s, self.clock) if job.item.request.stream else None
            for job in jobs
        ]

        def on_chunk(index: int, piece: str) -> None:
            stream = streams[index]
            if stream is not None and not jobs[index].item.answered:
                stream.add(piece)

        tasks = [job.item.tasks for job in jobs]
        results = self.runner.run(requests, on_chunk if any(streams) else None, tasks=tasks)
        for job, stream, result in zip(jobs, streams, results, strict=True):
            if stream is not None and not job.item.answered:
                stream.flush()  # the last pieces before the final reply
            if self.dispatch is not None:
                self.dispatch.answer(job, result)
            else:
                self.replies.local(job, result, None)
