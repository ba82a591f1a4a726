"""LoRA adapters on the real CPU engine: stored beside it (built, listed, verified, refused when
damaged or built for another engine), and served by the onnxruntime-genai engine, the continuous
engine (rows with and without an adapter in one step) and the engine process. Random adapters
here; the trained one, whose answers must change where it was trained, is tests/adapters."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest

from edged.engines.adapters import AdapterStore
from edged.engines.base import AdapterRef, ChatMessage, Engine, GenerationRequest
from edged.engines.continuous import ContinuousOnnxEngine
from edged.engines.manifest import EngineManifest
from edged.engines.process import EngineProcess
from edged.engines.store import EngineStore
from edged.errors import AdapterError
from tests.support.peft_folder import ATTENTION, MLP, write_peft

pytestmark = pytest.mark.engine

PROMPTS = ["Name a colour.", "What does a conveyor belt do?", "Say hello to the night shift."]


def _requests(adapter: AdapterRef | None) -> list[GenerationRequest]:
    return [GenerationRequest((ChatMessage("user", p),), max_tokens=12, adapter=adapter) for p in PROMPTS]


@pytest.fixture(scope="module")
def adapters(cpu_engine: Engine, tmp_path_factory: pytest.TempPathFactory) -> AdapterStore:
    """An adapter store of the real engine in a folder of this test's own."""
    folder = cpu_engine.info.path
    return AdapterStore(tmp_path_factory.mktemp("store"), folder, EngineManifest.read(folder))


@pytest.fixture(scope="module")
def strong(adapters: AdapterStore, tmp_path_factory: pytest.TempPathFactory) -> AdapterRef:
    """A random adapter on every projection, strong enough to change every greedy answer."""
    peft = write_peft(tmp_path_factory.mktemp("peft") / "strong", modules=ATTENTION + MLP, std=0.3)
    adapters.build("strong", peft, task="ask")
    return adapters.resolve("strong")


def test_an_adapter_is_built_listed_and_verified(adapters: AdapterStore, tmp_path: Path) -> None:
    manifest = adapters.build("qv", write_peft(tmp_path / "qv", modules=("q_proj", "v_proj")), task="alarms")
    assert manifest.projections == 30  # the packed qkv projection of each layer
    assert manifest.base_fingerprint == adapters.engine.fingerprint_digest
    assert "qv" in [e.name for e in adapters.entries()]
    assert adapters.verify("qv") == []
    with pytest.raises(AdapterError, match="--force"):
        adapters.build("qv", tmp_path / "qv")
    adapters.remove("qv")
    with pytest.raises(AdapterError) as gone:
        adapters.resolve("qv")
    assert gone.value.code == "adapter_missing"


def test_an_adapter_of_another_engine_build_is_refused_with_both_fingerprints(
    adapters: AdapterStore, tmp_path: Path,
) -> None:
    adapters.build("old", write_peft(tmp_path / "old"))
    path = adapters.folder("old") / "adapter.json"
    manifest = json.loads(path.read_text(encoding="utf-8"))
    manifest["base_fingerprint"] = "0123456789abcdef" * 4
    path.write_text(json.dumps(manifest), encoding="utf-8")
    with pytest.raises(AdapterError) as refused:
        adapters.resolve("old")
    assert refused.value.code == "adapter_mismatch"
    assert "0123456789abcdef" in refused.value.message
    assert adapters.engine.fingerprint_digest[:16] in refused.value.message


def test_a_torn_adapter_file_is_found_by_resolve_and_verify(adapters: AdapterStore, tmp_path: Path) -> None:
    adapters.build("torn", write_peft(tmp_path / "torn"))
    file = adapters.folder("torn") / "adapter.onnx_adapter"
    file.write_bytes(file.read_bytes()[:1000])
    with pytest.raises(AdapterError) as refused:
        adapters.resolve("torn")
    assert refused.value.code == "adapter_invalid"
    assert adapters.verify("torn")


def test_an_adapter_for_another_model_is_refused_at_build(adapters: AdapterStore, tmp_path: Path) -> None:
    bigger = {"layers": 30, "hidden": 768, "q": 768, "kv": 256, "mlp": 2048}
    other = write_peft(tmp_path / "other", shape=bigger)
    with pytest.raises(AdapterError) as refused:
        adapters.build("other", other)
    assert refused.value.code == "adapter_mismatch"
    assert not adapters.folder("other").exists()


