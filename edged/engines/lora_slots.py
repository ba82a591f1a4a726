"""LoRA adapters per row for the continuous engine's model (``edged.engines.onnx_slots``).

With one adapter in a step (beside base-model rows or not), the engine graph's A and B inputs are
that adapter's own tensors, at the projections it has, and ``lora.mask`` is one column per row:
1 for its rows, 0 for base rows. Rows with different adapters share a step too: A and B then hold
the adapters side by side at every projection, each adapter padded to its own largest rank (and
zeros where it has no projection) so that the columns line up, and the mask ([rows, 1, columns])
keeps each row's own adapter's columns (``edged.engines.lora_graph``). The tensors change only
when the set of adapters in the batch changes; a row joining or leaving changes only the mask.
"""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cached_property
from typing import Any

import numpy as np
import numpy.typing as npt

from edged.engines.adapter_onnx import read_onnx_adapter
from edged.engines.base import AdapterRef
from edged.engines.lora_graph import LORA_PREFIX, MASK, input_site
from edged.errors import AdapterError

# Sets of adapters whose side-by-side tensors are kept (each about the sum of its adapters' size).
SETS_KEPT = 4


@dataclass(frozen=True)
class LoadedLora:
    """An adapter's tensors, A [1, in, r] and B [1, r, out] by input name; ``width``: its largest r."""

    name: str
    digest: str
    width: int
    tensors: dict[str, npt.NDArray[Any]]

    @property
    def key(self) -> tuple[str, str]:
        return self.name, self.digest

    @cached_property
    def sites(self) -> frozenset[tuple[int, str]]:
        """The (layer, projection) pairs it has tensors for."""
        return frozenset(site for name in self.tensors if (site := input_site(name)) is not None)


def load_lora(ref: AdapterRef, dtype: Any = np.float32) -> LoadedLora:
    """The adapter file of ``ref``, in the engine's type."""
    raw = read_onnx_adapter(ref.path)
    ranks = [value.shape[2] for name, value in raw.items() if name.endswith(".A")]
    if not ranks or any(not name.startswith(LORA_PREFIX) or value.ndim != 3 for name, value in raw.items()):
        raise AdapterError(
            f"{ref.path} holds no LoRA inputs of an edged engine; rebuild it with `edged adapter build`.",
            code="adapter_invalid",
        )
    tensors = {name: np.ascontiguousarray(value.astype(dtype)) for name, value in raw.items()}
    return LoadedLora(ref.name, ref.digest, max(ranks), tensors)


@dataclass(frozen=True)
class _Bound:
    adapters: tuple[tuple[str, str], ...]
    places: tuple[int, ...]
    tensors: dict[str, Any]
    mask: Any


