"""A Debian 12 system with a real systemd as PID 1, booted in new PID and mount namespaces.

The root file system is made once with mmdebstrap and cached (``~/.cache/edged/system-rootfs``,
keyed by its package list); each session boots an overlay of it, so the cache is never written.
The recipe and its two traps (``mount --make-rshared /`` after ``pivot_root``, or
``LoadCredential=`` hands the service an empty, unreadable folder; no plain chroot, or every
sandboxing directive fails with 226/NAMESPACE) were measured on this project's CI machines.
The network namespace is the machine's own: a broker inside listens outside too.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import shutil
import signal
import subprocess
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

SUITE = "bookworm"
PACKAGES = ("systemd", "systemd-sysv", "dbus", "python3", "python3-venv", "mosquitto")
INSIDE_PATH = "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin"

# Run by `unshare --pid --fork --mount --uts`: overlay the cached root, give it /proc, /sys, a
# private /dev, /run and /tmp, pivot into it and exec systemd. Everything mounted here lives in
# the new mount namespace and vanishes with it.
BOOT_SCRIPT = r"""#!/bin/sh
set -eu
lower="$1" upper="$2" work="$3" root="$4"
mount --make-rprivate /
mount -t overlay overlay -o "lowerdir=$lower,upperdir=$upper,workdir=$work" "$root"
mount -t proc proc "$root/proc"
mount --rbind /sys "$root/sys"
mount -t tmpfs -o mode=755,nosuid tmpfs "$root/dev"
for node in null zero full random urandom tty; do
  touch "$root/dev/$node"
  mount --bind "/dev/$node" "$root/dev/$node"
done
mkdir -p "$root/dev/shm" "$root/dev/pts"
mount -t tmpfs -o mode=1777,nosuid,nodev tmpfs "$root/dev/shm"
mount -t devpts -o newinstance,ptmxmode=0666 devpts "$root/dev/pts"
ln -s pts/ptmx "$root/dev/ptmx"
mount -t tmpfs -o mode=755,nosuid,nodev tmpfs "$root/run"
mount -t tmpfs -o mode=1777,nosuid,nodev tmpfs "$root/tmp"
# Read-only folders from this machine (the wheel cache): "SRC:DST SRC:DST ...".
for bind in ${EDGED_SYSTEM_BINDS:-}; do
  mkdir -p "$root${bind#*:}"
  mount --bind "${bind%%:*}" "$root${bind#*:}"
  mount -o remount,bind,ro "$root${bind#*:}"
