"""Fake machines for hardware tests: a root directory with procfs/device-tree files, plus GPUs
for FakeNvml. Memory figures are what such machines report (MemTotal, NVML totals)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from edged.hardware.facts import GpuFacts
from edged.hardware.nvml import FakeNvml
from edged.hardware.profiles import Profile, load_profiles

REPO = Path(__file__).resolve().parents[2]
SHIPPED_PROFILES = REPO / "hw-profiles"

MIB = 1024**2
GIB = 1024**3

L4T_R36_4 = (
    "# R36 (release), REVISION: 4.0, GCID: 37537400, BOARD: generic, EABI: aarch64, "
    "DATE: Fri Sep 13 04:36:44 UTC 2024\n"
    "# KERNEL_VARIANT: oot\n"
)

# Jetson modules: device-tree model, compatible list, and MemTotal in kB.
AGX_ORIN_64 = (
    "NVIDIA Jetson AGX Orin Developer Kit",
    ["nvidia,p3737-0000+p3701-0005", "nvidia,p3701-0005", "nvidia,tegra234"],
    64_335_836,
)
AGX_ORIN_32 = (
    "NVIDIA Jetson AGX Orin Developer Kit",
    ["nvidia,p3737-0000+p3701-0004", "nvidia,p3701-0004", "nvidia,tegra234"],
    31_999_000,
)
ORIN_NANO_8 = (
    "NVIDIA Jetson Orin Nano Developer Kit",
    ["nvidia,p3768-0000+p3767-0005", "nvidia,p3767-0005", "nvidia,tegra234"],
    7_802_348,
)
ORIN_NANO_8_SUPER = (
    "NVIDIA Jetson Orin Nano Engineering Reference Developer Kit Super",
    ["nvidia,p3768-0000+p3767-0005-super", "nvidia,tegra234"],
    7_802_348,
)
ORIN_NX_16 = (
    "NVIDIA Jetson Orin NX Engineering Reference Developer Kit",
    ["nvidia,p3768-0000+p3767-0000", "nvidia,p3767-0000", "nvidia,tegra234"],
    15_956_764,
)
ORIN_NX_8 = (
    "NVIDIA Jetson Orin NX Engineering Reference Developer Kit",
    ["nvidia,p3768-0000+p3767-0001", "nvidia,p3767-0001", "nvidia,tegra234"],
    7_802_348,
)

X86_CPUINFO = "".join(
    f"processor\t: {i}\nvendor_id\t: AuthenticAMD\nmodel name\t: AMD EPYC 9354 32-Core Processor\n\n"
    for i in range(16)
)
ARM_CPUINFO = "".join(
    f"processor\t: {i}\nBogoMIPS\t: 62.50\nCPU implementer\t: 0x41\nCPU part\t: 0xd42\n\n" for i in range(12)
)


def gpu(name: str, cc: tuple[int, int], total_mib: int, index: int = 0) -> GpuFacts:
    return GpuFacts(
        index=index,
        name=name,
        compute_capability=cc,
        memory_total_bytes=total_mib * MIB,
        memory_free_bytes=total_mib * MIB - 512 * MIB,
        driver_version="550.54.15",
        cuda_driver_version="12.4",
    )


H100 = gpu("NVIDIA H100 80GB HBM3", (9, 0), 81_559)
H200 = gpu("NVIDIA H200", (9, 0), 143_771)
RTX_4090 = gpu("NVIDIA GeForce RTX 4090", (8, 9), 24_564)
L4 = gpu("NVIDIA L4", (8, 9), 23_034)
L40S = gpu("NVIDIA L40S", (8, 9), 46_068)
A100_40 = gpu("NVIDIA A100-PCIE-40GB", (8, 0), 40_960)
A100_80 = gpu("NVIDIA A100-SXM4-80GB", (8, 0), 81_920)

RootFactory = Callable[..., Path]

# Every fake machine the tests use, by name: Jetson device trees and NVML GPU lists.
JETSONS = {
    "agx-orin-64": AGX_ORIN_64,
    "agx-orin-32": AGX_ORIN_32,
    "orin-nano-8": ORIN_NANO_8,
    "orin-nano-8-super": ORIN_NANO_8_SUPER,
    "orin-nx-16": ORIN_NX_16,
    "orin-nx-8": ORIN_NX_8,
}
GPUS = {
    "h100": H100,
    "h200": H200,
    "rtx-4090": RTX_4090,
    "l4": L4,
    "l40s": L40S,
    "a100-40": A100_40,
    "a100-80": A100_80,
}
NO_DRIVER = "NVML library not found: no NVIDIA driver is installed"


@pytest.fixture
def make_root(tmp_path: Path) -> RootFactory:
    """Build a machine's files under a fresh directory and return it as the root."""
    count = 0

    def build(
        *,
        mem_total_kb: int = 131_900_000,
        cpuinfo: str = X86_CPUINFO,
        model: str | None = None,
        compatible: list[str] | None = None,
        tegra_release: str | None = None,
        meminfo: bool = True,
    ) -> Path:
        nonlocal count
        count += 1
        root = tmp_path / f"root{count}"
        (root / "proc").mkdir(parents=True)
        if meminfo:
            (root / "proc" / "meminfo").write_text(
                f"MemTotal:       {mem_total_kb} kB\nMemFree:        1000000 kB\n",
            )
        (root / "proc" / "cpuinfo").write_text(cpuinfo)
        if model is not None or compatible is not None:
            tree = root / "proc" / "device-tree"
            tree.mkdir()
            if model is not None:
                (tree / "model").write_bytes(model.encode() + b"\x00")
            if compatible is not None:
                (tree / "compatible").write_bytes(
                    b"".join(c.encode() + b"\x00" for c in compatible),
                )
        if tegra_release is not None:
            (root / "etc").mkdir()
            (root / "etc" / "nv_tegra_release").write_text(tegra_release)
        return root

    return build


Machine = tuple[Path, FakeNvml, str]


@pytest.fixture
def machine(make_root: RootFactory) -> Callable[[str], Machine]:
    """machine(name) -> (root, nvml, arch) for a name in JETSONS, GPUS, or "cpu-only"."""

    def build(name: str) -> Machine:
        if name in JETSONS:
            model, compatible, mem_kb = JETSONS[name]
            root = make_root(
                model=model,
                compatible=compatible,
                mem_total_kb=mem_kb,
                cpuinfo=ARM_CPUINFO,
                tegra_release=L4T_R36_4,
            )
            # A Jetson must never reach NVML; a fake that would answer makes a call visible.
            return root, FakeNvml(gpus=[H100]), "aarch64"
        if name in GPUS:
            return make_root(), FakeNvml(gpus=[GPUS[name]]), "x86_64"
        if name == "cpu-only":
            return make_root(), FakeNvml(unavailable=NO_DRIVER), "x86_64"
        raise KeyError(name)

    return build


@pytest.fixture(scope="session")
def shipped() -> dict[str, Profile]:
    """The profiles in the repository's hw-profiles/."""
    return load_profiles(SHIPPED_PROFILES)


@pytest.fixture
def shipped_dir() -> Path:
    return SHIPPED_PROFILES
