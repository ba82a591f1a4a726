"""Issuing a certificate with a key made here: the leaf certificate every kind shares, and
``issue``."""

from __future__ import annotations

import logging
from collections.abc import Sequence
from datetime import datetime
from pathlib import Path

from cryptography import x509
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.asymmetric import ec, rsa
from cryptography.x509.oid import ExtendedKeyUsageOID, NameOID

from edged.errors import PkiError
from edged.provisioning.pki.ca import load_ca, record_issued, refuse_other_role
from edged.provisioning.pki.checks import leaf_cn, outside_ca, server_sans, validity
from edged.provisioning.pki.files import (
    ca_lock,
    copy_ca_cert,
    new_key,
    pem,
    pem_key,
    refuse_existing,
    write_file_atomic,
)
from edged.provisioning.pki.records import KINDS, CertKind, IssuedCert, utc_now

log = logging.getLogger(__name__)


def leaf_certificate(
    *,
    ca_cert: x509.Certificate,
    ca_key: ec.EllipticCurvePrivateKey,
    public_key: ec.EllipticCurvePublicKey | rsa.RSAPublicKey,
    cn: str,
    kind: CertKind,
    sans: Sequence[x509.GeneralName],
    start: datetime,
    end: datetime,
) -> x509.Certificate:
    eku = ExtendedKeyUsageOID.SERVER_AUTH if kind == "server" else ExtendedKeyUsageOID.CLIENT_AUTH
    builder = (
        x509.CertificateBuilder()
        .subject_name(x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, cn)]))
        .issuer_name(ca_cert.subject)
        .public_key(public_key)
        .serial_number(x509.random_serial_number())
        .not_valid_before(start)
        .not_valid_after(end)
        .add_extension(x509.BasicConstraints(ca=False, path_length=None), critical=True)
        .add_extension(
            x509.KeyUsage(
                digital_signature=True, content_commitment=False,
                # An RSA key from a site's CSR does key transport in TLS 1.2.
                key_encipherment=isinstance(public_key, rsa.RSAPublicKey),
                data_encipherment=False, key_agreement=False, key_cert_sign=False, crl_sign=False,
                encipher_only=False, decipher_only=False,
            ),
            critical=True,
        )
        .add_extension(x509.ExtendedKeyUsage([eku]), critical=False)
        .add_extension(x509.SubjectKeyIdentifier.from_public_key(public_key), critical=False)
        .add_extension(
            x509.AuthorityKeyIdentifier.from_issuer_subject_key_identifier(
                ca_cert.extensions.get_extension_for_class(x509.SubjectKeyIdentifier).value,
            ),
            critical=False,
        )
    )
    if sans:
        builder = builder.add_extension(x509.SubjectAlternativeName(list(sans)), critical=False)
    return builder.sign(ca_key, hashes.SHA256())


def issue(
    ca_dir: Path,
    kind: CertKind,
    cn: str,
    out_dir: Path,
    *,
    sans: Sequence[str] = (),
    days: int | None = None,
    not_before: datetime | None = None,
    not_after: datetime | None = None,
    force: bool = False,
    now: datetime | None = None,
) -> IssuedCert:
    """Make a key and a certificate for ``cn`` in ``out_dir`` (``<cn>.key``, ``<cn>.crt``, ``ca.crt``).

    ``server`` certificates carry ``sans`` and the serverAuth usage; ``device`` and ``client``
    certificates carry clientAuth only. ``days`` (default 825) counts from now; an explicit
    ``not_before``/``not_after`` window overrides it (tests use it to make expired certificates).
    """
    if kind not in KINDS:
        raise PkiError(f"Unknown certificate kind {kind!r}; use one of {', '.join(KINDS)}.", code="bad_kind")
    leaf_cn(cn)
    outside_ca(out_dir, ca_dir)
    alt_names = server_sans(kind, sans)
    key_path, cert_path = out_dir / f"{cn}.key", out_dir / f"{cn}.crt"
    if not force:
        refuse_existing([key_path, cert_path])
    files, ca_cert, ca_key = load_ca(ca_dir)
    refuse_other_role(files, cn, kind)
    now = now or utc_now()
    start, end = validity(ca_cert, now, days, not_before, not_after)
    key = new_key()
    cert = leaf_certificate(ca_cert=ca_cert, ca_key=ca_key, public_key=key.public_key(), cn=cn, kind=kind,
                             sans=alt_names, start=start, end=end)
    out_dir.mkdir(parents=True, exist_ok=True)
    ca_copy = copy_ca_cert(pem(ca_cert), out_dir, force=force)
    with ca_lock(ca_dir):
        write_file_atomic(key_path, pem_key(key), 0o600, force=force)
        write_file_atomic(cert_path, pem(cert), 0o644, force=force)
        record_issued(files, cert, kind, alt_names, now)
    log.info("issued %s certificate CN=%s serial=%x into %s", kind, cn, cert.serial_number, out_dir)
    return IssuedCert(cn, kind, cert.serial_number, cert_path, key_path, ca_copy,
                      cert.not_valid_before_utc, cert.not_valid_after_utc)
