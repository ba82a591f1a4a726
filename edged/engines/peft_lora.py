"""A PEFT LoRA checkpoint read and packed for the LoRA inputs of an ONNX engine
(``edged.engines.lora_graph``).

A PEFT folder holds ``adapter_config.json`` and ``adapter_model.safetensors`` whose tensors are
named ``base_model.model.model.layers.{i}.self_attn.q_proj.lora_A.weight`` ([r, in]) and
``….lora_B.weight`` ([out, r]). The engine packs q, k and v into one projection (``qkv_proj``), so
their adapters are packed too: A side by side ([in, r_q + r_k + r_v]), B block-diagonal, each block
scaled by its module's ``alpha / r`` (``alpha / sqrt(r)`` with rsLoRA). The result is exactly
``sum_m x A_m B_m * scale_m`` on the packed output's slices.
"""

from __future__ import annotations

import json
import math
import re
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np
import numpy.typing as npt

from edged.engines.lora_graph import LoraSite
from edged.errors import AdapterError

CONFIG = "adapter_config.json"
WEIGHTS = ("adapter_model.safetensors", "adapter_model.bin")
# Hugging Face module name -> (the engine's projection, slice index within it). q, k and v share
# qkv_proj (their slices follow the head counts); every other module maps to itself.
PACKED = {"q_proj": ("qkv_proj", 0), "k_proj": ("qkv_proj", 1), "v_proj": ("qkv_proj", 2)}
# A LoRA's rank is small by design (4-64); past this the "adapter" is a second model, and its
# tensors, loaded per engine, would cost more than the engine's own projections.
MAX_RANK = 256
_KEY = re.compile(r"(?:^|\.)layers\.(\d+)\.\w+\.(\w+)\.lora_([AB])(?:\.default)?\.weight$")
Array = npt.NDArray[np.float32]


@dataclass(frozen=True)
class PeftAdapter:
    """What edged needs of a PEFT LoRA checkpoint: its settings and its A/B pairs by module."""

    rank: int
    alpha: float
    rslora: bool
    target_modules: tuple[str, ...]
    base_model: str
    alpha_pattern: Mapping[str, float]
    # (layer, module) -> (A [r, in], B [out, r])
    pairs: Mapping[tuple[int, str], tuple[Array, Array]]

    def scale(self, module: str, rank: int) -> float:
        alpha = next((a for key, a in self.alpha_pattern.items() if re.search(key, module)), self.alpha)
        return alpha / math.sqrt(rank) if self.rslora else alpha / rank


def _refuse(folder: Path, what: str) -> AdapterError:
    return AdapterError(f"{folder} is not a LoRA adapter edged can serve: {what}.", code="adapter_invalid")


def _read_config(folder: Path) -> dict[str, Any]:
    path = folder / CONFIG
    try:
        config = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise _refuse(folder, f"{CONFIG} is missing (save the adapter with peft's save_pretrained)") from None
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise _refuse(folder, f"{CONFIG} is unreadable ({exc})") from None
    if not isinstance(config, dict):
        raise _refuse(folder, f"{CONFIG} is not a JSON object")
    unsupported = [
        ("peft_type", config.get("peft_type", "LORA") != "LORA", "only LORA adapters are served"),
        ("use_dora", bool(config.get("use_dora")), "DoRA needs a weight norm the engine does not have"),
        ("bias", config.get("bias", "none") != "none", "trained biases change the base weights"),
        ("modules_to_save", bool(config.get("modules_to_save")),
         "fully trained modules change the base weights"),
        ("fan_in_fan_out", bool(config.get("fan_in_fan_out")), "Conv1D-style weights are not this model's"),
    ]
    for key, bad, why in unsupported:
        if bad:
            raise _refuse(folder, f"{CONFIG} sets {key} = {config.get(key)!r}, and {why}")
    return config


def _read_tensors(folder: Path) -> dict[str, Array]:
    path = folder / WEIGHTS[0]
    if not path.is_file():
        if (folder / WEIGHTS[1]).is_file():
            raise _refuse(folder, f"it holds {WEIGHTS[1]} (a pickle, which edged does not load); save it "
                                  "with safe_serialization=True to get adapter_model.safetensors")
        raise _refuse(folder, f"{WEIGHTS[0]} is missing")
    try:
        from safetensors.numpy import load_file

        loaded = load_file(str(path))
    except ImportError:
        raise _refuse(folder, "reading it needs the 'safetensors' package (the build-cpu extra)") from None
    except Exception as exc:  # safetensors raises its own SafetensorError on a damaged file
        raise _refuse(folder, f"{path.name} is damaged ({exc})") from None
    return {key: np.asarray(value, dtype=np.float32) for key, value in loaded.items()}


