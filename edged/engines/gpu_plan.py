"""The GPU build plan: weight format by GPU architecture, and the limits the memory allows.

    plan_gpu() -> GpuPlan  (pure: profile + facts + checkpoint + host memory)

What differs between backends (recommended formats, calibration, KV-cache batching, memory
reserves, guidance) is asked of the backend's ``edged.backends.GpuRules``; the checkpoint is read
by ``edged.engines.checkpoint`` and the memory sums are ``edged.engines.gpu_memory``'s. Every
number that decides something is written out in ``GpuPlan.arithmetic``, so a refusal shows its
sums; the micro-benchmark after a build measures the real engine.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import TypedDict

from pydantic import Field

from edged.backends import BackendSpec, GpuRules, backend_spec
from edged.basemodel import StrictModel
from edged.engines.calibration import CALIBRATION_DIR, inspect_calibration
from edged.engines.checkpoint import CheckpointInfo, CheckpointKind, inspect_checkpoint, planned_checkpoint
from edged.engines.gpu_memory import (
    GIB,
    KIB,
    DeviceMemory,
    HostMemory,
    build_memory_check,
    build_peak,
    device_memory,
    device_memory_plan,
    gib,
    read_host_memory,
)
from edged.engines.models import ModelSpec
from edged.hardware.facts import HardwareFacts
from edged.hardware.profiles import EngineSettings, Profile

__all__ = ["GIB", "GpuPlan", "HostMemory", "plan_gpu", "read_host_memory"]

# Hardware facts, whatever the backend: Ada (8.9) and Hopper (9.0) have FP8 tensor cores; INT4-AWQ
# (W4A16) kernels need Ampere (8.0) or newer. Orin's iGPU is SM 8.7 (Ampere).
FP8_MIN_SM = (8, 9)
AWQ_MIN_SM = (8, 0)
# A sequence must leave room for at least this many answer tokens after a full prompt.
MIN_ANSWER_TOKENS = 256


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
    calibration_rows: int | None = Field(default=None, description="Rows of its train.jsonl.")
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
    still_needed: list[str] = Field(
        default_factory=list, description="What a real build needs that this plan went without.")

# -- quantization -----------------------------------------------------------------------------


def recommended_formats(rules: GpuRules, sm: tuple[int, int], architecture: str) -> tuple[str, str]:
    """(weight format, KV cache dtype) this GPU architecture calls for with this backend, among
    the formats its support matrix lists for the model's architecture."""
    listed = rules.listed_weight_formats.get(architecture)
    for rule in rules.recommended:
        if sm >= rule.min_sm and (listed is None or rule.weights in listed):
            return rule.weights, rule.kv_cache
    return "fp16", "fp16"


def _matrix_refusals(rules: GpuRules, engine: EngineSettings, architecture: str, title: str) -> list[str]:
    """Formats the backend's support matrix does not list, and KV caches it cannot calibrate."""
    refusals = []
    listed = rules.listed_weight_formats.get(architecture)
    if listed is not None and engine.quantization not in listed and not engine.unlisted_quantization:
        refusals.append(
            f"{title}'s support matrix does not list {engine.quantization} weights for "
            f"{architecture} (it lists {', '.join(listed)}): set quantization to one of those, or "
            "set unlisted_quantization = true in the profile's [engine] to build it anyway",
        )
    allowed = rules.kv_cache_weight_formats.get(engine.kv_cache_dtype)
    if allowed is not None and engine.quantization not in allowed:
        refusals.append(
            f"a {engine.kv_cache_dtype} KV cache with {engine.quantization} weights: "
            f"{rules.kv_cache_weight_reason}. Use kv_cache_dtype = 'fp16', or "
            f"{' or '.join(allowed)} weights with a {engine.kv_cache_dtype} KV cache",
        )
    return refusals


@dataclass(frozen=True)
class _Target:
    """Whose GPU the plan is for: this machine's, or the profile's (from its match rule)."""

    on_target: bool
    sm: tuple[int, int] | None
    where: str


def _target(profile: Profile, facts: HardwareFacts) -> _Target:
    on_target = _on_target(profile, facts)
    gpu = facts.gpu()
    where = f"this GPU ({gpu.name})" if on_target and gpu else f"profile {profile.name}'s GPU"
    return _Target(on_target=on_target, sm=_profile_sm(profile, facts, on_target), where=where)


