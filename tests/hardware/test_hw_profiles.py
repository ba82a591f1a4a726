"""Profile files: the shipped ones load, and broken ones fail with file, key and remedy."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from edged.errors import ConfigError
from edged.hardware.facts import CpuFacts, GpuFacts, HardwareFacts, JetsonFacts
from edged.hardware.profiles import (
    PROFILES_DIR_ENV,
    Profile,
    default_profiles_dir,
    get_profile,
    load_profile,
    load_profiles,
)

EXPECTED = {
    "jetson-orin-nano-8gb",
    "jetson-orin-nx-16gb",
    "jetson-agx-orin-64gb",
    "rtx-4090",
    "l4",
    "a100",
    "h100",
    "h200",
    "cpu",
}

VALID_GPU_PROFILE = """\
name = "{name}"
description = "test"
priority = 10
fingerprint_fields = ["gpu.name"]

[match]
kind = "gpu"
gpu_names = ["A100"]
compute_capabilities = ["8.0"]

[engine]
backend = "trtllm"
model = "phi-3-mini-4k-instruct"
quantization = "int4_awq"
kv_cache_dtype = "fp16"
max_batch_size = 8
max_input_len = 2048
max_seq_len = 4096
max_num_tokens = 4096
kv_cache_fraction = 0.9
"""


def _write(directory: Path, name: str, text: str) -> Path:
    path = directory / f"{name}.toml"
    path.write_text(text)
    return path


def _variant(tmp_path: Path, name: str = "test-gpu", **replace: str) -> Path:
    text = VALID_GPU_PROFILE.format(name=name)
    for old, new in replace.items():
        line = re.compile(rf"^{old} = .*$", re.MULTILINE)
        assert line.search(text), old
        text = line.sub(new, text)
    return _write(tmp_path, name, text)


def _error(path: Path) -> str:
    with pytest.raises(ConfigError) as caught:
        load_profile(path)
    message = caught.value.message
    assert message.startswith(f"{path}: ")
    assert "\n" not in message
    return message


def test_every_shipped_profile_loads(shipped: dict[str, Profile], shipped_dir: Path) -> None:
    assert set(shipped) == EXPECTED
    assert list(shipped) == sorted(shipped)
    for name, profile in shipped.items():
        assert profile.name == name
        assert load_profile(shipped_dir / f"{name}.toml") == profile


def test_shipped_profiles_follow_the_design(shipped: dict[str, Profile]) -> None:
    lowest = min(p.priority for p in shipped.values())
    assert shipped["cpu"].priority == lowest
    assert all(p.priority > lowest for n, p in shipped.items() if n != "cpu")
    for profile in shipped.values():
        engine = profile.engine
        if profile.match.kind == "cpu":
            assert engine.backend == "onnx-genai-cpu"
            assert engine.model == "smollm2-135m-instruct"
            assert profile.fingerprint_fields == ["cpu.arch"]
            continue
        assert engine.model == "phi-3-mini-4k-instruct"
        assert engine.max_seq_len <= 4096  # Phi-3 Mini 4k's context
        ccs = profile.match.compute_capabilities
        if engine.backend == "onnx-genai-cuda":  # Orin Nano and NX (issue 6)
            assert engine.quantization == "int4"
        elif profile.match.kind == "jetson" or ccs in (["8.0"],):
            assert engine.quantization in {"int4_awq", "int8_wo"}
        else:
            assert engine.quantization == "fp8"
            assert engine.kv_cache_dtype == "fp8"


def test_h100_and_h200_differ_in_batch(shipped: dict[str, Profile]) -> None:
    assert shipped["h200"].engine.max_batch_size > shipped["h100"].engine.max_batch_size


def test_valid_variant_loads(tmp_path: Path) -> None:
    profile = load_profile(_variant(tmp_path))
    assert profile.engine.max_num_tokens == 4096
    assert profile.thermal.power_limit_w is None


def test_typo_key_names_file_key_and_valid_keys(tmp_path: Path) -> None:
    path = _variant(tmp_path, max_batch_size="max_batchsize = 8")
    message = _error(path)
    assert "unknown key 'engine.max_batchsize'" in message
    assert "did you mean 'max_batch_size'?" in message
    assert "valid keys: backend, model, quantization" in message


def test_unknown_top_level_key(tmp_path: Path) -> None:
    path = _variant(tmp_path, priority="priority = 10\nprio = 3")
    assert "unknown key 'prio' (did you mean 'priority'?" in _error(path)


def test_toml_syntax_error_names_the_file(tmp_path: Path) -> None:
    path = _write(tmp_path, "broken", 'name = "broken"\n[engine\nbackend = "trtllm"\n')
    message = _error(path)
    assert "is not valid TOML" in message
    assert "line 2" in message


def test_name_must_equal_file_stem(tmp_path: Path) -> None:
    path = _write(tmp_path, "l4-copy", VALID_GPU_PROFILE.format(name="l4"))
    message = _error(path)
    assert "key 'name' is 'l4' but the file is 'l4-copy.toml'" in message
    assert "Set name = 'l4-copy'" in message


def test_fp8_on_ampere_is_refused(tmp_path: Path) -> None:
    path = _variant(tmp_path, quantization='quantization = "fp8"')
    message = _error(path)
    assert "fp8 (weights or KV cache) needs compute capability 8.9+" in message
    assert "matches 8.0" in message
    assert "int4_awq" in message


def test_fp8_kv_cache_on_ampere_is_refused(tmp_path: Path) -> None:
    path = _variant(tmp_path, kv_cache_dtype='kv_cache_dtype = "fp8"')
    assert "matches 8.0" in _error(path)


def test_fp8_on_ada_is_accepted(tmp_path: Path) -> None:
    path = _variant(
        tmp_path,
        compute_capabilities='compute_capabilities = ["8.9", "9.0"]',
        quantization='quantization = "fp8"',
        kv_cache_dtype='kv_cache_dtype = "fp8"',
    )
    assert load_profile(path).engine.quantization == "fp8"


def test_fp8_needs_listed_compute_capabilities(tmp_path: Path) -> None:
    path = _variant(
        tmp_path,
        compute_capabilities="",
        quantization='quantization = "fp8"',
    )
    assert "list match.compute_capabilities" in _error(path)


def test_fp8_on_jetson_is_refused(shipped_dir: Path, tmp_path: Path) -> None:
    text = (shipped_dir / "jetson-agx-orin-64gb.toml").read_text()
    text = text.replace('kv_cache_dtype = "fp16"', 'kv_cache_dtype = "fp8"')
    message = _error(_write(tmp_path, "jetson-agx-orin-64gb", text))
    assert "a 'jetson' profile has none" in message


def test_trtllm_on_jetson_is_refused_naming_the_backend_that_runs(shipped_dir: Path, tmp_path: Path) -> None:
    # The only Jetson TensorRT-LLM (v0.12.0-jetson) lacks the LLM class the trtllm backend uses.
    text = (shipped_dir / "jetson-agx-orin-64gb.toml").read_text()
    text = text.replace('backend = "onnx-genai-cuda"', 'backend = "trtllm"').replace('"int4"', '"int4_awq"')
    message = _error(_write(tmp_path, "jetson-agx-orin-64gb", text))
    assert "backend 'trtllm' does not fit match.kind 'jetson'" in message
    assert "kind 'jetson' can use 'onnx-genai-cuda'" in message


def test_input_must_be_shorter_than_sequence(tmp_path: Path) -> None:
    path = _variant(tmp_path, max_input_len="max_input_len = 4096")
    assert "max_input_len (4096) must be below max_seq_len (4096)" in _error(path)


def test_num_tokens_must_hold_a_prompt_without_chunking(tmp_path: Path) -> None:
    path = _variant(tmp_path, max_num_tokens="max_num_tokens = 1024")
    message = _error(path)
    assert "max_num_tokens (1024) is below max_input_len (2048)" in message
    assert "chunked_context = true" in message


def test_num_tokens_may_be_smaller_with_chunked_context(tmp_path: Path) -> None:
    path = _variant(tmp_path, max_num_tokens="max_num_tokens = 1024\nchunked_context = true")
    assert load_profile(path).engine.chunked_context


def test_num_tokens_must_cover_the_batch(tmp_path: Path) -> None:
    path = _variant(
        tmp_path,
        max_batch_size="max_batch_size = 64",
        max_num_tokens="max_num_tokens = 32\nchunked_context = true",
    )
    assert "max_num_tokens (32) must be at least max_batch_size (64)" in _error(path)


def test_invalid_literal_lists_valid_values(tmp_path: Path) -> None:
    path = _variant(tmp_path, backend='backend = "vllm"')
    message = _error(path)
    assert "key 'engine.backend' is 'vllm'" in message
    assert "'trtllm', 'onnx-genai-cuda' or 'onnx-genai-cpu'" in message


def test_out_of_range_value(tmp_path: Path) -> None:
    path = _variant(tmp_path, kv_cache_fraction="kv_cache_fraction = 0.99")
    message = _error(path)
    assert "key 'engine.kv_cache_fraction' is 0.99" in message
    assert "less than or equal to 0.95" in message


def test_missing_key_is_named_with_its_meaning(tmp_path: Path) -> None:
    path = _variant(tmp_path, model="")
    assert "missing key 'engine.model' (Model id" in _error(path)


def test_onnx_quantization_with_trtllm_is_refused(tmp_path: Path) -> None:
    path = _variant(tmp_path, quantization='quantization = "int4"')
    assert "valid: int4_awq, int8_wo, fp8, fp16" in _error(path)


def test_cpu_backend_only_on_cpu_kind(tmp_path: Path) -> None:
    path = _variant(
        tmp_path,
        backend='backend = "onnx-genai-cpu"',
        quantization='quantization = "int8"',
        kv_cache_dtype='kv_cache_dtype = "fp32"',
    )
    assert "backend 'onnx-genai-cpu' does not fit match.kind 'gpu'" in _error(path)


def test_cpu_kind_needs_cpu_backend(shipped_dir: Path, tmp_path: Path) -> None:
    text = (shipped_dir / "cpu.toml").read_text()
    text = text.replace('backend = "onnx-genai-cpu"', 'backend = "onnx-genai-cuda"')
    text = text.replace('kv_cache_dtype = "fp32"', 'kv_cache_dtype = "fp16"')
    assert "does not fit match.kind 'cpu'" in _error(_write(tmp_path, "cpu", text))


def test_rule_fields_must_fit_kind(tmp_path: Path) -> None:
    path = _variant(tmp_path, gpu_names='gpu_names = ["A100"]\njetson_models = ["Orin"]')
    assert "key 'match': jetson_models does not apply to kind 'gpu'" in _error(path)


def test_compute_capability_format(tmp_path: Path) -> None:
    path = _variant(tmp_path, compute_capabilities='compute_capabilities = ["sm80"]')
    assert "key 'match.compute_capabilities': compute capability 'sm80'" in _error(path)


def test_fingerprint_fields_must_exist(tmp_path: Path) -> None:
    path = _variant(tmp_path, fingerprint_fields='fingerprint_fields = ["gpu.nmae"]')
    message = _error(path)
    assert "fingerprint field 'gpu.nmae' is not a detected fact" in message
    assert "gpu.name" in message


def test_fingerprint_fields_must_exist_on_that_kind(tmp_path: Path) -> None:
    path = _variant(tmp_path, fingerprint_fields='fingerprint_fields = ["jetson.model"]')
    assert "'jetson.model' is never detected on a 'gpu' machine" in _error(path)


def test_load_profiles_reports_every_broken_file(tmp_path: Path) -> None:
    _variant(tmp_path, name="good")
    _variant(tmp_path, name="bad-one", backend='backend = "x"')
    _write(tmp_path, "bad-two", "= nonsense")
    with pytest.raises(ConfigError) as caught:
        load_profiles(tmp_path)
    message = caught.value.message
    assert "bad-one.toml" in message
    assert "bad-two.toml" in message
    assert "good.toml" not in message


def test_load_profiles_empty_directory(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match="holds no hardware profiles"):
        load_profiles(tmp_path)


def test_load_profiles_missing_directory(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match="does not exist"):
        load_profiles(tmp_path / "nope")


def test_get_profile(shipped_dir: Path) -> None:
    assert get_profile("l4", shipped_dir).match.gpu_names == ["L4"]


@pytest.mark.parametrize("name", ["t4", "../hw-profiles/l4", "L4"])
def test_get_unknown_profile_lists_known_names(shipped_dir: Path, name: str) -> None:
    with pytest.raises(ConfigError) as caught:
        get_profile(name, shipped_dir)
    message = caught.value.message
    assert f"Unknown hardware profile {name!r}" in message
    assert "a100, cpu, h100, h200, jetson-agx-orin-64gb" in message


def test_get_profile_ignores_broken_neighbours(shipped_dir: Path, tmp_path: Path) -> None:
    _write(tmp_path, "l4", (shipped_dir / "l4.toml").read_text())
    _write(tmp_path, "broken", "[[[")
    assert get_profile("l4", tmp_path).name == "l4"


def test_default_dir_is_the_checkout(monkeypatch: pytest.MonkeyPatch, shipped_dir: Path) -> None:
    monkeypatch.delenv(PROFILES_DIR_ENV, raising=False)
    assert default_profiles_dir() == shipped_dir


def test_default_dir_env_override(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv(PROFILES_DIR_ENV, str(tmp_path))
    assert default_profiles_dir() == tmp_path
    with pytest.raises(ConfigError, match="holds no hardware profiles"):
        load_profiles()


def _facts_with_gpu() -> HardwareFacts:
    cpu = CpuFacts(arch="x86_64", model=None, cores=8, memory_total_bytes=64 * 1024**3)
    gpu = GpuFacts(
        index=0,
        name="NVIDIA L4",
        compute_capability=(8, 9),
        memory_total_bytes=23_034 * 1024**2,
        memory_free_bytes=None,
        driver_version="550.54.15",
        cuda_driver_version=None,
    )
    return HardwareFacts(kind="gpu", cpu=cpu, gpus=[gpu], nvml_status="ok")


def test_hardware_identity_of_a_gpu(shipped: dict[str, Profile]) -> None:
    identity = shipped["l4"].hardware_identity(_facts_with_gpu())
    assert identity == {
        "gpu.name": "NVIDIA L4",
        "gpu.compute_capability": "8.9",
        "gpu.memory_total_bytes": str(23_034 * 1024**2),
        "gpu.driver_version": "550.54.15",
        "gpu.cuda_driver_version": "absent",
    }


def test_hardware_identity_of_a_jetson(shipped: dict[str, Profile]) -> None:
    cpu = CpuFacts(arch="aarch64", model=None, cores=12, memory_total_bytes=1024)
    jetson = JetsonFacts(
        model="NVIDIA Jetson AGX Orin Developer Kit",
        compatible=["nvidia,p3737-0000+p3701-0005", "nvidia,p3701-0005", "nvidia,tegra234"],
        l4t_release=None,
        memory_total_bytes=1024,
    )
    facts = HardwareFacts(kind="jetson", cpu=cpu, jetson=jetson, nvml_status="n/a")
    identity = shipped["jetson-agx-orin-64gb"].hardware_identity(facts)
    assert identity["jetson.compatible"] == ("nvidia,p3737-0000+p3701-0005 nvidia,p3701-0005 nvidia,tegra234")
    assert identity["jetson.l4t_release"] == "absent"
    assert identity["jetson.memory_total_bytes"] == "1024"
    # A GPU profile applied to a machine without a GPU: every field absent, no crash.
    assert set(shipped["h100"].hardware_identity(facts).values()) == {"absent"}
