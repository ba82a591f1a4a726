"""PEFT LoRA folders written with numpy alone (no torch, no training), in the layout
``peft.save_pretrained`` writes: ``adapter_config.json`` and ``adapter_model.safetensors`` with
``base_model.model.model.layers.{i}.{self_attn|mlp}.{module}.lora_{A|B}.weight`` tensors. Random
weights: for the plumbing, the shapes and the refusals; the trained adapter is tests/adapters."""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
from safetensors.numpy import save_file

# SmolLM2-135M: 30 layers, hidden 576, 9 query and 3 KV heads of 64, MLP 1536.
SMOLLM2 = {"layers": 30, "hidden": 576, "q": 576, "kv": 192, "mlp": 1536}
ATTENTION = ("q_proj", "k_proj", "v_proj", "o_proj")
MLP = ("gate_proj", "up_proj", "down_proj")


def module_shape(module: str, shape: dict[str, int]) -> tuple[int, int]:
    """(in, out) features of a module of a Llama-shaped model."""
    hidden = shape["hidden"]
    return {
        "q_proj": (hidden, shape["q"]), "k_proj": (hidden, shape["kv"]), "v_proj": (hidden, shape["kv"]),
        "o_proj": (shape["q"], hidden), "gate_proj": (hidden, shape["mlp"]),
        "up_proj": (hidden, shape["mlp"]), "down_proj": (shape["mlp"], hidden),
    }[module]


def write_peft(folder: Path, *, modules: tuple[str, ...] = ATTENTION, rank: int = 4, alpha: float = 8.0,
               std: float = 0.02, seed: int = 0, shape: dict[str, int] | None = None,
               config: dict[str, object] | None = None) -> Path:
    """A LoRA of ``rank`` on ``modules`` of every layer, B drawn with ``std`` (PEFT starts B at
    zero; a trained one is not)."""
    shape = shape or SMOLLM2
    rng = np.random.default_rng(seed)
    tensors = {}
    for layer in range(shape["layers"]):
        for module in modules:
            where = "self_attn" if module in ATTENTION else "mlp"
            prefix = f"base_model.model.model.layers.{layer}.{where}.{module}"
            fan_in, fan_out = module_shape(module, shape)
            a = rng.standard_normal((rank, fan_in)) / np.sqrt(fan_in)
            tensors[f"{prefix}.lora_A.weight"] = a.astype(np.float32)
            b = rng.standard_normal((fan_out, rank)) * std
            tensors[f"{prefix}.lora_B.weight"] = b.astype(np.float32)
    folder.mkdir(parents=True, exist_ok=True)
    save_file(tensors, str(folder / "adapter_model.safetensors"))
    settings = {"peft_type": "LORA", "r": rank, "lora_alpha": alpha, "target_modules": list(modules),
                "base_model_name_or_path": "HuggingFaceTB/SmolLM2-135M-Instruct", "bias": "none",
                "lora_dropout": 0.0, "task_type": "CAUSAL_LM", **(config or {})}
    (folder / "adapter_config.json").write_text(json.dumps(settings), encoding="utf-8")
    return folder
