"""`systemctl reload edged` (SIGHUP) against the real broker: new settings for new requests while
queued ones finish under the old, a reconnect only for a new identity, a bad file refused while
the old configuration keeps serving, and the whole path through a real `python -m edged run`."""

from __future__ import annotations

import logging
import signal
import threading
import time
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path

import pytest

from edged.client import Reply
from edged.engines.base import ChatMessage, GenerationRequest, GenerationResult, TokenCallback
from edged.engines.store import EngineStore
from edged.provisioning import pki
from edged.service.daemon import Daemon
from edged.service.main import build_daemon
from edged.service.settings import load_checked_config, plan_changes
from edged.service.systemd import Notifier, socket_sender
from edged.service.transport import MqttTransport
from tests.ops import conftest as ops_conftest
from tests.ops.conftest import NotifySocket, TinyEngine, child_env, edged_run, statuses
from tests.ops.test_run import write_config
from tests.service.conftest import MakeClient
from tests.support.broker import MosquittoBroker
from tests.support.fixtures import ProvisionedSite

OLD_PROMPT = "You answer tersely. (prompt one)"
NEW_PROMPT = "You answer tersely. (prompt two)"


class GatedEngine(TinyEngine):
    """Records each request's system prompt; holds its first batch until ``release`` is set."""

    def __init__(self) -> None:
        super().__init__()
        self.prompts: list[str] = []
        self.started = threading.Event()
        self.release = threading.Event()

    def generate(self, requests: Sequence[GenerationRequest],
                 on_token: TokenCallback | None = None) -> list[GenerationResult]:
        self.prompts += [r.messages[0].content for r in requests]
        self.started.set()
        assert self.release.wait(30)
        return super().generate(requests, on_token)

    def count_tokens(self, messages: Sequence[ChatMessage]) -> int:
        return 10


def write_toml(path: Path, site: ProvisionedSite, port: int, *, prompt: str = OLD_PROMPT,
               cert: Path | None = None, key: Path | None = None, extra: str = "") -> Path:
    device = site.identity("dev-1")
    path.write_text(
        f'device_id = "dev-1"\n{extra}\n[mqtt]\nhost = "localhost"\nport = {port}\npools = ["line3"]\n'
        f'ca = "{device.ca}"\ncert = "{cert or device.cert}"\nkey = "{key or device.key}"\n'
        "reconnect_min_s = 0.05\nreconnect_max_s = 0.5\ntelemetry_interval_s = 1.0\n"
        "[scheduler]\nmax_batch = 1\n"
        f'[tasks.ask]\nsystem = "{prompt}"\ntemplate = "{{input}}"\ndefault_max_tokens = 8\n',
    )
    return path


def start(config_path: Path, engine: TinyEngine, notify: NotifySocket) -> tuple[Daemon, threading.Thread]:
    daemon = build_daemon(load_checked_config(config_path), engine, config_path=config_path,
                          notifier=Notifier(socket_sender(notify.address)))
    daemon.start()
    assert daemon.transport.wait_connected(5)
    thread = threading.Thread(target=daemon.serve_forever, daemon=True)
    thread.start()
    notify.wait_for("READY=1", 5)
    return daemon, thread


def serve_released(
    config_path: Path, notify: NotifySocket, running: list[tuple[Daemon, threading.Thread]],
) -> tuple[Daemon, MqttTransport, GatedEngine]:
    """A daemon whose engine answers at once, registered for teardown; its transport and engine."""
    engine = GatedEngine()
    engine.release.set()
    running.append(start(config_path, engine, notify))
    daemon = running[-1][0]
    assert isinstance(daemon.transport, MqttTransport)
    return daemon, daemon.transport, engine


def reload(daemon: Daemon, notify: NotifySocket) -> list[str]:
    """SIGHUP as the main loop sees it; the notifications up to the READY=1 that ends the reload."""
    daemon.request_reload()
    got = notify.wait_for("RELOADING=1", 10)
    return [got[-1], *notify.wait_for("READY=1", 30)]


