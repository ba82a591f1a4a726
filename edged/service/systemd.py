"""systemd integration: sd_notify(3) messages (READY, RELOADING, STATUS, WATCHDOG, STOPPING) and
the watchdog interval, plus naming a key credential that LoadCredential= did not provide.

systemd-python's ``daemon.notify`` is used when the ``systemd`` extra is installed; otherwise the
datagram is sent here, since sd_notify is a single ``sendto`` on $NOTIFY_SOCKET.
"""

from __future__ import annotations

import importlib
import logging
import os
import socket
import time
from collections.abc import Callable, Mapping
from pathlib import Path

from edged.paths import CREDENTIALS_ENV as CREDENTIALS_DIRECTORY
from edged.paths import PKI_DIR, UNIT_FILE

log = logging.getLogger(__name__)

NOTIFY_SOCKET = "NOTIFY_SOCKET"
WATCHDOG_USEC = "WATCHDOG_USEC"
WATCHDOG_PID = "WATCHDOG_PID"

Sender = Callable[[str], bool]


def socket_sender(address: str) -> Sender:
    """Send each message as one datagram to ``address`` (a path, or ``@name`` for the abstract namespace)."""
    target = "\0" + address[1:] if address.startswith("@") else address

    def send(message: str) -> bool:
        # A fresh socket per message: callers are the main loop, the MQTT thread and a signal
        # handler, and a datagram socket holds no state worth sharing between them.
        with socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM | socket.SOCK_CLOEXEC) as sock:
            try:
                sock.sendto(message.encode(), target)
            except OSError as exc:
                log.debug("sd_notify to %s failed: %s", address, exc)
                return False
        return True

    return send


def libsystemd_sender() -> Sender | None:
    """systemd-python's notify, or None when the ``systemd`` extra is not installed."""
    try:
        # By name: the checkout's systemd/ folder (unit files) would shadow the package for mypy.
        daemon = importlib.import_module("systemd.daemon")
    except ImportError:
        return None

    def send(message: str) -> bool:
        return bool(daemon.notify(message))

    return send


def watchdog_usec(environ: Mapping[str, str]) -> int | None:
    """The watchdog timeout systemd set for this process (WatchdogSec=), or None.

    WATCHDOG_PID guards against a child inheriting the variables: they are for the main process.
    """
    raw = environ.get(WATCHDOG_USEC)
    if not raw:
        return None
    pid = environ.get(WATCHDOG_PID)
    if pid and pid != str(os.getpid()):
        return None
    try:
        usec = int(raw)
    except ValueError:
        log.warning("ignoring %s=%r: not a number of microseconds", WATCHDOG_USEC, raw)
        return None
    return usec if usec > 0 else None


def _one_line(text: str) -> str:
    # Fields are newline-separated, so a status text must not contain one.
    return " ".join(text.split())