def _on_target(profile: Profile, facts: HardwareFacts) -> bool:
    if profile.match.kind == "gpu":
        return facts.kind == "gpu" and facts.gpu() is not None
    return profile.match.kind == "jetson" and facts.kind == "jetson" and facts.jetson is not None


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
                    f"{sm[0]}.{sm[1]}: use int8_wo (or, where the model lists it, int4_awq) weights "
                    "with an fp16 KV cache, as the a100 profile does",
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

def _format_notes(
    profile: Profile, rules: GpuRules, sm: tuple[int, int] | None, recommended: tuple[str, str],
) -> list[str]:
    """Where the profile's formats differ from what the architecture calls for, and guidance."""
    engine, notes = profile.engine, []
    if rules.advises_formats and sm is not None:
        weights, kv_cache = recommended
        if engine.quantization != weights:
            notes.append(f"SM {sm[0]}.{sm[1]} calls for {weights} weights; the profile asks for "
                         f"{engine.quantization}")
        if kv_cache == "fp8" and engine.kv_cache_dtype == "fp16":
            notes.append("this GPU has FP8: kv_cache_dtype = 'fp8' would double the KV cache")
    if rules.jetson_note and profile.match.kind == "jetson":
        notes.append(rules.jetson_note)
    return notes


# -- the plan ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class _Limits:
    max_seq_len: int
    max_input_len: int
    max_batch_size: int
    full_sequences: int


def _limits(profile: Profile, spec: ModelSpec, memory: DeviceMemory, backend: BackendSpec,
            *, notes: list[str], refusals: list[str]) -> _Limits:
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
            "use an fp8 KV cache where the GPU has one, raise kv_cache_fraction or free memory",
        )
    elif kv_tokens < requested:
        max_seq_len = kv_tokens
        notes.append(f"max_seq_len capped from {requested} to {kv_tokens} tokens so that one "
                     "sequence fits the KV cache")
    full = kv_tokens // max_seq_len if max_seq_len else 0
    max_batch = engine.max_batch_size
    static_kv = backend.gpu is not None and backend.gpu.kv_cache == "static"
    if static_kv and full < max_batch and not refusals:
        notes.append(
            f"max_batch_size lowered from {max_batch} to {max(full, 1)}: {backend.title} "
            "allocates the KV cache of every batch row for the whole sequence "
            f"({max_seq_len} tokens) up front",
        )
        max_batch = max(full, 1)
    return _Limits(max_seq_len=max_seq_len, max_input_len=min(engine.max_input_len, max_seq_len - 1),
                   max_batch_size=max_batch, full_sequences=full)


CALIBRATION_FIX = (
    "make it from plain text the plant has: edged engine calib-data FILE... --out {folder} "
    "(train.jsonl, one {{\"text\": ...}} object per line, as TensorRT-LLM's "
    "load_dataset(folder, split='train') reads it), or pass a checkpoint already quantized by "
    "TensorRT Model Optimizer (with hf_quant_config.json)"
)


@dataclass(frozen=True)
class _Calibration:
    folder: str | None
    rows: int | None


def _calibration(
    rules: GpuRules, engine: EngineSettings, checkpoint: Path | None, info: CheckpointInfo,
    *, notes: list[str], refusals: list[str], needs: list[str],
) -> _Calibration:
    """The calibration dataset a quantizing build reads, checked; refusals say how to make one."""
    quantization, kv_dtype = engine.quantization, engine.kv_cache_dtype
    calibrated = quantization in rules.calibrated_weights or kv_dtype in rules.calibrated_kv_cache
    if info.kind not in ("hf", "none") or not calibrated:
        return _Calibration(None, None)
    what = f"quantizing to {quantization} weights with a {kv_dtype} KV cache calibrates on sample text"
    if checkpoint is None:
        needs.append(f"{what}: <checkpoint>/{CALIBRATION_DIR}/train.jsonl; "
                     + CALIBRATION_FIX.format(folder=f"<checkpoint>/{CALIBRATION_DIR}"))
        return _Calibration(None, None)
    folder = checkpoint / CALIBRATION_DIR
    if not folder.is_dir():
        refusals.append(f"{what}, and edged never downloads it: {folder} does not exist; "
                        + CALIBRATION_FIX.format(folder=folder))
        return _Calibration(None, None)
    check = inspect_calibration(folder)
    notes.extend(check.notes)
    if check.problems:
        refusals.append(f"{what}, but TensorRT-LLM cannot use {folder}: " + "; ".join(check.problems)
                        + ". " + CALIBRATION_FIX.format(folder=folder)[0].upper()
                        + CALIBRATION_FIX.format(folder=folder)[1:])
    return _Calibration(str(folder), check.rows)


