"""Plan, fingerprint, build and store logic, with a fake backend through the real seams."""

from __future__ import annotations

import json
from dataclasses import replace
from pathlib import Path

import pytest

from edged import backends
from edged.engines.build import plan_build, run_build
from edged.engines.loader import check_engine, load_engine
from edged.engines.manifest import MANIFEST_NAME, EngineManifest
from edged.engines.store import STAGING, EngineStore
from edged.errors import BuildError, CheckpointError, ConfigError, FingerprintMismatch, StoreError
from edged.hardware.facts import HardwareFacts
from edged.hardware.profiles import Profile, get_profile

from . import fake_backend


@pytest.fixture(autouse=True)
def fake_cpu_backend(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(backends.BACKENDS, "onnx-genai-cpu", replace(
        backends.ONNX_GENAI_CPU,
        runtime_libraries=("pytest",),
        engine_class="tests.engines.fake_backend:FakeEngine",
        builder="tests.engines.fake_backend:fake_builder",
    ))
    fake_backend.behaviour.update(answer_wrong=False, fail_in_builder=False)


@pytest.fixture
def checkpoint(tmp_path: Path) -> Path:
    path = tmp_path / "model.gguf"
    path.write_bytes(b"GGUF" + b"\0" * 64)
    return path


@pytest.fixture
def store(tmp_path: Path) -> EngineStore:
    return EngineStore(tmp_path / "store")


def test_build_installs_engine_and_manifest(
    store: EngineStore, cpu_profile: Profile, machine: HardwareFacts, checkpoint: Path,
) -> None:
    plan = plan_build(cpu_profile, machine, store, checkpoint=checkpoint)
    assert plan.action == "build"
    assert plan.fingerprint.hardware == {"cpu.arch": machine.cpu.arch}
    outcome = run_build(plan, store)
    folder = store.folder("cpu", "smollm2-135m-instruct")
    assert Path(outcome.folder) == folder
    manifest = EngineManifest.read(folder)
    assert manifest.fingerprint_digest == plan.fingerprint_digest
    assert set(manifest.files) == {"weights.bin", "config.json"}
    assert [s.passed for s in manifest.smoke] == [True, True, True]
    assert manifest.toolchain == {"fake-tool": "1.0"}
    assert list((store.root / STAGING).iterdir()) == []
    engine = load_engine(store, cpu_profile, machine)
    assert engine.info.context_length == plan.context_length


def test_same_fingerprint_is_a_no_op_and_changes_rebuild(
    store: EngineStore, cpu_profile: Profile, machine: HardwareFacts, checkpoint: Path,
) -> None:
    run_build(plan_build(cpu_profile, machine, store, checkpoint=checkpoint), store)
    again = plan_build(cpu_profile, machine, store, checkpoint=checkpoint)
    assert again.action == "cached"
    assert run_build(again, store).cached
    checkpoint.write_bytes(b"GGUF" + b"\1" * 64)  # new weights, new content hash
    changed = plan_build(cpu_profile, machine, store, checkpoint=checkpoint)
    assert changed.action == "rebuild"
    assert any(n.startswith("fingerprint changed: checkpoint_sha256") for n in changed.notes)
    assert not run_build(changed, store).cached
    forced = plan_build(cpu_profile, machine, store, checkpoint=checkpoint, force=True)
    assert forced.action == "rebuild"


def test_fingerprint_covers_build_settings(
    store: EngineStore, cpu_profile: Profile, machine: HardwareFacts, checkpoint: Path,
) -> None:
    base = plan_build(cpu_profile, machine, store, checkpoint=checkpoint)
    engine = cpu_profile.engine.model_copy(update={"max_batch_size": 2})
    smaller = plan_build(cpu_profile.model_copy(update={"engine": engine}), machine, store,
                         checkpoint=checkpoint)
    assert smaller.fingerprint_digest != base.fingerprint_digest
    engine = cpu_profile.engine.model_copy(update={"quantization": "int4"})
    int4 = plan_build(cpu_profile.model_copy(update={"engine": engine}), machine, store,
                      checkpoint=checkpoint)
    assert int4.fingerprint.quantization == "int4"
    assert int4.fingerprint_digest != base.fingerprint_digest


def test_interrupted_build_leaves_nothing_in_the_store(
    store: EngineStore, cpu_profile: Profile, machine: HardwareFacts, checkpoint: Path,
) -> None:
    fake_backend.behaviour["fail_in_builder"] = True
    with pytest.raises(BuildError, match="told to fail"):
        run_build(plan_build(cpu_profile, machine, store, checkpoint=checkpoint), store)
    assert not store.folder("cpu", "smollm2-135m-instruct").exists()
    assert list((store.root / STAGING).iterdir()) == []


def test_failed_smoke_test_keeps_the_previous_engine(
    store: EngineStore, cpu_profile: Profile, machine: HardwareFacts, checkpoint: Path,
) -> None:
    first = run_build(plan_build(cpu_profile, machine, store, checkpoint=checkpoint), store)
    fake_backend.behaviour["answer_wrong"] = True
    checkpoint.write_bytes(b"GGUF" + b"\2" * 64)
    with pytest.raises(BuildError, match="smoke test") as failure:
        run_build(plan_build(cpu_profile, machine, store, checkpoint=checkpoint), store)
    assert failure.value.code == "smoke_failed"
    kept = EngineManifest.read(store.folder("cpu", "smollm2-135m-instruct"))
    assert kept.fingerprint_digest == first.manifest.fingerprint_digest


def test_leftover_staging_from_a_killed_build_is_cleaned(
    store: EngineStore, cpu_profile: Profile, machine: HardwareFacts, checkpoint: Path,
) -> None:
    leftover = store.root / STAGING / "cpu-smollm2-killed"
    leftover.mkdir(parents=True)
    (leftover / "model.onnx.data").write_bytes(b"half")
    run_build(plan_build(cpu_profile, machine, store, checkpoint=checkpoint), store)
    assert not leftover.exists()


def test_missing_checkpoint_and_unknown_model(
    store: EngineStore, cpu_profile: Profile, machine: HardwareFacts, tmp_path: Path,
) -> None:
    with pytest.raises(CheckpointError, match="does not exist") as missing:
        plan_build(cpu_profile, machine, store, checkpoint=tmp_path / "nope.gguf")
    assert missing.value.code == "checkpoint_missing"
    with pytest.raises(ConfigError, match="smollm2-135m-instruct") as unknown:
        plan_build(cpu_profile, machine, store, model_id="llama-99b")
    assert unknown.value.code == "unknown_model"
    with pytest.raises(CheckpointError, match="never downloads"):
        plan_build(get_profile("h100"), machine, store)


def test_gpu_profile_plans_but_does_not_build_here(
    store: EngineStore, machine: HardwareFacts, tmp_path: Path,
) -> None:
    phi = tmp_path / "phi-3"
    phi.mkdir()
    (phi / "config.json").write_text("{}")
    plan = plan_build(get_profile("h100"), machine, store, checkpoint=phi)
    assert plan.backend == "trtllm"
    assert not plan.buildable
    assert plan.fingerprint.hardware["gpu.name"] == "absent"
    with pytest.raises(BuildError) as refused:
        run_build(plan, store)
    assert refused.value.code == "backend_unavailable"


def test_manifest_from_another_version_is_refused(
    store: EngineStore, cpu_profile: Profile, machine: HardwareFacts, checkpoint: Path,
) -> None:
    run_build(plan_build(cpu_profile, machine, store, checkpoint=checkpoint), store)
    path = store.folder("cpu", "smollm2-135m-instruct") / MANIFEST_NAME
    raw = json.loads(path.read_text())
    raw["format_version"] = 99
    path.write_text(json.dumps(raw))
    with pytest.raises(StoreError, match="another version of edged") as refused:
        load_engine(store, cpu_profile, machine)
    assert refused.value.code == "store_version"
    # The next build replaces the unusable engine instead of tripping over it.
    plan = plan_build(cpu_profile, machine, store, checkpoint=checkpoint)
    assert plan.action == "rebuild"
    assert any("unusable" in n for n in plan.notes)


def test_damaged_manifest_and_missing_engine(
    store: EngineStore, cpu_profile: Profile, machine: HardwareFacts, checkpoint: Path,
) -> None:
    with pytest.raises(StoreError, match="edged engine build --profile cpu") as missing:
        load_engine(store, cpu_profile, machine)
    assert missing.value.code == "engine_missing"
    run_build(plan_build(cpu_profile, machine, store, checkpoint=checkpoint), store)
    path = store.folder("cpu", "smollm2-135m-instruct") / MANIFEST_NAME
    path.write_text('{"format_version": 1, "profile": "cpu"')
    with pytest.raises(StoreError, match="unreadable"):
        load_engine(store, cpu_profile, machine)
    path.write_text('{"format_version": 1, "profile": "cpu"}')
    with pytest.raises(StoreError, match="manifest is damaged"):
        load_engine(store, cpu_profile, machine)
    assert [e.problem is not None for e in store.entries()] == [True]


def test_truncated_engine_file_is_named(
    store: EngineStore, cpu_profile: Profile, machine: HardwareFacts, checkpoint: Path,
) -> None:
    run_build(plan_build(cpu_profile, machine, store, checkpoint=checkpoint), store)
    weights = store.folder("cpu", "smollm2-135m-instruct") / "weights.bin"
    weights.write_bytes(b"\x01" * 10)
    check = check_engine(store, cpu_profile, machine)
    assert check.file_problems == ["weights.bin: 10 bytes, the manifest says 1000"]
    with pytest.raises(StoreError, match=r"weights\.bin") as damaged:
        load_engine(store, cpu_profile, machine)
    assert damaged.value.code == "engine_corrupt"
    weights.write_bytes(b"\x02" * 1000)  # same size, other content: only a full check sees it
    assert check_engine(store, cpu_profile, machine, full=False).ok
    assert check_engine(store, cpu_profile, machine).file_problems == [
        "weights.bin: content differs from the manifest (SHA-256 mismatch)",
    ]


def test_engine_built_for_other_hardware_names_the_difference(
    store: EngineStore, cpu_profile: Profile, machine: HardwareFacts, checkpoint: Path,
) -> None:
    run_build(plan_build(cpu_profile, machine, store, checkpoint=checkpoint), store)
    other = machine.model_copy(update={"cpu": machine.cpu.model_copy(update={"arch": "riscv64"})})
    with pytest.raises(FingerprintMismatch) as mismatch:
        load_engine(store, cpu_profile, other)
    assert f"hardware.cpu.arch: built with '{machine.cpu.arch}', this machine has 'riscv64'" in str(
        mismatch.value,
    )
