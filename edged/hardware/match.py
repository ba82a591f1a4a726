"""Match detected hardware to profiles, with a verdict and its reasons for every profile.

The highest-priority matching profile is chosen; the report says why each other one was
rejected or passed over, so an operator never has to guess.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from pydantic import Field

from edged.basemodel import StrictModel
from edged.errors import ConfigError
from edged.hardware.facts import HardwareFacts
from edged.hardware.profiles import Profile, ProfileMatchRule

__all__ = ["MatchReport", "ProfileVerdict", "match_profiles", "matches_word"]

_GIB = 1024**3


class ProfileVerdict(StrictModel):
    """Whether one profile fits this machine, and why (or why not)."""

    name: str = Field(description="Profile name.")
    matched: bool = Field(description="True if the profile's match rule holds on this machine.")
    reasons: list[str] = Field(
        description="Why it was rejected (every failed condition), or why it matched and, if "
        "it was not chosen, which profile won.",
    )


class MatchReport(StrictModel):
    """The detected facts, the chosen profile and a verdict per profile (chosen one first)."""

    facts: HardwareFacts = Field(description="What detection found.")
    chosen: Profile = Field(description="The highest-priority profile that matched.")
    verdicts: list[ProfileVerdict] = Field(
        description="One per profile: the chosen one first, then the other matches by "
        "priority, then the rejected ones by name.",
    )


def matches_word(needle: str, haystack: str) -> bool:
    """Case-insensitive match of ``needle`` as whole words, so 'L4' is not found in 'L40S'."""
    pattern = r"(?<![A-Za-z0-9])" + re.escape(needle.strip()) + r"(?![A-Za-z0-9])"
    return re.search(pattern, haystack, flags=re.IGNORECASE) is not None


def match_profiles(facts: HardwareFacts, profiles: dict[str, Profile]) -> MatchReport:
    """Choose the highest-priority matching profile (ties go to the first name)."""
    if not profiles:
        raise ConfigError(
            "No hardware profiles were loaded, so this machine cannot be matched. Install "
            "edged's hw-profiles (at least cpu.toml) or point $EDGED_PROFILES_DIR at them.",
        )
    judged = {name: _judge(profile.match, facts) for name, profile in sorted(profiles.items())}
    matched = sorted(
        (name for name, (ok, _) in judged.items() if ok),
        key=lambda name: (-profiles[name].priority, name),
    )
    if not matched:
        details = "; ".join(f"{name}: {' '.join(judged[name][1])}" for name in judged)
        raise ConfigError(
            f"No hardware profile matches this machine ({_summary(facts)}): {details}. Add the "
            "cpu profile shipped with edged (it matches any x86_64 or aarch64 machine), or a "
            "profile for this hardware, to the profiles directory.",
        )
    chosen = profiles[matched[0]]
    verdicts = [ProfileVerdict(name=chosen.name, matched=True, reasons=judged[matched[0]][1])]
    for name in matched[1:]:
        other = profiles[name]
        if other.priority == chosen.priority:
            why = f"'{chosen.name}' was chosen: same priority {chosen.priority}, earlier by name"
        else:
            why = f"'{chosen.name}' was chosen: higher priority ({chosen.priority} > {other.priority})"
        verdicts.append(ProfileVerdict(name=name, matched=True, reasons=[*judged[name][1], why]))
    verdicts.extend(
        ProfileVerdict(name=name, matched=False, reasons=reasons)
        for name, (ok, reasons) in judged.items()
        if not ok
    )
    return MatchReport(facts=facts, chosen=chosen, verdicts=verdicts)


def _judge(rule: ProfileMatchRule, facts: HardwareFacts) -> tuple[bool, list[str]]:
    if rule.kind == "jetson":
        return _judge_jetson(rule, facts)
    if rule.kind == "gpu":
        return _judge_gpu(rule, facts)
    return _judge_cpu(rule, facts)


def _judge_jetson(rule: ProfileMatchRule, facts: HardwareFacts) -> tuple[bool, list[str]]:
    wanted = _jetson_wanted(rule)
    jetson = facts.jetson
    if jetson is None:
        return False, [f"needs a Jetson module with {wanted}; this machine has no Jetson device tree"]
    failures: list[str] = []
    model_hit = next((m for m in rule.jetson_models if matches_word(m, jetson.model)), None)
    entries = _compatible_forms(jetson.compatible)
    compat_hit = next((c for c in rule.jetson_compatible if c.lower() in entries), None)
    if model_hit is None and compat_hit is None:
        failures.append(
            f"Jetson '{jetson.model}' (compatible {', '.join(jetson.compatible) or 'none'}) is "
            f"not a module this profile covers (it needs {wanted})",
        )
    failures += _memory_failures(rule, jetson.memory_total_bytes, "Jetson memory (MemTotal)")
    if failures:
        return False, failures
    how = f"compatible '{compat_hit}'" if compat_hit else f"model matches '{model_hit}'"
    return True, [
        f"Jetson '{jetson.model}': {how}, {_gib(jetson.memory_total_bytes)} GiB of memory",
    ]


def _judge_gpu(rule: ProfileMatchRule, facts: HardwareFacts) -> tuple[bool, list[str]]:
    gpu = facts.gpu()
    if gpu is None:
        wanted = _gpu_wanted(rule)
        if facts.jetson is not None:
            return False, [
                f"needs an NVIDIA GPU {wanted} seen through NVML; this machine is a Jetson "
                f"('{facts.jetson.model}'), whose integrated GPU the jetson profiles cover",
            ]
        return False, [
            f"needs an NVIDIA GPU {wanted}; NVML found none ({facts.nvml_status})",
        ]
    failures: list[str] = []
    if rule.gpu_names and not any(matches_word(n, gpu.name) for n in rule.gpu_names):
        failures.append(
            f"GPU '{gpu.name}' is not named like {_either(rule.gpu_names)} (whole words)",
        )
    cc = f"{gpu.compute_capability[0]}.{gpu.compute_capability[1]}"
    if rule.compute_capabilities and cc not in rule.compute_capabilities:
        failures.append(
            f"GPU '{gpu.name}' has compute capability {cc}, profile wants "
            f"{_either(rule.compute_capabilities, quote=False)}",
        )
    failures += _memory_failures(rule, gpu.memory_total_bytes, f"GPU '{gpu.name}' memory")
    if failures:
        return False, failures
    return True, [
        f"GPU '{gpu.name}': compute capability {cc}, {_gib(gpu.memory_total_bytes)} GiB",
    ]


def _judge_cpu(rule: ProfileMatchRule, facts: HardwareFacts) -> tuple[bool, list[str]]:
    failures: list[str] = []
    arch = facts.cpu.arch
    if rule.arch and arch not in rule.arch:
        failures.append(
            f"CPU architecture is {arch}, profile wants {_either(rule.arch, quote=False)}",
        )
    failures += _memory_failures(rule, facts.cpu.memory_total_bytes, "system memory")
    if failures:
        return False, failures
    return True, [
        f"{arch} CPU with {facts.cpu.cores} cores and {_gib(facts.cpu.memory_total_bytes)} GiB of memory",
    ]


def _memory_failures(rule: ProfileMatchRule, total_bytes: int, what: str) -> list[str]:
    gib = total_bytes / _GIB
    if rule.min_memory_gib is not None and gib < rule.min_memory_gib:
        return [f"{what} is {_gib(total_bytes)} GiB, profile wants at least {rule.min_memory_gib}"]
    if rule.max_memory_gib is not None and gib > rule.max_memory_gib:
        return [f"{what} is {_gib(total_bytes)} GiB, profile wants at most {rule.max_memory_gib}"]
    return []


def _compatible_forms(compatible: list[str]) -> set[str]:
    """Each compatible entry, plus the module half of 'vendor,carrier+module' and that half
    without the '-super' suffix JetPack 6.2 adds for the Super power modes."""
    forms: set[str] = set()
    for entry in (c.lower() for c in compatible):
        forms.add(entry)
        vendor, _, board = entry.partition(",")
        for part in board.split("+")[1:]:
            forms.add(f"{vendor},{part}")
            forms.add(f"{vendor},{part.removesuffix('-super')}")
    return forms


def _jetson_wanted(rule: ProfileMatchRule) -> str:
    wants = []
    if rule.jetson_models:
        wants.append(f"a model naming {_either(rule.jetson_models)}")
    if rule.jetson_compatible:
        wants.append(f"compatible {_either(rule.jetson_compatible)}")
    return " or ".join(wants)


def _gpu_wanted(rule: ProfileMatchRule) -> str:
    wants = []
    if rule.gpu_names:
        wants.append(f"named like {_either(rule.gpu_names)}")
    if rule.compute_capabilities:
        wants.append(f"of compute capability {_either(rule.compute_capabilities, quote=False)}")
    return " ".join(wants)


def _either(values: Sequence[str], *, quote: bool = True) -> str:
    shown = [f"'{v}'" if quote else v for v in values]
    return shown[0] if len(shown) == 1 else ", ".join(shown[:-1]) + " or " + shown[-1]


def _gib(total_bytes: int) -> str:
    return f"{total_bytes / _GIB:.1f}"


def _summary(facts: HardwareFacts) -> str:
    gpu = facts.gpu()
    if facts.jetson is not None:
        return f"Jetson '{facts.jetson.model}'"
    if gpu is not None:
        return f"GPU '{gpu.name}'"
    return f"{facts.cpu.arch} CPU, no GPU"
