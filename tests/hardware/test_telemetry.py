"""Telemetry parsing on recorded tegrastats lines, NVML through a scripted module, procfs, and the
thermal guard that acts on it."""

from __future__ import annotations

import types
from pathlib import Path
from typing import Any

import pytest

from edged.hardware.profiles import ThermalLimits
from edged.hardware.telemetry import (
    NvmlSampler,
    TegrastatsSampler,
    decode_throttle_reasons,
    parse_tegrastats,
    read_host,
)
from edged.hardware.thermal import ThermalGuard

DATA = Path(__file__).parent / "data" / "tegrastats.txt"
LINES = dict(
    line.split("\t", 1) for line in DATA.read_text().splitlines() if line and not line.startswith("#")
)
NOT_SUPPORTED = 3


def test_orin_nano_line() -> None:
    sample = parse_tegrastats(LINES["orin-nano"])
    assert sample.source == "tegrastats"
    assert sample.temperature_c == 45.437
    assert sample.power_w == 4.046  # VDD_IN, the module input
    assert sample.rails_w == {"VDD_IN": 4.046, "VDD_CPU_GPU_CV": 0.72, "VDD_SOC": 1.201}
    assert (sample.memory_used_bytes, sample.memory_total_bytes) == (2250 * 2**20, 7620 * 2**20)
    assert sample.utilization_pct == 0.0
    assert sample.sm_clock_mhz is None
    assert sample.temperatures_c["tj"] == 45.968


def test_agx_orin_line_with_the_gpu_sensor_off() -> None:
    sample = parse_tegrastats(LINES["agx-orin-64"])
    assert "gpu" not in sample.temperatures_c  # GPU@-256C: powered down
    assert "cv0" not in sample.temperatures_c
    assert sample.temperature_c == 44.343  # the junction instead
    assert sample.rails_w == {"VDD_GPU_SOC": 2.34, "VDD_CPU_CV": 0.39, "VIN_SYS_5V0": 4.025,
                              "VDDQ_VDD2_1V8AO": 0.301}
    assert sample.power_w == pytest.approx(7.056)  # no input rail on AGX: the sum
    assert sample.memory_clock_mhz == 2133
    assert sample.sm_clock_mhz == 0


def test_jetpack_50_rails_without_units_and_xavier() -> None:
    old = parse_tegrastats(LINES["agx-orin-32-jp50"])
    assert old.power_w == 8.039
    assert old.sm_clock_mhz == 1300
    assert old.memory_total_bytes == 31906 * 2**20
    xavier = parse_tegrastats(LINES["xavier-nx"])
    assert xavier.temperature_c == 45.5
    assert xavier.sm_clock_mhz == 114
    assert xavier.power_w == 2.763


def test_hot_loaded_line_and_the_sampler_seam() -> None:
    sampler = TegrastatsSampler(read_line=lambda: LINES["orin-nano-hot"])
    sample = sampler.sample()
    sampler.close()
    assert (sample.temperature_c, sample.utilization_pct, sample.sm_clock_mhz) == (99.5, 99.0, 624)
    assert TegrastatsSampler(read_line=lambda: None).sample().temperature_c is None
    assert parse_tegrastats("garbage").to_json()["temperature_c"] is None


class _Memory:
    total, used, free = 81_559 * 2**20, 1_024 * 2**20, 80_535 * 2**20


class _Utilization:
    gpu, memory = 37, 12


def _pynvml(*, unsupported: set[str] = frozenset(), init_error: bool = False) -> types.ModuleType:
    module = types.ModuleType("pynvml")

    class NVMLError(Exception):
        def __init__(self, value: int) -> None:
            super().__init__(f"NVML error {value}")
            self.value = value

    def call(name: str, value: Any) -> Any:
        def fn(*_args: Any) -> Any:
            if name in unsupported:
                raise NVMLError(NOT_SUPPORTED)
            return value
        return fn

    def init() -> None:
        if init_error:
            raise NVMLError(12)

    module.NVMLError = NVMLError  # type: ignore[attr-defined]
    module.NVML_TEMPERATURE_GPU, module.NVML_CLOCK_SM, module.NVML_CLOCK_MEM = 0, 1, 2  # type: ignore[attr-defined]
    module.nvmlInit = init  # type: ignore[attr-defined]
    module.nvmlShutdown = lambda: None  # type: ignore[attr-defined]
    module.nvmlDeviceGetHandleByIndex = lambda index: f"handle{index}"  # type: ignore[attr-defined]
    module.nvmlDeviceGetName = call("name", b"NVIDIA H100 80GB HBM3")  # type: ignore[attr-defined]
    module.nvmlDeviceGetTemperature = call("temperature", 41)  # type: ignore[attr-defined]
    module.nvmlDeviceGetPowerUsage = call("power", 71_234)  # type: ignore[attr-defined]
    module.nvmlDeviceGetEnforcedPowerLimit = call("limit", 700_000)  # type: ignore[attr-defined]
    module.nvmlDeviceGetMemoryInfo = call("memory", _Memory())  # type: ignore[attr-defined]
    module.nvmlDeviceGetUtilizationRates = call("utilization", _Utilization())  # type: ignore[attr-defined]
    module.nvmlDeviceGetClockInfo = call("clocks", 1980)  # type: ignore[attr-defined]
    module.nvmlDeviceGetCurrentClocksEventReasons = call("reasons", 0x1 | 0x40)  # type: ignore[attr-defined]
    return module