def read_peft(folder: Path) -> PeftAdapter:
    """The LoRA checkpoint in ``folder`` (a PEFT ``save_pretrained`` folder), or AdapterError."""
    config = _read_config(folder)
    tensors = _read_tensors(folder)
    sides: dict[tuple[int, str], dict[str, Array]] = {}
    for key, value in tensors.items():
        match = _KEY.search(key)
        if match is None:
            raise _refuse(folder, f"tensor {key} is not a LoRA A/B weight of a decoder layer (embedding "
                                  "and head adapters are not served)")
        if value.ndim != 2:
            raise _refuse(folder, f"tensor {key} has shape {value.shape}, not a matrix")
        sides.setdefault((int(match.group(1)), match.group(2)), {})[match.group(3)] = value
    pairs = {}
    for (layer, module), pair in sorted(sides.items()):
        if set(pair) != {"A", "B"}:
            raise _refuse(folder, f"layer {layer} {module} has lora_{''.join(pair)} without its partner")
        a, b = pair["A"], pair["B"]
        if a.shape[0] > MAX_RANK:
            raise _refuse(folder, f"layer {layer} {module} has rank {a.shape[0]}, over the {MAX_RANK} "
                                  "edged serves")
        if not (np.isfinite(a).all() and np.isfinite(b).all()):
            raise _refuse(folder, f"layer {layer} {module} holds NaN or infinite weights (a diverged "
                                  "training run?)")
        if a.shape[0] != b.shape[1]:
            raise _refuse(folder, f"layer {layer} {module}: A is {a.shape} and B {b.shape} (ranks differ)")
        pairs[(layer, module)] = (a, b)
    if not pairs:
        raise _refuse(folder, f"{WEIGHTS[0]} holds no LoRA weights")
    targets = config.get("target_modules") or ()
    return PeftAdapter(
        rank=int(config.get("r", 8)),
        alpha=float(config.get("lora_alpha", 8)),
        rslora=bool(config.get("use_rslora")),
        target_modules=tuple(targets) if isinstance(targets, list) else (str(targets),),
        base_model=str(config.get("base_model_name_or_path") or ""),
        alpha_pattern={str(k): float(v) for k, v in (config.get("alpha_pattern") or {}).items()},
        pairs=pairs,
    )


def _slices(site: LoraSite, heads: tuple[int, int]) -> list[tuple[int, int]]:
    """(start, stop) of q, k and v in a packed qkv projection's output, from its head counts."""
    query, kv = heads
    head = site.out_features // (query + 2 * kv)
    q, k = query * head, kv * head
    return [(0, q), (q, q + k), (q + k, q + 2 * k)]


def pack(adapter: PeftAdapter, sites: list[LoraSite], heads: tuple[int, int],
         folder: Path) -> dict[str, Array]:
    """The adapter as the engine's LoRA inputs: ``{input name: [1, in, R] or [1, R, out]}``, scale
    folded into B. ``heads``: the model's (attention heads, KV heads). Refuses an adapter whose
    layers or shapes are not this engine's (an adapter of another base model)."""
    by_site = {(s.layer, s.projection): s for s in sites}
    grouped: dict[LoraSite, list[tuple[str, Array, Array]]] = {}
    for (layer, module), (a, b) in adapter.pairs.items():
        projection, _ = PACKED.get(module, (module, 0))
        site = by_site.get((layer, projection)) or by_site.get((layer, module))
        if site is None:
            raise AdapterError(
                f"{folder}: the adapter has weights for layer {layer} {module}, which this engine does "
                "not have: it was trained for another model. Train it on this engine's base model.",
                code="adapter_mismatch",
            )
        grouped.setdefault(site, []).append((module, a, b))
    packed: dict[str, Array] = {}
    for site, parts in grouped.items():
        rank = sum(a.shape[0] for _, a, _ in parts)
        big_a = np.zeros((1, site.in_features, rank), dtype=np.float32)
        big_b = np.zeros((1, rank, site.out_features), dtype=np.float32)
        at = 0
        for module, a, b in parts:
            start, stop = (_slices(site, heads)[PACKED[module][1]] if site.projection != module
                           else (0, site.out_features))
            if a.shape[1] != site.in_features or b.shape[0] != stop - start:
                raise AdapterError(
                    f"{folder}: layer {site.layer} {module} maps {a.shape[1]} -> {b.shape[0]} features; "
                    f"this engine's maps {site.in_features} -> {stop - start}: the adapter was trained "
                    "for another model. Train it on this engine's base model.",
                    code="adapter_mismatch",
                )
            r = a.shape[0]
            big_a[0, :, at:at + r] = a.T
            big_b[0, at:at + r, start:stop] = b.T * adapter.scale(module, r)
            at += r
        name_a, name_b = site.inputs
        packed[name_a], packed[name_b] = big_a, big_b
    return packed
