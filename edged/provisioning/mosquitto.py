"""Start and stop a Mosquitto process from a generated configuration (dev stack, benchmarks)."""

from __future__ import annotations

import shutil
import signal
import socket
import subprocess
import time
from pathlib import Path
from typing import IO

from edged.errors import EdgedError, ErrorCode

SEARCH = ("/usr/sbin/mosquitto", "/usr/local/sbin/mosquitto")


class MosquittoError(EdgedError):
    code: ErrorCode = "broker_unavailable"


def mosquitto_binary() -> str:
    found = shutil.which("mosquitto") or next((p for p in SEARCH if Path(p).is_file()), None)
    if found is None:
        raise MosquittoError(
            "Mosquitto is not installed. Install it with `apt-get install mosquitto` (scripts/setup "
            "does this).",
        )
    return found


def free_port(host: str = "127.0.0.1") -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind((host, 0))
        port: int = s.getsockname()[1]
        return port


def wait_until_listening(
    host: str, port: int, process: subprocess.Popen[bytes], timeout: float = 10.0,
) -> None:
    """Poll until ``port`` accepts TCP connections (~8 ms for Mosquitto); fail early if it exits."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise MosquittoError(f"mosquitto exited with {process.returncode} at start")
        try:
            with socket.create_connection((host, port), timeout=0.2):
                return
        except OSError:
            time.sleep(0.005)
    raise MosquittoError(f"mosquitto did not listen on {host}:{port} within {timeout} s")


class MosquittoProcess:
    """One broker process; its stderr goes to ``log_path`` (appended across restarts)."""

    def __init__(self, config_path: Path, host: str, port: int, log_path: Path) -> None:
        self.config_path = config_path
        self.host = host
        self.port = port
        self.log_path = log_path
        self.process: subprocess.Popen[bytes] | None = None
        self._log: IO[bytes] | None = None

    @property
    def running(self) -> bool:
        return self.process is not None and self.process.poll() is None

    def start(self) -> MosquittoProcess:
        if self.running:
            return self
        self._log = self.log_path.open("ab")
        self.process = subprocess.Popen(  # noqa: S603 - our binary, our generated config
            [mosquitto_binary(), "-c", str(self.config_path)],
            stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=self._log,
        )
        try:
            wait_until_listening(self.host, self.port, self.process)
        except MosquittoError as exc:
            self.stop()
            raise MosquittoError(f"{exc}; its log:\n{self.log_text()[-2000:]}") from None
        return self

    def stop(self, *, hard: bool = False) -> None:
        """SIGTERM (Mosquitto saves its store), or with ``hard`` SIGKILL (a crash: it saves nothing)."""
        process, self.process = self.process, None
        if process is not None and process.poll() is None:
            process.send_signal(signal.SIGKILL if hard else signal.SIGTERM)
            try:
                process.wait(timeout=5)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait()
        if self._log is not None:
            self._log.close()
            self._log = None

    def log_text(self) -> str:
        try:
            return self.log_path.read_text(errors="replace")
        except FileNotFoundError:
            return ""
