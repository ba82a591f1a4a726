"""The engine in its own process, behind the same ``Engine`` protocol.

The runtimes' Python calls hold the GIL for as long as they run (a 1,200-token prefill on the CPU
blocked every thread of the daemon for ~9 s: MQTT keep-alives, /healthz, signals, the watchdog).
Here the model lives in a child process (as vLLM's engine core and TensorRT-LLM's executor
workers do); the daemon's thread that calls ``generate`` waits on a queue, which releases the GIL,
so the rest of the daemon runs on.

    parent (daemon)                          child (python -m edged.engines.process_child, a socket pair)
    EngineProcess.generate(batch) ──► (call, "generate", requests, stream) ─► engine.generate(...)
      (any number of threads)     ◄── (call, "token", i, id, text) | (call, "tick")   (every token)
                                  ◄── (call, "result", results) | (call, "error", kind, message)

Every message carries its call's number, and one reader thread hands each to its caller, so
several calls may be in the child at once: an engine that batches continuously (``info.concurrent``)
runs them together, any other answers them one at a time in the order they came.

Failures: a child that dies (OOM, segfault, kill) or sends nothing for ``step_timeout_s`` while a
call waits (a hung step; every token is progress) is killed and started again in the background;
the calls that were in it raise ``EngineError`` (their requests get ``engine_error``), and calls
made while the new child loads wait for it up to ``start_timeout_s``. ``alive()`` is what the
daemon's watchdog asks: false while a step is overdue or the child is down.
"""

from __future__ import annotations

import contextlib
import functools
import itertools
import logging
import queue
import socket
import subprocess
import sys
import threading
import time
from collections.abc import Callable, Sequence
from multiprocessing.connection import Connection
from pathlib import Path
from typing import Any

from edged.engines.base import (
    AdapterRef,
    ChatMessage,
    EngineHealth,
    EngineInfo,
    GenerationRequest,
    GenerationResult,
    LabelScore,
    TokenCallback,
)
from edged.errors import AdapterError, DeadlineExceeded, EdgedError, EngineError, InputTooLong

log = logging.getLogger(__name__)

DEFAULT_STEP_TIMEOUT_S = 60.0  # a CPU prefill of 1,200 tokens takes ~9 s; a GPU one, well under 1 s
DEFAULT_START_TIMEOUT_S = 180.0
_ERRORS: dict[str, type[EdgedError]] = {
    "InputTooLong": InputTooLong,
    "DeadlineExceeded": DeadlineExceeded,
    "EngineError": EngineError,
    "AdapterError": AdapterError,
}


class _Call:
    """One call waiting for the child: its messages arrive in ``inbox`` from the reader thread."""

    def __init__(self, process: Any) -> None:
        self.process = process  # the child it was sent to
        self.inbox: queue.SimpleQueue[tuple[Any, ...]] = queue.SimpleQueue()


