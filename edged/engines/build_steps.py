"""Run one engine-build step in a child process, so the GPU and host memory it takes are returned
when it ends, its chatter goes to the build log, and an out-of-memory kill is told apart."""

from __future__ import annotations

import os
import signal
import subprocess
from pathlib import Path

from edged.errors import BuildError

# A build must never reach for a model hub: the only weights are the ones given.
OFFLINE_ENV = {"HF_HUB_OFFLINE": "1", "TRANSFORMERS_OFFLINE": "1", "HF_DATASETS_OFFLINE": "1"}
OOM_ADVICE = (
    "The kernel's OOM killer most likely ended it (see `journalctl -k | grep -i oom`): add swap "
    "or free memory, as `edged engine build --dry-run` says, and run the build again."
)


def run_child(args: list[str], log: Path, what: str, advice: str) -> None:
    """Run ``args`` with output appended to ``log``; a failure names the step and its log tail."""
    env = {**os.environ, **OFFLINE_ENV}
    with log.open("ab") as sink:
        sink.write(f"\n$ {' '.join(args)}\n".encode())
        sink.flush()
        proc = subprocess.run(args, stdout=sink, stderr=subprocess.STDOUT, env=env, check=False)  # noqa: S603
    if proc.returncode == 0:
        return
    tail = log.read_text(errors="replace").splitlines()[-15:]
    killed = proc.returncode in (-signal.SIGKILL, 128 + signal.SIGKILL)
    raise BuildError(
        f"{what} failed (exit {proc.returncode}). The last lines of {log}:\n  "
        + "\n  ".join(tail)
        + "\n"
        + (OOM_ADVICE if killed else advice),
        code="build_oom" if killed else "build_failed",
    )


def builder_precision(precisions: dict[str, str], quantization: str, backend: str, profile: str) -> str:
    """The builder's precision for a profile's quantization, or a refusal naming what would do."""
    precision = precisions.get(quantization)
    if precision is None:
        raise BuildError(
            f"The {backend} backend cannot build quantization {quantization!r}; profile "
            f"{profile} must use one of {', '.join(precisions)}.",
            code="bad_quantization",
        )
    return precision
