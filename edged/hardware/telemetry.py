"""GPU and host telemetry while the daemon runs, and the thermal guard that acts on it.

    NvmlSampler        discrete GPUs: temperature, power and its limit, memory, utilisation,
                       clocks, throttle reasons (NVML through an injectable pynvml module)
    TegrastatsSampler  Jetson: one tegrastats line (RAM, GR3D load, temperatures, power rails)
    JetsonSampler      Jetson without tegrastats: the GPU thermal zone and INA3221 rail in sysfs
    read_host()        procfs: memory, swap, load (every machine)
    ThermalGuard       above the profile's temperature limit, fewer requests at once

A machine without a GPU has no sampler (``None``). Samplers never raise: a reading that fails is
reported as missing and logged once, since telemetry must not take the service down.
"""

from __future__ import annotations

import contextlib
import importlib
import logging
import os
import re
import shutil
import subprocess
import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Protocol

from edged.hardware.facts import HardwareFacts

log = logging.getLogger(__name__)

# Jetson thermal zone types of the GPU (the name changed between L4T releases).
_JETSON_GPU_ZONES = ("gpu-thermal", "GPU-therm")
# INA3221 rail that feeds the GPU on Orin modules (on Orin Nano/NX it also feeds the SoC).
_JETSON_GPU_RAILS = ("VDD_GPU_SOC", "VDD_GPU")

# NVML clock-event (throttle) reason bits, as nvidia-ml-py names them
# (nvmlClocksEventReason*; the older nvmlClocksThrottleReason* have the same values).
THROTTLE_REASONS: dict[int, str] = {
    0x1: "gpu_idle",
    0x2: "applications_clocks_setting",
    0x4: "sw_power_cap",
    0x8: "hw_slowdown",
    0x10: "sync_boost",
    0x20: "sw_thermal_slowdown",
    0x40: "hw_thermal_slowdown",
    0x80: "hw_power_brake_slowdown",
    0x100: "display_clock_setting",
}


@dataclass(frozen=True)
class GpuSample:
    temperature_c: float | None = None
    power_w: float | None = None
    memory_used_bytes: int | None = None
    source: str | None = None  # "nvml", "tegrastats" or "sysfs"
    name: str | None = None
    memory_total_bytes: int | None = None  # on Jetson: the RAM the GPU shares
    utilization_pct: float | None = None
    sm_clock_mhz: int | None = None
    memory_clock_mhz: int | None = None
    power_limit_w: float | None = None
    throttle_reasons: tuple[str, ...] = ()
    temperatures_c: dict[str, float] = field(default_factory=dict)  # Jetson: every sensor
    rails_w: dict[str, float] = field(default_factory=dict)  # Jetson: INA3221 power rails

    def to_json(self) -> dict[str, Any]:
        return {
            "temperature_c": self.temperature_c,
            "power_w": self.power_w,
            "memory_used_bytes": self.memory_used_bytes,
            "source": self.source,
            "name": self.name,
            "memory_total_bytes": self.memory_total_bytes,
            "utilization_pct": self.utilization_pct,
            "sm_clock_mhz": self.sm_clock_mhz,
            "memory_clock_mhz": self.memory_clock_mhz,
            "power_limit_w": self.power_limit_w,
            "throttle_reasons": list(self.throttle_reasons),
            "temperatures_c": dict(self.temperatures_c),
            "rails_w": dict(self.rails_w),
        }


class GpuSampler(Protocol):
    def sample(self) -> GpuSample: ...

    def close(self) -> None: ...


