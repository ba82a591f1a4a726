"""The `edged` command. Each subcommand imports what it needs when it runs, so `edged --help`
stays fast and works without the heavy extras installed; the groups live in edged/commands/."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable, Sequence

from edged import __version__
from edged.commands import adapter, bench, engine, service
from edged.errors import ConfigError, EdgedError

Handler = Callable[[argparse.Namespace], int]


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="edged",
        description="Local language model daemon for NVIDIA Jetson and RTX factory appliances.",
    )
    parser.add_argument("--version", action="version", version=f"edged {__version__}")
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    # The order of `edged --help`.
    engine.add_hw(commands)
    engine.add_engine(commands)
    adapter.add_adapter(commands)
    engine.add_generate(commands)
    bench.add_bench(commands)
    service.add_run(commands)
    service.add_config(commands)
    service.add_doctor(commands)
    service.add_ask(commands)
    bench.add_eval(commands)
    service.add_audit(commands)
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
