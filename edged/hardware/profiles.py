"""Hardware profiles: the schema of ``hw-profiles/*.toml`` and its loader.

A profile says how to recognise a machine and how to build and run the model on it. The models
validate data only; ``load_profile`` does the reading and turns every problem into a
``ConfigError`` naming the file, the key and what would be valid.
"""

from __future__ import annotations

import os
import re
from pathlib import Path
from typing import Literal

from pydantic import BaseModel, Field, field_validator, model_validator

from edged.backends import BACKENDS, backend_spec, describe_names
from edged.basemodel import StrictModel
from edged.errors import ConfigError
from edged.hardware.engine_settings import STORE_NAME, EngineSettings
from edged.hardware.facts import CpuFacts, GpuFacts, HardwareFacts, JetsonFacts
from edged.tomlfile import load_model

__all__ = [
    "PROFILES_DIR_ENV",
    "EngineSettings",
    "MemoryBudget",
    "Profile",
    "ProfileMatchRule",
    "ThermalLimits",
    "default_profiles_dir",
    "get_profile",
    "load_profile",
    "load_profiles",
]

PROFILES_DIR_ENV = "EDGED_PROFILES_DIR"

_CC = re.compile(r"^\d+\.\d+$")
# Ada (8.9) is the first architecture with FP8 tensor cores; Hopper is 9.0.
_FP8_MIN_CC = (8, 9)

_FINGERPRINT_SECTIONS: dict[str, type[BaseModel]] = {
    "cpu": CpuFacts,
    "jetson": JetsonFacts,
    "gpu": GpuFacts,
}
_FINGERPRINT_PATHS = frozenset(
    {"kind"}
    | {
        f"{section}.{field}"
        for section, model in _FINGERPRINT_SECTIONS.items()
        for field in model.model_fields
    },
)
# Which sections exist on a machine of each kind: a Jetson has no NVML GPU and a CPU machine
# neither, so binding an engine to such a field would fingerprint "absent" forever.
_SECTIONS_BY_KIND = {"jetson": {"cpu", "jetson"}, "gpu": {"cpu", "gpu"}, "cpu": {"cpu"}}


def _cc_tuple(text: str) -> tuple[int, int]:
    major, minor = text.split(".")
    return int(major), int(minor)


class ProfileMatchRule(StrictModel):
    """How to recognise the hardware. Every listed condition must hold; a list matches if any
    of its entries does."""

    kind: Literal["jetson", "gpu", "cpu"] = Field(
        description="Which detected kind this profile is for: 'jetson' (device tree), 'gpu' "
        "(NVML) or 'cpu' (any machine; the fallback).",
    )
    jetson_models: list[str] = Field(
        default_factory=list,
        description="Words to find in /proc/device-tree/model, case-insensitive, as whole "
        "words (e.g. 'AGX Orin'). Jetson only; with jetson_compatible, either may match.",
    )
    jetson_compatible: list[str] = Field(
        default_factory=list,
        description="Module compatible strings, e.g. 'nvidia,p3701-0005'; matched against each "
        "entry of /proc/device-tree/compatible, including the module half of a "
        "'carrier+module' entry and its '-super' variant. Jetson only.",
    )
    gpu_names: list[str] = Field(
        default_factory=list,
        description="Words to find in the NVML GPU name, case-insensitive, as whole words, so "
        "'L4' matches 'NVIDIA L4' but not 'NVIDIA L40S'. GPU only.",
    )
    compute_capabilities: list[str] = Field(
        default_factory=list,
        description="Accepted CUDA compute capabilities as 'major.minor', e.g. ['9.0']. GPU only.",
    )
    min_memory_gib: float | None = Field(
        default=None,
        gt=0,
        description="Least memory in GiB: the GPU's for 'gpu', MemTotal for 'jetson' and 'cpu'.",
    )
    max_memory_gib: float | None = Field(
        default=None,
        gt=0,
        description="Most memory in GiB, measured like min_memory_gib.",
    )
    arch: list[Literal["x86_64", "aarch64"]] = Field(
        default_factory=list,
        description="CPU architectures accepted; empty accepts any. CPU only.",
    )

    @field_validator("compute_capabilities")
    @classmethod
    def _cc_format(cls, values: list[str]) -> list[str]:
        for value in values:
            if not _CC.match(value):
                raise ValueError(
                    f"compute capability {value!r} is not 'major.minor' (e.g. '8.9', '9.0')",
                )
        return values

    @model_validator(mode="after")
    def _fields_fit_kind(self) -> ProfileMatchRule:
        allowed = {
            "jetson": {"jetson_models", "jetson_compatible"},
            "gpu": {"gpu_names", "compute_capabilities"},
            "cpu": {"arch"},
        }[self.kind]
        for name in ("jetson_models", "jetson_compatible", "gpu_names", "compute_capabilities"):
            if getattr(self, name) and name not in allowed:
                raise ValueError(f"{name} does not apply to kind {self.kind!r}")
        if self.arch and "arch" not in allowed:
            raise ValueError(f"arch applies to kind 'cpu' only, not {self.kind!r}")
        if self.kind == "jetson" and not (self.jetson_models or self.jetson_compatible):
            raise ValueError("a 'jetson' rule needs jetson_models or jetson_compatible")
        if self.kind == "gpu" and not (self.gpu_names or self.compute_capabilities):
            raise ValueError("a 'gpu' rule needs gpu_names or compute_capabilities")
        if (
            self.min_memory_gib is not None
            and self.max_memory_gib is not None
            and self.min_memory_gib > self.max_memory_gib
        ):
            raise ValueError(
                f"min_memory_gib ({self.min_memory_gib}) is above max_memory_gib ({self.max_memory_gib})",
            )
        return self



