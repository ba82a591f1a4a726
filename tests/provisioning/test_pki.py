"""The site CA: what its certificates, CSRs and CRLs contain, and how it guards key material."""

from __future__ import annotations

import logging
import os
import stat
from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.x509.oid import ExtendedKeyUsageOID, NameOID

from edged.errors import PkiError
from edged.provisioning import pki


@pytest.fixture(scope="module")
def ca(tmp_path_factory: pytest.TempPathFactory) -> Path:
    ca_dir = tmp_path_factory.mktemp("pki") / "ca"
    pki.init_ca(ca_dir)
    return ca_dir


def load_cert(path: Path) -> x509.Certificate:
    return x509.load_pem_x509_certificate(path.read_bytes())


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def ekus(cert: x509.Certificate) -> list[x509.ObjectIdentifier]:
    return list(cert.extensions.get_extension_for_class(x509.ExtendedKeyUsage).value)


def test_ca_certificate(ca: Path) -> None:
    cert = load_cert(ca / "ca.crt")
    constraints = cert.extensions.get_extension_for_class(x509.BasicConstraints)
    assert constraints.critical
    assert constraints.value.ca
    assert constraints.value.path_length == 0
    usage = cert.extensions.get_extension_for_class(x509.KeyUsage)
    assert usage.critical
    assert usage.value.key_cert_sign
    assert usage.value.crl_sign
    assert not usage.value.digital_signature
    cert.extensions.get_extension_for_class(x509.SubjectKeyIdentifier)
    assert isinstance(cert.public_key(), ec.EllipticCurvePublicKey)
    assert cert.public_key().curve.name == "secp256r1"  # type: ignore[union-attr]
    assert isinstance(cert.signature_hash_algorithm, hashes.SHA256)
    cert.verify_directly_issued_by(cert)
    assert mode(ca / "ca.key") == 0o600
    assert mode(ca / "ca.crt") == 0o644


def test_a_new_ca_has_an_empty_crl_valid_for_crl_days(tmp_path: Path) -> None:
    now = datetime.now(timezone.utc)
    files = pki.init_ca(tmp_path / "ca", crl_days=7, now=now)
    crl = x509.load_pem_x509_crl(files.crl.read_bytes())
    assert len(crl) == 0
    assert crl.is_signature_valid(load_cert(files.cert).public_key())  # type: ignore[arg-type]
    assert crl.next_update_utc is not None
    assert abs(crl.next_update_utc - (now + timedelta(days=7))) < timedelta(seconds=2)
    # Backdated like certificates: a CRL that is "not yet valid" locks every client out too.
    assert crl.last_update_utc <= now - timedelta(minutes=4)


def test_server_certificate_has_the_sans_and_server_auth_only(ca: Path, tmp_path: Path) -> None:
    issued = pki.issue(ca, "server", "broker", tmp_path, sans=["broker.plant.local", "127.0.0.1", "::1"])
    cert = load_cert(issued.cert)
    sans = cert.extensions.get_extension_for_class(x509.SubjectAlternativeName).value
    assert sans.get_values_for_type(x509.DNSName) == ["broker.plant.local"]
    assert [str(ip) for ip in sans.get_values_for_type(x509.IPAddress)] == ["127.0.0.1", "::1"]
    assert ekus(cert) == [ExtendedKeyUsageOID.SERVER_AUTH]
    assert not cert.extensions.get_extension_for_class(x509.BasicConstraints).value.ca
    cert.verify_directly_issued_by(load_cert(ca / "ca.crt"))
    aki = cert.extensions.get_extension_for_class(x509.AuthorityKeyIdentifier).value
    ski = load_cert(ca / "ca.crt").extensions.get_extension_for_class(x509.SubjectKeyIdentifier).value
    assert aki.key_identifier == ski.digest