def plan_gpu(
    profile: Profile,
    facts: HardwareFacts,
    spec: ModelSpec,
    checkpoint: Path | None,
    host: HostMemory | None,
) -> GpuPlan:
    """The plan for ``profile``'s GPU backend; ``host`` is this machine's RAM (None: unknown).
    Without a checkpoint (``--dry-run``) the model spec's geometry stands in for its config.json,
    and ``still_needed`` lists what a real build needs on top."""
    engine = profile.engine
    backend = backend_spec(engine.backend)
    rules = backend.gpu
    if rules is None:
        raise ValueError(f"plan_gpu plans GPU backends, not {backend.name!r}")
    info, geometry = (inspect_checkpoint(checkpoint, spec, backend) if checkpoint is not None
                      else planned_checkpoint(spec, backend))
    needs = [] if checkpoint is not None else [f"--checkpoint PATH: {spec.description}"]
    target = _target(profile, facts)
    recommended = recommended_formats(rules, target.sm or AWQ_MIN_SM, geometry.architecture)
    notes = list(info.notes)
    refusals = _weight_format_refusals(engine.quantization, engine.kv_cache_dtype, sm=target.sm, spec=spec,
                                       where=target.where, info=info)
    refusals += _matrix_refusals(rules, engine, geometry.architecture, backend.title)
    notes.extend(_format_notes(profile, rules, target.sm, recommended))
    calibration = _calibration(rules, engine, checkpoint, info, notes=notes, refusals=refusals, needs=needs)
    memory = device_memory_plan(profile, facts, geometry, target.on_target, rules)
    arithmetic = list(memory.lines)
    limits = _limits(profile, spec, memory, backend, notes=notes, refusals=refusals)
    arithmetic.append(
        f"full-length sequences at once: {memory.kv_tokens:,} // {limits.max_seq_len} = "
        f"{limits.full_sequences}"
        + ("; shorter ones share the paged cache up to max_batch_size" if rules.kv_cache == "paged" else ""),
    )
    peak, peak_how = build_peak(rules, geometry, engine.quantization, info)
    if host is not None and peak and target.on_target:
        line, problem = build_memory_check(facts, rules, host, peak, peak_how)
        arithmetic.append(line)
        if problem is not None:
            (refusals if facts.kind == "jetson" else notes).append(problem)
    return GpuPlan(
        backend=backend.name,
        on_target=target.on_target,
        target=device_memory(profile, facts, target.on_target)[1],
        compute_capability=f"{target.sm[0]}.{target.sm[1]}" if target.sm else None,
        recommended_quantization=recommended[0],
        trtllm_quant_algo=rules.native_weight_formats.get(engine.quantization),
        trtllm_kv_cache_quant_algo=rules.native_kv_cache_dtypes.get(engine.kv_cache_dtype),
        checkpoint_kind=info.kind,
        calibration_dataset=calibration.folder,
        calibration_rows=calibration.rows,
        **_memory_fields(memory),
        full_length_sequences=limits.full_sequences,
        max_batch_size=limits.max_batch_size,
        max_input_len=limits.max_input_len,
        max_seq_len=limits.max_seq_len,
        **engine.model_dump(include={"quantization", "kv_cache_dtype", "kv_cache_fraction", "max_num_tokens",
                                     "chunked_context", "lora_slots", "lora_max_rank"}),
        build_peak_bytes=peak,
        host_memory=host if target.on_target else None,
        arithmetic=arithmetic,
        notes=notes,
        refusals=refusals,
        still_needed=needs,
    )


class _MemoryFields(TypedDict):
    kv_bytes_per_token: int
    device_memory_bytes: int
    system_reserve_bytes: int
    weights_bytes: int
    runtime_reserve_bytes: int
    activations_bytes: int
    lora_bytes: int
    free_after_load_bytes: int
    kv_cache_bytes: int
    kv_cache_tokens: int


def _memory_fields(memory: DeviceMemory) -> _MemoryFields:
    return {
        "kv_bytes_per_token": memory.kv_per_token,
        "device_memory_bytes": memory.device,
        "system_reserve_bytes": memory.reserve,
        "weights_bytes": memory.weights,
        "runtime_reserve_bytes": memory.runtime,
        "activations_bytes": memory.activations,
        "lora_bytes": memory.lora,
        "free_after_load_bytes": memory.free,
        "kv_cache_bytes": memory.kv_budget,
        "kv_cache_tokens": memory.kv_tokens,
    }
