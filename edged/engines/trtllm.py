"""TensorRT-LLM backend: Phi-3 Mini built into a TensorRT engine for this GPU, and served from it.

Imported only when a profile chooses ``trtllm``; ``tensorrt_llm`` itself only inside functions.
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
- Later TensorRT-LLM releases removed the TensorRT backend; edged then says so instead of failing
  on an import.
"""

from __future__ import annotations

import asyncio
import importlib
import importlib.metadata
import json
import shutil
import sys
import time
from collections.abc import Sequence
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

import numpy as np

from edged.engines.backends import library_versions
from edged.engines.base import (
    ChatMessage,
    EngineHealth,
    EngineInfo,
    FinishReason,
    GenerationRequest,
    GenerationResult,
    LabelScore,
    Sampling,
    Timings,
    TokenCallback,
    check_fits_context,
)
from edged.engines.build_steps import run_child
from edged.engines.onnx_genai import token_logprobs
from edged.errors import (
    BuildError,
    EngineError,
    FingerprintMismatch,
    InputTooLong,
    MissingExtra,
    StoreError,
)

SETTINGS_FILE = "edged-trtllm.json"
TOKENIZER_DIR = "tokenizer"
# Copied from the checkpoint beside the engine, so loading needs nothing but the engine folder.
TOKENIZER_FILES = (
    "tokenizer.json", "tokenizer_config.json", "tokenizer.model", "special_tokens_map.json",
    "added_tokens.json", "generation_config.json", "chat_template.jinja",
)
TOOLCHAIN = ("tensorrt-llm", "tensorrt", "torch", "transformers", "nvidia-modelopt")
HEALTH_PROMPT = (ChatMessage("user", "ping"),)
CALIBRATION_BATCHES = 256  # TensorRT-LLM's own examples calibrate FP8 and AWQ on 256 samples


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


def _import(name: str, purpose: str) -> Any:
    try:
        return importlib.import_module(name)
    except ImportError:
        raise MissingExtra(name.partition(".")[0], "trtllm", purpose) from None


def _llm_class() -> Any:
    """The TensorRT-engine LLM class, or a clear error where this TensorRT-LLM has none."""
    _import("tensorrt_llm", "The TensorRT-LLM engine")
    try:
        module = importlib.import_module("tensorrt_llm._tensorrt_engine")
    except ImportError:
        version = library_versions(("tensorrt-llm",))["tensorrt-llm"]
        raise EngineError(
            f"tensorrt-llm {version} has no TensorRT engine backend (releases after the 1.2 line "
            "removed it). Install the version edged is written for: pip install 'edged[trtllm]' "
            "(tensorrt-llm 1.2.1).",
            code="backend_unavailable",
        ) from None
    return module.LLM


def _llm_arguments(settings: TrtllmSettings, llmapi: Any, *, build: bool) -> dict[str, Any]:
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


# -- build --------------------------------------------------------------------------------------


def build_trtllm_engine(
    plan: Any, out_dir: Path, work_dir: Path, log: Path, reporter: Any,
) -> dict[str, str]:
    """Builder for ``backends.BACKENDS['trtllm']``: quantize and build in a child process."""
    settings = TrtllmSettings.from_plan(plan)
    settings_path = work_dir / SETTINGS_FILE
    settings_path.write_text(json.dumps(asdict(settings), indent=2) + "\n", encoding="utf-8")
    what = f"{settings.quant_algo or 'FP16'} weights, KV cache {settings.kv_cache_quant_algo or 'FP16'}"
    reporter.start("build", f"Building the TensorRT engine ({what}); this takes minutes")
    run_child(
        [sys.executable, "-m", "edged.engines.trtllm", "build", str(settings_path), str(out_dir),
         str(work_dir / "llm-workspace")],
        log,
        "The TensorRT-LLM engine build",
        "Check the log above: a quantization or TensorRT error names its cause. A build needs the "
        "GPU to itself; stop the edged service while building.",
    )
    size = sum(p.stat().st_size for p in out_dir.rglob("*") if p.is_file())
    reporter.done("build", f"{size / 2**20:.0f} MiB engine")
    return library_versions(TOOLCHAIN)


