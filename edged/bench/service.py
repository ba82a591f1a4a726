"""`edged bench service`: the daemon's own cost and its batching gain, end to end.

It provisions a throw-away site (CA, broker, appliance and client certificates), starts a real
Mosquitto with mTLS and `edged run` as a child process, then measures over QoS 1:
- time from starting the daemon to its retained ``online`` status;
- overhead per request: end-to-end latency seen by the client minus the engine's own time
  (reported in the reply), requests sent one at a time;
- the floor: the same request/reply with a bare responder in the daemon's place (bench/sweep.py);
- a sweep over 1, 2, 4, 8, 16 concurrent clients: tokens/s, end-to-end latency and time to the
  first streamed chunk, with a text plot.
"""

from __future__ import annotations

import getpass
import json
import os
import signal
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import paho.mqtt.client as paho
from paho.mqtt.enums import CallbackAPIVersion

from edged.bench.sweep import WAITED_FLOOR_S, body, floor_round_trips, percentile, plot, sweep
from edged.client import ClientConfig, EdgedClient
from edged.engines.store import EngineStore
from edged.errors import ConfigError, EdgedError
from edged.provisioning import pki
from edged.provisioning.broker import BrokerSite, DeviceAccess, write_broker_config
from edged.provisioning.mosquitto import MosquittoProcess, free_port
from edged.service.tls import tls_context

DEVICE, CLIENT, HOST = "bench-1", "bench-client", "localhost"
WATCHER = "bench-watch"
LEVELS = (1, 2, 4, 8, 16)


def _site(root: Path, port: int, clients: int) -> BrokerSite:
    ca = root / "ca"
    pki.init_ca(ca, name="edged bench CA")
    server = pki.issue(ca, "server", HOST, root / "broker", sans=("localhost", "127.0.0.1"))
    pki.issue(ca, "device", DEVICE, root / DEVICE)
    # the broker binds client id to identity: one certificate per connection, and the watcher's own
    names = (*(f"{CLIENT}-{i}" for i in range(clients)), WATCHER)
    for name in names:
        pki.issue(ca, "client", name, root / name)
    site = BrokerSite(
        host="127.0.0.1", port=port, cafile=ca / "ca.crt", certfile=server.cert,
        keyfile=root / "broker" / f"{HOST}.key", crlfile=ca / "crl.pem",
        access_file=root / "mosquitto" / "dynamic-security.json",
        devices=(DeviceAccess(id=DEVICE, pools=()),), clients=names,
        user="root" if os.geteuid() == 0 else getpass.getuser(),
    )
    (root / "mosquitto").mkdir()
    write_broker_config(site, root / "mosquitto")
    return site


def _write_daemon_config(
    root: Path, port: int, store: Path, *, isolation: str, batching: str, stream_interval_ms: float
) -> Path:
    path = root / "edged.toml"
    path.write_text(
        f'device_id = "{DEVICE}"\n[mqtt]\nhost = "{HOST}"\nport = {port}\n'
        f'ca = "{DEVICE}/ca.crt"\ncert = "{DEVICE}/{DEVICE}.crt"\nkey = "{DEVICE}/{DEVICE}.key"\n'
        f'telemetry_interval_s = 60\n[engine]\nstore = "{store}"\nisolation = "{isolation}"\n'
        f'batching = "{batching}"\n[scheduler]\nstream_interval_ms = {stream_interval_ms}\n',
    )
    return path


