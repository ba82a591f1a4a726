"""LoRA inputs in an ONNX Runtime GenAI decoder: the graph change that lets one built engine serve
any adapter of its base model, chosen per request, without a rebuild.

The model builder of onnxruntime-genai 0.18 bakes an adapter into the weights (``adapter_path``),
which would mean one engine per adapter. Instead, every projection of every layer gets a low-rank
side path whose weights are graph inputs::

    y = MatMulNBits(x, W)  +  MatMul(MatMul(x, A) * mask, B)     A: [1, in, r]   B: [1, r, out]

The inputs' defaults are empty (rank 0) and the mask's is a single 1, so a request without an
adapter adds zeros: the graph is the base model's. onnxruntime-genai's ``Adapters`` binds an adapter
file's A and B by name and leaves the mask alone: one adapter for the whole batch. The continuous
engine serves rows with different adapters in one step: A and B are then the active adapters side
by side (each padded to its own largest rank, so every projection has the same columns), and the
mask, [rows, 1, columns], keeps each row's own adapter's columns. The scale ``alpha / r`` is folded
into B when the adapter is converted (``edged.engines.peft_lora``).
"""

from __future__ import annotations

import json
import re
from collections.abc import Collection
from dataclasses import dataclass
from pathlib import Path
from typing import Any

# "/model/layers.3/attn/qkv_proj/MatMul_Q8": the builder's names for its projections (the suffix
# is the weight type: _Q4/_Q8 for MatMulNBits, none for a float MatMul).
_PROJECTION = re.compile(r"^/model/layers\.(\d+)/(attn|mlp)/(\w+_proj)/MatMul(?:_Q\d+)?$")
PROJECTIONS = ("qkv_proj", "q_proj", "k_proj", "v_proj", "o_proj", "gate_proj", "up_proj", "down_proj")
LORA_PREFIX = "lora."
MASK = "lora.mask"


def input_names(layer: int, projection: str) -> tuple[str, str]:
    """The graph inputs of one projection's A and B."""
    base = f"{LORA_PREFIX}layers.{layer}.{projection}"
    return f"{base}.A", f"{base}.B"


@dataclass(frozen=True)
class LoraSite:
    """One projection that takes an adapter: its layer, name and matrix shape."""

    layer: int
    projection: str
    in_features: int
    out_features: int

    @property
    def inputs(self) -> tuple[str, str]:
        return input_names(self.layer, self.projection)


def _matmul_shape(node: Any, initializers: dict[str, Any]) -> tuple[int, int]:
    """(in, out) of a projection node, from its attributes (MatMulNBits) or its weight's shape."""
    if node.op_type == "MatMulNBits":
        attrs = {a.name: a.i for a in node.attribute}
        return int(attrs["K"]), int(attrs["N"])
    weight = initializers.get(node.input[1])
    if weight is None or len(weight.dims) != 2:
        raise ValueError(f"cannot tell the shape of {node.name}'s weight to add LoRA inputs to it")
    return int(weight.dims[0]), int(weight.dims[1])


_INPUT = re.compile(r"^lora\.layers\.(\d+)\.(\w+_proj)\.([AB])$")


def input_site(name: str) -> tuple[int, str] | None:
    """(layer, projection) of a LoRA input's name (A or B), None for another name."""
    match = _INPUT.match(name)
    return (int(match.group(1)), match.group(2)) if match is not None else None


def lora_sites(model: Any) -> list[LoraSite]:
    """The projections of ``model`` (an ``onnx.ModelProto``) that have LoRA inputs."""
    dims: dict[tuple[int, str], dict[str, int]] = {}
    for graph_input in model.graph.input:
        match = _INPUT.match(graph_input.name)
        if match is None:
            continue
        shape = [int(d.dim_value) for d in graph_input.type.tensor_type.shape.dim]
        side = dims.setdefault((int(match.group(1)), match.group(2)), {})
        side[match.group(3)] = shape[1] if match.group(3) == "A" else shape[2]
    return [LoraSite(layer, projection, sides["A"], sides["B"])
            for (layer, projection), sides in sorted(dims.items()) if len(sides) == 2]


# The decoder without LoRA inputs, kept beside the one with them (both read the same weights file):
# each LoRA site adds four small operators (600 on SmolLM2), which cost 15 % of a one-row decode
# step on an idle 2-core machine (12.2 -> 14.1 ms) and 3 % of an eight-row one; the continuous
# engine runs this graph until a request brings an adapter.
BASE_GRAPH = "model.base.onnx"


