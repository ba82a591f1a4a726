"""Shared fixtures: the real CPU engine, built once per machine into a cache outside the repo."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest

from edged.engines.base import Engine
from edged.engines.build import plan_build, run_build
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
