"""The backend registry: each engine backend declares, in one ``BackendSpec``, what it supports and
where its code lives, and everything that depends on a backend asks the registry instead of
branching on its name: profile validation (``edged.hardware.profiles``), the GPU planner
(``edged.engines.gpu_plan``), the build pipeline (``edged.engines.build``) and the loader.

Adding a backend is one module (its engine class and builder) and one ``register(...)`` entry.
Code is named by dotted path ("module:attr") and imported only when that backend is chosen (the
vLLM platform lesson), so this module is plain data and sits below every package that asks it.
"""

from __future__ import annotations

import typing
from dataclasses import dataclass, field
from typing import Literal

from edged.errors import ConfigError

# Weight formats and KV-cache element types a profile may name; each backend accepts a subset.
WeightFormat = Literal["int4_awq", "int8_wo", "fp8", "fp16", "int8", "int4", "fp32"]
KvCacheDtype = Literal["fp16", "fp8", "int8", "fp32"]
WEIGHT_FORMATS: tuple[WeightFormat, ...] = typing.get_args(WeightFormat)
KV_CACHE_DTYPES: tuple[KvCacheDtype, ...] = typing.get_args(KvCacheDtype)
MatchKind = Literal["jetson", "gpu", "cpu"]
ConstraintEngine = Literal["llguidance", "xgrammar"]


@dataclass(frozen=True)
class FormatRule:
    """From compute capability ``min_sm`` on, the GPU calls for these weights and KV cache."""

    min_sm: tuple[int, int]
    weights: WeightFormat
    kv_cache: KvCacheDtype


@dataclass(frozen=True)
class GpuRules:
    """What the GPU planner needs to know of a GPU backend (``edged.engines.gpu_plan``)."""

    # Checked in order; the first rule the GPU's compute capability reaches is the recommendation.
    recommended: tuple[FormatRule, ...]
    # ESTIMATES: CUDA context, library workspaces and the runtime's own buffers; the builder's
    # workspace (and the quantizer's calibration buffers) on top of the weights it holds.
    runtime_reserve_gib: float
    build_overhead_gib: float
    # "static": every batch row's KV cache is allocated for the whole sequence up front, so the
    # batch is what full-length sequences fit; "paged": shorter sequences share a paged cache.
    kv_cache: Literal["paged", "static"]
    # How a build from a Hugging Face checkpoint peaks: "export" holds the FP16 model and its
    # export; "quantize" holds the FP16 checkpoint, a quantized copy and the builder.
    build_memory: Literal["export", "quantize"]
    # The backend's own names for profile formats (TensorRT-LLM QuantAlgo); empty where none.
    native_weight_formats: dict[str, str | None] = field(default_factory=dict)
    native_kv_cache_dtypes: dict[str, str | None] = field(default_factory=dict)
    # Formats whose scales the backend's quantizer calibrates on local sample text.
    calibrated_weights: tuple[str, ...] = ()
    calibrated_kv_cache: tuple[str, ...] = ()
    # Builds from an ONNX Runtime GenAI folder by copying it (no conversion memory).
    copies_onnx_models: bool = False
    # Whether the plan notes a profile format that differs from the architecture's recommendation.
    advises_formats: bool = False
    # The backend's support matrix by model architecture: the weight formats it lists for it.
    # An architecture not named here is not restricted; a listed one gets only these unless the
    # profile sets engine.unlisted_quantization = true (the documented opt-in).
    listed_weight_formats: dict[str, tuple[str, ...]] = field(default_factory=dict)
    # A quantized KV cache (key) builds only with these weight formats; the reason, for the plan.
    kv_cache_weight_formats: dict[str, tuple[str, ...]] = field(default_factory=dict)
    kv_cache_weight_reason: str = ""
    # Guidance: a note on Jetson profiles, and what to add to the advice when a build lacks memory.
    jetson_note: str | None = None
    low_memory_advice: str = ""


@dataclass(frozen=True)
class BackendSpec:
    """One backend: its rules, its code (dotted paths) and the libraries that bind its engines."""

    name: str
    title: str  # for people: "TensorRT-LLM"
    engine_class: str  # "module:Class", constructed as Class(path, info)
    builder: str | None  # "module:function"; None until the backend can be built here
    extra: str  # the pyproject extra that installs the runtime
    # Distributions whose versions bind a built engine: they load it at run time.
    runtime_libraries: tuple[str, ...]
    match_kinds: tuple[MatchKind, ...]  # the profile match.kind values it runs on
    quantizations: tuple[WeightFormat, ...]
    kv_cache_dtypes: tuple[KvCacheDtype, ...]
    # Distributions a build needs on this machine ("a|b": either); `engine build` says which
    # is missing.
    build_requires: tuple[str, ...] = ()
    chunked_context: bool = False
    lora: bool = False
    # "module:Class" of an engine that batches continuously (requests join a running batch);
    # loaded instead of engine_class when [engine] batching = "continuous". None: static only.
    continuous_engine_class: str | None = None
    gpu: GpuRules | None = None  # None: no GPU, no GPU plan
    # The constraint engine that decodes an answer under its JSON Schema (llguidance, xgrammar);
    # None: answers are decoded free and only checked against the schema afterwards, so one that
    # does not match comes back degraded.
    guidance: ConstraintEngine | None = None

    @property
    def needs_gpu(self) -> bool:
        return self.gpu is not None