class EngineProcess:
    """An ``Engine`` whose model runs in a child process; restarts it when it dies or hangs."""

    def __init__(
        self,
        folder: Path,
        *,
        step_timeout_s: float = DEFAULT_STEP_TIMEOUT_S,
        start_timeout_s: float = DEFAULT_START_TIMEOUT_S,
        batching: str = "static",
    ) -> None:
        self.folder = folder
        self.batching = batching
        self.step_timeout_s = step_timeout_s
        self.start_timeout_s = start_timeout_s
        self.restarts = 0
        self._send_lock = threading.Lock()  # one message at a time on the pipe
        self._state_lock = threading.Lock()
        self._calls: dict[int, _Call] = {}  # call number -> its caller (guarded by _state_lock)
        self._numbers = itertools.count(1)
        self._ready = threading.Event()
        self._process: Any = None
        self._conn: Connection | None = None
        self._info: EngineInfo | None = None
        self._last_progress = time.monotonic()
        self._closed = False
        self._start_error: EdgedError | None = None
        self._gave_up = False
        self._listeners: list[Callable[[str], None]] = []
        self._loading: Any = None
        self._start()
        if self._start_error is not None:
            raise self._start_error

    # -- the Engine protocol -------------------------------------------------------------------

    @property
    def info(self) -> EngineInfo:
        if self._info is None:  # pragma: no cover - set before __init__ returns
            raise EngineError("the engine process has not started")
        return self._info

    def count_tokens(self, messages: Sequence[ChatMessage]) -> int:
        return int(self._call(("count_tokens", list(messages))))

    def generate(
        self, requests: Sequence[GenerationRequest], on_token: TokenCallback | None = None
    ) -> list[GenerationResult]:
        message = ("generate", list(requests), on_token is not None)
        results: list[GenerationResult] = self._call(message, on_token)
        return results

    def score_labels(self, messages: Sequence[ChatMessage], labels: Sequence[str], *, complete: bool = True,
                     deadline: float | None = None, adapter: AdapterRef | None = None) -> list[LabelScore]:
        scores: list[LabelScore] = self._call(
            ("score_labels", list(messages), list(labels), complete, deadline, adapter))
        return scores

    def health(self) -> EngineHealth:
        started = time.perf_counter()
        if not self._ready.is_set():  # loading: do not wait for it
            detail = "down" if self.state == "down" else "the engine process is loading the model"
            return EngineHealth(False, detail, (time.perf_counter() - started) * 1e3)
        if self._calls:  # mid-call: its progress says whether it lives
            ok = self.alive()
            detail = "generating" if ok else f"no progress for over {self.step_timeout_s:.0f} s"
            return EngineHealth(ok, detail, (time.perf_counter() - started) * 1e3)
        try:
            child: EngineHealth = self._call(("health",), timeout_s=min(5.0, self.step_timeout_s))
        except EngineError as exc:
            return EngineHealth(False, exc.message, (time.perf_counter() - started) * 1e3)
        return EngineHealth(child.ok, child.detail, (time.perf_counter() - started) * 1e3)

    def close(self) -> None:
        self._closed = True
        with self._state_lock:
            conn, process, loading = self._conn, self._process, self._loading
            self._conn = self._process = None
        if loading is not None and loading.poll() is None:
            loading.kill()  # a model mid-load: it would only be killed once loaded
        if conn is not None:
            with contextlib.suppress(OSError, EOFError):
                conn.send((0, "close"))
            conn.close()
        if process is not None:
            try:
                process.wait(5)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait(5)

    # -- what the daemon asks ------------------------------------------------------------------

    @property
    def state(self) -> str:
        """serving; restarting (a new child is loading the model); hung (a step is overdue);
        down (closed, or three starts in a row failed)."""
        if self._closed or self._gave_up:
            return "down"
        process = self._process
        if process is None or process.poll() is not None or not self._ready.is_set():
            return "restarting"
        busy = bool(self._calls)
        if busy and time.monotonic() - self._last_progress >= self.step_timeout_s:
            return "hung"
        return "serving"

    def add_listener(self, listener: Callable[[str], None]) -> None:
        """``listener(state)`` on every change of state made here (restarting, serving, down);
        it runs on the engine's threads and must not block."""
        self._listeners.append(listener)

    def _tell(self, state: str) -> None:
        for listener in self._listeners:
            try:
                listener(state)
            except Exception:  # a listener's bug must not stop a restart
                log.exception("engine state listener failed")

    def alive(self) -> bool:
        """The watchdog's question: serving, or restarting as it should; not hung, not given up."""
        return self.state in ("serving", "restarting")

    @property
    def pid(self) -> int | None:
        process = self._process
        return None if process is None else int(process.pid)

    # -- the child's lifecycle -----------------------------------------------------------------

    def _start(self) -> None:
        """Start a child and wait until it has loaded the model (or failed to)."""
        self._ready.clear()
        process, parent, message = _spawn(self.folder, self.batching, self.start_timeout_s, self._set_loading)
        if not message or message[0] != "ready":
            process.kill()
            process.wait(5)
            parent.close()
            detail = message[2] if message and message[0] == "error" else "it exited or did not answer"
            self._start_error = EngineError(
                f"the engine process could not load the engine in {self.folder}: {detail}",
            )
            return
        self._start_error = None
        with self._state_lock:
            closed = self._closed
            if not closed:
                self._process, self._conn, self._info = process, parent, message[1]
        if closed:  # close() came while this child loaded: it must not outlive the daemon
            process.kill()
            process.wait(5)
            parent.close()
            return
        self._last_progress = time.monotonic()
        self._ready.set()
        log.info("engine process %d serving %s", process.pid, message[1].model_id)
        threading.Thread(
            target=self._read, args=(parent, process), name="edged-engine-read", daemon=True,
        ).start()
        self._tell("serving")

    def _set_loading(self, process: Any) -> None:
        with self._state_lock:
            self._loading = process  # close() stops it, even mid-load

    def _read(self, conn: Connection, process: Any) -> None:
        """Hand each message of the child to its call. When the pipe ends (the child died, or a
        restart or close closed it), every call still in that child is told, and a child that
        died on its own is replaced now, not by the next request's failure."""
        while True:
            try:
                number, *message = conn.recv()
            except (EOFError, OSError, TypeError):
                # TypeError: close() or a restart closed the pipe under this read (CPython's
                # Connection then reads from a handle of None); the pipe ended all the same.
                break
            self._last_progress = time.monotonic()
            call = self._calls.get(number)
            if call is not None:  # a call that gave up (hang, callback error) no longer listens
                call.inbox.put(tuple(message))
        with self._state_lock:
            orphans = [call for call in self._calls.values() if call.process is process]
        for call in orphans:
            call.inbox.put(("died",))
        if not self._closed and self._process is process:
            process.wait()
            self._restart_in_background(f"it exited with code {process.returncode}", process)

    def _restart_in_background(self, why: str, expected: Any) -> None:
        """Replace ``expected`` (the child the caller saw fail); a no-op when another thread has
        already replaced it, so a death noticed twice restarts once."""
        with self._state_lock:
            if self._process is not expected or expected is None:
                return
            process, conn = self._process, self._conn
            self._process = self._conn = None
        self._ready.clear()
        if process is not None and process.poll() is None:
            process.kill()
        if conn is not None:
            conn.close()
        if process is not None:
            process.wait(5)
        if self._closed:
            return
        self.restarts += 1
        log.error("engine process restarted (%s)", why)
        self._tell("restarting")

        def restart() -> None:
            for attempt in range(1, 4):
                if self._closed:
                    return
                self._start()
                if self._start_error is None or self._closed:
                    return
                log.error("engine process start %d failed: %s", attempt, self._start_error.message)
                time.sleep(min(2.0 * attempt, 5.0))
            self._gave_up = True  # the watchdog stops: systemd restarts the whole service
            self._tell("down")

        threading.Thread(target=restart, name="edged-engine-restart", daemon=True).start()

    def _call(
        self,
        message: tuple[Any, ...],
        on_token: TokenCallback | None = None,
        *,
        timeout_s: float | None = None,
    ) -> Any:
        step = timeout_s if timeout_s is not None else self.step_timeout_s
        waited_until = time.monotonic() + self.start_timeout_s
        while not self._ready.wait(0.2):  # a new child loading; no waiting on one given up
            if self._closed or self._gave_up or time.monotonic() > waited_until:
                break
        with self._state_lock:
            conn, process = self._conn, self._process
            if not self._ready.is_set() or conn is None:
                raise EngineError(f"the engine process is not running ({self.state}); try again shortly")
            number, call = next(self._numbers), _Call(process)
            if not self._calls:  # idle time before this call is not a stalled step
                self._last_progress = time.monotonic()
            self._calls[number] = call
        try:
            try:
                with self._send_lock:
                    conn.send((number, *message))
            except (EOFError, OSError) as exc:  # only the pipe: a callback's OSError is the caller's
                return self._died(message[0], process, exc)
            cancel = functools.partial(_send_cancel, conn, self._send_lock, number)
            return self._receive(call, message[0], on_token, step, cancel)
        finally:
            with self._state_lock:
                self._calls.pop(number, None)

    def _died(self, what: str, process: Any, exc: BaseException | None) -> Any:
        if self._closed:
            raise EngineError(f"the engine was closed during {what}") from None
        code = _exit_code(process)
        why = type(exc).__name__ if exc is not None else "end of pipe"
        self._restart_in_background(f"it died during {what}: {why}", process)
        raise EngineError(f"the engine process died during {what} (exit code {code}); it is being restarted")

    def _receive(self, call: _Call, what: str, on_token: TokenCallback | None, step: float,
                 cancel: Callable[[], None]) -> Any:
        """Read the call's messages until its result or error. A failing ``on_token`` (a reply not
        published) stops the stream, cancels the call in the child, and is raised at its end."""
        callback_error: Exception | None = None
        while True:
            try:
                kind, *payload = call.inbox.get(timeout=min(step, 1.0))
            except queue.Empty:
                if time.monotonic() - self._last_progress < step:
                    continue
                self._restart_in_background(f"no answer for {step:.0f} s", call.process)
                raise EngineError(
                    f"the engine process gave no sign of progress for {step:.0f} s; it was stopped "
                    "and is being restarted",
                ) from None
            if kind == "token":
                if on_token is not None and callback_error is None:
                    try:
                        on_token(*payload)
                    except Exception as exc:
                        callback_error = exc
                        cancel()
            elif kind == "result":
                if callback_error is not None:
                    raise callback_error
                return payload[0]
            elif kind == "error":
                if callback_error is not None:  # the child stopped the call because of it
                    raise callback_error
                raise _ERRORS.get(payload[0], EngineError)(payload[1], code=payload[2])
            elif kind == "died":
                return self._died(what, call.process, None)


