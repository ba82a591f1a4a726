"""The continuous engine's graph with LoRA inputs only where its adapters have them: the pruning of
a graph (on a tiny one), the pruned graph written beside the engine's (or the full one where that
cannot be written), and on the real engine, a graph that widens when an adapter targets more."""

from __future__ import annotations

import logging
import tempfile
from pathlib import Path
from typing import Any

import numpy as np
import onnx
import onnxruntime as ort
import pytest
from onnx import TensorProto, helper

from edged.engines.adapters import AdapterStore
from edged.engines.base import AdapterRef, ChatMessage, Engine, GenerationRequest
from edged.engines.continuous import ContinuousOnnxEngine
from edged.engines.lora_graph import MASK, LoraSite, add_lora_inputs, lora_sites, prune_lora_sites
from edged.engines.lora_session import LoraGraphs, pruned_graph
from edged.engines.lora_slots import LoadedLora
from edged.engines.manifest import EngineManifest
from tests.support.peft_folder import ATTENTION, MLP, write_peft

O_PROJ, DOWN_PROJ = (0, "o_proj"), (0, "down_proj")


def _two_projections(path: Path) -> tuple[np.ndarray, np.ndarray]:
    """A 'decoder' x -> o_proj -> down_proj, named as the model builder names its nodes, with LoRA
    inputs at both; its two weights."""
    rng = np.random.default_rng(5)
    o, down = (rng.standard_normal((8, 8)).astype(np.float32) for _ in range(2))
    nodes = [helper.make_node("MatMul", ["x", "o"], ["h"], name="/model/layers.0/attn/o_proj/MatMul"),
             helper.make_node("MatMul", ["h", "down"], ["logits"],
                              name="/model/layers.0/mlp/down_proj/MatMul")]
    graph = helper.make_graph(
        nodes, "tiny", [helper.make_tensor_value_info("x", TensorProto.FLOAT, ["batch", "seq", 8])],
        [helper.make_tensor_value_info("logits", TensorProto.FLOAT, ["batch", "seq", 8])],
        [helper.make_tensor("o", TensorProto.FLOAT, [8, 8], o.ravel()),
         helper.make_tensor("down", TensorProto.FLOAT, [8, 8], down.ravel())])
    model = helper.make_model(graph, opset_imports=[helper.make_opsetid("", 17)])
    model.ir_version = 9
    onnx.save(model, str(path))
    assert add_lora_inputs(path) == 2
    return o, down


def _side(rng: np.random.Generator) -> tuple[np.ndarray, np.ndarray]:
    a = rng.standard_normal((1, 8, 2)).astype(np.float32)
    return a, rng.standard_normal((1, 2, 8)).astype(np.float32)


def test_a_pruned_graph_keeps_side_paths_only_where_asked_and_computes_the_same(tmp_path: Path) -> None:
    full = tmp_path / "model.onnx"
    o, down = _two_projections(full)
    model = onnx.load(str(full))
    assert prune_lora_sites(model, {O_PROJ}) == 1
    onnx.checker.check_model(model)
    assert lora_sites(model) == [LoraSite(0, "o_proj", 8, 8)]
    assert not [n.name for n in model.graph.node if "down_proj/lora" in n.name]
    assert not [i.name for i in model.graph.input if "down_proj" in i.name]
    pruned = tmp_path / "pruned.onnx"
    onnx.save(model, str(pruned))
    rng = np.random.default_rng(6)
    x = rng.standard_normal((2, 3, 8)).astype(np.float32)
    a, b = _side(rng)
    mask = np.asarray([[[1, 1]], [[0, 0]]], dtype=np.float32)  # row 0 adapted, row 1 the base
    feeds = {"x": x, "lora.layers.0.o_proj.A": a, "lora.layers.0.o_proj.B": b, MASK: mask}
    got = ort.InferenceSession(str(pruned)).run(None, feeds)[0]
    # the full graph with the same adapter (zeros at down_proj) gives the same, bit for bit
    zeros = {"lora.layers.0.down_proj.A": np.zeros_like(a), "lora.layers.0.down_proj.B": np.zeros_like(b)}
    np.testing.assert_array_equal(got, ort.InferenceSession(str(full)).run(None, feeds | zeros)[0])
    np.testing.assert_allclose(got[0], (x[0] @ o + x[0] @ a[0] @ b[0]) @ down, rtol=1e-4, atol=1e-4)
    np.testing.assert_allclose(got[1], x[1] @ o @ down, rtol=1e-5, atol=1e-5)
    assert prune_lora_sites(onnx.load(str(full)), set()) == 0


