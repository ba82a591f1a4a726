"""`edged doctor` against a real broker, the real engine store and chosen clocks: each check passes
on a good installation and, on a broken one, names the problem and the fix."""

from __future__ import annotations

import json
import shutil
from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest

from edged.cli import main
from edged.doctor import Finding, Seams, render, run_checks
from edged.engines.store import EngineStore
from edged.provisioning import pki
from tests.support.broker import MosquittoBroker
from tests.support.fixtures import ProvisionedSite

NOW = datetime.now(timezone.utc)


def _install(site: ProvisionedSite, tmp_path: Path, port: int, *, store: Path | None = None,
             credential: bool = False, cert_days: float | None = None) -> tuple[Path, Path]:
    """An appliance's /etc/edged in ``tmp_path``: edged.toml, pki/, and the unit that loads the key."""
    etc = tmp_path / "etc"
    pki_dir = etc / "pki"
    if cert_days is None:
        shutil.copytree(site.identity("dev-1").cert.parent, pki_dir)
    else:
        pki.issue(site.ca_dir, "device", "dev-1", pki_dir, not_before=NOW - timedelta(days=300),
                  not_after=NOW + timedelta(days=cert_days))
    unit = tmp_path / "edged.service"
    unit.write_text(f"[Service]\nLoadCredential=device.key:{pki_dir}/dev-1.key\n")
    key = "device.key" if credential else f"{pki_dir}/dev-1.key"
    config = etc / "edged.toml"
    config.write_text(
        f'device_id = "dev-1"\n[mqtt]\nhost = "localhost"\nport = {port}\nca = "{pki_dir}/ca.crt"\n'
        f'cert = "{pki_dir}/dev-1.crt"\nkey = "{key}"\n'
        f'[engine]\nprofile = "cpu"\nstore = "{store or tmp_path / "no-engines"}"\n'
        "[ops]\nmetrics_enabled = false\n",
    )
    return config, unit


def _by_check(findings: list[Finding]) -> dict[str, Finding]:
    return {f.check: f for f in findings}


def _seams(now: datetime | None = None) -> Seams:
    """The doctor's clock: ``now``, or the real one (the session's site certificates may be issued
    after this module was imported: a build of the engine store in between takes minutes)."""
    return Seams(now=lambda: now or datetime.now(timezone.utc), ntp_synchronized=lambda: True, timeout_s=3.0)


