"""`edged run`: load the configuration and the engine, compose the daemon, serve until SIGTERM
(reloading on SIGHUP), and tell systemd each step (STATUS= while starting, READY=1 once serving,
RELOADING=1 then READY=1 around a reload, STOPPING=1 on the way out).

The composition root: ``build_daemon`` is the one place where the service's parts (intake,
replies, metrics, cloud dispatch, health reporter, transport) are made and wired together.
"""

from __future__ import annotations

import logging
import os
import signal
import sys
import time
from collections.abc import Callable
from pathlib import Path
from types import FrameType

from edged.config import EdgedConfig
from edged.engines.base import Engine
from edged.engines.loader import load_engine, usable_engine
from edged.engines.store import EngineStore, default_store
from edged.errors import ConfigError, EdgedError
from edged.escalation.service import Escalator
from edged.hardware.profiles import ThermalLimits
from edged.hardware.telemetry import GpuSampler, sampler_for
from edged.service.daemon import Daemon
from edged.service.dispatch import EscalationDispatch
from edged.service.health import HealthReporter, thermal_limits_for
from edged.service.metrics import ServiceMetrics
from edged.service.prometheus import MetricsServer
from edged.service.reload import Reloader
from edged.service.replies import Replies
from edged.service.settings import load_checked_config
from edged.service.systemd import Notifier
from edged.service.transport import (
    IncomingMessage,
    MqttTransport,
    Transport,
    TransportFactory,
    TransportSettings,
    Will,
)

log = logging.getLogger("edged")

# syslog priority by logging level, for journald's "<N>" line prefix (SyslogLevelPrefix=, on by default).
_PRIORITIES = ((logging.CRITICAL, 2), (logging.ERROR, 3), (logging.WARNING, 4), (logging.INFO, 6))


class JournalFormatter(logging.Formatter):
    """stderr lines for journald: a priority prefix, and no timestamp (journald adds its own)."""

    def __init__(self) -> None:
        super().__init__("%(name)s: %(message)s")

    def format(self, record: logging.LogRecord) -> str:
        priority = next((p for level, p in _PRIORITIES if record.levelno >= level), 7)
        return f"<{priority}>{super().format(record)}"


def stderr_is_journal() -> bool:
    """systemd sets JOURNAL_STREAM to the device and inode of the stream it connected to journald."""
    device, _, inode = os.environ.get("JOURNAL_STREAM", "").partition(":")
    try:
        stat = os.fstat(sys.stderr.fileno())
        return (stat.st_dev, stat.st_ino) == (int(device), int(inode))
    except (ValueError, OSError):
        return False


def configure_logging(level: str = "INFO") -> None:
    handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(
        JournalFormatter()
        if stderr_is_journal()
        else logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s")
    )
    logging.basicConfig(level=level, handlers=[handler])


def _default_transport(
    settings: TransportSettings,
    on_message: Callable[[IncomingMessage], None],
    on_connection: Callable[[bool], None],
) -> Transport:
    return MqttTransport(settings, on_message, on_connection)


def transport_settings(config: EdgedConfig, will: Will) -> TransportSettings:
    """The MQTT connection of ``[mqtt]``: the device's request topic and its pools' shared ones."""
    mqtt, prefix, device = config.mqtt, config.mqtt.prefix, config.device_id
    subscriptions = [f"{prefix}/{device}/req/+"]
    subscriptions += [f"$share/{pool}/{prefix}/pool/{pool}/req/+" for pool in mqtt.pools]
    return TransportSettings(
        host=mqtt.host,
        port=mqtt.port,
        ca=mqtt.ca,
        cert=mqtt.cert,
        key=mqtt.key,
        client_id=mqtt.client_id or f"edged-{device}",
        keepalive_s=mqtt.keepalive_s,
        session_expiry_s=mqtt.session_expiry_s,
        subscriptions=tuple(subscriptions),
        will=will,
        reconnect_min_s=mqtt.reconnect_min_s,
        reconnect_max_s=mqtt.reconnect_max_s,
        check_hostname=not mqtt.tls_insecure_dev_only,
    )


def build_daemon(
    config: EdgedConfig,
    engine: Engine,
    *,
    transport_factory: TransportFactory = _default_transport,
    clock: Callable[[], float] = time.monotonic,
    escalator: Escalator | None = None,
    notifier: Notifier | None = None,
    gpu: GpuSampler | None = None,
    thermal_limits: ThermalLimits | None = None,
    config_path: Path | None = None,
) -> Daemon:
    """The daemon with all its parts; the seams (transport, clock, GPU, limits) for tests.
    ``config_path``: the file ``config`` came from, read again on ``request_reload`` (SIGHUP)."""
    notifier = notifier or Notifier()
    metrics = ServiceMetrics()
    intake = Daemon(config, engine, metrics=metrics, notifier=notifier, clock=clock)
    reporter = HealthReporter(
        config,
        engine,
        intake.scheduler,
        accepting=intake.accepting,
        metrics=metrics,
        notifier=notifier,
        escalator=escalator,
        gpu=gpu,
        thermal_limits=thermal_limits or thermal_limits_for(engine.info.profile),
        clock=clock,
    )
    # The reporter before the transport: the transport's Last Will is the reporter's "offline".
    will = Will(reporter.status_topic, reporter.status_payload("offline"))
    transport = transport_factory(transport_settings(config, will), intake.on_message, reporter.on_connection)
    reporter.attach(transport)
    replies = Replies(transport, metrics, model=reporter.model, clock=clock)
    dispatch = None
    if escalator is not None:
        workers = config.cloud.max_concurrent if config.cloud is not None else 1
        dispatch = EscalationDispatch(
            escalator, replies, metrics, workers=workers, clock=clock,
            fallback=lambda item: intake.scheduler.submit(item, item.request.deadline_at),
        )
    intake.attach(
        transport=transport, replies=replies, reporter=reporter, dispatch=dispatch, escalator=escalator,
    )
    if config_path is not None:
        intake.on_reload = Reloader(
            config_path, intake, transport_settings=lambda changed: transport_settings(changed, will),
        )
    return intake


