"""`edged run` as a process: ready, SIGTERM under load, a crash leaves the Last Will."""

from __future__ import annotations

import json
import signal
import subprocess
import sys
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest

from edged.engines.store import EngineStore
from tests.service.conftest import MakeClient
from tests.support.broker import MosquittoBroker
from tests.support.fixtures import ClientFactory, ProvisionedSite

pytestmark = pytest.mark.engine


@pytest.fixture
def daemon_process(
    site: ProvisionedSite, broker: MosquittoBroker, engine_store: EngineStore, tmp_path: Path,
) -> Iterator[subprocess.Popen[bytes]]:
    device = site.identity("dev-1")
    config = tmp_path / "edged.toml"
    config.write_text(
        f'device_id = "dev-1"\n[mqtt]\nhost = "localhost"\nport = {broker.port}\n'
        f'ca = "{device.ca}"\ncert = "{device.cert}"\nkey = "{device.key}"\n'
        f'[engine]\nprofile = "cpu"\nstore = "{engine_store.root}"\n'
        f"[scheduler]\nstop_timeout_s = 20\n",
    )
    log = (tmp_path / "edged.log").open("wb")
    process = subprocess.Popen([sys.executable, "-m", "edged", "run", "--config", str(config)],
                               stdout=log, stderr=subprocess.STDOUT)
    yield process
    if process.poll() is None:
        process.kill()
        process.wait()
    log.close()


def _wait_status(watcher: object, wanted: str, timeout: float = 30) -> dict[str, object]:
    while True:
        message = watcher.next_message(timeout=timeout)  # type: ignore[attr-defined]
        body: dict[str, object] = json.loads(message.payload)
        if body["status"] == wanted:
            return body


def test_sigterm_under_load_answers_every_request_then_goes_offline(
    daemon_process: subprocess.Popen[bytes], site: ProvisionedSite, broker: MosquittoBroker,
    mqtt_client: ClientFactory, make_client: MakeClient,
) -> None:
    watcher = mqtt_client(site.identity("bob"), broker)
    watcher.subscribe_and_wait("edged/dev-1/status")
    _wait_status(watcher, "online")
    client = make_client()
    replies: list[dict[str, object]] = []
    lock = threading.Lock()

    def one(index: int) -> None:
        reply = client.request({"task": "ask", "input": f"Write a long story, part {index}.",
                                "max_tokens": 96}, timeout=60)
        with lock:
            replies.append(reply.body)

    # More requests than the engine's slots (8 with continuous batching): some run, some wait.
    threads = [threading.Thread(target=one, args=(i,)) for i in range(16)]
    for thread in threads:
        thread.start()
    threading.Event().wait(0.8)  # stop while requests are in the engine and others wait behind them
    daemon_process.send_signal(signal.SIGTERM)
    for thread in threads:
        thread.join(60)
    assert daemon_process.wait(timeout=30) == 0
    assert len(replies) == 16
    outcomes = sorted("ok" if r["status"] == "ok" else r["error"]["code"] for r in replies)  # type: ignore[index]
    assert set(outcomes) <= {"ok", "shutting_down"}
    assert "ok" in outcomes  # the batch in the engine was finished, not dropped
    assert "shutting_down" in outcomes  # the waiting ones were told, not left to time out
    assert _wait_status(watcher, "offline")["device"] == "dev-1"


def test_a_killed_daemon_leaves_its_last_will(
    daemon_process: subprocess.Popen[bytes], site: ProvisionedSite, broker: MosquittoBroker,
    mqtt_client: ClientFactory,
) -> None:
    watcher = mqtt_client(site.identity("bob"), broker)
    watcher.subscribe_and_wait("edged/dev-1/status")
    _wait_status(watcher, "online")
    daemon_process.kill()
    assert _wait_status(watcher, "offline", timeout=10)["status"] == "offline"
