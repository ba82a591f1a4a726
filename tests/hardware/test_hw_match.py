"""Matching picks the right shipped profile and explains every other one."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from edged.errors import ConfigError
from edged.hardware.detect import detect
from edged.hardware.facts import CpuFacts, HardwareFacts
from edged.hardware.match import MatchReport, match_profiles, matches_word
from edged.hardware.nvml import FakeNvml
from edged.hardware.profiles import Profile

Machine = tuple[Path, FakeNvml, str]


def _match(machine: Callable[[str], Machine], name: str, profiles: dict[str, Profile]) -> MatchReport:
    root, nvml, arch = machine(name)
    return match_profiles(detect(root, nvml=nvml, arch=arch), profiles)


def _reasons(report: MatchReport, profile: str) -> str:
    verdict = next(v for v in report.verdicts if v.name == profile)
    return " | ".join(verdict.reasons)


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("agx-orin-64", "jetson-agx-orin-64gb"),
        ("orin-nano-8", "jetson-orin-nano-8gb"),
        ("orin-nano-8-super", "jetson-orin-nano-8gb"),
        ("orin-nx-16", "jetson-orin-nx-16gb"),
        ("h100", "h100"),
        ("h200", "h200"),
        ("rtx-4090", "rtx-4090"),
        ("l4", "l4"),
        ("a100-40", "a100"),
        ("a100-80", "a100"),
        ("cpu-only", "cpu"),
        # Hardware without a shipped profile falls back to the CPU, with reasons.
        ("agx-orin-32", "cpu"),
        ("orin-nx-8", "cpu"),
        ("l40s", "cpu"),
    ],
)
def test_each_machine_gets_its_profile(
    machine: Callable[[str], Machine],
    shipped: dict[str, Profile],
    name: str,
    expected: str,
) -> None:
    report = _match(machine, name, shipped)
    assert report.chosen.name == expected
    assert report.verdicts[0].name == expected
    assert report.verdicts[0].matched
    assert {v.name for v in report.verdicts} == set(shipped)
    matched = [v.name for v in report.verdicts if v.matched]
    # Hardware profiles are mutually exclusive; the cpu fallback matches everywhere.
    assert "cpu" in matched
    assert len(matched) <= 2
    for verdict in report.verdicts:
        assert verdict.reasons, f"{verdict.name} has no reason"


def test_h100_rejections_are_specific(
    machine: Callable[[str], Machine],
    shipped: dict[str, Profile],
) -> None:
    report = _match(machine, "h100", shipped)
    assert "GPU 'NVIDIA H100 80GB HBM3' has compute capability 9.0, profile wants 8.9" in _reasons(
        report,
        "l4",
    )
    assert "profile wants 8.0" in _reasons(report, "a100")
    assert "is not named like 'A100'" in _reasons(report, "a100")
    assert "memory is 79.6 GiB, profile wants at least 130.0" in _reasons(report, "h200")
    nano = _reasons(report, "jetson-orin-nano-8gb")
    assert "needs a Jetson module" in nano
    assert "'nvidia,p3767-0003' or 'nvidia,p3767-0005'" in nano
    assert "this machine has no Jetson device tree" in nano
    cpu = next(v for v in report.verdicts if v.name == "cpu")
    assert cpu.matched
    assert "'h100' was chosen: higher priority (100 > 0)" in cpu.reasons[-1]


def test_jetson_rejects_gpu_profiles_without_calling_nvml(
    machine: Callable[[str], Machine],
    shipped: dict[str, Profile],
) -> None:
    root, nvml, arch = machine("agx-orin-64")
    report = match_profiles(detect(root, nvml=nvml, arch=arch), shipped)
    assert nvml.calls == 0
    h100 = _reasons(report, "h100")
    assert "this machine is a Jetson ('NVIDIA Jetson AGX Orin Developer Kit')" in h100
    nano = _reasons(report, "jetson-orin-nano-8gb")
    assert "is not a module this profile covers" in nano
    assert "nvidia,p3701-0005" in nano
    assert "profile wants at most 8.5" in nano
    assert "compatible 'nvidia,p3701-0005'" in report.verdicts[0].reasons[0]


def test_agx_orin_32gb_is_rejected_on_memory(
    machine: Callable[[str], Machine],
    shipped: dict[str, Profile],
) -> None:
    report = _match(machine, "agx-orin-32", shipped)
    reasons = _reasons(report, "jetson-agx-orin-64gb")
    # The model string matches; only the memory bound keeps the 32 GB module out.
    assert "not a module" not in reasons
    assert "Jetson memory (MemTotal) is 30.5 GiB, profile wants at least 48.0" in reasons


def test_l40s_is_not_an_l4(machine: Callable[[str], Machine], shipped: dict[str, Profile]) -> None:
    report = _match(machine, "l40s", shipped)
    reasons = _reasons(report, "l4")
    assert "GPU 'NVIDIA L40S' is not named like 'L4' (whole words)" in reasons
    assert "profile wants at most 26.0" in reasons


def test_cpu_machine_rejects_gpu_profiles_with_nvml_status(
    machine: Callable[[str], Machine],
    shipped: dict[str, Profile],
) -> None:
    report = _match(machine, "cpu-only", shipped)
    reasons = _reasons(report, "rtx-4090")
    assert "needs an NVIDIA GPU named like 'RTX 4090' of compute capability 8.9" in reasons
    assert "NVML found none (NVML library not found: no NVIDIA driver is installed)" in reasons
    assert report.verdicts[0].reasons == ["x86_64 CPU with 16 cores and 125.8 GiB of memory"]


def _cpu_facts(arch: str = "x86_64") -> HardwareFacts:
    cpu = CpuFacts(arch=arch, model=None, cores=4, memory_total_bytes=8 * 1024**3)
    return HardwareFacts(kind="cpu", cpu=cpu, nvml_status="no driver")


def test_no_profiles_is_a_config_error() -> None:
    with pytest.raises(ConfigError, match="No hardware profiles"):
        match_profiles(_cpu_facts(), {})


def test_nothing_matching_is_a_config_error_with_reasons(shipped: dict[str, Profile]) -> None:
    only_gpus = {name: p for name, p in shipped.items() if p.match.kind == "gpu"}
    with pytest.raises(ConfigError) as caught:
        match_profiles(_cpu_facts(), only_gpus)
    message = caught.value.message
    assert "No hardware profile matches this machine (x86_64 CPU, no GPU)" in message
    assert "h100: needs an NVIDIA GPU" in message
    assert "cpu profile" in message


def test_unknown_architecture_does_not_match_cpu(shipped: dict[str, Profile]) -> None:
    with pytest.raises(ConfigError, match="CPU architecture is riscv64"):
        match_profiles(_cpu_facts("riscv64"), {"cpu": shipped["cpu"]})


def test_equal_priority_goes_to_the_first_name(shipped: dict[str, Profile]) -> None:
    twin = shipped["cpu"].model_copy(update={"name": "another-cpu"})
    report = match_profiles(_cpu_facts(), {"cpu": shipped["cpu"], "another-cpu": twin})
    assert report.chosen.name == "another-cpu"
    assert "same priority 0, earlier by name" in report.verdicts[1].reasons[-1]


@pytest.mark.parametrize(
    ("needle", "haystack", "expected"),
    [
        ("L4", "NVIDIA L4", True),
        ("L4", "NVIDIA L40S", False),
        ("l4", "nvidia l4", True),
        ("H200", "NVIDIA GH200 480GB", False),
        ("H100", "NVIDIA H100 80GB HBM3", True),
        ("A100", "NVIDIA A100-SXM4-80GB", True),
        ("RTX 4090", "NVIDIA GeForce RTX 4090", True),
        ("Orin Nano", "NVIDIA Jetson Orin Nano Developer Kit", True),
        ("AGX Orin", "NVIDIA Jetson Orin NX Engineering Reference Developer Kit", False),
    ],
)
def test_matches_word(needle: str, haystack: str, expected: bool) -> None:
    assert matches_word(needle, haystack) is expected


def test_super_variant_matches_by_compatible(
    machine: Callable[[str], Machine],
    shipped: dict[str, Profile],
) -> None:
    # JetPack 6.2 names the board "...p3767-0005-super"; the module must still be recognised
    # by its compatible string, not only by the (vendor-editable) model string.
    report = _match(machine, "orin-nano-8-super", shipped)
    assert report.chosen.name == "jetson-orin-nano-8gb"
    assert "compatible 'nvidia,p3767-0005'" in report.verdicts[0].reasons[0]
