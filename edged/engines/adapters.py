"""LoRA adapters in the engine store: built from a PEFT folder for one stored engine, kept beside it,
listed, verified, removed, and resolved for the tasks that name them.

``<store>/.adapters/<profile>/<model-id>/<name>/`` holds one adapter: the converted weights and a
manifest naming the base engine's fingerprint. The folder sits outside the engine's own, so an
engine rebuild does not delete the site's adapters; if the rebuild changed the engine's
fingerprint, the adapters are refused (with both fingerprints) until rebuilt for it.

The ONNX backends take an onnxruntime adapter file (``adapter.onnx_adapter``) whose tensors are the
engine graph's LoRA inputs (``edged.engines.lora_graph``); TensorRT-LLM reads the PEFT folder
itself (``LoRARequest``), so for it the folder is copied as it is.
"""

from __future__ import annotations

import hashlib
import json
import re
import shutil
import tempfile
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path
from typing import Any, Literal

from pydantic import Field, ValidationError

from edged import __version__
from edged.basemodel import StrictModel
from edged.engines.base import AdapterRef
from edged.engines.manifest import EngineManifest, FileEntry, check_files, describe_files
from edged.engines.peft_lora import read_peft
from edged.errors import AdapterError, StoreError

ADAPTERS = ".adapters"
MANIFEST = "adapter.json"
ONNX_FILE = "adapter.onnx_adapter"
PEFT_FOLDER = "peft"
NAME = re.compile(r"^[a-z0-9][a-z0-9_-]{0,63}$")
ONNX_BACKENDS = ("onnx-genai-cpu", "onnx-genai-cuda")


class AdapterManifest(StrictModel):
    format_version: Literal[1] = 1
    name: str
    task: str | None = Field(default=None, description="The task it was built for (informational).")
    edged_version: str
    profile: str
    model_id: str
    backend: str
    base_fingerprint: str = Field(description="fingerprint_digest of the engine it was built for.")
    rank: int = Field(description="The PEFT checkpoint's r (packed ranks may add up to more).")
    alpha: float
    target_modules: list[str]
    projections: int = Field(description="How many of the engine's projections it changes.")
    source: str = Field(description="The PEFT folder it was built from (informational).")
    base_model: str = Field(description="base_model_name_or_path of the PEFT checkpoint (informational).")
    entry: str = Field(description="The file (or folder) the engine loads.")
    files: dict[str, FileEntry]
    built_at: datetime

    def ref(self, folder: Path) -> AdapterRef:
        """What the engine loads, with a digest of its content: the file's SHA-256, or for a folder
        (TensorRT-LLM's PEFT copy) one over its files', so a replaced folder is loaded afresh too."""
        if self.entry in self.files:
            digest = self.files[self.entry].sha256
        else:
            inside = sorted((n, f.sha256) for n, f in self.files.items() if n.startswith(self.entry + "/"))
            digest = hashlib.sha256("\n".join(f"{n} {h}" for n, h in inside).encode()).hexdigest()
        return AdapterRef(self.name, folder / self.entry, digest)


@dataclass(frozen=True)
class StoredAdapter:
    name: str
    folder: Path
    manifest: AdapterManifest | None
    problem: str | None


def check_name(name: str) -> str:
    if not NAME.match(name):
        raise AdapterError(
            f"{name!r} is not a valid adapter name: use 1-64 lowercase letters, digits, '-' or '_', "
            "starting with a letter or digit.",
            code="adapter_invalid",
        )
    return name


