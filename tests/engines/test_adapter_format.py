"""LoRA adapters without an engine: a PEFT checkpoint packed for the engine graph's LoRA inputs
(the arithmetic, checked against the low-rank products it must add), the checkpoints refused and
why, and the graph change itself on a small ONNX model run by onnxruntime."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import numpy as np
import onnx
import onnxruntime as ort
import pytest
from onnx import TensorProto, helper

from edged.engines.lora_graph import MASK, LoraSite, add_lora_inputs, lora_sites
from edged.engines.peft_lora import PeftAdapter, pack, read_peft
from edged.errors import AdapterError
from tests.support.peft_folder import write_peft

HEADS = (2, 1)  # two query heads and one KV head of 4: q 8, k 4, v 4 -> qkv_proj 16 wide
SITES = [LoraSite(0, "qkv_proj", 8, 16), LoraSite(0, "o_proj", 8, 8)]


def _pair(rng: np.random.Generator, rank: int, fan_in: int, fan_out: int) -> tuple[np.ndarray, np.ndarray]:
    return (rng.standard_normal((rank, fan_in)).astype(np.float32),
            rng.standard_normal((fan_out, rank)).astype(np.float32))


Pairs = dict[tuple[int, str], tuple[np.ndarray, np.ndarray]]


def _adapter(pairs: Pairs, *, rslora: bool = False) -> PeftAdapter:
    return PeftAdapter(rank=2, alpha=6.0, rslora=rslora, target_modules=("q_proj",), base_model="",
                       alpha_pattern={}, pairs=pairs)


@pytest.mark.parametrize("rslora", [False, True])
def test_packing_adds_each_modules_product_on_its_own_slice(rslora: bool) -> None:
    rng = np.random.default_rng(1)
    q, v, o = _pair(rng, 2, 8, 8), _pair(rng, 3, 8, 4), _pair(rng, 2, 8, 8)
    adapter = _adapter({(0, "q_proj"): q, (0, "v_proj"): v, (0, "o_proj"): o}, rslora=rslora)
    packed = pack(adapter, SITES, HEADS, Path("x"))
    x = rng.standard_normal((3, 8)).astype(np.float32)

    def scale(rank: int) -> float:
        return 6.0 / np.sqrt(rank) if rslora else 6.0 / rank

    qkv = x @ packed["lora.layers.0.qkv_proj.A"][0] @ packed["lora.layers.0.qkv_proj.B"][0]
    np.testing.assert_allclose(qkv[:, :8], x @ q[0].T @ q[1].T * scale(2), rtol=1e-5, atol=1e-5)
    np.testing.assert_allclose(qkv[:, 8:12], 0.0)  # k has no adapter
    np.testing.assert_allclose(qkv[:, 12:], x @ v[0].T @ v[1].T * scale(3), rtol=1e-5, atol=1e-5)
    out = x @ packed["lora.layers.0.o_proj.A"][0] @ packed["lora.layers.0.o_proj.B"][0]
    np.testing.assert_allclose(out, x @ o[0].T @ o[1].T * scale(2), rtol=1e-5, atol=1e-5)
    assert packed["lora.layers.0.qkv_proj.A"].shape == (1, 8, 5)  # ranks 2 + 3 side by side


def test_an_adapter_of_another_model_is_a_mismatch() -> None:
    rng = np.random.default_rng(2)
    wide = _adapter({(0, "q_proj"): _pair(rng, 2, 12, 8)})  # a hidden size of 12, not 8
    with pytest.raises(AdapterError) as wrong_shape:
        pack(wide, SITES, HEADS, Path("peft"))
    assert wrong_shape.value.code == "adapter_mismatch"
    deep = _adapter({(7, "o_proj"): _pair(rng, 2, 8, 8)})  # layer 7 of a 1-layer model
    with pytest.raises(AdapterError) as wrong_layer:
        pack(deep, SITES, HEADS, Path("peft"))
    assert wrong_layer.value.code == "adapter_mismatch"
    assert "layer 7" in wrong_layer.value.message


def test_a_peft_folder_is_read_with_its_settings(tmp_path: Path) -> None:
    folder = write_peft(tmp_path / "peft", modules=("q_proj", "v_proj"), rank=4, alpha=16,
                        shape={"layers": 2, "hidden": 8, "q": 8, "kv": 4, "mlp": 16})
    adapter = read_peft(folder)
    assert (adapter.rank, adapter.alpha, adapter.target_modules) == (4, 16.0, ("q_proj", "v_proj"))
    assert sorted(adapter.pairs) == [(0, "q_proj"), (0, "v_proj"), (1, "q_proj"), (1, "v_proj")]
    assert adapter.pairs[(1, "v_proj")][1].shape == (4, 4)


REFUSED = {
    "no config": (lambda f: (f / "adapter_config.json").unlink(), "adapter_config.json is missing"),
    "bad json": (lambda f: (f / "adapter_config.json").write_text("{", encoding="utf-8"), "unreadable"),
    "dora": (lambda f: _config(f, use_dora=True), "DoRA"),
    "biases": (lambda f: _config(f, bias="all"), "biases"),
    "modules_to_save": (lambda f: _config(f, modules_to_save=["lm_head"]), "fully trained modules"),
    "prompt tuning": (lambda f: _config(f, peft_type="PROMPT_TUNING"), "only LORA"),
    "pickle only": (lambda f: (f / "adapter_model.safetensors").rename(f / "adapter_model.bin"), "pickle"),
    "no weights": (lambda f: (f / "adapter_model.safetensors").unlink(), "is missing"),
    "torn weights": (lambda f: _truncate(f / "adapter_model.safetensors"), "damaged"),
    "nan weights": (lambda f: _rewrite(f, lambda key, value: value * np.nan if "lora_B" in key else value),
                    "NaN or infinite"),
    "a second model": (lambda f: _rewrite(f, _rank_300), "over the 256"),
    "an embedding adapter": (lambda f: _rewrite(f, lambda key, value: value, extra="base_model.model.model."
                                                "embed_tokens.lora_embedding_A"), "not a LoRA A/B weight"),
    "a lone A": (lambda f: _rewrite(f, lambda key, value: value, drop="lora_B"), "without its partner"),
}


def _rank_300(key: str, value: np.ndarray) -> np.ndarray:
    shape = (300, value.shape[1]) if "lora_A" in key else (value.shape[0], 300)
    return np.zeros(shape, dtype=np.float32)


def _rewrite(folder: Path, change: Any, *, extra: str | None = None, drop: str | None = None) -> None:
    from safetensors.numpy import load_file, save_file

    path = folder / "adapter_model.safetensors"
    tensors = {key: change(key, value) for key, value in load_file(str(path)).items()
               if drop is None or drop not in key}
    if extra is not None:
        tensors[extra] = np.zeros((4, 8), dtype=np.float32)
    save_file(tensors, str(path))


def _config(folder: Path, **changes: object) -> None:
    path = folder / "adapter_config.json"
    path.write_text(json.dumps({**json.loads(path.read_text(encoding="utf-8")), **changes}), encoding="utf-8")


def _truncate(path: Path) -> None:
    data = path.read_bytes()
    path.write_bytes(data[: len(data) // 2])


@pytest.mark.parametrize("case", sorted(REFUSED))
def test_a_checkpoint_edged_cannot_serve_is_refused_with_the_reason(tmp_path: Path, case: str) -> None:
    folder = write_peft(tmp_path / "peft", shape={"layers": 1, "hidden": 8, "q": 8, "kv": 4, "mlp": 16})
    spoil, reason = REFUSED[case]
    spoil(folder)
    with pytest.raises(AdapterError) as refused:
        read_peft(folder)
    assert refused.value.code == "adapter_invalid"
    assert reason in refused.value.message
    assert str(folder) in refused.value.message


def _tiny_decoder(path: Path) -> np.ndarray:
    """A one-projection 'decoder' named as the model builder names its nodes; its weight."""
    weight = np.random.default_rng(3).standard_normal((8, 8)).astype(np.float32)
    node = helper.make_node("MatMul", ["x", "w"], ["logits"], name="/model/layers.0/attn/o_proj/MatMul")
    graph = helper.make_graph(
        [node], "tiny", [helper.make_tensor_value_info("x", TensorProto.FLOAT, ["batch", "seq", 8])],
        [helper.make_tensor_value_info("logits", TensorProto.FLOAT, ["batch", "seq", 8])],
        [helper.make_tensor("w", TensorProto.FLOAT, [8, 8], weight.ravel())])
    model = helper.make_model(graph, opset_imports=[helper.make_opsetid("", 17)])
    model.ir_version = 9
    onnx.save(model, str(path))
    return weight


def test_the_lora_inputs_default_to_the_base_model_and_add_the_masked_product(tmp_path: Path) -> None:
    path = tmp_path / "model.onnx"
    weight = _tiny_decoder(path)
    assert add_lora_inputs(path) == 1
    assert add_lora_inputs(path) == 1  # idempotent: a second run changes nothing
    assert lora_sites(onnx.load(str(path))) == [LoraSite(0, "o_proj", 8, 8)]
    session = ort.InferenceSession(str(path), providers=["CPUExecutionProvider"])
    rng = np.random.default_rng(4)
    x = rng.standard_normal((2, 3, 8)).astype(np.float32)
    np.testing.assert_allclose(session.run(None, {"x": x})[0], x @ weight, rtol=1e-5, atol=1e-5)
    a = rng.standard_normal((1, 8, 2)).astype(np.float32)
    b = rng.standard_normal((1, 2, 8)).astype(np.float32)
    mask = np.asarray([[[1, 1]], [[0, 0]]], dtype=np.float32)  # row 0 with the adapter, row 1 without
    out = session.run(None, {"x": x, "lora.layers.0.o_proj.A": a, "lora.layers.0.o_proj.B": b, MASK: mask})[0]
    np.testing.assert_allclose(out[0], x[0] @ weight + x[0] @ a[0] @ b[0], rtol=1e-4, atol=1e-4)
    np.testing.assert_allclose(out[1], x[1] @ weight, rtol=1e-5, atol=1e-5)


def test_a_model_without_known_projections_is_left_as_it_is(tmp_path: Path) -> None:
    path = tmp_path / "model.onnx"
    _tiny_decoder(path)
    model = onnx.load(str(path))
    model.graph.node[0].name = "/lm_head/MatMul"
    onnx.save(model, str(path))
    assert add_lora_inputs(path) == 0
    assert [i.name for i in onnx.load(str(path)).graph.input] == ["x"]


def test_an_engine_built_before_lora_inputs_serves_the_base_and_refuses_adapters() -> None:
    from edged.engines.lora_slots import LoadedLora, LoraBinder

    class NoDefaults:
        def get_overridable_initializers(self) -> list[Any]:
            return []

    class Binding:
        def bind_ortvalue_input(self, name: str, value: Any) -> None:
            raise AssertionError(f"nothing may be bound, got {name}")

    binder = LoraBinder(ort, NoDefaults(), np.float32)
    assert binder.bind(Binding(), (0, 1), [None]) is None
    adapter = LoadedLora("site", "d" * 64, 4, {})
    with pytest.raises(AdapterError) as refused:
        binder.bind(Binding(), (0, 1), [adapter])
    assert refused.value.code == "adapter_mismatch" and "edged engine build --force" in refused.value.message
