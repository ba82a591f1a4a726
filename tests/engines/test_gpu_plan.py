"""GPU build plans on any machine: quantization by architecture, memory arithmetic, refusals."""

from __future__ import annotations

import json
from dataclasses import replace
from pathlib import Path

import pytest

from edged import backends
from edged.cli import main as cli_main
from edged.engines import loader
from edged.engines.build import plan_build, run_build
from edged.engines.gpu_plan import GIB, HostMemory, plan_gpu
from edged.engines.loader import load_engine
from edged.engines.models import MODELS
from edged.engines.store import EngineStore
from edged.errors import BuildError, CheckpointError, FingerprintMismatch
from edged.hardware.facts import CpuFacts, GpuFacts, HardwareFacts, JetsonFacts
from edged.hardware.profiles import Profile, get_profile, load_profiles

from . import fake_backend

MIB = 1024**2
PHI3_CONFIG = {
    "architectures": ["Phi3ForCausalLM"],
    "model_type": "phi3",
    "hidden_size": 3072,
    "intermediate_size": 8192,
    "max_position_embeddings": 4096,
    "num_attention_heads": 32,
    "num_hidden_layers": 32,
    "num_key_value_heads": 32,
    "vocab_size": 32064,
    "tie_word_embeddings": False,
}
CPU = CpuFacts(arch="x86_64", cores=16, memory_total_bytes=128 * GIB)
NO_GPU = HardwareFacts(kind="cpu", cpu=CPU, nvml_status="NVML library not found")
PHI3 = MODELS["phi-3-mini-4k-instruct"]
GPU_PROFILES = sorted(n for n, p in load_profiles().items() if p.engine.backend != "onnx-genai-cpu")


def gpu_machine(name: str, cc: tuple[int, int], total_mib: int, free_mib: int | None = None) -> HardwareFacts:
    gpu = GpuFacts(
        index=0,
        name=name,
        compute_capability=cc,
        memory_total_bytes=total_mib * MIB,
        memory_free_bytes=(free_mib if free_mib is not None else total_mib - 600) * MIB,
        driver_version="580.159.04",
        cuda_driver_version="13.0",
    )
    return HardwareFacts(kind="gpu", cpu=CPU, gpus=[gpu], nvml_status="ok")


def jetson_machine(model: str, compatible: str, mem_kb: int) -> HardwareFacts:
    jetson = JetsonFacts(
        model=model,
        compatible=[compatible, "nvidia,tegra234"],
        l4t_release="36.4.0",
        memory_total_bytes=mem_kb * 1024,
    )
    cpu = CpuFacts(arch="aarch64", cores=6, memory_total_bytes=mem_kb * 1024)
    return HardwareFacts(kind="jetson", cpu=cpu, jetson=jetson, nvml_status="not applicable on Jetson")


H100 = gpu_machine("NVIDIA H100 80GB HBM3", (9, 0), 81_559)
A100 = gpu_machine("NVIDIA A100-PCIE-40GB", (8, 0), 40_960)
AGX_ORIN = jetson_machine("NVIDIA Jetson AGX Orin Developer Kit", "nvidia,p3701-0005", 64_335_836)
ORIN_NANO = jetson_machine("NVIDIA Jetson Orin Nano Developer Kit", "nvidia,p3767-0005", 7_802_348)


def checkpoint(folder: Path, config: dict[str, object] | None = None, *, calibration: bool = True) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "config.json").write_text(json.dumps(config or PHI3_CONFIG))
    if calibration:
        (folder / "calibration").mkdir(exist_ok=True)
        rows = "".join(json.dumps({"text": f"Line {i}: the conveyor stopped at station {i}."}) + "\n"
                       for i in range(40))
        (folder / "calibration" / "train.jsonl").write_text(rows)
    return folder


def with_engine(profile: Profile, **changes: object) -> Profile:
    return profile.model_copy(update={"engine": profile.engine.model_copy(update=changes)})


@pytest.fixture
def phi3(tmp_path: Path) -> Path:
    return checkpoint(tmp_path / "phi-3")


