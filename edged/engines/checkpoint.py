"""The checkpoint a GPU build starts from: what kind of folder it is, the model's shapes from its
config.json, and refusals (with the fix) for what cannot be built from it."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Literal

from pydantic import Field

from edged.backends import BackendSpec
from edged.basemodel import StrictModel
from edged.engines.models import MODELS, ModelGeometry, ModelSpec
from edged.errors import CheckpointError

CheckpointKind = Literal["hf", "hf-prequantized", "onnx-genai", "none"]


class CheckpointInfo(StrictModel):
    kind: CheckpointKind = Field(description="hf: a Hugging Face folder; hf-prequantized: one "
                                 "with quantized weights; onnx-genai: an already built ONNX model; "
                                 "none: no checkpoint given (a dry run on the model spec's geometry).")
    architecture: str | None
    max_position_embeddings: int | None
    quantized_as: str | None = Field(description="The checkpoint's own weight format, if quantized.")
    geometry_source: Literal["config.json", "model spec"]
    notes: list[str]


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


def planned_checkpoint(spec: ModelSpec, backend: BackendSpec) -> tuple[CheckpointInfo, ModelGeometry]:
    """No checkpoint: the model spec's geometry, for a plan that cannot be built as it stands."""
    if spec.geometry is None:
        raise CheckpointError(f"Model {spec.model_id} has no GPU build recipe in this edged.",
                              code="unknown_model")
    return CheckpointInfo(
        kind="none", architecture=spec.geometry.architecture, max_position_embeddings=spec.context_length,
        quantized_as=None, geometry_source="model spec",
        notes=[f"no --checkpoint: the plan uses edged's geometry of {spec.model_id} (config.json "
               f"of {spec.description.split(';')[0]}); the {backend.name} build reads the checkpoint's own"],
    ), spec.geometry


def inspect_checkpoint(
    path: Path, spec: ModelSpec, backend: BackendSpec,
) -> tuple[CheckpointInfo, ModelGeometry]:
    """Check that ``path`` is a checkpoint of ``spec`` that ``backend`` can build from."""
    if spec.geometry is None:
        raise CheckpointError(f"Model {spec.model_id} has no GPU build recipe in this edged.",
                              code="unknown_model")
    if path.is_file():
        raise CheckpointError(
            f"{path} is a file; the {backend.name} backend builds from a Hugging Face checkpoint "
            "folder (config.json, *.safetensors and the tokenizer files). Pass that folder with "
            "--checkpoint.",
        )
    if (path / "genai_config.json").is_file():
        return _inspect_onnx_model(path, backend), spec.geometry
    config_path = path / "config.json"
    if not config_path.is_file():
        raise CheckpointError(
            f"{path} has no config.json, so it is not a Hugging Face checkpoint folder. Pass the "
            "folder that holds config.json, the *.safetensors weights and the tokenizer files "
            f"of {spec.description}.",
        )
    return _inspect_hf_checkpoint(path, config_path, spec, spec.geometry)


def _inspect_onnx_model(path: Path, backend: BackendSpec) -> CheckpointInfo:
    """An ONNX Runtime GenAI folder: copied, not converted, by a backend that can run it."""
    if backend.gpu is None or not backend.gpu.copies_onnx_models:
        raise CheckpointError(
            f"{path} is an ONNX Runtime GenAI model, which {backend.title} cannot build from. "
            "Pass the original Hugging Face checkpoint folder with --checkpoint.",
        )
    genai = _load_json(path / "genai_config.json")
    info = CheckpointInfo(kind="onnx-genai", architecture=None, max_position_embeddings=None,
                          quantized_as=None, geometry_source="model spec",
                          notes=["the checkpoint is an ONNX Runtime GenAI model: it is copied, "
                                 "not converted"])
    _check_genai_provider(path, genai)
    return info


def _inspect_hf_checkpoint(
    path: Path, config_path: Path, spec: ModelSpec, expected: ModelGeometry,
) -> tuple[CheckpointInfo, ModelGeometry]:
    """A Hugging Face folder: its config.json must describe the model ``spec`` names."""
    config = _load_json(config_path)
    geometry = checkpoint_geometry(config, expected)
    notes = []
    architectures = config.get("architectures")
    architecture = str(architectures[0]) if isinstance(architectures, list) and architectures else None
    if architecture is None:
        notes.append(f"config.json names no architecture; assuming {expected.architecture}")
    elif architecture != expected.architecture:
        raise CheckpointError(
            f"{config_path} describes a {architecture} model, not {expected.architecture} "
            f"({spec.model_id}). Pass the checkpoint of {spec.description}, or the --model it "
            "belongs to.",
        )
    positions = _int(config, "max_position_embeddings")
    if positions is not None and positions != spec.context_length:
        _refuse_other_variant(config_path, spec, expected, positions)
    quantized = _prequantized_as(path, config)
    kind: CheckpointKind = "hf-prequantized" if quantized else "hf"
    if geometry != expected:
        notes.append("config.json's shapes differ from the model spec's; the plan uses config.json's")
    return CheckpointInfo(kind=kind, architecture=architecture, max_position_embeddings=positions,
                          quantized_as=quantized, geometry_source="config.json", notes=notes), geometry


def _refuse_other_variant(
    config_path: Path, spec: ModelSpec, expected: ModelGeometry, positions: int,
) -> None:
    other = sorted(m.model_id for m in MODELS.values()
                   if m.context_length == positions and m.geometry is not None and not m.test_only
                   and m.geometry.architecture == expected.architecture)
    fix = f"pass --model {other[0]}" if other else "pass the checkpoint this model id names"
    raise CheckpointError(
        f"{config_path} has a context of {positions} tokens but model {spec.model_id} has "
        f"{spec.context_length}: it is another variant. {fix[0].upper()}{fix[1:]}.",
    )


def _check_genai_provider(path: Path, genai: dict[str, object]) -> None:
    text = json.dumps(genai.get("model", {})).lower()
    if '"cuda"' not in text:
        raise CheckpointError(
            f"{path}/genai_config.json was built for another execution provider (no CUDA "
            "provider options). Pass the CUDA build (e.g. the cuda-int4 folder of the published "
            "ONNX model) or the Hugging Face checkpoint, which edged converts with -e cuda.",
        )
