"""`edged hw detect`: detect, match, and render the result as text or JSON."""

from __future__ import annotations

from dataclasses import asdict
from pathlib import Path

from edged.backends import describe_guidance, guidance_of
from edged.hardware.detect import detect
from edged.hardware.facts import HardwareFacts
from edged.hardware.match import MatchReport, match_profiles
from edged.hardware.nvml import NvmlSeam
from edged.hardware.profiles import load_profiles
from edged.hardware.runtimes import runtime_report

__all__ = ["DetectionReport", "detect_and_match", "render_text", "to_json"]

DetectionReport = MatchReport

_GIB = 1024**3


def detect_and_match(
    root: Path = Path("/"),
    nvml: NvmlSeam | None = None,
    profiles_dir: Path | None = None,
) -> DetectionReport:
    """Load the profiles, detect the hardware, and match the two."""
    # Profiles first: a broken profile file is found before NVML is touched.
    profiles = load_profiles(profiles_dir)
    return match_profiles(detect(root, nvml), profiles)


def render_text(report: DetectionReport) -> str:
    """Facts, the chosen profile with its settings, then every other profile and why."""
    chosen = report.chosen
    engine = chosen.engine
    lines = ["hardware:", *_facts_lines(report.facts)]
    lines.append(f"chosen profile: {chosen.name} (priority {chosen.priority})")
    lines.append(f"  {chosen.description}")
    for reason in report.verdicts[0].reasons:
        lines.append(f"  matched: {reason}")
    lines.append(
        f"  engine: {engine.backend}, model {engine.model}, {engine.quantization} weights, "
        f"{engine.kv_cache_dtype} KV cache ({engine.kv_cache_fraction:.0%} of free memory)",
    )
    chunked = ", chunked context" if engine.chunked_context else ""
    lines.append(
        f"  limits: batch {engine.max_batch_size}, input {engine.max_input_len}, "
        f"sequence {engine.max_seq_len}, {engine.max_num_tokens} tokens per step{chunked}",
    )
    thermal = chosen.thermal
    limits = [
        f"throttle {thermal.gpu_throttle_c:g} C" if thermal.gpu_throttle_c is not None else "",
        f"max {thermal.gpu_max_c:g} C" if thermal.gpu_max_c is not None else "",
        f"power {thermal.power_limit_w:g} W" if thermal.power_limit_w is not None else "",
    ]
    lines.append(f"  thermal: {', '.join(x for x in limits if x) or 'none'}")
    identity = chosen.hardware_identity(report.facts)
    lines.append("  engine bound to: " + "; ".join(f"{k}={v}" for k, v in identity.items()))
    lines.append(f"  guidance: {describe_guidance(guidance_of(engine.backend))}")
    runtime = runtime_report(engine.backend, jetson=report.facts.kind == "jetson")
    lines.append(f"  runtime: Python {runtime.python}; " + "; ".join(
        f"{module} from {', '.join(dists)}" if dists else f"{module} not installed"
        for module, dists in runtime.providers.items()))
    lines.extend(f"  RUNTIME PROBLEM: {problem}" for problem in runtime.problems)
    others = report.verdicts[1:]
    if others:
        lines.append("other profiles:")
    for verdict in others:
        state = "matches, not chosen" if verdict.matched else "rejected"
        lines.append(f"  {verdict.name}: {state}: {'; '.join(verdict.reasons)}")
    return "\n".join(lines) + "\n"


def to_json(report: DetectionReport) -> dict[str, object]:
    """A JSON-ready dict: facts, chosen name, the full profile, its identity, all verdicts, and
    the runtime the chosen backend would load (who provides it, what is wrong)."""
    return {
        "runtime": asdict(runtime_report(report.chosen.engine.backend, jetson=report.facts.kind == "jetson")),
        "facts": report.facts.model_dump(mode="json"),
        "chosen": report.chosen.name,
        "guidance": guidance_of(report.chosen.engine.backend),
        "profile": report.chosen.model_dump(mode="json"),
        "hardware_identity": report.chosen.hardware_identity(report.facts),
        "verdicts": [verdict.model_dump(mode="json") for verdict in report.verdicts],
    }


def _facts_lines(facts: HardwareFacts) -> list[str]:
    cpu = facts.cpu
    lines = [
        f"  kind: {facts.kind}",
        f"  cpu: {cpu.arch}, {cpu.model or 'model not reported'}, {cpu.cores} cores, "
        f"{_gib(cpu.memory_total_bytes)} GiB RAM",
    ]
    if facts.jetson is not None:
        jetson = facts.jetson
        lines.append(
            f"  jetson: {jetson.model}; L4T {jetson.l4t_release or 'unknown'}; "
            f"{_gib(jetson.memory_total_bytes)} GiB shared memory",
        )
        lines.append(f"  compatible: {', '.join(jetson.compatible)}")
    for gpu in facts.gpus:
        free = f" ({_gib(gpu.memory_free_bytes)} GiB free)" if gpu.memory_free_bytes is not None else ""
        cc = f"{gpu.compute_capability[0]}.{gpu.compute_capability[1]}"
        lines.append(
            f"  gpu {gpu.index}: {gpu.name}, compute capability {cc}, "
            f"{_gib(gpu.memory_total_bytes)} GiB{free}, driver {gpu.driver_version or 'unknown'}, "
            f"CUDA {gpu.cuda_driver_version or 'unknown'}",
        )
    if not facts.gpus and facts.jetson is None:
        lines.append("  gpu: none")
    lines.append(f"  nvml: {facts.nvml_status}")
    return lines


def _gib(total_bytes: int) -> str:
    return f"{total_bytes / _GIB:.1f}"
