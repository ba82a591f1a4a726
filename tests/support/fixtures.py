"""pytest fixtures over a real Mosquitto: ``site`` (a provisioned CA with its certificates),
``broker`` (a running broker for that site) and ``mqtt_client`` (connected mTLS clients, closed at
teardown). Registered as a plugin in tests/conftest.py."""

from __future__ import annotations

import os
import pwd
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass, field
from datetime import datetime, timedelta, timezone
from pathlib import Path

import paho.mqtt.client as paho
import pytest
from paho.mqtt.enums import MQTTProtocolVersion

from edged.provisioning import pki
from edged.provisioning.broker import BrokerSite, DeviceAccess, write_broker_config
from edged.provisioning.mosquitto import MosquittoError, mosquitto_binary
from tests.support.broker import (
    Identity,
    MosquittoBroker,
    MqttTestClient,
    connect_mqtt,
)

DEVICES = {"dev-1": ("line3",), "dev-2": ("line3",)}
# The broker binds the client id to the certificate's identity: one connection per identity at a
# time, so tests that watch while they ask use another identity to watch.
CLIENTS = ("alice", "bob", "carol", "watcher")
REVOKED = "mallory"
EXPIRED = "old"
FOREIGN = "stranger"
SERVER_CN = "broker"


@dataclass(frozen=True)
class ProvisionedSite:
    """A site CA, its certificates, and the broker settings (port chosen when a broker starts)."""

    root: Path
    ca_dir: Path
    broker_site: BrokerSite
    identities: Mapping[str, Identity] = field(repr=False)

    @property
    def ca_cert(self) -> Path:
        return self.ca_dir / pki.CA_CERT

    @property
    def crl(self) -> Path:
        return self.ca_dir / pki.CRL_FILE

    def identity(self, cn: str) -> Identity:
        try:
            return self.identities[cn]
        except KeyError:
            raise KeyError(f"no identity {cn!r} in the test site; have: {sorted(self.identities)}") from None


def _identity(issued: pki.IssuedCert) -> Identity:
    assert issued.key is not None
    return Identity(issued.cn, issued.cert, issued.key, issued.ca)


def build_site(root: Path, devices: Mapping[str, tuple[str, ...]] = DEVICES,
               clients: tuple[str, ...] = CLIENTS) -> ProvisionedSite:
    """Provision a site under ``root``: CA, broker certificate for localhost/127.0.0.1, appliances,
    clients, plus ``mallory`` (revoked), ``old`` (expired) and ``stranger`` (another CA's)."""
    ca_dir = root / "ca"
    pki.init_ca(ca_dir, name="edged test CA")
    server_dir = root / "server"
    server = pki.issue(ca_dir, "server", SERVER_CN, server_dir, sans=["localhost", "127.0.0.1"])
    identities: dict[str, Identity] = {}
    for cn in devices:
        identities[cn] = _identity(pki.issue(ca_dir, "device", cn, root / cn))
    for cn in (*clients, REVOKED):
        identities[cn] = _identity(pki.issue(ca_dir, "client", cn, root / cn))
    pki.revoke(ca_dir, REVOKED)
    now = datetime.now(timezone.utc)
    identities[EXPIRED] = _identity(pki.issue(
        ca_dir, "client", EXPIRED, root / EXPIRED,
        not_before=now - timedelta(days=30), not_after=now - timedelta(days=1),
    ))
    other_ca = root / "other-ca"
    pki.init_ca(other_ca, name="someone else's CA")
    identities[FOREIGN] = _identity(pki.issue(other_ca, "client", FOREIGN, root / FOREIGN))

    assert server.key is not None
    broker_site = BrokerSite(
        host="127.0.0.1",
        port=8883,  # replaced by MosquittoBroker with a free port
        cafile=ca_dir / pki.CA_CERT,
        certfile=server.cert,
        keyfile=server.key,
        crlfile=ca_dir / pki.CRL_FILE,
        access_file=root / "broker" / "dynamic-security.json",
        devices=tuple(DeviceAccess(id=d, pools=p) for d, p in devices.items()),
        clients=(*clients, REVOKED, EXPIRED),
        # The broker runs as whoever runs the tests: pytest's temporary folders are 0700, so the
        # mosquitto account could not reach them anyway. As root, `user root` keeps it from
        # switching; as anyone else, Mosquitto ignores the option.
        user=pwd.getpwuid(os.geteuid()).pw_name,
    )
    write_broker_config(broker_site, root / "broker")
    return ProvisionedSite(root, ca_dir, broker_site, identities)


@pytest.fixture(scope="session")
def site(tmp_path_factory: pytest.TempPathFactory) -> ProvisionedSite:
    return build_site(tmp_path_factory.mktemp("site"))


@pytest.fixture(scope="session")
def _mosquitto_installed() -> None:
    try:
        mosquitto_binary()
    except MosquittoError as exc:
        pytest.fail(str(exc), pytrace=False)


@pytest.fixture
def broker(site: ProvisionedSite, tmp_path: Path, _mosquitto_installed: None) -> Iterator[MosquittoBroker]:
    """A running broker for ``site``, stopped at teardown."""
    instance = MosquittoBroker(tmp_path / "mosquitto", site.broker_site).start()
    yield instance
    instance.stop()


ClientFactory = Callable[..., MqttTestClient]


@pytest.fixture
def mqtt_client() -> Iterator[ClientFactory]:
    """``mqtt_client(identity, broker, *, client_id=None, protocol=MQTTv5)``: a connected client
    (loop running, TCP_NODELAY set), disconnected at teardown."""
    made: list[MqttTestClient] = []

    def make(identity: Identity, broker: MosquittoBroker, *, client_id: str | None = None,
             protocol: MQTTProtocolVersion = paho.MQTTv5, cafile: Path | None = None) -> MqttTestClient:
        client = connect_mqtt(identity, broker, client_id=client_id, protocol=protocol, cafile=cafile)
        made.append(client)
        return client

    yield make
    for client in made:
        client.close()
