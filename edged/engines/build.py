"""Plan, fingerprint, build, smoke-test and store an engine for a hardware profile.

    plan_build()  -> BuildPlan (pure: profile + facts + checkpoint hash; `--dry-run` stops here)
    run_build()   -> BuildOutcome (a no-op when the store already holds the same fingerprint)

Backend-specific conversion lives in the module named by ``backends.BACKENDS[...].builder``.
"""

from __future__ import annotations

import hashlib
import math
import time
from collections.abc import Callable
from datetime import datetime, timezone
from pathlib import Path
from typing import Literal, Protocol

from edged import __version__
from edged.basemodel import StrictModel
from edged.engines.backends import BACKENDS, BackendSpec, library_versions, resolve
from edged.engines.base import Engine, GenerationRequest
from edged.engines.gpu_plan import GpuPlan, HostMemory, plan_gpu, read_host_memory
from edged.engines.loader import load_engine_from
from edged.engines.manifest import (
    MANIFEST_FORMAT,
    EngineManifest,
    FileEntry,
    Fingerprint,
    MicroBench,
    Scalar,
    SmokeResult,
    check_files,
    describe_files,
    sha256_file,
)
from edged.engines.models import MODELS, ModelSpec
from edged.engines.store import EngineStore
from edged.errors import BuildError, CheckpointError, ConfigError, EdgedError
from edged.hardware.facts import HardwareFacts
from edged.hardware.profiles import Profile

BUILD_FORMAT = 1  # bump when the build recipe changes what it produces
MICROBENCH_TOKENS = 48


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
    action: Literal["build", "cached", "rebuild"]
    buildable: bool
    notes: list[str]
    # GPU backends: quantization, memory arithmetic, limits and refusals (edged.engines.gpu_plan).
    gpu: GpuPlan | None = None


class BuildOutcome(StrictModel):
    plan: BuildPlan
    cached: bool
    folder: str
    manifest: EngineManifest
    seconds: float


# A builder converts the checkpoint into ``out_dir`` (work_dir is scratch, log collects output),
# reports its steps, and returns the versions of the tools it used.
Builder = Callable[[BuildPlan, Path, Path, Path, BuildReporter], dict[str, str]]


def model_spec(model_id: str) -> ModelSpec:
    try:
        return MODELS[model_id]
    except KeyError:
        known = ", ".join(sorted(MODELS))
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


def backend_spec(profile: Profile) -> BackendSpec:
    return BACKENDS[profile.engine.backend]