# What systemd would receive: the ops tests' socket fixture, shared rather than copied.
notify_socket = ops_conftest.notify_socket


@pytest.fixture
def running() -> Iterator[list[tuple[Daemon, threading.Thread]]]:
    made: list[tuple[Daemon, threading.Thread]] = []
    yield made
    for daemon, thread in made:
        daemon.stop()
        thread.join(30)


def wait_until(condition: Callable[[], bool], timeout: float = 10.0) -> bool:
    deadline = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > deadline:
            return False
        time.sleep(0.01)
    return True


def ask(client_reply: list[Reply], make_client: MakeClient, text: str) -> threading.Thread:
    def run() -> None:
        client_reply.append(make_client().request({"task": "ask", "input": text}, timeout=30))

    thread = threading.Thread(target=run)
    thread.start()
    return thread


def test_a_changed_prompt_is_for_new_requests_and_queued_ones_finish_under_the_old(
    site: ProvisionedSite, broker: MosquittoBroker, tmp_path: Path, notify_socket: NotifySocket,
    make_client: MakeClient, running: list[tuple[Daemon, threading.Thread]],
) -> None:
    config = write_toml(tmp_path / "edged.toml", site, broker.port)
    engine = GatedEngine()
    daemon, thread = start(config, engine, notify_socket)
    running.append((daemon, thread))
    connects = daemon.transport.connects  # type: ignore[attr-defined]
    first: list[Reply] = []
    second: list[Reply] = []
    threads = [ask(first, make_client, "one")]
    assert engine.started.wait(10)  # in the engine
    threads.append(ask(second, make_client, "two"))
    assert wait_until(lambda: daemon.scheduler.depth == 1)  # parsed and queued behind it

    write_toml(config, site, broker.port, prompt=NEW_PROMPT)
    messages = reload(daemon, notify_socket)
    assert messages[0].splitlines()[1].startswith("MONOTONIC_USEC=")
    assert int(messages[0].splitlines()[1].removeprefix("MONOTONIC_USEC=")) > 0
    assert statuses(messages)[-1].endswith("; reloaded")
    third: list[Reply] = []
    threads.append(ask(third, make_client, "three"))  # parsed after the reload
    engine.release.set()
    for t in threads:
        t.join(30)
    assert [r[0].ok for r in (first, second, third)] == [True, True, True]
    assert engine.prompts == [OLD_PROMPT, OLD_PROMPT, NEW_PROMPT]
    assert daemon.transport.connects == connects  # type: ignore[attr-defined] - a prompt is no reason to reconnect


def test_an_unchanged_identity_keeps_the_connection_and_limits_apply_live(
    site: ProvisionedSite, broker: MosquittoBroker, tmp_path: Path, notify_socket: NotifySocket,
    make_client: MakeClient, running: list[tuple[Daemon, threading.Thread]],
) -> None:
    config = write_toml(tmp_path / "edged.toml", site, broker.port)
    daemon, transport, _ = serve_released(config, notify_socket, running)
    connects = transport.connects
    assert make_client().request({"task": "ask", "input": "x" * 50}, timeout=30).ok
    write_toml(config, site, broker.port, extra="[limits]\nmax_input_chars = 20")
    reload(daemon, notify_socket)
    refused = make_client().request({"task": "ask", "input": "x" * 50}, timeout=30)
    assert refused.body["error"]["code"] == "too_large", refused.body
    assert transport.connects == connects  # the same connection: no reconnect
    assert "the broker" not in "".join(statuses(notify_socket.drain(0.3)))