@pytest.mark.parametrize("name", GPU_PROFILES)
def test_every_shipped_gpu_profile_plans(name: str, phi3: Path) -> None:
    profile = get_profile(name)
    plan = plan_gpu(profile, NO_GPU, MODELS[profile.engine.model], phi3, None)
    assert plan.refusals == []
    assert not plan.on_target
    assert plan.target.startswith(f"nominal memory of profile {name}")
    per_token = {"fp16": 393_216, "fp8": 196_608}[plan.kv_cache_dtype]  # 384 KiB, half in FP8
    assert plan.kv_bytes_per_token == per_token
    # Phi-3 on Ampere: int8_wo, since TensorRT-LLM's support matrix does not list INT4-AWQ for Phi.
    expected = {"9.0": "fp8", "8.9": "fp8", "8.0": "int8_wo", "8.7": "int4"}[
        plan.compute_capability or ""
    ]
    if profile.engine.backend == "onnx-genai-cuda":
        expected = "int4"
    assert plan.quantization == plan.recommended_quantization == expected
    assert plan.kv_cache_tokens == plan.kv_cache_bytes // plan.kv_bytes_per_token
    assert plan.kv_cache_bytes == int(plan.free_after_load_bytes * profile.engine.kv_cache_fraction)
    assert plan.max_seq_len <= 4096
    assert plan.max_input_len < plan.max_seq_len
    assert plan.full_length_sequences >= plan.max_batch_size or profile.engine.backend == "trtllm"
    assert plan.full_length_sequences >= 1
    assert any(
        line.startswith("KV cache per token: 2 (K,V) x 32 layers x 32 KV heads x 96")
        for line in plan.arithmetic
    )


def test_h100_arithmetic(phi3: Path) -> None:
    plan = plan_gpu(get_profile("h100"), H100, PHI3, phi3, None)
    assert plan.on_target
    assert plan.device_memory_bytes == (81_559 - 600) * MIB  # free memory at detection
    assert plan.weights_bytes == 3_623_878_656 + 197_001_216 * 2  # FP8 projections, FP16 embeddings
    assert (plan.trtllm_quant_algo, plan.trtllm_kv_cache_quant_algo) == ("FP8", "FP8")
    assert plan.calibration_dataset == str(phi3 / "calibration")
    assert 340_000 < plan.kv_cache_tokens < 380_000
    assert plan.max_batch_size == 128
    assert plan.chunked_context


def test_orin_nano_batch_is_what_the_static_kv_cache_holds(phi3: Path) -> None:
    plan = plan_gpu(get_profile("jetson-orin-nano-8gb"), ORIN_NANO, PHI3, phi3, None)
    assert plan.on_target and plan.backend == "onnx-genai-cuda"
    assert plan.device_memory_bytes == 7_802_348 * 1024
    assert plan.max_batch_size == 2 == plan.full_length_sequences
    bigger = with_engine(get_profile("jetson-orin-nano-8gb"), max_batch_size=8)
    lowered = plan_gpu(bigger, ORIN_NANO, PHI3, phi3, None)
    assert lowered.max_batch_size == 2
    assert any("max_batch_size lowered from 8 to 2" in n for n in lowered.notes)


