"""The memory arithmetic of a GPU plan: weights, KV cache per token, LoRA, the device memory the
plan may use, and the host RAM and swap a build needs. Figures marked ESTIMATE are sizes of things
edged does not control (CUDA context, TensorRT activations)."""

from __future__ import annotations

import math
from dataclasses import dataclass
from pathlib import Path

from pydantic import Field

from edged.backends import GpuRules
from edged.basemodel import StrictModel
from edged.engines.checkpoint import CheckpointInfo
from edged.engines.models import ModelGeometry
from edged.hardware.facts import HardwareFacts
from edged.hardware.profiles import Profile

GIB = 1024**3
MIB = 1024**2
KIB = 1024

# Bytes per weight of the quantizable projections, scales included. TensorRT-LLM's AWQ uses
# groups of 128 weights with one FP16 scale (QuantConfig.group_size = 128); onnxruntime-genai's
# int4 uses blocks of 32 with an FP16 scale (builder default int4_block_size = 32). FP8 and INT8
# weight-only carry per-tensor or per-channel scales, too small to count.
WEIGHT_BYTES: dict[str, float] = {
    "fp16": 2.0,
    "fp8": 1.0,
    "int8_wo": 1.0,
    "int4_awq": 0.5 + 2 / 128,
    "int8": 1.0 + 2 / 32,
    "int4": 0.5 + 2 / 32,
    "fp32": 4.0,
}
KV_ELEMENT_BYTES: dict[str, int] = {"fp16": 2, "fp8": 1, "int8": 1, "fp32": 4}


class HostMemory(StrictModel):
    """RAM and swap as /proc/meminfo reports them; builds are limited by these, not the GPU's."""

    mem_total_bytes: int = Field(ge=0)
    mem_available_bytes: int = Field(ge=0)
    swap_total_bytes: int = Field(ge=0)
    swap_free_bytes: int = Field(ge=0)


def gib(value: float) -> str:
    return f"{value / GIB:.2f} GiB"


def read_host_memory(root: Path = Path("/")) -> HostMemory | None:
    """MemTotal, MemAvailable and swap from <root>/proc/meminfo; None if it cannot be read."""
    try:
        text = (root / "proc" / "meminfo").read_text(errors="replace")
    except OSError:
        return None
    values: dict[str, int] = {}
    for line in text.splitlines():
        key, _, rest = line.partition(":")
        number = rest.strip().split(" ")[0]
        if number.isdigit():
            scale = KIB if rest.strip().lower().endswith("kb") else 1
            values[key.strip()] = int(number) * scale
    if "MemTotal" not in values:
        return None
    return HostMemory(
        mem_total_bytes=values["MemTotal"],
        mem_available_bytes=values.get("MemAvailable", values.get("MemFree", 0)),
        swap_total_bytes=values.get("SwapTotal", 0),
        swap_free_bytes=values.get("SwapFree", 0),
    )


def kv_bytes_per_token(geometry: ModelGeometry, dtype: str) -> int:
    return 2 * geometry.layers * geometry.kv_heads * geometry.head_dim * KV_ELEMENT_BYTES[dtype]


def weight_bytes(geometry: ModelGeometry, quantization: str) -> int:
    return int(geometry.linear_parameters * WEIGHT_BYTES[quantization] + geometry.embedding_parameters * 2)


def lora_bytes(geometry: ModelGeometry, slots: int, rank: int) -> int:
    """FP16 A and B matrices of every targeted projection (qkv, o, gate/up, down), per adapter."""
    q = geometry.attention_heads * geometry.head_dim
    kv = 2 * geometry.kv_heads * geometry.head_dim
    h, i = geometry.hidden_size, geometry.intermediate_size
    per_layer = rank * ((h + q + kv) + (q + h) + (h + 2 * i) + (i + h)) * 2
    return slots * geometry.layers * per_layer


def device_memory(profile: Profile, facts: HardwareFacts, on_target: bool) -> tuple[int, str]:
    gpu = facts.gpu()
    if on_target and gpu is not None:
        if gpu.memory_free_bytes is not None:
            return gpu.memory_free_bytes, f"free memory of this GPU ({gpu.name}) at detection"
        return gpu.memory_total_bytes, f"memory of this GPU ({gpu.name})"
    if on_target and facts.jetson is not None:
        return facts.jetson.memory_total_bytes, f"MemTotal of this {facts.jetson.model} (shared with the CPU)"
    nominal = profile.memory.nominal_gib or profile.match.min_memory_gib
    if nominal is None:
        return 0, f"profile {profile.name} gives no memory size (memory.nominal_gib)"
    return int(nominal * GIB), f"nominal memory of profile {profile.name} (not measured here)"


