"""Parts of `edged bench service`: the broker's floor, the concurrency sweep and its plot.

The floor is the same request/reply with nothing behind it: before the daemon starts, a bare
MQTT client holding the appliance's certificate answers every request on the daemon's topics,
and the bench's own client sends it the requests it will send edged. What edged adds on top of
that (its overhead, the engine's time excluded) is the figure the floor is for. It is measured
twice: answered at once from the responder's network thread, and answered by a worker thread
after a wait as long as a short answer's engine time (``WAITED_FLOOR_S``), which is how any
service answers. The second costs what waking an idle network thread and an idle client costs
after a wait (measured: about a millisecond more on a 2-core machine); the first never pays it.

The sweep sends streamed requests from 1, 2, 4 ... concurrent clients, each client one request
after the other, and reports tokens/s, end-to-end latency and time to the first streamed chunk.
"""

from __future__ import annotations

import json
import queue
import statistics
import threading
import time
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from edged.client import EdgedClient
from edged.errors import EdgedError
from edged.service.transport import IncomingMessage, MqttTransport, TransportSettings

# The waited floor's wait: about the engine time of a short answer on the CPU model.
WAITED_FLOOR_S = 0.2

TOPICS = ("a conveyor belt", "a robot arm", "a paint shop", "a night shift", "a forklift",
          "a welding cell", "a pump station", "a warehouse")


def body(index: int, tokens: int, *, stream: bool = False) -> dict[str, Any]:
    return {"task": "ask", "input": f"Write a long story about {TOPICS[index % len(TOPICS)]}.",
            "max_tokens": tokens, "deadline_ms": 120000, "stream": stream}


def percentile(values: Sequence[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(q * (len(ordered) - 1)))]


def floor_round_trips(client: EdgedClient, device_dir: Path, device: str, *,
                      count: int, tokens: int, wait_s: float = 0.0) -> dict[str, float]:
    """Milliseconds per request/reply through the broker with a responder that does no work:
    answered at once from its network thread, or with ``wait_s`` by a worker thread that waits
    that long first (the wait is not counted)."""
    transport: MqttTransport | None = None
    pending: queue.Queue[IncomingMessage | None] = queue.Queue()

    def reply(message: IncomingMessage) -> None:
        if transport is not None and message.response_topic and message.correlation:
            payload = json.dumps({"status": "ok", "answer": "", "usage": {"completion_tokens": 0}}).encode()
            transport.publish(message.response_topic, payload, correlation=message.correlation)

    def worker() -> None:
        while (message := pending.get()) is not None:
            time.sleep(wait_s)
            reply(message)

    settings = TransportSettings(
        host=client.config.host, port=client.config.port, ca=device_dir / "ca.crt",
        cert=device_dir / f"{device}.crt", key=device_dir / f"{device}.key", client_id=device,
        session_expiry_s=0, clean_start=True,
        subscriptions=(f"edged/{device}/req/+",),
    )
    transport = MqttTransport(settings, pending.put if wait_s else reply)
    answering = threading.Thread(target=worker, name="floor-worker", daemon=True)
    answering.start()
    transport.start()
    try:
        if not transport.wait_subscribed(10):
            raise EdgedError("the floor's responder could not subscribe", code="bench_failed")
        for i in range(5):  # warm-up
            client.request(body(i, tokens))
        times = []
        for i in range(count):
            sent = time.perf_counter()
            client.request(body(i, tokens))
            times.append((time.perf_counter() - sent - wait_s) * 1e3)
    finally:
        transport.stop()
        pending.put(None)
        answering.join(timeout=5)
    return {"p50": round(statistics.median(times), 3), "p99": round(percentile(times, 0.99), 3)}


def _level(connections: Sequence[EdgedClient], requests: int, tokens: int) -> dict[str, Any]:
    e2e: list[float] = []
    ttft: list[float] = []
    produced = 0
    failures: list[str] = []
    lock = threading.Lock()

    def worker(index: int) -> None:
        nonlocal produced
        for i in range(index, requests, len(connections)):
            first: list[float] = []

            def on_chunk(_chunk: dict[str, Any], first: list[float] = first) -> None:
                if not first:
                    first.append(time.perf_counter())

            sent = time.perf_counter()
            reply = connections[index].request(body(i, tokens, stream=True), timeout=300, on_chunk=on_chunk)
            ended = time.perf_counter()
            with lock:
                if not reply.ok:
                    failures.append(str(reply.body.get("error")))
                    continue
                e2e.append((ended - sent) * 1e3)
                ttft.append(((first[0] if first else ended) - sent) * 1e3)
                produced += int(reply.body["usage"]["completion_tokens"])

    threads = [threading.Thread(target=worker, args=(i,)) for i in range(len(connections))]
    began = time.perf_counter()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    elapsed = time.perf_counter() - began
    if failures:
        raise EdgedError(f"{len(failures)} requests failed at {len(connections)} clients: {failures[0]}",
                         code="bench_failed")
    return {
        "clients": len(connections), "requests": requests,
        "tokens_per_s": round(produced / elapsed, 1),
        "e2e_ms": {"p50": round(statistics.median(e2e), 1), "p99": round(percentile(e2e, 0.99), 1)},
        "ttft_ms": {"p50": round(statistics.median(ttft), 1), "p99": round(percentile(ttft, 0.99), 1)},
    }


def sweep(connections: Sequence[EdgedClient], levels: Sequence[int], requests: int,
          tokens: int) -> list[dict[str, Any]]:
    """One row per level: ``requests`` (at least two per client) spread over that many clients."""
    rows: list[dict[str, Any]] = []
    for level in levels:
        row = _level(connections[:level], max(requests, 2 * level), tokens)
        row["speedup"] = round(row["tokens_per_s"] / rows[0]["tokens_per_s"], 2) if rows else 1.0
        rows.append(row)
    return rows


def plot(rows: Sequence[dict[str, Any]], width: int = 40) -> str:
    """Throughput and latency against concurrency, as text a terminal and a README can show."""
    top_tps = max(row["tokens_per_s"] for row in rows)
    top_ms = max(row["e2e_ms"]["p99"] for row in rows)
    lines = ["clients  tokens/s" + " " * (width - 6) + "end-to-end p50 (=) and p99 (-), ms"]
    for row in rows:
        bar = "#" * max(1, round(width * row["tokens_per_s"] / top_tps))
        p50 = round(width * row["e2e_ms"]["p50"] / top_ms)
        p99 = round(width * row["e2e_ms"]["p99"] / top_ms)
        latency = "=" * max(1, p50) + "-" * max(0, p99 - p50)
        lines.append(f"{row['clients']:>7}  {bar:<{width}} {row['tokens_per_s']:>6.1f}  "
                     f"{latency:<{width}} {row['e2e_ms']['p50']:.0f}/{row['e2e_ms']['p99']:.0f}")
    return "\n".join(lines)