def test_fp8_profile_on_an_ampere_gpu_is_refused(
    phi3: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # As on a machine with tensorrt-llm installed: the refusal, not the missing runtime, decides.
    monkeypatch.setitem(
        backends.BACKENDS,
        "trtllm",
        replace(
            backends.TRTLLM,
            runtime_libraries=("pytest",),
            engine_class="tests.engines.fake_backend:FakeEngine",
            builder="tests.engines.fake_backend:fake_builder",
            build_requires=(),
        ),
    )
    plan = plan_gpu(get_profile("h100"), A100, PHI3, phi3, None)
    assert any(
        "FP8 weights need an Ada or Hopper GPU (SM 8.9+), but this GPU (NVIDIA A100-PCIE-40GB) "
        "is SM 8.0: use int8_wo" in r
        for r in plan.refusals
    )
    store = EngineStore(tmp_path / "store")
    build_plan = plan_build(get_profile("h100"), A100, store, checkpoint=phi3)
    assert not build_plan.buildable
    assert any(n.startswith("REFUSED: FP8 weights") for n in build_plan.notes)
    with pytest.raises(BuildError, match="refused: FP8 weights") as refused:
        run_build(build_plan, store)
    assert refused.value.code == "plan_refused"


def test_weights_that_do_not_fit_are_refused_with_the_sums(phi3: Path) -> None:
    small = gpu_machine("NVIDIA L4", (8, 9), 4096, free_mib=4000)
    plan = plan_gpu(get_profile("l4"), small, PHI3, phi3, None)
    [refusal] = plan.refusals
    assert refusal.startswith("the weights do not fit: 3.91 GiB - 0.00 GiB reserve - 3.74 GiB weights")


def test_one_sequence_that_does_not_fit_is_refused(phi3: Path) -> None:
    tight = gpu_machine("NVIDIA L4", (8, 9), 7168, free_mib=6600)
    profile = with_engine(get_profile("l4"), kv_cache_dtype="fp16", kv_cache_fraction=0.1)
    plan = plan_gpu(profile, tight, PHI3, phi3, None)
    assert any(
        r.startswith("one sequence does not fit: it needs 3328 tokens x 384 KiB") for r in plan.refusals
    )


def test_long_context_is_capped_so_one_sequence_fits(tmp_path: Path) -> None:
    config = {**PHI3_CONFIG, "max_position_embeddings": 131072}
    folder = checkpoint(tmp_path / "phi-3-128k", config)
    profile = with_engine(get_profile("rtx-4090"), max_seq_len=131072, max_input_len=8192)
    plan = plan_gpu(profile, NO_GPU, MODELS["phi-3-mini-128k-instruct"], folder, None)
    assert plan.refusals == []
    assert plan.max_seq_len == plan.kv_cache_tokens < 131072
    assert any(f"max_seq_len capped from 131072 to {plan.kv_cache_tokens}" in n for n in plan.notes)
    # The 4k model on the same profile is capped by its own context instead.
    plan_4k = plan_gpu(profile, NO_GPU, PHI3, checkpoint(tmp_path / "4k"), None)
    assert plan_4k.max_seq_len == 4096


def test_awq_for_a_model_without_awq_is_refused(tmp_path: Path) -> None:
    config = {
        "architectures": ["LlamaForCausalLM"],
        "max_position_embeddings": 8192,
        "hidden_size": 576,
        "num_attention_heads": 9,
        "num_key_value_heads": 3,
        "num_hidden_layers": 30,
        "intermediate_size": 1536,
        "vocab_size": 49152,
        "tie_word_embeddings": True,
        "quantization_config": {"quant_method": "awq", "bits": 4},
    }
    folder = checkpoint(tmp_path / "smollm2-awq", config)
    profile = with_engine(get_profile("a100"), model="smollm2-135m-instruct", quantization="int4_awq")
    plan = plan_gpu(profile, NO_GPU, MODELS["smollm2-135m-instruct"], folder, None)
    assert (
        "INT4-AWQ is not available for smollm2-135m-instruct: set quantization = 'int8_wo' or "
        "'fp16' in the profile" in plan.refusals
    )
    assert any(
        r.startswith("the checkpoint holds AWQ weights, but smollm2-135m-instruct has no AWQ build")
        for r in plan.refusals
    )


def test_bad_checkpoints_are_refused_with_the_fix(tmp_path: Path) -> None:
    spec, profile = PHI3, get_profile("h100")
    empty = tmp_path / "empty"
    (empty / "weights").mkdir(parents=True)
    with pytest.raises(CheckpointError, match=r"has no config\.json, so it is not a Hugging Face checkpoint"):
        plan_gpu(profile, NO_GPU, spec, empty, None)
    long = checkpoint(tmp_path / "128k", {**PHI3_CONFIG, "max_position_embeddings": 131072})
    with pytest.raises(CheckpointError, match="Pass --model phi-3-mini-128k-instruct"):
        plan_gpu(profile, NO_GPU, spec, long, None)
    llama = checkpoint(tmp_path / "llama", {**PHI3_CONFIG, "architectures": ["LlamaForCausalLM"]})
    with pytest.raises(CheckpointError, match="describes a LlamaForCausalLM model, not Phi3ForCausalLM"):
        plan_gpu(profile, NO_GPU, spec, llama, None)
    broken = tmp_path / "broken"
    broken.mkdir()
    (broken / "config.json").write_text("{not json")
    with pytest.raises(CheckpointError, match="cannot be read as JSON"):
        plan_gpu(profile, NO_GPU, spec, broken, None)


def test_quantizing_without_local_calibration_text_is_refused(tmp_path: Path) -> None:
    folder = checkpoint(tmp_path / "phi-3", calibration=False)
    plan = plan_gpu(get_profile("h100"), H100, PHI3, folder, None)
    assert any("edged never downloads it" in r and "edged engine calib-data FILE... --out" in r
               for r in plan.refusals)
    (folder / "hf_quant_config.json").write_text(json.dumps({"quantization": {"quant_algo": "FP8"}}))
    prequantized = plan_gpu(get_profile("h100"), H100, PHI3, folder, None)
    assert prequantized.refusals == []
    assert prequantized.checkpoint_kind == "hf-prequantized"
    wrong = plan_gpu(get_profile("a100"), A100, PHI3, folder, None)
    assert any("already quantized (fp8) but the profile asks for int8_wo" in r for r in wrong.refusals)


def test_jetson_build_without_enough_swap_says_what_to_add(phi3: Path) -> None:
    host = HostMemory(
        mem_total_bytes=61 * GIB, mem_available_bytes=6 * GIB, swap_total_bytes=0, swap_free_bytes=0
    )
    plan = plan_gpu(get_profile("jetson-agx-orin-64gb"), AGX_ORIN, PHI3, phi3, host)
    [refusal] = plan.refusals
    # The ONNX builder holds the FP16 model and its export: 2 x 7.12 GiB + 1 GiB.
    assert refusal.startswith("the build needs about 15.23 GiB of RAM and swap but 6.00 GiB is available")
    assert "add at least 11 GiB of swap before building (sudo fallocate -l 11G /swapfile" in refusal
    assert refusal.endswith("(the OOM killer ends Jetson builds that run out)")
    roomy = host.model_copy(update={"mem_available_bytes": 40 * GIB})
    assert plan_gpu(get_profile("jetson-agx-orin-64gb"), AGX_ORIN, PHI3, phi3, roomy).refusals == []


def test_orin_nano_copies_a_built_onnx_model_without_conversion_memory(tmp_path: Path) -> None:
    folder = tmp_path / "cuda-int4-rtn-block-32"
    folder.mkdir()
    (folder / "genai_config.json").write_text(
        json.dumps({"model": {"decoder": {"session_options": {"provider_options": [{"cuda": {}}]}}}})
    )
    host = HostMemory(
        mem_total_bytes=7 * GIB, mem_available_bytes=5 * GIB, swap_total_bytes=0, swap_free_bytes=0
    )
    plan = plan_gpu(get_profile("jetson-orin-nano-8gb"), ORIN_NANO, PHI3, folder, host)
    assert plan.checkpoint_kind == "onnx-genai"
    assert plan.build_peak_bytes == 0
    assert plan.refusals == []
    converting = plan_gpu(
        get_profile("jetson-orin-nano-8gb"), ORIN_NANO, PHI3, checkpoint(tmp_path / "hf"), host
    )
    assert any(
        "pass the built ONNX folder (genai_config.json) as --checkpoint" in r for r in converting.refusals
    )
    (folder / "genai_config.json").write_text(json.dumps({"model": {"decoder": {"session_options": {}}}}))
    with pytest.raises(CheckpointError, match="built for another execution provider"):
        plan_gpu(get_profile("jetson-orin-nano-8gb"), ORIN_NANO, PHI3, folder, host)


def test_lora_slots_are_counted(phi3: Path) -> None:
    profile = with_engine(get_profile("h100"), lora_slots=4, lora_max_rank=16)
    plan = plan_gpu(profile, H100, PHI3, phi3, None)
    assert plan.lora_bytes == 4 * 32 * 16 * (12288 + 6144 + 19456 + 11264) * 2
    assert any(line.startswith("- LoRA: ") for line in plan.arithmetic)


def test_build_plan_carries_the_gpu_section(phi3: Path, tmp_path: Path) -> None:
    store = EngineStore(tmp_path / "store")
    plan = plan_build(
        get_profile("h100"),
        H100,
        store,
        checkpoint=phi3,
        host_memory=HostMemory(
            mem_total_bytes=GIB * 256, mem_available_bytes=GIB * 200, swap_total_bytes=0, swap_free_bytes=0
        ),
    )
    assert plan.gpu is not None and plan.gpu.on_target
    assert plan.context_length == plan.gpu.max_seq_len == 4096
    assert plan.fingerprint.build["chunked_context"] is True
    assert plan.fingerprint.build["checkpoint_kind"] == "hf"
    assert not plan.buildable  # tensorrt-llm is not installed on the test machine
    assert any("tensorrt-llm is not installed (pip install 'edged[trtllm]'" in n for n in plan.notes)
    with pytest.raises(BuildError) as refused:
        run_build(plan, store)
    assert refused.value.code == "backend_unavailable"


def test_checkpoint_and_tensorrt_llm_changes_force_a_rebuild(
    phi3: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setitem(
        backends.BACKENDS,
        "trtllm",
        replace(
            backends.TRTLLM,
            runtime_libraries=("pytest",),
            engine_class="tests.engines.fake_backend:FakeEngine",
            builder="tests.engines.fake_backend:fake_builder",
            build_requires=(),
        ),
    )
    monkeypatch.setitem(fake_backend.ANSWERS, "12 times 12", "144")  # Phi-3's third golden prompt
    monkeypatch.setitem(fake_backend.behaviour, "answer_wrong", False)
    monkeypatch.setitem(fake_backend.behaviour, "fail_in_builder", False)
    store, profile = EngineStore(tmp_path / "store"), get_profile("h100")
    run_build(plan_build(profile, H100, store, checkpoint=phi3), store)
    assert plan_build(profile, H100, store, checkpoint=phi3).action == "cached"
    (phi3 / "config.json").write_text(json.dumps({**PHI3_CONFIG, "torch_dtype": "bfloat16"}))
    changed = plan_build(profile, H100, store, checkpoint=phi3)
    assert changed.action == "rebuild"
    assert any(n.startswith("fingerprint changed: checkpoint_sha256") for n in changed.notes)
    monkeypatch.setattr(loader, "library_versions", lambda names: dict.fromkeys(names, "0.0-other"))
    with pytest.raises(FingerprintMismatch) as mismatch:
        load_engine(store, profile, H100)
    message = str(mismatch.value)
    assert "libraries.pytest: built with" in message
    assert message.endswith("Rebuild it here with: edged engine build --profile h100 --force")


def test_dry_run_json_prints_the_plan(phi3: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code = cli_main(
        [
            "engine",
            "build",
            "--profile",
            "h200",
            "--dry-run",
            "--json",
            "--checkpoint",
            str(phi3),
            "--store",
            str(tmp_path / "store"),
        ]
    )
    assert code == 0
    plan = json.loads(capsys.readouterr().out)
    assert plan["gpu"]["quantization"] == "fp8"
    assert plan["gpu"]["max_batch_size"] == 256
    assert any(line.startswith("KV cache: 0.9 x") for line in plan["gpu"]["arithmetic"])


def test_cuda_builder_copies_a_built_onnx_model(tmp_path: Path) -> None:
    from types import SimpleNamespace

    from edged.engines.build import SilentReporter
    from edged.engines.cuda_build import build_cuda_engine

    source = tmp_path / "cuda-int4"
    source.mkdir()
    (source / "genai_config.json").write_text('{"model": {"decoder": {"provider_options": [{"cuda": {}}]}}}')
    (source / "model.onnx").write_bytes(b"onnx")
    plan = SimpleNamespace(quantization="int4", checkpoint=str(source), profile="jetson-orin-nano-8gb")
    out = tmp_path / "out"
    toolchain = build_cuda_engine(plan, out, tmp_path, tmp_path / "log", SilentReporter())  # type: ignore[arg-type]
    assert (out / "model.onnx").read_bytes() == b"onnx"
    assert "onnxruntime-genai-cuda" in toolchain
    with pytest.raises(BuildError, match="cannot build quantization 'fp8'"):
        build_cuda_engine(
            SimpleNamespace(quantization="fp8", checkpoint=str(source), profile="x"),  # type: ignore[arg-type]
            out,
            tmp_path,
            tmp_path / "log",
            SilentReporter(),
        )
