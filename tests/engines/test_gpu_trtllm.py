"""The TensorRT-LLM backend's decisions, on CPU: what it passes to the LLM API, how it reads
log-probs back, and its refusals; TensorRT-LLM itself is not installed here."""

from __future__ import annotations

import json
import sys
import types
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import pytest

from edged.engines.base import Guidance, Sampling
from edged.engines.trtllm import (
    check_engine_version,
    chosen_logprobs,
    collect_logprobs,
    finish_reason,
    guided_arguments,
    sampling_arguments,
)
from edged.engines.trtllm_api import TrtllmSettings, llm_arguments
from edged.errors import EngineError, FingerprintMismatch, MissingExtra, StoreError

SETTINGS = TrtllmSettings(
    checkpoint="/ckpt",
    quant_algo="FP8",
    kv_cache_quant_algo="FP8",
    calibration_dataset="/ckpt/calibration",
    max_batch_size=128,
    max_input_len=3072,
    max_seq_len=4096,
    max_num_tokens=8192,
    chunked_context=True,
    kv_cache_fraction=0.9,
    lora_slots=0,
    lora_max_rank=0,
)


class _Recorder:
    def __init__(self, **kwargs: Any) -> None:
        self.kwargs = kwargs


LLMAPI = SimpleNamespace(
    BuildConfig=_Recorder,
    QuantConfig=_Recorder,
    KvCacheConfig=_Recorder,
    CalibConfig=_Recorder,
    GuidedDecodingParams=_Recorder,
    QuantAlgo=SimpleNamespace(FP8="QuantAlgo.FP8", W4A16_AWQ="QuantAlgo.W4A16_AWQ", INT8="QuantAlgo.INT8"),
)


def test_build_arguments_follow_the_plan() -> None:
    kwargs = llm_arguments(SETTINGS, LLMAPI, build=True)
    assert kwargs["build_config"].kwargs == {
        "max_batch_size": 128,
        "max_input_len": 3072,
        "max_seq_len": 4096,
        "max_num_tokens": 8192,
        "max_beam_width": 1,
    }
    assert kwargs["quant_config"].kwargs == {
        "quant_algo": "QuantAlgo.FP8",
        "kv_cache_quant_algo": "QuantAlgo.FP8",
    }
    # 512: CalibConfig's own default (tensorrt_llm/llmapi/llm_args.py)
    assert kwargs["calib_config"].kwargs == {"calib_dataset": "/ckpt/calibration", "calib_batches": 512}
    assert kwargs["kv_cache_config"].kwargs == {"free_gpu_memory_fraction": 0.9, "enable_block_reuse": True}
    assert kwargs["gather_generation_logits"] is True  # SamplingParams.logprobs needs it on TensorRT
    assert kwargs["enable_chunked_prefill"] is True
    assert "enable_lora" not in kwargs
    loaded = llm_arguments(SETTINGS, LLMAPI, build=False)
    assert "build_config" not in loaded and "quant_config" not in loaded
    assert (loaded["max_batch_size"], loaded["max_num_tokens"], loaded["max_seq_len"]) == (128, 8192, 4096)
    assert loaded["guided_decoding_backend"] == "xgrammar"
    assert "guided_decoding_backend" not in kwargs


def test_guidance_becomes_guided_decoding_params() -> None:
    assert guided_arguments(None, LLMAPI) == {}
    schema = guided_arguments(Guidance("json_schema", '{"type":"object"}'), LLMAPI)["guided_decoding"]
    assert schema.kwargs == {"json": '{"type":"object"}'}
    compact = Guidance("json_schema", '{"type":"object","x-guidance":{"whitespace_flexible":false}}')
    assert guided_arguments(compact, LLMAPI)["guided_decoding"].kwargs == {"json": '{"type":"object"}'}
    regex = guided_arguments(Guidance("regex", "[A-Z]+-[0-9]+"), LLMAPI)["guided_decoding"]
    assert regex.kwargs == {"regex": "[A-Z]+-[0-9]+"}
    with pytest.raises(EngineError, match="xgrammar"):
        guided_arguments(Guidance("lark_grammar", 'start: "a"'), LLMAPI)


def test_fp16_builds_without_quantization() -> None:
    fp16 = TrtllmSettings(
        **{**SETTINGS.__dict__, "quant_algo": None, "kv_cache_quant_algo": None, "calibration_dataset": None}
    )
    kwargs = llm_arguments(fp16, LLMAPI, build=True)
    assert kwargs["quant_config"].kwargs == {"quant_algo": None, "kv_cache_quant_algo": None}
    assert "calib_config" not in kwargs


def test_sampling_arguments() -> None:
    greedy = sampling_arguments(Sampling(), 32, end_id=32000, stop_ids=(32000, 32001, 32007))
    assert greedy == {
        "max_tokens": 32,
        "end_id": 32000,
        "stop_token_ids": [32001, 32007],
        "logprobs": 1,
        "detokenize": False,
        "top_k": 1,
    }
    sampled = sampling_arguments(Sampling(temperature=0.7, top_p=0.9, top_k=40, seed=7), 8, 2, (2,))
    assert (sampled["temperature"], sampled["top_p"], sampled["top_k"], sampled["seed"]) == (0.7, 0.9, 40, 7)


