"""The NVML seam: the real one against this machine and against a scripted pynvml module."""

from __future__ import annotations

import ctypes.util
import importlib.util
import sys
import types
from collections.abc import Callable
from typing import Any

import pytest

from edged.errors import HardwareError
from edged.hardware.facts import GpuFacts
from edged.hardware.nvml import FakeNvml, NvmlUnavailable, PynvmlSeam

LIBRARY_NOT_FOUND = "NVML library not found: no NVIDIA driver is installed"


def test_real_pynvml_without_a_driver() -> None:
    if importlib.util.find_spec("pynvml") is None:
        pytest.skip("nvidia-ml-py is not installed")
    if ctypes.util.find_library("nvidia-ml") is not None:
        pytest.skip("this machine has an NVIDIA driver")
    with pytest.raises(NvmlUnavailable) as caught:
        PynvmlSeam().list_gpus()
    assert caught.value.reason == LIBRARY_NOT_FOUND


class _Memory:
    def __init__(self, total: int, free: int) -> None:
        self.total = total
        self.free = free


def _fake_pynvml(
    *,
    init_error: int | None = None,
    memory_error: int | None = None,
    name: Any = b"NVIDIA H100 80GB HBM3",
) -> types.ModuleType:
    """A pynvml stand-in with the error classes and calls PynvmlSeam uses."""
    module = types.ModuleType("pynvml")

    class NVMLError(Exception):
        def __init__(self, value: int) -> None:
            super().__init__(f"NVML error {value}")
            self.value = value

    def check(code: int | None) -> None:
        if code is not None:
            raise NVMLError(code)

    calls: list[str] = []

    def init() -> None:
        calls.append("init")
        check(init_error)

    def memory(handle: int) -> _Memory:
        check(memory_error)
        return _Memory(80 * 1024**3, 70 * 1024**3)

    attrs: dict[str, Any] = {
        "NVMLError": NVMLError,
        "NVML_ERROR_NOT_SUPPORTED": 3,
        "NVML_ERROR_NO_PERMISSION": 4,
        "NVML_ERROR_DRIVER_NOT_LOADED": 9,
        "NVML_ERROR_LIBRARY_NOT_FOUND": 12,
        "NVML_ERROR_LIB_RM_VERSION_MISMATCH": 18,
        "calls": calls,
        "nvmlInit": init,
        "nvmlShutdown": lambda: calls.append("shutdown"),
        "nvmlSystemGetDriverVersion": lambda: "550.54.15",
        "nvmlSystemGetCudaDriverVersion": lambda: 12040,
        "nvmlDeviceGetCount": lambda: 2,
        "nvmlDeviceGetHandleByIndex": lambda index: index,
        "nvmlDeviceGetName": lambda _handle: name,
        "nvmlDeviceGetCudaComputeCapability": lambda _handle: (9, 0),
        "nvmlDeviceGetMemoryInfo": memory,
    }
    for key, value in attrs.items():
        setattr(module, key, value)
    return module


@pytest.fixture
def use_pynvml(monkeypatch: pytest.MonkeyPatch) -> Callable[[types.ModuleType | None], None]:
    def install(module: types.ModuleType | None) -> None:
        monkeypatch.setitem(sys.modules, "pynvml", module)

    return install


def test_gpus_are_listed(use_pynvml: Callable[[types.ModuleType | None], None]) -> None:
    fake = _fake_pynvml()
    use_pynvml(fake)
    gpus = PynvmlSeam().list_gpus()
    assert [g.index for g in gpus] == [0, 1]
    assert gpus[0] == GpuFacts(
        index=0,
        name="NVIDIA H100 80GB HBM3",
        compute_capability=(9, 0),
        memory_total_bytes=80 * 1024**3,
        memory_free_bytes=70 * 1024**3,
        driver_version="550.54.15",
        cuda_driver_version="12.4",
    )
    assert fake.calls == ["init", "shutdown"]


def test_str_names_are_accepted(use_pynvml: Callable[[types.ModuleType | None], None]) -> None:
    use_pynvml(_fake_pynvml(name="NVIDIA L4"))
    assert PynvmlSeam().list_gpus()[0].name == "NVIDIA L4"


def test_library_not_found(use_pynvml: Callable[[types.ModuleType | None], None]) -> None:
    fake = _fake_pynvml(init_error=12)
    use_pynvml(fake)
    with pytest.raises(NvmlUnavailable) as caught:
        PynvmlSeam().list_gpus()
    assert caught.value.reason == LIBRARY_NOT_FOUND
    assert fake.calls == ["init"]  # nothing to shut down when init failed


def test_driver_not_loaded(use_pynvml: Callable[[types.ModuleType | None], None]) -> None:
    use_pynvml(_fake_pynvml(init_error=9))
    with pytest.raises(NvmlUnavailable, match="not loaded"):
        PynvmlSeam().list_gpus()


@pytest.mark.parametrize(("code", "hint"), [(18, "reboot the machine"), (4, "video group")])
def test_broken_driver_is_a_hardware_error(
    use_pynvml: Callable[[types.ModuleType | None], None],
    code: int,
    hint: str,
) -> None:
    use_pynvml(_fake_pynvml(init_error=code))
    with pytest.raises(HardwareError) as caught:
        PynvmlSeam().list_gpus()
    assert hint in caught.value.message
    assert "will not fall back to the CPU" in caught.value.message


def test_unsupported_memory_reads_zero(
    use_pynvml: Callable[[types.ModuleType | None], None],
) -> None:
    use_pynvml(_fake_pynvml(memory_error=3))
    gpu = PynvmlSeam().list_gpus()[0]
    assert gpu.memory_total_bytes == 0
    assert gpu.memory_free_bytes is None


def test_query_failure_still_shuts_down(
    use_pynvml: Callable[[types.ModuleType | None], None],
) -> None:
    fake = _fake_pynvml(memory_error=999)
    use_pynvml(fake)
    with pytest.raises(HardwareError, match="querying the GPUs"):
        PynvmlSeam().list_gpus()
    assert fake.calls == ["init", "shutdown"]


def test_missing_package(use_pynvml: Callable[[types.ModuleType | None], None]) -> None:
    use_pynvml(None)  # makes `import pynvml` raise ImportError
    with pytest.raises(NvmlUnavailable, match="nvidia-ml-py is not installed"):
        PynvmlSeam().list_gpus()


def test_fake_nvml() -> None:
    gpu = GpuFacts(index=0, name="x", compute_capability=(8, 0), memory_total_bytes=1)
    fake = FakeNvml(gpus=[gpu])
    assert fake.list_gpus() == [gpu]
    assert fake.calls == 1
    broken = FakeNvml(unavailable="no driver")
    with pytest.raises(NvmlUnavailable, match="no driver"):
        broken.list_gpus()
    assert broken.calls == 1