def test_a_renewed_certificate_reconnects_with_it(
    site: ProvisionedSite, broker: MosquittoBroker, tmp_path: Path, notify_socket: NotifySocket,
    make_client: MakeClient, running: list[tuple[Daemon, threading.Thread]],
) -> None:
    # The appliance's own certificate A, renewed in place by B (the same paths, new contents).
    first = pki.issue(site.ca_dir, "device", "dev-1", tmp_path / "a")
    cert, key = tmp_path / "device.crt", tmp_path / "device.key"
    cert.write_bytes(first.cert.read_bytes())
    assert first.key is not None
    key.write_bytes(first.key.read_bytes())
    key.chmod(0o600)
    config = write_toml(tmp_path / "edged.toml", site, broker.port, cert=cert, key=key)
    daemon, transport, _ = serve_released(config, notify_socket, running)
    connects = transport.connects

    renewed = pki.issue(site.ca_dir, "device", "dev-1", tmp_path / "b")
    assert renewed.key is not None
    cert.write_bytes(renewed.cert.read_bytes())
    key.write_bytes(renewed.key.read_bytes())
    messages = reload(daemon, notify_socket)
    assert statuses(messages)[-1].endswith("; reloaded")
    assert transport.connects == connects + 1
    assert wait_until(lambda: transport.connected)  # counted at CONNACK, marked after subscribing
    assert make_client().request({"task": "ask", "input": "hi"}, timeout=30).ok

    # Proof that B is what it now uses: with A revoked, the broker still takes it after a restart.
    pki.revoke(site.ca_dir, first.cert)
    broker.restart()
    assert wait_until(lambda: transport.connects == connects + 2), broker.log_text()[-2000:]
    assert make_client().request({"task": "ask", "input": "hi"}, timeout=30).ok


@pytest.mark.parametrize("damage", ["toml", "validation", "missing_file", "key"])
def test_a_bad_new_config_is_refused_and_the_old_keeps_serving(
    site: ProvisionedSite, broker: MosquittoBroker, tmp_path: Path, notify_socket: NotifySocket,
    make_client: MakeClient, running: list[tuple[Daemon, threading.Thread]], damage: str,
    caplog: pytest.LogCaptureFixture,
) -> None:
    key = tmp_path / "device.key"
    key.write_bytes(site.identity("dev-1").key.read_bytes())
    key.chmod(0o600)
    config = write_toml(tmp_path / "edged.toml", site, broker.port, key=key)
    daemon, transport, engine = serve_released(config, notify_socket, running)
    connects = transport.connects
    if damage == "toml":
        broken = config.read_text().replace("[tasks.ask]", "[tasks.ask").replace(OLD_PROMPT, NEW_PROMPT)
        config.write_text(broken)
    elif damage == "validation":
        write_toml(config, site, broker.port, prompt=NEW_PROMPT, extra="[limits]\nmax_input_chars = -1")
    elif damage == "missing_file":
        write_toml(config, site, broker.port, prompt=NEW_PROMPT, key=tmp_path / "gone.key")
    else:
        key.write_text("-----BEGIN PRIVATE KEY-----\nnot a key\n-----END PRIVATE KEY-----\n")
    with caplog.at_level(logging.ERROR, logger="edged"):
        messages = reload(daemon, notify_socket)
    refused = statuses(messages)[-1]
    assert "; reload refused [" in refused, messages
    logged = [r.getMessage() for r in caplog.records if "reload refused" in r.getMessage()]
    assert logged and "still serving with the previous configuration" in logged[0]
    assert refused.split("reload refused ")[1] in logged[0]  # the same reason in both
    assert make_client().request({"task": "ask", "input": "hi"}, timeout=30).ok
    assert engine.prompts[-1] == OLD_PROMPT
    assert transport.connects == connects and transport.connected


