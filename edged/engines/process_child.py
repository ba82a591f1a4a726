"""The engine process's child: ``python -m edged.engines.process_child FOLDER FD`` loads the engine
in FOLDER and answers the parent (``edged/engines/process.py``) over the socket pair FD, one
message at a time."""

from __future__ import annotations

import os
import signal
import sys
import time
from multiprocessing.connection import Connection
from pathlib import Path
from typing import Any

from edged.errors import EdgedError, EngineError


def serve(conn: Connection, folder: str) -> None:
    """The child's loop: load the engine, then answer one message at a time until told to close
    or the parent goes away (its end of the pipe closes)."""
    # The daemon decides when the engine stops: a SIGTERM for the service (systemd sends it to the
    # whole group) must not kill the model under requests the daemon is still finishing.
    signal.signal(signal.SIGTERM, signal.SIG_IGN)
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    from edged.engines.loader import load_engine_from
    from edged.engines.manifest import EngineManifest

    try:
        engine = load_engine_from(Path(folder), EngineManifest.read(Path(folder)))
    except Exception as exc:
        conn.send(("error", type(exc).__name__, str(exc)))
        return
    conn.send(("ready", engine.info))
    while True:
        try:
            message = conn.recv()
        except (EOFError, OSError):
            break  # the parent is gone
        if message[0] == "close":
            break
        try:
            conn.send(("result", _answer(engine, conn, message)))
        except (BrokenPipeError, OSError):
            break
        except EdgedError as exc:
            conn.send(("error", type(exc).__name__, exc.message))
        except Exception as exc:
            conn.send(("error", "EngineError", f"{type(exc).__name__}: {exc}"))
    engine.close()
    os._exit(0)  # no interpreter teardown: the runtime's threads may still hold the model


def _answer(engine: Any, conn: Connection, message: tuple[Any, ...]) -> Any:
    kind = message[0]
    if kind == "generate":
        # every token is a sign of life; its text travels only when the caller streams
        stream = message[2]
        return engine.generate(
            message[1],
            lambda i, token, text: conn.send(("token", i, token, text) if stream else ("tick",)),
        )
    if kind == "count_tokens":
        return engine.count_tokens(message[1])
    if kind == "score_labels":
        return engine.score_labels(message[1], message[2], complete=message[3], deadline=message[4])
    if kind == "health":
        return engine.health()
    if kind == "crash_for_test":  # the fault tests' seam: how an engine dies or hangs mid-call
        if message[1] == "exit":
            os._exit(3)
        time.sleep(float(message[1]))
        return None
    raise EngineError(f"unknown engine process message {kind!r}")


if __name__ == "__main__":
    serve(Connection(int(sys.argv[2])), sys.argv[1])
