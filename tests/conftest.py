"""Shared fixtures: the real CPU engine, built once per machine into a cache outside the repo."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from edged.engines.base import Engine
from edged.engines.build import plan_build, run_build
from edged.engines.continuous import ContinuousOnnxEngine
from edged.engines.loader import load_engine
from edged.engines.store import EngineStore
from edged.hardware.detect import detect
from edged.hardware.facts import HardwareFacts
from edged.hardware.profiles import Profile, get_profile

pytest_plugins = ["tests.support.fixtures"]


def _test_store_root() -> Path:
    configured = os.environ.get("EDGED_TEST_STORE")
    if configured:
        return Path(configured)
    cache = Path(os.environ.get("XDG_CACHE_HOME", Path.home() / ".cache"))
    return cache / "edged" / "test-engines"


@pytest.fixture(scope="session")
def cpu_profile() -> Profile:
    return get_profile("cpu")


@pytest.fixture(scope="session")
def machine() -> HardwareFacts:
    return detect()


@pytest.fixture(scope="session")
def engine_store(cpu_profile: Profile, machine: HardwareFacts) -> EngineStore:
    """The store holding the real cpu engine; built on first use, a no-op afterwards."""
    store = EngineStore(_test_store_root())
    run_build(plan_build(cpu_profile, machine, store), store)
    return store


@pytest.fixture(scope="session")
def cpu_engine(engine_store: EngineStore, cpu_profile: Profile, machine: HardwareFacts) -> Iterator[Engine]:
    engine = load_engine(engine_store, cpu_profile, machine)
    yield engine
    engine.close()


@pytest.fixture(scope="session")
def continuous_engine(cpu_engine: Engine) -> Iterator[ContinuousOnnxEngine]:
    """The continuous-batching engine over the CPU engine's folder, with a slot for 8 callers."""
    engine = ContinuousOnnxEngine(cpu_engine.info.path, cpu_engine.info, slots=8)
    yield engine
    engine.close()


TINY_PHI3 = "phi-3-tiny-test"


@pytest.fixture(scope="session")
def tiny_phi3_checkpoint(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The Phi-3-shaped random checkpoint (tests/support/tiny_phi3.py), written in a child process
    so torch stays out of the test process; byte-identical each time, so its engine is cached."""
    folder = tmp_path_factory.mktemp("tiny-phi3") / "checkpoint"
    written = subprocess.run([sys.executable, "-m", "tests.support.tiny_phi3", str(folder)],
                             cwd=Path(__file__).parent.parent, capture_output=True, text=True, check=False)
    assert written.returncode == 0, written.stderr[-3000:]
    return folder


@pytest.fixture(scope="session")
def tiny_phi3_engine(
    tiny_phi3_checkpoint: Path, cpu_profile: Profile, machine: HardwareFacts,
) -> Iterator[Engine]:
    """The tiny Phi-3 converted by the cpu profile's builder, in the same store as SmolLM2."""
    store = EngineStore(_test_store_root())
    run_build(plan_build(cpu_profile, machine, store, model_id=TINY_PHI3, checkpoint=tiny_phi3_checkpoint),
              store)
    engine = load_engine(store, cpu_profile, machine, model_id=TINY_PHI3)
    yield engine
    engine.close()
