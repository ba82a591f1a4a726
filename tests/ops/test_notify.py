"""sd_notify against a real datagram socket: message format, the watchdog interval, credentials."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from edged.service.systemd import (
    Notifier,
    key_on_disk,
    missing_credential,
    socket_sender,
    unit_credentials,
    watchdog_usec,
)
from tests.ops.conftest import NotifySocket


def test_messages_arrive_as_sd_notify_datagrams(notify_socket: NotifySocket) -> None:
    notifier = Notifier(socket_sender(notify_socket.address))
    assert notifier.enabled
    notifier.status("loading the engine\nfrom /var/lib/edged")  # a newline would start a new field
    notifier.ready("serving")
    notifier.watchdog()
    notifier.extend_start(1.5, "waiting for the broker")
    notifier.stopping("stopping: finishing 2 request(s)")
    assert notify_socket.drain(0.2) == [
        "STATUS=loading the engine from /var/lib/edged",
        "READY=1\nSTATUS=serving",
        "WATCHDOG=1",
        "EXTEND_TIMEOUT_USEC=1500000\nSTATUS=waiting for the broker",
        "STOPPING=1\nSTATUS=stopping: finishing 2 request(s)",
    ]


def test_from_environment_uses_the_socket_it_names(
    notify_path_socket: NotifySocket, monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("NOTIFY_SOCKET", notify_path_socket.address)
    monkeypatch.setenv("WATCHDOG_USEC", "4000000")
    monkeypatch.setenv("WATCHDOG_PID", str(os.getpid()))
    # The real environment: systemd-python when installed, else the socket code; both must deliver.
    notifier = Notifier.from_environment()
    assert notifier.watchdog_interval_s == 1.0  # a quarter of the timeout
    assert notifier.tick_s(15.0) == 1.0
    assert notifier.ready("serving")
    assert notify_path_socket.wait_for("READY=1", 2)[-1] == "READY=1\nSTATUS=serving"


def test_outside_systemd_nothing_is_sent_and_the_loop_keeps_its_period() -> None:
    notifier = Notifier.from_environment({})
    assert not notifier.enabled
    assert not notifier.ready("serving")
    assert notifier.tick_s(15.0) == 15.0


@pytest.mark.parametrize(
    ("env", "expected"),
    [
        ({"WATCHDOG_USEC": "30000000"}, 30_000_000),
        ({"WATCHDOG_USEC": "30000000", "WATCHDOG_PID": str(os.getpid())}, 30_000_000),
        ({"WATCHDOG_USEC": "30000000", "WATCHDOG_PID": "1"}, None),  # meant for another process
        ({"WATCHDOG_USEC": "0"}, None),
        ({"WATCHDOG_USEC": "soon"}, None),
        ({}, None),
    ],
)
def test_watchdog_usec_is_read_for_this_process_only(env: dict[str, str], expected: int | None) -> None:
    assert watchdog_usec(env) == expected


def test_a_dead_socket_does_not_raise(tmp_path: Path) -> None:
    notifier = Notifier(socket_sender(str(tmp_path / "gone")))
    assert notifier.watchdog() is False


def test_a_missing_credential_is_named(tmp_path: Path) -> None:
    config = tmp_path / "edged.toml"
    key = tmp_path / "device.key"  # where a bare name resolves when it is not a credential
    credentials = tmp_path / "creds"
    credentials.mkdir()
    message = missing_credential(key, config, {"CREDENTIALS_DIRECTORY": str(credentials)})
    assert message is not None
    assert "credential 'device.key'" in message
    assert str(credentials) in message
    assert "LoadCredential=device.key:/etc/edged/pki/device.key" in message
    by_hand = missing_credential(key, config, {})
    assert by_hand is not None
    assert "$CREDENTIALS_DIRECTORY is not set" in by_hand
    key.write_text("-")
    assert missing_credential(key, config, {"CREDENTIALS_DIRECTORY": str(credentials)}) is None
    assert missing_credential(Path("/elsewhere/device.key"), config, {}) is None  # a path, not a credential


def test_the_units_credentials_are_found_for_commands_run_by_hand(tmp_path: Path) -> None:
    unit = tmp_path / "edged.service"
    unit.write_text("[Service]\nLoadCredential=device.key:/etc/edged/pki/device.key\n")
    dropins = tmp_path / "edged.service.d"
    dropins.mkdir()
    (dropins / "10-key.conf").write_text("[Service]\nLoadCredential=device.key:/srv/keys/dev-1.key\n")
    assert unit_credentials(unit) == {"device.key": Path("/srv/keys/dev-1.key")}  # the drop-in wins
    config = tmp_path / "etc" / "edged.toml"
    assert key_on_disk(config.parent / "device.key", config, unit) == Path("/srv/keys/dev-1.key")
    assert key_on_disk(Path("/abs/dev-1.key"), config, unit) == Path("/abs/dev-1.key")
    assert unit_credentials(tmp_path / "none.service") == {}
