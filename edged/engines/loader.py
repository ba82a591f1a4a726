"""Find, check and load the stored engine that belongs to this machine's hardware profile."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from edged.backends import BACKENDS, backend_spec
from edged.engines.backends import library_versions, resolve
from edged.engines.base import Engine, EngineInfo
from edged.engines.manifest import EngineManifest, check_files
from edged.engines.store import EngineStore
from edged.errors import BuildError, FingerprintMismatch, StoreError
from edged.hardware.facts import HardwareFacts
from edged.hardware.profiles import Profile


@dataclass(frozen=True)
class EngineCheck:
    folder: Path
    manifest: EngineManifest
    differences: list[str]  # fingerprint fields that differ from this machine
    file_problems: list[str]

    @property
    def ok(self) -> bool:
        return not self.differences and not self.file_problems


def check_engine(
    store: EngineStore,
    profile: Profile,
    facts: HardwareFacts,
    *,
    model_id: str | None = None,
    full: bool = True,
) -> EngineCheck:
    """Compare the stored engine for ``profile`` with this machine; ``full`` hashes every file."""
    model = model_id or profile.engine.model
    folder = store.folder(profile.name, model)
    manifest = store.read(profile.name, model)
    if manifest is None:
        raise StoreError(
            f"No engine is built for profile {profile.name} and model {model} in {store.root}. "
            f"Build one with: edged engine build --profile {profile.name}",
            code="engine_missing",
        )
    backend = backend_spec(manifest.backend)
    differences = manifest.fingerprint.runtime_differences(
        profile.hardware_identity(facts), library_versions(backend.runtime_libraries),
    )
    return EngineCheck(folder, manifest, differences, check_files(folder, manifest.files, full=full))


def load_engine(
    store: EngineStore,
    profile: Profile,
    facts: HardwareFacts,
    *,
    model_id: str | None = None,
    batching: str = "static",
) -> Engine:
    """Load the engine built for this machine, or say exactly why it cannot be used."""
    check = usable_engine(store, profile, facts, model_id=model_id)
    return load_engine_from(check.folder, check.manifest, batching=batching)


def usable_engine(
    store: EngineStore,
    profile: Profile,
    facts: HardwareFacts,
    *,
    model_id: str | None = None,
) -> EngineCheck:
    """The stored engine built for this machine (checked, not loaded), or say exactly why not."""
    check = check_engine(store, profile, facts, model_id=model_id, full=False)
    if check.differences:
        raise FingerprintMismatch(
            f"The engine in {check.folder} was built for other hardware or software: "
            + "; ".join(check.differences)
            + f". Rebuild it here with: edged engine build --profile {profile.name} --force",
        )
    if check.file_problems:
        raise StoreError(
            f"The engine in {check.folder} is damaged: " + "; ".join(check.file_problems)
            + f". Rebuild it with: edged engine build --profile {profile.name} --force",
            code="engine_corrupt",
        )
    return check


def load_engine_from(folder: Path, manifest: EngineManifest, *, batching: str = "static") -> Engine:
    """Load the engine in ``folder``; ``batching = "continuous"`` picks the backend's engine that
    batches continuously where it has one (the static one otherwise)."""
    backend = BACKENDS.get(manifest.backend)
    if backend is None:
        raise BuildError(f"{folder}: unknown backend {manifest.backend!r} in the manifest.")
    dotted = backend.engine_class
    if batching == "continuous" and backend.continuous_engine_class is not None:
        dotted = backend.continuous_engine_class
    engine_class = resolve(dotted)
    info = EngineInfo(
        backend=manifest.backend,
        model_id=manifest.model_id,
        profile=manifest.profile,
        context_length=manifest.context_length,
        max_batch_size=manifest.max_batch_size,
        path=folder,
    )
    engine = engine_class(folder, info)  # type: ignore[operator]
    if not isinstance(engine, Engine):
        raise BuildError(f"{dotted} does not implement the Engine protocol.")
    return engine
