"""`edged bench engine --peer llama.cpp`: the agreement figures, the refusals, and (where the bench
extra's llama-cpp-python is installed) a short real comparison on the GGUF the engine was built from.
The speed figures are printed by the command and kept in the README, not asserted here."""

from __future__ import annotations

import argparse
import importlib.util
import json
import sys
import types
from pathlib import Path
from typing import Any

import pytest

from edged.bench.peer import (
    Run,
    common_prefix,
    compare_with_peer,
    import_llama_cpp,
    prepare_peer,
    render_peer,
    top1_agreement,
)
from edged.commands.bench import cmd_bench_engine
from edged.engines.base import Engine, GenerationRequest
from edged.engines.continuous import ContinuousOnnxEngine
from edged.engines.cpu_convert import bundled_smollm2_gguf
from edged.engines.onnx_genai import OnnxGenaiEngine
from edged.errors import ConfigError, MissingExtra

needs_llama_cpp = pytest.mark.skipif(
    importlib.util.find_spec("llama_cpp") is None,
    reason="llama-cpp-python (the bench extra; pip builds it from source) is not installed",
)


def test_top1_agreement_counts_every_position_of_every_prompt() -> None:
    assert top1_agreement([[1, 2, 3, 4]], [[1, 2, 3, 4]]) == 1.0
    # teacher-forced: a miss at one position does not cost the positions after it
    assert top1_agreement([[1, 2, 3, 4], [5, 6]], [[1, 9, 3, 4], [7, 6]]) == pytest.approx(4 / 6)


def test_top1_agreement_refuses_sequences_it_cannot_compare() -> None:
    with pytest.raises(ValueError, match="3 tokens, its reference 2"):
        top1_agreement([[1, 2]], [[1, 2, 3]])
    with pytest.raises(ValueError, match="no tokens"):
        top1_agreement([[]], [[]])


def test_common_prefix_stops_at_the_first_difference() -> None:
    assert common_prefix([1, 2, 3], [1, 2, 4, 5]) == 2
    assert common_prefix([1, 2], [1, 2, 3]) == 2
    assert common_prefix([7], [1]) == 0


def test_a_run_decodes_over_the_tokens_after_the_first() -> None:
    assert Run((1, 2, 3, 4, 5), ttft_ms=100.0, decode_s=0.5).decode_tokens_per_s == pytest.approx(8.0)
    assert Run((1,), ttft_ms=100.0, decode_s=0.0).decode_tokens_per_s == 0.0


def test_without_llama_cpp_the_peer_names_the_extra(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "llama_cpp", None)  # what `import llama_cpp` sees when it is absent
    with pytest.raises(MissingExtra) as refused:
        import_llama_cpp()
    assert "pip install 'edged[bench]'" in refused.value.message
    assert "builds from source" in refused.value.message
    assert refused.value.code == "missing_extra"
    # refused before anything is measured: the engine is not even looked at
    with pytest.raises(MissingExtra):
        prepare_peer(_fake_engine(Path("nowhere")))


def test_peer_is_refused_beside_continuous_or_adapter() -> None:
    args = argparse.Namespace(peer="llama.cpp", continuous=True, adapter=None)
    with pytest.raises(ConfigError, match="--peer goes with the single-stream bench"):
        cmd_bench_engine(args)


def _fake_engine(folder: Path) -> Any:
    return types.SimpleNamespace(info=types.SimpleNamespace(path=folder))


@pytest.mark.engine
def test_the_peer_runs_only_the_checkpoint_the_engine_was_built_from(
    cpu_engine: Engine, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setitem(sys.modules, "llama_cpp", types.ModuleType("llama_cpp"))
    assert prepare_peer(_fake_engine(cpu_engine.info.path)) == bundled_smollm2_gguf()
    manifest = json.loads((cpu_engine.info.path / "manifest.json").read_text())
    manifest["fingerprint"]["checkpoint_sha256"] = "0" * 64
    other = tmp_path / "other"
    other.mkdir()
    (other / "manifest.json").write_text(json.dumps(manifest))
    with pytest.raises(ConfigError, match=r"llama\.cpp would run other weights"):
        prepare_peer(_fake_engine(other))


@pytest.mark.engine
@needs_llama_cpp
def test_llama_cpp_on_the_engines_gguf_times_and_agrees(
    cpu_engine: Engine, continuous_engine: ContinuousOnnxEngine,
) -> None:
    assert isinstance(cpu_engine, OnnxGenaiEngine)
    gguf = prepare_peer(cpu_engine)
    one = GenerationRequest.from_prompt("Write a long story about a lighthouse.", max_tokens=12)
    other = GenerationRequest.from_prompt("Write a long story about a quiet warehouse.", max_tokens=12)
    result = compare_with_peer(cpu_engine, "llama.cpp", gguf, one=one, prompts=[one, other], repeats=1,
                               continuous=continuous_engine)
    assert result["same_prompt_tokens"]  # edged's tokenizer reads the prompt as the GGUF's does
    assert result["llama_cpp"]["tokens"] == 12  # a long story does not end within 12 tokens
    assert result["llama_cpp"]["ttft_ms"] > 0 and result["llama_cpp"]["decode_tokens_per_s"] > 0
    agreement = result["agreement"]
    assert agreement["prompts"] == 2 and agreement["positions"] == 24
    # the same weights (int8 against Q4_1): edged's top-1 is the GGUF's at most positions
    assert agreement["top1_agreement"] >= 0.75
    assert agreement["mean_logprob_of_gguf_token"] < 0
    # the daemon's engine, timed in the same interleaved runs and compared on the same tokens
    assert result["continuous"]["tokens"] == 12 and result["continuous"]["decode_tokens_per_s"] > 0
    theirs = result["continuous_agreement"]
    assert theirs["prompts"] == 2 and theirs["positions"] == 24
    assert theirs["top1_agreement"] >= 0.75
    rendered = render_peer(result)
    assert "continuous (the daemon's engine)" in rendered and "onnxruntime-genai: top-1" in rendered