def plan_build(
    profile: Profile,
    facts: HardwareFacts,
    store: EngineStore,
    *,
    model_id: str | None = None,
    checkpoint: Path | None = None,
    force: bool = False,
    host_memory: HostMemory | None = None,
) -> BuildPlan:
    spec = model_spec(model_id or profile.engine.model)
    backend = backend_spec(profile)
    source = resolve_checkpoint(spec, checkpoint)
    context = min(spec.context_length, profile.engine.max_seq_len)
    max_batch_size, max_input_len = profile.engine.max_batch_size, profile.engine.max_input_len
    gpu = None
    if backend.name != "onnx-genai-cpu":
        host = host_memory if host_memory is not None else read_host_memory()
        gpu = plan_gpu(profile, facts, spec, source, host)
        context, max_batch_size, max_input_len = gpu.max_seq_len, gpu.max_batch_size, gpu.max_input_len
    settings: dict[str, Scalar] = {
        "build_format": BUILD_FORMAT,
        "backend": backend.name,
        "model_id": spec.model_id,
        "context_length": context,
        "max_batch_size": max_batch_size,
        "max_input_len": max_input_len,
        "max_num_tokens": profile.engine.max_num_tokens,
        "kv_cache_dtype": profile.engine.kv_cache_dtype,
    }
    if gpu is not None:
        # Only GPU builds carry these, so the cpu engine's fingerprint stays what it was.
        settings.update(
            chunked_context=gpu.chunked_context,
            lora_slots=gpu.lora_slots,
            lora_max_rank=gpu.lora_max_rank,
            checkpoint_kind=gpu.checkpoint_kind,
        )
    fingerprint = Fingerprint(
        hardware=profile.hardware_identity(facts),
        libraries=library_versions(backend.runtime_libraries),
        checkpoint_sha256=checkpoint_sha256(source),
        build=settings,
        quantization=profile.engine.quantization,
    )
    digest = fingerprint.digest()
    folder = store.folder(profile.name, spec.model_id)
    notes = []
    try:
        stored = store.read(profile.name, spec.model_id)
    except EdgedError as exc:
        stored = None
        notes.append(f"the stored engine is unusable and will be replaced: {exc.message}")
    stored_digest = stored.fingerprint_digest if stored else None
    if stored is not None and stored_digest == digest and not force:
        problems = check_files(folder, stored.files, full=False)
        action: Literal["build", "cached", "rebuild"] = "rebuild" if problems else "cached"
        notes.extend(f"stored file {p}" for p in problems)
    elif stored is not None or folder.exists():
        action = "rebuild"
        if stored is not None and stored_digest != digest:
            notes.extend(
                f"fingerprint changed: {change}"
                for change in _fingerprint_changes(stored.fingerprint, fingerprint)
            )
        if force:
            notes.append("--force: rebuilding even though the fingerprint may match")
    else:
        action = "build"
    blockers = _build_blockers(backend, gpu)
    notes.extend(f"REFUSED: {refusal}" for refusal in (gpu.refusals if gpu else []))
    notes.extend(gpu.notes if gpu else [])
    notes.extend(b for b in blockers if not (gpu and b in gpu.refusals))
    return BuildPlan(
        profile=profile.name,
        model_id=spec.model_id,
        backend=backend.name,
        quantization=profile.engine.quantization,
        checkpoint=str(source),
        store_folder=str(folder),
        context_length=context,
        max_batch_size=max_batch_size,
        fingerprint=fingerprint,
        fingerprint_digest=digest,
        stored_digest=stored_digest,
        action=action,
        buildable=not blockers,
        notes=notes,
        gpu=gpu,
    )


def _build_blockers(backend: BackendSpec, gpu: GpuPlan | None) -> list[str]:
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


def _fingerprint_changes(old: Fingerprint, new: Fingerprint) -> list[str]:
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


def smoke_test(engine: Engine, spec: ModelSpec) -> list[SmokeResult]:
    requests = [
        GenerationRequest.from_prompt(g.prompt, system=spec.system_prompt, max_tokens=32)
        for g in spec.golden
    ]
    results = engine.generate(requests)
    smoke = []
    for golden, result in zip(spec.golden, results, strict=True):
        sane = all(math.isfinite(lp) and lp <= 1e-4 for lp in result.logprobs)
        passed = sane and golden.expect.lower() in result.text.lower()
        smoke.append(
            SmokeResult(prompt=golden.prompt, expect=golden.expect, output=result.text, passed=passed),
        )
    return smoke


def micro_benchmark(engine: Engine) -> MicroBench:
    # A story prompt keeps the model talking for the whole budget; min over 2 runs.
    request = GenerationRequest.from_prompt(
        "Write a long story about a factory robot.", max_tokens=MICROBENCH_TOKENS,
    )
    best_rate, best_ttft, tokens = 0.0, math.inf, 0
    for _ in range(2):
        result = engine.generate([request])[0]
        decoded = max(result.completion_tokens - 1, 1)
        rate = decoded / max(result.timings.decode_ms / 1e3, 1e-9)
        best_rate, best_ttft = max(best_rate, rate), min(best_ttft, result.timings.ttft_ms)
        tokens = result.completion_tokens
    return MicroBench(ttft_ms=round(best_ttft, 2), decode_tokens_per_s=round(best_rate, 2), tokens=tokens)


