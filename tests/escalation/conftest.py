"""A fake cloud over real HTTPS with certificates from the test site's CA (and one from another CA)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from edged.provisioning import pki
from tests.escalation.fake_cloud import FakeCloud
from tests.support.fixtures import ProvisionedSite

# Values that must never reach the cloud, whatever a test sends: personal data the detectors
# must catch, and the values of fields outside every allowlist. Every body any fake cloud receives
# in the whole run is scanned for them when its test ends.
SECRETS = (
    "taro.yamada@example.co.jp", "090-1234-5678", "+81 90-1234-5678", "10.0.3.17",
    "SECRET-OPERATOR-FIELD", "00:1a:2b:3c:4d:5e", "4111 1111 1111 1111",
)


@pytest.fixture(scope="session")
def cloud_certs(tmp_path_factory: pytest.TempPathFactory, site: ProvisionedSite) -> dict[str, Path]:
    root = tmp_path_factory.mktemp("cloud")
    good = pki.issue(site.ca_dir, "server", "cloud", root / "good", sans=("localhost", "127.0.0.1"))
    other_ca = root / "other-ca"
    pki.init_ca(other_ca, name="not the site's CA")
    bad = pki.issue(other_ca, "server", "cloud", root / "bad", sans=("localhost", "127.0.0.1"))
    assert good.key is not None and bad.key is not None
    return {"cert": good.cert, "key": good.key, "ca": site.ca_cert, "bad_cert": bad.cert, "bad_key": bad.key}


@pytest.fixture
def fake_cloud(cloud_certs: dict[str, Path]) -> Iterator[FakeCloud]:
    cloud = FakeCloud(cloud_certs["cert"], cloud_certs["key"]).start()
    yield cloud
    cloud.stop()
    for received in cloud.received:
        text = received.body.decode("utf-8", errors="replace")
        leaked = [secret for secret in SECRETS if secret in text]
        assert not leaked, f"sent to the cloud: {leaked}"
