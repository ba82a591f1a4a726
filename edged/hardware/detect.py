"""Detect the hardware edged runs on: a Jetson (device tree), an NVIDIA GPU (NVML), or a CPU.

Every file is read under ``root`` and NVML comes through a seam, so tests describe a machine
with a temporary directory and a ``FakeNvml``.
"""

from __future__ import annotations

import os
import platform
import re
from pathlib import Path

from edged.errors import HardwareError
from edged.hardware.facts import CpuFacts, GpuFacts, HardwareFacts, JetsonFacts
from edged.hardware.nvml import NvmlSeam, NvmlUnavailable, PynvmlSeam

__all__ = ["NVML_NOT_ON_JETSON", "detect", "normalise_arch", "parse_l4t_release"]

NVML_NOT_ON_JETSON = "not applicable on Jetson"

_ARCH_ALIASES = {"amd64": "x86_64", "x64": "x86_64", "arm64": "aarch64", "armv8": "aarch64"}

# The first line of /etc/nv_tegra_release names the release and revision, as in
# '# R36 (release), REVISION: 4.0, GCID: ...' for Jetson Linux 36.4.0.
_L4T_RELEASE = re.compile(r"#\s*R(\d+)\s*\(release\),\s*REVISION:\s*(\d+)(?:\.(\d+))?")


def detect(
    root: Path = Path("/"),
    nvml: NvmlSeam | None = None,
    arch: str | None = None,
) -> HardwareFacts:
    """Describe this machine (or the machine whose files lie under ``root``).

    A Jetson is recognised by its device tree and NVML is never called there (Jetson has no
    NVML). Elsewhere NVML lists the GPUs; with none, or without a driver, the machine is 'cpu'.
    """
    meminfo_total = _mem_total(root)
    cpu = _cpu_facts(root, arch, meminfo_total)

    jetson = _jetson_facts(root, meminfo_total)
    if jetson is not None:
        return HardwareFacts(kind="jetson", cpu=cpu, jetson=jetson, nvml_status=NVML_NOT_ON_JETSON)

    seam = nvml if nvml is not None else PynvmlSeam()
    gpus: list[GpuFacts] = []
    try:
        gpus = seam.list_gpus()
    except NvmlUnavailable as err:
        status = err.reason
    else:
        status = "ok"
    return HardwareFacts(kind="gpu" if gpus else "cpu", cpu=cpu, gpus=gpus, nvml_status=status)


def normalise_arch(machine: str) -> str:
    """Map ``platform.machine()`` spellings to 'x86_64' / 'aarch64'; others pass lowercased."""
    lowered = machine.strip().lower()
    return _ARCH_ALIASES.get(lowered, lowered)


def parse_l4t_release(first_line: str) -> str | None:
    """'# R36 (release), REVISION: 4.0, ...' -> '36.4.0'; None if the line has another shape."""
    found = _L4T_RELEASE.match(first_line.strip())
    if found is None:
        return None
    major, minor, patch = found.group(1), found.group(2), found.group(3) or "0"
    return f"{major}.{minor}.{patch}"


def _jetson_facts(root: Path, memory_total: int) -> JetsonFacts | None:
    tree = root / "proc" / "device-tree"
    model = _read_nul_strings(tree / "model")
    compatible = _read_nul_strings(tree / "compatible") or []
    model_text = " ".join(model or [])
    is_jetson = "jetson" in model_text.lower() or any("nvidia,tegra" in c for c in compatible)
    if not is_jetson:
        release_file = root / "etc" / "nv_tegra_release"
        if model is None and not compatible and release_file.is_file():
            # Docker masks /sys/firmware (where /proc/device-tree points); without it the
            # module cannot be told apart, and falling through to NVML would report a CPU.
            raise HardwareError(
                f"{release_file} says this is a Jetson, but {tree} cannot be read, so the "
                "module cannot be identified. In a container, bind-mount the host's "
                "/proc/device-tree (or /sys/firmware/devicetree/base) read-only, or run "
                "`edged hw detect` on the host.",
            )
        return None
    return JetsonFacts(
        model=model_text,
        compatible=compatible,
        l4t_release=_l4t_release(root),
        memory_total_bytes=memory_total,
    )


def _read_nul_strings(path: Path) -> list[str] | None:
    """Device-tree string properties are NUL-terminated lists; None if the file is missing."""
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        return None
    except OSError as err:
        raise HardwareError(
            f"Cannot read {path}: {err.strerror}. Run edged as a user that may read the device "
            "tree, then run `edged hw detect` again.",
        ) from None
    text = raw.decode("utf-8", errors="replace")
    return [part.strip() for part in text.split("\x00") if part.strip()]


def _l4t_release(root: Path) -> str | None:
    try:
        lines = (root / "etc" / "nv_tegra_release").read_text(errors="replace").splitlines()
    except OSError:
        # Minimal images without the L4T core package lack the file; the release is then
        # unknown, which the engine fingerprint records as "absent".
        return None
    return parse_l4t_release(lines[0]) if lines else None


def _mem_total(root: Path) -> int:
    path = root / "proc" / "meminfo"
    try:
        text = path.read_text(errors="replace")
    except OSError as err:
        raise HardwareError(
            f"Cannot read {path} ({err.strerror}), so the machine's memory is unknown. edged "
            "needs procfs mounted at /proc; check the service's sandboxing (ProcSubset=, "
            "ProtectProc=) and run `edged hw detect` again.",
        ) from None
    for line in text.splitlines():
        key, _, value = line.partition(":")
        if key.strip() == "MemTotal":
            number, _, unit = value.strip().partition(" ")
            scale = 1024 if unit.strip().lower() == "kb" else 1
            return int(number) * scale
    raise HardwareError(
        f"{path} has no MemTotal line, so the machine's memory is unknown. Check that procfs "
        "is mounted at /proc and run `edged hw detect` again.",
    )


def _cpu_facts(root: Path, arch: str | None, memory_total: int) -> CpuFacts:
    model: str | None = None
    cores = 0
    try:
        lines = (root / "proc" / "cpuinfo").read_text(errors="replace").splitlines()
    except OSError:
        lines = []
    for line in lines:
        key, _, value = line.partition(":")
        key = key.strip()
        if key == "processor":
            cores += 1
        elif key == "model name" and model is None:
            model = value.strip() or None
    return CpuFacts(
        arch=normalise_arch(arch if arch is not None else platform.machine()),
        model=model,
        # Without /proc/cpuinfo (unusual sandboxes) the process's own count is the best guess.
        cores=cores or os.cpu_count() or 1,
        memory_total_bytes=memory_total,
    )