def _wait_online(root: Path, port: int, started: float, daemon: subprocess.Popen[bytes]) -> float:
    """Seconds from ``started`` until the retained status says online."""
    seen = threading.Event()
    when: list[float] = []

    def on_message(_client: Any, _userdata: Any, message: paho.MQTTMessage) -> None:
        if json.loads(message.payload).get("status") == "online" and not seen.is_set():
            when.append(time.monotonic())
            seen.set()

    client = paho.Client(CallbackAPIVersion.VERSION2, client_id="bench-watch", protocol=paho.MQTTv5)
    watcher = WATCHER
    client.tls_set_context(tls_context(root / watcher / "ca.crt", root / watcher / f"{watcher}.crt",
                                       root / watcher / f"{watcher}.key"))
    client.on_message = on_message
    client.on_connect = lambda c, *_: c.subscribe(f"edged/{DEVICE}/status", qos=1)
    client.connect(HOST, port)
    client.loop_start()
    try:
        for _ in range(600):
            if seen.wait(0.05) or daemon.poll() is not None:
                break
    finally:
        client.disconnect()
        client.loop_stop()
    if not when:
        raise EdgedError("the daemon never reported online; run `edged run` by hand to see why",
                         code="bench_failed")
    return when[0] - started


def _one_at_a_time(client: EdgedClient, requests: int, tokens: int) -> dict[str, Any]:
    overheads, e2e, engine, inside, produced = [], [], [], [], 0
    began = time.perf_counter()
    for i in range(requests):
        sent = time.perf_counter()
        reply = client.request(body(i, tokens))
        elapsed = (time.perf_counter() - sent) * 1e3
        if not reply.ok:
            raise EdgedError(f"request failed: {reply.body}", code="bench_failed")
        engine_ms = float(reply.body["timings_ms"]["engine"])
        e2e.append(elapsed)
        engine.append(engine_ms)
        overheads.append(elapsed - engine_ms)
        inside.append(float(reply.body["timings_ms"]["total"]) - engine_ms)
        produced += int(reply.body["usage"]["completion_tokens"])
    return {"overheads": overheads, "e2e": e2e, "engine": engine, "inside": inside,
            "tokens_per_s": produced / (time.perf_counter() - began)}


def _connect(root: Path, port: int, count: int) -> list[EdgedClient]:
    return [
        EdgedClient(ClientConfig(host=HOST, port=port, device=DEVICE, ca=root / name / "ca.crt",
                                 cert=root / name / f"{name}.crt", key=root / name / f"{name}.key"))
        for name in (f"{CLIENT}-{i}" for i in range(count))
    ]


def _stop(daemon: subprocess.Popen[bytes] | None) -> None:
    if daemon is not None:
        daemon.send_signal(signal.SIGTERM)
        try:
            daemon.wait(timeout=30)
        except subprocess.TimeoutExpired:
            daemon.kill()


def run_service_bench(store: EngineStore, *, requests: int = 32, clients: int = 8, tokens: int = 48,
                      isolation: str = "process", batching: str = "continuous",
                      levels: Sequence[int] = LEVELS, sweep_requests: int = 16,
                      stream_interval_ms: float = 50.0) -> dict[str, Any]:
    levels = sorted(set(levels) | {1, clients})
    if requests < 1 or clients < 1 or tokens < 1 or sweep_requests < 1:
        raise ConfigError("--requests, --clients, --tokens and --sweep-requests must be positive.",
                          code="bad_request")
    with tempfile.TemporaryDirectory(prefix="edged-bench-") as tmp:
        root = Path(tmp)
        port = free_port()
        _site(root, port, max(levels))
        broker = MosquittoProcess(root / "mosquitto" / "mosquitto.conf", "127.0.0.1", port,
                                  root / "mosquitto.log").start()
        daemon: subprocess.Popen[bytes] | None = None
        connections: list[EdgedClient] = []
        try:
            connections = _connect(root, port, max(levels))
            floor = floor_round_trips(connections[0], root / DEVICE, DEVICE, count=requests, tokens=tokens)
            waited = floor_round_trips(connections[0], root / DEVICE, DEVICE, count=requests, tokens=tokens,
                                       wait_s=WAITED_FLOOR_S)
            config = _write_daemon_config(root, port, store.root, isolation=isolation, batching=batching,
                                          stream_interval_ms=stream_interval_ms)
            started = time.monotonic()
            daemon = subprocess.Popen(  # noqa: S603 - ourselves
                [sys.executable, "-m", "edged", "run", "--config", str(config), "--log-level", "WARNING"],
                stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=(root / "edged.log").open("wb"),
            )
            ready_s = _wait_online(root, port, started, daemon)
            for i in range(2):  # warm-up
                connections[0].request(body(i, tokens))
            sequential = _one_at_a_time(connections[0], requests, tokens)
            rows = sweep(connections, levels, sweep_requests, tokens)
        finally:
            for connection in connections:
                connection.close()
            _stop(daemon)
            broker.stop()
    overheads = sequential["overheads"]
    headline = next(row for row in rows if row["clients"] == clients)
    return {
        "isolation": isolation, "batching": batching, "stream_interval_ms": stream_interval_ms,
        "requests": requests, "clients": clients,
        "tokens_per_request": tokens, "ready_s": round(ready_s, 3),
        "floor_ms": floor, "waited_floor_ms": {**waited, "wait_s": WAITED_FLOOR_S},
        "overhead_ms": {"p50": round(statistics.median(overheads), 3),
                        "p99": round(percentile(overheads, 0.99), 3),
                        "max": round(max(overheads), 3)},
        "daemon_overhead_ms_p50": round(statistics.median(sequential["inside"]), 3),
        "end_to_end_ms_p50": round(statistics.median(sequential["e2e"]), 2),
        "engine_ms_p50": round(statistics.median(sequential["engine"]), 2),
        "sequential_tokens_per_s": round(sequential["tokens_per_s"], 1),
        "sweep": rows,
        "concurrent_tokens_per_s": headline["tokens_per_s"],
        "concurrency_speedup": headline["speedup"],
        "p99_at_clients_over_single_p50": round(headline["e2e_ms"]["p99"] / rows[0]["e2e_ms"]["p50"], 2),
    }