def _load(config_path: Path, notifier: Notifier) -> tuple[EdgedConfig, Engine, GpuSampler | None]:
    notifier.status(f"loading the configuration {config_path}")
    config = load_checked_config(config_path)
    from edged.hardware.profiles import get_profile
    from edged.hardware.report import detect_and_match

    notifier.status("detecting the hardware")
    report = detect_and_match()
    profile = report.chosen if config.engine.profile == "auto" else get_profile(config.engine.profile)
    store = EngineStore(config.engine.store or default_store())
    notifier.status(f"loading the engine for profile {profile.name} from {store.root}")
    if config.engine.isolation == "thread":
        engine = load_engine(
            store, profile, report.facts, model_id=config.engine.model, batching=config.engine.batching,
        )
    else:
        from edged.engines.process import EngineProcess

        check = usable_engine(store, profile, report.facts, model_id=config.engine.model)
        engine = EngineProcess(
            check.folder, step_timeout_s=config.engine.step_timeout_s, batching=config.engine.batching,
        )
    return config, engine, sampler_for(report.facts)


def _start_metrics(config: EdgedConfig, daemon: Daemon) -> MetricsServer | None:
    ops = config.ops
    if not ops.metrics_enabled:
        return None
    try:
        server = MetricsServer(daemon.render_metrics, daemon.health, ops.metrics_host, ops.metrics_port)
    except OSError as exc:
        # Metrics serve the operator, requests serve the factory: go on without metrics, loudly.
        log.error(  # noqa: TRY400 - the reason is in the message; a traceback would add nothing
            "the metrics endpoint %s:%d is unavailable (%s); serving without it: free the port or set "
            "ops.metrics_port",
            ops.metrics_host, ops.metrics_port, exc,
        )
        return None
    host, port = server.start().address
    log.info("metrics on http://%s:%d/metrics, health on http://%s:%d/healthz", host, port, host, port)
    return server


def _refuse(notifier: Notifier, exc: EdgedError) -> None:
    # `systemctl status` shows the last STATUS=: make it the reason start-up failed.
    notifier.status(f"failed to start [{exc.code}]: {exc.message}")
    if stderr_is_journal():
        # The command line prints the error plainly, which journald files as info; say it
        # as an error too, so that `journalctl -p err` shows why the service is down.
        log.error("failed to start [%s]: %s", exc.code, exc.message)


def _start_up(config_path: Path, notifier: Notifier) -> tuple[Daemon, Engine, GpuSampler | None]:
    """Configuration, engine and daemon; any start-up error as an EdgedError (a file the system
    refuses is a ConfigError: exit status 2, which systemd does not restart)."""
    try:
        config, engine, gpu = _load(config_path, notifier)
        try:
            from edged.service.escalation_setup import build_escalator

            escalator = build_escalator(config)
            daemon = build_daemon(
                config, engine, escalator=escalator, notifier=notifier, gpu=gpu, config_path=config_path,
            )
        except BaseException:
            engine.close()  # an engine in its own process would outlive us for a moment
            raise
    except EdgedError as exc:
        _refuse(notifier, exc)
        raise
    except (FileNotFoundError, PermissionError, NotADirectoryError, IsADirectoryError) as exc:
        # A path that none of the checks above named: still a setup error, never a traceback.
        error = ConfigError(
            f"cannot start: {exc.filename or 'a file'}: {exc.strerror or exc}. Check that it exists and "
            "that the edged user may read it (`edged doctor` checks the installation).",
            code="config_files",
        )
        _refuse(notifier, error)
        raise error from None
    return daemon, engine, gpu


def run(config_path: Path, *, log_level: str = "INFO") -> int:
    configure_logging(log_level)
    notifier = Notifier.from_environment()
    daemon, engine, gpu = _start_up(config_path, notifier)
    config = daemon.config
    metrics = _start_metrics(config, daemon)

    def on_signal(signum: int, _frame: FrameType | None) -> None:
        log.info("received %s: stopping", signal.Signals(signum).name)
        daemon.stop()

    def on_reload(_signum: int, _frame: FrameType | None) -> None:
        log.info("received SIGHUP: reloading")
        daemon.request_reload()

    signal.signal(signal.SIGTERM, on_signal)
    signal.signal(signal.SIGINT, on_signal)
    signal.signal(signal.SIGHUP, on_reload)  # systemctl reload edged
    daemon.start()  # the daemon logs its ready line once the broker is connected
    daemon.serve_forever()
    if metrics is not None:
        metrics.stop()
    if gpu is not None:
        gpu.close()
    if daemon.scheduler.in_flight:
        # Past the stop timeout, with its requests already answered: freeing the model under the
        # worker could crash it, and the process is about to end anyway.
        log.warning("the engine is still busy after the stop timeout; exiting without waiting for it")
    else:
        engine.close()
    return 0
