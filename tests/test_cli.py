"""The `edged` command as a user runs it: exit codes, output, error messages."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from edged.cli import main
from edged.engines.store import EngineStore
from edged.hardware.profiles import default_profiles_dir

HEAVY = ("numpy", "pydantic", "onnxruntime_genai", "torch", "pynvml", "rich", "transformers")


def test_import_and_help_load_no_heavy_library() -> None:
    code = (
        "import sys, edged, edged.cli\n"
        "try:\n    edged.cli.main(['--help'])\nexcept SystemExit:\n    pass\n"
        f"print(sorted(m for m in sys.modules if m.split('.')[0] in {HEAVY!r}))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip().splitlines()[-1] == "[]"


def test_dry_run_plan_as_json(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["engine", "build", "--profile", "cpu", "--dry-run", "--json",
                 "--store", str(tmp_path)]) == 0
    plan = json.loads(capsys.readouterr().out)
    assert plan["profile"] == "cpu"
    assert plan["action"] == "build"
    assert plan["fingerprint"]["libraries"]["onnxruntime-genai"] == "0.18.0"
    assert not (tmp_path / "cpu").exists()


def test_dry_run_for_a_profile_this_machine_does_not_match(
    tmp_path: Path, capsys: pytest.CaptureFixture[str],
) -> None:
    ckpt = tmp_path / "phi"
    ckpt.mkdir()
    (ckpt / "config.json").write_text("{}")
    assert main(["engine", "build", "--profile", "l4", "--checkpoint", str(ckpt), "--dry-run",
                 "--store", str(tmp_path)]) == 0
    out = capsys.readouterr().out
    assert "backend:      trtllm" in out
    assert "this machine does not match profile l4" in out


def test_unknown_profile_names_the_known_ones(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["engine", "build", "--profile", "rtx-9090", "--dry-run"]) == 2
    err = capsys.readouterr().err
    assert "rtx-9090" in err
    assert "rtx-4090" in err
    assert "[" in err  # the stable code is shown


def test_profile_file_with_a_typo_names_file_and_key(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str],
) -> None:
    profiles = tmp_path / "profiles"
    shutil.copytree(default_profiles_dir(), profiles)
    l4 = profiles / "l4.toml"
    l4.write_text(l4.read_text().replace("max_batch_size", "max_batchsize", 1))
    monkeypatch.setenv("EDGED_PROFILES_DIR", str(profiles))
    assert main(["hw", "detect"]) == 2
    err = capsys.readouterr().err
    assert "l4.toml" in err
    assert "max_batchsize" in err


def test_hw_detect_json_on_this_machine(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["hw", "detect", "--json"]) == 0
    report = json.loads(capsys.readouterr().out)
    assert report["chosen"] == "cpu"
    assert report["facts"]["kind"] == "cpu"


@pytest.mark.engine
def test_generate_list_verify_with_the_real_engine(
    engine_store: EngineStore, capsys: pytest.CaptureFixture[str],
) -> None:
    store = ["--store", str(engine_store.root)]
    assert main(["generate", *store, "What is the capital of France?"]) == 0
    assert "Paris" in capsys.readouterr().out
    assert main(["generate", *store, "--json", "--max-tokens", "4", "Write a story."]) == 0
    answer = json.loads(capsys.readouterr().out)
    assert answer["finish_reason"] == "length"
    assert len(answer["token_ids"]) == len(answer["logprobs"]) == len(answer["tokens"]) == 4
    assert answer["model"] == "smollm2-135m-instruct@cpu"
    assert main(["engine", "list", *store]) == 0
    assert "cpu/smollm2-135m-instruct: onnx-genai-cpu int8" in capsys.readouterr().out
    assert main(["engine", "verify", *store, "--quick"]) == 0
    assert capsys.readouterr().out.startswith("ok:")


def test_generate_without_an_engine_says_how_to_build(
    tmp_path: Path, capsys: pytest.CaptureFixture[str],
) -> None:
    assert main(["generate", "--store", str(tmp_path), "hello"]) == 1
    err = capsys.readouterr().err
    assert "engine_missing" in err
    assert "edged engine build --profile cpu" in err


def test_bad_max_tokens_is_refused(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["generate", "--store", str(tmp_path), "--max-tokens", "0", "hello"]) == 2
    assert "--max-tokens" in capsys.readouterr().err
