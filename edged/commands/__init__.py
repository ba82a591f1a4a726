"""The `edged` subcommands, one module per command group; ``edged.cli`` assembles the parser.

Each ``add_*`` function adds one group's parser (argparse only, so `edged --help` stays fast);
each ``cmd_*`` handler imports what it needs when it runs.
"""
