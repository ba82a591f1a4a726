"""A real Mosquitto for tests (start on a free port, restart on the same port, reload, read its log)
and paho clients connected to it over mutual TLS."""

from __future__ import annotations

import queue
import signal
import socket
import ssl
import struct
import threading
import time
import uuid
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Protocol

import paho.mqtt.client as paho
from paho.mqtt.enums import CallbackAPIVersion, MQTTProtocolVersion
from paho.mqtt.reasoncodes import ReasonCode

from edged.provisioning.broker import BrokerSite, render_config
from edged.provisioning.mosquitto import MosquittoProcess, free_port

LOCALHOST = "127.0.0.1"
READY_TIMEOUT_S = 5.0


@dataclass(frozen=True)
class Identity:
    """One certificate holder: ``ca`` is the CA that issued it (and that it trusts)."""

    cn: str
    cert: Path
    key: Path
    ca: Path


class BrokerAddress(Protocol):
    """Anything with a host and a port: a running MosquittoBroker or an Endpoint."""

    @property
    def host(self) -> str: ...

    @property
    def port(self) -> int: ...


@dataclass(frozen=True)
class Endpoint:
    """Where a broker that this module did not start listens."""

    host: str
    port: int


class MosquittoBroker:
    """One Mosquitto process configured from ``site`` (its port, host and persistence folder are
    replaced), with persistence on so sessions and queued QoS 1 messages survive ``restart()``.

    The config and the log (``mosquitto.log``: stderr, appended across restarts) live in
    ``config_dir``. The port is chosen at the first ``start()`` and kept by ``restart()``.
    """

    host = LOCALHOST

    def __init__(self, config_dir: Path, site: BrokerSite) -> None:
        self.config_dir = config_dir
        self.site = site
        self.config_path = config_dir / "mosquitto.conf"
        self.log_path = config_dir / "mosquitto.log"
        self._port: int | None = None
        self._process: MosquittoProcess | None = None

    @property
    def port(self) -> int:
        if self._port is None:
            raise RuntimeError("the broker has not been started")
        return self._port

    @property
    def running(self) -> bool:
        return self._process is not None and self._process.running

    def start(self) -> MosquittoBroker:
        if self.running:
            return self
        if self._port is None:
            self._port = free_port(self.host)
        data = self.config_dir / "data"
        data.mkdir(parents=True, exist_ok=True)
        site = self.site.model_copy(update={"host": self.host, "port": self._port, "persistence_dir": data})
        self.config_path.write_text(render_config(site), encoding="utf-8")
        self._process = MosquittoProcess(self.config_path, self.host, self._port, self.log_path).start()
        return self

    def stop(self) -> None:
        process, self._process = self._process, None
        if process is not None:
            process.stop()

    def kill(self) -> None:
        """kill -9: no clean stop, so nothing is saved beyond what autosave already wrote."""
        process, self._process = self._process, None
        if process is not None:
            process.stop(hard=True)

    def restart(self, down_seconds: float = 0.0) -> None:
        """Stop, stay down ``down_seconds``, start again on the same port."""
        self.stop()
        if down_seconds > 0:
            time.sleep(down_seconds)
        self.start()

    def reload(self, timeout: float = 5.0) -> None:
        """SIGHUP: Mosquitto re-reads the CRL and the ACL. Returns once it has.

        Mosquitto is single-threaded: once "Reloading config." is logged, the reload finishes
        before it serves the next network event.
        """
        if self._process is None or self._process.process is None:
            raise RuntimeError("the broker is not running")
        before = self.log_text().count("Reloading config.")
        self._process.process.send_signal(signal.SIGHUP)
        deadline = time.monotonic() + timeout
        while self.log_text().count("Reloading config.") <= before:
            if time.monotonic() > deadline:
                raise RuntimeError(f"mosquitto did not reload in {timeout} s:\n{self.log_text()}")
            time.sleep(0.005)

    def log_text(self) -> str:
        try:
            return self.log_path.read_text(encoding="utf-8", errors="replace")
        except FileNotFoundError:
            return ""

    def __enter__(self) -> MosquittoBroker:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()


