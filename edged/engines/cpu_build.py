"""Builder for the onnx-genai-cpu backend: GGUF (or a Hugging Face folder) to an int8 ONNX model."""

from __future__ import annotations

import shutil
from pathlib import Path

from edged.engines.backends import library_versions
from edged.engines.build_plan import BuildPlan, BuildReporter
from edged.engines.build_steps import builder_precision
from edged.engines.cpu_convert import check_build_extra, run_step_builder, run_step_gguf
from edged.engines.lora_graph import add_lora_to_engine
from edged.errors import BuildError

# Profile quantization -> onnxruntime-genai builder precision. int8 is the measured sweet spot
# for SmolLM2 (measured: ~0.95 top-1 agreement with fp32 at more than twice its speed).
PRECISIONS = {"int8": "int8", "int4": "int4", "fp32": "fp32"}
TOOLCHAIN = ("torch", "transformers", "gguf", "accelerate", "onnx", "onnx-ir", "onnxruntime-genai")


def build_cpu_engine(
    plan: BuildPlan, out_dir: Path, work_dir: Path, log: Path, reporter: BuildReporter,
) -> dict[str, str]:
    precision = builder_precision(PRECISIONS, plan.quantization, "cpu", plan.profile)
    check_build_extra()
    checkpoint = Path(plan.checkpoint)
    if checkpoint.is_file():
        reporter.start("dequantize", f"Dequantizing {checkpoint.name} to float32")
        hf_dir = work_dir / "hf"
        run_step_gguf(checkpoint, hf_dir, log)
        reporter.done("dequantize", "Hugging Face folder written")
    else:
        hf_dir = checkpoint
    reporter.start("convert", f"Building the {precision} ONNX model")
    run_step_builder(hf_dir, out_dir, precision, work_dir / "cache", log)
    shutil.rmtree(work_dir / "hf", ignore_errors=True)
    if not (out_dir / "genai_config.json").is_file():
        raise BuildError(f"The model builder produced no genai_config.json; see {log}.")
    reporter.done("convert", f"{sum(p.stat().st_size for p in out_dir.iterdir()) / 2**20:.0f} MiB")
    reporter.start("lora", "Adding LoRA adapter inputs to every projection")
    projections = add_lora_to_engine(out_dir)
    reporter.done("lora", f"{projections} projections" if projections else
                  "no projection of a known shape: this engine serves without adapters")
    return library_versions(TOOLCHAIN)