@pytest.mark.parametrize("kind", ["device", "client"])
def test_device_and_client_certificates_are_client_auth_only(ca: Path, tmp_path: Path, kind: str) -> None:
    issued = pki.issue(ca, kind, f"{kind}-7", tmp_path)  # type: ignore[arg-type]
    cert = load_cert(issued.cert)
    assert cert.subject.get_attributes_for_oid(NameOID.COMMON_NAME)[0].value == f"{kind}-7"
    assert ekus(cert) == [ExtendedKeyUsageOID.CLIENT_AUTH]
    with pytest.raises(x509.ExtensionNotFound):
        cert.extensions.get_extension_for_class(x509.SubjectAlternativeName)
    # The folder is self-contained: key, certificate and the CA to trust.
    assert issued.key == tmp_path / f"{kind}-7.key"
    assert issued.ca.read_bytes() == (ca / "ca.crt").read_bytes()
    key = serialization.load_pem_private_key(issued.key.read_bytes(), password=None)
    assert key.public_key() == cert.public_key()


def test_validity_is_backdated_for_clock_skew_and_configurable(ca: Path, tmp_path: Path) -> None:
    now = datetime.now(timezone.utc)
    issued = pki.issue(ca, "client", "c-days", tmp_path, days=10, now=now)
    assert issued.not_before == (now - timedelta(minutes=5)).replace(microsecond=0)
    assert issued.not_after == (now + timedelta(days=10)).replace(microsecond=0)


def test_an_expired_certificate_for_tests(ca: Path, tmp_path: Path) -> None:
    now = datetime.now(timezone.utc)
    issued = pki.issue(ca, "client", "expired", tmp_path,
                       not_before=now - timedelta(days=3), not_after=now - timedelta(days=1))
    assert load_cert(issued.cert).not_valid_after_utc < now


@pytest.mark.parametrize(("window", "days"), [
    ((0, -1), None),          # ends before it starts
    (None, 0),                # no days at all
    (None, 365 * 20),         # would outlive the CA
])
def test_bad_validity_is_refused(ca: Path, tmp_path: Path, window: tuple[int, int] | None,
                                 days: int | None) -> None:
    now = datetime.now(timezone.utc)
    kwargs = {} if window is None else {
        "not_before": now + timedelta(days=window[0]), "not_after": now + timedelta(days=window[1])}
    with pytest.raises(PkiError) as err:
        pki.issue(ca, "client", "c-window", tmp_path, days=days, **kwargs)  # type: ignore[arg-type]
    assert err.value.code == "bad_validity"
    assert not (tmp_path / "c-window.key").exists()


@pytest.mark.parametrize("cn", ["dev-1", "A.b_c-9", "x", "a" * 64, "10.0.0.5"])
def test_valid_ids(cn: str) -> None:
    assert pki.validate_id(cn) == cn


@pytest.mark.parametrize("cn", [
    "", "a" * 65, "a/b", "a+b", "line#3", "*", "dev*", "a b", "-x", ".hidden", "..", "dev\n1", "デバイス",
    "$SYS", "%u",
])
def test_invalid_ids_are_refused_before_anything_is_written(ca: Path, tmp_path: Path, cn: str) -> None:
    with pytest.raises(PkiError) as err:
        pki.issue(ca, "client", cn, tmp_path)
    assert err.value.code == "bad_id"
    assert list(tmp_path.iterdir()) == []


def test_identities_stay_out_of_the_ca_folder(ca: Path, tmp_path: Path) -> None:
    with pytest.raises(PkiError) as err:
        pki.issue(ca, "client", "ca", tmp_path)  # ca.key/ca.crt beside ca.crt
    assert err.value.code == "bad_id"
    with pytest.raises(PkiError) as err:
        pki.issue(ca, "client", "x", ca)
    assert err.value.code == "bad_request"
    assert sorted(p.name for p in ca.iterdir() if p.suffix == ".key") == ["ca.key"]


def test_sans_are_checked(ca: Path, tmp_path: Path) -> None:
    with pytest.raises(PkiError) as err:
        pki.issue(ca, "server", "broker", tmp_path)
    assert err.value.code == "bad_san"
    assert "--san" in err.value.message
    for bad in ("*.plant.local", "under_score.local", "-x.local", "a..b"):
        with pytest.raises(PkiError) as err:
            pki.issue(ca, "server", "broker", tmp_path, sans=[bad])
        assert err.value.code == "bad_san"
    with pytest.raises(PkiError) as err:
        pki.issue(ca, "client", "alice", tmp_path, sans=["alice.local"])
    assert err.value.code == "bad_san"


