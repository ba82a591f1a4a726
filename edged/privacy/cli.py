"""The ``edged redact`` and ``edged eval redact`` commands. argparse only at import time: the
detectors load inside the handlers, so ``edged --help`` stays fast."""

from __future__ import annotations

import argparse
import json
import resource
import sys
import time
from pathlib import Path
from typing import TYPE_CHECKING, Any

from edged.errors import EdgedError

if TYPE_CHECKING:
    from edged.privacy.redactor import Redactor

LANG_CHOICES = ("auto", "ja", "en")
ANALYZERS = ("unidic-lite", "sudachi-core", "sudachi-small")


def _write(text: str) -> None:
    sys.stdout.write(text)


def _redactor(config_path: str | None) -> Redactor:
    from edged.privacy import Redactor, load_privacy_config

    return Redactor(load_privacy_config(Path(config_path)) if config_path else None)


def cmd_redact(args: argparse.Namespace) -> int:
    started = time.perf_counter()
    redactor = _redactor(args.config)
    cold_start_s = time.perf_counter() - started
    if not args.jsonl:
        redacted, _vault = redactor.redact(sys.stdin.read(), args.lang, mode=args.mode)
        _write(redacted)
        return 0
    lines = 0
    failed = 0
    for number, line in enumerate(sys.stdin, start=1):
        if not line.strip():
            continue
        t0 = time.perf_counter()
        record: dict[str, Any] = {}
        try:
            record = _parse_line(line, number)
            lang = _line_lang(record, args.lang, number)
            entities = redactor.detect(record["text"], lang, args.mode)
        except EdgedError as exc:  # this line is refused, with why; the others still get their answer
            failed += 1
            message = exc.message
            if not message.startswith("stdin"):
                message = f"stdin line {number}: {message}"
            refused = {k: v for k, v in record.items() if k != "text"} or {"line": number}
            refused["error"] = {"code": exc.code, "message": message}
            _write(json.dumps(refused, ensure_ascii=False) + "\n")
            sys.stderr.write(f"edged redact: {message} [{exc.code}]\n")
            continue
        redacted = redactor.apply(record["text"], entities, redactor.new_vault())
        elapsed_ms = (time.perf_counter() - t0) * 1000
        record["redacted"] = redacted
        record["entities"] = [
            {"type": e.type, "start": e.start, "end": e.end, "detector": e.detector} for e in entities
        ]
        if args.stats:
            record["ms"] = round(elapsed_ms, 4)
        _write(json.dumps(record, ensure_ascii=False) + "\n")
        lines += 1
    if args.stats:
        stats = {
            "cold_start_s": round(cold_start_s, 4),
            "lines": lines,
            "max_rss_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1),
            "ja_analyzer": redactor.config.ja_analyzer,
        }
        sys.stderr.write(json.dumps({"stats": stats}) + "\n")
    return 1 if failed else 0


def _line_lang(record: dict[str, Any], default: str, number: int) -> str:
    lang = record.get("lang", default) if default == "auto" else default
    if lang not in LANG_CHOICES:
        raise EdgedError(f"stdin line {number}: 'lang' is {lang!r}; use auto, ja or en.", code="bad_input")
    return str(lang)


def _parse_line(line: str, number: int) -> dict[str, Any]:
    try:
        record = json.loads(line)
    except json.JSONDecodeError as err:
        raise EdgedError(
            f"stdin line {number} is not JSON ({err.msg}). With --jsonl each line is an "
            'object such as {"text": "..."}.',
            code="bad_input",
        ) from None
    if not isinstance(record, dict) or not isinstance(record.get("text"), str):
        raise EdgedError(
            f'stdin line {number} has no string field "text". With --jsonl each line is an '
            'object such as {"text": "..."}.',
            code="bad_input",
        )
    return record


def cmd_eval_redact(args: argparse.Namespace) -> int:
    from edged.privacy.evaluate import SETS, render, run_evaluation

    report = run_evaluation(
        per_lang=args.per_lang,
        seed=args.seed,
        config_path=args.config,
        ja_analyzer=args.ja_analyzer,
        presidio=not args.no_presidio,
        save_data=Path(args.save_data) if args.save_data else None,
        sets=tuple(args.sets) if args.sets else SETS,
    )
    if args.json:
        _write(json.dumps(report, indent=2, ensure_ascii=False) + "\n")
    else:
        _write(render(report) + "\n")
    return 0


def eval_subparsers(
    commands: argparse._SubParsersAction[argparse.ArgumentParser],
) -> argparse._SubParsersAction[argparse.ArgumentParser]:
    """The ``edged eval`` group's subparsers, made on first use: each module that measures
    something (redact, router, shadow) adds its own subcommand to the one group."""
    existing = commands.choices.get("eval")
    if existing is not None:
        for action in existing._actions:
            if isinstance(action, argparse._SubParsersAction):
                return action
    return commands.add_parser("eval", help="measure quality on labeled data").add_subparsers(
        dest="eval_command", required=True, metavar="COMMAND"
    )


def add_eval_redact(evals: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = evals.add_parser(
        "redact",
        help="recall, leaks, precision and speed of redact on Japanese and English plant text: "
        "an independent set and the generated one, both modes, with Presidio beside them",
    )
    p.add_argument(
        "--per-lang", type=int, default=2000, metavar="N", help="sentences per language (default 2000)"
    )
    p.add_argument("--seed", type=int, default=7)
    p.add_argument(
        "--set",
        dest="sets",
        action="append",
        choices=(
            "final",
            "holdout",
            "independent",
            "fresh",
            "unseen",
            "blind",
            "eighth",
            "ninth",
            "tenth",
            "eleventh",
            "generated",
        ),
        help="measure only this set (repeatable; default: every set)",
    )
    p.add_argument(
        "--config",
        metavar="edged.toml",
        help="measure this [privacy] table (default: built-in settings with the evaluation's site patterns)",
    )
    p.add_argument("--ja-analyzer", choices=ANALYZERS, help="override the Japanese dictionary")
    p.add_argument("--no-presidio", action="store_true", help="measure edged only")
    p.add_argument(
        "--save-data", metavar="FILE", help="also write each labeled set as JSONL (FILE-<set>.jsonl)"
    )
    p.add_argument("--json", action="store_true", help="print the figures as JSON")
    p.set_defaults(handler=cmd_eval_redact)


def add_commands(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Register ``redact`` and ``eval redact`` on the ``edged`` command's subparsers."""
    redact = commands.add_parser(
        "redact",
        help="replace personal and plant identifiers in stdin with placeholders (what the cloud would see)",
    )
    redact.add_argument(
        "--lang",
        choices=LANG_CHOICES,
        default="auto",
        help="language of the text (default: auto, per line with --jsonl)",
    )
    redact.add_argument(
        "--jsonl",
        action="store_true",
        help='each input line is {"text": ...}; each output line adds "redacted" and '
        '"entities" (type, start, end: offsets into text, in characters)',
    )
    redact.add_argument("--config", metavar="edged.toml", help="use this file's [privacy] table")
    redact.add_argument(
        "--mode",
        choices=("standard", "strict"),
        help="strict also masks likely but unproven values (default: the config's mode, strict)",
    )
    redact.add_argument("--stats", action="store_true", help=argparse.SUPPRESS)  # for eval redact
    redact.set_defaults(handler=cmd_redact)
    add_eval_redact(eval_subparsers(commands))
