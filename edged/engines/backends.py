"""Which module loads and which builds each backend, named by dotted path so that only the
chosen backend's heavy libraries are ever imported (the vLLM platform lesson)."""

from __future__ import annotations

import importlib.metadata
from dataclasses import dataclass


@dataclass(frozen=True)
class BackendSpec:
    name: str
    # Distributions whose versions bind a built engine: they load it at run time.
    runtime_libraries: tuple[str, ...]
    engine_class: str  # "module:Class", constructed as Class(path, info)
    builder: str | None  # "module:function"; None until the backend can be built here
    extra: str  # the pyproject extra that installs the runtime


BACKENDS: dict[str, BackendSpec] = {
    spec.name: spec
    for spec in (
        BackendSpec(
            name="onnx-genai-cpu",
            runtime_libraries=("onnxruntime-genai", "onnxruntime"),
            engine_class="edged.engines.onnx_genai:OnnxGenaiEngine",
            builder="edged.engines.cpu_build:build_cpu_engine",
            extra="cpu",
        ),
        BackendSpec(
            name="onnx-genai-cuda",
            runtime_libraries=("onnxruntime-genai-cuda", "onnxruntime-gpu"),
            engine_class="edged.engines.onnx_genai:OnnxGenaiEngine",
            builder=None,
            extra="cuda",
        ),
        BackendSpec(
            name="trtllm",
            runtime_libraries=("tensorrt", "tensorrt-llm"),
            engine_class="edged.engines.trtllm:TrtllmEngine",
            builder=None,
            extra="trtllm",
        ),
    )
}


def library_versions(names: tuple[str, ...]) -> dict[str, str]:
    versions = {}
    for name in names:
        try:
            versions[name] = importlib.metadata.version(name)
        except importlib.metadata.PackageNotFoundError:
            versions[name] = "absent"
    return versions


def resolve(target: str) -> object:
    """Import "module:attr" and return the attribute."""
    module_name, _, attr = target.partition(":")
    module = importlib.import_module(module_name)
    return getattr(module, attr)