def _build_in_child(settings_path: Path, out_dir: Path, workspace: Path) -> None:
    settings = TrtllmSettings(**json.loads(settings_path.read_text(encoding="utf-8")))
    llm_class = _llm_class()
    llmapi = _import("tensorrt_llm.llmapi", "Building a TensorRT-LLM engine")
    workspace.mkdir(parents=True, exist_ok=True)
    llm = llm_class(model=settings.checkpoint, workspace=str(workspace),
                    **_llm_arguments(settings, llmapi, build=True))
    try:
        llm.save(str(out_dir))
    finally:
        llm.shutdown()
    tokenizer = out_dir / TOKENIZER_DIR
    tokenizer.mkdir(exist_ok=True)
    for name in TOKENIZER_FILES:
        source = Path(settings.checkpoint) / name
        if source.is_file():
            shutil.copy2(source, tokenizer / name)
    (out_dir / SETTINGS_FILE).write_text(json.dumps(asdict(settings), indent=2) + "\n", encoding="utf-8")


# -- run ----------------------------------------------------------------------------------------


def check_engine_version(folder: Path, installed: str) -> None:
    """A TensorRT engine from another TensorRT-LLM fails to deserialize; say so first, with the fix."""
    try:
        built = json.loads((folder / "config.json").read_text(encoding="utf-8")).get("version")
    except (OSError, ValueError, AttributeError):
        raise StoreError(
            f"{folder}/config.json (the TensorRT-LLM engine config) is missing or unreadable: "
            "rebuild the engine with `edged engine build --force`.",
            code="engine_corrupt",
        ) from None
    if built is not None and str(built) != installed:
        raise FingerprintMismatch(
            f"The engine in {folder} was built by TensorRT-LLM {built}; this machine has "
            f"{installed}, which cannot deserialize it. Rebuild it here with: edged engine build "
            "--force (or install tensorrt-llm " + str(built) + ").",
        )


def chosen_logprobs(token_ids: Sequence[int], entries: Sequence[Any]) -> list[float]:
    """Log-prob of each generated token from CompletionOutput.logprobs, whose entries are
    ``{token_id: Logprob}`` dicts (the sampled token always among them) or, from the C++
    runtime's own path, plain floats."""
    values = []
    for token, entry in zip(token_ids, entries, strict=False):
        if isinstance(entry, dict):
            found = entry.get(token)
            if found is None:
                raise EngineError(f"TensorRT-LLM returned no log-prob for the sampled token {token}")
            value: Any = getattr(found, "logprob", found)
            values.append(float(value))
        else:
            values.append(float(entry))
    if len(values) < len(token_ids):
        raise EngineError(
            f"TensorRT-LLM returned {len(values)} log-probs for {len(token_ids)} tokens; the engine "
            "must be built with gather_generation_logits (rebuild it with `edged engine build --force`)",
        )
    return values


def collect_logprobs(so_far: list[Any], latest: list[Any], tokens: int, emitted: int) -> list[Any]:
    """Log-prob entries of a streamed request so far. Depending on the release a streamed
    CompletionOutput.logprobs holds every token's entry or only the newest tokens'; both fit."""
    if len(latest) >= tokens:
        return latest[:tokens]
    new = tokens - emitted
    return so_far + latest[-new:] if new > 0 and latest else so_far


def sampling_arguments(
    sampling: Sampling, max_tokens: int, end_id: int, stop_ids: Sequence[int],
) -> dict[str, Any]:
    """SamplingParams fields: top-1 log-probs always; greedy is top_k=1 (top_k=None would sample)."""
    kwargs: dict[str, Any] = {
        "max_tokens": max_tokens,
        "end_id": end_id,
        "stop_token_ids": [t for t in stop_ids if t != end_id],
        "logprobs": 1,
        "detokenize": False,  # edged decodes with the checkpoint's own tokenizer
    }
    if sampling.greedy:
        kwargs["top_k"] = 1
    else:
        kwargs.update(temperature=sampling.temperature, top_p=sampling.top_p, top_k=sampling.top_k)
        if sampling.seed is not None:
            kwargs["seed"] = sampling.seed
    return kwargs


def _first_logits_row(logits: Any) -> Any:
    """Row 0 of a (tokens, vocab) torch tensor of generation logits, as float32 numpy."""
    array = np.asarray(logits.float().cpu().numpy(), dtype=np.float32)
    return array.reshape(-1, array.shape[-1])[0]


def finish_reason(value: str | None) -> FinishReason:
    if value in ("stop", "length"):
        return value  # type: ignore[return-value]
    raise EngineError(f"TensorRT-LLM ended a request with {value!r} (timed out or cancelled)")


