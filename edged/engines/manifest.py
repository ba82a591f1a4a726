"""What a built engine is: its fingerprint and the manifest stored beside its files.

The fingerprint holds only what changes the built artifact (the vLLM ``compute_hash`` lesson):
the hardware fields the profile declares binding, library versions, the checkpoint's content
hash, the build settings and the quantization. Its digest names the build.
"""

from __future__ import annotations

import hashlib
import json
from datetime import datetime
from pathlib import Path
from typing import Literal

from pydantic import Field, ValidationError

from edged.basemodel import StrictModel
from edged.errors import StoreError

MANIFEST_NAME = "manifest.json"
MANIFEST_FORMAT = 1
Scalar = str | int | float | bool


class Fingerprint(StrictModel):
    hardware: dict[str, str] = Field(description="Binding hardware facts, by dotted field name.")
    libraries: dict[str, str] = Field(description="Versions of the libraries that built and run it.")
    checkpoint_sha256: str = Field(description="SHA-256 of the checkpoint's content.")
    build: dict[str, Scalar] = Field(description="Build settings that change the artifact.")
    quantization: str = Field(description="Weight quantization of the built engine.")

    def digest(self) -> str:
        canonical = json.dumps(self.model_dump(mode="json"), sort_keys=True, separators=(",", ":"))
        return hashlib.sha256(canonical.encode()).hexdigest()

    def runtime_differences(self, hardware: dict[str, str], libraries: dict[str, str]) -> list[str]:
        """What differs between the machine the engine was built on and this one.

        Only what can be known at run time: hardware and the libraries that load the engine.
        """
        changes = []
        for section, built, now in (
            ("hardware", self.hardware, hardware),
            ("libraries", self.libraries, libraries),
        ):
            for key in sorted(set(built) | set(now)):
                was, is_ = built.get(key, "absent"), now.get(key, "absent")
                if was != is_:
                    changes.append(f"{section}.{key}: built with {was!r}, this machine has {is_!r}")
        return changes


class FileEntry(StrictModel):
    size: int
    sha256: str


class SmokeResult(StrictModel):
    prompt: str
    expect: str
    output: str
    passed: bool


class MicroBench(StrictModel):
    ttft_ms: float
    decode_tokens_per_s: float
    tokens: int


class EngineManifest(StrictModel):
    format_version: Literal[1] = Field(description="Layout of this file; edged refuses others.")
    edged_version: str
    profile: str
    model_id: str
    backend: str
    quantization: str
    context_length: int = Field(gt=0)
    max_batch_size: int = Field(gt=0)
    fingerprint: Fingerprint
    fingerprint_digest: str
    checkpoint: str = Field(description="Where the checkpoint was read from when built.")
    toolchain: dict[str, str] = Field(description="Versions of the conversion tools (informational).")
    files: dict[str, FileEntry]
    smoke: list[SmokeResult]
    microbench: MicroBench | None = None
    built_at: datetime
    build_seconds: float

    def write(self, folder: Path) -> None:
        target = folder / MANIFEST_NAME
        partial = folder / (MANIFEST_NAME + ".partial")
        partial.write_text(self.model_dump_json(indent=2) + "\n", encoding="utf-8")
        partial.replace(target)

    @classmethod
    def read(cls, folder: Path) -> EngineManifest:
        path = folder / MANIFEST_NAME
        try:
            raw = json.loads(path.read_text(encoding="utf-8"))
        except FileNotFoundError:
            raise StoreError(
                f"{path} is missing, so {folder} is not a complete engine. "
                "Build it with `edged engine build`.",
                code="engine_missing",
            ) from None
        except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
            raise StoreError(
                f"{path} is unreadable ({exc}). Rebuild the engine with `edged engine build --force`.",
            ) from None
        version = raw.get("format_version") if isinstance(raw, dict) else None
        if version != MANIFEST_FORMAT:
            raise StoreError(
                f"{path} has manifest format {version!r}; this edged reads format {MANIFEST_FORMAT}. "
                "The store was written by another version of edged: rebuild the engine with "
                "`edged engine build --force` (or use the edged version that built it).",
                code="store_version",
            )
        try:
            return cls.model_validate(raw)
        except ValidationError as exc:
            first = exc.errors()[0]
            where = ".".join(str(p) for p in first["loc"])
            raise StoreError(
                f"{path}: {where}: {first['msg']}. The manifest is damaged: rebuild the engine "
                "with `edged engine build --force`.",
            ) from None


def sha256_file(path: Path, chunk: int = 4 << 20) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        while block := handle.read(chunk):
            digest.update(block)
    return digest.hexdigest()


def describe_files(folder: Path) -> dict[str, FileEntry]:
    """Size and SHA-256 of every file in an engine folder except the manifest."""
    entries = {}
    for path in sorted(p for p in folder.rglob("*") if p.is_file()):
        name = path.relative_to(folder).as_posix()
        if name.startswith(MANIFEST_NAME):
            continue
        entries[name] = FileEntry(size=path.stat().st_size, sha256=sha256_file(path))
    return entries


def check_files(folder: Path, files: dict[str, FileEntry], *, full: bool) -> list[str]:
    """Problems with an engine's files: missing, wrong size, or (``full``) wrong content."""
    problems = []
    for name, entry in files.items():
        path = folder / name
        if not path.is_file():
            problems.append(f"{name}: missing")
        elif path.stat().st_size != entry.size:
            problems.append(f"{name}: {path.stat().st_size} bytes, the manifest says {entry.size}")
        elif full and sha256_file(path) != entry.sha256:
            problems.append(f"{name}: content differs from the manifest (SHA-256 mismatch)")
    return problems