def render(result: dict[str, Any]) -> str:
    o, floor, waited = result["overhead_ms"], result["floor_ms"], result["waited_floor_ms"]
    lines = [
        f"setup      real Mosquitto (mTLS, QoS 1), `edged run` with the CPU engine (isolation = "
        f"{result['isolation']}, batching = {result['batching']}, stream_interval_ms = "
        f"{result['stream_interval_ms']:g}), {result['tokens_per_request']} new tokens "
        "per request",
        f"ready      status online {result['ready_s']:.2f} s after the daemon started",
        f"floor      the same request/reply with a bare responder: p50 {floor['p50']:.2f} ms, "
        f"p99 {floor['p99']:.2f} ms answered at once; p50 {waited['p50']:.2f} ms, p99 {waited['p99']:.2f} ms "
        f"answered by a worker after {waited['wait_s'] * 1e3:.0f} ms (the wait not counted)",
        f"overhead   end-to-end minus engine time: p50 {o['p50']:.2f} ms, p99 {o['p99']:.2f} ms, "
        f"max {o['max']:.2f} ms (end-to-end p50 {result['end_to_end_ms_p50']:.1f} ms, engine p50 "
        f"{result['engine_ms_p50']:.1f} ms; of the p50, {result['daemon_overhead_ms_p50']:.2f} ms inside the "
        f"daemon, the rest MQTT and the client), {result['requests']} requests one at a time",
        "sweep      streamed requests, each client one after the other:",
        "    clients  tokens/s  speedup  e2e p50/p99 ms  first chunk p50/p99 ms",
    ]
    for row in result["sweep"]:
        lines.append(
            f"    {row['clients']:>7}  {row['tokens_per_s']:>8.1f}  {row['speedup']:>6.2f}x  "
            f"{row['e2e_ms']['p50']:>6.0f}/{row['e2e_ms']['p99']:<6.0f}  "
            f"{row['ttft_ms']['p50']:>10.0f}/{row['ttft_ms']['p99']:.0f}",
        )
    lines.append(
        f"batching   {result['clients']} concurrent clients {result['concurrent_tokens_per_s']:.1f} tok/s: "
        f"{result['concurrency_speedup']:.2f}x one client; their p99 is "
        f"{result['p99_at_clients_over_single_p50']:.2f}x one client's p50",
    )
    return "\n".join([*lines, "", plot(result["sweep"])])
