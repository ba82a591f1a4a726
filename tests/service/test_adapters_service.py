"""A task's LoRA adapter at the service, over the real broker with the continuous CPU engine: a
task whose adapter is missing fails with adapter_missing while the other tasks serve; once the
adapter is built, a reload serves it (no restart, no engine rebuild); replaced and reloaded, the
new one answers."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from pathlib import Path

import pytest

from edged.client import Reply
from edged.engines.adapters import AdapterStore
from edged.engines.continuous import ContinuousOnnxEngine
from edged.service.daemon import Daemon
from tests.ops.conftest import NotifySocket
from tests.service.conftest import MakeClient
from tests.service.test_reload import notify_socket, reload, start, write_toml  # noqa: F401 - a fixture
from tests.support.broker import MosquittoBroker
from tests.support.fixtures import ProvisionedSite
from tests.support.peft_folder import ATTENTION, MLP, write_peft

pytestmark = pytest.mark.engine

NAME = "service-test-alarms"
TASKS = (
    '[tasks.alarms]\nsystem = "You explain plant alarms."\ntemplate = "{input}"\nadapter = "' + NAME + '"\n'
    '[tasks.alarms_plain]\nsystem = "You explain plant alarms."\ntemplate = "{input}"\n'
)


@pytest.fixture
def adapters(continuous_engine: ContinuousOnnxEngine) -> Iterator[AdapterStore]:
    store = AdapterStore.of_engine(continuous_engine.info.path)
    yield store
    if store.folder(NAME).exists():
        store.remove(NAME)


def _ask(make_client: MakeClient, task: str) -> Reply:
    body = {"task": task, "input": "What does alarm ALM-7731 mean?", "max_tokens": 12, "deadline_ms": 60000}
    return make_client().request(body, timeout=90)


def test_an_adapter_is_served_after_a_reload_and_replaced_by_the_next(
    site: ProvisionedSite, broker: MosquittoBroker, tmp_path: Path, notify_socket: NotifySocket,  # noqa: F811
    make_client: MakeClient, continuous_engine: ContinuousOnnxEngine, adapters: AdapterStore,
) -> None:
    config = write_toml(tmp_path / "edged.toml", site, broker.port)
    with config.open("a", encoding="utf-8") as handle:
        handle.write(TASKS)
    daemon, thread = start(config, continuous_engine, notify_socket)  # type: ignore[arg-type]
    try:
        missing = _ask(make_client, "alarms")
        assert not missing.ok and missing.body["error"]["code"] == "adapter_missing", missing.body
        assert "edged adapter build" in missing.body["error"]["message"]
        plain = _ask(make_client, "alarms_plain")
        assert plain.ok, plain.body  # the other tasks serve

        strong = write_peft(tmp_path / "one", modules=ATTENTION + MLP, std=0.3, seed=1)
        adapters.build(NAME, strong, task="alarms")
        reload(daemon, notify_socket)
        first = _ask(make_client, "alarms")
        assert first.ok, first.body
        assert first.body["output"]["text"] != plain.body["output"]["text"]

        replacement = write_peft(tmp_path / "two", modules=ATTENTION + MLP, std=0.3, seed=2)
        adapters.build(NAME, replacement, force=True)
        assert _ask(make_client, "alarms").body["output"] == first.body["output"]  # not before the reload
        reload(daemon, notify_socket)
        second = _ask(make_client, "alarms")
        assert second.ok and second.body["output"] != first.body["output"], second.body
    finally:
        _stop(daemon, thread)


def _stop(daemon: Daemon, thread: threading.Thread) -> None:
    daemon.stop()
    thread.join(30)
