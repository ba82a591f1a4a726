"""`edged run` as systemd runs it: a real NOTIFY_SOCKET and WATCHDOG_USEC, the real broker and CPU
model, the metrics endpoint; then the faults: SIGTERM past the stop timeout, an exposed key, a
missing credential."""

from __future__ import annotations

import json
import signal
import subprocess
import threading
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest

from edged.engines.store import EngineStore
from edged.provisioning.mosquitto import free_port
from tests.ops.conftest import NotifySocket, child_env, edged_run, statuses
from tests.service.conftest import MakeClient
from tests.support.broker import MosquittoBroker
from tests.support.fixtures import ProvisionedSite


def write_config(tmp_path: Path, site: ProvisionedSite, port: int, *, store: Path | None = None,
                 key: str | None = None, metrics_port: int = 0, stop_timeout_s: float = 20) -> Path:
    device = site.identity("dev-1")
    config = tmp_path / "edged.toml"
    config.write_text(
        f'device_id = "dev-1"\n[mqtt]\nhost = "localhost"\nport = {port}\n'
        f'ca = "{device.ca}"\ncert = "{device.cert}"\nkey = "{key or device.key}"\n'
        "reconnect_min_s = 0.1\nreconnect_max_s = 0.5\n"
        f'[engine]\nprofile = "cpu"\nstore = "{store or tmp_path / "no-engines"}"\n'
        f"[scheduler]\nstop_timeout_s = {stop_timeout_s}\n"
        f'[ops]\nmetrics_host = "127.0.0.1"\nmetrics_port = {metrics_port}\n',
    )
    return config


def _get(port: int, path: str) -> tuple[int, str]:
    try:
        with urllib.request.urlopen(f"http://127.0.0.1:{port}{path}", timeout=5) as response:
            return response.status, response.read().decode()
    except urllib.error.HTTPError as exc:
        with exc:
            return exc.code, exc.read().decode()


def _stop(process: subprocess.Popen[bytes]) -> None:
    if process.poll() is None:
        process.kill()
        process.wait()


@pytest.mark.engine
def test_under_systemd_ready_waits_for_the_broker_then_pings_serves_and_stops(
    site: ProvisionedSite, broker: MosquittoBroker, engine_store: EngineStore, tmp_path: Path,
    notify_socket: NotifySocket, make_client: MakeClient,
) -> None:
    metrics_port = free_port()
    config = write_config(tmp_path, site, broker.port, store=engine_store.root, metrics_port=metrics_port)
    broker.stop()  # the factory powered up together and the broker is slower: READY must wait
    env = child_env(NOTIFY_SOCKET=notify_socket.address, WATCHDOG_USEC="4000000")
    process = edged_run(config, env, tmp_path / "edged.log")
    try:
        waiting = notify_socket.wait_for("EXTEND_TIMEOUT_USEC=3000000", 60)  # 3 ticks of a quarter of 4 s
        assert statuses(waiting)[:4] == [
            f"loading the configuration {config}",
            "detecting the hardware",
            f"loading the engine for profile cpu from {engine_store.root}",
            f"connecting to the broker localhost:{broker.port}",
        ]
        assert statuses(waiting)[-1].startswith(f"waiting for the broker localhost:{broker.port}")
        assert not any("READY=1" in m for m in notify_socket.seen)
        assert _get(metrics_port, "/healthz")[0] == 503

        broker.start()
        ready = notify_socket.wait_for("READY=1", 15)
        assert f"serving smollm2-135m-instruct@cpu as dev-1 on localhost:{broker.port}" in statuses(ready)
        pings = notify_socket.drain(2.5)  # WATCHDOG_USEC 4 s: a ping a second (a quarter)
        assert 2 <= sum(m == "WATCHDOG=1" for m in pings) <= 4, pings

        reply = make_client().request({"task": "ask", "input": "Say hi.", "max_tokens": 4}, timeout=60)
        assert reply.ok, reply.body
        code, text = _get(metrics_port, "/metrics")
        assert code == 200
        lines = text.splitlines()
        assert 'edged_requests_total{task="ask",source="edge",outcome="ok"} 1' in lines
        assert "edged_ready 1" in lines
        assert 'edged_request_duration_seconds_count{task="ask",source="edge"} 1' in lines
        assert any(line.startswith('edged_tokens_total{kind="completion"} ') for line in lines)
        assert any(line.startswith("edged_certificate_not_after_timestamp_seconds ") for line in lines)
        assert "edged_certificate_expiring 0" in lines
        code, body = _get(metrics_port, "/healthz")
        health = json.loads(body)
        assert (code, health["status"], health["certificate"]["state"]) == (200, "online", "ok")

        process.send_signal(signal.SIGTERM)
        stopping = notify_socket.wait_for("STOPPING=1", 15)
        assert any(s.startswith("stopping: finishing") for s in statuses(stopping))
        assert process.wait(timeout=30) == 0
    finally:
        _stop(process)
    log = (tmp_path / "edged.log").read_text()
    assert f"metrics on http://127.0.0.1:{metrics_port}/metrics" in log
    assert " ready: device dev-1" in log


