"""The engine store: ``<root>/<profile>/<model-id>/`` holds one built engine and its manifest.

Builds happen in ``<root>/.staging/`` on the same filesystem and are renamed into place, so an
interrupted build never leaves a half-written engine where the daemon looks for one. A lock file
keeps two builds from racing.
"""

from __future__ import annotations

import contextlib
import fcntl
import os
import shutil
import tempfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from edged.engines.manifest import EngineManifest
from edged.errors import StoreError
from edged.paths import ENGINE_STORE

STAGING = ".staging"
LOCK = ".lock"


def default_store() -> Path:
    """$EDGED_ENGINE_STORE; else ``engines/`` of the source checkout edged runs from; else /var/lib."""
    configured = os.environ.get("EDGED_ENGINE_STORE")
    if configured:
        return Path(configured)
    checkout = Path(__file__).resolve().parents[2]
    if (checkout / "pyproject.toml").is_file() and (checkout / "engines").is_dir():
        return checkout / "engines"
    return ENGINE_STORE


@dataclass(frozen=True)
class StoredEngine:
    profile: str
    model_id: str
    folder: Path
    manifest: EngineManifest | None
    problem: str | None


class EngineStore:
    def __init__(self, root: Path) -> None:
        self.root = root

    def folder(self, profile: str, model_id: str) -> Path:
        return self.root / profile / model_id

    def read(self, profile: str, model_id: str) -> EngineManifest | None:
        """The manifest of a stored engine; None if nothing is stored there."""
        folder = self.folder(profile, model_id)
        if not folder.exists():
            return None
        return EngineManifest.read(folder)

    def entries(self) -> list[StoredEngine]:
        found: list[StoredEngine] = []
        if not self.root.is_dir():
            return found
        for profile_dir in sorted(p for p in self.root.iterdir() if p.is_dir()):
            if profile_dir.name.startswith("."):
                continue
            for folder in sorted(p for p in profile_dir.iterdir() if p.is_dir()):
                try:
                    manifest: EngineManifest | None = EngineManifest.read(folder)
                    problem = None
                except StoreError as exc:
                    manifest, problem = None, exc.message
                found.append(StoredEngine(profile_dir.name, folder.name, folder, manifest, problem))
        return found

    def _ensure_root(self) -> None:
        try:
            (self.root / STAGING).mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise StoreError(
                f"Cannot create the engine store at {self.root} ({exc.strerror}). Choose a "
                "writable folder with --store DIR or $EDGED_ENGINE_STORE.",
            ) from None

    @contextlib.contextmanager
    def locked(self) -> Iterator[None]:
        """Hold the store's build lock; a second builder waits for it rather than racing."""
        self._ensure_root()
        with (self.root / LOCK).open("a") as handle:
            fcntl.flock(handle, fcntl.LOCK_EX)
            try:
                yield
            finally:
                fcntl.flock(handle, fcntl.LOCK_UN)

    def clean_staging(self) -> None:
        """Remove what interrupted builds left behind. Call with the lock held."""
        for leftover in (self.root / STAGING).iterdir():
            shutil.rmtree(leftover, ignore_errors=True)

    @contextlib.contextmanager
    def staging(self, profile: str, model_id: str) -> Iterator[Path]:
        """A fresh folder to build into; removed if the build fails. Call with the lock held."""
        path = Path(tempfile.mkdtemp(prefix=f"{profile}-{model_id}-", dir=self.root / STAGING))
        try:
            yield path
        finally:
            shutil.rmtree(path, ignore_errors=True)

    def install(self, staged: Path, profile: str, model_id: str) -> Path:
        """Move a finished build into place; the previous engine, if any, is replaced whole."""
        target = self.folder(profile, model_id)
        target.parent.mkdir(parents=True, exist_ok=True)
        retired = None
        if target.exists():
            retired = self.root / STAGING / f"retired-{profile}-{model_id}-{os.getpid()}"
            shutil.rmtree(retired, ignore_errors=True)
            target.rename(retired)
        staged.rename(target)
        if retired is not None:
            shutil.rmtree(retired, ignore_errors=True)
        _fsync_dir(target.parent)
        return target


def _fsync_dir(path: Path) -> None:
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)
