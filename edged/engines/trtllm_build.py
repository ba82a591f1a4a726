"""Builder of the trtllm backend: quantize and build a TensorRT engine in a child process
(``python -m edged.engines.trtllm_build build SETTINGS.json OUT_DIR WORKSPACE``), so the GPU and
host memory the build takes are returned when it ends."""

from __future__ import annotations

import json
import shutil
import sys
from dataclasses import asdict
from pathlib import Path
from typing import Any

from edged.engines.backends import library_versions
from edged.engines.build_steps import run_child
from edged.engines.trtllm_api import (
    SETTINGS_FILE,
    TOKENIZER_DIR,
    TOKENIZER_FILES,
    TrtllmSettings,
    import_trtllm,
    llm_arguments,
    tensorrt_engine_llm,
)

TOOLCHAIN = ("tensorrt-llm", "tensorrt", "torch", "transformers", "nvidia-modelopt")


def build_trtllm_engine(
    plan: Any, out_dir: Path, work_dir: Path, log: Path, reporter: Any,
) -> dict[str, str]:
    """The trtllm backend's ``BackendSpec.builder``: quantize and build in a child process."""
    settings = TrtllmSettings.from_plan(plan)
    settings_path = work_dir / SETTINGS_FILE
    settings_path.write_text(json.dumps(asdict(settings), indent=2) + "\n", encoding="utf-8")
    what = f"{settings.quant_algo or 'FP16'} weights, KV cache {settings.kv_cache_quant_algo or 'FP16'}"
    reporter.start("build", f"Building the TensorRT engine ({what}); this takes minutes")
    run_child(
        [sys.executable, "-m", "edged.engines.trtllm_build", "build", str(settings_path), str(out_dir),
         str(work_dir / "llm-workspace")],
        log,
        "The TensorRT-LLM engine build",
        "Check the log above: a quantization or TensorRT error names its cause. A build needs the "
        "GPU to itself; stop the edged service while building.",
    )
    size = sum(p.stat().st_size for p in out_dir.rglob("*") if p.is_file())
    reporter.done("build", f"{size / 2**20:.0f} MiB engine")
    return library_versions(TOOLCHAIN)


def _build_in_child(settings_path: Path, out_dir: Path, workspace: Path) -> None:
    settings = TrtllmSettings(**json.loads(settings_path.read_text(encoding="utf-8")))
    llm_class = tensorrt_engine_llm()
    llmapi = import_trtllm("tensorrt_llm.llmapi", "Building a TensorRT-LLM engine")
    workspace.mkdir(parents=True, exist_ok=True)
    llm = llm_class(model=settings.checkpoint, workspace=str(workspace),
                    **llm_arguments(settings, llmapi, build=True))
    try:
        llm.save(str(out_dir))
    finally:
        llm.shutdown()
    tokenizer = out_dir / TOKENIZER_DIR
    tokenizer.mkdir(exist_ok=True)
    for name in TOKENIZER_FILES:
        source = Path(settings.checkpoint) / name
        if source.is_file():
            shutil.copy2(source, tokenizer / name)
    (out_dir / SETTINGS_FILE).write_text(json.dumps(asdict(settings), indent=2) + "\n", encoding="utf-8")


def main(argv: list[str] | None = None) -> int:
    args = list(sys.argv[1:] if argv is None else argv)
    if len(args) != 4 or args[0] != "build":
        sys.stderr.write(
            "usage: python -m edged.engines.trtllm_build build SETTINGS.json OUT_DIR WORKSPACE\n",
        )
        return 2
    _build_in_child(Path(args[1]), Path(args[2]), Path(args[3]))
    return 0


if __name__ == "__main__":
    sys.exit(main())


if __name__ == "__main__":
    sys.exit(main())
