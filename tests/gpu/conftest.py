"""The backend contract's engines: the CPU engine everywhere, this machine's GPU engine under -m gpu.

The GPU engine is the one `edged engine build --profile auto` stored for this machine's profile
(in $EDGED_ENGINE_STORE, or the default store); where none can load, the GPU cases skip and say why.
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from edged.backends import backend_spec
from edged.engines.backends import library_versions
from edged.engines.base import Engine
from edged.engines.loader import load_engine
from edged.engines.store import EngineStore, default_store
from edged.errors import EdgedError
from edged.hardware.report import detect_and_match
from tests.adapters.conftest import tiny_lora_dir  # noqa: F401 - the trained test adapter, for the contract


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line(
        "markers",
        "gpu: runs the backend contract on this machine's GPU engine (TensorRT-LLM or ONNX Runtime "
        "GenAI on CUDA); skips, saying why, where none loads",
    )


def _gpu_engine() -> tuple[Engine | None, str]:
    """This machine's GPU engine, or None and why not."""
    try:
        report = detect_and_match()
    except EdgedError as exc:
        return None, f"hardware detection failed: {exc.message}"
    profile, facts = report.chosen, report.facts
    backend = backend_spec(profile.engine.backend)
    if not backend.needs_gpu:
        return None, (f"no GPU backend on this machine: detected kind {facts.kind!r} "
                      f"(NVML: {facts.nvml_status}), profile {profile.name}")
    runtime = library_versions(backend.runtime_libraries)
    if all(v == "absent" for name, v in runtime.items() if name in ("tensorrt-llm", "onnxruntime-genai-cuda",
                                                                    "onnxruntime-genai")):
        return None, (f"profile {profile.name} uses {backend.name}, whose runtime is not installed here "
                      f"(pip install 'edged[{backend.extra}]')")
    store = EngineStore(default_store())
    try:
        return load_engine(store, profile, facts), ""
    except EdgedError as exc:
        return None, f"no {backend.name} engine loads for profile {profile.name}: {exc.message}"


@pytest.fixture(scope="session")
def gpu_engine() -> Iterator[Engine]:
    engine, reason = _gpu_engine()
    if engine is None:
        pytest.skip(reason)
    yield engine
    engine.close()


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    # Marked here, not in the params below: this conftest's marker is registered only once it is
    # loaded, after its module-level code has run.
    for item in items:
        callspec = getattr(item, "callspec", None)
        if callspec is not None and "contract_engine" in callspec.params:
            item.add_marker("gpu" if callspec.params["contract_engine"] == "gpu" else "engine")


@pytest.fixture(params=[
    pytest.param("cpu", id="onnx-genai-cpu"),
    pytest.param("continuous", id="continuous-cpu"),
    pytest.param("gpu", id="gpu"),
])
def contract_engine(request: pytest.FixtureRequest) -> Engine:
    name = {"cpu": "cpu_engine", "continuous": "continuous_engine", "gpu": "gpu_engine"}[request.param]
    engine: Engine = request.getfixturevalue(name)
    return engine
