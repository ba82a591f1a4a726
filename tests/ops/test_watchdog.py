"""The daemon's main loop and systemd: READY only once connected, pings at half the watchdog
interval from the loop itself, so a hung loop stops them; STOPPING=1 on the way out."""

from __future__ import annotations

import json
import threading
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from edged.config import EdgedConfig, MqttConfig, SchedulerConfig
from edged.hardware.profiles import ThermalLimits
from edged.hardware.telemetry import GpuSample
from edged.service.daemon import Daemon
from edged.service.main import build_daemon
from edged.service.systemd import Notifier, socket_sender
from edged.service.transport import IncomingMessage, TransportSettings
from tests.ops.conftest import NotifySocket, ScriptedTransport, TinyEngine, statuses

WATCHDOG_USEC = 400_000  # pings every 0.1 s (a quarter of the timeout)


def _config(tmp_path: Path) -> EdgedConfig:
    return EdgedConfig(
        device_id="dev-1",
        mqtt=MqttConfig(host="broker.test", port=8883, ca=tmp_path / "ca.crt", cert=tmp_path / "dev-1.crt",
                        key=tmp_path / "dev-1.key", telemetry_interval_s=1.0),
    )


@pytest.fixture
def daemon_and_transport(
    tmp_path: Path, notify_socket: NotifySocket,
) -> Iterator[tuple[Daemon, ScriptedTransport, threading.Thread]]:
    made: list[ScriptedTransport] = []

    def factory(settings: TransportSettings, on_message: Callable[[IncomingMessage], None],
                on_connection: Callable[[bool], None]) -> ScriptedTransport:
        made.append(ScriptedTransport(settings, on_message, on_connection))
        return made[0]

    notifier = Notifier(socket_sender(notify_socket.address), watchdog_usec=WATCHDOG_USEC)
    daemon = build_daemon(_config(tmp_path), TinyEngine(), transport_factory=factory, notifier=notifier)
    daemon.start()
    loop = threading.Thread(target=daemon.serve_forever, daemon=True)
    loop.start()
    yield daemon, made[0], loop
    made[0].release.set()
    daemon.stop()
    loop.join(10)


def _count(messages: list[str], line: str) -> int:
    return sum(line in m.splitlines() for m in messages)


def test_ready_waits_for_the_broker_then_pings_follow_the_loop(
    daemon_and_transport: tuple[Daemon, ScriptedTransport, threading.Thread], notify_socket: NotifySocket,
) -> None:
    daemon, transport, loop = daemon_and_transport
    # Broker unreachable: alive, not ready; each turn extends the start timeout, with the reason.
    waiting = notify_socket.drain(0.5)
    assert _count(waiting, "READY=1") == 0
    assert _count(waiting, "WATCHDOG=1") == 0
    assert _count(waiting, "EXTEND_TIMEOUT_USEC=300000") >= 2  # 3 ticks of a quarter of the timeout
    assert "waiting for the broker broker.test:8883 (connection refused)" in statuses(waiting)
    assert "connecting to the broker broker.test:8883" in statuses(waiting)

    transport.connect()
    ready = notify_socket.wait_for("READY=1", 2)
    assert "serving tiny@cpu as dev-1 on broker.test:8883" in statuses(ready)
    pings = notify_socket.drain(1.0)
    assert 5 <= _count(pings, "WATCHDOG=1") <= 12, pings  # every 0.1 s, with slack for a busy machine

    # A main loop that hangs (here: stuck publishing telemetry) stops pinging; systemd then
    # kills and restarts the service after WatchdogSec.
    transport.hang_topic = daemon.reporter.telemetry_topic
    assert transport.hanging.wait(3)
    notify_socket.drain(0.15)
    assert _count(notify_socket.drain(0.6), "WATCHDOG=1") == 0
    transport.release.set()
    assert _count(notify_socket.drain(0.5), "WATCHDOG=1") >= 2

    daemon.stop()
    stopping = notify_socket.wait_for("STOPPING=1", 10)
    assert any(s.startswith("stopping: finishing 0 request(s)") for s in statuses(stopping))
    loop.join(10)
    assert not loop.is_alive()