def test_nvml_sample_through_the_seam() -> None:
    sampler = NvmlSampler(0, module=_pynvml())
    sample = sampler.sample()
    sampler.close()
    assert sample.to_json() | {} == {
        "temperature_c": 41.0, "power_w": 71.234, "memory_used_bytes": 1_024 * 2**20, "source": "nvml",
        "name": "NVIDIA H100 80GB HBM3", "memory_total_bytes": 81_559 * 2**20, "utilization_pct": 37.0,
        "sm_clock_mhz": 1980, "memory_clock_mhz": 1980, "power_limit_w": 700.0,
        "throttle_reasons": ["gpu_idle", "hw_thermal_slowdown"], "temperatures_c": {}, "rails_w": {},
    }


def test_nvml_fields_a_gpu_does_not_support_are_none(caplog: pytest.LogCaptureFixture) -> None:
    sample = NvmlSampler(0, module=_pynvml(unsupported={"power", "memory", "temperature"})).sample()
    assert (sample.power_w, sample.memory_used_bytes, sample.temperature_c) == (None, None, None)
    assert sample.utilization_pct == 37.0
    assert "GPU power unavailable from NVML" in caplog.text
    assert NvmlSampler(0, module=_pynvml(init_error=True)).sample().temperature_c is None


def test_throttle_reason_bits() -> None:
    assert decode_throttle_reasons(0) == ()
    assert decode_throttle_reasons(0x4 | 0x20) == ("sw_power_cap", "sw_thermal_slowdown")
    assert decode_throttle_reasons(0x800) == ("bit_0x800",)


def test_procfs_host_sample(tmp_path: Path) -> None:
    (tmp_path / "proc").mkdir()
    (tmp_path / "proc" / "meminfo").write_text(
        "MemTotal:        7802348 kB\nMemFree:          100000 kB\nMemAvailable:    2000000 kB\n"
        "SwapTotal:       3901172 kB\nSwapFree:        3800000 kB\n")
    (tmp_path / "proc" / "loadavg").write_text("1.25 0.80 0.50 2/345 6789\n")
    host = read_host(tmp_path)
    assert host.mem_total_bytes == 7_802_348 * 1024
    assert host.mem_available_bytes == 2_000_000 * 1024
    assert host.swap_free_bytes == 3_800_000 * 1024
    assert host.load_1m == 1.25
    assert read_host(tmp_path / "missing").to_json()["mem_total_bytes"] is None


def test_thermal_guard_lowers_concurrency_and_recovers_with_hysteresis() -> None:
    guard = ThermalGuard(ThermalLimits(gpu_throttle_c=87.0, gpu_max_c=89.0), concurrency=128)
    assert guard.update(45.0).level == "ok"
    hot = guard.update(87.5)
    assert (hot.level, hot.concurrency) == ("throttle", 64)
    assert hot.reason == ("GPU at 88 C, above the profile's throttle limit of 87.0 C: at most 64 "
                          "request(s) at once instead of 128")
    critical = guard.update(90.0)
    assert (critical.level, critical.concurrency) == ("critical", 1)
    assert guard.update(84.0).level == "throttle"  # within 5 C of the limit: still throttled
    assert guard.update(None).level == "throttle"  # no reading: keep the decision
    cool = guard.update(81.0)
    assert (cool.level, cool.concurrency, cool.reason) == ("ok", 128, None)


def test_thermal_guard_on_nvml_slowdown_and_on_tegrastats() -> None:
    guard = ThermalGuard(ThermalLimits(gpu_throttle_c=87.0, gpu_max_c=89.0), concurrency=8)
    state = guard.update(70.0, ("hw_thermal_slowdown",))
    assert (state.level, state.concurrency) == ("throttle", 4)
    assert state.reason is not None and "the GPU reports hw_thermal_slowdown" in state.reason
    jetson = ThermalGuard(ThermalLimits(gpu_throttle_c=99.0, gpu_max_c=104.5), concurrency=2)
    assert jetson.update(parse_tegrastats(LINES["orin-nano"]).temperature_c).level == "ok"
    hot = jetson.update(parse_tegrastats(LINES["orin-nano-hot"]).temperature_c)
    assert (hot.level, hot.concurrency) == ("throttle", 1)
    assert ThermalGuard(ThermalLimits(), concurrency=4).update(120.0).level == "ok"  # cpu: no limits