# -- clients -----------------------------------------------------------------------------------


def tls_context(identity: Identity | None, cafile: Path) -> ssl.SSLContext:
    """Trust ``cafile`` for the broker; present ``identity``'s certificate (none when None)."""
    context = ssl.create_default_context(cafile=str(cafile))
    if identity is not None:
        context.load_cert_chain(str(identity.cert), str(identity.key))
    return context


class MqttTestClient(paho.Client):
    """A paho client with what tests keep writing: waits for SUBACK/PUBACK, an inbox of messages."""

    def __init__(self, client_id: str, protocol: MQTTProtocolVersion) -> None:
        super().__init__(CallbackAPIVersion.VERSION2, client_id=client_id, protocol=protocol)
        self.inbox: queue.Queue[paho.MQTTMessage] = queue.Queue()
        self.connack: ReasonCode | None = None
        self.connected = threading.Event()
        self.disconnected = threading.Event()
        self._acks: dict[int, Any] = {}
        self._acked = threading.Condition()
        self.on_connect = self._connected
        self.on_disconnect = self._disconnected
        self.on_message = self._message
        self.on_subscribe = self._suback
        self.on_publish = self._puback

    # paho calls these positionally from its network thread; unused parameters start with "_".
    def _connected(self, _client: paho.Client, _userdata: Any, _flags: Any, reason: ReasonCode,
                   _properties: Any) -> None:
        self.connack = reason
        self.connected.set()

    def _disconnected(self, _client: paho.Client, _userdata: Any, _flags: Any, _reason: Any,
                      _properties: Any) -> None:
        self.disconnected.set()

    def _message(self, _client: paho.Client, _userdata: Any, message: paho.MQTTMessage) -> None:
        self.inbox.put(message)

    def _ack(self, mid: int, value: Any) -> None:
        with self._acked:
            self._acks[mid] = value
            self._acked.notify_all()

    def _suback(self, _client: paho.Client, _userdata: Any, mid: int, reasons: list[ReasonCode],
                _properties: Any) -> None:
        self._ack(mid, reasons)

    def _puback(self, _client: paho.Client, _userdata: Any, mid: int, reason: ReasonCode,
                _properties: Any) -> None:
        self._ack(mid, reason)

    def _wait_ack(self, mid: int, what: str, timeout: float) -> Any:
        # The ack can arrive on paho's thread before subscribe()/publish() returns its mid, so acks
        # are kept by mid and looked up afterwards.
        with self._acked:
            if not self._acked.wait_for(lambda: mid in self._acks, timeout):
                raise AssertionError(f"no {what} within {timeout} s")
            return self._acks.pop(mid)

    def subscribe_and_wait(self, topic: str, qos: int = 1, timeout: float = 3.0) -> list[ReasonCode]:
        """Subscribe and return the SUBACK's reason codes (Mosquitto grants even what its ACL will
        never deliver; measured)."""
        rc, mid = self.subscribe(topic, qos=qos)
        assert rc == paho.MQTT_ERR_SUCCESS, f"subscribe failed: {rc}"
        assert mid is not None
        reasons: list[ReasonCode] = self._wait_ack(mid, f"SUBACK for {topic}", timeout)
        return reasons

    def publish_and_wait(self, topic: str, payload: bytes | str = b"", qos: int = 1, *,
                         retain: bool = False, properties: Any = None, timeout: float = 3.0) -> ReasonCode:
        """Publish; for QoS 1 return the PUBACK's reason code (0x87 when the ACL forbids the topic;
        0x10 "no matching subscribers" is a success)."""
        info = self.publish(topic, payload, qos=qos, retain=retain, properties=properties)
        assert info.rc == paho.MQTT_ERR_SUCCESS, f"publish failed: {info.rc}"
        reason: ReasonCode = self._wait_ack(info.mid, f"PUBACK for {topic}", timeout)
        return reason

    def next_message(self, timeout: float = 3.0) -> paho.MQTTMessage:
        try:
            return self.inbox.get(timeout=timeout)
        except queue.Empty:
            raise AssertionError(f"{self._client_id!r} received nothing within {timeout} s") from None

    def expect_no_message(self, within: float = 0.3) -> None:
        try:
            message = self.inbox.get(timeout=within)
        except queue.Empty:
            return
        raise AssertionError(f"{self._client_id!r} unexpectedly received {message.topic}: "
                             f"{message.payload!r}")

    def close(self) -> None:
        # disconnect() first: loop_stop() first costs about a second (measured).
        self.disconnect()
        self.loop_stop()


