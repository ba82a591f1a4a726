"""The GPU build plan: weight format by GPU architecture, and the memory arithmetic behind the limits.

    inspect_checkpoint() -> CheckpointInfo  (reads config.json; refuses what cannot be built)
    plan_gpu()           -> GpuPlan         (pure: profile + facts + checkpoint + host memory)

Every number that decides something is written out in ``GpuPlan.arithmetic``, so a refusal shows
its sums. Figures marked ESTIMATE are sizes of things edged does not control (CUDA context,
TensorRT activations); the micro-benchmark after a build measures the real engine.
"""

from __future__ import annotations

import json
import math
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

from pydantic import Field

from edged.basemodel import StrictModel
from edged.engines.models import MODELS, ModelGeometry, ModelSpec
from edged.errors import CheckpointError
from edged.hardware.facts import HardwareFacts
from edged.hardware.profiles import Profile

GIB = 1024**3
MIB = 1024**2
KIB = 1024

# Ada (8.9) and Hopper (9.0) have FP8 tensor cores; TensorRT-LLM's INT4-AWQ (W4A16) kernels
# need Ampere (8.0) or newer. Orin's iGPU is SM 8.7 (Ampere).
FP8_MIN_SM = (8, 9)
AWQ_MIN_SM = (8, 0)

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
# TensorRT-LLM QuantAlgo names (tensorrt_llm/quantization/mode.py) for each profile format.
TRTLLM_QUANT_ALGO: dict[str, str | None] = {
    "int4_awq": "W4A16_AWQ", "int8_wo": "W8A16", "fp8": "FP8", "fp16": None,
}
TRTLLM_KV_ALGO: dict[str, str | None] = {"fp8": "FP8", "int8": "INT8", "fp16": None}

# ESTIMATES. CUDA context, cuBLAS/cuDNN workspaces and the runtime's own buffers: TensorRT-LLM's
# executor keeps decoder and sampling buffers per batch slot; ONNX Runtime's CUDA EP less.
RUNTIME_RESERVE_BYTES = {"trtllm": int(1.0 * GIB), "onnx-genai-cuda": int(0.6 * GIB)}
# Formats whose scales TensorRT-LLM's quantizer (TensorRT Model Optimizer) calibrates on sample
# text; INT8 weight-only needs none. The LLM API would fetch cnn_dailymail from the Hugging Face
# hub; edged never downloads, so the text must lie in the checkpoint folder.
CALIBRATED_WEIGHTS = ("int4_awq", "fp8")
CALIBRATED_KV = ("fp8", "int8")
CALIBRATION_DIR = "calibration"
# A sequence must leave room for at least this many answer tokens after a full prompt.
MIN_ANSWER_TOKENS = 256
# ESTIMATE: TensorRT's builder workspace and the quantizer's calibration buffers on top of the
# weights it holds; the ONNX builder's export graph.
BUILD_OVERHEAD_BYTES = {"trtllm": 2 * GIB, "onnx-genai-cuda": 1 * GIB}

GpuBackend = Literal["trtllm", "onnx-genai-cuda"]
CheckpointKind = Literal["hf", "hf-prequantized", "onnx-genai"]


class HostMemory(StrictModel):
    """RAM and swap as /proc/meminfo reports them; builds are limited by these, not the GPU's."""

    mem_total_bytes: int = Field(ge=0)
    mem_available_bytes: int = Field(ge=0)
    swap_total_bytes: int = Field(ge=0)
    swap_free_bytes: int = Field(ge=0)


class CheckpointInfo(StrictModel):
    kind: CheckpointKind = Field(description="hf: a Hugging Face folder; hf-prequantized: one "
                                 "with quantized weights; onnx-genai: an already built ONNX model.")
    architecture: str | None
    max_position_embeddings: int | None
    quantized_as: str | None = Field(description="The checkpoint's own weight format, if quantized.")
    geometry_source: Literal["config.json", "model spec"]
    notes: list[str]


