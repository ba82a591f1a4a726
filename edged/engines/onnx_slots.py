"""An ONNX Runtime GenAI model folder run step by step on onnxruntime, with one KV-cache row per
slot: the model under the continuous-batching engine (``edged.engines.continuous``).

Each layer's keys and values live in one buffer of shape [slots, kv_heads, capacity, head_size].
A row is right-padded: its valid KV is positions [0, length). The model's attention is
com.microsoft GroupQueryAttention, which treats past and present as one buffer when their data
pointers are equal (``gqa_attention_base.h``); binding both to the same ``OrtValue`` makes a step
write its new KV in place, at each row's own length (``seqlens_k``, computed in the graph from the
attention mask). Active slots are kept a contiguous prefix, so the rows of a step are one view.
"""

from __future__ import annotations

import json
import os
import time
from collections import OrderedDict
from collections.abc import Generator, Sequence
from pathlib import Path
from typing import Any

import numpy as np
import numpy.typing as npt

from edged.engines.logits import token_logprobs
from edged.engines.lora_graph import BASE_GRAPH
from edged.engines.lora_session import LoraGraphs
from edged.engines.lora_slots import LoadedLora, LoraBinder
from edged.errors import DeadlineExceeded, MissingExtra, StoreError

# The KV buffers start this long and double (up to the context) when a request needs more:
# 8 slots x 256 positions of SmolLM2-135M's 30 layers hold 94 MB; 2048 positions would hold 755 MB.
INITIAL_CAPACITY = 256
_KV_TYPES = {"tensor(float)": np.float32, "tensor(float16)": np.float16}


def _import_onnxruntime(extra: str) -> Any:
    try:
        import onnxruntime as ort
    except ImportError:
        raise MissingExtra("onnxruntime", extra, "The continuous-batching engine") from None
    return ort


def default_threads() -> int:
    """One onnxruntime worker per CPU this process may run on, 1 to 16. onnxruntime-genai's own
    choice, half the hardware threads, assumes two hardware threads per core; on a 2-core machine
    without them it left a core idle: one stream decoded at 94 tok/s with one thread and 122 with
    two, eight callers at 188 and 304 (`edged bench engine --continuous`, a quiet machine)."""
    try:
        cpus = len(os.sched_getaffinity(0))
    except (AttributeError, OSError):  # not on Linux
        cpus = os.cpu_count() or 1
    return max(1, min(16, cpus))