def run_build(
    plan: BuildPlan,
    store: EngineStore,
    reporter: BuildReporter | None = None,
) -> BuildOutcome:
    report = reporter or SilentReporter()
    started = time.perf_counter()
    folder = Path(plan.store_folder)
    if plan.action == "cached":
        manifest = store.read(plan.profile, plan.model_id)
        if manifest is None:  # removed between planning and now
            raise BuildError(f"The engine in {folder} disappeared; run the build again.")
        report.done("cache", f"fingerprint {plan.fingerprint_digest[:12]} already built")
        return BuildOutcome(plan=plan, cached=True, folder=str(folder), manifest=manifest,
                            seconds=time.perf_counter() - started)
    backend = BACKENDS[plan.backend]
    refusals = plan.gpu.refusals if plan.gpu is not None else []
    blockers = _build_blockers(backend, plan.gpu)
    if refusals and blockers == refusals:
        raise BuildError(
            f"The {plan.backend} build for profile {plan.profile} is refused: "
            + "; ".join(refusals)
            + ". `edged engine build --dry-run` shows the whole plan.",
            code="plan_refused",
        )
    if backend.builder is None or not plan.buildable:
        # This machine cannot build the backend at all: say that first, refusals after it.
        reasons = [b for b in blockers if b not in refusals] + refusals or ["the plan is not buildable"]
        raise BuildError(
            f"This machine cannot build {plan.backend} engines (profile {plan.profile}): "
            + "; ".join(reasons)
            + ". `edged engine build --dry-run` shows the plan; on a machine without a GPU use "
            "--profile cpu.",
            code="backend_unavailable",
        )
    builder: Builder = resolve(backend.builder)  # type: ignore[assignment]
    spec = model_spec(plan.model_id)
    with store.locked():
        store.clean_staging()
        with store.staging(plan.profile, plan.model_id) as staged, \
                store.staging(plan.profile, "work") as work:
            engine_dir = staged / "engine"
            log = work / "build.log"
            toolchain = builder(plan, engine_dir, work, log, report)
            report.start("smoke", "Smoke test on golden prompts")
            files = describe_files(engine_dir)
            draft = _manifest(plan, files, [], None, toolchain, time.perf_counter() - started)
            engine = load_engine_from(engine_dir, draft)
            try:
                smoke = smoke_test(engine, spec)
                failed = [s for s in smoke if not s.passed]
                if failed:
                    lines = "; ".join(f"{s.prompt!r} -> {s.output!r} (wanted {s.expect!r})" for s in failed)
                    raise BuildError(
                        f"The built engine failed its smoke test: {lines}. Nothing was stored. "
                        "Check the checkpoint and the profile's quantization.",
                        code="smoke_failed",
                    )
                report.done("smoke", f"{len(smoke)}/{len(smoke)} golden prompts answered")
                report.start("bench", "Micro-benchmark")
                bench = micro_benchmark(engine)
                report.done(
                    "bench", f"{bench.decode_tokens_per_s:.1f} tok/s decode, TTFT {bench.ttft_ms:.0f} ms",
                )
            finally:
                engine.close()
            report.start("install", f"Installing into {folder}")
            manifest = _manifest(plan, files, smoke, bench, toolchain, time.perf_counter() - started)
            manifest.write(engine_dir)
            store.install(engine_dir, plan.profile, plan.model_id)
            report.done("install", str(folder))
    return BuildOutcome(plan=plan, cached=False, folder=str(folder), manifest=manifest,
                        seconds=time.perf_counter() - started)


def _manifest(  # noqa: PLR0917 - a private constructor of the manifest's parts
    plan: BuildPlan,
    files: dict[str, FileEntry],
    smoke: list[SmokeResult],
    bench: MicroBench | None,
    toolchain: dict[str, str],
    seconds: float,
) -> EngineManifest:
    return EngineManifest.model_validate({
        "format_version": MANIFEST_FORMAT,
        "edged_version": __version__,
        "profile": plan.profile,
        "model_id": plan.model_id,
        "backend": plan.backend,
        "quantization": plan.quantization,
        "context_length": plan.context_length,
        "max_batch_size": plan.max_batch_size,
        "fingerprint": plan.fingerprint,
        "fingerprint_digest": plan.fingerprint_digest,
        "checkpoint": plan.checkpoint,
        "toolchain": toolchain,
        "files": files,
        "smoke": smoke,
        "microbench": bench,
        "built_at": datetime.now(timezone.utc),
        "build_seconds": round(seconds, 2),
    })