def _spawn(
    folder: Path, batching: str, timeout_s: float, loading: Callable[[Any], None],
) -> tuple[Any, Connection, Any]:
    """A child started on ``folder`` and its first message ("ready", info), ("error", ...) or
    None when it exited or said nothing within ``timeout_s``. ``loading(process)`` is told the
    child while it loads, and None once it has answered."""
    # A fresh interpreter, not a fork of a threaded daemon, and not multiprocessing's spawn
    # either (it re-imports the caller's __main__: the CLI, pytest); a socket pair carries
    # multiprocessing's framed pickles both ways.
    parent_sock, child_sock = socket.socketpair()
    with child_sock:
        process = subprocess.Popen(  # noqa: S603 - this interpreter, our own module
            [sys.executable, "-m", "edged.engines.process_child", str(folder), str(child_sock.fileno()),
             batching],
            pass_fds=(child_sock.fileno(),),
            stdin=subprocess.DEVNULL,
        )
    parent = Connection(parent_sock.detach())
    loading(process)
    deadline = time.monotonic() + timeout_s
    message: Any = None
    while time.monotonic() < deadline and process.poll() is None:
        if parent.poll(0.2):
            with contextlib.suppress(EOFError, OSError):
                message = parent.recv()
            break
    loading(None)
    return process, parent, message


def _send_cancel(conn: Connection, lock: threading.Lock, number: int) -> None:
    """Tell the child nobody reads call ``number``'s stream any more: an engine that batches
    continuously drops its rows at their next token instead of running them to the end."""
    with contextlib.suppress(OSError, EOFError), lock:
        conn.send((number, "cancel"))


def _exit_code(process: Any) -> str:
    if process is None:
        return "unknown"
    with contextlib.suppress(subprocess.TimeoutExpired):
        process.wait(1)  # its end of the pipe closes a moment before it is reaped
    code = process.poll()
    return "unknown" if code is None else str(code)
