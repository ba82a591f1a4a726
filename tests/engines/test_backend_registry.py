"""Adding a backend is one module and one registry call: a tiny backend written into a temporary
package is validated in profiles, planned, built and loaded like the shipped ones, and an unknown
name is a ConfigError naming the registered ones."""

from __future__ import annotations

import json
import sys
import textwrap
from collections.abc import Iterator
from pathlib import Path

import pytest

from edged import backends
from edged.backends import BackendSpec, FormatRule, GpuRules, backend_spec, register
from edged.engines.build import plan_build, run_build
from edged.engines.gpu_plan import GIB, plan_gpu
from edged.engines.loader import load_engine
from edged.engines.models import MODELS
from edged.engines.store import EngineStore
from edged.errors import ConfigError
from edged.hardware.facts import CpuFacts, HardwareFacts
from edged.hardware.profiles import Profile, get_profile, load_profile
from edged.vocabulary import BACKEND_NAMES

# The whole backend: an engine that answers the golden prompts, and a builder that writes its folder.
TINY_MODULE = '''
from edged.engines.base import EngineHealth, GenerationResult, LabelScore, Timings

ANSWERS = {"France": "Paris", "planet": "Earth", "ocean": "Pacific"}


def build(plan, out_dir, work_dir, log, reporter):
    reporter.start("convert", "tiny conversion")
    out_dir.mkdir(parents=True)
    (out_dir / "tiny.json").write_text('{"answers": "built in"}')
    reporter.done("convert", "done")
    return {"tiny-tool": "1.0"}


class TinyEngine:
    def __init__(self, path, info):
        self.path, self._info = path, info

    @property
    def info(self):
        return self._info

    def count_tokens(self, messages):
        return sum(len(m.content.split()) for m in messages)

    def generate(self, requests, on_token=None):
        results = []
        for request in requests:
            question = request.messages[-1].content
            text = next((a for k, a in ANSWERS.items() if k in question), "A long story.")
            results.append(GenerationResult(
                text=text, token_ids=(1, 2), logprobs=(-0.1, -0.2), finish_reason="stop",
                prompt_tokens=self.count_tokens(request.messages),
                timings=Timings(prefill_ms=1.0, ttft_ms=1.0, decode_ms=2.0, total_ms=3.0),
            ))
        return results

    def score_labels(self, messages, labels, *, complete=True, deadline=None, adapter=None):
        return [LabelScore(label, -1.0, 1) for label in labels]

    def health(self):
        return EngineHealth(True, "tiny", 0.0)

    def close(self):
        pass
'''

TINY_PROFILE = """\
name = "{name}"
description = "a machine served by the tiny backend"
priority = 1
fingerprint_fields = ["cpu.arch"]

[match]
kind = "cpu"

[engine]
backend = "{backend}"
model = "smollm2-135m-instruct"
quantization = "{quantization}"
kv_cache_dtype = "fp32"
max_batch_size = 4
max_input_len = 1024
max_seq_len = 2048
max_num_tokens = 1024
kv_cache_fraction = 0.5
"""


def _tiny_spec(name: str, **rules: object) -> BackendSpec:
    fields: dict[str, object] = {
        "name": name,
        "title": "Tiny",
        "engine_class": "tinypkg.tiny:TinyEngine",
        "builder": "tinypkg.tiny:build",
        "extra": "cpu",
        "runtime_libraries": ("pytest",),
        "match_kinds": ("cpu",),
        "quantizations": ("int8",),
        "kv_cache_dtypes": ("fp32",),
        **rules,
    }
    return BackendSpec(**fields)  # type: ignore[arg-type]