def build_peak(
    rules: GpuRules, geometry: ModelGeometry, quantization: str, info: CheckpointInfo,
) -> tuple[int, str]:
    """The RAM and swap a build takes at its peak, and how that was reckoned (ESTIMATE)."""
    fp16 = weight_bytes(geometry, "fp16")
    overhead = int(rules.build_overhead_gib * GIB)
    if info.kind == "onnx-genai":
        return 0, "copying a built ONNX model needs no conversion memory"
    if rules.build_memory == "export":
        return 2 * fp16 + overhead, (
            f"the ONNX builder holds the FP16 model and its export: 2 x {gib(fp16)} + {gib(overhead)}"
        )
    if info.kind == "hf-prequantized":
        quantized = weight_bytes(geometry, quantization)
        return 2 * quantized + overhead, (
            f"the quantized checkpoint and the engine built from it: 2 x {gib(quantized)} + {gib(overhead)}"
        )
    half = fp16 // 2
    return fp16 + half + overhead, (
        f"the FP16 checkpoint, the quantized copy TensorRT builds from and the builder: "
        f"{gib(fp16)} + {gib(half)} + {gib(overhead)}"
    )


@dataclass(frozen=True)
class DeviceMemory:
    """The device memory arithmetic: what the weights and buffers take, what the KV cache gets."""

    device: int
    reserve: int
    weights: int
    runtime: int
    activations: int
    lora: int
    free: int
    kv_budget: int
    kv_tokens: int
    kv_per_token: int
    lines: list[str]


def device_memory_plan(
    profile: Profile, facts: HardwareFacts, geometry: ModelGeometry, on_target: bool, rules: GpuRules,
) -> DeviceMemory:
    engine = profile.engine
    kv_per_token = kv_bytes_per_token(geometry, engine.kv_cache_dtype)
    device, device_how = device_memory(profile, facts, on_target)
    reserve = int(profile.memory.system_reserve_gib * GIB)
    weights = weight_bytes(geometry, engine.quantization)
    runtime = int(rules.runtime_reserve_gib * GIB)
    step = engine.max_num_tokens * (2 * geometry.intermediate_size + 4 * geometry.hidden_size) * 2
    logits = engine.max_batch_size * geometry.vocab_size * 4 * 2
    lora = lora_bytes(geometry, engine.lora_slots, engine.lora_max_rank)
    free = device - reserve - weights - runtime - step - logits - lora
    kv_budget = max(0, int(free * engine.kv_cache_fraction))
    element = KV_ELEMENT_BYTES[engine.kv_cache_dtype]
    lines = [
        f"device memory: {gib(device)} ({device_how})",
        f"- system reserve: {gib(reserve)} (profile memory.system_reserve_gib)",
        f"- weights: {gib(weights)} ({geometry.linear_parameters / 1e9:.2f} B projection weights x "
        f"{WEIGHT_BYTES[engine.quantization]:.3f} B ({engine.quantization}) + "
        f"{geometry.embedding_parameters / 1e9:.2f} B embedding/lm_head weights x 2 B)",
        f"- runtime: {gib(runtime)} (CUDA context and {engine.backend} buffers, ESTIMATE)",
        f"- activations: {gib(step)} ({engine.max_num_tokens} tokens per step x "
        f"(2 x {geometry.intermediate_size} + 4 x {geometry.hidden_size}) x 2 B, ESTIMATE)",
        f"- logits: {gib(logits)} ({engine.max_batch_size} sequences x {geometry.vocab_size} x 4 B, "
        "twice: sampling and the per-token log-probs)",
    ]
    if lora:
        lines.append(f"- LoRA: {gib(lora)} ({engine.lora_slots} adapters of rank {engine.lora_max_rank})")
    lines += [
        f"= free after load: {gib(free)}",
        f"KV cache per token: 2 (K,V) x {geometry.layers} layers x {geometry.kv_heads} KV heads x "
        f"{geometry.head_dim} x {element} B ({engine.kv_cache_dtype}) = {kv_per_token // KIB} KiB",
        f"KV cache: {engine.kv_cache_fraction} x {gib(max(free, 0))} = {gib(kv_budget)} = "
        f"{kv_budget // kv_per_token:,} tokens",
    ]
    return DeviceMemory(device=device, reserve=reserve, weights=weights, runtime=runtime,
                   activations=step + logits, lora=lora, free=free, kv_budget=kv_budget,
                   kv_tokens=kv_budget // kv_per_token, kv_per_token=kv_per_token, lines=lines)


def build_memory_check(
    facts: HardwareFacts, rules: GpuRules, host: HostMemory, peak: int, peak_how: str,
) -> tuple[str, str | None]:
    """(arithmetic line, problem or None) for the RAM and swap a build needs on this machine."""
    available = host.mem_available_bytes + host.swap_free_bytes
    line = (
        f"build memory: about {gib(peak)} ({peak_how}, ESTIMATE); available "
        f"{gib(host.mem_available_bytes)} RAM + {gib(host.swap_free_bytes)} free swap = {gib(available)}"
    )
    if available >= peak:
        return line, None
    short = math.ceil((peak - available) / GIB) + 1
    advice = (
        f"add at least {short} GiB of swap before building (sudo fallocate -l {short}G /swapfile "
        "&& sudo chmod 600 /swapfile && sudo mkswap /swapfile && sudo swapon /swapfile), stop "
        "other services, or build elsewhere"
    )
    advice += rules.low_memory_advice
    problem = f"the build needs about {gib(peak)} of RAM and swap but {gib(available)} is available: {advice}"
    if facts.kind == "jetson":
        problem += " (the OOM killer ends Jetson builds that run out)"
    return line, problem
