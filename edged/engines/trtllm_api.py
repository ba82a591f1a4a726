"""What edged passes to TensorRT-LLM's LLM API, shared by the build and the engine: the settings
from the build plan (stored beside the engine), the ``LLM(...)`` arguments, and the guarded
imports of ``tensorrt_llm`` (only inside functions; edged says which extra to install).

Written against the LLM API of TensorRT-LLM 1.2 (the trtllm extra pins 1.2.1):

- ``tensorrt_llm._tensorrt_engine.LLM`` is the TensorRT-engine backend (``tensorrt_llm.LLM`` is
  the PyTorch one). Given a Hugging Face folder it quantizes and builds; ``save(dir)`` copies the
  engine out; given that folder later it loads the engine (``TrtLlmArgs``, ``BuildConfig``).
- ``QuantConfig(quant_algo=QuantAlgo.W4A16_AWQ | W8A16 | FP8, kv_cache_quant_algo=QuantAlgo.FP8 |
  INT8)``; the KV cache dtype is set there, since ``KvCacheConfig.dtype`` is not supported by the
  TensorRT backend.
- ``SamplingParams(logprobs=1)`` on the TensorRT backend needs ``gather_generation_logits=True`` on
  the ``LLM``; each returned entry maps token id to ``Logprob(logprob, rank)``, the sampled token
  always included. ``return_generation_logits=True`` returns the raw logits (label scoring).
- ``tensorrt_llm._tensorrt_engine`` exists from the 1.0 line on (1.2 and the 1.3 release
  candidates still ship it); releases before it, such as the v0.12.0-jetson branch, lack it, and
  edged then says so instead of failing on an import.
- Calibration (``CalibConfig``, tensorrt_llm/llmapi/llm_args.py): ``calib_dataset`` defaults to
  "cnn_dailymail" from the hub, ``calib_batches`` to 512 of ``calib_batch_size`` 1 sample; a local
  folder is read as ``load_dataset(folder, split="train")["text"]`` (edged.engines.calibration).
"""

from __future__ import annotations

import importlib
from dataclasses import dataclass
from typing import Any

from edged.engines.backends import library_versions
from edged.engines.calibration import CALIBRATION_SAMPLES
from edged.errors import BuildError, EngineError, MissingExtra
from edged.hardware.runtimes import trtllm_python_problem

SETTINGS_FILE = "edged-trtllm.json"
TOKENIZER_DIR = "tokenizer"
# Copied from the checkpoint beside the engine, so loading needs nothing but the engine folder.
TOKENIZER_FILES = (
    "tokenizer.json", "tokenizer_config.json", "tokenizer.model", "special_tokens_map.json",
    "added_tokens.json", "generation_config.json", "chat_template.jinja",
)
# CalibConfig's default (512 batches of 1); quantize_and_export itself caps AWQ at 32 samples.
CALIBRATION_BATCHES = CALIBRATION_SAMPLES


@dataclass(frozen=True)
class TrtllmSettings:
    """Everything edged passes to TensorRT-LLM, from the build plan; stored beside the engine."""

    checkpoint: str
    quant_algo: str | None  # QuantAlgo member name, None for FP16
    kv_cache_quant_algo: str | None
    calibration_dataset: str | None
    max_batch_size: int
    max_input_len: int
    max_seq_len: int
    max_num_tokens: int
    chunked_context: bool
    kv_cache_fraction: float
    lora_slots: int
    lora_max_rank: int

    @classmethod
    def from_plan(cls, plan: Any) -> TrtllmSettings:
        """``plan`` is a BuildPlan with its ``gpu`` section (typed Any: build.py imports us)."""
        gpu = plan.gpu
        if gpu is None:
            raise BuildError(f"The plan for {plan.profile} has no GPU section; re-run the build.")
        return cls(
            checkpoint=plan.checkpoint,
            quant_algo=gpu.trtllm_quant_algo,
            kv_cache_quant_algo=gpu.trtllm_kv_cache_quant_algo,
            calibration_dataset=gpu.calibration_dataset,
            max_batch_size=gpu.max_batch_size,
            max_input_len=gpu.max_input_len,
            max_seq_len=gpu.max_seq_len,
            max_num_tokens=gpu.max_num_tokens,
            chunked_context=gpu.chunked_context,
            kv_cache_fraction=gpu.kv_cache_fraction,
            lora_slots=gpu.lora_slots,
            lora_max_rank=gpu.lora_max_rank,
        )

    def build_config_kwargs(self) -> dict[str, Any]:
        """tensorrt_llm.BuildConfig fields (builder.py): the engine's shape limits."""
        return {
            "max_batch_size": self.max_batch_size,
            "max_input_len": self.max_input_len,
            "max_seq_len": self.max_seq_len,
            "max_num_tokens": self.max_num_tokens,
            "max_beam_width": 1,
        }

    def runtime_kwargs(self) -> dict[str, Any]:
        """TrtLlmArgs fields used at load time; the LLM's own defaults (max_batch_size 2048,
        max_num_tokens 8192) would otherwise reach the executor."""
        return {
            "max_batch_size": self.max_batch_size,
            "max_num_tokens": self.max_num_tokens,
            "max_seq_len": self.max_seq_len,
            "enable_chunked_prefill": self.chunked_context,
            # Required for SamplingParams.logprobs on the TensorRT backend (BaseLLM._check_arguments).
            "gather_generation_logits": True,
        }