BACKENDS: dict[str, BackendSpec] = {}


def register(spec: BackendSpec) -> BackendSpec:
    """Add a backend to the registry; a second backend under a taken name is refused."""
    if spec.name in BACKENDS and BACKENDS[spec.name] != spec:
        raise ConfigError(f"A backend named {spec.name!r} is already registered; choose another name.")
    BACKENDS[spec.name] = spec
    return spec


def backend_names() -> tuple[str, ...]:
    return tuple(BACKENDS)


def describe_names(names: tuple[str, ...]) -> str:
    """'a', 'b' or 'c': how the unknown-backend errors list the known ones."""
    quoted = [repr(name) for name in names]
    return quoted[0] if len(quoted) == 1 else f"{', '.join(quoted[:-1])} or {quoted[-1]}"


def guidance_of(name: str) -> ConstraintEngine | None:
    """The constraint engine of the backend ``name``; None when it has none or is not registered."""
    spec = BACKENDS.get(name)
    return spec.guidance if spec is not None else None


def describe_guidance(guidance: ConstraintEngine | None) -> str:
    """For `edged hw detect` and the status: what an answer with a schema gets on this backend."""
    if guidance is None:
        return ("none: an answer with a schema is decoded free, checked against the schema after "
                "decoding, and degraded when it does not match")
    return f"{guidance}: an answer with a schema is decoded under it, and checked after decoding"


def backend_spec(name: str) -> BackendSpec:
    """The registered backend ``name``, or a ConfigError naming the registered ones."""
    spec = BACKENDS.get(name)
    if spec is None:
        raise ConfigError(
            f"Unknown engine backend {name!r}: the registered backends are "
            f"{describe_names(backend_names())}. Set engine.backend in the profile to one of them.",
        )
    return spec


# -- the backends edged ships, one entry each ---------------------------------------------------

