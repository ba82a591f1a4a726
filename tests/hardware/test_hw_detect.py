"""Detection reads a machine from files under a root and NVML through a seam."""

from __future__ import annotations

import importlib.util
from collections.abc import Callable
from pathlib import Path

import pytest

from edged.errors import HardwareError
from edged.hardware.detect import NVML_NOT_ON_JETSON, detect, normalise_arch, parse_l4t_release
from edged.hardware.facts import GpuFacts
from edged.hardware.nvml import FakeNvml

GIB = 1024**3

H100 = GpuFacts(
    index=0,
    name="NVIDIA H100 80GB HBM3",
    compute_capability=(9, 0),
    memory_total_bytes=80 * GIB,
    memory_free_bytes=79 * GIB,
    driver_version="550.54.15",
    cuda_driver_version="12.4",
)

Machine = tuple[Path, FakeNvml, str]


def test_agx_orin_is_read_from_the_device_tree(machine: Callable[[str], Machine]) -> None:
    root, nvml, arch = machine("agx-orin-64")
    facts = detect(root, nvml=nvml, arch=arch)
    assert facts.kind == "jetson"
    assert facts.jetson is not None
    assert facts.jetson.model == "NVIDIA Jetson AGX Orin Developer Kit"
    assert facts.jetson.compatible == [
        "nvidia,p3737-0000+p3701-0005",
        "nvidia,p3701-0005",
        "nvidia,tegra234",
    ]
    assert facts.jetson.l4t_release == "36.4.0"
    assert facts.jetson.memory_total_bytes == 64_335_836 * 1024
    assert facts.gpus == []
    assert facts.gpu() is None
    assert facts.nvml_status == NVML_NOT_ON_JETSON
    assert facts.cpu.arch == "aarch64"
    assert facts.cpu.model is None
    assert facts.cpu.cores == 12


@pytest.mark.parametrize("name", ["agx-orin-64", "orin-nano-8", "orin-nx-16", "orin-nano-8-super"])
def test_nvml_is_never_called_on_jetson(machine: Callable[[str], Machine], name: str) -> None:
    root, nvml, arch = machine(name)
    facts = detect(root, nvml=nvml, arch=arch)
    assert facts.kind == "jetson"
    assert nvml.calls == 0


def test_orin_nano_device_tree(machine: Callable[[str], Machine]) -> None:
    root, nvml, arch = machine("orin-nano-8")
    facts = detect(root, nvml=nvml, arch=arch)
    assert facts.jetson is not None
    assert facts.jetson.model == "NVIDIA Jetson Orin Nano Developer Kit"
    assert "nvidia,p3767-0005" in facts.jetson.compatible


def test_orin_nx_device_tree(machine: Callable[[str], Machine]) -> None:
    root, nvml, arch = machine("orin-nx-16")
    facts = detect(root, nvml=nvml, arch=arch)
    assert facts.jetson is not None
    assert facts.jetson.compatible[1] == "nvidia,p3767-0000"
    assert facts.jetson.memory_total_bytes == 15_956_764 * 1024


def test_tegra_compatible_alone_means_jetson(make_root: Callable[..., Path]) -> None:
    # Carrier vendors may write their own model string without "Jetson".
    root = make_root(model="Acme Box 3000", compatible=["acme,box", "nvidia,tegra234"])
    nvml = FakeNvml(gpus=[H100])
    facts = detect(root, nvml=nvml, arch="aarch64")
    assert facts.kind == "jetson"
    assert facts.jetson is not None
    assert facts.jetson.l4t_release is None
    assert nvml.calls == 0


