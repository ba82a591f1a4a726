"""Which engine runtime is installed, for whom, and what is wrong with it: the Python a runtime's
wheels exist for, and two distributions providing the same module (onnxruntime-genai and
onnxruntime-genai-cuda both install ``onnxruntime_genai``; the one installed last owns the files).
Used by `edged hw detect`, `edged doctor` and the TensorRT-LLM loader; metadata only, no imports
of the runtimes themselves.
"""

from __future__ import annotations

import importlib.metadata
import sys
from collections.abc import Callable, Mapping
from dataclasses import dataclass

# tensorrt-llm 1.2.1 on PyPI is a source stub whose setup fetches the real wheel from NVIDIA's
# index (https://pypi.nvidia.com); NVIDIA builds those for CPython 3.10 and 3.12 on Linux
# (TensorRT-LLM installation guide: "Python: 3.10 or 3.12"), and pins torch and transformers
# versions of its own, so it gets an environment without the build-cpu extra.
TRTLLM_PYTHONS: tuple[tuple[int, int], ...] = ((3, 10), (3, 12))
TRTLLM_INDEX = "https://pypi.nvidia.com"
# The CPU and CUDA distributions of ONNX Runtime GenAI: the same module, different libraries.
GENAI_MODULE = "onnxruntime_genai"
GENAI_CPU, GENAI_CUDA = "onnxruntime-genai", "onnxruntime-genai-cuda"
# Which distribution of the module each backend needs (None: either; on Jetson the CUDA build
# comes from NVIDIA's Jetson index under the plain name, so the name alone does not tell).
GENAI_WANTED: dict[str, str] = {"onnx-genai-cpu": GENAI_CPU}

Providers = Callable[[], Mapping[str, list[str]]]


def trtllm_python_problem(version: tuple[int, int] | None = None) -> str | None:
    """Why this Python cannot install tensorrt-llm 1.2.1, or None."""
    major, minor = version or (sys.version_info.major, sys.version_info.minor)
    if (major, minor) in TRTLLM_PYTHONS:
        return None
    wanted = " or ".join(f"{a}.{b}" for a, b in TRTLLM_PYTHONS)
    return (
        f"tensorrt-llm 1.2.1 has wheels for CPython {wanted} only (from NVIDIA's index, "
        f"{TRTLLM_INDEX}) and this is Python {major}.{minor}: make a separate environment with "
        f"python{TRTLLM_PYTHONS[-1][0]}.{TRTLLM_PYTHONS[-1][1]} -m venv and pip install "
        f"'edged[trtllm]' --extra-index-url {TRTLLM_INDEX} there (scripts/install --extras trtllm "
        "does this; never beside build-cpu, whose torch and transformers pins conflict)"
    )


def module_providers(module: str, providers: Providers | None = None) -> list[str]:
    """The installed distributions that ship ``module``, sorted."""
    table = (providers or importlib.metadata.packages_distributions)()
    return sorted(set(table.get(module, [])))


def genai_problem(backend: str, providers: Providers | None = None, *, jetson: bool = False) -> str | None:
    """What is wrong with the installed ONNX Runtime GenAI for ``backend``, or None."""
    if not backend.startswith("onnx-genai"):
        return None
    found = module_providers(GENAI_MODULE, providers)
    if GENAI_CPU in found and GENAI_CUDA in found:
        return (
            f"both {GENAI_CPU} and {GENAI_CUDA} are installed and provide the module "
            f"{GENAI_MODULE}: its files are those of whichever was installed last (installing "
            "build-cpu after cuda replaces the CUDA runtime silently). pip uninstall -y "
            f"{GENAI_CPU} {GENAI_CUDA}, then install the one extra this machine needs "
            "(cuda for a GPU profile, cpu for the cpu profile), and convert checkpoints with the "
            "convert extra, which does not bring a runtime"
        )
    wanted = GENAI_WANTED.get(backend)
    if wanted is not None and found and wanted not in found:
        return (f"the {backend} backend needs {wanted}, but {GENAI_MODULE} comes from "
                f"{', '.join(found)}: pip install 'edged[cpu]' in an environment without it")
    if backend == "onnx-genai-cuda" and found == [GENAI_CPU] and not jetson:
        return (f"{GENAI_MODULE} comes from {GENAI_CPU}, the CPU build: on this x86_64 GPU "
                f"machine pip uninstall -y {GENAI_CPU} && pip install 'edged[cuda]'")
    return None


@dataclass(frozen=True)
class RuntimeReport:
    backend: str
    python: str
    providers: dict[str, list[str]]  # module -> the distributions that ship it
    problems: list[str]


def runtime_report(
    backend: str, providers: Providers | None = None, *, jetson: bool = False,
) -> RuntimeReport:
    """For `edged hw detect` and `edged doctor`: who provides each runtime module, what is wrong."""
    problems = [p for p in (genai_problem(backend, providers, jetson=jetson),) if p]
    if backend == "trtllm":
        python = trtllm_python_problem()
        if python:
            problems.append(python)
    return RuntimeReport(
        backend=backend,
        python=f"{sys.version_info.major}.{sys.version_info.minor}",
        providers={module: module_providers(module, providers)
                   for module in (GENAI_MODULE, "tensorrt_llm", "onnxruntime")},
        problems=problems,
    )

