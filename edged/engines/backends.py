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
    # Distributions a build needs on this machine ("a|b": either); `engine build` says which
    # is missing.
    build_requires: tuple[str, ...] = ()


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
            # On Jetson the CUDA build of onnxruntime-genai comes from NVIDIA's JetPack wheels
            # under the plain name; jetson.l4t_release binds the CUDA it was built for.
            runtime_libraries=("onnxruntime-genai-cuda", "onnxruntime-genai", "onnxruntime-gpu"),
            engine_class="edged.engines.onnx_genai:OnnxGenaiEngine",
            builder="edged.engines.cuda_build:build_cuda_engine",
            extra="cuda",
            build_requires=("onnxruntime-genai-cuda|onnxruntime-genai",),
        ),
        BackendSpec(
            name="trtllm",
            # A TensorRT engine deserializes only under the TensorRT (and TensorRT-LLM) it was
            # built with; the CUDA runtime wheels (cu12 or cu13, whichever the release uses)
            # bind it too. On Jetson, TensorRT comes from JetPack (jetson.l4t_release binds it).
            runtime_libraries=(
                "tensorrt", "tensorrt-llm", "nvidia-cuda-runtime-cu12", "nvidia-cuda-runtime",
            ),
            engine_class="edged.engines.trtllm:TrtllmEngine",
            builder="edged.engines.trtllm:build_trtllm_engine",
            extra="trtllm",
            build_requires=("tensorrt-llm",),
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