class SlotModel:
    """The decoder of ``folder`` with KV buffers for ``slots`` sequences. Not thread-safe: the
    engine's step thread is its only caller."""

    def __init__(self, folder: Path, *, slots: int, context_length: int, extra: str = "cpu",
                 threads: int | None = None, prefix_tokens: int = 0) -> None:
        ort = _import_onnxruntime(extra)
        self._ort = ort
        options = ort.SessionOptions()
        options.intra_op_num_threads = threads or default_threads()
        options.log_severity_level = 3  # not a warning per LoRA input that has a default (by design)
        # The workers spin while a step runs and stop when it ends: with the graph with LoRA inputs
        # loaded beside the plain one, the idle session's spinning workers took the cores from the
        # next step of the other (an adapter request after a base one waited 29 ms more).
        options.add_session_config_entry("session.force_spinning_stop", "1")
        self._options = options
        try:
            config = json.loads((folder / "genai_config.json").read_text(encoding="utf-8"))
            decoder = config["model"]["decoder"]
            # The graph without LoRA inputs where the build kept one (it runs faster); one with
            # them, where the adapters need them, is loaded when a request first brings an adapter.
            lora_graph = folder / decoder["filename"]
            base = folder / BASE_GRAPH
            self._session = self._open(base if base.is_file() else lora_graph)
        except StoreError:
            raise
        except Exception as exc:  # a missing key or bad JSON
            raise StoreError(
                f"The engine in {folder} could not be loaded ({exc}). Its files are corrupt or "
                "incomplete: rebuild it with `edged engine build --force`.",
                code="engine_corrupt",
            ) from None
        self._lora_graphs = LoraGraphs(lora_graph, self._open, None if base.is_file() else self._session)
        inputs, outputs = decoder["inputs"], decoder["outputs"]
        layers = int(decoder["num_hidden_layers"])
        self._ids_name, self._mask_name = inputs["input_ids"], inputs["attention_mask"]
        self._logits_name = outputs["logits"]
        self._past = [(inputs["past_key_names"] % i, inputs["past_value_names"] % i) for i in range(layers)]
        self._present = [(outputs["present_key_names"] % i, outputs["present_value_names"] % i)
                         for i in range(layers)]
        types = {i.name: i.type for i in self._session.get_inputs()}
        self._ids_type = np.int64 if types[self._ids_name] == "tensor(int64)" else np.int32
        self._mask_type = np.int64 if types[self._mask_name] == "tensor(int64)" else np.int32
        self._kv_type = _KV_TYPES[types[self._past[0][0]]]
        self._shape = (int(decoder["num_key_value_heads"]), int(decoder["head_size"]))
        self.slots = slots
        self._context = context_length
        self.capacity = min(context_length, INITIAL_CAPACITY)
        self._buffers = self._allocate(self.capacity)
        # IOBindings over views of the buffers, by (first slot, last slot + 1); reset on growth
        self._views: dict[tuple[int, int], Any] = {}
        self.prefixes = PrefixStore(prefix_tokens)
        self._lora: LoraBinder | None = None
        self._lora_views: dict[tuple[int, int], Any] = {}

    def _open(self, graph: Path) -> Any:
        try:
            return self._ort.InferenceSession(str(graph), self._options, providers=["CPUExecutionProvider"])
        except Exception as exc:  # onnxruntime's own load errors
            raise StoreError(
                f"The engine's graph {graph} could not be loaded ({exc}). Its files are corrupt or "
                "incomplete: rebuild it with `edged engine build --force`.",
                code="engine_corrupt",
            ) from None

    def _lora_binder(self, loras: Sequence[LoadedLora | None]) -> tuple[Any, LoraBinder]:
        """The session with LoRA inputs at least where ``loras`` have them, and its binder: loaded
        on first use (a second copy of the weights in memory, for as long as the engine runs) and
        again, wider, when an adapter targets projections it lacks (``edged.engines.lora_session``)."""
        graphs = self._lora_graphs
        if graphs.cover(lora for lora in loras if lora is not None) or self._lora is None:
            self._lora_views = {}  # bindings of the session it replaced
            defaults = graphs.session.get_overridable_initializers()
            types = [i.type for i in defaults if i.name.startswith("lora.")]
            dtype = _KV_TYPES[types[0]] if types else self._kv_type
            self._lora = LoraBinder(self._ort, graphs.session, dtype)
        return graphs.session, self._lora

    def _allocate(self, capacity: int) -> list[npt.NDArray[Any]]:
        heads, size = self._shape
        return [np.zeros((self.slots, heads, capacity, size), dtype=self._kv_type)
                for _ in range(2 * len(self._past))]

    def ensure_capacity(self, length: int) -> None:
        """Make every row hold ``length`` positions (doubling, at most the context); between steps."""
        if length <= self.capacity:
            return
        capacity = self.capacity
        while capacity < length:
            capacity *= 2
        capacity = min(capacity, self._context)
        grown = self._allocate(capacity)
        for old, new in zip(self._buffers, grown, strict=True):
            new[:, :, : self.capacity] = old
        self._buffers, self.capacity, self._views, self._lora_views = grown, capacity, {}, {}
        if self._lora is not None:
            self._lora.forget()

    def move(self, source: int, target: int, length: int) -> None:
        """Copy slot ``source``'s valid KV into slot ``target`` (keeping active slots a prefix)."""
        for buffer in self._buffers:
            buffer[target, :, :length] = buffer[source, :, :length]

    def _slots_bound(self, start: int, stop: int, session: Any, views: dict[tuple[int, int], Any]) -> Any:
        """An IOBinding of ``session`` with slots [start, stop) bound as both past and present (GQA
        then writes the new KV in place); kept per slot range in ``views``, as rebinding 60 tensors
        costs 0.1 ms a step."""
        binding = views.get((start, stop))
        if binding is None:
            binding = session.io_binding()
            for (past_key, past_value), (key, value), pair in zip(
                self._past, self._present, zip(self._buffers[::2], self._buffers[1::2], strict=True),
                strict=True,
            ):
                for past, present, buffer in ((past_key, key, pair[0]), (past_value, value, pair[1])):
                    view = self._ort.OrtValue.ortvalue_from_numpy(buffer[start:stop])
                    binding.bind_ortvalue_input(past, view)
                    binding.bind_ortvalue_output(present, view)
            views[(start, stop)] = binding
        return binding

    def _run(self, session: Any, binding: Any, ids: npt.NDArray[Any], mask: npt.NDArray[Any]) -> list[Any]:
        """One run of the decoder on ``binding`` (which holds the KV); its outputs, logits first."""
        binding.bind_cpu_input(self._ids_name, ids.astype(self._ids_type, copy=False))
        binding.bind_cpu_input(self._mask_name, mask.astype(self._mask_type, copy=False))
        binding.bind_output(self._logits_name)
        session.run_with_iobinding(binding)
        return list(binding.get_outputs())

    def _run_apart(self, ids: npt.NDArray[Any], mask: npt.NDArray[Any],
                   kv: Sequence[Any], lora: LoadedLora | None) -> tuple[npt.NDArray[np.float32], list[Any]]:
        """A run on a KV cache outside the slots: past from ``kv``, present allocated by
        onnxruntime and returned (key and value of each layer in turn)."""
        session, kept = self._session, None
        if lora is not None:
            session, binder = self._lora_binder([lora])
        binding = session.io_binding()
        if lora is not None:
            kept = binder.bind(binding, None, [lora])  # noqa: F841 - alive until the run ends
        pasts = [name for pair in self._past for name in pair]
        for name, value in zip(pasts, kv, strict=True):
            binding.bind_ortvalue_input(name, value)
        for name in (name for pair in self._present for name in pair):
            binding.bind_output(name)
        outputs = self._run(session, binding, ids, mask)
        logits: npt.NDArray[np.float32] = outputs[-1].numpy()
        return logits, outputs[:-1]

    def _run_slots(self, start: int, stop: int, ids: npt.NDArray[Any], mask: npt.NDArray[Any],
                   loras: Sequence[LoadedLora | None]) -> npt.NDArray[np.float32]:
        if any(lora is not None for lora in loras):  # the graph with LoRA inputs
            session, binder = self._lora_binder(loras)
            binding = self._slots_bound(start, stop, session, self._lora_views)
            binder.bind(binding, (start, stop), loras)  # kept by the binder with the binding
        else:
            session = self._session
            binding = self._slots_bound(start, stop, session, self._views)
        logits: npt.NDArray[np.float32] = self._run(session, binding, ids, mask)[-1].numpy()
        return logits

    def load_prefix(self, slot: int, tokens: Sequence[int], prefix: int,
                    lora: LoadedLora | None = None) -> int:
        """Copy the stored KV of ``tokens[:prefix]`` (a prompt's shared first tokens, a task's
        system prompt) under ``lora`` into ``slot``'s row; how many positions it filled (0: none)."""
        stored = self.prefixes.get(_prefix_key(tokens, prefix, lora)) if prefix else None
        if stored is None:
            return 0
        for buffer, values in zip(self._buffers, stored, strict=True):
            buffer[slot, :, :prefix] = values
        return prefix

    def store_prefix(self, slot: int, tokens: Sequence[int], prefix: int,
                     lora: LoadedLora | None = None) -> None:
        """Keep the KV of ``tokens[:prefix]`` from ``slot``'s row, prefilled, for later prompts."""
        key = _prefix_key(tokens, prefix, lora)
        if prefix and self.prefixes.get(key, count=False) is None:
            self.prefixes.put(key, [buffer[slot, :, :prefix].copy() for buffer in self._buffers])

    def prefill(self, slot: int, tokens: Sequence[int], start: int, stop: int,
                lora: LoadedLora | None = None) -> npt.NDArray[np.float32]:
        """Run ``tokens[start:stop]`` alone (batch 1) into ``slot``'s row, whose positions before
        ``start`` are filled; the logits of the last. A first chunk is GroupQueryAttention's
        "first prompt", a later one its "subsequent prompt": for chunks of two tokens or more the
        logits are those of the whole prompt in one run, bit for bit on SmolLM2."""
        ids = np.asarray([tokens[start:stop]])
        logits = self._run_slots(slot, slot + 1, ids, np.ones((1, stop)), [lora])
        last: npt.NDArray[np.float32] = logits[0, -1]
        return last

    def decode(self, tokens: Sequence[int], lengths: Sequence[int],
               loras: Sequence[LoadedLora | None] | None = None) -> npt.NDArray[np.float32]:
        """One step for slots [0, n): token ``tokens[b]`` at position ``lengths[b]`` of row b.
        Returns the (n, vocab) logits. Row b's mask has ones for its first lengths[b] + 1 entries,
        which is what makes the graph's seqlens_k that row's own length."""
        n = len(tokens)
        known = np.asarray(lengths)
        mask = np.arange(int(known.max()) + 1)[None, :] <= known[:, None]
        logits = self._run_slots(0, n, np.asarray(tokens)[:, None], mask, loras or [None] * n)
        return logits[:, -1]

    def score(self, prompt: Sequence[int], labels: Sequence[Sequence[int]], deadline: float | None,
              *, chunk: int, lora: LoadedLora | None = None) -> Generator[None, None, list[float]]:
        """Sum of log-probs of each label's tokens after ``prompt``, a piece at a time: the
        generator yields after each prompt chunk of ``chunk`` tokens and after each label, so the
        caller can run decode steps in between. The prompt runs into a KV cache of its own (not a
        slot's), in chunks that never leave one token alone (``chunk_end``: a run of two tokens or
        more gives the logits of the whole prompt in one run bit for bit); each label's tokens then
        run one at a time after it, as OnnxGenaiEngine runs them: MatMulNBits computes a run of
        several tokens with other kernels than a run of one, and the two differ by up to 0.04
        nats on SmolLM2's int8 weights."""
        heads, size = self._shape
        empty = np.zeros((1, heads, 0, size), dtype=self._kv_type)
        ids = np.asarray([prompt])
        prompt_kv: list[Any] = [self._ort.OrtValue.ortvalue_from_numpy(empty) for _ in self._buffers]
        filled = 0
        while True:
            stop = chunk_end(filled, len(prompt), chunk)
            last, prompt_kv = self._run_apart(ids[:, filled:stop], np.ones((1, stop)), prompt_kv, lora)
            filled = stop
            if filled >= len(prompt):
                break
            yield
        first = last[0, -1:].astype(np.float32)
        totals: list[float] = []
        for done, label in enumerate(labels):
            if done:
                yield
            if deadline is not None and time.monotonic() >= deadline:
                raise DeadlineExceeded(
                    f"the deadline passed after {done} of {len(labels)} labels were scored")
            total = token_logprobs(first, np.asarray(label[:1], dtype=np.int32))[0]
            kv = prompt_kv
            for position in range(1, len(label)):
                mask = np.ones((1, len(prompt) + position))
                logits, kv = self._run_apart(np.asarray([label[position - 1 : position]]), mask, kv, lora)
                target = np.asarray(label[position : position + 1], dtype=np.int32)
                total += token_logprobs(logits[0], target)[0]
            totals.append(total)
        return totals

    def teacher_forced(self, prompt: Sequence[int], forced: Sequence[int],
                       lora: LoadedLora | None = None) -> tuple[list[int], list[float]]:
        """Feed ``prompt`` and then ``forced`` through the decoder on a KV cache of its own, the
        forced tokens one at a time as decode steps run them; at each position the top-1 token and
        the log-probability given to the forced token (how `edged bench engine --peer` compares
        this engine's choices with another engine's greedy answer)."""
        heads, size = self._shape
        empty = np.zeros((1, heads, 0, size), dtype=self._kv_type)
        kv: list[Any] = [self._ort.OrtValue.ortvalue_from_numpy(empty) for _ in self._buffers]
        ids = np.asarray([prompt])
        logits, kv = self._run_apart(ids, np.ones((1, len(prompt))), kv, lora)
        tops: list[int] = []
        logprobs: list[float] = []
        for position, token in enumerate(forced):
            last = logits[0, -1:].astype(np.float32)
            tops.append(int(np.argmax(last[0])))
            logprobs.extend(token_logprobs(last, np.asarray([token], dtype=np.int32)))
            if position + 1 < len(forced):
                mask = np.ones((1, len(prompt) + position + 1))
                logits, kv = self._run_apart(np.asarray([[token]]), mask, kv, lora)
        return tops, logprobs

    def close(self) -> None:
        self._views, self._lora_views = {}, {}
        self._buffers = []
        self.__dict__.pop("_session", None)
        self.__dict__.pop("_lora_graphs", None)


