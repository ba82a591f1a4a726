"""The test adapter's folder is a standard PEFT LoRA checkpoint of the shape the engine converts:
rank 8 on the attention projections of all 30 layers of SmolLM2-135M, and trained (a LoRA's B
matrices start at zero)."""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pytest
from safetensors import safe_open

from tests.adapters.data import (
    ALARMS,
    KEEP_PROMPTS,
    OTHER_PROMPTS,
    PROBE_PROMPTS,
    TARGET_MARKERS,
    training_questions,
)

pytestmark = pytest.mark.engine

LAYERS = 30
HIDDEN = 576
KV = 192  # 3 key/value heads of 64
# Each target module's (input, output) width.
WIDTHS = {
    "q_proj": (HIDDEN, HIDDEN), "k_proj": (HIDDEN, KV), "v_proj": (HIDDEN, KV), "o_proj": (HIDDEN, HIDDEN),
}


def test_config_is_rank_8_lora_on_the_attention_projections(tiny_lora_dir: Path) -> None:
    config = json.loads((tiny_lora_dir / "adapter_config.json").read_text())
    assert config["peft_type"] == "LORA"
    assert config["task_type"] == "CAUSAL_LM"
    assert (config["r"], config["lora_alpha"], config["lora_dropout"]) == (8, 16, 0.0)
    assert sorted(config["target_modules"]) == sorted(WIDTHS)
    assert not config["use_dora"]
    assert not config["use_rslora"]


def test_weights_are_every_layers_a_and_b_matrices_and_trained(tiny_lora_dir: Path) -> None:
    path = tiny_lora_dir / "adapter_model.safetensors"
    with safe_open(str(path), "np") as weights:
        tensors = {key: weights.get_tensor(key) for key in weights.keys()}  # noqa: SIM118 - not a dict
    expected = {}
    for layer in range(LAYERS):
        for module, (width_in, width_out) in WIDTHS.items():
            prefix = f"base_model.model.model.layers.{layer}.self_attn.{module}"
            expected[f"{prefix}.lora_A.weight"] = (8, width_in)
            expected[f"{prefix}.lora_B.weight"] = (width_out, 8)
    assert {key: tensor.shape for key, tensor in tensors.items()} == expected
    assert all(tensor.dtype == np.float32 for tensor in tensors.values())
    untrained = [key for key, tensor in tensors.items() if key.endswith("lora_B.weight") and not tensor.any()]
    assert untrained == []
    assert path.stat().st_size < 5_000_000


def test_probes_are_held_out_and_name_a_trained_code() -> None:
    trained = {question for question, _answer in training_questions()}
    assert len(PROBE_PROMPTS) >= 20
    assert len(OTHER_PROMPTS) >= 20
    assert not trained & set(PROBE_PROMPTS)
    assert not set(KEEP_PROMPTS) & set(OTHER_PROMPTS)  # the others measure what training did not see
    for probe in PROBE_PROMPTS:
        code = next(code for code in ALARMS if code in probe)
        answer, markers = ALARMS[code]
        assert TARGET_MARKERS[probe] == markers
        assert all(marker in answer for marker in markers)
    assert not any(code in other for other in OTHER_PROMPTS for code in ALARMS)
