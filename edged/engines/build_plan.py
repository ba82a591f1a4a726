"""Plan an engine build: the model, the checkpoint and its hash, the GPU plan where the backend
needs one, the fingerprint, and whether the store already holds it.

    plan_build() -> BuildPlan (pure: profile + facts + checkpoint hash; `--dry-run` stops here)

Which backend builds, and whether it plans a GPU, is asked of ``edged.backends``.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Literal, Protocol

from pydantic import Field

from edged.backends import BackendSpec, backend_spec
from edged.basemodel import StrictModel
from edged.engines.backends import library_versions
from edged.engines.gpu_plan import GpuPlan, HostMemory, plan_gpu, read_host_memory
from edged.engines.manifest import Fingerprint, Scalar, check_files, sha256_file
from edged.engines.models import MODELS, ModelSpec
from edged.engines.store import EngineStore
from edged.errors import CheckpointError, ConfigError, EdgedError
from edged.hardware.facts import HardwareFacts
from edged.hardware.profiles import Profile

BUILD_FORMAT = 1  # bump when the build recipe changes what it produces
# Backends whose recipe changed since: the ONNX ones give every projection LoRA inputs (format 2)
# and keep the graph without them beside it (3).
BACKEND_BUILD_FORMATS = {"onnx-genai-cpu": 3, "onnx-genai-cuda": 3}
Action = Literal["build", "cached", "rebuild"]


class BuildReporter(Protocol):
    """Told about each build step, so the CLI can draw progress and tests can record it."""

    def start(self, step: str, description: str) -> None: ...

    def done(self, step: str, detail: str) -> None: ...


class SilentReporter:
    def start(self, step: str, description: str) -> None:
        pass

    def done(self, step: str, detail: str) -> None:
        pass


class BuildPlan(StrictModel):
    profile: str
    model_id: str
    backend: str
    quantization: str
    checkpoint: str
    store_folder: str
    context_length: int
    max_batch_size: int
    fingerprint: Fingerprint
    fingerprint_digest: str
    stored_digest: str | None
    action: Action
    buildable: bool
    # False for a dry run without a checkpoint: the digest above lacks the checkpoint's hash, and
    # still_needed says what a real build needs.
    fingerprint_complete: bool = True
    still_needed: list[str] = Field(default_factory=list)
    notes: list[str]
    # GPU backends: quantization, memory arithmetic, limits and refusals (edged.engines.gpu_plan).
    gpu: GpuPlan | None = None


# A builder converts the checkpoint into ``out_dir`` (work_dir is scratch, log collects output),
# reports its steps, and returns the versions of the tools it used.
Builder = Callable[[BuildPlan, Path, Path, Path, BuildReporter], dict[str, str]]


def model_spec(model_id: str) -> ModelSpec:
    try:
        return MODELS[model_id]
    except KeyError:
        known = ", ".join(sorted(m.model_id for m in MODELS.values() if not m.test_only))
        raise ConfigError(
            f"Unknown model {model_id!r}. edged can build: {known}. Pass one with --model.",
            code="unknown_model",
        ) from None


def resolve_checkpoint(spec: ModelSpec, checkpoint: Path | None) -> Path:
    if checkpoint is None:
        if spec.checkpoint_source == "bundled-gguf":
            from edged.engines.cpu_convert import bundled_smollm2_gguf

            return bundled_smollm2_gguf()
        raise CheckpointError(
            f"Model {spec.model_id} has no bundled weights and edged never downloads them: "
            "pass the checkpoint folder you were given with --checkpoint PATH.",
            code="checkpoint_missing",
        )
    if not checkpoint.exists():
        raise CheckpointError(
            f"The checkpoint {checkpoint} does not exist. Pass the path of the model file or "
            "folder with --checkpoint PATH.",
            code="checkpoint_missing",
        )
    return checkpoint


def checkpoint_sha256(path: Path) -> str:
    """Content hash of a checkpoint file, or of every file of a checkpoint folder."""
    try:
        if path.is_file():
            return sha256_file(path)
        digest = hashlib.sha256()
        files = sorted(p for p in path.rglob("*") if p.is_file())
        if not files:
            raise CheckpointError(f"The checkpoint folder {path} is empty.", code="checkpoint_missing")
        for file in files:
            digest.update(file.relative_to(path).as_posix().encode() + b"\0")
            digest.update(sha256_file(file).encode() + b"\0")
        return digest.hexdigest()
    except OSError as exc:
        raise CheckpointError(
            f"Cannot read the checkpoint {path} ({exc.strerror}). Check the path and its permissions.",
        ) from None


@dataclass(frozen=True)
class _Shape:
    """The engine's limits: the profile's, or the GPU plan's where the backend has one."""

    gpu: GpuPlan | None
    context: int
    max_batch_size: int
    max_input_len: int