def test_keys_are_0600_whatever_the_umask(ca: Path, tmp_path: Path) -> None:
    old = os.umask(0)
    try:
        issued = pki.issue(ca, "client", "umask0", tmp_path)
        csr = pki.create_csr("umask1", tmp_path / "u1.key", tmp_path / "u1.csr")
    finally:
        os.umask(old)
    assert issued.key is not None
    assert mode(issued.key) == 0o600
    assert mode(csr.key) == 0o600
    assert mode(issued.cert) == 0o644
    assert not [p for p in tmp_path.iterdir() if p.name.endswith(".tmp")]


def test_no_overwrite_without_force(ca: Path, tmp_path: Path) -> None:
    first = pki.issue(ca, "client", "carol", tmp_path)
    assert first.key is not None
    key_before = first.key.read_bytes()
    with pytest.raises(PkiError) as err:
        pki.issue(ca, "client", "carol", tmp_path)
    assert err.value.code == "exists"
    assert "--force" in err.value.message
    assert first.key.read_bytes() == key_before
    second = pki.issue(ca, "client", "carol", tmp_path, force=True)
    assert second.key is not None
    assert second.key.read_bytes() != key_before
    assert mode(second.key) == 0o600

    with pytest.raises(PkiError) as err:
        pki.init_ca(ca)
    assert err.value.code == "exists"


def test_a_folder_holding_another_cas_certificate_is_not_silently_mixed(ca: Path, tmp_path: Path) -> None:
    other = pki.init_ca(tmp_path / "other")
    pki.issue(other.dir, "client", "x1", tmp_path / "out")
    with pytest.raises(PkiError) as err:
        pki.issue(ca, "client", "x2", tmp_path / "out")
    assert err.value.code == "exists"


def test_csr_flow(ca: Path, tmp_path: Path) -> None:
    made = pki.create_csr("dev-csr", tmp_path / "dev-csr.key", tmp_path / "dev-csr.csr")
    issued = pki.sign_csr(ca, made.csr, "device", 30, out_dir=tmp_path / "signed")
    cert = load_cert(issued.cert)
    key = serialization.load_pem_private_key(made.key.read_bytes(), password=None)
    assert cert.public_key() == key.public_key()
    assert issued.key is None
    assert issued.cn == "dev-csr"
    assert ekus(cert) == [ExtendedKeyUsageOID.CLIENT_AUTH]
    assert issued.not_after - issued.not_before == timedelta(days=30, minutes=5)
    assert (tmp_path / "signed" / "ca.crt").exists()
    assert any(r.serial == issued.serial for r in pki.list_certs(ca))


def test_server_csr_keeps_its_names(ca: Path, tmp_path: Path) -> None:
    made = pki.create_csr("gw", tmp_path / "gw.key", tmp_path / "gw.csr", sans=["gw.plant.local"])
    issued = pki.sign_csr(ca, made.csr, "server", sans=["10.1.2.3"])
    sans = load_cert(issued.cert).extensions.get_extension_for_class(x509.SubjectAlternativeName).value
    assert [str(n.value) for n in sans] == ["gw.plant.local", "10.1.2.3"]
    assert issued.cert.parent == tmp_path


def test_bad_csrs_are_refused(ca: Path, tmp_path: Path) -> None:
    garbage = tmp_path / "garbage.csr"
    garbage.write_text("not a csr")
    key = ec.generate_private_key(ec.SECP256R1())
    wildcard = tmp_path / "wild.csr"
    wildcard.write_bytes(
        x509.CertificateSigningRequestBuilder()
        .subject_name(x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "dev/#")]))
        .sign(key, hashes.SHA256())
        .public_bytes(serialization.Encoding.PEM),
    )
    for path in (garbage, wildcard):
        with pytest.raises(PkiError) as err:
            pki.sign_csr(ca, path, "device")
        assert err.value.code == "bad_csr"
    with pytest.raises(PkiError) as err:
        pki.sign_csr(ca, tmp_path / "missing.csr", "device")
    assert err.value.code == "not_found"


def revoked_serials(ca: Path) -> set[int]:
    return {r.serial_number for r in x509.load_pem_x509_crl((ca / "crl.pem").read_bytes())}