class AdapterStore:
    """The adapters of one stored engine (``engine_folder``, with its manifest)."""

    def __init__(self, store_root: Path, engine_folder: Path, engine: EngineManifest) -> None:
        self.root = store_root / ADAPTERS / engine.profile / engine.model_id
        self.engine_folder = engine_folder
        self.engine = engine

    @classmethod
    def of_engine(cls, engine_folder: Path) -> AdapterStore:
        """The adapter store beside the engine in ``engine_folder`` (``<root>/<profile>/<model>``)."""
        return cls(engine_folder.parent.parent, engine_folder, EngineManifest.read(engine_folder))

    def folder(self, name: str) -> Path:
        return self.root / check_name(name)

    def read(self, name: str) -> AdapterManifest:
        folder = self.folder(name)
        path = folder / MANIFEST
        if not path.is_file():
            names = ", ".join(a.name for a in self.entries()) or "none"
            raise AdapterError(
                f"No adapter {name!r} is stored for engine {self.engine.profile}/{self.engine.model_id} "
                f"(stored: {names}). Build it with `edged adapter build --task TASK --name {name} "
                "--from PEFT_DIR`.",
                code="adapter_missing",
            )
        try:
            return AdapterManifest.model_validate(json.loads(path.read_text(encoding="utf-8")))
        except (OSError, UnicodeDecodeError, json.JSONDecodeError, ValidationError) as exc:
            raise AdapterError(
                f"{path} is damaged ({str(exc).splitlines()[0]}); rebuild the adapter with "
                f"`edged adapter build --task TASK --name {name} --from PEFT_DIR --force`.",
                code="adapter_invalid",
            ) from None

    def entries(self) -> list[StoredAdapter]:
        if not self.root.is_dir():
            return []
        found = []
        for folder in sorted(p for p in self.root.iterdir() if p.is_dir() and not p.name.startswith(".")):
            try:
                found.append(StoredAdapter(folder.name, folder, self.read(folder.name), None))
            except AdapterError as exc:
                found.append(StoredAdapter(folder.name, folder, None, exc.message))
        return found

    def check(self, manifest: AdapterManifest, *, full: bool) -> AdapterRef:
        """The adapter's reference if it is whole and built for this engine; else AdapterError."""
        folder = self.folder(manifest.name)
        if manifest.base_fingerprint != self.engine.fingerprint_digest:
            raise AdapterError(
                f"Adapter {manifest.name!r} was built for the engine with fingerprint "
                f"{manifest.base_fingerprint[:16]}…, but the stored engine's is "
                f"{self.engine.fingerprint_digest[:16]}… (rebuilt since?). Rebuild the adapter: "
                f"`edged adapter build --task {manifest.task or 'TASK'} --name {manifest.name} "
                f"--from {manifest.source} --force`.",
                code="adapter_mismatch",
            )
        problems = check_files(folder, manifest.files, full=full)
        if problems:
            raise AdapterError(
                f"Adapter {manifest.name!r} in {folder} is damaged: {'; '.join(problems)}. Rebuild it "
                f"with `edged adapter build --task {manifest.task or 'TASK'} --name {manifest.name} "
                f"--from {manifest.source} --force`.",
                code="adapter_invalid",
            )
        return manifest.ref(folder)

    def resolve(self, name: str) -> AdapterRef:
        """What a task naming ``name`` runs with: checked (sizes, fingerprint), not re-hashed."""
        return self.check(self.read(name), full=False)

    def remove(self, name: str) -> None:
        folder = self.folder(name)
        if not folder.is_dir():
            self.read(name)  # raises adapter_missing with the stored names
        shutil.rmtree(folder)

    def verify(self, name: str) -> list[str]:
        """Everything wrong with a stored adapter, read in full (empty: it serves)."""
        try:
            manifest = self.read(name)
            self.check(manifest, full=True)
        except AdapterError as exc:
            return [exc.message]
        if manifest.backend not in ONNX_BACKENDS:
            return []
        from edged.engines.adapter_onnx import check_onnx_adapter

        try:
            return check_onnx_adapter(self.engine_folder, self.folder(name) / manifest.entry)
        except AdapterError as exc:
            return [exc.message]

    def build(self, name: str, peft_dir: Path, *, task: str | None = None,
              force: bool = False) -> AdapterManifest:
        """Convert ``peft_dir`` for this engine's backend and store it as ``name``."""
        folder = self.folder(name)
        if folder.exists() and not force:
            raise AdapterError(
                f"Adapter {name!r} already exists in {folder}; pass --force to replace it.",
                code="adapter_invalid",
            )
        adapter = read_peft(peft_dir)
        self.root.mkdir(parents=True, exist_ok=True)
        staging = Path(tempfile.mkdtemp(prefix=f".{name}-", dir=self.root))
        try:
            if self.engine.backend in ONNX_BACKENDS:
                from edged.engines.adapter_onnx import write_onnx_adapter

                projections = write_onnx_adapter(adapter, self.engine_folder, peft_dir, staging / ONNX_FILE)
                entry = ONNX_FILE
            else:  # TensorRT-LLM loads the PEFT folder itself
                shutil.copytree(peft_dir, staging / PEFT_FOLDER)
                projections, entry = len(adapter.pairs), PEFT_FOLDER
            manifest = AdapterManifest(
                name=name, task=task, edged_version=__version__, profile=self.engine.profile,
                model_id=self.engine.model_id, backend=self.engine.backend,
                base_fingerprint=self.engine.fingerprint_digest, rank=adapter.rank, alpha=adapter.alpha,
                target_modules=sorted(adapter.target_modules), projections=projections,
                source=str(peft_dir.resolve()), base_model=adapter.base_model, entry=entry,
                files=describe_files(staging), built_at=datetime.now(timezone.utc),
            )
            (staging / MANIFEST).write_text(manifest.model_dump_json(indent=2) + "\n", encoding="utf-8")
            staging.chmod(0o755)  # mkdtemp's 0700 would hide it from the daemon's user
            _replace(staging, folder)
        finally:
            shutil.rmtree(staging, ignore_errors=True)
        return manifest


def _replace(staged: Path, target: Path) -> None:
    """Move a finished adapter into place (the old one, if any, is replaced whole)."""
    retired = target.with_name(f".retired-{target.name}")
    shutil.rmtree(retired, ignore_errors=True)
    if target.exists():
        target.rename(retired)
    staged.rename(target)
    shutil.rmtree(retired, ignore_errors=True)


def resolve_task_adapters(engine_folder: Path, names: dict[str, str]) -> dict[str, AdapterRef | AdapterError]:
    """For each task that names an adapter (``{task: adapter}``), its reference or why not. A
    broken adapter fails its own task's requests, never the daemon."""
    if not names:
        return {}
    try:
        store = AdapterStore.of_engine(engine_folder)
    except StoreError as exc:
        return {task: AdapterError(exc.message, code="adapter_invalid") for task in names}
    resolved: dict[str, AdapterRef | AdapterError] = {}
    for task, name in names.items():
        try:
            resolved[task] = store.resolve(name)
        except AdapterError as exc:
            resolved[task] = exc
    return resolved


def describe(manifest: AdapterManifest) -> dict[str, Any]:
    """A stored adapter's manifest as ``edged adapter list --json`` prints it."""
    return manifest.model_dump(mode="json", exclude={"files"})
