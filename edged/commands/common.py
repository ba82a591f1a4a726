"""What several command groups share: JSON output, the engine store and profile options."""

from __future__ import annotations

import argparse
import json
from pathlib import Path
from typing import TYPE_CHECKING

from edged.paths import ENGINE_STORE

if TYPE_CHECKING:
    from edged.engines.store import EngineStore
    from edged.hardware.facts import HardwareFacts
    from edged.hardware.profiles import Profile


def print_json(data: object) -> None:
    print(json.dumps(data, indent=2, ensure_ascii=False, default=str))


def engine_store(args: argparse.Namespace) -> EngineStore:
    from edged.engines.store import EngineStore, default_store

    return EngineStore(Path(args.store) if args.store else default_store())


def profile_and_facts(name: str) -> tuple[Profile, HardwareFacts, list[str]]:
    """The profile to use (``auto`` = detected) and this machine's facts.

    The third value says why this machine does not match a profile chosen by name.
    """
    from edged.hardware.profiles import get_profile, load_profiles
    from edged.hardware.report import detect_and_match

    report = detect_and_match()
    if name == "auto":
        return report.chosen, report.facts, []
    profile = get_profile(name)
    load_profiles()  # a broken sibling profile is reported, not silently skipped
    reasons = next((v.reasons for v in report.verdicts if v.name == name and not v.matched), [])
    return profile, report.facts, reasons


def store_option(p: argparse.ArgumentParser) -> None:
    p.add_argument("--store", metavar="DIR",
                   help="engine store (default: $EDGED_ENGINE_STORE, the checkout's engines/, "
                        f"or {ENGINE_STORE})")


def profile_option(p: argparse.ArgumentParser) -> None:
    p.add_argument("--profile", default="auto", metavar="auto|NAME",
                   help="hardware profile (default: detect this machine's)")