def connect_mqtt(
    identity: Identity,
    broker: BrokerAddress,
    *,
    client_id: str | None = None,
    protocol: MQTTProtocolVersion = paho.MQTTv5,
    cafile: Path | None = None,
    timeout: float = 5.0,
) -> MqttTestClient:
    """A client connected over mutual TLS, its loop running and TCP_NODELAY set. Call ``close()``."""
    client = MqttTestClient(client_id or f"{identity.cn}-{uuid.uuid4().hex[:8]}", protocol)
    client.tls_set_context(tls_context(identity, cafile or identity.ca))
    client.connect(broker.host, broker.port, keepalive=30)
    client.loop_start()
    if not client.connected.wait(timeout) or client.connack is None or client.connack.is_failure:
        client.close()
        log = broker.log_text()[-2000:] if isinstance(broker, MosquittoBroker) else "(not ours)"
        raise AssertionError(f"{identity.cn} got no successful CONNACK ({client.connack}); "
                             f"broker log:\n{log}")
    sock = client.socket()
    # paho never sets it; without it a QoS 1 round trip waits ~40-90 ms on Nagle + delayed ACK.
    if isinstance(sock, socket.socket):
        sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
    return client


def _mqtt5_connect_packet(client_id: str) -> bytes:
    cid = client_id.encode()
    variable = b"\x00\x04MQTT" + bytes([5, 0x02]) + struct.pack("!H", 10) + b"\x00"  # clean start, no props
    payload = struct.pack("!H", len(cid)) + cid
    remaining = len(variable) + len(payload)
    assert remaining < 128, "one-byte remaining length"
    return bytes([0x10, remaining]) + variable + payload


def connect_result(identity: Identity | None, broker: BrokerAddress, cafile: Path,
                   timeout: float = 3.0) -> str:
    """``"connack"`` if the broker accepts ``identity`` (None = no certificate), ``"no connack"``
    if it refuses it during TLS, or ``"connack 0x.."`` for a refusing CONNACK.

    Speaks raw MQTT over TLS rather than paho: a refused handshake then leaves no half-open paho
    socket behind, and TLS 1.3 reports the refusal in different ways (measured), all of them
    "no CONNACK" here.
    """
    deadline = time.monotonic() + timeout
    context = tls_context(identity, cafile)
    try:
        with socket.create_connection((broker.host, broker.port), timeout=timeout) as raw, \
                context.wrap_socket(raw, server_hostname=broker.host) as tls:
            tls.sendall(_mqtt5_connect_packet(f"probe-{uuid.uuid4().hex[:8]}"))
            received = b""
            while len(received) < 4:
                tls.settimeout(max(0.01, deadline - time.monotonic()))
                chunk = tls.recv(4 - len(received))
                if not chunk:
                    return "no connack"
                received += chunk
    except (OSError, ssl.SSLError):  # ssl.SSLError and socket timeouts are OSErrors; named for clarity
        return "no connack"
    if received[0] != 0x20:
        return "no connack"
    return "connack" if received[3] == 0 else f"connack 0x{received[3]:02x}"
