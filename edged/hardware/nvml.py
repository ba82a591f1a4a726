"""The seam between detection and NVML: the real one (``PynvmlSeam``) and a fake for tests.

``pynvml`` (from the ``nvidia-ml-py`` package) is imported inside ``PynvmlSeam.list_gpus`` only,
so importing edged works on machines without it.
"""

from __future__ import annotations

import contextlib
import importlib
from types import ModuleType
from typing import Any, Protocol

from edged.errors import HardwareError
from edged.hardware.facts import GpuFacts

__all__ = ["FakeNvml", "NvmlSeam", "NvmlUnavailable", "PynvmlSeam"]

_LIBRARY_NOT_FOUND = "NVML library not found: no NVIDIA driver is installed"


class NvmlUnavailable(Exception):
    """NVML cannot be used on this machine, so it has no usable NVIDIA GPU; ``reason`` says why."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


class NvmlSeam(Protocol):
    """Lists the NVIDIA GPUs of this machine."""

    def list_gpus(self) -> list[GpuFacts]:
        """Return the GPUs in NVML order.

        Raises ``NvmlUnavailable`` when there is no usable driver (the machine is then a CPU
        machine), and ``HardwareError`` when a driver is there but broken, since falling back
        to the CPU in silence would hide a fault an operator must fix.
        """
        ...


class PynvmlSeam:
    """NVML through ``nvidia-ml-py``; initialises and shuts NVML down on every call."""

    def list_gpus(self) -> list[GpuFacts]:
        try:
            nvml = importlib.import_module("pynvml")
        except ImportError:
            raise NvmlUnavailable(
                "the Python package nvidia-ml-py is not installed, so NVIDIA GPUs cannot be "
                "seen; install it on GPU machines",
            ) from None
        try:
            nvml.nvmlInit()
        except nvml.NVMLError as err:
            raise _convert(nvml, err, "starting NVML") from None
        try:
            return _query(nvml)
        except nvml.NVMLError as err:
            raise _convert(nvml, err, "querying the GPUs") from None
        finally:
            # The answer is already read; a failed shutdown changes nothing for the caller.
            with contextlib.suppress(nvml.NVMLError):
                nvml.nvmlShutdown()


def _query(nvml: ModuleType) -> list[GpuFacts]:
    driver = _text(nvml.nvmlSystemGetDriverVersion())
    cuda = _cuda_version(int(nvml.nvmlSystemGetCudaDriverVersion()))
    gpus: list[GpuFacts] = []
    for index in range(int(nvml.nvmlDeviceGetCount())):
        handle = nvml.nvmlDeviceGetHandleByIndex(index)
        major, minor = nvml.nvmlDeviceGetCudaComputeCapability(handle)
        try:
            memory = nvml.nvmlDeviceGetMemoryInfo(handle)
            total, free = int(memory.total), int(memory.free)
        except nvml.NVMLError as err:
            # Unified-memory GPUs (GB10, Thor) report no framebuffer; record 0 so profiles with
            # a memory bound reject them with a reason instead of detection failing outright.
            if err.value != nvml.NVML_ERROR_NOT_SUPPORTED:
                raise
            total, free = 0, None
        gpus.append(
            GpuFacts(
                index=index,
                name=_text(nvml.nvmlDeviceGetName(handle)),
                compute_capability=(int(major), int(minor)),
                memory_total_bytes=total,
                memory_free_bytes=free,
                driver_version=driver,
                cuda_driver_version=cuda,
            ),
        )
    return gpus


def _text(value: Any) -> str:
    # Older nvidia-ml-py releases return bytes, newer ones str.
    if isinstance(value, bytes):
        return value.decode("utf-8", errors="replace")
    return str(value)


def _cuda_version(encoded: int) -> str:
    """NVML encodes CUDA 12.4 as 12040."""
    return f"{encoded // 1000}.{(encoded % 1000) // 10}"


def _convert(nvml: ModuleType, err: Any, doing: str) -> Exception:
    code = getattr(err, "value", None)
    if code == nvml.NVML_ERROR_LIBRARY_NOT_FOUND:
        return NvmlUnavailable(_LIBRARY_NOT_FOUND)
    if code == nvml.NVML_ERROR_DRIVER_NOT_LOADED:
        return NvmlUnavailable(
            "the NVIDIA driver is installed but not loaded (no kernel module); "
            "load it or reboot to use the GPU",
        )
    if code == nvml.NVML_ERROR_NO_PERMISSION:
        hint = "run edged as a user that may open /dev/nvidia* (the video group on most systems)"
    elif code == nvml.NVML_ERROR_LIB_RM_VERSION_MISMATCH:
        hint = "the driver was upgraded without a reboot; reboot the machine"
    else:
        hint = "check `nvidia-smi`; if it fails too, reinstall the driver or reboot"
    return HardwareError(
        f"NVML failed while {doing}: {err}. The NVIDIA driver is present but not usable, so "
        f"edged will not fall back to the CPU on its own: {hint}, then run "
        "`edged hw detect` again.",
    )


class FakeNvml:
    """An NVML stand-in for tests and dry runs; ``calls`` counts ``list_gpus`` calls."""

    def __init__(
        self,
        gpus: list[GpuFacts] | None = None,
        unavailable: str | None = None,
    ) -> None:
        self.gpus = list(gpus or [])
        self.unavailable = unavailable
        self.calls = 0

    def list_gpus(self) -> list[GpuFacts]:
        self.calls += 1
        if self.unavailable is not None:
            raise NvmlUnavailable(self.unavailable)
        return list(self.gpus)
