"""The device certificate's lifecycle: warnings in status and metrics before it expires, and
`edged pki renew` (a CSR with the same key, or a new one) that the site CA signs."""

from __future__ import annotations

import json
import shutil
from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest
from cryptography import x509
from cryptography.hazmat.primitives import serialization

from edged.certificates import CertValidity
from edged.cli import main
from edged.config import EdgedConfig, MqttConfig
from edged.provisioning import pki
from edged.service.main import build_daemon
from tests.ops.conftest import TinyEngine
from tests.support.broker import MosquittoBroker
from tests.support.fixtures import ClientFactory, ProvisionedSite

NOW = datetime.now(timezone.utc)


def _device_copy(site: ProvisionedSite, tmp_path: Path, *, days_left: float | None = None) -> Path:
    """dev-1's identity in a folder of its own; with ``days_left``, a certificate that ends then."""
    folder = tmp_path / "dev-1"
    if days_left is None:
        shutil.copytree(site.identity("dev-1").cert.parent, folder)
    else:
        pki.issue(site.ca_dir, "device", "dev-1", folder, not_before=NOW - timedelta(days=300),
                  not_after=NOW + timedelta(days=days_left))
    return folder


def test_validity_states() -> None:
    cert = CertValidity(Path("dev-1.crt"), "dev-1", 1, NOW - timedelta(days=10), NOW + timedelta(days=20))
    assert cert.state(NOW) == "expiring"
    assert cert.state(NOW, warn_days=10) == "ok"
    assert cert.state(NOW + timedelta(days=21)) == "expired"
    assert cert.state(NOW - timedelta(days=11)) == "not_yet_valid"
    warning = cert.warning(NOW)
    assert warning is not None
    assert "expires in 19 days" in warning or "expires in 20 days" in warning
    assert "edged pki renew --config /etc/edged/edged.toml" in warning
    assert cert.warning(NOW, warn_days=10) is None
    assert "timedatectl set-ntp true" in (cert.warning(NOW - timedelta(days=11)) or "")


def test_an_expiring_certificate_shows_in_the_retained_status_and_the_metrics(
    site: ProvisionedSite, broker: MosquittoBroker, mqtt_client: ClientFactory, tmp_path: Path,
) -> None:
    folder = _device_copy(site, tmp_path, days_left=12.5)
    config = EdgedConfig(device_id="dev-1", mqtt=MqttConfig(
        host="localhost", port=broker.port, ca=folder / "ca.crt", cert=folder / "dev-1.crt",
        key=folder / "dev-1.key", reconnect_min_s=0.05, reconnect_max_s=0.5))
    watcher = mqtt_client(site.identity("bob"), broker)
    watcher.subscribe_and_wait("edged/dev-1/status")
    daemon = build_daemon(config, TinyEngine())
    daemon.start()
    try:
        assert daemon.transport.wait_connected(5)
        while (status := json.loads(watcher.next_message(timeout=5).payload))["status"] != "online":
            pass
        health = status["health"]
        assert health["certificate"]["state"] == "expiring"
        assert 11.5 < health["certificate"]["days_left"] < 12.6
        assert health["warnings"][0].startswith("the device certificate CN=dev-1")
        assert "expires in 12 days" in health["warnings"][0]
        assert "edged pki renew" in health["warnings"][0]
        metrics = daemon.render_metrics().splitlines()
        assert "edged_certificate_expiring 1" in metrics
        not_after = next(x for x in metrics if x.startswith("edged_certificate_not_after_timestamp_seconds "))
        assert abs(float(not_after.split()[1]) - (NOW + timedelta(days=12.5)).timestamp()) < 5
    finally:
        daemon.stop()
        daemon.shutdown()


def _public(key_or_csr: Path) -> bytes:
    data = key_or_csr.read_bytes()
    if b"REQUEST" in data:
        public = x509.load_pem_x509_csr(data).public_key()
    else:
        private = serialization.load_pem_private_key(data, password=None)
        public = private.public_key()  # type: ignore[assignment]
    return public.public_bytes(serialization.Encoding.DER, serialization.PublicFormat.SubjectPublicKeyInfo)


def test_renew_with_the_same_key_and_sign(
    site: ProvisionedSite, tmp_path: Path, capsys: pytest.CaptureFixture[str],
) -> None:
    folder = _device_copy(site, tmp_path)
    config = tmp_path / "edged.toml"
    config.write_text(f'device_id = "dev-1"\n[mqtt]\nhost = "localhost"\nca = "{folder}/ca.crt"\n'
                      f'cert = "{folder}/dev-1.crt"\nkey = "{folder}/dev-1.key"\n')
    assert main(["pki", "renew", "--config", str(config)]) == 0
    out = capsys.readouterr().out
    csr = folder / "renew" / "dev-1.csr"
    assert f"created {csr} for CN=dev-1, signed by the current key {folder}/dev-1.key" in out
    assert "the current certificate" in out
    assert f"edged pki sign --ca CA_DIR --csr {csr} --kind device" in out
    assert out.rstrip().endswith("then systemctl reload edged (no restart: requests are not dropped)")
    assert _public(csr) == _public(folder / "dev-1.key")
    signed = pki.sign_csr(site.ca_dir, csr, "device", out_dir=folder / "renew")
    new_cert = x509.load_pem_x509_certificate(signed.cert.read_bytes()).public_key()
    der = new_cert.public_bytes(serialization.Encoding.DER, serialization.PublicFormat.SubjectPublicKeyInfo)
    assert der == _public(folder / "dev-1.key")
    # A second CSR would silently replace the first: refused without --force.
    assert main(["pki", "renew", "--config", str(config)]) == 1
    assert "[exists]" in capsys.readouterr().err
    assert main(["pki", "renew", "--config", str(config), "--force"]) == 0


def test_renew_with_a_new_key(
    site: ProvisionedSite, tmp_path: Path, capsys: pytest.CaptureFixture[str],
) -> None:
    folder = _device_copy(site, tmp_path)
    out_dir = tmp_path / "next"
    assert main(["pki", "renew", "--cn", "dev-1", "--key", str(folder / "dev-1.key"), "--new-key",
                 "--out", str(out_dir)]) == 0
    out = capsys.readouterr().out
    assert "signed by a new key" in out
    assert "then restart edged (systemctl restart edged: the service reads a new key only at start)" in out
    new_key = out_dir / "dev-1.key"
    assert new_key.stat().st_mode & 0o777 == 0o600
    assert _public(out_dir / "dev-1.csr") == _public(new_key) != _public(folder / "dev-1.key")
    assert main(["pki", "renew", "--key", str(folder / "dev-1.key")]) == 2  # needs --cn or --config