def _lora(name: str, sites: list[tuple[int, str]]) -> LoadedLora:
    rng = np.random.default_rng(len(sites))
    tensors: dict[str, Any] = {}
    for layer, projection in sites:
        a, b = _side(rng)
        tensors[f"lora.layers.{layer}.{projection}.A"], tensors[f"lora.layers.{layer}.{projection}.B"] = a, b
    return LoadedLora(name, name * 8, 2, tensors)


def test_the_pruned_graph_is_written_beside_once_and_widens_for_more_targets(tmp_path: Path) -> None:
    full = tmp_path / "model.onnx"
    _two_projections(full)
    opened: list[Path] = []

    def open_session(path: Path) -> Any:
        opened.append(path)
        return ort.InferenceSession(str(path))

    graphs = LoraGraphs(full, open_session)
    assert graphs.cover([_lora("attn", [O_PROJ])])
    assert opened[-1].parent == tmp_path and opened[-1] != full
    assert lora_sites(onnx.load(str(opened[-1])))[0].projection == "o_proj"
    assert len(lora_sites(onnx.load(str(opened[-1])))) == 1
    assert not graphs.cover([_lora("attn", [O_PROJ])])  # covered: the same session
    assert pruned_graph(full, frozenset({O_PROJ})) == opened[-1]  # the file is reused
    assert graphs.cover([_lora("both", [O_PROJ, DOWN_PROJ])])
    assert opened[-1] == full  # both sites: the engine's own graph, nothing written
    assert graphs.sites == {O_PROJ, DOWN_PROJ}
    assert not graphs.cover([_lora("attn", [O_PROJ])])  # never narrowed again
    assert len(opened) == 2


def test_a_folder_that_cannot_be_written_runs_the_full_graph_and_says_so(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture,
) -> None:
    full = tmp_path / "model.onnx"
    _two_projections(full)

    def read_only(*args: Any, **kwargs: Any) -> Any:
        raise OSError(30, "Read-only file system")

    monkeypatch.setattr(tempfile, "NamedTemporaryFile", read_only)
    with caplog.at_level(logging.WARNING, logger="edged.engines.lora_session"):
        assert pruned_graph(full, frozenset({O_PROJ})) == full
    assert "Read-only file system" in caplog.text and "1 of 2 projections" in caplog.text
    assert sorted(p.name for p in tmp_path.iterdir()) == ["model.onnx"]


# -- the real engine ---------------------------------------------------------------------------------


def _ask(text: str, adapter: AdapterRef | None) -> GenerationRequest:
    return GenerationRequest((ChatMessage("user", text),), max_tokens=12, adapter=adapter)


@pytest.mark.engine
def test_the_engine_widens_its_graph_for_an_adapter_with_more_targets_and_base_rows_stay_the_base(
    cpu_engine: Engine, tmp_path: Path,
) -> None:
    folder = cpu_engine.info.path
    store = AdapterStore(tmp_path / "store", folder, EngineManifest.read(folder))
    store.build("attn", write_peft(tmp_path / "attn", modules=("q_proj", "v_proj"), std=0.3))
    store.build("all", write_peft(tmp_path / "all", modules=ATTENTION + MLP, std=0.3, seed=1))
    attn, every = store.resolve("attn"), store.resolve("all")
    prompts = ["Name a colour.", "What does a conveyor belt do?", "Say hello to the night shift."]
    engine = ContinuousOnnxEngine(folder, cpu_engine.info, slots=4)
    try:
        base = [r.token_ids for r in engine.generate([_ask(p, None) for p in prompts])]
        alone = engine.generate([_ask(prompts[1], attn)])[0].token_ids
        graphs = engine._model._lora_graphs  # what the engine runs is the point here
        assert {projection for _layer, projection in graphs.sites} == {"qkv_proj"}
        names = {i.name for i in graphs.session.get_overridable_initializers()}
        assert len(names) == 1 + 2 * 30 and all(".qkv_proj." in n for n in names - {MASK})
        mixed = engine.generate([_ask(prompts[0], None), _ask(prompts[1], attn), _ask(prompts[2], None)])
        assert [mixed[0].token_ids, mixed[2].token_ids] == [base[0], base[2]]  # bit for bit
        assert mixed[1].token_ids[:4] == alone[:4] and alone != base[1]
        widened = engine.generate([_ask(prompts[0], None), _ask(prompts[1], attn), _ask(prompts[2], every)])
        assert {projection for _layer, projection in graphs.sites} == {
            "qkv_proj", "o_proj", "gate_proj", "up_proj", "down_proj"}
        assert widened[0].token_ids == base[0]
        assert widened[1].token_ids[:4] == alone[:4]
        assert widened[2].token_ids != base[2]
    finally:
        engine.close()
