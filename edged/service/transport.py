"""MQTT v5 over mutual TLS: a thin, typed wrapper over paho-mqtt with its own network thread.

Why its own thread rather than ``loop_start()``: paho's built-in reconnect doubles its delay
without jitter, so a fleet that lost its broker would come back in lock-step. Here each retry
waits an exponentially growing, jittered delay, TCP_NODELAY is set on every new socket (paho
never sets it; without it a QoS 1 round trip costs ~44 ms of Nagle delay), and subscriptions are
renewed on every CONNACK. paho errors are turned into ``TransportError`` at this boundary.
"""

from __future__ import annotations

import logging
import random
import socket
import ssl
import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Protocol

import paho.mqtt.client as paho
from paho.mqtt.enums import CallbackAPIVersion, MQTTErrorCode
from paho.mqtt.packettypes import PacketTypes
from paho.mqtt.properties import Properties

from edged.errors import EdgedError, ErrorCode
from edged.service.tls import tls_context

log = logging.getLogger(__name__)


class TransportError(EdgedError):
    code: ErrorCode = "transport_error"


@dataclass(frozen=True)
class IncomingMessage:
    topic: str
    payload: bytes
    response_topic: str | None
    correlation: bytes | None
    qos: int
    dup: bool
    retain: bool


@dataclass(frozen=True)
class Will:
    topic: str
    payload: bytes
    retain: bool = True
    qos: int = 1


class Transport(Protocol):
    """What the daemon needs from MQTT; MqttTransport in production, a fake in unit tests."""

    @property
    def connected(self) -> bool: ...

    def start(self) -> None: ...

    def stop(self, timeout: float = 5.0) -> None: ...

    def wait_connected(self, timeout: float) -> bool: ...

    def publish(
        self,
        topic: str,
        payload: bytes,
        *,
        qos: int = 1,
        retain: bool = False,
        correlation: bytes | None = None,
    ) -> object: ...


@dataclass(frozen=True)
class TransportSettings:
    host: str
    port: int
    ca: Path
    cert: Path
    key: Path
    client_id: str
    keepalive_s: int = 30
    session_expiry_s: int = 3600
    subscriptions: tuple[str, ...] = ()
    # False resumes the session the broker kept (its queued messages); Mosquitto persists only
    # sessions that did not start clean.
    clean_start: bool = False
    will: Will | None = None
    reconnect_min_s: float = 0.25
    reconnect_max_s: float = 2.0
    check_hostname: bool = True


@dataclass
class Backoff:
    """Exponential backoff with equal jitter: half the cap fixed, half random."""

    minimum: float
    maximum: float
    rng: Callable[[], float] = field(default=random.random)
    attempt: int = 0

    def next(self) -> float:
        cap = min(self.maximum, self.minimum * float(2**self.attempt))
        self.attempt += 1
        return cap / 2 + self.rng() * cap / 2

    def reset(self) -> None:
        self.attempt = 0


def _queue_writes_for_network_thread(client: paho.Client, userdata: Any, sock: Any) -> None:
    """The network thread's loop() sees the queued packet (paho also pokes its wake-up pipe)."""


def mqtt_properties(packet_type: int) -> Properties:
    """paho's Properties constructor is untyped; keep the ignore in one place."""
    return Properties(packet_type)  # type: ignore[no-untyped-call]