class GpuPlan(StrictModel):
    """What a GPU build will use and why; refusals say what to change."""

    backend: str
    on_target: bool = Field(description="True when the memory figures are this machine's.")
    target: str = Field(description="Whose memory the arithmetic uses.")
    compute_capability: str | None
    quantization: str
    recommended_quantization: str = Field(description="What this GPU architecture calls for.")
    trtllm_quant_algo: str | None
    kv_cache_dtype: str
    trtllm_kv_cache_quant_algo: str | None
    checkpoint_kind: CheckpointKind
    calibration_dataset: str | None = Field(
        description="Local dataset folder TensorRT-LLM calibrates the quantization scales on.")
    kv_bytes_per_token: int
    device_memory_bytes: int
    system_reserve_bytes: int
    weights_bytes: int
    runtime_reserve_bytes: int
    activations_bytes: int
    lora_bytes: int
    free_after_load_bytes: int
    kv_cache_fraction: float
    kv_cache_bytes: int
    kv_cache_tokens: int
    full_length_sequences: int
    max_batch_size: int
    max_input_len: int
    max_seq_len: int
    max_num_tokens: int
    chunked_context: bool
    lora_slots: int
    lora_max_rank: int
    build_peak_bytes: int
    host_memory: HostMemory | None
    arithmetic: list[str]
    notes: list[str]
    refusals: list[str]


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


# -- the checkpoint ----------------------------------------------------------------------------


def _load_json(path: Path) -> dict[str, object]:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise CheckpointError(
            f"{path} cannot be read as JSON ({exc}). The checkpoint is damaged: copy it again "
            "from the source you were given.",
        ) from None
    if not isinstance(data, dict):
        raise CheckpointError(f"{path} is not a JSON object. The checkpoint is damaged: copy it again.")
    return data


def _int(data: dict[str, object], key: str) -> int | None:
    value = data.get(key)
    return value if isinstance(value, int) and not isinstance(value, bool) else None


def checkpoint_geometry(config: dict[str, object], fallback: ModelGeometry) -> ModelGeometry:
    """The model's shapes from its config.json, each missing key taken from the model spec."""
    heads = _int(config, "num_attention_heads") or fallback.attention_heads
    hidden = _int(config, "hidden_size") or fallback.hidden_size
    architectures = config.get("architectures")
    architecture = (
        str(architectures[0]) if isinstance(architectures, list) and architectures else fallback.architecture
    )
    tied = config.get("tie_word_embeddings")
    return ModelGeometry(
        architecture=architecture,
        layers=_int(config, "num_hidden_layers") or fallback.layers,
        hidden_size=hidden,
        attention_heads=heads,
        kv_heads=_int(config, "num_key_value_heads") or heads,
        head_dim=_int(config, "head_dim") or hidden // heads,
        intermediate_size=_int(config, "intermediate_size") or fallback.intermediate_size,
        vocab_size=_int(config, "vocab_size") or fallback.vocab_size,
        tied_embeddings=tied if isinstance(tied, bool) else fallback.tied_embeddings,
    )


def _prequantized_as(folder: Path, config: dict[str, object]) -> str | None:
    """The weight format a checkpoint was already quantized to, as a lowercase name."""
    modelopt = folder / "hf_quant_config.json"  # written by TensorRT Model Optimizer
    if modelopt.is_file():
        section = _load_json(modelopt).get("quantization")
        if isinstance(section, dict) and section.get("quant_algo"):
            return str(section["quant_algo"]).lower()
    quant = config.get("quantization_config")
    if isinstance(quant, dict) and quant.get("quant_method"):
        return str(quant["quant_method"]).lower()
    return None


