"""The GPU plan's rules read from TensorRT-LLM's sources: the calibration folder it loads, the Phi
support matrix, the KV-cache/weights pairs it can build, and a dry run without a checkpoint."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from edged import backends
from edged.cli import main as cli_main
from edged.engines.calibration import inspect_calibration, write_calibration
from edged.engines.gpu_plan import plan_gpu, recommended_formats
from edged.errors import ConfigError
from edged.hardware.profiles import get_profile

from .test_gpu_plan import A100, H100, PHI3, checkpoint, with_engine

PARAGRAPH = "Station {i}: the conveyor stopped because the light curtain tripped during the shift."


def plant_text(folder: Path, paragraphs: int) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    text = folder / "notes.txt"
    text.write_text("\n\n".join(PARAGRAPH.format(i=i) for i in range(paragraphs)) + "\n\nshort\n")
    return text


def test_calib_data_writes_what_load_dataset_reads(
    tmp_path: Path, capsys: pytest.CaptureFixture[str],
) -> None:
    text = plant_text(tmp_path / "text", 40)
    out = tmp_path / "phi-3" / "calibration"
    assert cli_main(["engine", "calib-data", str(text), "--out", str(out), "--json"]) == 0
    report = json.loads(capsys.readouterr().out)
    assert report["rows"] == 40 and report["problems"] == []
    rows = [json.loads(line) for line in (out / "train.jsonl").read_text().splitlines()]
    assert rows[3] == {"text": PARAGRAPH.format(i=3)}  # "short" was dropped
    with pytest.raises(ConfigError, match="exists; pass --force"):
        write_calibration([text], out)
    with pytest.raises(ConfigError, match="hold 5 paragraphs"):
        write_calibration([plant_text(tmp_path / "few", 5)], tmp_path / "few-out")


def test_calibration_folder_problems_are_each_named(tmp_path: Path) -> None:
    folder = tmp_path / "calibration"
    write_calibration([plant_text(tmp_path / "t", 40)], folder)
    assert inspect_calibration(folder).problems == []
    assert inspect_calibration(folder).rows == 40
    (folder / "state.json").write_text("{}")  # what datasets' save_to_disk leaves
    (folder / "data-00000-of-00001.arrow").write_bytes(b"")
    with (folder / "train.jsonl").open("a") as rows:
        rows.write('{"article": "cnn_dailymail uses another column"}\n')
    problems = inspect_calibration(folder).problems
    assert any("save_to_disk, which load_dataset refuses" in p for p in problems)
    assert any("other data files (data-00000-of-00001.arrow" in p for p in problems)
    assert any("line 41 is not a JSON object with a string 'text'" in p for p in problems)
    cnn = tmp_path / "cnn_dailymail"
    write_calibration([plant_text(tmp_path / "t2", 40)], cnn)
    assert any("reads with another column" in p for p in inspect_calibration(cnn).problems)


def test_plan_refuses_a_calibration_folder_tensorrt_llm_cannot_read(tmp_path: Path) -> None:
    folder = checkpoint(tmp_path / "phi-3", calibration=False)
    (folder / "calibration").mkdir()
    (folder / "calibration" / "train.jsonl").write_text('{"text": "one row"}\n')
    plan = plan_gpu(get_profile("h100"), H100, PHI3, folder, None)
    [refusal] = plan.refusals
    assert "holds 1 rows; calibration needs at least 32" in refusal
    assert "edged engine calib-data FILE... --out" in refusal
    good = plan_gpu(get_profile("h100"), H100, PHI3, checkpoint(tmp_path / "ok"), None)
    assert good.refusals == [] and good.calibration_rows == 40
    assert any("calibration uses the 40 rows" in n for n in good.notes)


def test_phi3_int4_awq_is_refused_unless_opted_in(tmp_path: Path) -> None:
    phi3 = checkpoint(tmp_path / "phi-3")
    awq = with_engine(get_profile("a100"), quantization="int4_awq")
    plan = plan_gpu(awq, A100, PHI3, phi3, None)
    assert plan.recommended_quantization == "int8_wo"
    [refusal] = plan.refusals
    assert refusal.startswith("TensorRT-LLM's support matrix does not list int4_awq weights for "
                              "Phi3ForCausalLM (it lists fp16, fp8, int8_wo)")
    opted_in = with_engine(awq.model_copy(), unlisted_quantization=True)
    assert plan_gpu(opted_in, A100, PHI3, phi3, None).refusals == []
    # An architecture the matrix does not restrict keeps INT4-AWQ as Ampere's recommendation.
    rules = backends.TRTLLM.gpu
    assert rules is not None
    assert recommended_formats(rules, (8, 0), "LlamaForCausalLM") == ("int4_awq", "fp16")
    assert recommended_formats(rules, (8, 0), "Phi3ForCausalLM") == ("int8_wo", "fp16")
    assert recommended_formats(rules, (9, 0), "Phi3ForCausalLM") == ("fp8", "fp8")


@pytest.mark.parametrize(("weights", "kv", "refused"), [
    ("fp16", "int8", True), ("int8_wo", "int8", True), ("int8_wo", "fp8", True),
    ("fp8", "int8", False), ("fp16", "fp8", False), ("int8_wo", "fp16", False),
])
def test_quantized_kv_cache_needs_modelopt_weights(
    tmp_path: Path, weights: str, kv: str, refused: bool,
) -> None:
    profile = with_engine(get_profile("h100"), quantization=weights, kv_cache_dtype=kv)
    plan = plan_gpu(profile, H100, PHI3, checkpoint(tmp_path / "phi-3"), None)
    found = [r for r in plan.refusals if r.startswith(f"a {kv} KV cache with {weights} weights")]
    assert bool(found) == refused
    if refused:
        assert "_requires_modelopt_quantization is false" in found[0]
        assert "Use kv_cache_dtype = 'fp16'" in found[0]


def test_dry_run_without_a_checkpoint_plans_on_the_known_geometry(
    tmp_path: Path, capsys: pytest.CaptureFixture[str],
) -> None:
    args = ["engine", "build", "--profile", "h100", "--dry-run", "--json", "--store", str(tmp_path)]
    assert cli_main(args) == 0
    plan = json.loads(capsys.readouterr().out)
    assert plan["fingerprint_complete"] is False
    assert plan["fingerprint"]["checkpoint_sha256"] == "unknown: no --checkpoint"
    assert plan["buildable"] is False
    assert plan["gpu"]["checkpoint_kind"] == "none"
    assert plan["gpu"]["kv_bytes_per_token"] == 196_608  # Phi-3 Mini in FP8, from the model spec
    assert plan["gpu"]["refusals"] == []
    needs = plan["still_needed"]
    assert needs[0].startswith("--checkpoint PATH: Microsoft Phi-3-mini-4k-instruct")
    assert any("<checkpoint>/calibration/train.jsonl" in n for n in needs)
    # Without --dry-run the checkpoint stays required.
    assert cli_main(["engine", "build", "--profile", "h100", "--store", str(tmp_path), "--force"]) != 0