def import_trtllm(name: str, purpose: str) -> Any:
    try:
        return importlib.import_module(name)
    except ImportError:
        python = trtllm_python_problem()
        if python is not None and name.startswith("tensorrt_llm"):
            # pip install 'edged[trtllm]' installs nothing here (its marker), so say why.
            raise EngineError(f"{purpose} needs tensorrt-llm, but {python}.",
                              code="backend_unavailable") from None
        raise MissingExtra(name.partition(".")[0], "trtllm", purpose) from None


def tensorrt_engine_llm() -> Any:
    """The TensorRT-engine LLM class, or a clear error where this TensorRT-LLM has none."""
    import_trtllm("tensorrt_llm", "The TensorRT-LLM engine")
    try:
        module = importlib.import_module("tensorrt_llm._tensorrt_engine")
    except ImportError:
        version = library_versions(("tensorrt-llm",))["tensorrt-llm"]
        raise EngineError(
            f"tensorrt-llm {version} has no TensorRT engine backend (tensorrt_llm._tensorrt_engine "
            "arrived with the 1.0 line; the v0.12.0-jetson branch predates it). Install the "
            "version edged is written for: pip install 'edged[trtllm]' (tensorrt-llm 1.2.1).",
            code="backend_unavailable",
        ) from None
    return module.LLM


def llm_arguments(settings: TrtllmSettings, llmapi: Any, *, build: bool) -> dict[str, Any]:
    """Keyword arguments of LLM(...) for a build (``build``) or for loading a built engine."""
    kwargs: dict[str, Any] = {
        **settings.runtime_kwargs(),
        "kv_cache_config": llmapi.KvCacheConfig(
            free_gpu_memory_fraction=settings.kv_cache_fraction,
            # Label scoring sends the same prompt once per label position: reuse its blocks.
            enable_block_reuse=True,
        ),
    }
    if settings.lora_slots:
        lora_helper = importlib.import_module("tensorrt_llm.lora_helper")
        kwargs["enable_lora"] = True
        kwargs["lora_config"] = lora_helper.LoraConfig(
            max_lora_rank=settings.lora_max_rank,
            max_loras=settings.lora_slots,
            max_cpu_loras=settings.lora_slots,
        )
    if not build:
        # Constrained decoding (GuidedDecodingParams in SamplingParams) needs a backend named
        # here; xgrammar is the one the TensorRT backend implements (llguidance: PyTorch only).
        kwargs["guided_decoding_backend"] = "xgrammar"
    if build:
        quant_algo = llmapi.QuantAlgo
        kwargs["build_config"] = llmapi.BuildConfig(**settings.build_config_kwargs())
        kwargs["quant_config"] = llmapi.QuantConfig(
            quant_algo=getattr(quant_algo, settings.quant_algo) if settings.quant_algo else None,
            kv_cache_quant_algo=(
                getattr(quant_algo, settings.kv_cache_quant_algo) if settings.kv_cache_quant_algo else None
            ),
        )
        if settings.calibration_dataset:
            kwargs["calib_config"] = llmapi.CalibConfig(
                calib_dataset=settings.calibration_dataset, calib_batches=CALIBRATION_BATCHES,
            )
    return kwargs