def test_revoke_by_cn_serial_and_file(tmp_path: Path) -> None:
    ca = pki.init_ca(tmp_path / "ca").dir
    by_cn = pki.issue(ca, "client", "rev-cn", tmp_path / "a")
    by_serial = pki.issue(ca, "client", "rev-serial", tmp_path / "b")
    by_file = pki.issue(ca, "device", "rev-file", tmp_path / "c")
    kept = pki.issue(ca, "client", "kept", tmp_path / "d")

    assert [r.serial for r in pki.revoke(ca, "rev-cn")] == [by_cn.serial]
    assert revoked_serials(ca) == {by_cn.serial}
    assert [r.cn for r in pki.revoke(ca, pki.parse_serial(f"0x{by_serial.serial_hex.upper()}"))] == [
        "rev-serial"]
    assert [r.cn for r in pki.revoke(ca, by_file.cert)] == ["rev-file"]
    assert revoked_serials(ca) == {by_cn.serial, by_serial.serial, by_file.serial}
    assert kept.serial not in revoked_serials(ca)
    info = pki.read_crl(ca / "crl.pem")
    assert info.number == 4  # the empty one, then one per revocation

    # Repeating a revocation changes nothing (scripts may run twice).
    assert pki.revoke(ca, "rev-cn") == ()
    assert pki.read_crl(ca / "crl.pem").number == 4
    status = {r.cn: r.revoked for r in pki.list_certs(ca)}
    assert status == {"rev-cn": True, "rev-serial": True, "rev-file": True, "kept": False}


def test_revoke_by_cn_covers_every_reissued_certificate(tmp_path: Path) -> None:
    ca = pki.init_ca(tmp_path / "ca").dir
    first = pki.issue(ca, "client", "twice", tmp_path / "x")
    second = pki.issue(ca, "client", "twice", tmp_path / "x", force=True)
    assert {r.serial for r in pki.revoke(ca, "twice")} == {first.serial, second.serial}


def test_revoke_refuses_what_this_ca_did_not_issue(tmp_path: Path) -> None:
    ca = pki.init_ca(tmp_path / "ca").dir
    other = pki.init_ca(tmp_path / "other").dir
    foreign = pki.issue(other, "client", "foreign", tmp_path / "f")
    with pytest.raises(PkiError) as err:
        pki.revoke(ca, foreign.cert)
    assert err.value.code == "not_ours"
    for target in ("nobody", 12345):
        with pytest.raises(PkiError) as err:
            pki.revoke(ca, target)
        assert err.value.code == "not_found"


def test_renew_crl_moves_next_update(tmp_path: Path) -> None:
    start = datetime(2030, 1, 1, tzinfo=timezone.utc)
    ca = pki.init_ca(tmp_path / "ca", now=start - timedelta(days=1)).dir
    first = pki.read_crl(ca / "crl.pem")
    assert first.next_update == start + timedelta(days=29)
    renewed = pki.renew_crl(ca, now=start + timedelta(days=20))
    assert renewed.next_update == start + timedelta(days=50)
    assert renewed.number == first.number + 1
    shorter = pki.renew_crl(ca, days=7, now=start + timedelta(days=21))
    assert shorter.next_update == start + timedelta(days=28)
    # The new period sticks for later CRLs (revocations rewrite the CRL too).
    again = pki.renew_crl(ca, now=start + timedelta(days=22))
    assert again.next_update == start + timedelta(days=29)
    assert pki.read_crl(ca / "crl.pem") == again


def test_missing_ca_says_how_to_create_one(tmp_path: Path) -> None:
    with pytest.raises(PkiError) as err:
        pki.issue(tmp_path / "nope", "client", "alice", tmp_path / "out")
    assert err.value.code == "not_found"
    assert "edged pki init-ca" in err.value.message


def test_private_keys_are_never_logged(tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    with caplog.at_level(logging.DEBUG):
        ca = pki.init_ca(tmp_path / "ca").dir
        pki.issue(ca, "client", "quiet", tmp_path / "q")
        pki.create_csr("quiet2", tmp_path / "q2.key", tmp_path / "q2.csr")
    assert caplog.records, "the operations log what they wrote"
    assert "PRIVATE KEY" not in caplog.text
