"""The tiny LoRA adapter (tests/adapters/tiny_lora.py), trained once per machine: cached under the
test engine store by the hash of its training code, its data and the base GGUF's name, so a change
to any of them trains it again and nothing else does."""

from __future__ import annotations

import hashlib
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from edged.engines.cpu_convert import SMOLLM2_GGUF

HERE = Path(__file__).parent
SOURCES = (HERE / "tiny_lora.py", HERE / "data.py")


def _store_root() -> Path:
    # As tests/conftest.py's engine store: $EDGED_TEST_STORE, else the user's cache.
    configured = os.environ.get("EDGED_TEST_STORE")
    if configured:
        return Path(configured)
    return Path(os.environ.get("XDG_CACHE_HOME", Path.home() / ".cache")) / "edged" / "test-engines"


def adapter_key() -> str:
    digest = hashlib.sha256()
    for source in SOURCES:
        digest.update(source.read_bytes())
    digest.update(SMOLLM2_GGUF.encode())
    return digest.hexdigest()[:16]


@pytest.fixture(scope="session")
def tiny_lora_dir() -> Path:
    """The trained PEFT folder; trained in a child process (torch stays out of the test process)
    into a scratch folder that is renamed into place only when training finished."""
    folder = _store_root() / "adapters" / adapter_key()
    if (folder / "adapter_model.safetensors").is_file():
        return folder
    scratch = folder.with_name(f"{folder.name}.partial")
    shutil.rmtree(scratch, ignore_errors=True)
    trained = subprocess.run([sys.executable, "-m", "tests.adapters.tiny_lora", str(scratch)],
                             cwd=HERE.parent.parent, capture_output=True, text=True, check=False)
    assert trained.returncode == 0, trained.stderr[-3000:]
    try:
        scratch.rename(folder)
    except OSError:  # another session finished the same training first: keep its folder
        if not (folder / "adapter_model.safetensors").is_file():
            raise
        shutil.rmtree(scratch)
    return folder
