"""`edged bench faults`: the daemon under the loads and faults that froze or lost requests before,
measured end to end against a real broker with `edged run` as a child process (as systemd runs
it: a notify socket, a watchdog interval, the metrics endpoint).

1. Long prompts: four ~1,500-token prompts in the engine; meanwhile /healthz is polled, a fifth
   client's requests meet a full queue (``busy``), the watchdog pings and the broker connection
   are watched; then SIGTERM with the prompts still in the engine.
2. A killed engine: requests in flight, the engine's process killed; every request answered, and
   how long until one is served again.
3. A burst of 10x the queue: every request answered (ok, busy or deadline_exceeded), and how late
   the latest answer came after its request's deadline.
"""

from __future__ import annotations

import itertools
import os
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from edged.bench.service import CLIENT, DEVICE, HOST, _site
from edged.bench.sweep import percentile
from edged.client import ClientConfig, ClientError, EdgedClient
from edged.engines.store import EngineStore
from edged.errors import EdgedError
from edged.provisioning.mosquitto import MosquittoProcess, free_port

QUEUE = 4
WATCHDOG_S = 30.0
LONG_INPUT = "The hydraulic pump on line three is leaking oil near the shaft seal again. " * 100


class _Notify:
    """What systemd would receive: the daemon's sd_notify datagrams, with their arrival times."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self._sock = socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM)
        self._sock.bind(str(path))
        self._sock.settimeout(0.2)
        self.watchdog: list[float] = []
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)
        self._thread.start()

    def _run(self) -> None:
        while not self._stop.is_set():
            try:
                data = self._sock.recv(4096).decode()
            except TimeoutError:
                continue
            except OSError:
                return
            if "WATCHDOG=1" in data.splitlines():
                self.watchdog.append(time.monotonic())

    def max_gap(self, since: float, until: float) -> float:
        marks = [since, *(t for t in self.watchdog if since <= t <= until), until]
        return max(b - a for a, b in itertools.pairwise(marks))

    def close(self) -> None:
        self._stop.set()
        self._thread.join(2)
        self._sock.close()


class _Stack:
    def __init__(self, root: Path, store: EngineStore) -> None:
        self.root = root
        self.port = free_port()
        self.metrics_port = free_port()
        _site(root, self.port, 8)
        self.broker = MosquittoProcess(root / "mosquitto" / "mosquitto.conf", "127.0.0.1", self.port,
                                       root / "mosquitto.log").start()
        self.config = root / "edged.toml"
        self.config.write_text(
            f'device_id = "{DEVICE}"\n[mqtt]\nhost = "{HOST}"\nport = {self.port}\n'
            f'ca = "{DEVICE}/ca.crt"\ncert = "{DEVICE}/{DEVICE}.crt"\nkey = "{DEVICE}/{DEVICE}.key"\n'
            f'keepalive_s = 10\ntelemetry_interval_s = 60\n[engine]\nstore = "{store.root}"\n'
            f"[scheduler]\nqueue_size = {QUEUE}\nmax_batch = 4\nstop_timeout_s = 5\n"
            f'[ops]\nmetrics_host = "127.0.0.1"\nmetrics_port = {self.metrics_port}\n'
        )
        self.notify = _Notify(root / "notify.sock")
        self.daemon: subprocess.Popen[bytes] | None = None

    def start_daemon(self) -> None:
        env = {**os.environ, "NOTIFY_SOCKET": str(self.notify.path),
               "WATCHDOG_USEC": str(int(WATCHDOG_S * 1e6))}
        log = (self.root / "edged.log").open("ab")
        self.daemon = subprocess.Popen(  # noqa: S603 - ourselves
            [sys.executable, "-m", "edged", "run", "--config", str(self.config), "--log-level", "INFO"],
            stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=log, env=env,
        )
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            if self.healthz()[0] == 200:
                return
            if self.daemon.poll() is not None:
                break
            time.sleep(0.1)
        raise EdgedError(f"the daemon did not come up; see {self.root / 'edged.log'}", code="bench_failed")

    def healthz(self) -> tuple[int, float]:
        started = time.perf_counter()
        try:
            with urllib.request.urlopen(
                f"http://127.0.0.1:{self.metrics_port}/healthz", timeout=5
            ) as response:
                status = response.status
        except OSError:
            status = 0
        return status, (time.perf_counter() - started) * 1e3

    def client(self, index: int) -> EdgedClient:
        name = f"{CLIENT}-{index}"
        folder = self.root / name
        return EdgedClient(ClientConfig(host=HOST, port=self.port, device=DEVICE, ca=folder / "ca.crt",
                                        cert=folder / f"{name}.crt", key=folder / f"{name}.key"))

    def engine_pid(self) -> int | None:
        if self.daemon is None:
            return None
        for stat in Path("/proc").glob("[0-9]*/stat"):
            try:
                fields = stat.read_text().rsplit(")", 1)[1].split()
            except OSError:
                continue
            if int(fields[1]) == self.daemon.pid:  # its parent is the daemon: the engine process
                return int(stat.parent.name)
        return None

    def close(self) -> None:
        if self.daemon is not None and self.daemon.poll() is None:
            self.daemon.kill()
            self.daemon.wait(10)
        self.notify.close()
        self.broker.stop()


@contextmanager
def _stack(store: EngineStore) -> Iterator[_Stack]:
    with tempfile.TemporaryDirectory(prefix="edged-faults-") as tmp:
        stack = _Stack(Path(tmp), store)
        try:
            yield stack
        finally:
            stack.close()


def _in_threads(calls: list[Any]) -> list[Any]:
    results: list[Any] = [None] * len(calls)

    def run(i: int) -> None:
        try:
            results[i] = calls[i]()
        except (ClientError, EdgedError) as exc:
            results[i] = exc

    threads = [threading.Thread(target=run, args=(i,)) for i in range(len(calls))]
    for t in threads:
        t.start()
    for t in threads:
        t.join(300)
    return results


def _long_prompts(stack: _Stack) -> dict[str, Any]:
    clients = [stack.client(i) for i in range(4)]
    filler = stack.client(6)
    prober = stack.client(4)
    start = time.monotonic()
    body = {"task": "summarize", "input": LONG_INPUT, "max_tokens": 8, "deadline_ms": 120000}
    replies: list[Any] = []
    runner = threading.Thread(target=lambda: replies.extend(_in_threads([
        (lambda c=c: c.request(body, timeout=300)) for c in clients
    ])))
    runner.start()
    time.sleep(1.0)  # the four are in the engine; four more fill the queue behind them
    small = {"task": "ask", "input": "Say hi.", "max_tokens": 2, "deadline_ms": 120000}
    queued = threading.Thread(target=lambda: _in_threads([
        (lambda: filler.request(small, timeout=300)) for _ in range(QUEUE)
    ]))
    queued.start()
    time.sleep(0.5)
    health_ms: list[float] = []
    busy_ms: list[float] = []
    while runner.is_alive() and len(busy_ms) < 200:
        status, ms = stack.healthz()
        health_ms.append(ms if status == 200 else float("inf"))
        sent = time.perf_counter()
        reply = prober.request({"task": "ask", "input": "Say hi.", "max_tokens": 2, "deadline_ms": 2000},
                               timeout=30)
        if reply.body.get("error", {}).get("code") == "busy":
            busy_ms.append((time.perf_counter() - sent) * 1e3)
        time.sleep(0.05)
    runner.join(300)
    queued.join(300)
    load_end = time.monotonic()
    text = (stack.root / "edged.log").read_text(errors="replace")
    for client in [*clients, prober, filler]:
        client.close()
    return {
        "prompt_tokens_each": "~1,500",
        "answered_ok": sum(1 for r in replies if getattr(r, "ok", False)),
        "healthz_ms": {"p50": round(statistics.median(health_ms), 1) if health_ms else None,
                       "max": round(max(health_ms), 1) if health_ms else None, "n": len(health_ms)},
        "busy_ms": {"p99": round(percentile(busy_ms, 0.99), 1) if busy_ms else None, "n": len(busy_ms)},
        "watchdog_gap_s": round(stack.notify.max_gap(start, load_end), 2),
        "broker_disconnects": text.count("disconnected from the broker"),
        "seconds_under_load": round(load_end - start, 1),
    }


def _sigterm(stack: _Stack) -> float:
    clients = [stack.client(i) for i in range(2)]
    body = {"task": "summarize", "input": LONG_INPUT, "max_tokens": 8, "deadline_ms": 120000}
    runner = threading.Thread(target=lambda: _in_threads([
        (lambda c=c: c.request(body, timeout=60)) for c in clients
    ]))
    runner.start()
    time.sleep(1.5)
    if stack.daemon is None:
        raise EdgedError("no daemon to stop", code="bench_failed")
    sent = time.monotonic()
    stack.daemon.send_signal(signal.SIGTERM)
    try:
        stack.daemon.wait(60)
    except subprocess.TimeoutExpired:
        stack.daemon.kill()
    exit_s = time.monotonic() - sent
    runner.join(70)
    for client in clients:
        client.close()
    return round(exit_s, 2)


def _killed_engine(stack: _Stack) -> dict[str, Any]:
    clients = [stack.client(i) for i in range(3)]
    body = {"task": "ask", "input": "Write a long story about pumps.", "max_tokens": 300,
            "deadline_ms": 60000}
    holder: list[Any] = []
    runner = threading.Thread(target=lambda: holder.extend(_in_threads([
        (lambda c=c: c.request(body, timeout=90)) for c in clients
    ])))
    runner.start()
    time.sleep(1.5)
    pid = stack.engine_pid()
    if pid is None:
        raise EdgedError("no engine process found under the daemon", code="bench_failed")
    killed = time.monotonic()
    os.kill(pid, signal.SIGKILL)
    runner.join(120)
    probe = stack.client(5)
    serving_s = None
    while time.monotonic() - killed < 60:
        reply = probe.request({"task": "ask", "input": "Say hi.", "max_tokens": 2}, timeout=30)
        if reply.ok:
            serving_s = time.monotonic() - killed
            break
        time.sleep(0.1)
    probe.close()
    for client in clients:
        client.close()
    codes = [r.body.get("error", {}).get("code", "ok") if hasattr(r, "body") else "no reply" for r in holder]
    return {"in_flight": len(clients), "answered": sum(c != "no reply" for c in codes), "codes": codes,
            "serving_again_s": None if serving_s is None else round(serving_s, 2)}


def _burst(stack: _Stack) -> dict[str, Any]:
    count = 10 * QUEUE
    clients = [stack.client(i) for i in range(8)]
    deadline_ms = 5000
    sent_at: list[float] = []
    lateness: list[float] = []

    def one(i: int) -> str:
        client = clients[i % len(clients)]
        sent = time.monotonic()
        sent_at.append(sent)
        body = {"task": "ask", "input": "Say hi.", "max_tokens": 8, "deadline_ms": deadline_ms}
        reply = client.request(body, timeout=30)
        lateness.append(time.monotonic() - (sent + deadline_ms / 1000))
        code: str = reply.body.get("error", {}).get("code", "ok")
        return code

    results = _in_threads([(lambda i=i: one(i)) for i in range(count)])
    for client in clients:
        client.close()
    codes = [r if isinstance(r, str) else "no reply" for r in results]
    return {"requests": count, "by_code": {c: codes.count(c) for c in sorted(set(codes))},
            "latest_after_deadline_s": round(max(lateness), 2) if lateness else None}


def run_faults_bench(store: EngineStore) -> dict[str, Any]:
    with _stack(store) as stack:
        stack.start_daemon()
        load = _long_prompts(stack)
        exit_s = _sigterm(stack)
        stack.start_daemon()
        killed = _killed_engine(stack)
        burst = _burst(stack)
    return {"long_prompts": load, "sigterm_exit_s": exit_s, "killed_engine": killed, "burst": burst}


def render(result: dict[str, Any]) -> str:
    load, killed, burst = result["long_prompts"], result["killed_engine"], result["burst"]
    return "\n".join([
        "setup      real Mosquitto (mTLS), `edged run` with the CPU engine in its own process, queue "
        f"{QUEUE}, watchdog {WATCHDOG_S:.0f} s, keep-alive 10 s",
        f"long       4 prompts of {load['prompt_tokens_each']} tokens for {load['seconds_under_load']} s: "
        f"{load['answered_ok']}/4 ok; /healthz p50 {load['healthz_ms']['p50']} ms, max "
        f"{load['healthz_ms']['max']} ms (target < 100); busy p99 {load['busy_ms']['p99']} ms over "
        f"{load['busy_ms']['n']} (target < 50); "
        f"watchdog gap {load['watchdog_gap_s']} s (target < 15); broker disconnects "
        f"{load['broker_disconnects']} (target 0)",
        f"sigterm    exit {result['sigterm_exit_s']} s after SIGTERM with prompts in the engine "
        "(target < 10)",
        f"killed     engine killed with {killed['in_flight']} requests in it: {killed['answered']} "
        f"answered ({', '.join(killed['codes'])}); serving again after {killed['serving_again_s']} s "
        "(target < 10)",
        f"burst      {burst['requests']} requests at once: {burst['by_code']}; latest answer "
        f"{burst['latest_after_deadline_s']} s after its deadline (target < 1)",
    ])