def _prefix_key(tokens: Sequence[int], prefix: int,
                lora: LoadedLora | None) -> tuple[tuple[str, str] | None, tuple[int, ...]]:
    """A prefix's KV depends on the adapter it ran under as much as on its tokens."""
    return (lora.key if lora is not None else None, tuple(tokens[:prefix]))


def chunk_end(filled: int, length: int, budget: int) -> int:
    """Where a prompt's next prefill chunk ends: ``budget`` tokens on from ``filled``, but never
    leaving a single token for later. MatMulNBits runs one token with other kernels than several,
    and their results differ (up to 0.04 nats on SmolLM2), while chunks of two tokens or more give
    the logits of the whole prompt in one run bit for bit."""
    stop = min(length, filled + budget)
    return length if length - stop == 1 else stop


class PrefixStore:
    """The KV of shared prompt prefixes, by their tokens; the least recently used leave when the
    tokens held pass ``budget`` (0: nothing is kept)."""

    def __init__(self, budget: int) -> None:
        self.budget = budget
        self.hits = 0
        self._held = 0
        # (adapter, tokens) -> the KV of those tokens
        self._entries: OrderedDict[tuple[Any, tuple[int, ...]], list[npt.NDArray[Any]]] = OrderedDict()

    def get(self, key: tuple[Any, tuple[int, ...]], *, count: bool = True) -> list[npt.NDArray[Any]] | None:
        entry = self._entries.get(key)
        if entry is not None and count:
            self._entries.move_to_end(key)
            self.hits += 1
        return entry

    def put(self, key: tuple[Any, tuple[int, ...]], values: list[npt.NDArray[Any]]) -> None:
        tokens = len(key[1])
        if not tokens or tokens > self.budget or key in self._entries:
            return
        self._entries[key] = values
        self._held += tokens
        while self._held > self.budget:
            dropped, _ = self._entries.popitem(last=False)
            self._held -= len(dropped[1])
