"""Builder for the onnx-genai-cuda backend: ONNX Runtime GenAI's model builder with ``-e cuda``.

Two kinds of checkpoint: a Hugging Face folder, converted in a child process (needs torch,
transformers, onnx and onnx-ir beside onnxruntime-genai: the `convert` extra, never build-cpu,
whose CPU onnxruntime-genai would replace the CUDA one; the builder is the same Python code in
the CPU and CUDA packages), or an ONNX Runtime GenAI folder already built for CUDA (such as the
cuda-int4 build Microsoft publishes for Phi-3 Mini), which is copied. On an 8 GB Orin Nano the
second is the practical one: converting Phi-3 there needs ~16 GiB of RAM and swap.
"""

from __future__ import annotations

import importlib.util
import shutil
import sys
from pathlib import Path

from edged.engines.backends import library_versions
from edged.engines.build_plan import BuildPlan, BuildReporter
from edged.engines.build_steps import builder_precision, run_child
from edged.engines.lora_graph import add_lora_to_engine
from edged.errors import BuildError, MissingExtra

# Profile quantization -> builder precision. INT4 is MatMulNBits with blocks of 32 (RTN).
PRECISIONS = {"int4": "int4", "int8": "int8", "fp16": "fp16", "fp32": "fp32"}
CONVERT_MODULES = ("torch", "transformers", "onnx", "onnx_ir", "onnxruntime_genai")
TOOLCHAIN = (
    "onnxruntime-genai-cuda", "onnxruntime-genai", "onnxruntime-gpu", "torch", "transformers", "onnx",
)


def build_cuda_engine(
    plan: BuildPlan, out_dir: Path, work_dir: Path, log: Path, reporter: BuildReporter,
) -> dict[str, str]:
    precision = builder_precision(PRECISIONS, plan.quantization, "onnx-genai-cuda", plan.profile)
    checkpoint = Path(plan.checkpoint)
    if (checkpoint / "genai_config.json").is_file():
        reporter.start("copy", f"Copying the ONNX Runtime GenAI model from {checkpoint}")
        shutil.copytree(checkpoint, out_dir)
        reporter.done("copy", f"{_mib(out_dir):.0f} MiB")
        _add_lora(out_dir, reporter, copied=True)
        return library_versions(TOOLCHAIN)
    for module in CONVERT_MODULES:
        if importlib.util.find_spec(module) is None:
            # Not build-cpu: it brings the CPU onnxruntime-genai, which would replace the CUDA one.
            raise MissingExtra(module, "convert", "Converting a checkpoint for ONNX Runtime GenAI on CUDA")
    reporter.start("convert", f"Building the {precision} ONNX model for CUDA")
    run_child(
        [
            sys.executable, "-m", "onnxruntime_genai.models.builder",
            "-i", str(checkpoint), "-o", str(out_dir), "-p", precision, "-e", "cuda",
            "-c", str(work_dir / "cache"),
        ],
        log,
        "The ONNX Runtime GenAI model builder (-e cuda)",
        "Check that the checkpoint folder is complete (config.json, *.safetensors, tokenizer "
        "files), then run the build again.",
    )
    if not (out_dir / "genai_config.json").is_file():
        raise BuildError(f"The model builder produced no genai_config.json; see {log}.")
    reporter.done("convert", f"{_mib(out_dir):.0f} MiB")
    _add_lora(out_dir, reporter)
    return library_versions(TOOLCHAIN)


def _add_lora(out_dir: Path, reporter: BuildReporter, *, copied: bool = False) -> None:
    reporter.start("lora", "Adding LoRA adapter inputs to every projection")
    try:
        projections = add_lora_to_engine(out_dir)
    except Exception as exc:  # a model built elsewhere may be of any shape: it still serves
        if not copied:
            raise
        reporter.done("lora", f"not added ({type(exc).__name__}: {exc}): this engine serves without adapters")
        return
    reporter.done("lora", f"{projections} projections" if projections else
                  "no projection of a known shape: this engine serves without adapters")



def _mib(folder: Path) -> float:
    return sum(p.stat().st_size for p in folder.rglob("*") if p.is_file()) / 2**20
