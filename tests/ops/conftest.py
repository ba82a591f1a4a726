"""Fixtures for the operations tests: a real sd_notify socket, a scripted transport, a tiny engine,
and `edged run` as a child process configured like an installed appliance."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import tempfile
import threading
import time
import uuid
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from edged.engines.base import (
    AdapterRef,
    ChatMessage,
    EngineHealth,
    EngineInfo,
    GenerationRequest,
    GenerationResult,
    LabelScore,
    Timings,
    TokenCallback,
)
from edged.service.transport import IncomingMessage, TransportSettings
from tests.service.conftest import make_client  # noqa: F401 - the fixture, shared with tests/service

REPO = Path(__file__).resolve().parents[2]


class NotifySocket:
    """What systemd would receive: an AF_UNIX datagram socket named in $NOTIFY_SOCKET."""

    def __init__(self, address: str) -> None:
        self.address = address
        self._sock = socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM)
        self._sock.bind("\0" + address[1:] if address.startswith("@") else address)
        self.seen: list[str] = []

    def receive(self, timeout: float) -> str | None:
        self._sock.settimeout(timeout)
        try:
            data = self._sock.recv(4096).decode()
        except TimeoutError:
            return None
        self.seen.append(data)
        return data

    def wait_for(self, field_: str, timeout: float) -> list[str]:
        """Messages up to and including the first one with the line ``field_`` (or fail)."""
        got: list[str] = []
        deadline = time.monotonic() + timeout
        while (left := deadline - time.monotonic()) > 0:
            message = self.receive(left)
            if message is None:
                break
            got.append(message)
            if field_ in message.splitlines():
                return got
        raise AssertionError(f"no {field_!r} within {timeout} s; got {got}")

    def drain(self, seconds: float) -> list[str]:
        """Everything that arrives within ``seconds``."""
        got: list[str] = []
        deadline = time.monotonic() + seconds
        while (left := deadline - time.monotonic()) > 0:
            message = self.receive(left)
            if message is not None:
                got.append(message)
        return got

    def close(self) -> None:
        self._sock.close()


@pytest.fixture
def notify_socket() -> Iterator[NotifySocket]:
    """An abstract-namespace socket: no path-length limit, nothing left on disk."""
    sock = NotifySocket(f"@edged-test-{uuid.uuid4().hex}")
    yield sock
    sock.close()


@pytest.fixture
def notify_path_socket() -> Iterator[NotifySocket]:
    """A socket on the filesystem, as systemd uses (/run/systemd/notify): a short path, under 108 bytes."""
    folder = Path(tempfile.mkdtemp(prefix="edn-", dir="/tmp"))
    sock = NotifySocket(str(folder / "notify"))
    yield sock
    sock.close()
    (folder / "notify").unlink(missing_ok=True)
    folder.rmdir()


def statuses(messages: Sequence[str]) -> list[str]:
    lines = [line for message in messages for line in message.splitlines()]
    return [line.removeprefix("STATUS=") for line in lines if line.startswith("STATUS=")]


# -- a daemon without a broker or a model -------------------------------------------------------


class TinyEngine:
    """Answers every prompt with "ok" at once; enough for lifecycle tests."""

    def __init__(self) -> None:
        self._info = EngineInfo(backend="fake", model_id="tiny", profile="cpu", context_length=2048,
                                max_batch_size=4, path=Path("/nonexistent"))

    @property
    def info(self) -> EngineInfo:
        return self._info

    def count_tokens(self, messages: Sequence[ChatMessage]) -> int:
        return sum(len(m.content.split()) for m in messages)

    def generate(
        self,
        requests: Sequence[GenerationRequest],
        on_token: TokenCallback | None = None,
    ) -> list[GenerationResult]:
        return [GenerationResult(text="ok", token_ids=(1,), logprobs=(-0.1,), finish_reason="stop",
                                 prompt_tokens=3, timings=Timings(1.0, 1.0, 1.0, 1.0)) for _ in requests]

    def score_labels(
        self,
        messages: Sequence[ChatMessage],
        labels: Sequence[str],
        *,
        complete: bool = True,
        deadline: float | None = None,
        adapter: AdapterRef | None = None,
    ) -> list[LabelScore]:
        return [LabelScore(label, -1.0, 1) for label in labels]

    def health(self) -> EngineHealth:
        return EngineHealth(True, "tiny", 0.0)

    def close(self) -> None:
        pass


@dataclass
class ScriptedTransport:
    """A transport the test drives: connect it, and make publishing to one topic hang."""

    settings: TransportSettings
    on_message: Callable[[IncomingMessage], None]
    on_connection: Callable[[bool], None]
    published: list[tuple[str, bytes]] = field(default_factory=list)
    hang_topic: str | None = None
    release: threading.Event = field(default_factory=threading.Event)
    hanging: threading.Event = field(default_factory=threading.Event)
    _connected: bool = False
    last_error: str | None = "connection refused"

    @property
    def connected(self) -> bool:
        return self._connected

    def start(self) -> None:
        pass

    def stop(self, timeout: float = 5.0) -> None:
        self._connected = False

    def wait_connected(self, timeout: float) -> bool:
        return self._connected

    def connect(self) -> None:
        self._connected = True
        self.on_connection(True)

    def publish(
        self,
        topic: str,
        payload: bytes,
        *,
        qos: int = 1,
        retain: bool = False,
        correlation: bytes | None = None,
    ) -> object:
        if topic == self.hang_topic:
            self.hanging.set()
            self.release.wait(30)  # a deadlock in the main loop, as far as systemd can tell
        self.published.append((topic, payload))
        return None


# -- `edged run` as a process --------------------------------------------------------------------


def edged_run(config: Path, env: dict[str, str], log: Path) -> subprocess.Popen[bytes]:
    with log.open("wb") as out:
        return subprocess.Popen([sys.executable, "-m", "edged", "run", "--config", str(config)],
                                stdout=out, stderr=subprocess.STDOUT, env=env, cwd=REPO)


def child_env(**extra: str) -> dict[str, str]:
    systemd = ("NOTIFY_SOCKET", "WATCHDOG_USEC", "WATCHDOG_PID", "CREDENTIALS_DIRECTORY", "JOURNAL_STREAM")
    env = {k: v for k, v in os.environ.items() if k not in systemd}
    env.update(extra)
    return env
