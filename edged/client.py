"""A client of the MQTT contract: send one request over mTLS, wait for its reply.

Used by `edged ask`, the service benchmark and the tests; it is also a worked example of what an
HMI or script must do: subscribe to a response topic under its own prefix first, then publish
the request with that Response Topic and fresh Correlation Data.
"""

from __future__ import annotations

import json
import queue
import threading
import uuid
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from pydantic import Field

from edged.basemodel import StrictModel
from edged.errors import ConfigError, EdgedError, ErrorCode
from edged.service.transport import IncomingMessage, MqttTransport, TransportSettings
from edged.tomlfile import load_model


class ClientError(EdgedError):
    code: ErrorCode = "client_error"


class ClientConfig(StrictModel):
    """client.toml: where the appliance is and which certificate this client uses."""

    host: str = Field(description="Broker host name or address.")
    port: int = Field(default=8883, ge=1, le=65535, description="Broker TLS port.")
    prefix: str = Field(default="edged", description="Topic prefix of the site.")
    device: str | None = Field(default=None, description="Appliance id to send to (or use pool).")
    pool: str | None = Field(default=None, description="Pool to send to instead of one appliance.")
    ca: Path = Field(description="Site CA certificate.")
    cert: Path = Field(description="This client's certificate; its CN is the client id.")
    key: Path = Field(description="This client's private key.")


def load_client_config(path: Path) -> ClientConfig:
    return load_model(ClientConfig, path, "client configuration", "Fix the client configuration.")


def certificate_cn(cert: Path) -> str:
    """The client id the broker will see: the CN of our certificate."""
    from edged.certificates import read_certificate
    from edged.errors import PkiError

    try:
        cn = read_certificate(cert).cn
    except PkiError as exc:
        raise ConfigError(f"Cannot read the client certificate {cert}: {exc.message}") from None
    if not cn:
        raise ConfigError(f"The certificate {cert} has no CN; issue it with `edged pki issue client`.")
    return cn


@dataclass(frozen=True)
class Reply:
    body: dict[str, Any]
    chunks: list[dict[str, Any]]

    @property
    def ok(self) -> bool:
        return self.body.get("status") == "ok"


class EdgedClient:
    """One connection; ``request`` may be called from several threads at once."""

    def __init__(
        self,
        config: ClientConfig,
        *,
        client_id: str | None = None,
        connect_timeout: float = 10.0,
        session_expiry_s: int = 0,
    ) -> None:
        """``session_expiry_s`` > 0 keeps the session (and replies queued for it) at the broker
        across a dropped connection; a long-lived client such as an HMI wants that."""
        if (config.device is None) == (config.pool is None):
            raise ConfigError("Give exactly one of device and pool in the client configuration.")
        self.config = config
        self.cn = certificate_cn(config.cert)
        scope = f"{config.prefix}/pool/{config.pool}" if config.pool else f"{config.prefix}/{config.device}"
        self.request_topic = f"{scope}/req/{self.cn}"
        self.response_base = f"{scope}/resp/{self.cn}/{uuid.uuid4().hex[:12]}"
        self._waiters: dict[bytes, queue.Queue[dict[str, Any]]] = {}
        self._lock = threading.Lock()
        settings = TransportSettings(
            host=config.host,
            port=config.port,
            ca=config.ca,
            cert=config.cert,
            key=config.key,
            client_id=client_id or f"{self.cn}-{uuid.uuid4().hex[:8]}",
            session_expiry_s=session_expiry_s,
            subscriptions=(f"{self.response_base}/#",),
            # A fresh random client id has nothing to resume; a session that must outlive a
            # broker restart has to start non-clean to be persisted.
            clean_start=session_expiry_s == 0,
            reconnect_max_s=2.0,
        )
        self._transport = MqttTransport(settings, self._on_message)
        self._transport.start()
        if not self._transport.wait_subscribed(connect_timeout):
            reason = (
                self._transport.last_error
                or "no CONNACK: the broker refused the certificate or is not answering"
            )
            self._transport.stop()
            raise ClientError(
                f"Could not connect to {config.host}:{config.port}: {reason}.", code="unreachable"
            )

    def _on_message(self, message: IncomingMessage) -> None:
        if message.correlation is None:
            return
        with self._lock:
            waiter = self._waiters.get(message.correlation)
        if waiter is None:
            return
        try:
            body = json.loads(message.payload)
        except ValueError:
            body = {"status": "error", "error": {"code": "bad_reply", "message": "the reply was not JSON"}}
        waiter.put(body)

    def request(
        self,
        body: dict[str, Any],
        *,
        timeout: float = 30.0,
        on_chunk: Callable[[dict[str, Any]], None] | None = None,
        qos: int = 1,
    ) -> Reply:
        correlation = uuid.uuid4().bytes
        waiter: queue.Queue[dict[str, Any]] = queue.Queue()
        with self._lock:
            self._waiters[correlation] = waiter
        try:
            self._transport.publish(
                self.request_topic,
                json.dumps(body).encode(),
                qos=qos,
                correlation=correlation,
                response_topic=f"{self.response_base}/{correlation.hex()}",
            )
            chunks: list[dict[str, Any]] = []
            while True:
                try:
                    reply = waiter.get(timeout=timeout)
                except queue.Empty:
                    raise ClientError(
                        f"No reply within {timeout:.0f} s on {self.request_topic}; is edged "
                        "running and subscribed?",
                        code="timeout",
                    ) from None
                if reply.get("status") == "chunk":
                    chunks.append(reply)
                    if on_chunk is not None:
                        on_chunk(reply)
                    continue
                return Reply(reply, chunks)
        finally:
            with self._lock:
                self._waiters.pop(correlation, None)

    def close(self) -> None:
        self._transport.stop()
