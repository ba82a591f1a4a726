"""edged through the operator's path, under a real systemd: scripts/install with a provisioned
identity and the site's broker as mosquitto.service, then what the unit promises (README
"Install on an appliance" and "Operations"). The tests run in this order and share one system."""

from __future__ import annotations

import pytest

from tests.system.conftest import Installed

pytestmark = pytest.mark.system


def test_install_starts_the_service_and_status_shows_what_it_serves(installed: Installed) -> None:
    system = installed.system
    status = system.run("systemctl status edged --no-pager")
    assert "Active: active (running)" in status.stdout, status.stdout
    assert "Status: \"serving smollm2-135m-instruct@cpu as dev-1" in status.stdout, status.stdout
