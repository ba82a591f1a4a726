"""scripts/install: the dry run prints the plan and touches nothing; into a --root folder it lays out
the account, folders, identity, configuration and unit, a second run changes nothing, and
--uninstall takes the service away while keeping configuration and keys unless --purge."""

from __future__ import annotations

import os
import stat
import subprocess
from pathlib import Path

import pytest

from edged.provisioning import pki
from tests.ops.conftest import REPO

INSTALL = REPO / "scripts" / "install"
SYSTEM_PATHS = (Path("/etc/edged"), Path("/opt/edged"), Path("/etc/systemd/system/edged.service"),
                Path("/etc/sysusers.d/edged.conf"), Path("/var/lib/edged"))
needs_root = pytest.mark.skipif(os.geteuid() != 0, reason="installs root-owned files: needs root")


@pytest.fixture(scope="module")
def identity(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """What scripts/provision-device hands an appliance: ca.crt, dev-7.crt, dev-7.key."""
    root = tmp_path_factory.mktemp("identity")
    pki.init_ca(root / "ca")
    pki.issue(root / "ca", "device", "dev-7", root / "dev-7")
    return root / "dev-7"


def install(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(["bash", str(INSTALL), *args], capture_output=True, text=True, timeout=120,
                          check=False)


def test_dry_run_prints_the_plan_and_changes_nothing(identity: Path) -> None:
    before = {path: path.exists() for path in SYSTEM_PATHS}
    done = install("--dry-run", "--identity", str(identity), "--broker", "broker.plant.local:8883",
                   "--pool", "line3")
    assert done.returncode == 0, done.stderr
    out = done.stdout
    for line in (
        "install: dry run: nothing will be changed",
        "install: would run: systemd-sysusers /etc/sysusers.d/edged.conf",
        "install: would install /etc/edged/pki/device.key (mode 0600, root:root)",
        "install: would install /etc/edged/edged.toml (mode 0640, root:edged)",
        "install: would run: python3 -m venv /opt/edged",
        f"install: would run: /opt/edged/bin/python -m pip install --quiet {REPO}[cpu]",
        "install: would run: /opt/edged/bin/edged engine build --profile auto --store /var/lib/edged/engines",
        "install: would install /etc/systemd/system/edged.service (mode 0644, root:root)",
        "install: would run: systemctl enable edged.service",
        "install: would run: systemctl restart edged.service",
    ):
        assert line in out.splitlines(), (line, out)
    assert {path: path.exists() for path in SYSTEM_PATHS} == before


def test_dry_run_of_uninstall_changes_nothing() -> None:
    before = {path: path.exists() for path in SYSTEM_PATHS}
    done = install("--uninstall", "--purge", "--dry-run")
    assert done.returncode == 0, done.stderr
    assert "install: uninstalled" in done.stdout
    assert {path: path.exists() for path in SYSTEM_PATHS} == before


def test_mistakes_are_refused_with_what_to_give(identity: Path, tmp_path: Path) -> None:
    empty = tmp_path / "empty"
    empty.mkdir()
    done = install("--dry-run", "--identity", str(empty))
    assert done.returncode == 1
    assert "has no ca.crt" in done.stderr
    done = install("--dry-run", "--root", str(tmp_path / "r"), "--identity", str(identity))
    assert done.returncode == 1
    assert "give --config FILE, or --broker HOST[:PORT] with --identity DIR" in done.stderr
    assert install("--bogus").returncode == 2
    assert "Install edged on this appliance" in install("--help").stdout


def _mode_owner(path: Path) -> tuple[int, int, int]:
    info = path.stat()
    return stat.S_IMODE(info.st_mode), info.st_uid, info.st_gid


def _gid(root: Path, group: str) -> int:
    line = next(x for x in (root / "etc/group").read_text().splitlines() if x.startswith(f"{group}:"))
    return int(line.split(":")[2])


@needs_root
def test_install_into_a_root_then_again_then_uninstall(identity: Path, tmp_path: Path) -> None:
    root = tmp_path / "root"
    root.mkdir()
    args = ("--root", str(root), "--identity", str(identity), "--broker", "broker.plant.local",
            "--pool", "line3")
    first = install(*args)
    assert first.returncode == 0, first.stdout + first.stderr
    edged_gid = _gid(root, "edged")
    pki_dir = root / "etc/edged/pki"
    assert _mode_owner(pki_dir / "device.key") == (0o600, 0, 0)
    assert (pki_dir / "device.key").read_bytes() == (identity / "dev-7.key").read_bytes()
    assert _mode_owner(pki_dir / "device.crt") == (0o644, 0, 0)
    assert _mode_owner(root / "etc/edged/edged.toml") == (0o640, 0, edged_gid)
    config = (root / "etc/edged/edged.toml").read_text()
    for line in ('device_id = "dev-7"', 'host = "broker.plant.local"', "port = 8883", 'key = "device.key"',
                 'pools = ["line3"]'):
        assert line in config
    unit = (root / "etc/systemd/system/edged.service").read_text()
    assert unit == (REPO / "systemd/edged.service").read_text()
    assert (root / "etc/systemd/system/multi-user.target.wants/edged.service").is_symlink()
    assert _mode_owner(root / "var/lib/edged/engines")[0] == 0o750

    again = install(*args)
    assert again.returncode == 0, again.stderr
    assert "installed" not in again.stdout  # a second run changes nothing
    assert "unchanged: edged.service enabled" in again.stdout

    # A renewed certificate (same key): only the certificate changes, the old one is kept aside.
    renewed = tmp_path / "renewed"
    renewed.mkdir()
    for name in ("ca.crt", "dev-7.crt"):
        (renewed / name).write_bytes((identity / name).read_bytes())
    (renewed / "dev-7.crt").write_bytes((identity / "dev-7.crt").read_bytes() + b"\n")
    third = install("--root", str(root), "--identity", str(renewed))
    assert third.returncode == 0, third.stderr
    assert "installed /etc/edged/pki/device.crt" in third.stdout
    assert "unchanged: /etc/edged/pki/device.key (the identity renews the certificate" in third.stdout
    assert (pki_dir / "device.crt.bak").read_bytes() == (identity / "dev-7.crt").read_bytes()

    gone = install("--root", str(root), "--uninstall")
    assert gone.returncode == 0, gone.stderr
    assert not (root / "etc/systemd/system/edged.service").exists()
    assert not (root / "etc/systemd/system/multi-user.target.wants/edged.service").exists()
    assert (pki_dir / "device.key").exists()  # kept: configuration and keys survive an uninstall
    purged = install("--root", str(root), "--uninstall", "--purge")
    assert purged.returncode == 0, purged.stderr
    assert not (root / "etc/edged").exists()
    assert not (root / "var/lib/edged").exists()


def test_runtimes_are_kept_apart_and_trtllm_needs_its_python(identity: Path, tmp_path: Path) -> None:
    base = ("--dry-run", "--identity", str(identity), "--broker", "broker.plant.local")
    mixed = install(*base, "--extras", "cuda,build-cpu")
    assert mixed.returncode == 1
    assert "mixes the CUDA and CPU builds of onnxruntime-genai" in mixed.stderr
    assert "would run" not in mixed.stdout  # refused before anything
    assert "install trtllm without build-cpu" in install(*base, "--extras", "trtllm,build-cpu").stderr
    python311 = tmp_path / "python3.11"
    python311.write_text("#!/bin/sh\necho 3.11\n")
    python311.chmod(0o755)
    env = {**os.environ, "PYTHON": str(python311)}
    refused = subprocess.run(["bash", str(INSTALL), *base, "--extras", "trtllm"], capture_output=True,
                             text=True, timeout=120, check=False, env=env)
    assert refused.returncode == 1
    assert "tensorrt-llm 1.2.1 has wheels for CPython 3.10 and 3.12 only" in refused.stderr
    assert "rerun with PYTHON=python3.12" in refused.stderr
    python312 = tmp_path / "python3.12"
    python312.write_text("#!/bin/sh\necho 3.12\n")
    python312.chmod(0o755)
    ok = subprocess.run(["bash", str(INSTALL), *base, "--extras", "trtllm"], capture_output=True, text=True,
                        timeout=120, check=False, env={**os.environ, "PYTHON": str(python312)})
    assert ok.returncode == 0, ok.stderr
    assert f"--extra-index-url https://pypi.nvidia.com {REPO}[trtllm]" in ok.stdout


def test_jetson_installs_nvidias_wheels_from_their_index(identity: Path) -> None:
    done = install("--dry-run", "--identity", str(identity), "--broker", "broker.plant.local",
                   "--extras", "jetson")
    assert done.returncode == 0, done.stderr
    lines = done.stdout.splitlines()
    assert f"install: would run: /opt/edged/bin/python -m pip install --quiet {REPO}" in lines
    assert ("install: would run: /opt/edged/bin/python -m pip install --quiet --no-deps --index-url "
            "https://pypi.jetson-ai-lab.io/jp6/cu126 onnxruntime-genai onnxruntime-gpu") in lines
