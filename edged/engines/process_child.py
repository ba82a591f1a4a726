"""The engine process's child: ``python -m edged.engines.process_child FOLDER FD [BATCHING]`` loads
the engine in FOLDER and answers the parent (``edged/engines/process.py``) over the socket pair FD.

Every message is ``(call number, kind, *args)`` and every answer carries the same number. An
engine that batches continuously (``info.concurrent``) gets each call on its own thread, so calls
join its running batch; any other engine answers one call at a time, in the order they came.
"""

from __future__ import annotations

import os
import signal
import sys
import threading
import time
from multiprocessing.connection import Connection
from pathlib import Path
from typing import Any

from edged.errors import EdgedError, EngineError


class _Pipe:
    """The child's end: one message at a time, whichever thread sends it."""

    def __init__(self, conn: Connection) -> None:
        self.conn = conn
        self._lock = threading.Lock()
        self.cancelled: set[int] = set()  # calls whose caller stopped reading their stream

    def send(self, message: tuple[Any, ...]) -> None:
        with self._lock:
            self.conn.send(message)


def serve(conn: Connection, folder: str, batching: str = "static") -> None:
    """The child's loop: load the engine, then answer messages until told to close or the parent
    goes away (its end of the pipe closes)."""
    # The daemon decides when the engine stops: a SIGTERM for the service (systemd sends it to the
    # whole group) must not kill the model under requests the daemon is still finishing.
    signal.signal(signal.SIGTERM, signal.SIG_IGN)
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    from edged.engines.loader import load_engine_from
    from edged.engines.manifest import EngineManifest

    try:
        engine = load_engine_from(Path(folder), EngineManifest.read(Path(folder)), batching=batching)
    except Exception as exc:
        conn.send(("error", type(exc).__name__, str(exc)))
        return
    conn.send(("ready", engine.info))
    pipe = _Pipe(conn)
    while True:
        try:
            number, kind, *args = conn.recv()
        except (EOFError, OSError):
            break  # the parent is gone
        if kind == "close":
            break
        if kind == "cancel":  # no answer: the call's own result still comes
            pipe.cancelled.add(number)
            continue
        if engine.info.concurrent:
            threading.Thread(target=_handle, args=(engine, pipe, number, kind, args), daemon=True).start()
        elif not _handle(engine, pipe, number, kind, args):
            break
    engine.close()
    os._exit(0)  # no interpreter teardown: the runtime's threads may still hold the model


def _handle(engine: Any, pipe: _Pipe, number: int, kind: str, args: list[Any]) -> bool:
    """Answer one call; False when the parent is gone."""
    try:
        pipe.send((number, "result", _answer(engine, pipe, number, kind, args)))
    except (BrokenPipeError, OSError):
        return False
    except EdgedError as exc:
        pipe.send((number, "error", type(exc).__name__, exc.message, exc.code))
    except Exception as exc:
        pipe.send((number, "error", "EngineError", f"{type(exc).__name__}: {exc}", "engine_error"))
    return True


def _answer(engine: Any, pipe: _Pipe, number: int, kind: str, args: list[Any]) -> Any:
    if kind == "generate":
        # every token is a sign of life; its text travels only when the caller streams
        stream = args[1]
        def on_token(i: int, token: int, text: str) -> None:
            if number in pipe.cancelled:  # a continuous engine drops the call's rows for this
                raise EngineError("the caller stopped reading this stream")
            pipe.send((number, "token", i, token, text) if stream else (number, "tick"))

        try:
            return engine.generate(args[0], on_token)
        finally:
            pipe.cancelled.discard(number)
    if kind == "count_tokens":
        return engine.count_tokens(args[0])
    if kind == "score_labels":
        return engine.score_labels(args[0], args[1], complete=args[2], deadline=args[3], adapter=args[4])
    if kind == "health":
        return engine.health()
    if kind == "crash_for_test":  # the fault tests' seam: how an engine dies or hangs mid-call
        if args[0] == "exit":
            os._exit(3)
        time.sleep(float(args[0]))
        return None
    raise EngineError(f"unknown engine process message {kind!r}")


if __name__ == "__main__":
    serve(Connection(int(sys.argv[2])), sys.argv[1], sys.argv[3] if len(sys.argv) > 3 else "static")
