"""Run a planned build: the backend's builder in a staging folder, the smoke test on golden
prompts, the micro-benchmark, the manifest, and the install into the store.

    run_build() -> BuildOutcome (a no-op when the store already holds the same fingerprint)

Backend-specific conversion lives in the module named by the backend's ``BackendSpec.builder``.
"""

from __future__ import annotations

import math
import time
from datetime import datetime, timezone
from pathlib import Path

from edged import __version__
from edged.backends import BackendSpec, backend_spec
from edged.basemodel import StrictModel
from edged.engines.backends import resolve
from edged.engines.base import Engine, GenerationRequest
from edged.engines.build_plan import (
    Builder,
    BuildPlan,
    BuildReporter,
    SilentReporter,
    build_blockers,
    model_spec,
)
from edged.engines.loader import load_engine_from
from edged.engines.manifest import (
    MANIFEST_FORMAT,
    EngineManifest,
    FileEntry,
    MicroBench,
    SmokeResult,
    describe_files,
)
from edged.engines.models import ModelSpec
from edged.engines.store import EngineStore
from edged.errors import BuildError

MICROBENCH_TOKENS = 48


class BuildOutcome(StrictModel):
    plan: BuildPlan
    cached: bool
    folder: str
    manifest: EngineManifest
    seconds: float


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
    backend = backend_spec(plan.backend)
    builder: Builder = resolve(_builder_or_refusal(plan, backend))  # type: ignore[assignment]
    spec = model_spec(plan.model_id)
    with store.locked():
        store.clean_staging()
        with store.staging(plan.profile, plan.model_id) as staged, \
                store.staging(plan.profile, "work") as work:
            engine_dir = staged / "engine"
            toolchain = builder(plan, engine_dir, work, work / "build.log", report)
            files = describe_files(engine_dir)
            draft = _manifest(plan, files, [], None, toolchain, time.perf_counter() - started)
            smoke, bench = _smoke_and_bench(engine_dir, draft, spec, report)
            report.start("install", f"Installing into {folder}")
            manifest = _manifest(plan, files, smoke, bench, toolchain, time.perf_counter() - started)
            manifest.write(engine_dir)
            store.install(engine_dir, plan.profile, plan.model_id)
            report.done("install", str(folder))
    return BuildOutcome(plan=plan, cached=False, folder=str(folder), manifest=manifest,
                        seconds=time.perf_counter() - started)


def _builder_or_refusal(plan: BuildPlan, backend: BackendSpec) -> str:
    """The backend's builder ("module:function"), or why the plan or this machine cannot build."""
    refusals = plan.gpu.refusals if plan.gpu is not None else []
    blockers = build_blockers(backend, plan.gpu)
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
    return backend.builder


def _smoke_and_bench(
    engine_dir: Path, draft: EngineManifest, spec: ModelSpec, report: BuildReporter,
) -> tuple[list[SmokeResult], MicroBench]:
    """Load the built engine, check it answers the golden prompts, and time it."""
    report.start("smoke", "Smoke test on golden prompts")
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
    return smoke, bench


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