class TrtllmEngine:
    """A TensorRT-LLM engine folder (rank0.engine, config.json, tokenizer/, edged-trtllm.json)."""

    def __init__(self, path: Path, info: EngineInfo) -> None:
        self._info = info
        installed = library_versions(("tensorrt-llm",))["tensorrt-llm"]
        check_engine_version(path, installed)
        try:
            settings = TrtllmSettings(**json.loads((path / SETTINGS_FILE).read_text(encoding="utf-8")))
        except (OSError, ValueError, TypeError):
            raise StoreError(
                f"{path}/{SETTINGS_FILE} is missing or damaged: rebuild the engine with "
                "`edged engine build --force`.",
                code="engine_corrupt",
            ) from None
        llm_class = _llm_class()
        llmapi = _import("tensorrt_llm.llmapi", "The TensorRT-LLM engine")
        self._llmapi = llmapi
        transformers = _import("transformers", "The TensorRT-LLM engine's tokenizer")
        try:
            self._tokenizer = transformers.AutoTokenizer.from_pretrained(str(path / TOKENIZER_DIR))
            self._llm = llm_class(model=str(path), tokenizer=str(path / TOKENIZER_DIR),
                                  **_llm_arguments(settings, llmapi, build=False))
        except Exception as exc:
            text = str(exc)
            if "serializ" in text.lower() or "version" in text.lower():
                raise FingerprintMismatch(
                    f"TensorRT could not load the engine in {path} ({text.splitlines()[0]}): it was "
                    "built with another TensorRT or TensorRT-LLM. Rebuild it here with: edged "
                    f"engine build --profile {info.profile} --force",
                ) from None
            raise StoreError(
                f"The engine in {path} could not be loaded ({text.splitlines()[0] if text else exc!r}). "
                "Rebuild it with `edged engine build --force`.",
                code="engine_corrupt",
            ) from None
        self._end_id, self._stop_ids = self._end_tokens(path / TOKENIZER_DIR)

    def _end_tokens(self, tokenizer_dir: Path) -> tuple[int, tuple[int, ...]]:
        """The end-of-sequence id and every id that ends a turn (Phi-3: <|endoftext|>, <|end|>)."""
        ids = {int(self._tokenizer.eos_token_id)}
        config = tokenizer_dir / "generation_config.json"
        if config.is_file():
            eos = json.loads(config.read_text(encoding="utf-8")).get("eos_token_id")
            ids.update(eos if isinstance(eos, list) else [eos] if isinstance(eos, int) else [])
        return int(self._tokenizer.eos_token_id), tuple(sorted(ids))

    @property
    def info(self) -> EngineInfo:
        return self._info

    def prompt_tokens(self, messages: Sequence[ChatMessage]) -> list[int]:
        chat = [{"role": m.role, "content": m.content} for m in messages]
        tokens = self._tokenizer.apply_chat_template(chat, add_generation_prompt=True, tokenize=True)
        return [int(t) for t in tokens]

    def count_tokens(self, messages: Sequence[ChatMessage]) -> int:
        return len(self.prompt_tokens(messages))

    def decode(self, tokens: Sequence[int]) -> str:
        return str(self._tokenizer.decode(list(tokens), skip_special_tokens=True))

    def _sampling_params(self, sampling: Sampling, max_tokens: int, **extra: Any) -> Any:
        kwargs = sampling_arguments(sampling, max_tokens, self._end_id, self._stop_ids)
        kwargs.update(extra)
        return self._llmapi.SamplingParams(**kwargs)

    def generate(
        self,
        requests: Sequence[GenerationRequest],
        on_token: TokenCallback | None = None,
    ) -> list[GenerationResult]:
        prompts = [self.prompt_tokens(r.messages) for r in requests]
        check_fits_context(requests, prompts, self._info.context_length)
        try:
            return asyncio.run(self._generate(requests, prompts, on_token))
        except (EngineError, InputTooLong):
            raise
        except Exception as exc:
            raise EngineError(f"TensorRT-LLM generation failed: {exc}") from None

    async def _generate(
        self,
        requests: Sequence[GenerationRequest],
        prompts: list[list[int]],
        on_token: TokenCallback | None,
    ) -> list[GenerationResult]:
        # Every request goes in at once: the executor batches them in flight, and streaming
        # gives each one's first-token time and its tokens as they come.
        started = time.perf_counter()

        async def one(index: int, request: GenerationRequest, prompt: list[int]) -> GenerationResult:
            params = self._sampling_params(request.sampling, request.max_tokens)
            result = self._llm.generate_async(prompt, sampling_params=params, streaming=True)
            first: float | None = None
            emitted = 0
            entries: list[Any] = []
            stopped = False
            async for output in result:
                completion = output.outputs[0]
                tokens = completion.token_ids
                if request.deadline is not None and time.monotonic() >= request.deadline:
                    abort = getattr(result, "abort", None)  # tensorrt_llm.executor.result.GenerationResult
                    if callable(abort):
                        abort()
                    stopped = True
                    break
                if first is None and tokens:
                    first = time.perf_counter()
                entries = collect_logprobs(entries, list(completion.logprobs or []), len(tokens), emitted)
                for token in tokens[emitted:]:
                    if on_token is not None and token not in self._stop_ids:
                        on_token(index, int(token), self.decode([token]))
                emitted = len(tokens)
            ended = time.perf_counter()
            completion = result.outputs[0]
            token_ids = [int(t) for t in completion.token_ids if t not in self._stop_ids]
            first_at = first if first is not None else ended
            return GenerationResult(
                text=self.decode(token_ids),
                token_ids=tuple(token_ids),
                logprobs=tuple(chosen_logprobs(token_ids, entries)),
                finish_reason="deadline" if stopped else finish_reason(completion.finish_reason),
                prompt_tokens=len(prompt),
                timings=Timings(
                    prefill_ms=(first_at - started) * 1e3,
                    ttft_ms=(first_at - started) * 1e3,
                    decode_ms=(ended - first_at) * 1e3,
                    total_ms=(ended - started) * 1e3,
                ),
            )

        return list(await asyncio.gather(*(
            one(i, r, p) for i, (r, p) in enumerate(zip(requests, prompts, strict=True))
        )))

    def score_labels(
        self,
        messages: Sequence[ChatMessage],
        labels: Sequence[str],
        *,
        complete: bool = True,
        deadline: float | None = None,  # noqa: ARG002 - every label is in flight at once: one step
    ) -> list[LabelScore]:
        """Teacher-forced: one single-token request per label position, all in flight together,
        each returning its raw logits; the KV cache blocks of the shared prompt are reused."""
        if not labels:
            return []
        prompt = self.prompt_tokens(messages)
        # The turn ends with the highest stop id: <|end|> (32007) for Phi-3, <|im_end|> for SmolLM2.
        end = self._stop_ids[-1] if complete else None
        encoded = []
        for label in labels:
            tokens = [int(t) for t in self._tokenizer.encode(label, add_special_tokens=False)]
            encoded.append(tokens + ([end] if end is not None else []))
        if any(not e for e in encoded):
            raise EngineError("an empty label cannot be scored without the end of the turn",
                              code="bad_request")
        if len(prompt) + max(len(e) for e in encoded) > self._info.context_length:
            raise InputTooLong(
                f"The prompt ({len(prompt)} tokens) and the longest label do not fit the engine's "
                f"context of {self._info.context_length} tokens: shorten the input.",
            )
        inputs = [prompt + e[:k] for e in encoded for k in range(len(e))]
        targets = [e[k] for e in encoded for k in range(len(e))]
        params = self._sampling_params(Sampling(), 1, return_generation_logits=True, logprobs=None)
        try:
            outputs = self._llm.generate(inputs, sampling_params=params, use_tqdm=False)
            rows = np.stack([_first_logits_row(o.outputs[0].generation_logits) for o in outputs])
        except Exception as exc:
            raise EngineError(f"label scoring failed: {exc}") from None
        picked = token_logprobs(rows, np.asarray(targets, dtype=np.int32))
        scores, position = [], 0
        for label, tokens in zip(labels, encoded, strict=True):
            total = float(sum(picked[position : position + len(tokens)]))
            scores.append(LabelScore(label, total, len(tokens)))
            position += len(tokens)
        return scores

    def health(self) -> EngineHealth:
        started = time.perf_counter()
        try:
            result = self.generate([GenerationRequest(HEALTH_PROMPT, max_tokens=1)])[0]
        except Exception as exc:
            return EngineHealth(False, f"generation failed: {exc}", (time.perf_counter() - started) * 1e3)
        ok = result.completion_tokens + (result.finish_reason == "stop") >= 1
        return EngineHealth(ok, "generated a token" if ok else "generated nothing",
                            (time.perf_counter() - started) * 1e3)

    def close(self) -> None:
        llm = self.__dict__.pop("_llm", None)
        if llm is not None:
            llm.shutdown()


def main(argv: list[str] | None = None) -> int:
    args = list(sys.argv[1:] if argv is None else argv)
    if len(args) != 4 or args[0] != "build":
        sys.stderr.write("usage: python -m edged.engines.trtllm build SETTINGS.json OUT_DIR WORKSPACE\n")
        return 2
    _build_in_child(Path(args[1]), Path(args[2]), Path(args[3]))
    return 0


if __name__ == "__main__":
    sys.exit(main())