class LoraBinder:
    """Binds rows' adapters to an onnxruntime IOBinding, remembering what each kept binding
    (by key) holds, so a step with the batch's adapters unchanged binds nothing."""

    def __init__(self, ort: Any, session: Any, dtype: Any) -> None:
        self._ort = ort
        self._dtype = dtype
        # Inputs with a default are onnxruntime's "overridable initializers", not its inputs.
        overridable = session.get_overridable_initializers()
        self.names = [i.name for i in overridable if i.name.startswith(LORA_PREFIX) and i.name != MASK]
        shapes = {i.name: i.shape for i in overridable}
        # in_features of each A, out_features of each B
        self._dims = {name: int(shapes[name][1] if name.endswith(".A") else shapes[name][2])
                      for name in self.names}
        self._empty = {name: ort.OrtValue.ortvalue_from_numpy(np.zeros(self._shape(name, 0), dtype=dtype))
                       for name in self.names}
        self._ones = ort.OrtValue.ortvalue_from_numpy(np.ones((1, 1, 1), dtype=dtype))
        self._sets: OrderedDict[tuple[tuple[str, str], ...], dict[str, Any]] = OrderedDict()
        # binding key -> what it holds: the set of adapters, each row's place in it, and the bound
        # OrtValues (kept here: an OrtValue of a numpy array only borrows the array's memory)
        self._state: dict[Any, _Bound] = {}

    def forget(self) -> None:
        """The kept bindings were dropped (the KV buffers grew): nothing is bound any more."""
        self._state = {}

    def bind(self, binding: Any, key: Any, rows: Sequence[LoadedLora | None]) -> object:
        """Bind ``rows``' adapters (one per row, None: the base model); ``key`` names a kept
        binding (None: a binding used once). Returns what the caller keeps until the run ends."""
        if not self.names and not any(rows):
            return None  # a graph without LoRA inputs (built before them): nothing to bind
        if not self.names:
            raise AdapterError(
                "This engine has no LoRA inputs (it was built by an edged without adapters): rebuild it "
                "with `edged engine build --force`, then rebuild the adapter.",
                code="adapter_mismatch",
            )
        adapters: list[LoadedLora] = []
        for row in rows:
            if row is not None and all(a.key != row.key for a in adapters):
                adapters.append(row)
        set_key = tuple(a.key for a in adapters)
        places = tuple(set_key.index(r.key) if r is not None else -1 for r in rows)
        state = self._state.get(key) if key is not None else None
        if state is not None and (state.adapters, state.places) == (set_key, places):
            return state
        tensors = state.tensors if state is not None else {}
        if state is None or state.adapters != set_key:
            previous = tensors
            tensors = self._side_by_side(set_key, adapters)
            for name in previous.keys() - tensors.keys():
                binding.bind_ortvalue_input(name, self._empty[name])
            for name, value in tensors.items():
                binding.bind_ortvalue_input(name, value)
        mask = self._mask(adapters, places)
        binding.bind_ortvalue_input(MASK, mask)
        bound = _Bound(set_key, places, tensors, mask)
        if key is not None:
            self._state[key] = bound
        return bound

    def _mask(self, adapters: list[LoadedLora], places: tuple[int, ...]) -> Any:
        if not adapters:
            return self._ones
        if len(adapters) == 1:  # one column per row: the adapter's rows 1, base rows 0
            rows = np.asarray(places, dtype=self._dtype).reshape(-1, 1, 1) + 1
            return self._ort.OrtValue.ortvalue_from_numpy(np.ascontiguousarray(rows))
        starts = np.cumsum([0] + [a.width for a in adapters])
        mask = np.zeros((len(places), 1, int(starts[-1])), dtype=self._dtype)
        for row, place in enumerate(places):
            if place >= 0:
                mask[row, 0, starts[place]:starts[place + 1]] = 1
        return self._ort.OrtValue.ortvalue_from_numpy(mask)

    def _shape(self, name: str, columns: int) -> tuple[int, int, int]:
        return (1, self._dims[name], columns) if name.endswith(".A") else (1, columns, self._dims[name])

    def _columns(self, adapter: LoadedLora, name: str) -> npt.NDArray[Any]:
        """``adapter``'s tensor for ``name`` padded to its width (zeros where it has none)."""
        found = adapter.tensors.get(name)
        if found is None:
            return np.zeros(self._shape(name, adapter.width), dtype=self._dtype)
        axis = 2 if name.endswith(".A") else 1
        pad = [(0, 0)] * 3
        pad[axis] = (0, adapter.width - found.shape[axis])
        return np.pad(found, pad)

    def _side_by_side(self, set_key: tuple[tuple[str, str], ...],
                      adapters: list[LoadedLora]) -> dict[str, Any]:
        """{input: OrtValue} for the set: each adapter's columns in turn, zeros where it has none.
        Every projection gets them (zeros where no adapter of the set has it): the mask's columns
        must be every projection's."""
        kept = self._sets.get(set_key)
        if kept is not None:
            self._sets.move_to_end(set_key)
            return kept
        tensors: dict[str, Any] = {}
        if not adapters:
            return tensors
        if len(adapters) == 1:  # its own projections, unpadded; the others keep their defaults
            return {name: self._ort.OrtValue.ortvalue_from_numpy(value)
                    for name, value in adapters[0].tensors.items()}
        for name in self.names:
            parts = [self._columns(a, name) for a in adapters]
            axis = 2 if name.endswith(".A") else 1
            joined = parts[0] if len(parts) == 1 else np.concatenate(parts, axis=axis)
            tensors[name] = self._ort.OrtValue.ortvalue_from_numpy(np.ascontiguousarray(joined))
        self._sets[set_key] = tensors
        while len(self._sets) > SETS_KEPT:
            self._sets.popitem(last=False)
        return tensors
