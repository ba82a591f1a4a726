"""LoRA adapters for the ONNX backends: written as onnxruntime adapter files (``AdapterFormat``),
read back as arrays for the continuous engine, kept in a small cache by file digest.

Imports onnx and onnxruntime lazily: only an engine that serves adapters, or ``edged adapter
build``, pays for them.
"""

from __future__ import annotations

import json
import threading
from collections import OrderedDict
from pathlib import Path
from typing import Any

import numpy as np
import numpy.typing as npt

from edged.engines.base import AdapterRef
from edged.engines.lora_graph import LoraSite, lora_sites
from edged.engines.peft_lora import PeftAdapter, pack
from edged.errors import AdapterError, MissingExtra

_DTYPES = {1: np.float32, 10: np.float16}  # onnx TensorProto FLOAT, FLOAT16
# Adapters held in memory at once by one engine (a few MB each at rank 8).
CACHE_SIZE = 8


def _onnxruntime() -> Any:
    try:
        import onnxruntime as ort
    except ImportError:
        raise MissingExtra("onnxruntime", "cpu", "Serving or building a LoRA adapter") from None
    return ort


def engine_sites(engine_folder: Path) -> tuple[list[LoraSite], tuple[int, int], Any]:
    """The LoRA sites of the engine's decoder, its (attention heads, KV heads), and the inputs'
    numpy type. An engine built before edged had adapters has no sites: it must be rebuilt."""
    try:
        import onnx
    except ImportError:
        raise MissingExtra("onnx", "build-cpu", "Building a LoRA adapter") from None
    config = json.loads((engine_folder / "genai_config.json").read_text(encoding="utf-8"))
    decoder = config["model"]["decoder"]
    model = onnx.load(str(engine_folder / decoder["filename"]), load_external_data=False)
    sites = lora_sites(model)
    if not sites:
        raise AdapterError(
            f"The engine in {engine_folder} has no LoRA inputs (it was built by an edged without "
            "adapters): rebuild it with `edged engine build --force`, then build the adapter.",
            code="adapter_mismatch",
        )
    a_input = next(i for i in model.graph.input if i.name == sites[0].inputs[0])
    dtype = _DTYPES.get(a_input.type.tensor_type.elem_type, np.float32)
    heads = (int(decoder["num_attention_heads"]), int(decoder["num_key_value_heads"]))
    return sites, heads, dtype


def write_onnx_adapter(adapter: PeftAdapter, engine_folder: Path, peft_dir: Path, out: Path) -> int:
    """Pack ``adapter`` for the engine's graph and write it to ``out``; how many projections."""
    sites, heads, dtype = engine_sites(engine_folder)
    packed = pack(adapter, sites, heads, peft_dir)
    ort = _onnxruntime()
    adapter_file = ort.AdapterFormat()
    adapter_file.set_adapter_version(1)
    adapter_file.set_model_version(1)
    # The arrays must outlive the export: an OrtValue of a numpy array only borrows its memory.
    arrays = {name: np.ascontiguousarray(value.astype(dtype)) for name, value in packed.items()}
    values = {name: ort.OrtValue.ortvalue_from_numpy(array) for name, array in arrays.items()}
    adapter_file.set_parameters(values)
    adapter_file.export_adapter(str(out))
    del values, arrays
    return len(packed) // 2


def read_onnx_adapter(path: Path) -> dict[str, npt.NDArray[Any]]:
    """The tensors of an adapter file by input name; AdapterError if it cannot be read."""
    ort = _onnxruntime()
    try:
        parameters = ort.AdapterFormat.read_adapter(str(path)).get_parameters()
        return {name: np.array(value.numpy()) for name, value in parameters.items()}
    except Exception as exc:  # onnxruntime raises its own errors for a damaged flatbuffer
        raise AdapterError(
            f"The adapter file {path} cannot be read ({exc}); rebuild it with `edged adapter build --force`.",
            code="adapter_invalid",
        ) from None


def check_onnx_adapter(engine_folder: Path, path: Path) -> list[str]:
    """Why the adapter file at ``path`` would not load on the engine in ``engine_folder`` (empty:
    it would): tensors the graph does not have, or shapes it does not take."""
    sites, _, dtype = engine_sites(engine_folder)
    shapes: dict[str, tuple[int | None, int | None]] = {}
    for site in sites:
        name_a, name_b = site.inputs
        shapes[name_a], shapes[name_b] = (site.in_features, None), (None, site.out_features)
    problems = []
    for name, value in read_onnx_adapter(path).items():
        if name not in shapes:
            problems.append(f"{name}: not an input of this engine")
            continue
        rows, columns = shapes[name]
        if value.ndim != 3 or value.shape[0] != 1 or (rows is not None and value.shape[1] != rows) or (
                columns is not None and value.shape[2] != columns):
            expected = [1, rows, columns]
            problems.append(f"{name}: shape {list(value.shape)} does not fit the engine's {expected}")
        elif value.dtype != dtype:
            problems.append(f"{name}: {value.dtype}, the engine takes {np.dtype(dtype).name}")
    return problems


class AdapterCache:
    """Adapters loaded by one engine, by (path, digest); least recently used dropped first. A
    loader turns a file into what the engine needs (arrays, an ``og.Adapters``). Thread-safe."""

    def __init__(self, loader: Any, size: int = CACHE_SIZE) -> None:
        self._loader = loader
        self._size = size
        self._loaded: OrderedDict[tuple[Path, str], Any] = OrderedDict()
        self._lock = threading.Lock()

    def get(self, ref: AdapterRef) -> Any:
        key = (ref.path, ref.digest)
        with self._lock:
            if key in self._loaded:
                self._loaded.move_to_end(key)
                return self._loaded[key]
        if not ref.path.exists():
            raise AdapterError(
                f"Adapter {ref.name!r}: {ref.path} is missing (removed since the configuration was "
                "loaded?). Build it again with `edged adapter build`, or reload edged.",
                code="adapter_missing",
            )
        value = self._loader(ref)
        with self._lock:
            self._loaded[key] = value
            while len(self._loaded) > self._size:
                self._loaded.popitem(last=False)
        return value