@pytest.mark.engine
def test_sigterm_past_the_stop_timeout_fails_in_flight_requests_and_exits_in_time(
    site: ProvisionedSite, broker: MosquittoBroker, engine_store: EngineStore, tmp_path: Path,
    notify_socket: NotifySocket, make_client: MakeClient,
) -> None:
    stop_timeout = 1.0
    config = write_config(tmp_path, site, broker.port, store=engine_store.root, stop_timeout_s=stop_timeout)
    process = edged_run(config, child_env(NOTIFY_SOCKET=notify_socket.address), tmp_path / "edged.log")
    try:
        notify_socket.wait_for("READY=1", 60)
        client = make_client()
        replies: list[dict[str, object]] = []
        lock = threading.Lock()

        def ask(index: int) -> None:
            # Far longer than the stop timeout: these are still in the engine when it runs out.
            reply = client.request({"task": "ask", "input": f"Write a very long story, part {index}.",
                                    "max_tokens": 400, "deadline_ms": 120000}, timeout=60)
            with lock:
                replies.append(reply.body)

        threads = [threading.Thread(target=ask, args=(i,)) for i in range(6)]
        for thread in threads:
            thread.start()
        time.sleep(1.5)  # the first batch is in the engine, the rest wait behind it
        sent = time.monotonic()
        process.send_signal(signal.SIGTERM)
        assert process.wait(timeout=30) == 0
        exited_s = time.monotonic() - sent
        for thread in threads:
            thread.join(30)
    finally:
        _stop(process)
    # The stop timeout, then at most 2 s to confirm "offline" and a clean disconnect: well inside
    # the unit's TimeoutStopSec=45s.
    assert exited_s < stop_timeout + 6, exited_s
    assert len(replies) == 6  # every request got its one reply
    # Short answers finish in time (the model may stop early); the rest are told, not dropped.
    codes = {r["error"]["code"] if r["status"] == "error" else r["status"] for r in replies}  # type: ignore[index]
    assert codes <= {"ok", "shutting_down"}, replies
    messages = [r["error"]["message"] for r in replies if r["status"] == "error"]  # type: ignore[index]
    assert "the appliance stopped before the answer was ready" in messages, replies  # still in the engine
    assert "STOPPING=1" in "\n".join(notify_socket.drain(0.5))


def test_a_key_readable_by_others_stops_the_start_with_the_fix(
    site: ProvisionedSite, tmp_path: Path, notify_socket: NotifySocket,
) -> None:
    key = tmp_path / "dev-1.key"
    key.write_bytes(site.identity("dev-1").key.read_bytes())
    key.chmod(0o644)
    config = write_config(tmp_path, site, 8883, key=str(key))
    process = edged_run(config, child_env(NOTIFY_SOCKET=notify_socket.address), tmp_path / "edged.log")
    try:
        assert process.wait(timeout=60) == 2  # the unit's RestartPreventExitStatus=: no restart loop
    finally:
        _stop(process)
    log = (tmp_path / "edged.log").read_text()
    assert "[config_files]" in log
    assert f"chmod 600 {key}" in log
    failed = [s for s in statuses(notify_socket.drain(0.5)) if s.startswith("failed to start")]
    assert failed
    assert f"chmod 600 {key}" in failed[0]  # what `systemctl status edged` shows


def test_a_missing_credential_is_named(site: ProvisionedSite, tmp_path: Path) -> None:
    credentials = tmp_path / "credentials"  # what LoadCredential= makes; here without the key
    credentials.mkdir()
    (credentials / "other.key").write_text("-")
    (tmp_path / "etc").mkdir()
    config = write_config(tmp_path / "etc", site, 8883, key="device.key")
    log_path = tmp_path / "edged.log"
    log_path.touch()
    # As under systemd: stderr is the journal's stream, so lines carry syslog priorities.
    stream = log_path.stat()
    env = child_env(CREDENTIALS_DIRECTORY=str(credentials), JOURNAL_STREAM=f"{stream.st_dev}:{stream.st_ino}")
    process = edged_run(config, env, log_path)
    try:
        assert process.wait(timeout=60) == 2
    finally:
        _stop(process)
    log = log_path.read_text()
    assert f"the credential 'device.key' is not in $CREDENTIALS_DIRECTORY ({credentials})" in log
    assert log.startswith("<3>edged: failed to start [config_files]: ")  # `journalctl -p err` shows it
    assert "LoadCredential=device.key:/etc/edged/pki/device.key" in log

    # With the credential there (mode 0400, as systemd makes it), the same file loads.
    from edged.service.main import load_checked_config

    (credentials / "device.key").write_bytes(site.identity("dev-1").key.read_bytes())
    (credentials / "device.key").chmod(0o400)
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("CREDENTIALS_DIRECTORY", str(credentials))
        assert load_checked_config(config).mqtt.key == credentials / "device.key"