class MqttTransport:
    """One MQTT v5 connection, kept alive by a background thread until ``stop()``."""

    def __init__(
        self,
        settings: TransportSettings,
        on_message: Callable[[IncomingMessage], None],
        on_connection: Callable[[bool], None] | None = None,
        rng: Callable[[], float] = random.random,
    ) -> None:
        self.settings = settings
        self._on_message_cb = on_message
        self._on_connection_cb = on_connection
        self._backoff = Backoff(settings.reconnect_min_s, settings.reconnect_max_s, rng)
        self._stopping = threading.Event()
        self._connected = threading.Event()
        self._subscribed = threading.Event()
        self._thread: threading.Thread | None = None
        self._socket_open = False
        # A reload's new settings and their TLS context, taken by the network thread between two
        # connections; _renewed is set at the first CONNACK made with them.
        self._renewal: tuple[TransportSettings, ssl.SSLContext] | None = None
        self._renewal_lock = threading.Lock()
        self._renewed = threading.Event()
        self._renewal_taken = False
        self._closing = False
        self.connects = 0  # successful CONNACKs, for telemetry and tests
        self.last_error: str | None = None
        context = tls_context(
            settings.ca, settings.cert, settings.key, check_hostname=settings.check_hostname
        )
        client = paho.Client(CallbackAPIVersion.VERSION2, client_id=settings.client_id, protocol=paho.MQTTv5)
        client.tls_set_context(context)
        client.max_queued_messages_set(0)  # replies queue while disconnected; the scheduler bounds them
        if settings.will is not None:
            client.will_set(
                settings.will.topic, settings.will.payload, qos=settings.will.qos, retain=settings.will.retain
            )
        client.on_connect = self._on_connect
        client.on_disconnect = self._on_disconnect
        client.on_message = self._on_message
        client.on_subscribe = self._on_subscribe
        # Without a loop_start() thread, paho writes a publish straight to the socket from the
        # calling thread, racing this network thread on the same TLS connection (measured:
        # "decryption failed or bad record mac" at the broker). Registering a write callback
        # (paho's external-event-loop hook) makes it queue the packet and wake loop() instead,
        # so only the network thread ever touches the socket.
        client.on_socket_register_write = _queue_writes_for_network_thread
        self._client = client

    # -- lifecycle ---------------------------------------------------------------------------

    def start(self) -> None:
        self._thread = threading.Thread(target=self._run, name="edged-mqtt", daemon=True)
        self._thread.start()

    @property
    def connected(self) -> bool:
        return self._connected.is_set()

    def wait_connected(self, timeout: float) -> bool:
        return self._connected.wait(timeout)

    def wait_subscribed(self, timeout: float) -> bool:
        """Connected and the broker acknowledged the subscriptions: messages will arrive."""
        return self._subscribed.wait(timeout)

    def stop(self, timeout: float = 5.0) -> None:
        """Disconnect cleanly (no Last Will) and end the network thread."""
        self._closing = True
        if self._connected.is_set():
            self._client.disconnect()
        self._stopping.set()
        if self._thread is not None:
            self._thread.join(timeout)

    def renew(self, settings: TransportSettings, context: ssl.SSLContext, timeout: float) -> bool:
        """Reconnect with ``settings`` (a renewed certificate, another CA or broker) and its TLS
        ``context`` (from ``tls_context``), keeping the session and the replies queued in this
        client: a clean DISCONNECT (no Last Will), then a CONNECT with the new identity. True once
        connected that way within ``timeout``; otherwise the network thread keeps trying."""
        with self._renewal_lock:
            self._renewed.clear()
            self._renewal = (settings, context)
        return self._renewed.wait(timeout)

    def _take_renewal(self) -> bool:
        """Between two connections (network thread): switch to the pending settings, if any."""
        with self._renewal_lock:
            renewal, self._renewal = self._renewal, None
        if renewal is None:
            return False
        settings, context = renewal
        self._renewal_taken = True
        self.settings = settings
        self._backoff = Backoff(settings.reconnect_min_s, settings.reconnect_max_s, self._backoff.rng)
        # paho sets its TLS context and client id once (tls_set_context refuses a second); the
        # same client must stay, since it holds the QoS 1 replies not yet acknowledged. These are
        # the attributes tls_set_context and the constructor set, written while no socket is open.
        client = self._client
        client._ssl_context = context
        client._tls_insecure = not context.check_hostname
        client._client_id = settings.client_id.encode()
        return True

    # -- publishing --------------------------------------------------------------------------

    def publish(
        self,
        topic: str,
        payload: bytes,
        *,
        qos: int = 1,
        retain: bool = False,
        correlation: bytes | None = None,
        response_topic: str | None = None,
    ) -> paho.MQTTMessageInfo:
        """Queue a message; QoS 1 messages published while disconnected go out on reconnect.

        Called from any thread: the packet is queued and the network thread writes it.
        """
        properties = mqtt_properties(PacketTypes.PUBLISH)
        properties.ContentType = "application/json"
        if correlation is not None:
            properties.CorrelationData = correlation
        if response_topic is not None:
            properties.ResponseTopic = response_topic
        try:
            return self._client.publish(topic, payload, qos=qos, retain=retain, properties=properties)
        except ValueError as exc:
            raise TransportError(f"cannot publish to {topic!r}: {exc}") from None

    # -- network thread ----------------------------------------------------------------------

    def _run(self) -> None:
        while not self._stopping.is_set():
            if not self._socket_open:
                if self._take_renewal():
                    log.info("connecting to the broker %s:%d with the reloaded settings",
                             self.settings.host, self.settings.port)
                s = self.settings
                connect_props = mqtt_properties(PacketTypes.CONNECT)
                connect_props.SessionExpiryInterval = s.session_expiry_s
                try:
                    self._client.connect(
                        s.host,
                        s.port,
                        keepalive=s.keepalive_s,
                        clean_start=s.clean_start,
                        properties=connect_props,
                    )
                    self._set_nodelay()
                    self._socket_open = True
                except (OSError, ValueError) as exc:  # refused, TLS failure, DNS
                    self.last_error = str(exc)
                    delay = self._backoff.next()
                    log.warning(
                        "broker %s:%d unreachable (%s); retrying in %.2f s", s.host, s.port, exc, delay
                    )
                    self._stopping.wait(delay)
                    continue
            rc = self._client.loop(timeout=0.2)
            if rc == MQTTErrorCode.MQTT_ERR_SUCCESS:
                if self._renewal is not None and self._connected.is_set():
                    self._client.disconnect()  # clean, so no Last Will; the new CONNECT follows at once
                continue
            self._socket_open = False
            self._mark(connected=False)
            if self._stopping.is_set() or self._closing:
                break
            if self._renewal is not None:
                continue
            delay = self._backoff.next()
            log.warning(
                "connection to the broker lost (%s); reconnecting in %.2f s", paho.error_string(rc), delay
            )
            self._stopping.wait(delay)
        # Flush what a clean disconnect queued.
        for _ in range(10):
            if self._client.loop(timeout=0.05) != MQTTErrorCode.MQTT_ERR_SUCCESS:
                break

    def _set_nodelay(self) -> None:
        sock = self._client.socket()
        if isinstance(sock, (socket.socket, ssl.SSLSocket)):
            sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)

    def _mark(self, *, connected: bool) -> None:
        was = self._connected.is_set()
        if connected:
            self._connected.set()
        else:
            self._connected.clear()
        if was != connected and self._on_connection_cb is not None:
            try:
                self._on_connection_cb(connected)
            except Exception:  # a callback bug must not kill the network thread
                log.exception("connection callback failed")

    # -- paho callbacks (network thread) -----------------------------------------------------

    def _on_connect(
        self, client: paho.Client, userdata: Any, flags: Any, reason: Any, properties: Any
    ) -> None:
        if reason.is_failure:
            # A refused CONNACK is not a connection (Frigate marks it connected; we do not).
            self.last_error = f"broker refused the connection: {reason}"
            log.error("%s", self.last_error)
            return
        self._backoff.reset()
        self.connects += 1
        if self._renewal_taken:
            self._renewal_taken = False
            self._renewed.set()
        if self.settings.subscriptions:
            client.subscribe([(topic, 1) for topic in self.settings.subscriptions])
        self._mark(connected=True)

    def _on_disconnect(
        self, client: paho.Client, userdata: Any, flags: Any, reason: Any, properties: Any
    ) -> None:
        self._subscribed.clear()
        self._mark(connected=False)

    def _on_subscribe(
        self, client: paho.Client, userdata: Any, mid: int, reasons: Any, properties: Any
    ) -> None:
        self._subscribed.set()

    def _on_message(self, client: paho.Client, userdata: Any, message: paho.MQTTMessage) -> None:
        props = message.properties
        response_topic = getattr(props, "ResponseTopic", None) if props is not None else None
        correlation = getattr(props, "CorrelationData", None) if props is not None else None
        incoming = IncomingMessage(
            topic=message.topic,
            payload=bytes(message.payload),
            response_topic=response_topic if isinstance(response_topic, str) else None,
            correlation=bytes(correlation) if isinstance(correlation, (bytes, bytearray)) else None,
            qos=message.qos,
            dup=bool(message.dup),
            retain=bool(message.retain),
        )
        try:
            self._on_message_cb(incoming)
        except Exception:  # never let one message take the connection down
            log.exception("handling a message on %s failed", message.topic)


TransportFactory = Callable[
    [TransportSettings, Callable[[IncomingMessage], None], Callable[[bool], None]],
    Transport,
]