class Notifier:
    """Tells the service manager what the daemon is doing; does nothing outside systemd."""

    def __init__(self, send: Sender | None = None, *, watchdog_usec: int | None = None) -> None:
        self._send = send
        self.watchdog_usec = watchdog_usec

    @classmethod
    def from_environment(
        cls, environ: Mapping[str, str] | None = None, *, use_libsystemd: bool = True,
    ) -> Notifier:
        env = os.environ if environ is None else environ
        address = env.get(NOTIFY_SOCKET)
        if not address:
            return cls()
        # libsystemd reads $NOTIFY_SOCKET from the real environment, so it only stands in for
        # the socket code when that is the environment being described.
        send = libsystemd_sender() if use_libsystemd and environ is None else None
        return cls(send or socket_sender(address), watchdog_usec=watchdog_usec(env))

    @property
    def enabled(self) -> bool:
        return self._send is not None

    @property
    def watchdog_interval_s(self) -> float | None:
        """How often to ping: a quarter of the timeout (sd_watchdog_enabled(3) asks for at least
        half), so that no two pings are ever more than half the timeout apart."""
        return self.watchdog_usec / 4e6 if self.watchdog_usec else None

    def tick_s(self, default: float) -> float:
        """The main loop's period: ``default``, or shorter when the watchdog needs it."""
        interval = self.watchdog_interval_s
        return min(default, interval) if interval else default

    def notify(self, *fields: str) -> bool:
        if self._send is None:
            return False
        message = "\n".join(fields)
        log.debug("sd_notify: %s", message.replace("\n", " "))
        return self._send(message)

    def ready(self, status: str) -> bool:
        return self.notify("READY=1", f"STATUS={_one_line(status)}")

    def status(self, text: str) -> bool:
        return self.notify(f"STATUS={_one_line(text)}")

    def watchdog(self) -> bool:
        return self.notify("WATCHDOG=1")

    def extend_start(self, seconds: float, status: str | None = None) -> bool:
        """Still starting and making progress: push TimeoutStartSec= out by ``seconds``."""
        fields = [f"EXTEND_TIMEOUT_USEC={int(seconds * 1e6)}"]
        if status:
            fields.append(f"STATUS={_one_line(status)}")
        return self.notify(*fields)

    def reloading(self, status: str) -> bool:
        """A reload began; ``ready`` ends it. MONOTONIC_USEC= (CLOCK_MONOTONIC, as sd_notify(3)
        asks for with RELOADING=1) lets the manager tell this reload from an earlier one."""
        usec = time.clock_gettime_ns(time.CLOCK_MONOTONIC) // 1000
        return self.notify("RELOADING=1", f"MONOTONIC_USEC={usec}", f"STATUS={_one_line(status)}")

    def stopping(self, status: str) -> bool:
        return self.notify("STOPPING=1", f"STATUS={_one_line(status)}")


def missing_credential(key: Path, config_path: Path, environ: Mapping[str, str] | None = None) -> str | None:
    """Say which credential is missing when the key was to come from LoadCredential= and did not.

    ``key`` is the resolved ``mqtt.key``: a bare name that was not found in
    $CREDENTIALS_DIRECTORY resolves next to the configuration file, so that is where it points.
    """
    env = os.environ if environ is None else environ
    if key.parent != config_path.parent or os.path.lexists(key):
        return None  # a path, or a file that exists (check_files says if it cannot be read)
    credentials = env.get(CREDENTIALS_DIRECTORY)
    if credentials:
        return (
            f"{config_path}: key 'mqtt.key': the credential '{key.name}' is not in $CREDENTIALS_DIRECTORY "
            f"({credentials}) and {key} does not exist: give edged.service "
            f"`LoadCredential={key.name}:{PKI_DIR / key.name}` (systemctl edit edged), or set "
            "mqtt.key to the name the unit loads"
        )
    return (
        f"{config_path}: key 'mqtt.key': {key} does not exist, and $CREDENTIALS_DIRECTORY is not set; a "
        f"bare name such as '{key.name}' is a systemd credential: start edged with `systemctl start edged` "
        "(its unit loads the key with LoadCredential=), or give the key's path"
    )


def unit_credentials(unit: Path = UNIT_FILE) -> dict[str, Path]:
    """``LoadCredential=NAME:PATH`` of the unit and its drop-ins (later ones win), by name.

    Outside the service (doctor, renew) this is how a bare ``mqtt.key`` name is found on disk.
    """
    files = [unit, *sorted(unit.with_name(unit.name + ".d").glob("*.conf"))]
    found: dict[str, Path] = {}
    for file in files:
        try:
            lines = file.read_text(encoding="utf-8").splitlines()
        except OSError:
            continue
        for line in lines:
            key, _, value = line.strip().partition("=")
            if key.strip() != "LoadCredential":
                continue
            name, _, source = value.strip().partition(":")
            if name and source:
                found[name] = Path(source)
    return found


def key_on_disk(key: Path, config_path: Path, unit: Path = UNIT_FILE) -> Path:
    """Where the configured key is on disk for a command run by hand rather than by systemd.

    A bare name that did not resolve (no $CREDENTIALS_DIRECTORY) is looked up in the unit's
    LoadCredential= lines; anything else is already a path.
    """
    if key.is_file() or key.parent != config_path.parent:
        return key
    return unit_credentials(unit).get(key.name, key)
