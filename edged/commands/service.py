"""`edged run`, `edged config`, `edged doctor`, `edged ask` and `edged audit`: the daemon, its
configuration and installation, a client of it, and its escalation audit log."""

from __future__ import annotations

import argparse
import json
import os
import sys
from pathlib import Path
from typing import Any

from edged.commands.common import print_json
from edged.errors import ConfigError, EdgedError
from edged.paths import AUDIT_DIR, CONFIG_FILE, UNIT_FILE


def cmd_run(args: argparse.Namespace) -> int:
    from edged.service.main import run

    return run(Path(args.config), log_level=args.log_level)


def cmd_doctor(args: argparse.Namespace) -> int:
    from edged.doctor import Seams, render, run_checks, to_json

    findings = run_checks(Path(args.config), unit=Path(args.unit) if args.unit else None,
                          ca_dir=Path(args.ca) if args.ca else None, seams=Seams(timeout_s=args.timeout))
    if args.json:
        print_json(to_json(findings))
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
        print_json(reply.body)
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
        print_json(vars(result))
    elif result.ok:
        print(f"ok: {result.records} records in {result.files} file(s) under {folder}: "
              "chain and signatures intact")
    else:
        print(f"BROKEN after {result.records} good records: {result.problem}")
    return 0 if result.ok else 1


def add_run(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    run = commands.add_parser("run", help="run the daemon (MQTT v5 over mTLS)")
    run.add_argument("--config", required=True, metavar="FILE", help="edged.toml")
    run.add_argument("--log-level", default="INFO", choices=["DEBUG", "INFO", "WARNING", "ERROR"])
    run.set_defaults(handler=cmd_run)


def add_config(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    config = commands.add_parser("config", help="check a configuration").add_subparsers(
        dest="config_command", required=True, metavar="COMMAND")
    validate = config.add_parser("validate", help="validate edged.toml and the files it names")
    validate.add_argument("file")
    validate.set_defaults(handler=cmd_config_validate)


def add_doctor(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    doctor = commands.add_parser("doctor", help="check this installation end to end and say what to fix")
    doctor.add_argument("--config", default=str(CONFIG_FILE), metavar="FILE",
                        help=f"edged.toml (default {CONFIG_FILE})")
    doctor.add_argument("--unit", metavar="FILE", help="the unit whose LoadCredential= provides the key "
                        f"(default {UNIT_FILE})")
    doctor.add_argument("--ca", metavar="DIR", help="also check this site CA's CRL (on the CA's machine)")
    doctor.add_argument("--timeout", type=float, default=5.0, help="seconds per network check")
    doctor.add_argument("--json", action="store_true")
    doctor.set_defaults(handler=cmd_doctor)


def add_ask(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
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


def add_audit(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
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