def add_lora_to_engine(folder: Path) -> int:
    """LoRA inputs for the decoder of the ONNX Runtime GenAI model in ``folder`` (a build step);
    the graph without them is kept as ``BASE_GRAPH``."""
    import shutil

    path = folder / "genai_config.json"
    config = json.loads(path.read_text(encoding="utf-8"))
    decoder = config["model"]["decoder"]
    model = folder / decoder["filename"]
    base = folder / BASE_GRAPH
    shutil.copyfile(model, base)
    added = add_lora_inputs(model)
    if not added:
        base.unlink()
    if added:
        # onnxruntime warns once per input that has a default ("may prevent constant folding"),
        # 301 lines for SmolLM2 on every load: by design here, so only errors are logged.
        decoder.setdefault("session_options", {})["log_severity_level"] = 3
        path.write_text(json.dumps(config, indent=4) + "\n", encoding="utf-8")
    return added


def add_lora_inputs(model_path: Path) -> int:
    """Give every projection of the decoder in ``model_path`` its LoRA inputs, in place (the
    external weight file is not touched); how many projections (0: none it knows). Idempotent."""
    import onnx
    from onnx import helper

    model = onnx.load(str(model_path), load_external_data=False)
    graph = model.graph
    if any(i.name.startswith(LORA_PREFIX) for i in graph.input):
        return len(lora_sites(model))
    logits = next(o for o in graph.output if o.name == "logits")
    dtype = logits.type.tensor_type.elem_type
    initializers = {t.name: t for t in graph.initializer}
    graph.input.append(helper.make_tensor_value_info(MASK, dtype, ["lora_batch", 1, "lora_rank"]))
    graph.initializer.append(helper.make_tensor(MASK, dtype, [1, 1, 1], [1.0]))
    added = 0
    nodes = []
    for node in graph.node:
        nodes.append(node)
        match = _PROJECTION.match(node.name)
        if match is None or match.group(3) not in PROJECTIONS:
            continue
        layer, part, projection = int(match.group(1)), match.group(2), match.group(3)
        in_features, out_features = _matmul_shape(node, initializers)
        a_name, b_name = input_names(layer, projection)
        where = f"/model/layers.{layer}/{part}/{projection}"
        output = node.output[0]
        base_output = f"{where}/MatMul/base_output_0"
        node.output[0] = base_output
        graph.input.extend([
            helper.make_tensor_value_info(a_name, dtype, ["lora_batch", in_features, "lora_rank"]),
            helper.make_tensor_value_info(b_name, dtype, ["lora_batch", "lora_rank", out_features]),
        ])
        graph.initializer.append(helper.make_tensor(a_name, dtype, [1, in_features, 0], []))
        graph.initializer.append(helper.make_tensor(b_name, dtype, [1, 0, out_features], []))
        down, keep, up = f"{where}/lora_A/MatMul", f"{where}/lora/Mul", f"{where}/lora_B/MatMul"
        nodes.append(helper.make_node("MatMul", [node.input[0], a_name], [f"{down}/output_0"], name=down))
        nodes.append(helper.make_node("Mul", [f"{down}/output_0", MASK], [f"{keep}/output_0"], name=keep))
        nodes.append(helper.make_node("MatMul", [f"{keep}/output_0", b_name], [f"{up}/output_0"], name=up))
        nodes.append(helper.make_node("Add", [base_output, f"{up}/output_0"], [output],
                                      name=f"{where}/lora/Add"))
        added += 1
    if not added:
        return 0  # a model of another shape: it serves without adapters
    del graph.node[:]
    graph.node.extend(nodes)
    onnx.save(model, str(model_path))
    return added


_SIDE_PATH = ("/lora_A/MatMul", "/lora/Mul", "/lora_B/MatMul", "/lora/Add")


def prune_lora_sites(model: Any, keep: Collection[tuple[int, str]]) -> int:
    """Remove from ``model`` (an ``onnx.ModelProto`` with LoRA inputs, changed in place) the side
    paths and inputs of every projection not in ``keep`` ((layer, projection) pairs): those
    projections are the base model's again, with the same weights (the external data is only
    referred to). How many side paths are left."""
    graph = model.graph
    producers = {output: node for node in graph.node for output in node.output}
    dropped_nodes: set[str] = set()
    dropped_inputs: set[str] = set()
    left = 0
    for node in graph.node:
        if not node.name.endswith(_SIDE_PATH[-1]):
            continue
        where = node.name[: -len(_SIDE_PATH[-1])]
        match = _PROJECTION.match(f"{where}/MatMul")
        if match is None:
            continue
        site = int(match.group(1)), match.group(3)
        if site in keep:
            left += 1
            continue
        producers[node.input[0]].output[0] = node.output[0]  # the projection writes the sum's name
        dropped_nodes.update(where + suffix for suffix in _SIDE_PATH)
        dropped_inputs.update(input_names(*site))
    for field, dropped in ((graph.node, dropped_nodes), (graph.input, dropped_inputs),
                           (graph.initializer, dropped_inputs)):
        kept = [item for item in field if item.name not in dropped]
        del field[:]
        field.extend(kept)
    return left