def test_logprobs_are_read_for_the_chosen_tokens() -> None:
    entries = [
        {5: SimpleNamespace(logprob=-0.1, rank=1)},
        {9: SimpleNamespace(logprob=-0.5, rank=1), 7: SimpleNamespace(logprob=-2.0, rank=3)},
    ]
    assert chosen_logprobs([5, 7], entries) == [-0.1, -2.0]
    assert chosen_logprobs([5, 7], [-0.1, -2.0]) == [-0.1, -2.0]  # the C++ runtime's plain floats
    with pytest.raises(EngineError, match="no log-prob for the sampled token 8"):
        chosen_logprobs([8], [{5: SimpleNamespace(logprob=-0.1)}])
    with pytest.raises(EngineError, match="gather_generation_logits"):
        chosen_logprobs([5, 7], [-0.1])


def test_streamed_logprobs_whether_cumulative_or_per_chunk() -> None:
    cumulative = collect_logprobs([], ["a", "b"], tokens=2, emitted=0)
    assert collect_logprobs(cumulative, ["a", "b", "c"], tokens=3, emitted=2) == ["a", "b", "c"]
    per_chunk = collect_logprobs([], ["a", "b"], tokens=2, emitted=0)
    assert collect_logprobs(per_chunk, ["c"], tokens=3, emitted=2) == ["a", "b", "c"]


def test_finish_reasons() -> None:
    assert finish_reason("stop") == "stop"
    assert finish_reason("length") == "length"
    with pytest.raises(EngineError, match="timed out or cancelled"):
        finish_reason("timeout")


def test_an_engine_from_another_tensorrt_llm_is_refused_before_loading(tmp_path: Path) -> None:
    (tmp_path / "config.json").write_text(json.dumps({"version": "1.2.0", "build_config": {}}))
    with pytest.raises(FingerprintMismatch, match=r"built by TensorRT-LLM 1\.2\.0; this machine has 1\.2\.1"):
        check_engine_version(tmp_path, "1.2.1")
    check_engine_version(tmp_path, "1.2.0")
    (tmp_path / "config.json").unlink()
    with pytest.raises(StoreError, match="missing or unreadable"):
        check_engine_version(tmp_path, "1.2.1")


def test_loading_without_tensorrt_llm_names_the_extra(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
) -> None:
    from edged.engines import trtllm_api
    from edged.engines.base import EngineInfo
    from edged.engines.trtllm import TrtllmEngine

    (tmp_path / "config.json").write_text(json.dumps({"version": "absent"}))
    (tmp_path / "edged-trtllm.json").write_text(json.dumps(SETTINGS.__dict__))
    info = EngineInfo("trtllm", "phi-3-mini-4k-instruct", "h100", 4096, 128, tmp_path)
    monkeypatch.setattr(trtllm_api, "trtllm_python_problem", lambda: None)  # a Python it has wheels for
    with pytest.raises(MissingExtra, match=r"pip install 'edged\[trtllm\]'"):
        TrtllmEngine(tmp_path, info)
    # On a Python without tensorrt-llm wheels the extra installs nothing; the error says why.
    monkeypatch.setattr(trtllm_api, "trtllm_python_problem", lambda: "it has wheels for 3.10 or 3.12 only")
    with pytest.raises(EngineError, match=r"needs tensorrt-llm, but it has wheels for 3\.10 or 3\.12 only"):
        TrtllmEngine(tmp_path, info)


def test_an_adapter_is_a_lora_request_with_one_id_per_adapter_file(monkeypatch: pytest.MonkeyPatch) -> None:
    """TensorRT-LLM serves adapters per request in its in-flight batch (``LoRARequest``); a
    replaced adapter (another digest) gets a new id, so its executor cache loads it afresh."""
    from edged.engines.base import AdapterRef
    from edged.engines.trtllm import TrtllmEngine
    from edged.errors import AdapterError

    executor = types.ModuleType("tensorrt_llm.executor")
    executor.LoRARequest = lambda name, number, path: (name, number, path)  # type: ignore[attr-defined]
    monkeypatch.setitem(sys.modules, "tensorrt_llm.executor", executor)
    engine = TrtllmEngine.__new__(TrtllmEngine)
    engine._lora_slots, engine._lora_ids = 4, {}
    first = AdapterRef("alarms", Path("/store/alarms/peft"), "a" * 64)
    replaced = AdapterRef("alarms", Path("/store/alarms/peft"), "b" * 64)
    assert engine._lora_request(None) is None
    assert engine._lora_request(first) == ("alarms", 1, "/store/alarms/peft")
    assert engine._lora_request(first) == ("alarms", 1, "/store/alarms/peft")
    assert engine._lora_request(replaced) == ("alarms", 2, "/store/alarms/peft")
    engine._lora_slots = 0
    with pytest.raises(AdapterError) as refused:
        engine._lora_request(first)
    assert refused.value.code == "adapter_mismatch" and "lora_slots" in refused.value.message
