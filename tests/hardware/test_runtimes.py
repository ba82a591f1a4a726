"""Which distribution provides each runtime module, and the Python tensorrt-llm has wheels for."""

from __future__ import annotations

from edged.hardware.runtimes import genai_problem, runtime_report, trtllm_python_problem


def providers(*dists: str) -> dict[str, list[str]]:
    return {"onnxruntime_genai": list(dists), "numpy": ["numpy"]}


def test_both_genai_builds_installed_is_a_problem_for_either_backend() -> None:
    both = providers("onnxruntime-genai-cuda", "onnxruntime-genai")
    for backend in ("onnx-genai-cuda", "onnx-genai-cpu"):
        problem = genai_problem(backend, lambda: both)
        assert problem is not None
        assert problem.startswith("both onnxruntime-genai and onnxruntime-genai-cuda are installed")
        assert "installing build-cpu after cuda replaces the CUDA runtime silently" in problem
    assert genai_problem("trtllm", lambda: both) is None


def test_the_wrong_single_build_is_named() -> None:
    cpu_only = providers("onnxruntime-genai")
    assert "the CPU build" in (genai_problem("onnx-genai-cuda", lambda: cpu_only) or "")
    # On a Jetson NVIDIA's CUDA build carries the plain name: nothing to say.
    assert genai_problem("onnx-genai-cuda", lambda: cpu_only, jetson=True) is None
    assert genai_problem("onnx-genai-cpu", lambda: cpu_only) is None
    cuda_only = providers("onnxruntime-genai-cuda")
    assert "needs onnxruntime-genai" in (genai_problem("onnx-genai-cpu", lambda: cuda_only) or "")


def test_trtllm_python_versions() -> None:
    assert trtllm_python_problem((3, 10)) is None
    assert trtllm_python_problem((3, 12)) is None
    problem = trtllm_python_problem((3, 11))
    assert problem is not None
    assert problem.startswith("tensorrt-llm 1.2.1 has wheels for CPython 3.10 or 3.12 only")
    assert "https://pypi.nvidia.com" in problem and "never beside build-cpu" in problem


def test_runtime_report_lists_providers_and_problems() -> None:
    both = providers("onnxruntime-genai-cuda", "onnxruntime-genai")
    report = runtime_report("onnx-genai-cuda", lambda: both)
    assert report.providers["onnxruntime_genai"] == ["onnxruntime-genai", "onnxruntime-genai-cuda"]
    assert report.providers["tensorrt_llm"] == []
    assert len(report.problems) == 1