def inspect_checkpoint(
    path: Path, spec: ModelSpec, backend: GpuBackend,
) -> tuple[CheckpointInfo, ModelGeometry]:
    """Check that ``path`` is a checkpoint of ``spec`` that ``backend`` can build from."""
    if spec.geometry is None:
        raise CheckpointError(f"Model {spec.model_id} has no GPU build recipe in this edged.",
                              code="unknown_model")
    if path.is_file():
        raise CheckpointError(
            f"{path} is a file; the {backend} backend builds from a Hugging Face checkpoint "
            "folder (config.json, *.safetensors and the tokenizer files). Pass that folder with "
            "--checkpoint.",
        )
    if (path / "genai_config.json").is_file():
        if backend != "onnx-genai-cuda":
            raise CheckpointError(
                f"{path} is an ONNX Runtime GenAI model, which TensorRT-LLM cannot build from. "
                "Pass the original Hugging Face checkpoint folder with --checkpoint.",
            )
        genai = _load_json(path / "genai_config.json")
        info = CheckpointInfo(kind="onnx-genai", architecture=None, max_position_embeddings=None,
                              quantized_as=None, geometry_source="model spec",
                              notes=["the checkpoint is an ONNX Runtime GenAI model: it is copied, "
                                     "not converted"])
        _check_genai_provider(path, genai)
        return info, spec.geometry
    config_path = path / "config.json"
    if not config_path.is_file():
        raise CheckpointError(
            f"{path} has no config.json, so it is not a Hugging Face checkpoint folder. Pass the "
            "folder that holds config.json, the *.safetensors weights and the tokenizer files "
            f"of {spec.description}.",
        )
    config = _load_json(config_path)
    geometry = checkpoint_geometry(config, spec.geometry)
    notes = []
    architectures = config.get("architectures")
    architecture = str(architectures[0]) if isinstance(architectures, list) and architectures else None
    if architecture is None:
        notes.append(f"config.json names no architecture; assuming {spec.geometry.architecture}")
    elif architecture != spec.geometry.architecture:
        raise CheckpointError(
            f"{config_path} describes a {architecture} model, not {spec.geometry.architecture} "
            f"({spec.model_id}). Pass the checkpoint of {spec.description}, or the --model it "
            "belongs to.",
        )
    positions = _int(config, "max_position_embeddings")
    if positions is not None and positions != spec.context_length:
        other = sorted(m.model_id for m in MODELS.values()
                       if m.context_length == positions and m.geometry is not None
                       and m.geometry.architecture == spec.geometry.architecture)
        fix = f"pass --model {other[0]}" if other else "pass the checkpoint this model id names"
        raise CheckpointError(
            f"{config_path} has a context of {positions} tokens but model {spec.model_id} has "
            f"{spec.context_length}: it is another variant. {fix[0].upper()}{fix[1:]}.",
        )
    quantized = _prequantized_as(path, config)
    kind: CheckpointKind = "hf-prequantized" if quantized else "hf"
    if geometry != spec.geometry:
        notes.append("config.json's shapes differ from the model spec's; the plan uses config.json's")
    return CheckpointInfo(kind=kind, architecture=architecture, max_position_embeddings=positions,
                          quantized_as=quantized, geometry_source="config.json", notes=notes), geometry


def _check_genai_provider(path: Path, genai: dict[str, object]) -> None:
    text = json.dumps(genai.get("model", {})).lower()
    if '"cuda"' not in text:
        raise CheckpointError(
            f"{path}/genai_config.json was built for another execution provider (no CUDA "
            "provider options). Pass the CUDA build (e.g. the cuda-int4 folder of the published "
            "ONNX model) or the Hugging Face checkpoint, which edged converts with -e cuda.",
        )


# -- quantization -----------------------------------------------------------------------------


def architecture_quantization(sm: tuple[int, int], backend: str) -> tuple[str, str]:
    """(weight format, KV cache dtype) this architecture calls for."""
    if backend == "onnx-genai-cuda":
        return "int4", "fp16"
    if sm >= FP8_MIN_SM:
        return "fp8", "fp8"
    if sm >= AWQ_MIN_SM:
        return "int4_awq", "fp16"
    return "fp16", "fp16"


def _profile_sm(profile: Profile, facts: HardwareFacts, on_target: bool) -> tuple[int, int] | None:
    gpu = facts.gpu()
    if on_target and gpu is not None:
        return gpu.compute_capability
    if profile.match.kind == "jetson":
        return (8, 7)  # every Orin module's iGPU
    ccs = sorted(tuple(int(p) for p in cc.split(".")) for cc in profile.match.compute_capabilities)
    return (ccs[0][0], ccs[0][1]) if ccs else None