def test_the_adapter_changes_the_answers_and_the_base_stays_the_base(
    cpu_engine: Engine, strong: AdapterRef,
) -> None:
    base = [r.text for r in cpu_engine.generate(_requests(None))]
    adapted = [r.text for r in cpu_engine.generate(_requests(strong))]
    assert all(a != b for a, b in zip(adapted, base, strict=True)), (adapted, base)
    assert [r.text for r in cpu_engine.generate(_requests(None))] == base
    # one call, two groups of one (a generator has one adapter); each as if asked alone
    mixed = cpu_engine.generate([_requests(None)[0], _requests(strong)[1]])
    alone = [cpu_engine.generate([request])[0].text for request in (_requests(None)[0], _requests(strong)[1])]
    assert [m.text for m in mixed] == alone


def test_rows_with_and_without_the_adapter_share_a_continuous_step(
    continuous_engine: ContinuousOnnxEngine, cpu_engine: Engine, strong: AdapterRef,
) -> None:
    base = [r.text for r in cpu_engine.generate(_requests(None))]
    adapted = [r.text for r in cpu_engine.generate(_requests(strong))]
    mixed = continuous_engine.generate([_requests(None)[0], _requests(strong)[1], _requests(None)[2]])
    # the base rows are the base model's, bit for bit: the adapter does not leak across rows
    assert [mixed[0].text, mixed[2].text] == [base[0], base[2]]
    assert mixed[1].text != base[1]
    # the adapted row is the onnxruntime-genai engine's (int8 activations may differ at the
    # margin between a batch of one and of three, so the first tokens are compared)
    assert mixed[1].token_ids[:4] == tuple(cpu_engine.generate(_requests(strong))[1].token_ids[:4]), adapted


def test_label_scores_follow_the_adapter(continuous_engine: ContinuousOnnxEngine, cpu_engine: Engine,
                                         strong: AdapterRef) -> None:
    messages = (ChatMessage("user", "Is the press running? Answer yes or no."),)
    labels = ["yes", "no"]
    base = [s.logprob for s in continuous_engine.score_labels(messages, labels)]
    adapted = [s.logprob for s in continuous_engine.score_labels(messages, labels, adapter=strong)]
    genai = [s.logprob for s in cpu_engine.score_labels(messages, labels, adapter=strong)]
    assert adapted != pytest.approx(base, abs=0.05)
    assert adapted == pytest.approx(genai, abs=0.05)


@pytest.fixture
def process_engine(cpu_engine: Engine) -> Iterator[EngineProcess]:
    engine = EngineProcess(cpu_engine.info.path)
    yield engine
    engine.close()


def test_a_missing_adapter_fails_the_call_with_its_code_across_the_process(
    process_engine: EngineProcess, strong: AdapterRef, tmp_path: Path,
) -> None:
    missing = AdapterRef("gone", tmp_path / "gone.onnx_adapter", "0" * 64)
    with pytest.raises(AdapterError) as refused:
        process_engine.generate(_requests(missing)[:1])
    assert refused.value.code == "adapter_missing"
    assert process_engine.generate(_requests(strong)[:1])[0].text  # the process still serves


def test_the_adapter_commands_from_build_to_remove(
    engine_store: EngineStore, tmp_path: Path, capsys: pytest.CaptureFixture[str],
) -> None:
    from edged.cli import main

    where = ["--profile", "cpu", "--store", str(engine_store.root)]
    peft = write_peft(tmp_path / "peft", modules=("q_proj", "v_proj"))
    try:
        assert main(["adapter", "build", "--task", "alarms", "--name", "cli-test", "--from", str(peft),
                     *where]) == 0
        assert 'adapter = "cli-test"  under [tasks.alarms]' in capsys.readouterr().out
        assert main(["adapter", "list", "--json", *where]) == 0
        listed = {a["name"]: a for a in json.loads(capsys.readouterr().out)}
        assert listed["cli-test"]["task"] == "alarms" and listed["cli-test"]["rank"] == 4
        assert main(["adapter", "verify", "cli-test", *where]) == 0
        assert main(["adapter", "build", "--task", "alarms", "--name", "cli-test", "--from", str(peft),
                     *where]) == 1  # exists: --force needed
        assert "--force" in capsys.readouterr().err
        assert main(["adapter", "build", "--task", "alarms", "--name", "Bad Name", "--from", str(peft),
                     *where]) == 1
        assert "[adapter_invalid]" in capsys.readouterr().err
    finally:
        assert main(["adapter", "remove", "cli-test", *where]) == 0
    assert main(["adapter", "verify", "cli-test", *where]) == 1
