"""The system tests' fixtures: ``booted`` (a Debian 12 with systemd as PID 1, this checkout copied
in, the site's broker as mosquitto.service) and ``figures`` (the measured times, printed at the end
and written to $EDGED_SYSTEM_FIGURES when set). They need root and PID/mount namespaces; without
them every test here is skipped, saying why."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import tempfile
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from edged.provisioning.mosquitto import free_port
from tests.support.fixtures import SERVER_CN, ProvisionedSite
from tests.system.boot import BootedSystem, boot, cached_rootfs, unavailable_reason, wheelhouse

REPO = Path(__file__).resolve().parents[2]
SRC = "/srv/edged"  # the checkout, inside
IDENTITY = "/root/identity"  # what scripts/provision-device hands an appliance
SITE = "/srv/site-pki"  # the site PKI (CA, broker), as on the broker's machine (/etc/edged is 0750 here)
WHEELS = "/srv/wheels"

FIGURES: dict[str, float] = {}


def pytest_terminal_summary(terminalreporter: pytest.TerminalReporter) -> None:
    if FIGURES:
        shown = ", ".join(f"{name} {value:.2f}" for name, value in FIGURES.items())
        terminalreporter.write_line(f"system figures: {shown}")


@pytest.fixture(scope="session")
def figures() -> Iterator[dict[str, float]]:
    yield FIGURES
    target = os.environ.get("EDGED_SYSTEM_FIGURES")
    if target and FIGURES:
        Path(target).write_text(json.dumps(FIGURES, indent=2) + "\n")


def _checkout_files() -> list[str]:
    listed = subprocess.run(["git", "ls-files", "-z", "--cached", "--others", "--exclude-standard"],
                            cwd=REPO, capture_output=True, check=True).stdout.decode()
    return [name for name in listed.split("\0") if name and (REPO / name).is_file()]


def _copy_in(upper: Path, site: ProvisionedSite, engines: Path | None) -> None:
    """What the booted system starts with: the checkout, the appliance's identity, the site PKI
    for the broker, and (when the tests have one) the engine already built for this machine."""
    for name in _checkout_files():
        target = upper / SRC.lstrip("/") / name
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(REPO / name, target)
    device = site.identity("dev-1")
    identity = upper / IDENTITY.lstrip("/")
    identity.mkdir(parents=True)
    for source, name in ((device.ca, "ca.crt"), (device.cert, "dev-1.crt"), (device.key, "dev-1.key")):
        shutil.copy2(source, identity / name)
    shutil.copytree(site.ca_dir, upper / SITE.lstrip("/") / "ca")
    server = upper / SITE.lstrip("/") / "broker" / "server"
    server.mkdir(parents=True)
    for suffix in (".crt", ".key"):
        shutil.copy2(site.root / "server" / f"{SERVER_CN}{suffix}", server)
    # The tests' site lives in private temporary folders; on the broker's machine the public
    # parts are readable by the mosquitto account (the broker key is handed to it by provision-broker).
    for path in (upper / SITE.lstrip("/")).rglob("*"):
        if path.is_dir() or path.suffix in (".crt", ".pem"):
            path.chmod(0o755 if path.is_dir() else 0o644)
    if engines is not None and engines.is_dir():
        # scripts/install keeps an engine whose fingerprint matches this machine: no build.
        (upper / "var/lib/edged").mkdir(parents=True)
        subprocess.run(["cp", "-a", "--reflink=auto", str(engines), str(upper / "var/lib/edged/engines")],
                       check=True)


def _test_engines() -> Path | None:
    configured = os.environ.get("EDGED_TEST_STORE")
    cache = Path(os.environ.get("XDG_CACHE_HOME", Path.home() / ".cache"))
    folder = Path(configured) if configured else cache / "edged" / "test-engines"
    return folder if (folder / "cpu").is_dir() else None


@pytest.fixture(scope="session")
def booted(site: ProvisionedSite, figures: dict[str, float]) -> Iterator[BootedSystem]:
    reason = unavailable_reason()
    if reason is not None:
        pytest.skip(f"system tests skipped: {reason}")
    rootfs = cached_rootfs()
    wheels = wheelhouse(REPO)
    folder = Path(tempfile.mkdtemp(prefix="edged-system-"))
    try:
        _copy_in(folder / "upper", site, _test_engines())
        system = boot(rootfs, folder, binds={wheels: WHEELS})
    except BaseException:
        shutil.rmtree(folder, ignore_errors=True)
        raise
    figures["boot_to_running_s"] = system.boot_s
    try:
        yield system
    finally:
        system.stop()


@dataclass(frozen=True)
class Installed:
    system: BootedSystem
    broker_port: int
    install_args: tuple[str, ...]


@pytest.fixture(scope="session")
def installed(booted: BootedSystem, figures: dict[str, float]) -> Installed:
    """edged installed by scripts/install and started, with the site's broker as mosquitto.service
    (configured by scripts/provision-broker; the network namespace is this machine's, so both
    listen here too)."""
    port = free_port()
    args = ("--identity", IDENTITY, "--broker", f"localhost:{port}", "--pool", "line3")
    began = time.monotonic()
    result = install(booted, *args, "--no-start")
    figures["install_s"] = time.monotonic() - began
    assert result.returncode == 0, result.stdout + result.stderr
    booted.run(f"EDGED_PKI_DIR={SITE} EDGED_BIN=/opt/edged/bin/edged EDGED_BROKER_PORT={port} "
               f"{SRC}/scripts/provision-broker --device dev-1:line3", check=True)
    booted.run("mkdir -p /etc/systemd/system/mosquitto.service.d && printf '[Service]\\nExecStart=\\n"
               f"ExecStart=/usr/sbin/mosquitto -c {SITE}/broker/mosquitto.conf\\n' "
               "> /etc/systemd/system/mosquitto.service.d/edged.conf && systemctl daemon-reload "
               "&& systemctl restart mosquitto", check=True)
    began = time.monotonic()
    booted.run("systemctl start edged", check=True, timeout=300)
    figures["start_to_ready_s"] = time.monotonic() - began
    return Installed(booted, port, args)


def install(system: BootedSystem, *args: str, timeout: float = 600) -> subprocess.CompletedProcess[str]:
    """scripts/install inside, offline from the wheel cache (README: a plant network without an index)."""
    return system.run(f"{SRC}/scripts/install {' '.join(args)}", timeout=timeout,
                      env={"PIP_NO_INDEX": "1", "PIP_FIND_LINKS": WHEELS})