@pytest.mark.parametrize(
    ("name", "gpu_name", "cc"),
    [
        ("h100", "NVIDIA H100 80GB HBM3", (9, 0)),
        ("rtx-4090", "NVIDIA GeForce RTX 4090", (8, 9)),
        ("l4", "NVIDIA L4", (8, 9)),
        ("a100-80", "NVIDIA A100-SXM4-80GB", (8, 0)),
    ],
)
def test_gpu_machine_uses_nvml(
    machine: Callable[[str], Machine],
    name: str,
    gpu_name: str,
    cc: tuple[int, int],
) -> None:
    root, nvml, arch = machine(name)
    facts = detect(root, nvml=nvml, arch=arch)
    assert facts.kind == "gpu"
    assert nvml.calls == 1
    assert facts.nvml_status == "ok"
    first = facts.gpu()
    assert first is not None
    assert first.name == gpu_name
    assert first.compute_capability == cc
    assert facts.jetson is None
    assert facts.cpu.model == "AMD EPYC 9354 32-Core Processor"
    assert facts.cpu.cores == 16
    assert facts.cpu.memory_total_bytes == 131_900_000 * 1024


def test_no_driver_means_cpu_with_the_reason(machine: Callable[[str], Machine]) -> None:
    root, nvml, arch = machine("cpu-only")
    facts = detect(root, nvml=nvml, arch=arch)
    assert facts.kind == "cpu"
    assert facts.gpus == []
    assert facts.nvml_status == "NVML library not found: no NVIDIA driver is installed"


def test_nvml_without_gpus_means_cpu(make_root: Callable[..., Path]) -> None:
    facts = detect(make_root(), nvml=FakeNvml(gpus=[]), arch="x86_64")
    assert facts.kind == "cpu"
    assert facts.nvml_status == "ok"


def test_default_seam_is_real_nvml(make_root: Callable[..., Path]) -> None:
    # This machine has no NVIDIA driver: the real seam must report that, not crash.
    if importlib.util.find_spec("pynvml") is None:
        pytest.skip("nvidia-ml-py is not installed")
    facts = detect(make_root(), arch="x86_64")
    if facts.kind == "gpu":
        pytest.skip("this machine has an NVIDIA GPU")
    assert facts.kind == "cpu"
    assert facts.nvml_status == "NVML library not found: no NVIDIA driver is installed"


def test_masked_device_tree_on_a_jetson_is_an_error(make_root: Callable[..., Path]) -> None:
    root = make_root(tegra_release="# R36 (release), REVISION: 4.0\n")
    with pytest.raises(HardwareError, match="device-tree") as caught:
        detect(root, nvml=FakeNvml(unavailable="no driver"), arch="aarch64")
    assert "bind-mount" in caught.value.message


def test_missing_meminfo_is_an_error(make_root: Callable[..., Path]) -> None:
    root = make_root(meminfo=False)
    with pytest.raises(HardwareError, match="meminfo"):
        detect(root, nvml=FakeNvml(), arch="x86_64")


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("# R36 (release), REVISION: 4.0, GCID: 37537400, BOARD: generic, EABI: aarch64", "36.4.0"),
        ("# R36 (release), REVISION: 4.3, GCID: 38968081, BOARD: generic", "36.4.3"),
        ("# R35 (release), REVISION: 5.0, GCID: 35550185, BOARD: t186ref", "35.5.0"),
        ("# R32 (release), REVISION: 7", "32.7.0"),
        ("garbage", None),
        ("", None),
    ],
)
def test_parse_l4t_release(line: str, expected: str | None) -> None:
    assert parse_l4t_release(line) == expected


@pytest.mark.parametrize(
    ("machine_name", "expected"),
    [("x86_64", "x86_64"), ("AMD64", "x86_64"), ("arm64", "aarch64"), ("aarch64", "aarch64")],
)
def test_normalise_arch(machine_name: str, expected: str) -> None:
    assert normalise_arch(machine_name) == expected


def test_arch_defaults_to_this_machine(make_root: Callable[..., Path]) -> None:
    facts = detect(make_root(), nvml=FakeNvml())
    assert facts.cpu.arch in {"x86_64", "aarch64"}