@pytest.fixture
def tiny_package(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """The tiny backend's module in a temporary package on sys.path; the registry restored after."""
    package = tmp_path / "plugins" / "tinypkg"
    package.mkdir(parents=True)
    (package / "__init__.py").write_text("")
    (package / "tiny.py").write_text(textwrap.dedent(TINY_MODULE))
    monkeypatch.syspath_prepend(str(tmp_path / "plugins"))
    before = dict(backends.BACKENDS)
    yield
    backends.BACKENDS.clear()
    backends.BACKENDS.update(before)
    for module in ("tinypkg.tiny", "tinypkg"):
        sys.modules.pop(module, None)


def _profile_file(folder: Path, backend: str, *, name: str = "tiny", quantization: str = "int8") -> Path:
    path = folder / f"{name}.toml"
    path.write_text(TINY_PROFILE.format(name=name, backend=backend, quantization=quantization))
    return path


def test_the_shipped_backends_are_the_vocabulary() -> None:
    assert tuple(spec.name for spec in backends.SHIPPED) == BACKEND_NAMES
    assert all(backend_spec(name) is spec for name, spec in zip(BACKEND_NAMES, backends.SHIPPED, strict=True))


@pytest.mark.usefixtures("tiny_package")
def test_a_profile_naming_a_registered_backend_validates_by_its_rules(tmp_path: Path) -> None:
    with pytest.raises(ConfigError):
        load_profile(_profile_file(tmp_path, "tiny-cpu"))
    register(_tiny_spec("tiny-cpu"))  # the one line that adds the backend
    assert load_profile(_profile_file(tmp_path, "tiny-cpu")).engine.backend == "tiny-cpu"
    # Its own rules apply: the formats it declared, the kinds it runs on.
    with pytest.raises(ConfigError) as wrong_format:
        load_profile(_profile_file(tmp_path, "tiny-cpu", quantization="int4"))
    assert "'int4' is not available with backend 'tiny-cpu'; valid: int8" in wrong_format.value.message
    gpu_only = get_profile("cpu").model_dump()
    gpu_only["engine"].update(backend="trtllm", quantization="fp16", kv_cache_dtype="fp16")
    with pytest.raises(ValueError, match=r"does not fit match\.kind") as refused:
        Profile.model_validate(gpu_only)
    assert ("'trtllm' does not fit match.kind 'cpu': it runs on kind 'gpu'; kind 'cpu' can "
            "use 'onnx-genai-cpu' or 'tiny-cpu'") in str(refused.value)


@pytest.mark.usefixtures("tiny_package")
def test_the_build_and_the_loader_pick_up_a_registered_backend(
    tmp_path: Path, machine: HardwareFacts,
) -> None:
    register(_tiny_spec("tiny-cpu"))
    profile = load_profile(_profile_file(tmp_path, "tiny-cpu"))
    checkpoint = tmp_path / "model.gguf"
    checkpoint.write_bytes(b"GGUF" + b"\0" * 64)
    store = EngineStore(tmp_path / "store")
    plan = plan_build(profile, machine, store, checkpoint=checkpoint)
    assert (plan.backend, plan.gpu, plan.buildable) == ("tiny-cpu", None, True)
    assert set(plan.fingerprint.libraries) == {"pytest"}  # the spec's runtime libraries bind it
    outcome = run_build(plan, store)
    assert outcome.manifest.toolchain == {"tiny-tool": "1.0"}  # the tiny builder ran
    assert [s.passed for s in outcome.manifest.smoke] == [True, True, True]
    engine = load_engine(store, profile, machine)
    assert type(engine).__module__ == "tinypkg.tiny"
    assert engine.info.backend == "tiny-cpu"


@pytest.mark.usefixtures("tiny_package")
def test_the_gpu_planner_asks_a_registered_backend_for_its_rules(tmp_path: Path) -> None:
    register(_tiny_spec(
        "tiny-gpu",
        match_kinds=("gpu",),
        quantizations=("int8_wo", "fp16"),
        kv_cache_dtypes=("fp16",),
        gpu=GpuRules(
            recommended=(FormatRule((8, 0), "int8_wo", "fp16"), FormatRule((0, 0), "fp16", "fp16")),
            runtime_reserve_gib=0.25,
            build_overhead_gib=1.0,
            kv_cache="static",
            build_memory="export",
        ),
    ))
    data = get_profile("l4").model_dump()
    data["engine"].update(backend="tiny-gpu", quantization="int8_wo", kv_cache_dtype="fp16",
                          max_batch_size=64, chunked_context=False, max_num_tokens=4096)
    profile = Profile.model_validate(data)
    folder = tmp_path / "phi-3"
    folder.mkdir()
    (folder / "config.json").write_text(json.dumps({"architectures": ["Phi3ForCausalLM"]}))
    elsewhere = HardwareFacts(kind="cpu", cpu=CpuFacts(arch="x86_64", cores=2, memory_total_bytes=GIB),
                              nvml_status="none")
    plan = plan_gpu(profile, elsewhere, MODELS["phi-3-mini-4k-instruct"], folder, None)
    assert plan.backend == "tiny-gpu"
    assert plan.recommended_quantization == "int8_wo"  # its own rule for the L4's SM 8.9
    assert plan.runtime_reserve_bytes == GIB // 4
    assert plan.trtllm_quant_algo is None  # it declared no native format names
    assert plan.max_batch_size == plan.full_length_sequences < 64  # static KV cache: batch lowered
    assert any("Tiny allocates the KV cache of every batch row" in note for note in plan.notes)


@pytest.mark.usefixtures("tiny_package")
def test_an_unknown_backend_is_a_config_error_naming_the_registered_ones(tmp_path: Path) -> None:
    register(_tiny_spec("tiny-cpu"))
    with pytest.raises(ConfigError) as caught:
        load_profile(_profile_file(tmp_path, "vllm"))
    message = caught.value.message
    assert "key 'engine.backend' is 'vllm'" in message
    assert "'trtllm', 'onnx-genai-cuda', 'onnx-genai-cpu' or 'tiny-cpu'" in message
    with pytest.raises(ConfigError, match="Unknown engine backend 'vllm': the registered backends are 'trt"):
        backend_spec("vllm")


@pytest.mark.usefixtures("tiny_package")
def test_a_taken_name_is_refused() -> None:
    with pytest.raises(ConfigError, match="'trtllm' is already registered"):
        register(_tiny_spec("trtllm"))
    assert backend_spec("trtllm") is backends.TRTLLM
