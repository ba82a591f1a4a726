"""The unit files as systemd reads them: `systemd-analyze verify` prints nothing (it exits 0 even on
typos), `security --offline=yes` rates the service's exposure at most 2.0, and the sysusers and
tmpfiles snippets make the account and folders they promise."""

from __future__ import annotations

import os
import re
import shutil
import stat
import subprocess
from pathlib import Path

import pytest

from edged.config import SchedulerConfig
from tests.ops.conftest import REPO

UNITS = REPO / "systemd"
EXEC = "/opt/edged/bin/edged"
MAX_EXPOSURE = 2.0


@pytest.fixture(scope="module")
def analyze() -> str:
    binary = shutil.which("systemd-analyze")
    if binary is None:
        pytest.fail("systemd-analyze is missing: apt-get install systemd (scripts/setup does)", pytrace=False)
    return binary


def _as_installed(tmp_path: Path, name: str) -> Path:
    """The unit with ExecStart= pointing at an executable that exists here (verify checks it)."""
    fake = tmp_path / "bin" / "edged"
    if not fake.exists():
        fake.parent.mkdir(parents=True)
        fake.write_text("#!/bin/sh\n")
        fake.chmod(0o755)
    text = (UNITS / name).read_text()
    target = tmp_path / name
    target.write_text(text.replace(EXEC, str(fake)))
    return target


def _verify(analyze: str, *units: Path) -> str:
    done = subprocess.run([analyze, "verify", *map(str, units)], capture_output=True, text=True, timeout=60,
                          check=False)  # its exit status says nothing: it is 0 on typos too
    return (done.stdout + done.stderr).strip()


def test_verify_prints_nothing_for_the_shipped_units(analyze: str, tmp_path: Path) -> None:
    names = ("edged.service", "edged-crl.service", "edged-crl.timer")
    units = [_as_installed(tmp_path, name) for name in names]
    assert _verify(analyze, *units) == ""


def test_verify_would_catch_a_typo(analyze: str, tmp_path: Path) -> None:
    # The check above only means something if a misspelt directive makes it print.
    unit = _as_installed(tmp_path, "edged.service")
    unit.write_text(unit.read_text().replace("NoNewPrivileges=yes", "NoNewPrivilege=yes"))
    assert "NoNewPrivilege" in _verify(analyze, unit)


def test_exposure_is_at_most_two(analyze: str, tmp_path: Path) -> None:
    for name in ("edged.service", "edged-crl.service"):
        unit = _as_installed(tmp_path, name)
        done = subprocess.run([analyze, "security", "--offline=yes", str(unit)], capture_output=True,
                              text=True, timeout=60, check=False)
        found = re.search(r"Overall exposure level for \S+: ([0-9.]+)", done.stdout)
        assert found, done.stdout + done.stderr
        assert float(found.group(1)) <= MAX_EXPOSURE, done.stdout


def _directives(name: str) -> dict[str, list[str]]:
    found: dict[str, list[str]] = {}
    for line in (UNITS / name).read_text().splitlines():
        key, sep, value = line.partition("=")
        if sep and not line.startswith("#"):
            found.setdefault(key.strip(), []).append(value.strip())
    return found


def test_the_service_is_what_the_daemon_expects() -> None:
    unit = _directives("edged.service")
    assert unit["Type"] == ["notify"]
    assert unit["NotifyAccess"] == ["main"]
    assert unit["ExecStart"] == [f"{EXEC} run --config /etc/edged/edged.toml"]
    # the daemon reloads on SIGHUP, sent by the shell's kill (minimal systems have no /bin/kill)
    assert unit["ExecReload"] == ["/bin/sh -c 'kill -HUP \"$1\"' edged-reload $MAINPID"]
    assert unit["LoadCredential"] == ["device.key:/etc/edged/pki/device.key"]
    assert unit["User"] == ["edged"]
    assert unit["DevicePolicy"] == ["closed"]
    # /proc/devices names on current drivers (an H200 node: "195 nvidia", "195 nvidiactl",
    # "238 nvidia-uvm", "241 nvidia-caps") and on older ones ("nvidia-frontend").
    for group in ("nvidia", "nvidiactl", "nvidia-frontend", "nvidia-uvm"):
        assert f"char-{group} rw" in unit["DeviceAllow"]
    assert "PrivateDevices" not in unit  # it would hide the GPU
    assert unit["Restart"] == ["on-failure"]
    assert unit["RestartPreventExitStatus"] == ["2"]  # edged's exit status for a configuration error
    # The watchdog must be longer than the daemon's longest quiet spell between pings (half of it).
    assert int(unit["WatchdogSec"][0].removesuffix("s")) >= 10
    # Stopping: the scheduler's stop timeout, then "offline" and the disconnect, inside systemd's.
    assert int(unit["TimeoutStopSec"][0].removesuffix("s")) >= SchedulerConfig().stop_timeout_s + 10


@pytest.mark.skipif(os.geteuid() != 0, reason="creates files owned by the edged account: needs root")
def test_sysusers_and_tmpfiles_make_the_account_and_folders(tmp_path: Path) -> None:
    root = tmp_path / "root"
    (root / "etc").mkdir(parents=True)
    subprocess.run(["systemd-sysusers", f"--root={root}", str(UNITS / "edged.sysusers")], check=True,
                   capture_output=True, timeout=60)
    passwd = {line.split(":")[0]: line.split(":") for line in (root / "etc/passwd").read_text().splitlines()}
    groups = {line.split(":")[0]: line.split(":") for line in (root / "etc/group").read_text().splitlines()}
    assert passwd["edged"][5:] == ["/var/lib/edged", "/usr/sbin/nologin"]
    assert "edged" in groups["video"][3].split(",")
    assert "edged" in groups["render"][3].split(",")
    subprocess.run(["systemd-tmpfiles", f"--root={root}", "--create", str(UNITS / "edged.tmpfiles")],
                   check=True, capture_output=True, timeout=60)
    uid, gid = int(passwd["edged"][2]), int(groups["edged"][2])
    for path, mode, owner in (("etc/edged", 0o750, (0, gid)), ("etc/edged/pki", 0o750, (0, gid)),
                              ("var/lib/edged/engines", 0o750, (uid, gid))):
        info = (root / path).stat()
        assert (stat.S_IMODE(info.st_mode), (info.st_uid, info.st_gid)) == (mode, owner), path