def test_a_lost_broker_is_a_status_not_a_restart(
    daemon_and_transport: tuple[Daemon, ScriptedTransport, threading.Thread], notify_socket: NotifySocket,
) -> None:
    _, transport, _ = daemon_and_transport
    transport.connect()
    notify_socket.wait_for("READY=1", 2)
    transport._connected = False
    transport.on_connection(False)
    later = notify_socket.drain(0.4)
    assert "lost the broker broker.test:8883; reconnecting (requests wait at the broker)" in statuses(later)
    assert _count(later, "WATCHDOG=1") >= 2  # the process is fine: restarting would not bring the broker
    transport.connect()
    assert "serving tiny@cpu as dev-1 on broker.test:8883" in statuses(notify_socket.drain(0.3))
    assert _count(notify_socket.seen, "READY=1") == 1


def test_health_and_metrics_follow_the_lifecycle(
    daemon_and_transport: tuple[Daemon, ScriptedTransport, threading.Thread],
) -> None:
    daemon, transport, _ = daemon_and_transport
    healthy, body = daemon.health()
    assert not healthy
    assert body["ready"] is False
    assert "edged_ready 0" in daemon.render_metrics()
    transport.connect()
    healthy, body = daemon.health()
    assert healthy
    assert body["status"] == "online"
    text = daemon.render_metrics()
    assert "edged_ready 1" in text
    assert "edged_broker_connected 1" in text
    assert 'edged_info{version="' in text
    # No readable certificate here: the status says so by having none, and warns of nothing.
    status = json.loads(next(p for t, p in transport.published if t == daemon.reporter.status_topic))
    assert status["health"] == {"certificate": None, "warnings": []}


class _HotGpu:
    """A GPU whose temperature the test sets."""

    def __init__(self) -> None:
        self.temperature_c = 60.0

    def sample(self) -> GpuSample:
        return GpuSample(temperature_c=self.temperature_c, power_w=100.0, source="nvml")

    def close(self) -> None:
        pass


def test_the_thermal_guard_halves_the_batch_and_says_so_in_the_status(tmp_path: Path) -> None:
    """The limits are given to the daemon once (not read from the profile in the loop): above the
    throttle limit half the batch and a 'degraded' status; cooled, the batch and 'online' return."""
    made: list[ScriptedTransport] = []

    def factory(settings: TransportSettings, on_message: Callable[[IncomingMessage], None],
                on_connection: Callable[[bool], None]) -> ScriptedTransport:
        made.append(ScriptedTransport(settings, on_message, on_connection))
        return made[0]

    gpu = _HotGpu()
    config = _config(tmp_path).model_copy(update={"scheduler": SchedulerConfig(max_batch=8)})
    daemon = build_daemon(config, TinyEngine(), transport_factory=factory, gpu=gpu,
                    thermal_limits=ThermalLimits(gpu_throttle_c=80.0, gpu_max_c=95.0))
    made[0].connect()
    last = daemon.metrics.counts()
    reporter = daemon.reporter

    def statuses_published() -> list[dict[str, object]]:
        return [json.loads(p) for t, p in made[0].published if t == reporter.status_topic]

    last = reporter.publish_telemetry(last, 1.0)
    assert daemon.scheduler.max_batch == 8
    gpu.temperature_c = 85.0
    last = reporter.publish_telemetry(last, 1.0)
    assert daemon.scheduler.max_batch == 4
    assert statuses_published()[-1]["status"] == "degraded"
    gpu.temperature_c = 96.0
    last = reporter.publish_telemetry(last, 1.0)
    assert daemon.scheduler.max_batch == 1
    gpu.temperature_c = 70.0
    reporter.publish_telemetry(last, 1.0)
    assert daemon.scheduler.max_batch == 8
    assert statuses_published()[-1]["status"] == "online"
    telemetry = [json.loads(p) for t, p in made[0].published if t == reporter.telemetry_topic]
    assert [t["thermal"]["level"] for t in telemetry] == ["ok", "throttle", "critical", "ok"]
