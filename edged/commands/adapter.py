"""`edged adapter`: LoRA adapters per task, built from PEFT folders into the engine store."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import TYPE_CHECKING

from edged.commands.common import engine_store, print_json, profile_and_facts, profile_option, store_option

if TYPE_CHECKING:
    from edged.engines.adapters import AdapterStore


def _adapter_store(args: argparse.Namespace) -> AdapterStore:
    """The adapters of the engine this machine serves (it must be built and usable here)."""
    from edged.engines.adapters import AdapterStore
    from edged.engines.loader import usable_engine

    profile, facts, _ = profile_and_facts(args.profile)
    store = engine_store(args)
    check = usable_engine(store, profile, facts, model_id=args.model)
    return AdapterStore(store.root, check.folder, check.manifest)


def cmd_adapter_build(args: argparse.Namespace) -> int:
    from edged.engines.adapters import check_name, describe

    name = check_name(args.name or args.task)
    adapters = _adapter_store(args)
    manifest = adapters.build(name, Path(args.source), task=args.task, force=args.force)
    if args.json:
        print_json(describe(manifest))
        return 0
    print(f"built adapter {name!r} for {manifest.profile}/{manifest.model_id} (engine fingerprint "
          f"{manifest.base_fingerprint[:16]}): rank {manifest.rank}, {manifest.projections} projections, "
          f"{', '.join(manifest.target_modules)}")
    print(f"serve it: add  adapter = \"{name}\"  under [tasks.{args.task}] in edged.toml, then "
          "reload edged (systemctl reload edged)")
    return 0


def cmd_adapter_list(args: argparse.Namespace) -> int:
    from edged.engines.adapters import describe

    adapters = _adapter_store(args)
    entries = adapters.entries()
    if args.json:
        print_json([{"name": e.name, "folder": str(e.folder), "problem": e.problem,
                     **(describe(e.manifest) if e.manifest else {})} for e in entries])
        return 0
    if not entries:
        print(f"no adapters for {adapters.engine.profile}/{adapters.engine.model_id}; build one with: "
              "edged adapter build --task TASK --from PEFT_DIR")
    for e in entries:
        if e.manifest is None:
            print(f"{e.name}: UNUSABLE: {e.problem}")
            continue
        m = e.manifest
        stale = "" if m.base_fingerprint == adapters.engine.fingerprint_digest else \
            " (built for another engine build: rebuild it)"
        print(f"{e.name}: task {m.task or '-'}, rank {m.rank}, {m.projections} projections, "
              f"built {m.built_at:%Y-%m-%d %H:%M} UTC from {m.source}{stale}")
    return 0


def cmd_adapter_verify(args: argparse.Namespace) -> int:
    adapters = _adapter_store(args)
    names = [args.name] if args.name else [e.name for e in adapters.entries()]
    report = {name: adapters.verify(name) for name in names}
    if args.json:
        print_json({"ok": not any(report.values()), "adapters": report})
    for name, problems in report.items():
        if args.json:
            break
        print(f"ok: {name}" if not problems else f"BROKEN: {name}")
        for problem in problems:
            print(f"  {problem}")
    return 0 if not any(report.values()) else 1


def cmd_adapter_remove(args: argparse.Namespace) -> int:
    _adapter_store(args).remove(args.name)
    print(f"removed adapter {args.name!r}; tasks that name it fail with adapter_missing from the next reload")
    return 0


def add_adapter(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    adapter = commands.add_parser("adapter", help="build, list, verify and remove LoRA adapters")
    actions = adapter.add_subparsers(dest="adapter_command", required=True, metavar="ACTION")
    build = actions.add_parser("build", help="convert a PEFT LoRA folder for this machine's engine")
    build.add_argument("--task", required=True, help="the task it is for (and its name, unless --name)")
    build.add_argument("--name", help="the adapter's name (default: the task's)")
    build.add_argument("--from", dest="source", required=True, metavar="PEFT_DIR",
                       help="a peft save_pretrained folder (adapter_config.json, adapter_model.safetensors)")
    build.add_argument("--force", action="store_true", help="replace an adapter of that name")
    build.set_defaults(handler=cmd_adapter_build)
    listing = actions.add_parser("list", help="list the adapters of this machine's engine")
    listing.set_defaults(handler=cmd_adapter_list)
    verify = actions.add_parser("verify", help="read adapters in full and check they fit the engine")
    verify.add_argument("name", nargs="?", help="one adapter (default: all)")
    verify.set_defaults(handler=cmd_adapter_verify)
    remove = actions.add_parser("remove", help="delete an adapter from the store")
    remove.add_argument("name")
    remove.set_defaults(handler=cmd_adapter_remove)
    for sub in (build, listing, verify, remove):
        profile_option(sub)
        store_option(sub)
        sub.add_argument("--model", metavar="ID", help="model id (default: the profile's)")
        if sub is not remove:
            sub.add_argument("--json", action="store_true")