class MemoryBudget(StrictModel):
    """What the build plan may assume about memory when it cannot measure the machine."""

    nominal_gib: float | None = Field(
        default=None,
        gt=0,
        description="Device memory in GiB to plan with when planning for this profile on another "
        "machine (`--dry-run` elsewhere): the smallest card or module it matches, as NVML or "
        "MemTotal reports it. Default: match.min_memory_gib.",
    )
    system_reserve_gib: float = Field(
        default=0.0,
        ge=0,
        description="GiB the plan leaves to everything else on the device: the OS and other "
        "services on a Jetson (whose GPU shares system RAM), a display on a workstation card.",
    )


class ThermalLimits(StrictModel):
    """Limits telemetry and the scheduler hold the hardware to; None where not applicable."""

    gpu_throttle_c: float | None = Field(
        default=None,
        description="GPU temperature in degrees C at which the hardware starts slowing down; "
        "above it edged reports 'degraded'.",
    )
    gpu_max_c: float | None = Field(
        default=None,
        description="GPU temperature in degrees C at which the hardware shuts down or hard-"
        "throttles; edged stops taking local work before it.",
    )
    power_limit_w: float | None = Field(
        default=None,
        gt=0,
        description="Power in watts the module or board is sized for (Jetson power mode, GPU "
        "board power); telemetry flags draw above it.",
    )

    @model_validator(mode="after")
    def _ordered(self) -> ThermalLimits:
        if (
            self.gpu_throttle_c is not None
            and self.gpu_max_c is not None
            and self.gpu_throttle_c > self.gpu_max_c
        ):
            raise ValueError(
                f"gpu_throttle_c ({self.gpu_throttle_c}) is above gpu_max_c ({self.gpu_max_c})",
            )
        return self


class Profile(StrictModel):
    """One hardware profile: how to recognise the machine and how to run the model on it."""

    name: str = Field(description="Profile name; must equal the file name without '.toml'.")
    description: str = Field(description="One line for people: which hardware this is for.")
    priority: int = Field(
        description="When several profiles match, the highest priority wins; the cpu fallback "
        "has the lowest.",
    )
    match: ProfileMatchRule = Field(description="How to recognise the hardware.")
    engine: EngineSettings = Field(description="How to build and run the model.")
    thermal: ThermalLimits = Field(
        default_factory=ThermalLimits,
        description="Temperature and power limits; all None for cpu.",
    )
    memory: MemoryBudget = Field(
        default_factory=MemoryBudget,
        description="Memory the build plan assumes off the target machine, and what it leaves free.",
    )
    fingerprint_fields: list[str] = Field(
        min_length=1,
        description="Detected facts that bind a built engine to this hardware, as dotted paths "
        "into HardwareFacts ('gpu.*' is the first GPU), e.g. ['gpu.name', "
        "'gpu.compute_capability'].",
    )

    @field_validator("name")
    @classmethod
    def _name_format(cls, value: str) -> str:
        if not STORE_NAME.match(value):
            raise ValueError(
                f"profile name {value!r} must be lowercase letters, digits, '.', '_' or '-'",
            )
        return value

    @model_validator(mode="after")
    def _consistent(self) -> Profile:
        kind = self.match.kind
        backend = self.engine.backend
        spec = backend_spec(backend)
        if kind not in spec.match_kinds:
            fitting = tuple(b.name for b in BACKENDS.values() if kind in b.match_kinds)
            raise ValueError(
                f"backend {backend!r} does not fit match.kind {kind!r}: it runs on kind "
                f"{describe_names(spec.match_kinds)}; kind {kind!r} can use "
                f"{describe_names(fitting) if fitting else 'no registered backend'}",
            )
        uses_fp8 = "fp8" in (self.engine.quantization, self.engine.kv_cache_dtype)
        if uses_fp8:
            self._check_fp8()
        sections = _SECTIONS_BY_KIND[kind]
        for path in self.fingerprint_fields:
            if path not in _FINGERPRINT_PATHS:
                raise ValueError(
                    f"fingerprint field {path!r} is not a detected fact; valid: "
                    f"{', '.join(sorted(_FINGERPRINT_PATHS))}",
                )
            section = path.partition(".")[0]
            if section != "kind" and section not in sections:
                raise ValueError(
                    f"fingerprint field {path!r} is never detected on a {kind!r} machine; "
                    f"use fields of {', '.join(sorted(sections))}",
                )
        return self

    def _check_fp8(self) -> None:
        where = "fp8 (weights or KV cache)"
        if self.match.kind != "gpu":
            raise ValueError(
                f"{where} needs an Ada or Hopper GPU (compute capability 8.9+); a "
                f"{self.match.kind!r} profile has none. Use int4_awq/int8_wo with an fp16 or "
                "int8 KV cache",
            )
        ccs = self.match.compute_capabilities
        if not ccs:
            raise ValueError(
                f"{where} needs compute capability 8.9+; list match.compute_capabilities so "
                "the profile cannot match an older GPU",
            )
        too_old = [cc for cc in ccs if _cc_tuple(cc) < _FP8_MIN_CC]
        if too_old:
            raise ValueError(
                f"{where} needs compute capability 8.9+ (Ada, Hopper), but the profile matches "
                f"{', '.join(too_old)}; on Ampere and Orin use int4_awq or int8_wo with an fp16 "
                "or int8 KV cache",
            )

    def hardware_identity(self, facts: HardwareFacts) -> dict[str, str]:
        """The fingerprint fields' values on ``facts``, as strings; 'absent' where missing."""
        return {path: _fact_text(facts, path) for path in self.fingerprint_fields}


