"""TensorRT-LLM backend: Phi-3 Mini served from a TensorRT engine built for this GPU.

Imported only when a profile chooses ``trtllm``; ``tensorrt_llm`` itself only inside functions.
``trtllm_api`` holds the settings and ``LLM(...)`` arguments (and, in its docstring, the notes on
the LLM API this is written against); ``trtllm_build`` the builder.
"""

from __future__ import annotations

import asyncio
import json
import time
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import numpy as np

from edged.engines.backends import library_versions
from edged.engines.base import (
    AdapterRef,
    ChatMessage,
    EngineHealth,
    EngineInfo,
    FinishReason,
    GenerationRequest,
    GenerationResult,
    Guidance,
    LabelScore,
    Sampling,
    Timings,
    TokenCallback,
    check_fits_context,
    health_by_generating,
)
from edged.engines.logits import token_logprobs
from edged.engines.trtllm_api import (
    SETTINGS_FILE,
    TOKENIZER_DIR,
    TrtllmSettings,
    import_trtllm,
    llm_arguments,
    tensorrt_engine_llm,
)
from edged.errors import AdapterError, EngineError, FingerprintMismatch, InputTooLong, StoreError


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


def guided_arguments(guidance: Guidance | None, llmapi: Any) -> dict[str, Any]:
    """The SamplingParams field that constrains an answer: ``guided_decoding``, a
    ``GuidedDecodingParams`` (tensorrt_llm/sampling_params.py) with the schema or regex; the LLM
    is loaded with ``guided_decoding_backend="xgrammar"`` (``llm_arguments``). xgrammar reads
    EBNF, not Lark, so a Lark grammar is refused here rather than misread. llguidance's own
    top-level ``x-guidance`` options (compact JSON) are not xgrammar's: they are taken out."""
    if guidance is None:
        return {}
    if guidance.kind == "json_schema":
        schema = json.loads(guidance.data)
        if isinstance(schema, dict):
            schema.pop("x-guidance", None)
        return {"guided_decoding": llmapi.GuidedDecodingParams(
            json=json.dumps(schema, ensure_ascii=False, separators=(",", ":")))}
    if guidance.kind == "regex":
        return {"guided_decoding": llmapi.GuidedDecodingParams(regex=guidance.data)}
    raise EngineError(
        f"the TensorRT-LLM engine's constraint engine (xgrammar) does not take {guidance.kind} guidance; "
        "it takes a JSON Schema or a regex",
    )


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
        llm_class = tensorrt_engine_llm()
        llmapi = import_trtllm("tensorrt_llm.llmapi", "The TensorRT-LLM engine")
        self._llmapi = llmapi
        transformers = import_trtllm("transformers", "The TensorRT-LLM engine's tokenizer")
        try:
            self._tokenizer = transformers.AutoTokenizer.from_pretrained(str(path / TOKENIZER_DIR))
            self._llm = llm_class(model=str(path), tokenizer=str(path / TOKENIZER_DIR),
                                  **llm_arguments(settings, llmapi, build=False))
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
        self._lora_slots = settings.lora_slots
        self._lora_ids: dict[tuple[str, str], int] = {}

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

    def _lora_request(self, adapter: AdapterRef | None) -> Any:
        """TensorRT-LLM's ``LoRARequest`` for ``adapter`` (a PEFT folder, loaded by the executor's
        LoRA cache; one id per adapter file, so a replaced adapter is loaded afresh)."""
        if adapter is None:
            return None
        if not self._lora_slots:
            raise AdapterError(
                f"Adapter {adapter.name!r}: this engine was built without LoRA slots. Set "
                "[engine] lora_slots in the hardware profile and rebuild the engine with "
                "`edged engine build --force`.",
                code="adapter_mismatch",
            )
        executor = import_trtllm("tensorrt_llm.executor", "LoRA adapters on TensorRT-LLM")
        number = self._lora_ids.setdefault((adapter.name, adapter.digest), len(self._lora_ids) + 1)
        return executor.LoRARequest(adapter.name, number, str(adapter.path))

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
        except (EngineError, InputTooLong, AdapterError):
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
            params = self._sampling_params(
                request.sampling, request.max_tokens, **guided_arguments(request.guidance, self._llmapi),
            )
            result = self._llm.generate_async(prompt, sampling_params=params, streaming=True,
                                              lora_request=self._lora_request(request.adapter))
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
        adapter: AdapterRef | None = None,
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
        lora = self._lora_request(adapter)
        try:
            outputs = self._llm.generate(inputs, sampling_params=params, use_tqdm=False, lora_request=lora)
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
        return health_by_generating(self.generate)

    def close(self) -> None:
        llm = self.__dict__.pop("_llm", None)
        if llm is not None:
            llm.shutdown()