done
cd "$root"
mkdir -p .oldroot
pivot_root . .oldroot
umount -l /.oldroot
mount --make-rshared /
export container=other
exec /lib/systemd/systemd --system
"""


class SystemUnavailable(Exception):
    """This machine cannot boot the test system (not root, no namespaces, no mmdebstrap)."""


def unavailable_reason() -> str | None:
    """Why the system tests cannot run here, or None when they can."""
    if os.geteuid() != 0:
        return "the system tests boot systemd in new namespaces and need root"
    for tool in ("unshare", "nsenter", "setpriv"):
        if shutil.which(tool) is None:
            return f"{tool} (util-linux) is not installed"
    probe = subprocess.run(["unshare", "--pid", "--fork", "--mount", "true"],
                           capture_output=True, check=False)
    if probe.returncode != 0:
        return f"cannot create PID and mount namespaces here: {probe.stderr.decode().strip()}"
    return None


def cache_root() -> Path:
    return Path(os.environ.get("XDG_CACHE_HOME", Path.home() / ".cache")) / "edged" / "system-rootfs"


def cached_rootfs(packages: tuple[str, ...] = PACKAGES) -> Path:
    """The root file system for ``packages``, made with mmdebstrap the first time (about 30 s)."""
    key = hashlib.sha256(" ".join((SUITE, *sorted(packages))).encode()).hexdigest()[:16]
    root = cache_root() / key
    if (root / ".complete").exists():
        return root
    if shutil.which("mmdebstrap") is None:
        subprocess.run(["apt-get", "install", "-y", "-qq", "mmdebstrap"], check=True,
                       env={**os.environ, "DEBIAN_FRONTEND": "noninteractive"}, capture_output=True)
    partial = root.with_name(key + ".partial")
    shutil.rmtree(partial, ignore_errors=True)
    partial.parent.mkdir(parents=True, exist_ok=True)
    subprocess.run(["mmdebstrap", "--quiet", "--variant=minbase", f"--include={','.join(packages)}",
                    SUITE, str(partial)], check=True, capture_output=True)
    # minbase has no /etc/hosts: the broker certificate names localhost.
    (partial / "etc" / "hosts").write_text("127.0.0.1 localhost\n::1 localhost\n")
    (partial / ".complete").write_text(" ".join(packages) + "\n")
    partial.rename(root)
    return root


@dataclass
class BootedSystem:
    """One booted system: ``run`` executes a shell command inside it as root."""

    folder: Path
    unshare: subprocess.Popen[bytes]
    pid: int  # systemd's PID, as this machine sees it
    boot_s: float = 0.0
    _stopped: bool = field(default=False, repr=False)

    @property
    def root(self) -> Path:
        """The system's files as seen from outside, to copy things in (writes go to the overlay)."""
        return self.folder / "upper"

    def run(self, command: str, *, timeout: float = 120, check: bool = False,
            env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
        environ = {"PATH": INSIDE_PATH, "HOME": "/root", "LANG": "C.UTF-8", **(env or {})}
        argv = ["nsenter", "-t", str(self.pid), "-m", "-p", "-u", "-r", "-w", "--",
                "env", "-i", *(f"{k}={v}" for k, v in environ.items()), "sh", "-c", command]
        # A session of its own: a stray `kill 0` inside must not reach this process group.
        result = subprocess.run(argv, capture_output=True, text=True, timeout=timeout, check=False,
                                start_new_session=True)
        if check and result.returncode != 0:
            raise AssertionError(f"inside: {command!r} exited {result.returncode}\n"
                                 f"stdout:\n{result.stdout}\nstderr:\n{result.stderr}")
        return result

    def stop(self) -> None:
        """Kill the unshare process and systemd (PID 1 of its namespace: everything in it dies)."""
        if self._stopped:
            return
        self._stopped = True
        for pid in (self.unshare.pid, self.pid):
            if pid <= 0:  # systemd never started: os.kill(0, ...) would hit this process group
                continue
            with contextlib.suppress(ProcessLookupError):
                os.kill(pid, signal.SIGKILL)
        self.unshare.wait(timeout=30)
        deadline = time.monotonic() + 30
        while Path(f"/proc/{self.pid}").exists() and time.monotonic() < deadline:
            time.sleep(0.1)
        shutil.rmtree(self.folder, ignore_errors=True)


def _systemd_pid(unshare: subprocess.Popen[bytes], timeout: float) -> int:
    """The child unshare forked, which execs systemd."""
    children = Path(f"/proc/{unshare.pid}/task/{unshare.pid}/children")
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if unshare.poll() is not None:
            raise SystemUnavailable(f"the boot script exited {unshare.returncode}")
        pids = children.read_text().split()
        if pids and Path(f"/proc/{pids[0]}/exe").resolve().name == "systemd":
            return int(pids[0])
        time.sleep(0.05)
    raise SystemUnavailable(f"systemd did not start within {timeout} s")


def boot(rootfs: Path, folder: Path, *, binds: dict[Path, str] | None = None,
         timeout: float = 90) -> BootedSystem:
    """Boot an overlay of ``rootfs`` (its writable layer in ``folder``, which may hold files
    already: they appear inside) and wait until systemd reports the system running (or degraded:
    a unit the container cannot run failed). ``binds``: this machine's folders to show read-only."""
    for name in ("upper", "work", "merged"):  # upper may exist already, with files to copy in
        (folder / name).mkdir(parents=True, exist_ok=True)
    script = folder / "boot.sh"
    script.write_text(BOOT_SCRIPT)
    script.chmod(0o755)
    started = time.monotonic()
    with (folder / "console.log").open("wb") as console:
        unshare = subprocess.Popen(
            # Should this process die without its teardown (SIGKILL, a timeout), the kernel
            # kills unshare (--pdeathsig), and unshare kills systemd (--kill-child): nothing stays.
            ["setpriv", "--pdeathsig", "KILL",
             "unshare", "--pid", "--fork", "--kill-child", "--mount", "--uts", str(script),
             str(rootfs), str(folder / "upper"), str(folder / "work"), str(folder / "merged")],
            stdin=subprocess.DEVNULL, stdout=console, stderr=subprocess.STDOUT, start_new_session=True,
            env={**os.environ, "EDGED_SYSTEM_BINDS": " ".join(f"{s}:{d}" for s, d in (binds or {}).items())},
        )
    system = BootedSystem(folder, unshare, 0)
    try:
        system.pid = _systemd_pid(unshare, 30)
        _wait_running(system, started + timeout)
    except BaseException:
        system.stop()
        raise
    system.boot_s = time.monotonic() - started
    return system


def _wait_running(system: BootedSystem, deadline: float) -> None:
    state = ""
    while time.monotonic() < deadline:
        state = system.run("systemctl is-system-running", timeout=30).stdout.strip()
        if state in ("running", "degraded"):
            return
        time.sleep(0.2)
    failed = system.run("systemctl --failed --no-pager --no-legend").stdout
    raise SystemUnavailable(f"the system is {state!r} at the boot deadline; failed units:\n{failed}")


def wheelhouse(project: Path, extras: str = "cpu") -> Path:
    """Wheels for ``project[extras]`` and its build backend, made once by this machine's pip
    (keyed by pyproject.toml): the install inside runs offline from them, as README's
    PIP_NO_INDEX/PIP_FIND_LINKS recipe does, instead of downloading them every session."""
    pyproject = (project / "pyproject.toml").read_bytes()
    key = hashlib.sha256(pyproject + extras.encode()).hexdigest()[:16]
    folder = Path(os.environ.get("XDG_CACHE_HOME", Path.home() / ".cache")) / "edged" / "system-wheels" / key
    if (folder / ".complete").exists():
        return folder
    partial = folder.with_name(key + ".partial")
    shutil.rmtree(partial, ignore_errors=True)
    pip = [sys.executable, "-m", "pip", "--disable-pip-version-check", "-q"]
    # `pip wheel` builds the sdists among them too (the inside has no compiler to spare).
    subprocess.run([*pip, "wheel", "-w", str(partial), f"{project}[{extras}]", "hatchling"],
                   check=True, capture_output=True, cwd=partial.parent if partial.parent.exists() else None)
    for own in partial.glob("edged-*.whl"):
        own.unlink()  # the install builds edged from the checkout it is given
    (partial / ".complete").write_text(extras + "\n")
    partial.rename(folder)
    return folder