TRTLLM = register(BackendSpec(
    name="trtllm",
    title="TensorRT-LLM",
    engine_class="edged.engines.trtllm:TrtllmEngine",
    builder="edged.engines.trtllm_build:build_trtllm_engine",
    extra="trtllm",
    # A TensorRT engine deserializes only under the TensorRT (and TensorRT-LLM) it was built
    # with; the CUDA runtime wheels (cu12 or cu13, whichever the release uses) bind it too. On
    # Jetson, TensorRT comes from JetPack (jetson.l4t_release binds it).
    runtime_libraries=("tensorrt", "tensorrt-llm", "nvidia-cuda-runtime-cu12", "nvidia-cuda-runtime"),
    # x86_64 GPUs only: the one Jetson TensorRT-LLM (the v0.12.0-jetson branch) predates the
    # tensorrt_llm._tensorrt_engine.LLM class this backend is written against, so Jetson
    # profiles use onnx-genai-cuda.
    match_kinds=("gpu",),
    quantizations=("int4_awq", "int8_wo", "fp8", "fp16"),
    kv_cache_dtypes=("fp16", "fp8", "int8"),
    build_requires=("tensorrt-llm",),
    chunked_context=True,
    lora=True,
    # GuidedDecodingParams with guided_decoding_backend="xgrammar" (edged.engines.trtllm_api).
    guidance="xgrammar",
    gpu=GpuRules(
        # Ada (8.9) and Hopper (9.0) have FP8 tensor cores; the INT4-AWQ (W4A16) kernels need
        # Ampere (8.0) or newer. A rule whose weights the support matrix does not list for the
        # model's architecture is skipped (Phi-3 on Ampere: int8_wo, not int4_awq).
        recommended=(
            FormatRule((8, 9), "fp8", "fp8"),
            FormatRule((8, 0), "int4_awq", "fp16"),
            FormatRule((8, 0), "int8_wo", "fp16"),
            FormatRule((0, 0), "fp16", "fp16"),
        ),
        # The executor keeps decoder and sampling buffers per batch slot.
        runtime_reserve_gib=1.0,
        build_overhead_gib=2.0,
        kv_cache="paged",
        build_memory="quantize",
        # QuantAlgo names (tensorrt_llm/quantization/mode.py).
        native_weight_formats={"int4_awq": "W4A16_AWQ", "int8_wo": "W8A16", "fp8": "FP8", "fp16": None},
        native_kv_cache_dtypes={"fp8": "FP8", "int8": "INT8", "fp16": None},
        # TensorRT Model Optimizer calibrates these; INT8 weight-only needs none. CalibConfig's
        # default calib_dataset is "cnn_dailymail" from the hub; edged never downloads, so the
        # text must lie locally (edged.engines.calibration says in what shape).
        calibrated_weights=("int4_awq", "fp8"),
        calibrated_kv_cache=("fp8", "int8"),
        advises_formats=True,
        # TensorRT-LLM's support matrix (docs/source/reference/support-matrix.md, "Phi"):
        # FP16/BF16, FP8 and INT8 for Phi-3; INT4-AWQ is not listed.
        listed_weight_formats={"Phi3ForCausalLM": ("fp16", "fp8", "int8_wo")},
        # A KV cache quantized without ModelOpt-quantized weights takes the quantize path's
        # non-ModelOpt branch (QuantConfig._requires_calibration is true but
        # _requires_modelopt_quantization false: tensorrt_llm/models/modeling_utils.py), which
        # Phi3ForCausalLM does not implement (tensorrt_llm/models/phi3/model.py has no quantize
        # override), so the build raises. FP8 KV alone (no weight quantization) is ModelOpt's.
        kv_cache_weight_formats={"int8": ("int4_awq", "fp8"), "fp8": ("int4_awq", "fp8", "fp16")},
        kv_cache_weight_reason=(
            "TensorRT-LLM calibrates a quantized KV cache only in TensorRT Model Optimizer's "
            "flow, which these weights do not take (QuantConfig._requires_modelopt_quantization "
            "is false), so the build would raise"
        ),
    ),
))
ONNX_GENAI_CUDA = register(BackendSpec(
    name="onnx-genai-cuda",
    title="ONNX Runtime GenAI",
    engine_class="edged.engines.onnx_genai:OnnxGenaiEngine",
    builder="edged.engines.cuda_build:build_cuda_engine",
    extra="cuda",
    # On Jetson the CUDA build of onnxruntime-genai comes from NVIDIA's JetPack wheels under the
    # plain name; jetson.l4t_release binds the CUDA it was built for.
    runtime_libraries=("onnxruntime-genai-cuda", "onnxruntime-genai", "onnxruntime-gpu"),
    match_kinds=("gpu", "jetson"),
    quantizations=("int4", "int8", "fp16", "fp32"),
    kv_cache_dtypes=("fp16", "fp8", "int8"),
    build_requires=("onnxruntime-genai-cuda|onnxruntime-genai",),
    # GeneratorParams.set_guidance (llguidance, built into onnxruntime-genai's wheels).
    guidance="llguidance",
    gpu=GpuRules(
        # INT4 is MatMulNBits with blocks of 32 (RTN), whatever the architecture.
        recommended=(FormatRule((0, 0), "int4", "fp16"),),
        runtime_reserve_gib=0.6,
        build_overhead_gib=1.0,
        kv_cache="static",
        build_memory="export",
        copies_onnx_models=True,
        # PyPI's onnxruntime-genai 0.18 has no wheel for JetPack 6's Python 3.10 (cp311-cp313 only).
        jetson_note=(
            "on JetPack 6 onnxruntime-genai and onnxruntime-gpu come from NVIDIA's Jetson index "
            "for its Python 3.10 (scripts/install --extras jetson), not from PyPI"
        ),
        low_memory_advice=" and pass the built ONNX folder (genai_config.json) as --checkpoint",
    ),
))
ONNX_GENAI_CPU = register(BackendSpec(
    name="onnx-genai-cpu",
    title="ONNX Runtime GenAI",
    engine_class="edged.engines.onnx_genai:OnnxGenaiEngine",
    continuous_engine_class="edged.engines.continuous:ContinuousOnnxEngine",
    builder="edged.engines.cpu_build:build_cpu_engine",
    extra="cpu",
    runtime_libraries=("onnxruntime-genai", "onnxruntime"),
    match_kinds=("cpu",),
    quantizations=("int4", "int8", "fp16", "fp32"),
    kv_cache_dtypes=("fp32",),  # what ONNX Runtime GenAI keeps on the CPU
    guidance="llguidance",  # GeneratorParams.set_guidance
))
# In the order of edged.vocabulary.BackendName (a test holds the two together).
SHIPPED: tuple[BackendSpec, ...] = (TRTLLM, ONNX_GENAI_CUDA, ONNX_GENAI_CPU)
