"""The appliance's TLS to the broker: its client context, and a handshake that checks an identity
without an MQTT CONNECT (doctor, and a reload before it trades the running connection)."""

from __future__ import annotations

import socket
import ssl
from pathlib import Path

from edged.errors import ConfigError


def tls_context(ca: Path, cert: Path, key: Path, *, check_hostname: bool = True) -> ssl.SSLContext:
    """Client TLS context: the site CA only, our certificate and key, TLS 1.2 or newer."""
    try:
        context = ssl.create_default_context(ssl.Purpose.SERVER_AUTH, cafile=str(ca))
        context.load_cert_chain(certfile=str(cert), keyfile=str(key))
    except FileNotFoundError as exc:
        raise ConfigError(f"TLS file not found: {exc.filename}. Check the mqtt.ca/cert/key paths.") from None
    except (ssl.SSLError, OSError) as exc:
        # Never include key material; the file names are enough to act on.
        raise ConfigError(
            f"Cannot load the TLS files (CA {ca}, certificate {cert}, key {key}): {exc}. Check that the "
            "certificate matches the key and both are PEM.",
        ) from None
    context.minimum_version = ssl.TLSVersion.TLSv1_2
    # Certificate verification is never switched off; only the host name check may be, for
    # development brokers reached by an address their certificate does not name.
    context.check_hostname = check_hostname
    return context


def probe_tls(host: str, port: int, context: ssl.SSLContext, timeout_s: float) -> str | None:
    """Connect over TLS with this appliance's certificate and listen briefly; None when the broker
    keeps the connection (it accepted the certificate), else why not. Sends no MQTT CONNECT: the
    broker binds the client id to the certificate's identity, so a CONNECT would take over the
    running daemon's connection and session.

    Raises OSError (ssl.SSLError included) when the connection or the handshake fails.
    """
    with socket.create_connection((host, port), timeout=timeout_s) as raw, \
            context.wrap_socket(raw, server_hostname=host) as tls:
        tls.settimeout(min(1.0, timeout_s))
        try:
            data = tls.recv(1)
        except TimeoutError:
            return None  # still open: the certificate was accepted
        except ssl.SSLError as exc:  # TLS 1.3: a refused client certificate shows up on the first read
            return f"TLS alert after the handshake: {exc.reason or exc}"
        if not data:
            return "the broker closed the connection after the handshake"
        return "the broker sent data before any request"
