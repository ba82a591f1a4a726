"""MqttTransport against the real broker: thread safety of publish, reconnection."""

from __future__ import annotations

import threading
import time

from edged.service.transport import IncomingMessage, MqttTransport, TransportSettings
from tests.support.broker import MosquittoBroker
from tests.support.fixtures import ClientFactory, ProvisionedSite

PADDING = b" " * 16384  # large TLS records: SSL_write releases the GIL long enough to collide


def _transport(site: ProvisionedSite, broker: MosquittoBroker, on_message: object = None,
               subscriptions: tuple[str, ...] = ()) -> MqttTransport:
    identity = site.identity("dev-1")
    settings = TransportSettings(host="localhost", port=broker.port, ca=identity.ca, cert=identity.cert,
                                 key=identity.key, client_id="edged-dev-1-test", subscriptions=subscriptions,
                                 reconnect_min_s=0.05, reconnect_max_s=0.5)
    return MqttTransport(settings, on_message or (lambda message: None))  # type: ignore[arg-type]


def test_publishing_from_many_threads_keeps_the_tls_stream_intact(
    site: ProvisionedSite, broker: MosquittoBroker, mqtt_client: ClientFactory,
) -> None:
    """Regression: paho used to write from the publishing thread while the network thread read
    and wrote the same TLS socket; the broker then saw 'bad record mac' and dropped us (seen in
    `edged bench service`). The race is rare under test, so the test checks its cause: every
    socket write must happen on the network thread."""
    received: list[IncomingMessage] = []
    # Incoming traffic at the same time, so the network thread is busy reading and acking.
    transport = _transport(site, broker, received.append, ("edged/dev-1/req/+",))
    writers: set[str] = set()
    paho_client = transport._client
    original_send = paho_client._sock_send

    def recording_send(data: bytes) -> int:
        writers.add(threading.current_thread().name)
        return original_send(data)

    paho_client._sock_send = recording_send  # type: ignore[method-assign]
    transport.start()
    assert transport.wait_subscribed(5)
    watcher = mqtt_client(site.identity("bob"), broker)
    watcher.subscribe_and_wait("edged/dev-1/status")
    alice = mqtt_client(site.identity("alice"), broker)

    def publish_many() -> None:
        for i in range(150):
            transport.publish("edged/dev-1/status", f"{i}".encode() + PADDING, qos=1)

    def request_many() -> None:
        for _ in range(150):
            alice.publish("edged/dev-1/req/alice", PADDING, qos=1)

    threads = [threading.Thread(target=publish_many) for _ in range(4)]
    threads.append(threading.Thread(target=request_many))
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(30)
    deadline = time.monotonic() + 10
    while watcher.inbox.qsize() < 600 and time.monotonic() < deadline:
        time.sleep(0.01)
    transport.stop()
    assert watcher.inbox.qsize() == 600
    assert len(received) == 150
    assert transport.connects == 1, broker.log_text()[-1500:]
    assert "bad record mac" not in broker.log_text()
    assert writers == {"edged-mqtt"}


def test_reconnects_to_a_broker_that_starts_later(site: ProvisionedSite, broker: MosquittoBroker) -> None:
    broker.stop()
    transport = _transport(site, broker)
    transport.start()
    time.sleep(0.3)
    assert not transport.connected
    assert transport.last_error is not None
    broker.start()
    assert transport.wait_connected(3)
    transport.stop()