@pytest.mark.engine
def test_a_good_installation_passes_every_check(
    site: ProvisionedSite, broker: MosquittoBroker, engine_store: EngineStore, tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    config, unit = _install(site, tmp_path, broker.port, store=engine_store.root, credential=True)
    findings = _by_check(run_checks(config, unit=unit, ca_dir=site.ca_dir, seams=_seams()))
    assert {name: f.state for name, f in findings.items()} == {
        "config": "ok", "files": "ok", "key": "ok", "certificate": "ok", "broker": "ok", "engine": "ok",
        "runtime": "ok", "clock": "ok", "service": "skip", "crl": "ok",
    }, findings
    assert "mTLS handshake accepted" in findings["broker"].detail
    assert "cpu/smollm2-135m-instruct" in findings["engine"].detail
    assert main(["doctor", "--config", str(config), "--unit", str(unit), "--json"]) == 0
    report = json.loads(capsys.readouterr().out)
    assert report["ok"] is True
    # The doctor sends no CONNECT: the broker binds the client id to the certificate, so one would
    # take over a running daemon's connection and session.
    assert "as dev-1" not in broker.log_text()


def test_an_exposed_key_is_a_failure_with_the_chmod(
    site: ProvisionedSite, broker: MosquittoBroker, tmp_path: Path,
) -> None:
    config, unit = _install(site, tmp_path, broker.port)
    key = tmp_path / "etc" / "pki" / "dev-1.key"
    key.chmod(0o644)
    findings = _by_check(run_checks(config, unit=unit, seams=_seams()))
    assert findings["key"].state == "fail"
    assert findings["key"].fix == f"chmod 600 {key}"
    assert findings["engine"].state == "fail"
    assert "edged engine build" in (findings["engine"].fix or "")
    text = render(list(findings.values()))
    assert f"fix: chmod 600 {key}" in text
    assert text.splitlines()[-1].startswith("edged doctor: ")


def test_a_credential_the_unit_does_not_load_is_named(
    site: ProvisionedSite, broker: MosquittoBroker, tmp_path: Path,
) -> None:
    config, _ = _install(site, tmp_path, broker.port, credential=True)
    bare_unit = tmp_path / "bare.service"
    bare_unit.write_text("[Service]\nUser=edged\n")
    findings = _by_check(run_checks(config, unit=bare_unit, seams=_seams()))
    assert findings["key"].state == "fail"
    assert "the credential 'device.key' (mqtt.key) is not loaded by" in findings["key"].detail
    assert "LoadCredential=device.key:/etc/edged/pki/device.key" in (findings["key"].fix or "")
    assert findings["broker"].state == "skip"


def test_an_unreachable_broker_and_a_revoked_certificate(
    site: ProvisionedSite, broker: MosquittoBroker, tmp_path: Path,
) -> None:
    config, unit = _install(site, tmp_path / "revoked", broker.port, cert_days=100)
    pki.revoke(site.ca_dir, tmp_path / "revoked" / "etc" / "pki" / "dev-1.crt")
    broker.reload()  # the broker reads the new CRL
    revoked = _by_check(run_checks(config, unit=unit, seams=_seams()))["broker"]
    assert revoked.state == "fail"
    assert "refused this appliance" in revoked.detail or "TLS" in revoked.detail
    assert "revoked" in (revoked.fix or "")

    broker.stop()
    config, unit = _install(site, tmp_path / "down", broker.port)
    down = _by_check(run_checks(config, unit=unit, seams=_seams()))["broker"]
    assert down.state == "fail"
    assert f"cannot reach localhost:{broker.port}" in down.detail
    assert "firewall" in (down.fix or "")


def test_certificate_expiry_and_the_clock(
    site: ProvisionedSite, broker: MosquittoBroker, tmp_path: Path,
) -> None:
    config, unit = _install(site, tmp_path, broker.port, cert_days=20)
    soon = _by_check(run_checks(config, unit=unit, seams=_seams()))
    assert soon["certificate"].state == "warn"
    assert "CN=dev-1 expires in 19 days" in soon["certificate"].detail
    assert "edged pki renew" in (soon["certificate"].fix or "")
    assert soon["broker"].state == "ok"  # still valid: a warning, not an outage

    later = _by_check(run_checks(config, unit=unit, seams=_seams(NOW + timedelta(days=25))))
    assert later["certificate"].state == "fail"
    assert "expired" in later["certificate"].detail

    past = _by_check(run_checks(config, unit=unit, seams=_seams(datetime(2021, 3, 1, tzinfo=timezone.utc))))
    assert past["clock"].state == "fail"
    assert "timedatectl set-ntp true" in (past["clock"].fix or "")
    assert past["certificate"].state == "fail"

    unsynced = Seams(now=lambda: datetime.now(timezone.utc), ntp_synchronized=lambda: False, timeout_s=3.0)
    assert _by_check(run_checks(config, unit=unit, seams=unsynced))["clock"].state == "warn"


def test_the_site_crl_before_and_after_it_expires(tmp_path: Path) -> None:
    from edged.doctor import check_crl

    ca = tmp_path / "ca"
    pki.init_ca(ca, crl_days=5)
    assert check_crl(ca, NOW).state == "warn"
    expired = check_crl(ca, NOW + timedelta(days=6))
    assert expired.state == "fail"
    assert "edged-crl.timer" in (expired.fix or "")
    pki.renew_crl(ca, days=30)
    assert check_crl(ca, NOW).state == "ok"


def test_a_broken_config_skips_what_depends_on_it(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    config = tmp_path / "edged.toml"
    config.write_text('device_id = "dev-1"\n[mqtt]\nhots = "x"\n')
    assert main(["doctor", "--config", str(config)]) == 1
    out = capsys.readouterr().out
    assert out.splitlines()[0].startswith("FAIL  config")
    assert "skip  broker       needs a valid configuration" in out


@pytest.mark.engine
def test_a_tasks_missing_or_stale_adapter_is_named_with_its_fix(
    site: ProvisionedSite, broker: MosquittoBroker, engine_store: EngineStore, tmp_path: Path,
) -> None:
    from edged.config import load_config
    from edged.doctor import check_adapters
    from edged.engines.adapters import AdapterStore
    from edged.hardware.report import detect_and_match
    from tests.support.peft_folder import write_peft

    config_path, _ = _install(site, tmp_path, broker.port, store=engine_store.root)
    task = '[tasks.{0}]\nsystem = "You answer."\ntemplate = "{{input}}"\nadapter = "{1}"\n'
    with config_path.open("a", encoding="utf-8") as handle:
        handle.write(task.format("alarms", "doctor-test-alarms") + task.format("shifts", "doctor-test-none"))
    engine = next(e for e in engine_store.entries() if e.model_id == "smollm2-135m-instruct")
    adapters = AdapterStore.of_engine(engine.folder)
    adapters.build("doctor-test-alarms", write_peft(tmp_path / "peft"), force=True)
    try:
        finding = check_adapters(load_config(config_path), detect_and_match)
    finally:
        adapters.remove("doctor-test-alarms")
    assert finding is not None and finding.state == "fail", finding
    assert "task shifts (adapter doctor-test-none): [adapter_missing]" in finding.detail
    assert "task alarms" not in finding.detail  # the good one is not blamed
    assert "edged adapter build" in (finding.fix or "")