class NvmlSampler:
    """GPU ``index`` through NVML; initialised once, shut down by ``close``. ``module`` is the
    pynvml module (nvidia-ml-py), injectable so tests describe a GPU without one."""

    def __init__(self, index: int = 0, module: Any = None) -> None:
        self._nvml: Any = None
        self._handle: Any = None
        self._index = index
        self._module = module
        self._warned: set[str] = set()

    def _open(self) -> bool:
        if self._handle is not None:
            return True
        try:
            nvml = self._module if self._module is not None else importlib.import_module("pynvml")
        except ImportError:
            self._warn("nvml", "GPU telemetry unavailable: the nvidia-ml-py package is not installed")
            return False
        try:
            nvml.nvmlInit()
            self._handle = nvml.nvmlDeviceGetHandleByIndex(self._index)
        except nvml.NVMLError as exc:
            self._warn("nvml", f"GPU telemetry unavailable: NVML failed ({exc})")
            return False
        self._nvml = nvml
        return True

    def _warn(self, key: str, message: str) -> None:
        if key not in self._warned:
            self._warned.add(key)
            log.warning("%s", message)

    def _read(self, what: str, call: Any, *args: Any) -> Any:
        try:
            return call(self._handle, *args)
        except self._nvml.NVMLError as exc:  # unsupported on this GPU (Thor reports several so)
            self._warn(what, f"GPU {what} unavailable from NVML: {exc}")
            return None

    def sample(self) -> GpuSample:
        if not self._open():
            return GpuSample(source="nvml")
        nvml = self._nvml
        temperature = self._read("temperature", nvml.nvmlDeviceGetTemperature, nvml.NVML_TEMPERATURE_GPU)
        power_mw = self._read("power", nvml.nvmlDeviceGetPowerUsage)
        limit_mw = self._read("power limit", nvml.nvmlDeviceGetEnforcedPowerLimit)
        memory = self._read("memory", nvml.nvmlDeviceGetMemoryInfo)
        utilization = self._read("utilization", nvml.nvmlDeviceGetUtilizationRates)
        sm_clock = self._read("SM clock", nvml.nvmlDeviceGetClockInfo, nvml.NVML_CLOCK_SM)
        mem_clock = self._read("memory clock", nvml.nvmlDeviceGetClockInfo, nvml.NVML_CLOCK_MEM)
        # nvidia-ml-py 12.535+ names it "clocks event reasons"; older releases "throttle reasons".
        reasons_call = getattr(nvml, "nvmlDeviceGetCurrentClocksEventReasons", None) or getattr(
            nvml, "nvmlDeviceGetCurrentClocksThrottleReasons", None)
        reasons = self._read("throttle reasons", reasons_call) if reasons_call is not None else None
        name = self._read("name", nvml.nvmlDeviceGetName)
        return GpuSample(
            temperature_c=float(temperature) if temperature is not None else None,
            power_w=float(power_mw) / 1000.0 if power_mw is not None else None,
            memory_used_bytes=int(memory.used) if memory is not None else None,
            source="nvml",
            name=name.decode() if isinstance(name, bytes) else (str(name) if name is not None else None),
            memory_total_bytes=int(memory.total) if memory is not None else None,
            utilization_pct=float(utilization.gpu) if utilization is not None else None,
            sm_clock_mhz=int(sm_clock) if sm_clock is not None else None,
            memory_clock_mhz=int(mem_clock) if mem_clock is not None else None,
            power_limit_w=float(limit_mw) / 1000.0 if limit_mw is not None else None,
            throttle_reasons=decode_throttle_reasons(int(reasons)) if reasons is not None else (),
        )

    def close(self) -> None:
        if self._nvml is not None:
            with contextlib.suppress(Exception):
                self._nvml.nvmlShutdown()
            self._nvml = self._handle = None


def decode_throttle_reasons(mask: int) -> tuple[str, ...]:
    """NVML's reason bit mask as names; bits this edged does not know read 'bit_0x...'."""
    names = [name for bit, name in THROTTLE_REASONS.items() if mask & bit]
    unknown = mask & ~sum(THROTTLE_REASONS)
    bit = 1
    while unknown >= bit:
        if unknown & bit:
            names.append(f"bit_{bit:#x}")
        bit <<= 1
    return tuple(names)


# -- Jetson: tegrastats ---------------------------------------------------------------------------

