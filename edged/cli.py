"""The `edged` command. Each subcommand imports what it needs when it runs, so `edged --help`
stays fast and works without the heavy extras installed."""

from __future__ import annotations

import argparse
import json
import os
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from edged import __version__
from edged.errors import ConfigError, EdgedError
from edged.paths import AUDIT_DIR, CONFIG_FILE, ENGINE_STORE, STATE_DIR, UNIT_FILE

if TYPE_CHECKING:
    from edged.engines.store import EngineStore
    from edged.hardware.facts import HardwareFacts
    from edged.hardware.profiles import Profile

Handler = Callable[[argparse.Namespace], int]


def _print_json(data: object) -> None:
    print(json.dumps(data, indent=2, ensure_ascii=False, default=str))


def _store(args: argparse.Namespace) -> EngineStore:
    from edged.engines.store import EngineStore, default_store

    return EngineStore(Path(args.store) if args.store else default_store())


def _profile_and_facts(name: str) -> tuple[Profile, HardwareFacts, list[str]]:
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


# -- hw ----------------------------------------------------------------------------------------


def cmd_hw_detect(args: argparse.Namespace) -> int:
    from edged.hardware.report import detect_and_match, render_text, to_json

    report = detect_and_match(root=Path(args.root))
    if args.json:
        _print_json(to_json(report))
    else:
        print(render_text(report))
    return 0


# -- engine ------------------------------------------------------------------------------------


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

    profile, facts, mismatch = _profile_and_facts(args.profile)
    store = _store(args)
    checkpoint = Path(args.checkpoint) if args.checkpoint else None
    plan = plan_build(profile, facts, store, model_id=args.model, checkpoint=checkpoint, force=args.force)
    if mismatch:
        plan = plan.model_copy(update={"notes": [
            *plan.notes, f"this machine does not match profile {profile.name}: " + "; ".join(mismatch),
        ]})
    if args.dry_run:
        if args.json:
            _print_json(plan.model_dump(mode="json"))
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
        _print_json(outcome.model_dump(mode="json"))
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
        f"fingerprint:  {plan.fingerprint_digest}",
        f"action:       {plan.action}" + ("" if plan.buildable else " (not buildable by this version)"),
    ]
    for section in ("hardware", "libraries", "build"):
        values = getattr(plan.fingerprint, section)
        lines.append(f"  {section}: " + ", ".join(f"{k}={v}" for k, v in sorted(values.items())))
    lines.extend(f"note: {note}" for note in plan.notes)
    return "\n".join(lines)


