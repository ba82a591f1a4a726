"""`edged bench service`: the daemon's own cost and its batching gain, end to end.

It provisions a throw-away site (CA, broker, appliance and client certificates), starts a real
Mosquitto with mTLS and `edged run` as a child process, then measures over QoS 1:
- time from starting the daemon to its retained ``online`` status;
- overhead per request: end-to-end latency seen by the client minus the engine's own time
  (reported in the reply), requests sent one at a time;
- tokens/s of N clients sending at once against the same requests sent one at a time.
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
from pathlib import Path
from typing import Any

import paho.mqtt.client as paho
from paho.mqtt.enums import CallbackAPIVersion

from edged.client import ClientConfig, EdgedClient
from edged.engines.store import EngineStore
from edged.errors import ConfigError, EdgedError
from edged.provisioning import pki
from edged.provisioning.broker import BrokerSite, DeviceAccess, write_broker_config
from edged.provisioning.mosquitto import MosquittoProcess, free_port
from edged.service.tls import tls_context

DEVICE, CLIENT, HOST = "bench-1", "bench-client", "localhost"
TOPICS = ("a conveyor belt", "a robot arm", "a paint shop", "a night shift", "a forklift",
          "a welding cell", "a pump station", "a warehouse")


def _site(root: Path, port: int, clients: int) -> BrokerSite:
    ca = root / "ca"
    pki.init_ca(ca, name="edged bench CA")
    server = pki.issue(ca, "server", HOST, root / "broker", sans=("localhost", "127.0.0.1"))
    pki.issue(ca, "device", DEVICE, root / DEVICE)
    names = tuple(f"{CLIENT}-{i}" for i in range(clients))  # the broker binds client id to identity:
    for name in names:  # one certificate per connection
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


def _write_daemon_config(root: Path, port: int, store: Path, isolation: str) -> Path:
    path = root / "edged.toml"
    path.write_text(
        f'device_id = "{DEVICE}"\n[mqtt]\nhost = "{HOST}"\nport = {port}\n'
        f'ca = "{DEVICE}/ca.crt"\ncert = "{DEVICE}/{DEVICE}.crt"\nkey = "{DEVICE}/{DEVICE}.key"\n'
        f'telemetry_interval_s = 60\n[engine]\nstore = "{store}"\nisolation = "{isolation}"\n',
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
    watcher = f"{CLIENT}-0"  # disconnects before the benchmark's own connection with it starts
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


def _body(index: int, tokens: int) -> dict[str, Any]:
    return {"task": "ask", "input": f"Write a long story about {TOPICS[index % len(TOPICS)]}.",
            "max_tokens": tokens, "deadline_ms": 120000}


def _percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(q * (len(ordered) - 1)))]


def _one_at_a_time(client: EdgedClient, requests: int, tokens: int) -> dict[str, Any]:
    overheads, e2e, engine, inside, produced = [], [], [], [], 0
    began = time.perf_counter()
    for i in range(requests):
        sent = time.perf_counter()
        reply = client.request(_body(i, tokens))
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


def _all_at_once(connections: list[EdgedClient], requests: int, tokens: int) -> float:
    """Total tokens/s with every connection sending its share of the requests at once."""
    produced = 0
    lock = threading.Lock()

    def worker(index: int) -> None:
        nonlocal produced
        for i in range(index, requests, len(connections)):
            reply = connections[index].request(_body(i, tokens), timeout=300)
            with lock:
                produced += int(reply.body.get("usage", {}).get("completion_tokens", 0))

    threads = [threading.Thread(target=worker, args=(i,)) for i in range(len(connections))]
    began = time.perf_counter()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return produced / (time.perf_counter() - began)


def run_service_bench(store: EngineStore, *, requests: int = 32, clients: int = 8,
                      tokens: int = 48, isolation: str = "process") -> dict[str, Any]:
    if requests < clients or clients < 1 or tokens < 1:
        raise ConfigError("--requests must be at least --clients, both positive; --tokens positive.",
                          code="bad_request")
    with tempfile.TemporaryDirectory(prefix="edged-bench-") as tmp:
        root = Path(tmp)
        port = free_port()
        _site(root, port, clients)
        broker = MosquittoProcess(root / "mosquitto" / "mosquitto.conf", "127.0.0.1", port,
                                  root / "mosquitto.log").start()
        daemon: subprocess.Popen[bytes] | None = None
        connections: list[EdgedClient] = []
        try:
            config = _write_daemon_config(root, port, store.root, isolation)
            started = time.monotonic()
            daemon = subprocess.Popen(  # noqa: S603 - ourselves
                [sys.executable, "-m", "edged", "run", "--config", str(config), "--log-level", "WARNING"],
                stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=(root / "edged.log").open("wb"),
            )
            ready_s = _wait_online(root, port, started, daemon)
            connections = [
                EdgedClient(ClientConfig(host=HOST, port=port, device=DEVICE, ca=root / name / "ca.crt",
                                         cert=root / name / f"{name}.crt", key=root / name / f"{name}.key"))
                for name in (f"{CLIENT}-{i}" for i in range(clients))
            ]
            for i in range(2):  # warm-up
                connections[0].request(_body(i, tokens))
            sequential = _one_at_a_time(connections[0], requests, tokens)
            concurrent_tps = _all_at_once(connections, requests, tokens)
        finally:
            for connection in connections:
                connection.close()
            if daemon is not None:
                daemon.send_signal(signal.SIGTERM)
                try:
                    daemon.wait(timeout=30)
                except subprocess.TimeoutExpired:
                    daemon.kill()
            broker.stop()
    overheads, sequential_tps = sequential["overheads"], sequential["tokens_per_s"]
    return {
        "isolation": isolation,
        "requests": requests,
        "clients": clients,
        "tokens_per_request": tokens,
        "ready_s": round(ready_s, 3),
        "overhead_ms": {"p50": round(statistics.median(overheads), 3),
                        "p99": round(_percentile(overheads, 0.99), 3),
                        "max": round(max(overheads), 3)},
        "daemon_overhead_ms_p50": round(statistics.median(sequential["inside"]), 3),
        "end_to_end_ms_p50": round(statistics.median(sequential["e2e"]), 2),
        "engine_ms_p50": round(statistics.median(sequential["engine"]), 2),
        "sequential_tokens_per_s": round(sequential_tps, 1),
        "concurrent_tokens_per_s": round(concurrent_tps, 1),
        "concurrency_speedup": round(concurrent_tps / sequential_tps, 2),
    }


def render(result: dict[str, Any]) -> str:
    o = result["overhead_ms"]
    return "\n".join([
        f"setup      real Mosquitto (mTLS, QoS 1), `edged run` with the CPU engine (isolation = "
        f"{result['isolation']}), {result['requests']} requests of {result['tokens_per_request']} new tokens",
        f"ready      status online {result['ready_s']:.2f} s after the daemon started",
        f"overhead   end-to-end minus engine time: p50 {o['p50']:.2f} ms, p99 {o['p99']:.2f} ms, "
        f"max {o['max']:.2f} ms (end-to-end p50 {result['end_to_end_ms_p50']:.1f} ms, engine p50 "
        f"{result['engine_ms_p50']:.1f} ms; of the p50, {result['daemon_overhead_ms_p50']:.2f} ms inside the "
        "daemon, the rest MQTT and the client)",
        f"batching   {result['clients']} concurrent clients {result['concurrent_tokens_per_s']:.1f} tok/s vs "
        f"one at a time {result['sequential_tokens_per_s']:.1f} tok/s: {result['concurrency_speedup']:.2f}x",
    ])