# Memory as "RAM <used>/<total>MB", followed by "(lfb ...)" and the SWAP figures.
_RAM = re.compile(r"\bRAM (\d+)/(\d+)MB")
# "GR3D_FREQ 41%@[305]" (Orin), "GR3D_FREQ 0%@[0,0]" (AGX, two GPCs), "GR3D_FREQ 0%@1300", "GR3D_FREQ 0%"
_GR3D = re.compile(r"\bGR3D_FREQ (\d+)%(?:@\[?(\d+))?")
_EMC = re.compile(r"\bEMC_FREQ (\d+)%(?:@(\d+))?")
# "gpu@45.437C", "GPU@-256C" (a powered-down sensor reads -256), "tj@45.968C"
_TEMPERATURE = re.compile(r"\b([A-Za-z][A-Za-z0-9_]*)@(-?\d+(?:\.\d+)?)C\b")
# "VDD_IN 4046mW/4236mW" (current/average); JetPack 5.0 printed "VDD_IN 8039/8039"
_RAIL = re.compile(r"\b([A-Z][A-Z0-9_]*) (\d+)(?:mW)?/(\d+)(?:mW)?(?=\s|$)")
_UNAVAILABLE_C = -256.0
_TOTAL_RAILS = ("VDD_IN", "VIN")  # module input (Orin Nano/NX, Xavier; Thor's "VIN")


def parse_tegrastats(line: str) -> GpuSample:
    """One line of ``tegrastats`` output as a sample. The GPU temperature is the ``gpu`` sensor,
    else the junction (``tj``, the hottest point); power is the module input rail, else (AGX
    Orin, which has none) the sum of the rails it reports."""
    temperatures = {
        name.lower(): float(value)
        for name, value in _TEMPERATURE.findall(line)
        if float(value) != _UNAVAILABLE_C
    }
    rails = {name: int(now) / 1000.0 for name, now, _avg in _RAIL.findall(line) if name != "NC"}
    ram = _RAM.search(line)
    gr3d = _GR3D.search(line)
    emc = _EMC.search(line)
    total = next((rails[name] for name in _TOTAL_RAILS if name in rails), None)
    if total is None and rails:
        total = round(sum(rails.values()), 3)
    return GpuSample(
        temperature_c=temperatures.get("gpu", temperatures.get("tj")),
        power_w=total,
        memory_used_bytes=int(ram.group(1)) * 2**20 if ram else None,
        source="tegrastats",
        memory_total_bytes=int(ram.group(2)) * 2**20 if ram else None,
        utilization_pct=float(gr3d.group(1)) if gr3d else None,
        sm_clock_mhz=int(gr3d.group(2)) if gr3d and gr3d.group(2) else None,
        memory_clock_mhz=int(emc.group(2)) if emc and emc.group(2) else None,
        temperatures_c=temperatures,
        rails_w=rails,
    )


class TegrastatsSampler:
    """The latest line of a running ``tegrastats``; ``read_line`` replaces the process in tests."""

    def __init__(self, read_line: Callable[[], str | None] | None = None, interval_ms: int = 1000) -> None:
        self._read_line = read_line
        self._interval_ms = interval_ms
        self._process: subprocess.Popen[str] | None = None
        self._latest: str | None = None
        self._lock = threading.Lock()

    def _start(self) -> None:
        binary = shutil.which("tegrastats")
        if binary is None or self._process is not None:
            return
        self._process = subprocess.Popen(  # noqa: S603 - a fixed system tool, no shell
            [binary, "--interval", str(self._interval_ms)],
            stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True,
        )
        threading.Thread(target=self._follow, name="edged-tegrastats", daemon=True).start()

    def _follow(self) -> None:
        process = self._process
        if process is None or process.stdout is None:
            return
        for line in process.stdout:
            with self._lock:
                self._latest = line.strip()

    def sample(self) -> GpuSample:
        if self._read_line is not None:
            line = self._read_line()
        else:
            self._start()
            with self._lock:
                line = self._latest
        return parse_tegrastats(line) if line else GpuSample(source="tegrastats")

    def close(self) -> None:
        if self._process is not None:
            self._process.terminate()
            with contextlib.suppress(subprocess.TimeoutExpired):
                self._process.wait(2)
            self._process = None


