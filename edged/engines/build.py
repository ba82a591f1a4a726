"""Plan, fingerprint, build, smoke-test and store an engine for a hardware profile.

    plan_build()  -> BuildPlan (pure: profile + facts + checkpoint hash; `--dry-run` stops here)
    run_build()   -> BuildOutcome (a no-op when the store already holds the same fingerprint)

The planning is ``edged.engines.build_plan``, the running ``edged.engines.build_run``; this module
is their public face. Backend-specific conversion lives in the module named by the backend's
``edged.backends.BackendSpec.builder``.
"""

from __future__ import annotations

from edged.engines.build_plan import (
    BUILD_FORMAT,
    Builder,
    BuildPlan,
    BuildReporter,
    SilentReporter,
    checkpoint_sha256,
    model_spec,
    plan_build,
    resolve_checkpoint,
)
from edged.engines.build_run import BuildOutcome, micro_benchmark, run_build, smoke_test

__all__ = [
    "BUILD_FORMAT",
    "BuildOutcome",
    "BuildPlan",
    "BuildReporter",
    "Builder",
    "SilentReporter",
    "checkpoint_sha256",
    "micro_benchmark",
    "model_spec",
    "plan_build",
    "resolve_checkpoint",
    "run_build",
    "smoke_test",
]