def test_keys_that_need_a_restart_are_named_and_the_rest_applies(
    site: ProvisionedSite, broker: MosquittoBroker, tmp_path: Path, notify_socket: NotifySocket,
    make_client: MakeClient, running: list[tuple[Daemon, threading.Thread]],
    caplog: pytest.LogCaptureFixture,
) -> None:
    config = write_toml(tmp_path / "edged.toml", site, broker.port)
    daemon, _, engine = serve_released(config, notify_socket, running)
    text = write_toml(config, site, broker.port, prompt=NEW_PROMPT).read_text()
    config.write_text(text.replace("max_batch = 1", "max_batch = 1\nqueue_size = 7")
                      + '[engine]\nmodel = "another-model"\n')
    with caplog.at_level(logging.WARNING, logger="edged"):
        messages = reload(daemon, notify_socket)
    note = "; reloaded, needs a restart for engine.model, scheduler.queue_size"
    assert statuses(messages)[-1].endswith(note)
    warned = [r.getMessage() for r in caplog.records if "need a restart" in r.getMessage()]
    assert warned and warned[0].endswith("engine.model, scheduler.queue_size")
    assert make_client().request({"task": "ask", "input": "hi"}, timeout=30).ok
    assert engine.prompts[-1] == NEW_PROMPT  # the prompt applied anyway
    assert daemon.settings.config.engine.model is None  # the engine keeps what it was started with
    assert daemon.settings.config.scheduler.queue_size == 64


def test_changes_are_sorted_into_live_reconnect_and_restart(site: ProvisionedSite, tmp_path: Path) -> None:
    old = load_checked_config(write_toml(tmp_path / "a.toml", site, 8883))
    new = load_checked_config(write_toml(tmp_path / "b.toml", site, 8884, prompt=NEW_PROMPT,
                                         extra='[engine]\nprofile = "cpu"\n[privacy]\nmode = \"standard\"'))
    changes = plan_changes(old, new)
    assert changes.live == ("tasks", "privacy.mode")
    assert changes.reconnect == ("mqtt.port",)
    assert changes.restart == ("engine.profile",)
    assert changes.effective.engine.profile == "auto"
    assert changes.effective.mqtt.port == 8884


@pytest.mark.engine
def test_sighup_reloads_a_running_edged_and_tells_systemd(
    site: ProvisionedSite, broker: MosquittoBroker, engine_store: EngineStore, tmp_path: Path,
    notify_socket: NotifySocket, make_client: MakeClient,
) -> None:
    config = write_config(tmp_path, site, broker.port, store=engine_store.root)
    original = config.read_text()
    process = edged_run(config, child_env(NOTIFY_SOCKET=notify_socket.address), tmp_path / "edged.log")
    try:
        notify_socket.wait_for("READY=1", 60)
        config.write_text(original + '[tasks.ask]\nsystem = "Answer in one word."\ntemplate = "{input}"\n'
                          "default_max_tokens = 3\n")
        process.send_signal(signal.SIGHUP)
        reloading = notify_socket.wait_for("RELOADING=1", 10)[-1].splitlines()
        assert reloading[0] == "RELOADING=1" and reloading[1].startswith("MONOTONIC_USEC=")
        done = notify_socket.wait_for("READY=1", 30)
        assert statuses(done)[-1].endswith("; reloaded")
        reply = make_client().request({"task": "ask", "input": "Say hi."}, timeout=60)
        assert reply.ok, reply.body
        assert reply.body["usage"]["completion_tokens"] <= 3  # the reloaded default_max_tokens

        config.write_text(original + "[tasks.ask\n")  # broken: refused, still serving
        process.send_signal(signal.SIGHUP)
        notify_socket.wait_for("RELOADING=1", 10)
        refused = statuses(notify_socket.wait_for("READY=1", 30))[-1]
        assert "; reload refused [" in refused
        assert process.poll() is None
        assert make_client().request({"task": "ask", "input": "Say hi."}, timeout=60).ok
        process.send_signal(signal.SIGTERM)
        assert process.wait(timeout=30) == 0
    finally:
        if process.poll() is None:
            process.kill()
            process.wait()
    log = (tmp_path / "edged.log").read_text()
    assert "received SIGHUP: reloading" in log
    assert "reload refused [" in log and "still serving with the previous configuration" in log
