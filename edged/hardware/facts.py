"""What detection found on this machine: plain data, no I/O.

``detect.py`` fills these models; ``match.py`` and the engine fingerprint read them.
"""

from __future__ import annotations

from typing import Literal

from pydantic import Field

from edged.basemodel import StrictModel


class GpuFacts(StrictModel):
    """One discrete NVIDIA GPU as NVML reports it."""

    index: int = Field(ge=0, description="NVML device index (0 is the GPU edged runs on).")
    name: str = Field(description="NVML product name, e.g. 'NVIDIA H100 80GB HBM3'.")
    compute_capability: tuple[int, int] = Field(
        description="CUDA compute capability (SM version), e.g. (9, 0) for Hopper.",
    )
    memory_total_bytes: int = Field(
        ge=0,
        description=(
            "Framebuffer memory in bytes; 0 where NVML reports it as unsupported (unified-memory GPUs)."
        ),
    )
    memory_free_bytes: int | None = Field(
        default=None,
        ge=0,
        description="Free framebuffer memory in bytes at detection time, if NVML reports it.",
    )
    driver_version: str | None = Field(
        default=None,
        description="NVIDIA kernel driver version, e.g. '550.54.15'.",
    )
    cuda_driver_version: str | None = Field(
        default=None,
        description="Newest CUDA version the driver supports, e.g. '12.4'.",
    )


class JetsonFacts(StrictModel):
    """A Jetson module, recognised by its device tree (Jetson has no NVML)."""

    model: str = Field(
        description="/proc/device-tree/model without the trailing NUL, "
        "e.g. 'NVIDIA Jetson AGX Orin Developer Kit'.",
    )
    compatible: list[str] = Field(
        description="/proc/device-tree/compatible split on NUL, board first, SoC last, e.g. "
        "['nvidia,p3737-0000+p3701-0005', 'nvidia,p3701-0005', 'nvidia,tegra234'].",
    )
    l4t_release: str | None = Field(
        default=None,
        description="Jetson Linux (L4T) release from /etc/nv_tegra_release, e.g. '36.4.0'; "
        "None if that file is missing.",
    )
    memory_total_bytes: int = Field(
        ge=0,
        description="MemTotal from /proc/meminfo in bytes: the integrated GPU shares system RAM.",
    )


class CpuFacts(StrictModel):
    """The host CPU and its RAM."""

    arch: str = Field(description="Normalised machine architecture: 'x86_64' or 'aarch64'.")
    model: str | None = Field(
        default=None,
        description="'model name' from /proc/cpuinfo (x86); None where the kernel omits it.",
    )
    cores: int = Field(ge=1, description="Logical CPUs listed in /proc/cpuinfo.")
    memory_total_bytes: int = Field(ge=0, description="MemTotal from /proc/meminfo in bytes.")


class HardwareFacts(StrictModel):
    """Everything detection found; ``kind`` says which accelerator edged can use."""

    kind: Literal["jetson", "gpu", "cpu"] = Field(
        description="'jetson' (integrated Orin GPU), 'gpu' (NVIDIA GPU seen through NVML) "
        "or 'cpu' (no usable GPU).",
    )
    cpu: CpuFacts = Field(description="The host CPU; present on every machine.")
    jetson: JetsonFacts | None = Field(
        default=None,
        description="The Jetson module when kind is 'jetson', else None.",
    )
    gpus: list[GpuFacts] = Field(
        default_factory=list,
        description="GPUs NVML listed, in NVML order; empty on Jetson and CPU-only machines.",
    )
    nvml_status: str = Field(
        description="'ok' when NVML was queried, otherwise why it was not used.",
    )

    def gpu(self) -> GpuFacts | None:
        """The GPU edged runs on (the first one), or None."""
        return self.gpus[0] if self.gpus else None