def cmd_engine_list(args: argparse.Namespace) -> int:
    store = _store(args)
    entries = store.entries()
    if args.json:
        _print_json([
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

    profile, facts, _ = _profile_and_facts(args.profile)
    check = check_engine(_store(args), profile, facts, model_id=args.model, full=not args.quick)
    if args.json:
        _print_json({
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


# -- generate / bench --------------------------------------------------------------------------


def cmd_generate(args: argparse.Namespace) -> int:
    from edged.engines.base import GenerationRequest, Sampling
    from edged.engines.loader import load_engine
    from edged.engines.models import MODELS

    if args.max_tokens < 1:
        raise ConfigError("--max-tokens must be at least 1.", code="bad_request")
    profile, facts, _ = _profile_and_facts(args.profile)
    engine = load_engine(_store(args), profile, facts)
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
        _print_json({
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


def cmd_bench_engine(args: argparse.Namespace) -> int:
    from edged.bench.engine import render, run_engine_bench

    profile, facts, _ = _profile_and_facts(args.profile)
    result = run_engine_bench(_store(args), profile, facts, tokens=args.tokens, repeats=args.repeats)
    if args.json:
        _print_json(result)
    else:
        print(render(result))
    return 0


def cmd_bench_service(args: argparse.Namespace) -> int:
    from edged.bench.service import render, run_service_bench

    result = run_service_bench(
        _store(args),
        requests=args.requests,
        clients=args.clients,
        tokens=args.tokens,
        isolation=args.isolation,
    )
    if args.json:
        _print_json(result)
    else:
        print(render(result))
    return 0


def cmd_bench_faults(args: argparse.Namespace) -> int:
    from edged.bench.faults import render, run_faults_bench

    result = run_faults_bench(_store(args))
    if args.json:
        _print_json(result)
    else:
        print(render(result))
    return 0


def cmd_bench_escalation(args: argparse.Namespace) -> int:
    from edged.bench.escalation import render, run_escalation_bench

    result = run_escalation_bench(args.requests)
    if args.json:
        _print_json(result)
    else:
        print(render(result))
    return 0


# -- daemon, config, client --------------------------------------------------------------------


def cmd_run(args: argparse.Namespace) -> int:
    from edged.service.main import run

    return run(Path(args.config), log_level=args.log_level)


def cmd_doctor(args: argparse.Namespace) -> int:
    from edged.doctor import Seams, render, run_checks, to_json

    findings = run_checks(Path(args.config), unit=Path(args.unit) if args.unit else None,
                          ca_dir=Path(args.ca) if args.ca else None, seams=Seams(timeout_s=args.timeout))
    if args.json:
        _print_json(to_json(findings))
    else:
        print(render(findings))
    return 1 if any(f.state == "fail" for f in findings) else 0


def cmd_config_validate(args: argparse.Namespace) -> int:
    from edged.config import check_files, load_config

    path = Path(args.file)
    config = load_config(path)
    problems = check_files(config, path)
    if problems:
        raise ConfigError("; ".join(problems) + ".", code="config_files")
    print(f"ok: {path}: device {config.device_id}, broker {config.mqtt.host}:{config.mqtt.port}, "
          f"tasks {', '.join(sorted(config.task_table()))}")
    return 0


def _ask_body(args: argparse.Namespace) -> dict[str, Any]:
    body: dict[str, Any] = {"task": args.task, "input": args.text}
    if args.field:
        body["fields"] = args.field
    if args.label:
        body["labels"] = args.label
    for key in ("max_tokens", "deadline_ms", "escalation"):
        if getattr(args, key) is not None:
            body[key] = getattr(args, key)
    if args.stream:
        body["stream"] = True
    return body


def _print_reply(reply: Any, args: argparse.Namespace) -> None:
    if args.json:
        _print_json(reply.body)
    elif reply.ok:
        output = reply.body.get("output")
        if args.stream:
            print()
        elif isinstance(output, dict) and set(output) == {"text"}:
            print(output["text"])
        else:
            print(json.dumps(output, ensure_ascii=False))
    else:
        error = reply.body.get("error") or {}
        print(f"edged: error reply [{error.get('code')}]: {error.get('message')}", file=sys.stderr)


def cmd_ask(args: argparse.Namespace) -> int:
    from edged.client import EdgedClient, load_client_config

    if not args.config:
        raise ConfigError("edged ask needs --config CLIENT.toml (or $EDGED_CLIENT_CONFIG); scripts/dev-up "
                          "writes one and prints the command.", code="bad_request")
    config = load_client_config(Path(args.config))
    if args.device or args.pool:
        config = config.model_copy(update={"device": args.device, "pool": args.pool})

    def show(chunk: dict[str, Any]) -> None:
        if not args.json:
            print(chunk.get("text", ""), end="", flush=True)

    client = EdgedClient(config)
    try:
        reply = client.request(_ask_body(args), timeout=args.timeout, on_chunk=show)
    finally:
        client.close()
    _print_reply(reply, args)
    return 0 if reply.ok else 1


def cmd_audit_verify(args: argparse.Namespace) -> int:
    from edged.audit import verify

    if args.log:
        folder = Path(args.log)
    elif args.config:
        from edged.config import load_config

        folder = load_config(Path(args.config)).escalation.state_dir / "audit"
    else:
        folder = AUDIT_DIR
    expect = None
    if args.expect_head:
        seq, _, digest = args.expect_head.partition(":")
        if not seq.isdigit() or len(digest) != 64:
            raise EdgedError(
                "--expect-head is SEQ:HASH, as the retained status's audit_head gives them "
                "(e.g. 42:3f2a...; the hash has 64 hex digits).",
                code="bad_request",
            )
        expect = (int(seq), digest)
    result = verify(folder, Path(args.key) if args.key else None, expect_head=expect)
    if args.json:
        _print_json(vars(result))
    elif result.ok:
        print(f"ok: {result.records} records in {result.files} file(s) under {folder}: "
              "chain and signatures intact")
    else:
        print(f"BROKEN after {result.records} good records: {result.problem}")
    return 0 if result.ok else 1


def cmd_eval_router(args: argparse.Namespace) -> int:
    from edged.engines.loader import load_engine
    from edged.escalation.evaluate import evaluate, load_sst2, render, score_locally

    profile, facts, _ = _profile_and_facts(args.profile)
    engine = load_engine(_store(args), profile, facts)
    examples = load_sst2(args.limit, args.seed)
    scored = score_locally(engine, examples, args.cloud_accuracy, args.seed)
    result = evaluate(scored, args.target_rate, args.seed)
    if args.json:
        _print_json(result)
    else:
        print(render(result))
    return 0


def cmd_eval_shadow(args: argparse.Namespace) -> int:
    from edged.config import load_config
    from edged.escalation.shadow import SHADOW_FILE, read_records, summarize

    config = load_config(Path(args.config)) if args.config else None
    default_state = config.escalation.state_dir if config else STATE_DIR
    state = Path(args.state) if args.state else default_state
    tasks = config.escalation.tasks if config else {}
    targets = {name: policy.shadow_target for name, policy in tasks.items()}
    rows = summarize(read_records(state / SHADOW_FILE), targets)
    if args.json:
        _print_json([vars(row) for row in rows])
        return 0
    if not rows:
        print(f"no shadow comparisons in {state / SHADOW_FILE}; set shadow_fraction in "
              "[escalation.tasks.NAME] to collect some")
        return 0
    print("task          samples  mean agreement  threshold  escalation rate at it")
    for row in rows:
        threshold = f"{row.threshold:.3f}" if row.threshold is not None else "none meets"
        rate = f"{row.escalation_rate:.1%}" if row.escalation_rate is not None else "-"
        print(f"{row.task:<13} {row.samples:>7}  {row.mean_agreement:>14.3f}  {threshold:>9}  {rate:>21}")
    return 0


# -- parser ------------------------------------------------------------------------------------


def build_parser() -> argparse.ArgumentParser:  # noqa: PLR0915 - one flat, readable parser table
    parser = argparse.ArgumentParser(
        prog="edged",
        description="Local language model daemon for NVIDIA Jetson and RTX factory appliances.",
    )
    parser.add_argument("--version", action="version", version=f"edged {__version__}")
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    def store_option(p: argparse.ArgumentParser) -> None:
        p.add_argument("--store", metavar="DIR",
                       help="engine store (default: $EDGED_ENGINE_STORE, the checkout's engines/, "
                            f"or {ENGINE_STORE})")

    def profile_option(p: argparse.ArgumentParser) -> None:
        p.add_argument("--profile", default="auto", metavar="auto|NAME",
                       help="hardware profile (default: detect this machine's)")

    hw = commands.add_parser("hw", help="hardware detection").add_subparsers(
        dest="hw_command", required=True, metavar="COMMAND")
    detect = hw.add_parser("detect", help="show this machine's facts and which profile matches")
    detect.add_argument("--json", action="store_true")
    detect.add_argument("--root", default="/", help=argparse.SUPPRESS)  # read a captured tree
    detect.set_defaults(handler=cmd_hw_detect)

    engine = commands.add_parser("engine", help="build, list and verify engines").add_subparsers(
        dest="engine_command", required=True, metavar="COMMAND")
    build = engine.add_parser("build", help="build the engine for a hardware profile")
    profile_option(build)
    build.add_argument("--model", metavar="ID", help="model id (default: the profile's)")
    build.add_argument("--checkpoint", metavar="PATH",
                       help="model checkpoint (default: the bundled one, where the model has one)")
    store_option(build)
    build.add_argument("--dry-run", action="store_true", help="print the plan and stop")
    build.add_argument("--force", action="store_true", help="rebuild even if the fingerprint is stored")
    build.add_argument("--json", action="store_true")
    build.set_defaults(handler=cmd_engine_build)

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

    bench = commands.add_parser("bench", help="benchmarks that print figures").add_subparsers(
        dest="bench_command", required=True, metavar="COMMAND")
    bench_engine = bench.add_parser("engine", help="TTFT, decode and batch throughput, wrapper cost")
    bench_engine.add_argument("--tokens", type=int, default=64, help="new tokens per request")
    bench_engine.add_argument("--repeats", type=int, default=3, help="runs per figure (best kept)")
    bench_engine.add_argument("--json", action="store_true")
    profile_option(bench_engine)
    store_option(bench_engine)
    bench_engine.set_defaults(handler=cmd_bench_engine)
    bench_service = bench.add_parser("service", help="daemon overhead, batching gain and ready time over "
                                                     "a real broker with mTLS")
    bench_service.add_argument("--requests", type=int, default=32)
    bench_service.add_argument("--clients", type=int, default=8)
    bench_service.add_argument("--tokens", type=int, default=48,
                               help="new tokens per request (48: a typical extraction answer)")
    bench_service.add_argument(
        "--isolation", choices=("process", "thread"), default="process",
        help="the engine in its own process (edged run's default) or in the daemon's",
    )
    bench_service.add_argument("--json", action="store_true")
    store_option(bench_service)
    bench_service.set_defaults(handler=cmd_bench_service)
    bench_faults = bench.add_parser(
        "faults",
        help="the daemon under long prompts, a killed engine, a burst and SIGTERM, over a real broker",
    )
    bench_faults.add_argument("--json", action="store_true")
    store_option(bench_faults)
    bench_faults.set_defaults(handler=cmd_bench_faults)
    bench_escalation = bench.add_parser("escalation", help="cost of the escalation path on the appliance, "
                                                           "cloud time excluded")
    bench_escalation.add_argument("--requests", type=int, default=300)
    bench_escalation.add_argument("--json", action="store_true")
    bench_escalation.set_defaults(handler=cmd_bench_escalation)

    run = commands.add_parser("run", help="run the daemon (MQTT v5 over mTLS)")
    run.add_argument("--config", required=True, metavar="FILE", help="edged.toml")
    run.add_argument("--log-level", default="INFO", choices=["DEBUG", "INFO", "WARNING", "ERROR"])
    run.set_defaults(handler=cmd_run)

    config = commands.add_parser("config", help="check a configuration").add_subparsers(
        dest="config_command", required=True, metavar="COMMAND")
    validate = config.add_parser("validate", help="validate edged.toml and the files it names")
    validate.add_argument("file")
    validate.set_defaults(handler=cmd_config_validate)

    doctor = commands.add_parser("doctor", help="check this installation end to end and say what to fix")
    doctor.add_argument("--config", default=str(CONFIG_FILE), metavar="FILE",
                        help=f"edged.toml (default {CONFIG_FILE})")
    doctor.add_argument("--unit", metavar="FILE", help="the unit whose LoadCredential= provides the key "
                        f"(default {UNIT_FILE})")
    doctor.add_argument("--ca", metavar="DIR", help="also check this site CA's CRL (on the CA's machine)")
    doctor.add_argument("--timeout", type=float, default=5.0, help="seconds per network check")
    doctor.add_argument("--json", action="store_true")
    doctor.set_defaults(handler=cmd_doctor)

    ask = commands.add_parser("ask", help="send one request to an appliance and print the reply")
    ask.add_argument("text")
    ask.add_argument("--task", default="ask", help="ask (default), summarize, extract, classify")
    ask.add_argument("--field", action="append", help="extract: a field to extract (repeat)")
    ask.add_argument("--label", action="append", help="classify: a label (repeat)")
    ask.add_argument("--max-tokens", dest="max_tokens", type=int)
    ask.add_argument("--deadline-ms", dest="deadline_ms", type=int)
    ask.add_argument("--escalation", choices=["auto", "never", "force"])
    ask.add_argument("--stream", action="store_true", help="print the answer as it is generated")
    ask.add_argument("--device", help="appliance id (default: the client config's)")
    ask.add_argument("--pool", help="send to a pool instead of one appliance")
    ask.add_argument("--timeout", type=float, default=60.0, help="seconds to wait for the reply")
    ask.add_argument("--json", action="store_true", help="print the whole reply")
    ask.add_argument("--config", default=os.environ.get("EDGED_CLIENT_CONFIG"), metavar="CLIENT.toml")
    ask.set_defaults(handler=cmd_ask)

    evaluate = commands.add_parser("eval", help="evaluations that print figures").add_subparsers(
        dest="eval_command", required=True, metavar="COMMAND")
    router = evaluate.add_parser("router", help="confidence as an escalation signal: AUROC, APGR, thresholds")
    router.add_argument("--limit", type=int, default=300, help="sentences (0: all 872)")
    router.add_argument("--cloud-accuracy", type=float, default=0.95, help="accuracy of the simulated cloud")
    router.add_argument("--target-rate", type=float, default=0.2,
                        help="escalation rate to pick a threshold for")
    router.add_argument("--seed", type=int, default=0)
    router.add_argument("--json", action="store_true")
    profile_option(router)
    store_option(router)
    router.set_defaults(handler=cmd_eval_router)
    shadow = evaluate.add_parser("shadow", help="agreement of local and cloud answers (shadow mode)")
    shadow.add_argument("--config", metavar="FILE", help="edged.toml (state folder and per-task targets)")
    shadow.add_argument("--state", metavar="DIR", help="state folder holding shadow.jsonl")
    shadow.add_argument("--json", action="store_true")
    shadow.set_defaults(handler=cmd_eval_shadow)

    audit = commands.add_parser("audit", help="the escalation audit log").add_subparsers(
        dest="audit_command", required=True, metavar="COMMAND")
    audit_verify = audit.add_parser("verify", help="check the hash chain and signatures; name the first "
                                                   "broken record")
    audit_verify.add_argument("--log", metavar="DIR", help="audit folder (default: from --config, or "
                                                          f"{AUDIT_DIR})")
    audit_verify.add_argument("--config", metavar="FILE", help="edged.toml, to find the state folder")
    audit_verify.add_argument("--key", metavar="PEM", help="public key (default: audit.pub in the folder)")
    audit_verify.add_argument(
        "--expect-head", metavar="SEQ:HASH",
        help="the head an outside observer saw (the retained status's audit_head): a log that no "
        "longer reaches it lost its tail",
    )
    audit_verify.add_argument("--json", action="store_true")
    audit_verify.set_defaults(handler=cmd_audit_verify)

    from edged.provisioning.cli import add_commands  # argparse only: cheap

    add_commands(commands)
    from edged.privacy.cli import add_commands as add_privacy_commands  # argparse only: cheap

    add_privacy_commands(commands)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    handler: Handler = args.handler
    try:
        return handler(args)
    except EdgedError as exc:
        print(f"edged: error [{exc.code}]: {exc.message}", file=sys.stderr)
        return 2 if isinstance(exc, ConfigError) else 1
    except KeyboardInterrupt:
        print("edged: interrupted", file=sys.stderr)
        return 130


if __name__ == "__main__":
    sys.exit(main())
