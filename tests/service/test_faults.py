"""Faults against the real broker: a broker restart in the middle of a load."""

from __future__ import annotations

import threading
import time

import pytest

from edged.client import ClientError
from tests.service.conftest import MakeClient, StartDaemon
from tests.support.broker import MosquittoBroker

pytestmark = pytest.mark.engine


def test_broker_restart_mid_load_loses_no_request(
    start_daemon: StartDaemon, make_client: MakeClient, broker: MosquittoBroker,
) -> None:
    daemon = start_daemon()
    client = make_client(session_expiry_s=300)  # an HMI keeps its session, so replies wait for it
    outcomes: list[str] = []
    lock = threading.Lock()
    total = 24

    def sender(first: int) -> None:
        for i in range(first, total, 4):
            try:
                reply = client.request({"task": "ask", "input": f"Say hi, {i}.", "max_tokens": 3,
                                        "deadline_ms": 60000}, timeout=45)
                outcome = "ok" if reply.ok else f"error:{reply.body['error']['code']}"
            except ClientError as exc:
                outcome = f"lost:{exc.code}"
            with lock:
                outcomes.append(outcome)
            time.sleep(0.05)

    threads = [threading.Thread(target=sender, args=(i,)) for i in range(4)]
    for thread in threads:
        thread.start()
    time.sleep(0.6)
    broker.stop()
    time.sleep(1.0)
    broker.start()
    back = time.monotonic()
    while not daemon.transport.connected and time.monotonic() - back < 10:
        time.sleep(0.01)
    serving_again_s = time.monotonic() - back
    for thread in threads:
        thread.join(120)
    assert len(outcomes) == total
    assert not [o for o in outcomes if o.startswith("lost")], outcomes
    assert serving_again_s <= 2.0
    # Each request was answered once by the daemon, none twice (QoS 1 redeliveries dropped).
    assert daemon.metrics.counts().ok + daemon.metrics.counts().errors == total