def _fact_text(facts: HardwareFacts, path: str) -> str:
    section, _, attr = path.partition(".")
    if not attr:
        return _value_text(getattr(facts, section, None))
    holder: BaseModel | None
    if section == "gpu":
        holder = facts.gpu()
    elif section == "jetson":
        holder = facts.jetson
    else:
        holder = facts.cpu
    return _value_text(None if holder is None else getattr(holder, attr, None))


def _value_text(value: object) -> str:
    if value is None:
        return "absent"
    if isinstance(value, tuple):
        # Compute capability (9, 0) reads "9.0", as NVIDIA writes it.
        return ".".join(str(part) for part in value)
    if isinstance(value, list):
        # Device-tree compatible strings hold commas but never spaces.
        return " ".join(str(part) for part in value)
    return str(value)


# --- loading -------------------------------------------------------------------------------


def default_profiles_dir() -> Path:
    """$EDGED_PROFILES_DIR, else the repository's hw-profiles/, else the copy in the wheel."""
    override = os.environ.get(PROFILES_DIR_ENV)
    if override:
        return Path(override).expanduser()
    checkout = Path(__file__).resolve().parents[2] / "hw-profiles"
    if checkout.is_dir():
        return checkout
    return Path(__file__).resolve().parents[1] / "_data" / "hw-profiles"


def load_profile(path: Path) -> Profile:
    """Read and validate one profile file; any problem is a ConfigError naming file and key."""
    if not path.is_file():
        raise ConfigError(
            f"{path}: no such profile file. List the profiles with `edged hw detect` and check "
            f"the directory (set ${PROFILES_DIR_ENV} to use another).",
        )
    profile = load_model(Profile, path, "profile", "Fix the profile and run `edged hw detect` to check it.")
    if profile.name != path.stem:
        raise ConfigError(
            f"{path}: key 'name' is {profile.name!r} but the file is {path.name!r}; a profile's "
            f"name must equal its file name. Set name = {path.stem!r} or rename the file to "
            f"'{profile.name}.toml'.",
        )
    return profile


def load_profiles(directory: Path | None = None) -> dict[str, Profile]:
    """Every ``*.toml`` in the directory, by name in sorted order; all problems reported at once."""
    folder = directory if directory is not None else default_profiles_dir()
    if not folder.is_dir():
        raise ConfigError(
            f"{folder}: the hardware profile directory does not exist. Point "
            f"${PROFILES_DIR_ENV} at a directory of *.toml profiles, or reinstall edged.",
        )
    files = sorted(folder.glob("*.toml"))
    if not files:
        raise ConfigError(
            f"{folder}: holds no hardware profiles (*.toml), so no hardware can be matched. "
            f"Copy the profiles shipped in edged's hw-profiles/ there, or unset "
            f"${PROFILES_DIR_ENV}.",
        )
    profiles: dict[str, Profile] = {}
    problems: list[str] = []
    for file in files:
        try:
            profiles[file.stem] = load_profile(file)
        except ConfigError as err:
            problems.append(err.message)
    if problems:
        raise ConfigError(" ".join(problems))
    return profiles


def get_profile(name: str, directory: Path | None = None) -> Profile:
    """The profile called ``name``; reads only that file, so a broken neighbour does not matter."""
    folder = directory if directory is not None else default_profiles_dir()
    known = sorted(file.stem for file in folder.glob("*.toml")) if folder.is_dir() else []
    if not STORE_NAME.match(name) or name not in known:
        choices = ", ".join(known) if known else "none"
        raise ConfigError(
            f"Unknown hardware profile {name!r} (profiles in {folder}: {choices}). Use one of "
            "those names, or 'auto' where the command accepts it to pick by detection.",
        )
    return load_profile(folder / f"{name}.toml")