def _weight_format_refusals(
    quantization: str, kv_dtype: str, *, sm: tuple[int, int] | None, spec: ModelSpec,
    where: str, info: CheckpointInfo,
) -> list[str]:
    refusals = []
    if sm is not None and sm < FP8_MIN_SM:
        for what, value in (("weights", quantization), ("KV cache", kv_dtype)):
            if value == "fp8":
                refusals.append(
                    f"FP8 {what} need an Ada or Hopper GPU (SM 8.9+), but {where} is SM "
                    f"{sm[0]}.{sm[1]}: use int4_awq or int8_wo weights with an fp16 or int8 KV "
                    "cache (the a100 and Jetson profiles show how)",
                )
    if quantization == "int4_awq":
        if not spec.awq_available:
            refusals.append(
                f"INT4-AWQ is not available for {spec.model_id}: set quantization = 'int8_wo' "
                "or 'fp16' in the profile",
            )
        if sm is not None and sm < AWQ_MIN_SM:
            refusals.append(
                f"INT4-AWQ kernels need SM 8.0+ but {where} is SM {sm[0]}.{sm[1]}: use fp16",
            )
    quantized = info.quantized_as
    if quantized is not None:
        if "awq" in quantized and not spec.awq_available:
            refusals.append(
                f"the checkpoint holds AWQ weights, but {spec.model_id} has no AWQ build: pass "
                "its unquantized Hugging Face checkpoint",
            )
        wanted = {"int4_awq": "awq", "fp8": "fp8", "int8_wo": "w8a16", "fp16": None}.get(quantization)
        if wanted is None or wanted not in quantized:
            refusals.append(
                f"the checkpoint is already quantized ({quantized}) but the profile asks for "
                f"{quantization}: pass the unquantized checkpoint, or a profile whose "
                "quantization matches it",
            )
    return refusals


# -- the plan ---------------------------------------------------------------------------------


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


def _on_target(profile: Profile, facts: HardwareFacts) -> bool:
    if profile.match.kind == "gpu":
        return facts.kind == "gpu" and facts.gpu() is not None
    return profile.match.kind == "jetson" and facts.kind == "jetson" and facts.jetson is not None


def _device_memory(profile: Profile, facts: HardwareFacts, on_target: bool) -> tuple[int, str]:
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


def _build_peak(
    backend: str, geometry: ModelGeometry, quantization: str, info: CheckpointInfo,
) -> tuple[int, str]:
    fp16 = weight_bytes(geometry, "fp16")
    overhead = BUILD_OVERHEAD_BYTES.get(backend, GIB)
    if info.kind == "onnx-genai":
        return 0, "copying a built ONNX model needs no conversion memory"
    if backend == "onnx-genai-cuda":
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
class _Memory:
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


