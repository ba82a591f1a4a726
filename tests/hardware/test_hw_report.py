"""`edged hw detect` output: the text an operator reads and the JSON a script reads."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

from edged.hardware.nvml import FakeNvml
from edged.hardware.report import detect_and_match, render_text, to_json

Machine = tuple[Path, FakeNvml, str]


def test_gpu_report_text(machine: Callable[[str], Machine], shipped_dir: Path) -> None:
    root, nvml, _ = machine("h100")
    report = detect_and_match(root, nvml, shipped_dir)
    text = render_text(report)
    lines = text.splitlines()
    assert "  kind: gpu" in lines
    assert (
        "  gpu 0: NVIDIA H100 80GB HBM3, compute capability 9.0, 79.6 GiB (79.1 GiB free), "
        "driver 550.54.15, CUDA 12.4"
    ) in lines
    assert "  nvml: ok" in lines
    assert "chosen profile: h100 (priority 100)" in lines
    assert "  limits: batch 128, input 3072, sequence 4096, 8192 tokens per step, chunked context" in lines
    assert "  thermal: throttle 87 C, max 89 C, power 700 W" in lines
    assert ("  guidance: xgrammar: an answer with a schema is decoded under it, and checked after "
            "decoding") in lines
    assert any(line.startswith("  engine bound to: gpu.name=NVIDIA H100 80GB HBM3;") for line in lines)
    assert "other profiles:" in lines
    others = lines[lines.index("other profiles:") + 1 :]
    assert len(others) == 8
    l4 = next(line for line in others if line.startswith("  l4: "))
    assert l4.startswith("  l4: rejected: ")
    assert "compute capability 9.0, profile wants 8.9" in l4
    cpu = next(line for line in others if line.startswith("  cpu: "))
    assert cpu.startswith("  cpu: matches, not chosen: ")


def test_jetson_report_text(machine: Callable[[str], Machine], shipped_dir: Path) -> None:
    root, nvml, _ = machine("orin-nano-8")
    text = render_text(detect_and_match(root, nvml, shipped_dir))
    assert "chosen profile: jetson-orin-nano-8gb (priority 100)" in text
    assert "  jetson: NVIDIA Jetson Orin Nano Developer Kit; L4T 36.4.0; 7.4 GiB shared memory" in text
    assert "  nvml: not applicable on Jetson" in text
    assert "throttle 99 C, max 104.5 C, power 15 W" in text
    assert nvml.calls == 0


def test_cpu_report_text(machine: Callable[[str], Machine], shipped_dir: Path) -> None:
    root, nvml, _ = machine("cpu-only")
    text = render_text(detect_and_match(root, nvml, shipped_dir))
    assert "  gpu: none" in text
    assert "chosen profile: cpu (priority 0)" in text
    assert "  thermal: none" in text
    assert "  guidance: llguidance: an answer with a schema is decoded under it" in text
    assert "  engine bound to: cpu.arch=" in text
    assert "  h100: rejected: needs an NVIDIA GPU named like 'H100'" in text


def test_json_report(machine: Callable[[str], Machine], shipped_dir: Path) -> None:
    root, nvml, _ = machine("l4")
    data = to_json(detect_and_match(root, nvml, shipped_dir))
    round_trip = json.loads(json.dumps(data))
    assert round_trip == data
    assert data["chosen"] == "l4"
    assert data["guidance"] == "xgrammar"
    facts = round_trip["facts"]
    assert facts["kind"] == "gpu"
    assert facts["gpus"][0]["compute_capability"] == [8, 9]
    assert round_trip["profile"]["engine"]["quantization"] == "fp8"
    assert round_trip["hardware_identity"]["gpu.compute_capability"] == "8.9"
    verdicts = round_trip["verdicts"]
    assert verdicts[0] == {"name": "l4", "matched": True, "reasons": verdicts[0]["reasons"]}
    assert {v["name"] for v in verdicts if not v["matched"]} == {
        "a100",
        "h100",
        "h200",
        "jetson-agx-orin-64gb",
        "jetson-orin-nano-8gb",
        "jetson-orin-nx-16gb",
        "rtx-4090",
    }
