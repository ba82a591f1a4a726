"""The ``[engine]`` table of a hardware profile: how the model is built and run on that hardware.

Which backend, weight format and KV-cache type are valid, and which features apply, is asked of
the backend registry (``edged.backends``), so a backend added there is validated like the shipped
ones.
"""

from __future__ import annotations

import re

from pydantic import Field, field_validator, model_validator
from pydantic_core import PydanticCustomError

from edged.backends import BACKENDS, BackendSpec, KvCacheDtype, WeightFormat, backend_names, describe_names
from edged.basemodel import StrictModel

# Profile and model names become directory names in the engine store (engines/<profile>/<model>).
STORE_NAME = re.compile(r"^[a-z0-9][a-z0-9._-]*$")


def _titles_with(feature: str) -> str:
    """The registered backends that offer ``feature`` (a BackendSpec flag), for people."""
    return ", ".join(spec.title for spec in BACKENDS.values() if getattr(spec, feature))


class EngineSettings(StrictModel):
    """How the model is built and run on this hardware."""

    backend: str = Field(
        description="A registered engine backend (edged.backends): 'trtllm' (TensorRT-LLM), "
        "'onnx-genai-cuda' (ONNX Runtime GenAI on CUDA) or 'onnx-genai-cpu' (ONNX Runtime GenAI "
        "on the CPU; cpu profiles only).",
    )
    model: str = Field(
        description="Model id, also the engine store directory name, e.g. "
        "'phi-3-mini-4k-instruct' or 'smollm2-135m-instruct'.",
    )
    quantization: WeightFormat = Field(
        description="Weight format. TensorRT-LLM: int4_awq, int8_wo (weight-only), fp8 (needs "
        "compute capability 8.9+), fp16. ONNX Runtime GenAI: int4, int8, fp16, fp32.",
    )
    unlisted_quantization: bool = Field(
        default=False,
        description="Opt-in: build a weight format the backend's support matrix does not list for "
        "the model (e.g. INT4-AWQ for Phi-3 on TensorRT-LLM, whose matrix lists FP16, FP8 and "
        "INT8). Off: the plan refuses such a format and names the listed ones. Turn it on only "
        "after checking the built engine's answers yourself.",
    )
    kv_cache_dtype: KvCacheDtype = Field(
        description="KV cache element type: fp16; fp8 (compute capability 8.9+) or int8 halve "
        "it (with TensorRT-LLM only beside fp8 or int4_awq weights, or fp8 beside fp16); fp32 is "
        "what ONNX Runtime GenAI uses on the CPU.",
    )
    max_batch_size: int = Field(
        ge=1,
        le=256,
        description="Most requests in flight at once (TensorRT-LLM max_batch_size).",
    )
    max_input_len: int = Field(ge=1, description="Longest prompt in tokens.")
    max_seq_len: int = Field(
        ge=2,
        description="Longest prompt plus answer in tokens; above max_input_len.",
    )
    max_num_tokens: int = Field(
        ge=1,
        description="Most tokens one engine step processes across the batch (TensorRT-LLM "
        "max_num_tokens). At least max_batch_size, since each request in generation adds one "
        "token per step. Without chunked_context a whole prompt must fit in one step, so it "
        "must also be at least max_input_len; with chunked_context long prompts are split into "
        "chunks of this size and it may be smaller.",
    )
    chunked_context: bool = Field(
        default=False,
        description="Split long prompts across steps (TensorRT-LLM chunked context, which needs "
        "the paged context FMHA of compute capability 8.0+ GPUs). trtllm only.",
    )
    kv_cache_fraction: float = Field(
        gt=0,
        le=0.95,
        description="Share of the memory left free after the engine loads that the KV cache "
        "may take (TensorRT-LLM kv_cache_free_gpu_memory_fraction). On Jetson and CPU that "
        "memory is system RAM shared with everything else, so keep it lower there.",
    )
    lora_slots: int = Field(
        default=0,
        ge=0,
        le=64,
        description="LoRA adapters resident on the GPU at once (TensorRT-LLM max_loras); 0 builds "
        "the engine without the LoRA plugin. trtllm only.",
    )
    lora_max_rank: int = Field(
        default=0,
        ge=0,
        le=256,
        description="Largest LoRA rank the engine accepts (TensorRT-LLM max_lora_rank); set with "
        "lora_slots.",
    )

    @field_validator("backend")
    @classmethod
    def _registered(cls, value: str) -> str:
        if value not in BACKENDS:
            # A closed vocabulary, reported like a Literal's: the value and every valid one.
            raise PydanticCustomError(
                "literal_error", "Input should be {expected}", {"expected": describe_names(backend_names())},
            )
        return value

    @field_validator("model")
    @classmethod
    def _model_id(cls, value: str) -> str:
        if not STORE_NAME.match(value):
            raise ValueError(
                f"model id {value!r} must be lowercase letters, digits, '.', '_' or '-' "
                "(it names a directory in the engine store)",
            )
        return value

    @model_validator(mode="after")
    def _limits_and_formats(self) -> EngineSettings:
        if self.max_input_len >= self.max_seq_len:
            raise ValueError(
                f"max_input_len ({self.max_input_len}) must be below max_seq_len "
                f"({self.max_seq_len}), or no answer token fits",
            )
        if self.max_num_tokens < self.max_batch_size:
            raise ValueError(
                f"max_num_tokens ({self.max_num_tokens}) must be at least max_batch_size "
                f"({self.max_batch_size}): every request in generation adds a token per step",
            )
        if not self.chunked_context and self.max_num_tokens < self.max_input_len:
            raise ValueError(
                f"max_num_tokens ({self.max_num_tokens}) is below max_input_len "
                f"({self.max_input_len}) and chunked_context is off, so the longest prompt "
                "cannot be processed; raise max_num_tokens or set chunked_context = true",
            )
        self._fits_backend(BACKENDS[self.backend])
        return self

    def _fits_backend(self, spec: BackendSpec) -> None:
        """The backend's own rules: its formats and the features it offers."""
        if self.chunked_context and not spec.chunked_context:
            raise ValueError(f"chunked_context is a {_titles_with('chunked_context')} feature; set it false")
        if self.quantization not in spec.quantizations:
            raise ValueError(
                f"quantization {self.quantization!r} is not available with backend "
                f"{self.backend!r}; valid: {', '.join(spec.quantizations)}",
            )
        if self.kv_cache_dtype not in spec.kv_cache_dtypes:
            if len(spec.kv_cache_dtypes) == 1:
                only = spec.kv_cache_dtypes[0]
                raise ValueError(
                    f"backend {self.backend!r} keeps its KV cache in {only}; set kv_cache_dtype = {only!r}",
                )
            raise ValueError(
                f"kv_cache_dtype {self.kv_cache_dtype!r} is not available with backend "
                f"{self.backend!r}; use {', '.join(spec.kv_cache_dtypes)}",
            )
        if (self.lora_slots > 0) != (self.lora_max_rank > 0):
            raise ValueError(
                f"lora_slots ({self.lora_slots}) and lora_max_rank ({self.lora_max_rank}) go "
                "together: set both above 0 to serve LoRA adapters, or both to 0",
            )
        if self.lora_slots and not spec.lora:
            raise ValueError(f"LoRA slots are a {_titles_with('lora')} feature; set lora_slots = 0")
