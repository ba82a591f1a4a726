"""The provisioned site against a real Mosquitto: who may connect, under which client id, and what
the dynamic-security rights let through."""

from __future__ import annotations

import contextlib
import queue
import time
from datetime import datetime, timedelta, timezone
from pathlib import Path

import paho.mqtt.client as paho
import pytest

from edged.provisioning import pki
from tests.support.broker import MosquittoBroker, connect_result
from tests.support.fixtures import ClientFactory, ProvisionedSite, build_site

NOT_AUTHORIZED = 0x87
SHARED_LINE3 = "$share/line3/edged/pool/line3/req/+"


def test_a_valid_client_certificate_connects(site: ProvisionedSite, broker: MosquittoBroker,
                                             mqtt_client: ClientFactory) -> None:
    assert connect_result(site.identity("alice"), broker, site.ca_cert) == "connack"
    client = mqtt_client(site.identity("alice"), broker)
    assert client.socket().version() in {"TLSv1.2", "TLSv1.3"}  # type: ignore[union-attr]
    # use_identity_as_username: the broker knows the client by its certificate CN.
    assert "u'alice'" in broker.log_text()


@pytest.mark.parametrize("who", [None, "stranger", "old", "mallory"],
                         ids=["no-certificate", "other-ca", "expired", "revoked"])
def test_refused_certificates_get_no_connack(site: ProvisionedSite, broker: MosquittoBroker,
                                             who: str | None) -> None:
    identity = None if who is None else site.identity(who)
    assert connect_result(identity, broker, site.ca_cert) == "no connack"


def test_a_client_reaches_a_device_only_under_its_own_name(
    site: ProvisionedSite, broker: MosquittoBroker, mqtt_client: ClientFactory,
) -> None:
    dev1 = mqtt_client(site.identity("dev-1"), broker)
    alice = mqtt_client(site.identity("alice"), broker)
    dev1.subscribe_and_wait("edged/dev-1/req/+")

    assert alice.publish_and_wait("edged/dev-1/req/alice", b"hello").value < 0x80
    message = dev1.next_message()
    assert (message.topic, message.payload) == ("edged/dev-1/req/alice", b"hello")

    # Posing as bob: refused at PUBACK and never delivered.
    assert alice.publish_and_wait("edged/dev-1/req/bob", b"forged").value == NOT_AUTHORIZED
    dev1.expect_no_message()


def test_a_client_reads_replies_only_under_its_own_name(
    site: ProvisionedSite, broker: MosquittoBroker, mqtt_client: ClientFactory,
) -> None:
    dev1 = mqtt_client(site.identity("dev-1"), broker)
    alice = mqtt_client(site.identity("alice"), broker)
    bob = mqtt_client(site.identity("bob"), broker)
    # The plugin refuses a subscription beyond one's own replies outright (acl_file granted it).
    [refused] = alice.subscribe_and_wait("edged/dev-1/resp/#")
    assert refused.value == NOT_AUTHORIZED
    bob.subscribe_and_wait("edged/dev-1/resp/bob/#")
    alice.subscribe_and_wait("edged/dev-1/resp/alice/#")

    dev1.publish_and_wait("edged/dev-1/resp/bob/x", b"for bob")
    assert bob.next_message().payload == b"for bob"
    alice.expect_no_message()

    dev1.publish_and_wait("edged/dev-1/resp/alice/x", b"for alice")
    assert alice.next_message().payload == b"for alice"


def test_a_device_reads_only_its_own_requests(
    site: ProvisionedSite, broker: MosquittoBroker, mqtt_client: ClientFactory,
) -> None:
    dev2 = mqtt_client(site.identity("dev-2"), broker)
    alice = mqtt_client(site.identity("alice"), broker)
    dev2.subscribe_and_wait("edged/+/req/+")
    alice.publish_and_wait("edged/dev-1/req/alice", b"for dev-1")
    dev2.expect_no_message()
    # ... and may not answer in another device's name.
    assert dev2.publish_and_wait("edged/dev-1/resp/alice/x", b"x").value == NOT_AUTHORIZED