def _memory(profile: Profile, facts: HardwareFacts, geometry: ModelGeometry, on_target: bool) -> _Memory:
    engine = profile.engine
    kv_per_token = kv_bytes_per_token(geometry, engine.kv_cache_dtype)
    device, device_how = _device_memory(profile, facts, on_target)
    reserve = int(profile.memory.system_reserve_gib * GIB)
    weights = weight_bytes(geometry, engine.quantization)
    runtime = RUNTIME_RESERVE_BYTES[engine.backend]
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
    return _Memory(device=device, reserve=reserve, weights=weights, runtime=runtime,
                   activations=step + logits, lora=lora, free=free, kv_budget=kv_budget,
                   kv_tokens=kv_budget // kv_per_token, kv_per_token=kv_per_token, lines=lines)


@dataclass(frozen=True)
class _Limits:
    max_seq_len: int
    max_input_len: int
    max_batch_size: int
    full_sequences: int


def _limits(profile: Profile, spec: ModelSpec, memory: _Memory, notes: list[str],
            refusals: list[str]) -> _Limits:
    """Sequence and batch limits that fit the KV cache; appends what it capped or refused."""
    engine = profile.engine
    requested = min(engine.max_seq_len, spec.context_length)
    if requested < engine.max_seq_len:
        notes.append(f"max_seq_len capped at the model's context of {spec.context_length} tokens")
    one = min(requested, engine.max_input_len + MIN_ANSWER_TOKENS)
    max_seq_len, kv_tokens, free = requested, memory.kv_tokens, memory.free
    if free <= 0:
        refusals.append(
            f"the weights do not fit: {gib(memory.device)} - {gib(memory.reserve)} reserve - "
            f"{gib(memory.weights)} weights - {gib(memory.runtime)} runtime - "
            f"{gib(memory.activations + memory.lora)} buffers = {gib(free)}. Use a smaller weight "
            "format (int4_awq/int4), lower max_num_tokens or max_batch_size, or larger hardware",
        )
    elif kv_tokens < one:
        refusals.append(
            f"one sequence does not fit: it needs {one} tokens x {memory.kv_per_token // KIB} KiB = "
            f"{gib(one * memory.kv_per_token)} of KV cache, but {engine.kv_cache_fraction} x "
            f"{gib(free)} leaves {gib(memory.kv_budget)} ({kv_tokens} tokens). Lower max_input_len, "
            "use an fp8/int8 KV cache where the GPU has one, raise kv_cache_fraction or free memory",
        )
    elif kv_tokens < requested:
        max_seq_len = kv_tokens
        notes.append(f"max_seq_len capped from {requested} to {kv_tokens} tokens so that one "
                     "sequence fits the KV cache")
    full = kv_tokens // max_seq_len if max_seq_len else 0
    max_batch = engine.max_batch_size
    if engine.backend == "onnx-genai-cuda" and full < max_batch and not refusals:
        notes.append(
            f"max_batch_size lowered from {max_batch} to {max(full, 1)}: ONNX Runtime GenAI "
            "allocates the KV cache of every batch row for the whole sequence "
            f"({max_seq_len} tokens) up front",
        )
        max_batch = max(full, 1)
    return _Limits(max_seq_len=max_seq_len, max_input_len=min(engine.max_input_len, max_seq_len - 1),
                   max_batch_size=max_batch, full_sequences=full)


def _build_memory_check(
    facts: HardwareFacts, backend: str, host: HostMemory, peak: int, peak_how: str,
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
    if backend == "onnx-genai-cuda":
        advice += " and pass the built ONNX folder (genai_config.json) as --checkpoint"
    problem = f"the build needs about {gib(peak)} of RAM and swap but {gib(available)} is available: {advice}"
    if facts.kind == "jetson":
        problem += " (the OOM killer ends Jetson builds that run out)"
    return line, problem


def _calibration(
    quantization: str, kv_dtype: str, checkpoint: Path, info: CheckpointInfo, refusals: list[str],
) -> str | None:
    """The calibration dataset a TensorRT-LLM quantizing build needs, or a refusal saying so."""
    if info.kind != "hf" or (quantization not in CALIBRATED_WEIGHTS and kv_dtype not in CALIBRATED_KV):
        return None
    folder = checkpoint / CALIBRATION_DIR
    if folder.is_dir():
        return str(folder)
    refusals.append(
        f"quantizing to {quantization} weights with a {kv_dtype} KV cache calibrates on sample text, "
        f"and edged never downloads it: save a calibration dataset (a Hugging Face datasets "
        f"folder such as cnn_dailymail, as TensorRT-LLM's CalibConfig reads) at {folder}, or pass "
        "a checkpoint already quantized by TensorRT Model Optimizer (with hf_quant_config.json)",
    )
    return None


def plan_gpu(
    profile: Profile,
    facts: HardwareFacts,
    spec: ModelSpec,
    checkpoint: Path,
    host: HostMemory | None,
) -> GpuPlan:
    """The plan for ``profile``'s GPU backend; ``host`` is this machine's RAM (None: unknown)."""
    engine = profile.engine
    backend = engine.backend
    if backend not in ("trtllm", "onnx-genai-cuda"):
        raise ValueError(f"plan_gpu plans GPU backends, not {backend!r}")
    info, geometry = inspect_checkpoint(checkpoint, spec, backend)
    on_target = _on_target(profile, facts)
    sm = _profile_sm(profile, facts, on_target)
    gpu_facts = facts.gpu()
    where = f"this GPU ({gpu_facts.name})" if on_target and gpu_facts else f"profile {profile.name}'s GPU"
    recommended, recommended_kv = architecture_quantization(sm or AWQ_MIN_SM, backend)
    notes = list(info.notes)
    refusals = _weight_format_refusals(engine.quantization, engine.kv_cache_dtype, sm=sm, spec=spec,
                                       where=where, info=info)
    if backend == "trtllm" and sm is not None:
        if engine.quantization != recommended:
            notes.append(f"SM {sm[0]}.{sm[1]} calls for {recommended} weights; the profile asks for "
                         f"{engine.quantization}")
        if recommended_kv == "fp8" and engine.kv_cache_dtype == "fp16":
            notes.append("this GPU has FP8: kv_cache_dtype = 'fp8' would double the KV cache")
    if backend == "trtllm" and profile.match.kind == "jetson":
        notes.append(
            "TensorRT-LLM runs on Jetson only from its v0.12.0-jetson branch (JetPack 6.1, AGX "
            "Orin); edged's trtllm extra is the x86_64 release, so install that build on the device",
        )
    calibration = None
    if backend == "trtllm":
        calibration = _calibration(engine.quantization, engine.kv_cache_dtype, checkpoint, info, refusals)
    memory = _memory(profile, facts, geometry, on_target)
    arithmetic = list(memory.lines)
    limits = _limits(profile, spec, memory, notes, refusals)
    arithmetic.append(
        f"full-length sequences at once: {memory.kv_tokens:,} // {limits.max_seq_len} = "
        f"{limits.full_sequences}"
        + ("; shorter ones share the paged cache up to max_batch_size" if backend == "trtllm" else ""),
    )
    peak, peak_how = _build_peak(backend, geometry, engine.quantization, info)
    if host is not None and peak and on_target:
        line, problem = _build_memory_check(facts, backend, host, peak, peak_how)
        arithmetic.append(line)
        if problem is not None:
            (refusals if facts.kind == "jetson" else notes).append(problem)
    return GpuPlan(
        backend=backend,
        on_target=on_target,
        target=_device_memory(profile, facts, on_target)[1],
        compute_capability=f"{sm[0]}.{sm[1]}" if sm else None,
        quantization=engine.quantization,
        recommended_quantization=recommended,
        trtllm_quant_algo=TRTLLM_QUANT_ALGO.get(engine.quantization) if backend == "trtllm" else None,
        kv_cache_dtype=engine.kv_cache_dtype,
        trtllm_kv_cache_quant_algo=TRTLLM_KV_ALGO.get(engine.kv_cache_dtype) if backend == "trtllm" else None,
        checkpoint_kind=info.kind,
        calibration_dataset=calibration,
        kv_bytes_per_token=memory.kv_per_token,
        device_memory_bytes=memory.device,
        system_reserve_bytes=memory.reserve,
        weights_bytes=memory.weights,
        runtime_reserve_bytes=memory.runtime,
        activations_bytes=memory.activations,
        lora_bytes=memory.lora,
        free_after_load_bytes=memory.free,
        kv_cache_fraction=engine.kv_cache_fraction,
        kv_cache_bytes=memory.kv_budget,
        kv_cache_tokens=memory.kv_tokens,
        full_length_sequences=limits.full_sequences,
        max_batch_size=limits.max_batch_size,
        max_input_len=limits.max_input_len,
        max_seq_len=limits.max_seq_len,
        max_num_tokens=engine.max_num_tokens,
        chunked_context=engine.chunked_context,
        lora_slots=engine.lora_slots,
        lora_max_rank=engine.lora_max_rank,
        build_peak_bytes=peak,
        host_memory=host if on_target else None,
        arithmetic=arithmetic,
        notes=notes,
        refusals=refusals,
    )
