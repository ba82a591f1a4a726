"""`edged hw`, `edged engine` and `edged generate`: this machine's hardware and its engine."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from edged.commands.common import engine_store, print_json, profile_and_facts, profile_option, store_option
from edged.errors import ConfigError


def cmd_hw_detect(args: argparse.Namespace) -> int:
    from edged.hardware.report import detect_and_match, render_text, to_json

    report = detect_and_match(root=Path(args.root))
    if args.json:
        print_json(to_json(report))
    else:
        print(render_text(report))
    return 0


class _RichReporter:
    """Draws each build step as a spinner line that turns into a tick with its result."""

    def __init__(self) -> None:
        from rich.console import Console

        self.console = Console(stderr=True)
        self._status: Any = None

    def start(self, step: str, description: str) -> None:  # noqa: ARG002 - the protocol's shape
        self._stop()
        self._status = self.console.status(f"[bold]{description}[/bold] ...")
        self._status.start()

    def done(self, step: str, detail: str) -> None:
        self._stop()
        self.console.print(f"[green]✓[/green] {step}: {detail}")

    def _stop(self) -> None:
        if self._status is not None:
            self._status.stop()
            self._status = None


def cmd_engine_build(args: argparse.Namespace) -> int:
    from edged.engines.build import plan_build, run_build

    profile, facts, mismatch = profile_and_facts(args.profile)
    store = engine_store(args)
    checkpoint = Path(args.checkpoint) if args.checkpoint else None
    plan = plan_build(profile, facts, store, model_id=args.model, checkpoint=checkpoint, force=args.force,
                      dry_run=args.dry_run)
    if mismatch:
        plan = plan.model_copy(update={"notes": [
            *plan.notes, f"this machine does not match profile {profile.name}: " + "; ".join(mismatch),
        ]})
    if args.dry_run:
        if args.json:
            print_json(plan.model_dump(mode="json"))
        else:
            print(_render_plan(plan))
        return 0
    if mismatch and not args.force:
        raise ConfigError(
            f"This machine does not match profile {profile.name} ("
            + "; ".join(mismatch)
            + "). An engine built here would not load on it. Use --profile auto, or --force "
            "to build anyway.",
            code="profile_mismatch",
        )
    reporter = None if args.json else _RichReporter()
    if reporter is not None:
        reporter.done("plan", f"{plan.profile} / {plan.model_id} / {plan.backend} / {plan.quantization}")
        reporter.done("fingerprint", f"{plan.fingerprint_digest[:16]} ({plan.action})")
    outcome = run_build(plan, store, reporter)
    if args.json:
        print_json(outcome.model_dump(mode="json"))
    else:
        state = "cached (same fingerprint, nothing to do)" if outcome.cached else "built"
        print(f"{state}: {outcome.folder} in {outcome.seconds:.2f} s")
    return 0


def _render_plan(plan: Any) -> str:
    lines = [
        f"profile:      {plan.profile}",
        f"model:        {plan.model_id}",
        f"backend:      {plan.backend}",
        f"quantization: {plan.quantization}",
        f"context:      {plan.context_length} tokens, batch up to {plan.max_batch_size}",
        f"checkpoint:   {plan.checkpoint}",
        f"store:        {plan.store_folder}",
        f"fingerprint:  {plan.fingerprint_digest}"
        + ("" if plan.fingerprint_complete else " (INCOMPLETE: no checkpoint hash)"),
        f"action:       {plan.action}"
        + ("" if plan.buildable else " (not buildable as planned: see the notes)"),
    ]
    for section in ("hardware", "libraries", "build"):
        values = getattr(plan.fingerprint, section)
        lines.append(f"  {section}: " + ", ".join(f"{k}={v}" for k, v in sorted(values.items())))
    lines.extend(f"note: {note}" for note in plan.notes)
    lines.extend(f"a real build still needs: {need}" for need in plan.still_needed)
    return "\n".join(lines)


def cmd_engine_calib_data(args: argparse.Namespace) -> int:
    from edged.engines.calibration import DATA_FILE, inspect_calibration, write_calibration

    out = Path(args.out)
    rows = write_calibration([Path(f) for f in args.files], out, force=args.force)
    check = inspect_calibration(out)
    if args.json:
        print_json({"folder": str(out), "file": str(out / DATA_FILE), "rows": rows,
                    "problems": check.problems, "notes": check.notes})
    else:
        print(f"wrote {rows} rows to {out / DATA_FILE}")
        for line in [*check.problems, *check.notes]:
            print(f"  {line}")
    return 0 if not check.problems else 1


def cmd_engine_list(args: argparse.Namespace) -> int:
    store = engine_store(args)
    entries = store.entries()
    if args.json:
        print_json([
            {
                "profile": e.profile, "model_id": e.model_id, "folder": str(e.folder),
                "fingerprint": e.manifest.fingerprint_digest if e.manifest else None,
                "built_at": e.manifest.built_at.isoformat() if e.manifest else None,
                "problem": e.problem,
            }
            for e in entries
        ])
        return 0
    if not entries:
        print(f"no engines in {store.root}; build one with: edged engine build")
    for e in entries:
        if e.manifest is None:
            print(f"{e.profile}/{e.model_id}: UNUSABLE: {e.problem}")
        else:
            m = e.manifest
            print(f"{e.profile}/{e.model_id}: {m.backend} {m.quantization}, fingerprint "
                  f"{m.fingerprint_digest[:16]}, built {m.built_at:%Y-%m-%d %H:%M} UTC")
    return 0


def cmd_engine_verify(args: argparse.Namespace) -> int:
    from edged.engines.loader import check_engine

    profile, facts, _ = profile_and_facts(args.profile)
    check = check_engine(engine_store(args), profile, facts, model_id=args.model, full=not args.quick)
    if args.json:
        print_json({
            "ok": check.ok, "folder": str(check.folder), "profile": profile.name,
            "fingerprint": check.manifest.fingerprint_digest,
            "differences": check.differences, "file_problems": check.file_problems,
        })
    elif check.ok:
        print(f"ok: {check.folder} matches this machine (fingerprint "
              f"{check.manifest.fingerprint_digest[:16]}), files intact")
    else:
        print(f"MISMATCH: {check.folder}")
        for line in check.differences:
            print(f"  differs: {line}")
        for line in check.file_problems:
            print(f"  damaged: {line}")
        print(f"Rebuild with: edged engine build --profile {profile.name} --force")
    return 0 if check.ok else 1


def cmd_generate(args: argparse.Namespace) -> int:
    from edged.engines.base import GenerationRequest, Sampling
    from edged.engines.loader import load_engine
    from edged.engines.models import MODELS

    if args.max_tokens < 1:
        raise ConfigError("--max-tokens must be at least 1.", code="bad_request")
    profile, facts, _ = profile_and_facts(args.profile)
    engine = load_engine(engine_store(args), profile, facts)
    spec = MODELS.get(engine.info.model_id)
    system = args.system if args.system is not None else (spec.system_prompt if spec else None)
    try:
        sampling = Sampling(temperature=args.temperature, seed=args.seed)
    except ValueError as exc:
        raise ConfigError(f"{exc}.", code="bad_request") from None
    request = GenerationRequest.from_prompt(args.prompt, system=system, max_tokens=args.max_tokens,
                                            sampling=sampling)
    result = engine.generate([request])[0]
    if args.json:
        print_json({
            "text": result.text,
            "model": f"{engine.info.model_id}@{engine.info.profile}",
            "finish_reason": result.finish_reason,
            "prompt_tokens": result.prompt_tokens,
            "token_ids": list(result.token_ids),
            "tokens": [engine.decode([t]) for t in result.token_ids] if hasattr(engine, "decode") else None,
            "logprobs": [round(lp, 5) for lp in result.logprobs],
            "timings_ms": {k: round(v, 2) for k, v in vars(result.timings).items()},
        })
    else:
        print(result.text)
    return 0


def add_hw(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    hw = commands.add_parser("hw", help="hardware detection").add_subparsers(
        dest="hw_command", required=True, metavar="COMMAND")
    detect = hw.add_parser("detect", help="show this machine's facts and which profile matches")
    detect.add_argument("--json", action="store_true")
    detect.add_argument("--root", default="/", help=argparse.SUPPRESS)  # read a captured tree
    detect.set_defaults(handler=cmd_hw_detect)


def add_engine(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    engine = commands.add_parser("engine", help="build, list and verify engines").add_subparsers(
        dest="engine_command", required=True, metavar="COMMAND")
    build = engine.add_parser("build", help="build the engine for a hardware profile")
    profile_option(build)
    build.add_argument("--model", metavar="ID", help="model id (default: the profile's)")
    build.add_argument("--checkpoint", metavar="PATH",
                       help="model checkpoint (default: the bundled one, where the model has one)")
    store_option(build)
    build.add_argument("--dry-run", action="store_true",
                       help="print the plan and stop (GPU profiles: works without --checkpoint)")
    build.add_argument("--force", action="store_true", help="rebuild even if the fingerprint is stored")
    build.add_argument("--json", action="store_true")
    build.set_defaults(handler=cmd_engine_build)

    calib = engine.add_parser(
        "calib-data", help="write the calibration folder a quantizing TensorRT-LLM build reads")
    calib.add_argument("files", nargs="+", metavar="FILE",
                       help="plain-text files; each paragraph (blank-line separated) becomes a row")
    calib.add_argument("--out", required=True, metavar="DIR",
                       help="the folder to write, normally <checkpoint>/calibration")
    calib.add_argument("--force", action="store_true", help="replace an existing train.jsonl")
    calib.add_argument("--json", action="store_true")
    calib.set_defaults(handler=cmd_engine_calib_data)

    listing = engine.add_parser("list", help="list stored engines")
    store_option(listing)
    listing.add_argument("--json", action="store_true")
    listing.set_defaults(handler=cmd_engine_list)

    verify = engine.add_parser("verify", help="check the stored engine still matches this machine")
    profile_option(verify)
    verify.add_argument("--model", metavar="ID")
    store_option(verify)
    verify.add_argument("--quick", action="store_true", help="check file sizes, not contents")
    verify.add_argument("--json", action="store_true")
    verify.set_defaults(handler=cmd_engine_verify)


def add_generate(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    generate = commands.add_parser("generate", help="answer one prompt with this machine's engine")
    generate.add_argument("prompt")
    generate.add_argument("--max-tokens", type=int, default=128)
    generate.add_argument("--temperature", type=float, default=0.0, help="0 = greedy (default)")
    generate.add_argument("--seed", type=int)
    generate.add_argument("--system", help="system prompt (default: the model's concise one)")
    generate.add_argument("--json", action="store_true", help="add tokens, log-probs and timings")
    profile_option(generate)
    store_option(generate)
    generate.set_defaults(handler=cmd_generate)
