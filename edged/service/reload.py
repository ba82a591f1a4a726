"""`systemctl reload edged` (SIGHUP): read edged.toml and the TLS files again and apply what can
change while requests are served, in the main loop, between two telemetry publications.

Everything is read and checked first; a bad file refuses the whole reload (logged, in the
STATUS= line) and the old configuration keeps serving. Then one reference is swapped
(``Daemon.settings``), so a request parsed before finishes under the old settings. The broker
connection is re-made only when the identity (CA, certificate, key: their contents) or the
connection settings changed. Keys that need a restart are named in the log and keep their old
values; the rest still applies.
"""

from __future__ import annotations

import hashlib
import logging
import ssl
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Protocol, runtime_checkable

from edged.config import EdgedConfig
from edged.errors import ConfigError, EdgedError
from edged.service.daemon import Daemon
from edged.service.escalation_setup import reconfigure_escalator, retune_budget
from edged.service.settings import Changes, Settings, load_checked_config, plan_changes
from edged.service.tls import probe_tls, tls_context
from edged.service.transport import TransportSettings

log = logging.getLogger(__name__)


@runtime_checkable
class Renewable(Protocol):
    """A transport that can reconnect with new settings (``MqttTransport``)."""

    def renew(self, settings: TransportSettings, context: ssl.SSLContext, timeout: float) -> bool: ...


def identity_fingerprint(config: EdgedConfig) -> str:
    """The hash of the CA, certificate and key files' contents: a renewal rewrites them in place."""
    digest = hashlib.sha256()
    mqtt = config.mqtt
    for key, path in (("mqtt.ca", mqtt.ca), ("mqtt.cert", mqtt.cert), ("mqtt.key", mqtt.key)):
        try:
            digest.update(path.read_bytes())
        except OSError as exc:
            raise ConfigError(
                f"key '{key}': cannot read {path}: {exc.strerror or exc}", code="config_files",
            ) from None
    return digest.hexdigest()


@dataclass(frozen=True)
class Prepared:
    """A reload read and checked, not yet applied."""

    changes: Changes
    settings: Settings
    fingerprint: str
    connection: tuple[TransportSettings, ssl.SSLContext] | None  # None: the connection stays


class Reloader:
    """Reloads one daemon from its configuration file; ``reload()`` runs in the main loop."""

    def __init__(
        self,
        path: Path,
        intake: Daemon,
        *,
        transport_settings: Callable[[EdgedConfig], TransportSettings],
        probe_timeout_s: float = 5.0,
        reconnect_timeout_s: float = 5.0,
    ) -> None:
        self.path = path
        self.intake = intake
        self.transport_settings = transport_settings
        self.probe_timeout_s = probe_timeout_s
        self.reconnect_timeout_s = reconnect_timeout_s
        self.fingerprint = identity_fingerprint(intake.settings.config)
        self.reloads = 0  # applied reloads, for tests

    def __call__(self) -> bool:
        return self.reload()

    def reload(self) -> bool:
        """True when applied; False when refused (the old configuration keeps serving)."""
        notifier, reporter = self.intake.notifier, self.intake.reporter
        log.info("reloading %s", self.path)
        notifier.reloading(f"reloading {self.path}")
        try:
            prepared = self.prepare()
        except EdgedError as exc:
            reason = f"[{exc.code}] {exc.message}"
        except Exception as exc:  # a bug in a reload must not take the serving daemon down
            log.exception("reloading %s failed unexpectedly", self.path)
            reason = f"[internal] {exc}"
        else:
            note = self.apply(prepared)
            notifier.ready(f"{reporter.serving_line()}; {note}")
            return True
        log.error("reload refused %s; still serving with the previous configuration", reason)
        notifier.ready(f"{reporter.serving_line()}; reload refused {reason}")
        return False

    def prepare(self) -> Prepared:
        """Read and check everything; change nothing (EdgedError: the reload is refused)."""
        current = self.intake.settings.config
        changes = plan_changes(current, load_checked_config(self.path))
        config = changes.effective
        fingerprint = identity_fingerprint(config)
        connection = None
        if changes.reconnect or fingerprint != self.fingerprint:
            settings = self.transport_settings(config)
            context = tls_context(
                settings.ca, settings.cert, settings.key, check_hostname=settings.check_hostname,
            )
            self._check_with_broker(settings, context)
            connection = (settings, context)
        escalator = reconfigure_escalator(self.intake.escalator, current, config)
        prepared = Settings.of(config, escalator, self.intake.engine.info.path)
        return Prepared(changes, prepared, fingerprint, connection)

    def _check_with_broker(self, settings: TransportSettings, context: ssl.SSLContext) -> None:
        """A TLS handshake with the new identity, without an MQTT CONNECT (which would take over the
        running session): a broker that refuses it refuses the reload, and the old connection stays."""
        where = f"{settings.host}:{settings.port}"
        try:
            refused = probe_tls(settings.host, settings.port, context, self.probe_timeout_s)
        except ssl.SSLError as exc:
            refused = f"TLS failed: {exc.reason or exc}"
        except OSError as exc:
            if self.intake.transport.connected:  # keep a working connection rather than trade it blind
                raise ConfigError(
                    f"cannot reach the broker {where} to check the new settings ({exc.strerror or exc}); "
                    "the current connection stays: reload again once it is reachable",
                    code="config_files",
                ) from None
            log.warning("could not check the new identity with the broker %s (%s); it is unreachable "
                        "anyway, so the transport goes on trying with the new one", where, exc)
            return
        if refused is not None:
            raise ConfigError(
                f"the broker {where} refuses the new identity ({refused}): check that the site CA signed "
                f"{settings.cert}, that it matches {settings.key} and is not revoked (edged doctor)",
                code="config_files",
            )

    def apply(self, prepared: Prepared) -> str:
        """Swap the settings, then reconnect if needed; returns what the STATUS= line says."""
        changes, config = prepared.changes, prepared.settings.config
        retune_budget(prepared.settings.escalator, config)
        self.intake.settings = prepared.settings  # the swap: requests parsed from now on use these
        self.intake.runner.adapters = prepared.settings.adapters
        self.intake.reporter.reconfigure(config)
        applied = list(changes.live)
        if prepared.connection is not None:
            applied += list(changes.reconnect) or ["the TLS files"]
            self._reconnect(*prepared.connection)
            self.fingerprint = prepared.fingerprint
        self.reloads += 1
        if changes.restart:
            log.warning("reloaded %s; these changes need a restart (systemctl restart edged) and keep their "
                        "old values until then: %s", self.path, ", ".join(changes.restart))
        log.info("reloaded %s: %s", self.path, ", ".join(applied) if applied else "nothing changed")
        note = "reloaded"
        return note + (f", needs a restart for {', '.join(changes.restart)}" if changes.restart else "")

    def _reconnect(self, settings: TransportSettings, context: ssl.SSLContext) -> None:
        transport = self.intake.transport
        if not isinstance(transport, Renewable):
            log.warning("this transport cannot reconnect; the new broker settings need a restart")
            return
        if not transport.renew(settings, context, self.reconnect_timeout_s):
            log.warning("not reconnected to the broker %s:%d with the new settings within %.0f s; "
                        "still trying", settings.host, settings.port, self.reconnect_timeout_s)