def plan_build(
    profile: Profile,
    facts: HardwareFacts,
    store: EngineStore,
    *,
    model_id: str | None = None,
    checkpoint: Path | None = None,
    force: bool = False,
    host_memory: HostMemory | None = None,
    dry_run: bool = False,
) -> BuildPlan:
    """The plan; a ``dry_run`` of a GPU backend without a checkpoint plans on the model's known
    geometry, with the fingerprint marked incomplete."""
    spec = model_spec(model_id or profile.engine.model)
    backend = backend_spec(profile.engine.backend)
    planned_only = (dry_run and checkpoint is None and backend.needs_gpu
                    and spec.checkpoint_source != "bundled-gguf")
    source = None if planned_only else resolve_checkpoint(spec, checkpoint)
    shape = _shape(profile, facts, spec, backend, source, host_memory=host_memory)
    fingerprint = _fingerprint(profile, facts, spec, backend, source=source, shape=shape)
    digest = fingerprint.digest()
    folder = store.folder(profile.name, spec.model_id)
    action, stored_digest, notes = _store_action(store, profile, spec.model_id, fingerprint, force=force)
    gpu = shape.gpu
    blockers = build_blockers(backend, gpu)
    notes.extend(f"REFUSED: {refusal}" for refusal in (gpu.refusals if gpu else []))
    notes.extend(gpu.notes if gpu else [])
    notes.extend(b for b in blockers if not (gpu and b in gpu.refusals))
    still_needed = list(gpu.still_needed) if gpu else []
    if source is None:
        blockers.append("no checkpoint: a dry run only")
    return BuildPlan(
        profile=profile.name,
        model_id=spec.model_id,
        backend=backend.name,
        quantization=profile.engine.quantization,
        checkpoint=str(source) if source is not None else "",
        store_folder=str(folder),
        context_length=shape.context,
        max_batch_size=shape.max_batch_size,
        fingerprint=fingerprint,
        fingerprint_digest=digest,
        stored_digest=stored_digest,
        action=action,
        buildable=not blockers,
        fingerprint_complete=source is not None,
        still_needed=still_needed,
        notes=notes,
        gpu=gpu,
    )


def _shape(
    profile: Profile, facts: HardwareFacts, spec: ModelSpec, backend: BackendSpec, source: Path | None,
    *, host_memory: HostMemory | None,
) -> _Shape:
    if not backend.needs_gpu:
        engine = profile.engine
        return _Shape(None, min(spec.context_length, engine.max_seq_len), engine.max_batch_size,
                      engine.max_input_len)
    host = host_memory if host_memory is not None else read_host_memory()
    gpu = plan_gpu(profile, facts, spec, source, host)
    return _Shape(gpu, gpu.max_seq_len, gpu.max_batch_size, gpu.max_input_len)


def _fingerprint(
    profile: Profile, facts: HardwareFacts, spec: ModelSpec, backend: BackendSpec,
    *, source: Path | None, shape: _Shape,
) -> Fingerprint:
    settings: dict[str, Scalar] = {
        "build_format": BACKEND_BUILD_FORMATS.get(backend.name, BUILD_FORMAT),
        "backend": backend.name,
        "model_id": spec.model_id,
        "context_length": shape.context,
        "max_batch_size": shape.max_batch_size,
        "max_input_len": shape.max_input_len,
        "max_num_tokens": profile.engine.max_num_tokens,
        "kv_cache_dtype": profile.engine.kv_cache_dtype,
    }
    if shape.gpu is not None:
        # Only GPU builds carry these, so the cpu engine's fingerprint stays what it was.
        settings.update(
            chunked_context=shape.gpu.chunked_context,
            lora_slots=shape.gpu.lora_slots,
            lora_max_rank=shape.gpu.lora_max_rank,
            checkpoint_kind=shape.gpu.checkpoint_kind,
        )
    return Fingerprint(
        hardware=profile.hardware_identity(facts),
        libraries=library_versions(backend.runtime_libraries),
        checkpoint_sha256=checkpoint_sha256(source) if source is not None else "unknown: no --checkpoint",
        build=settings,
        quantization=profile.engine.quantization,
    )


def _store_action(
    store: EngineStore, profile: Profile, model_id: str, fingerprint: Fingerprint, *, force: bool,
) -> tuple[Action, str | None, list[str]]:
    """Build, rebuild or use the cached engine; the stored digest; notes on why."""
    digest = fingerprint.digest()
    folder = store.folder(profile.name, model_id)
    notes = []
    try:
        stored = store.read(profile.name, model_id)
    except EdgedError as exc:
        stored = None
        notes.append(f"the stored engine is unusable and will be replaced: {exc.message}")
    stored_digest = stored.fingerprint_digest if stored else None
    if stored is not None and stored_digest == digest and not force:
        problems = check_files(folder, stored.files, full=False)
        notes.extend(f"stored file {p}" for p in problems)
        return ("rebuild" if problems else "cached"), stored_digest, notes
    if stored is None and not folder.exists():
        return "build", stored_digest, notes
    if stored is not None and stored_digest != digest:
        notes.extend(
            f"fingerprint changed: {change}"
            for change in fingerprint_changes(stored.fingerprint, fingerprint)
        )
    if force:
        notes.append("--force: rebuilding even though the fingerprint may match")
    return "rebuild", stored_digest, notes


def build_blockers(backend: BackendSpec, gpu: GpuPlan | None) -> list[str]:
    """Why this plan cannot be built here; empty when it can."""
    if backend.builder is None:
        return [f"this version of edged cannot build the {backend.name} backend yet; the plan "
                "above is what a build would use"]
    blockers = list(gpu.refusals) if gpu else []
    missing = [
        requirement for requirement in backend.build_requires
        if all(v == "absent" for v in library_versions(tuple(requirement.split("|"))).values())
    ]
    if missing:
        blockers.append(
            f"the {backend.name} backend cannot be built on this machine: "
            f"{', '.join(m.replace('|', ' or ') for m in missing)} is not installed (pip install "
            f"'edged[{backend.extra}]' on the machine it is for)",
        )
    return blockers


def fingerprint_changes(old: Fingerprint, new: Fingerprint) -> list[str]:
    changes = []
    old_d, new_d = old.model_dump(mode="json"), new.model_dump(mode="json")
    for section in sorted(set(old_d) | set(new_d)):
        was, now = old_d.get(section), new_d.get(section)
        if isinstance(was, dict) and isinstance(now, dict):
            for key in sorted(set(was) | set(now)):
                if was.get(key) != now.get(key):
                    changes.append(f"{section}.{key}: {was.get(key)!r} -> {now.get(key)!r}")
        elif was != now:
            changes.append(f"{section}: {was!r} -> {now!r}")
    return changes
