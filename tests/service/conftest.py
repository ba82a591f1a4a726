"""Fixtures for the daemon against the real broker and the real CPU engine."""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterator
from typing import Any

import pytest

from edged.client import ClientConfig, EdgedClient
from edged.config import EdgedConfig, MqttConfig, SchedulerConfig
from edged.engines.base import Engine
from edged.service.daemon import Daemon
from edged.service.main import build_daemon
from tests.support.broker import MosquittoBroker
from tests.support.fixtures import ProvisionedSite

StartDaemon = Callable[..., Daemon]
MakeClient = Callable[..., EdgedClient]


def daemon_config(site: ProvisionedSite, broker: MosquittoBroker, device: str = "dev-1",
                  pools: tuple[str, ...] = ("line3",), **scheduler: Any) -> EdgedConfig:
    identity = site.identity(device)
    return EdgedConfig(
        device_id=device,
        mqtt=MqttConfig(host="localhost", port=broker.port, ca=identity.ca, cert=identity.cert,
                        key=identity.key, pools=list(pools), telemetry_interval_s=1.0,
                        reconnect_min_s=0.05, reconnect_max_s=0.5),
        scheduler=SchedulerConfig(**scheduler),
    )


@pytest.fixture
def start_daemon(site: ProvisionedSite, broker: MosquittoBroker, cpu_engine: Engine) -> Iterator[StartDaemon]:
    """``start_daemon(device="dev-1", engine=None, **scheduler)``: a serving daemon, stopped at teardown."""
    running: list[tuple[Daemon, threading.Thread]] = []

    def start(device: str = "dev-1", engine: Engine | None = None, pools: tuple[str, ...] = ("line3",),
              **scheduler: Any) -> Daemon:
        daemon = build_daemon(daemon_config(site, broker, device, pools, **scheduler), engine or cpu_engine)
        daemon.start()
        assert daemon.transport.wait_connected(5), broker.log_text()[-2000:]
        thread = threading.Thread(target=daemon.serve_forever, daemon=True)
        thread.start()
        running.append((daemon, thread))
        return daemon

    yield start
    for daemon, thread in running:
        daemon.stop()
        thread.join(30)


@pytest.fixture
def make_client(site: ProvisionedSite, broker: MosquittoBroker) -> Iterator[MakeClient]:
    """``make_client(cn="alice", device="dev-1", pool=None)``: an EdgedClient over mTLS, one per
    identity at a time (the broker binds the client id to the certificate): asking again for the
    same settings returns the same client; other settings for that identity replace it."""
    made: dict[str, tuple[tuple[object, ...], EdgedClient]] = {}

    def make(cn: str = "alice", device: str | None = "dev-1", pool: str | None = None,
             session_expiry_s: int = 0) -> EdgedClient:
        key = (device, pool, session_expiry_s)
        if cn in made:
            settings, existing = made[cn]
            if settings == key:
                return existing
            existing.close()
        identity = site.identity(cn)
        config = ClientConfig(host="localhost", port=broker.port, device=None if pool else device, pool=pool,
                              ca=identity.ca, cert=identity.cert, key=identity.key)
        client = EdgedClient(config, session_expiry_s=session_expiry_s)
        made[cn] = (key, client)
        return client

    yield make
    for _, client in made.values():
        client.close()