def test_a_pool_request_reaches_exactly_one_member(
    site: ProvisionedSite, broker: MosquittoBroker, mqtt_client: ClientFactory,
) -> None:
    members = [mqtt_client(site.identity(d), broker) for d in ("dev-1", "dev-2")]
    alice = mqtt_client(site.identity("alice"), broker)
    alice.subscribe_and_wait("edged/pool/line3/resp/alice/#")
    for member in members:
        member.subscribe_and_wait(SHARED_LINE3)

    sent = [f"req-{i}".encode() for i in range(6)]
    for payload in sent:
        assert alice.publish_and_wait("edged/pool/line3/req/alice", payload).value < 0x80
    received: list[tuple[bytes, int]] = []
    deadline = time.monotonic() + 3.0
    while len(received) < len(sent) and time.monotonic() < deadline:
        for i, member in enumerate(members):
            with contextlib.suppress(queue.Empty):
                received.append((bytes(member.inbox.get(timeout=0.02).payload), i))
    assert sorted(p for p, _ in received) == sorted(sent)  # each request once, none lost to the ACL
    assert {i for _, i in received} == {0, 1}  # and both members served
    for member in members:
        member.expect_no_message(within=0.1)

    members[1].publish_and_wait("edged/pool/line3/resp/alice/req-0", b"answer")
    assert alice.next_message().payload == b"answer"


def test_devices_publish_status_that_everyone_reads(
    site: ProvisionedSite, broker: MosquittoBroker, mqtt_client: ClientFactory,
) -> None:
    devices = {d: mqtt_client(site.identity(d), broker) for d in ("dev-1", "dev-2")}
    for device, client in devices.items():
        assert client.publish_and_wait(f"edged/{device}/status", b"online", retain=True).value < 0x80
        assert client.publish_and_wait(f"edged/{device}/telemetry", b"{}").value < 0x80
    bob = mqtt_client(site.identity("bob"), broker)
    bob.subscribe_and_wait("edged/+/status")
    assert sorted(bob.next_message().topic for _ in range(2)) == ["edged/dev-1/status", "edged/dev-2/status"]

    # Nobody may speak for an appliance.
    alice = mqtt_client(site.identity("alice"), broker)
    assert alice.publish_and_wait("edged/dev-1/status", b"offline").value == NOT_AUTHORIZED
    assert devices["dev-2"].publish_and_wait("edged/dev-1/status", b"offline").value == NOT_AUTHORIZED
    bob.expect_no_message()


def test_no_one_can_take_an_appliances_connection(
    site: ProvisionedSite, broker: MosquittoBroker, mqtt_client: ClientFactory,
) -> None:
    """Finding 3: any client could connect as edged-dev-1 and close the daemon's connection. The
    broker now makes the client id the certificate's identity, whatever the client asks for."""
    dev1 = mqtt_client(site.identity("dev-1"), broker, client_id="edged-dev-1")
    dev1.subscribe_and_wait("edged/dev-1/req/+")
    for forged in ("edged-dev-1", "dev-1"):
        intruder = mqtt_client(site.identity("alice"), broker, client_id=forged)
        assert intruder.publish_and_wait("edged/dev-1/req/alice", b"still served").value < 0x80
        assert dev1.next_message().payload == b"still served"
        intruder.close()
    assert not dev1.disconnected.is_set()
    assert "as alice (" in broker.log_text()  # the broker renamed the intruder's connection


def test_the_price_of_that_binding_is_one_connection_per_certificate(
    site: ProvisionedSite, broker: MosquittoBroker, mqtt_client: ClientFactory,
) -> None:
    first = mqtt_client(site.identity("carol"), broker)
    second = mqtt_client(site.identity("carol"), broker)
    assert first.disconnected.wait(3)  # two workers need two certificates (edged pki issue client)
    assert not second.disconnected.is_set()