class JetsonSampler:
    """The GPU thermal zone and the INA3221 GPU rail under ``root`` (Jetson has no NVML)."""

    def __init__(self, root: Path = Path("/")) -> None:
        self._zone = _find_gpu_zone(root)
        self._rail = _find_gpu_rail(root)
        if self._zone is None:
            log.warning("GPU temperature unavailable: no %s thermal zone", " or ".join(_JETSON_GPU_ZONES))

    def sample(self) -> GpuSample:
        temperature = _read_number(self._zone / "temp") if self._zone else None
        power = None
        if self._rail is not None:
            millivolts, milliamps = _read_number(self._rail[0]), _read_number(self._rail[1])
            if millivolts is not None and milliamps is not None:
                power = millivolts * milliamps / 1e6
        return GpuSample(
            temperature_c=temperature / 1000.0 if temperature is not None else None, power_w=power,
            source="sysfs",
        )

    def close(self) -> None:
        """Nothing to release: each sample reads sysfs afresh."""


def _read_number(path: Path) -> float | None:
    try:
        return float(path.read_text().strip())
    except (OSError, ValueError):
        return None


def _find_gpu_zone(root: Path) -> Path | None:
    for zone in sorted((root / "sys" / "class" / "thermal").glob("thermal_zone*")):
        with contextlib.suppress(OSError):
            if (zone / "type").read_text().strip() in _JETSON_GPU_ZONES:
                return zone
    return None


def _find_gpu_rail(root: Path) -> tuple[Path, Path] | None:
    """(voltage file in mV, current file in mA) of the GPU rail, if the INA3221 exposes one."""
    driver = root / "sys" / "bus" / "i2c" / "drivers" / "ina3221"
    for label in sorted(driver.glob("*/hwmon/hwmon*/in*_label")):
        with contextlib.suppress(OSError):
            if label.read_text().strip() in _JETSON_GPU_RAILS:
                channel = label.name.removeprefix("in").removesuffix("_label")
                return label.parent / f"in{channel}_input", label.parent / f"curr{channel}_input"
    return None


def sampler_for(facts: HardwareFacts, root: Path = Path("/")) -> GpuSampler | None:
    """The sampler for this machine's GPU; None on a machine without one. On Jetson, tegrastats
    when it is installed (it reports load and every rail), else sysfs."""
    if facts.kind == "jetson":
        if root == Path("/") and shutil.which("tegrastats"):
            return TegrastatsSampler()
        return JetsonSampler(root)
    if facts.kind == "gpu":
        return NvmlSampler(0)
    return None


# -- procfs ---------------------------------------------------------------------------------------


@dataclass(frozen=True)
class HostSample:
    mem_total_bytes: int | None = None
    mem_available_bytes: int | None = None
    swap_total_bytes: int | None = None
    swap_free_bytes: int | None = None
    load_1m: float | None = None
    cpus: int | None = None

    def to_json(self) -> dict[str, Any]:
        return {
            "mem_total_bytes": self.mem_total_bytes,
            "mem_available_bytes": self.mem_available_bytes,
            "swap_total_bytes": self.swap_total_bytes,
            "swap_free_bytes": self.swap_free_bytes,
            "load_1m": self.load_1m,
            "cpus": self.cpus,
        }


def read_host(root: Path = Path("/")) -> HostSample:
    """Memory, swap and the 1-minute load from procfs under ``root``; missing values are None."""
    values: dict[str, int] = {}
    with contextlib.suppress(OSError):
        for line in (root / "proc" / "meminfo").read_text(errors="replace").splitlines():
            key, _, rest = line.partition(":")
            parts = rest.split()
            if parts and parts[0].isdigit():
                values[key.strip()] = int(parts[0]) * (1024 if rest.strip().lower().endswith("kb") else 1)
    load = None
    with contextlib.suppress(OSError, ValueError, IndexError):
        load = float((root / "proc" / "loadavg").read_text().split()[0])
    return HostSample(
        mem_total_bytes=values.get("MemTotal"),
        mem_available_bytes=values.get("MemAvailable"),
        swap_total_bytes=values.get("SwapTotal"),
        swap_free_bytes=values.get("SwapFree"),
        load_1m=load,
        cpus=os.cpu_count() if root == Path("/") else None,
    )