def test_only_a_pools_appliances_may_join_its_share_group(
    site: ProvisionedSite, broker: MosquittoBroker, mqtt_client: ClientFactory,
) -> None:
    """Finding 5: a client subscribed with the daemon's exact $share filter took half a pool's
    requests (acl_file grants every SUBSCRIBE and only filters at delivery)."""
    alice = mqtt_client(site.identity("alice"), broker)
    [reason] = alice.subscribe_and_wait(SHARED_LINE3)
    assert reason.value == NOT_AUTHORIZED
    [reason] = alice.subscribe_and_wait("$share/line3/edged/pool/line3/req/alice")
    assert reason.value == NOT_AUTHORIZED
    member = mqtt_client(site.identity("dev-1"), broker)
    [reason] = member.subscribe_and_wait(SHARED_LINE3)
    assert reason.value < 0x80
    bob = mqtt_client(site.identity("bob"), broker)
    for i in range(4):
        assert bob.publish_and_wait("edged/pool/line3/req/bob", f"r{i}".encode()).value < 0x80
    assert sorted(member.next_message().payload for _ in range(4)) == [b"r0", b"r1", b"r2", b"r3"]


def test_restart_keeps_the_port(site: ProvisionedSite, broker: MosquittoBroker) -> None:
    port = broker.port
    broker.restart()
    assert broker.port == port
    assert connect_result(site.identity("bob"), broker, site.ca_cert) == "connack"


@pytest.fixture
def private_site(tmp_path: Path) -> ProvisionedSite:
    """A site of this test's own, for tests that revoke or let the CRL expire."""
    return build_site(tmp_path / "site", devices={"dev-1": ()}, clients=("carol",))


def test_a_revocation_applies_after_reload(private_site: ProvisionedSite, tmp_path: Path) -> None:
    carol = private_site.identity("carol")
    with MosquittoBroker(tmp_path / "mosquitto", private_site.broker_site) as broker:
        assert connect_result(carol, broker, private_site.ca_cert) == "connack"
        pki.revoke(private_site.ca_dir, "carol")
        broker.reload()
        assert connect_result(carol, broker, private_site.ca_cert) == "no connack"


def test_an_expired_crl_locks_everyone_out_until_renewed(
    private_site: ProvisionedSite, tmp_path: Path,
) -> None:
    carol = private_site.identity("carol")
    long_ago = datetime.now(timezone.utc) - timedelta(days=60)
    pki.renew_crl(private_site.ca_dir, now=long_ago)  # next update 30 days ago
    with MosquittoBroker(tmp_path / "mosquitto", private_site.broker_site) as broker:
        assert connect_result(carol, broker, private_site.ca_cert) == "no connack"
        pki.renew_crl(private_site.ca_dir)
        broker.reload()
        assert connect_result(carol, broker, private_site.ca_cert) == "connack"


def test_a_broker_killed_mid_traffic_loses_at_most_a_few_acknowledged_requests(
    site: ProvisionedSite, broker: MosquittoBroker, mqtt_client: ClientFactory,
) -> None:
    """Finding 8: kill -9 lost what arrived since the last 30 s autosave (all 80 here, measured with
    the old config); the store is now written every 20 changes."""
    from paho.mqtt.packettypes import PacketTypes
    from paho.mqtt.properties import Properties

    from tests.support.broker import tls_context

    device = site.identity("dev-1")
    session = Properties(PacketTypes.CONNECT)
    session.SessionExpiryInterval = 3600
    received: list[bytes] = []

    def connect_device() -> paho.Client:
        client = paho.Client(paho.CallbackAPIVersion.VERSION2, client_id="dev-1", protocol=paho.MQTTv5)
        client.tls_set_context(tls_context(device, device.ca))
        client.on_message = lambda _c, _u, message: received.append(bytes(message.payload))
        client.connect(broker.host, broker.port, clean_start=False, properties=session)
        client.loop_start()
        return client

    offline = connect_device()
    time.sleep(0.3)
    offline.subscribe("edged/dev-1/req/+", qos=1)
    time.sleep(0.3)
    offline.disconnect()
    offline.loop_stop()
    alice = mqtt_client(site.identity("alice"), broker)
    for i in range(80):  # acknowledged by the broker, queued for the appliance's session
        assert alice.publish_and_wait("edged/dev-1/req/alice", f"r{i}".encode()).value < 0x80
    broker.kill()
    broker.start()
    back = connect_device()
    deadline = time.monotonic() + 5
    while len(set(received)) < 80 and time.monotonic() < deadline:
        time.sleep(0.05)
    back.disconnect()
    back.loop_stop()
    assert len(set(received)) >= 80 - 20, f"{80 - len(set(received))} of 80 acknowledged requests lost"
