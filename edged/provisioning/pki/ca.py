"""The CA directory: creating it, loading its key and certificate, its index of issued
certificates, and signing its CRL."""

from __future__ import annotations

import json
import logging
from collections.abc import Sequence
from datetime import datetime, timedelta
from pathlib import Path

from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.x509.oid import NameOID

from edged.errors import PkiError
from edged.provisioning.pki.checks import check_days, san_text
from edged.provisioning.pki.files import ca_lock, new_key, pem, pem_key, refuse_existing, write_file_atomic
from edged.provisioning.pki.records import (
    CA_CERT,
    CA_KEY,
    CLOCK_SKEW,
    DEFAULT_CA_DAYS,
    DEFAULT_CA_NAME,
    DEFAULT_CRL_DAYS,
    INDEX_FORMAT,
    ISSUED_DIR,
    CaFiles,
    CertKind,
    CertRecord,
    CrlInfo,
    Index,
    utc_now,
)

log = logging.getLogger(__name__)


def read_index(files: CaFiles) -> Index:
    try:
        data = json.loads(files.index.read_text(encoding="utf-8"))
        index = Index(
            crl_days=int(data["crl_days"]),
            crl_number=int(data["crl_number"]),
            certs=tuple(CertRecord.from_json(c) for c in data["certs"]),
        )
    except FileNotFoundError:
        raise PkiError(f"{files.index} is missing; {files.dir} is not a complete edged CA.",
                       code="ca_invalid") from None
    except (ValueError, KeyError, TypeError) as exc:
        raise PkiError(f"{files.index} is unreadable ({exc}); restore it from a backup.",
                       code="ca_invalid") from None
    if data.get("format") != INDEX_FORMAT:
        raise PkiError(f"{files.index} has format {data.get('format')!r}; this edged reads format "
                       f"{INDEX_FORMAT}.", code="ca_invalid")
    return index


def write_index(files: CaFiles, index: Index) -> None:
    data = {
        "format": INDEX_FORMAT,
        "crl_days": index.crl_days,
        "crl_number": index.crl_number,
        "certs": [c.to_json() for c in index.certs],
    }
    write_file_atomic(files.index, (json.dumps(data, indent=2) + "\n").encode(), 0o644, force=True)


def load_ca(ca_dir: Path) -> tuple[CaFiles, x509.Certificate, ec.EllipticCurvePrivateKey]:
    files = CaFiles.at(ca_dir)
    if not files.cert.exists() or not files.key.exists():
        raise PkiError(
            f"No CA in {ca_dir} (no {CA_CERT} and {CA_KEY}); create one with: "
            f"edged pki init-ca --dir {ca_dir}",
            code="not_found",
        )
    try:
        cert = x509.load_pem_x509_certificate(files.cert.read_bytes())
        key = serialization.load_pem_private_key(files.key.read_bytes(), password=None)
    except (ValueError, TypeError):
        raise PkiError(f"The CA in {ca_dir} is unreadable (damaged {CA_CERT} or {CA_KEY}).",
                       code="ca_invalid") from None
    if not isinstance(key, ec.EllipticCurvePrivateKey) or key.public_key() != cert.public_key():
        raise PkiError(f"{files.key} does not belong to {files.cert}.", code="ca_invalid")
    return files, cert, key


def init_ca(
    ca_dir: Path,
    *,
    name: str = DEFAULT_CA_NAME,
    days: int = DEFAULT_CA_DAYS,
    crl_days: int = DEFAULT_CRL_DAYS,
    force: bool = False,
    now: datetime | None = None,
) -> CaFiles:
    """Create a site CA in ``ca_dir``, with an empty index and an empty CRL.

    The CRL is written at once because Mosquitto refuses to start with a missing ``crlfile``.
    """
    if not name.strip() or len(name) > 64:
        raise PkiError("The CA name must be 1 to 64 characters.", code="bad_id")
    check_days(days, "--days")
    check_days(crl_days, "CRL days")
    files = CaFiles.at(ca_dir)
    if not force:
        refuse_existing([files.key, files.cert])
    ca_dir.mkdir(parents=True, exist_ok=True)
    with ca_lock(ca_dir):
        now = now or utc_now()
        key = new_key()
        subject = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, name)])
        ski = x509.SubjectKeyIdentifier.from_public_key(key.public_key())
        cert = (
            x509.CertificateBuilder()
            .subject_name(subject)
            .issuer_name(subject)
            .public_key(key.public_key())
            .serial_number(x509.random_serial_number())
            .not_valid_before(now - CLOCK_SKEW)
            .not_valid_after(now + timedelta(days=days))
            # path_length 0: this CA signs leaf certificates only, never another CA.
            .add_extension(x509.BasicConstraints(ca=True, path_length=0), critical=True)
            .add_extension(
                x509.KeyUsage(
                    digital_signature=False, content_commitment=False, key_encipherment=False,
                    data_encipherment=False, key_agreement=False, key_cert_sign=True, crl_sign=True,
                    encipher_only=False, decipher_only=False,
                ),
                critical=True,
            )
            .add_extension(ski, critical=False)
            .sign(key, hashes.SHA256())
        )
        write_file_atomic(files.key, pem_key(key), 0o600, force=force)
        write_file_atomic(files.cert, pem(cert), 0o644, force=force)
        index = Index(crl_days=crl_days, crl_number=0, certs=())
        write_crl(files, cert, key, index, now)
        log.info("created CA %r in %s (valid until %s)", name, ca_dir, cert.not_valid_after_utc)
    return files


def refuse_other_role(files: CaFiles, cn: str, kind: CertKind) -> None:
    """A name belongs to one role for good: the broker grants rights by the certificate's name, so
    a client certificate named like a device would read that device's requests and write its
    replies and status. Revoked certificates keep their name's role too."""
    for record in read_index(files).certs:
        if record.cn == cn and record.kind != kind:
            raise PkiError(
                f"CN {cn} is already a {record.kind}'s name (serial {record.serial_hex}); a {kind} "
                f"certificate cannot carry it, or it would get that {record.kind}'s rights at the "
                "broker. Choose another name.",
                code="role_conflict",
            )


def record_issued(
    files: CaFiles, cert: x509.Certificate, kind: CertKind, sans: Sequence[x509.GeneralName], now: datetime,
) -> None:
    write_file_atomic(files.dir / ISSUED_DIR / f"{cert.serial_number:x}.crt", pem(cert), 0o644, force=True)
    index = read_index(files)
    record = CertRecord(
        serial=cert.serial_number, cn=_cn_of(cert), kind=kind,
        not_before=cert.not_valid_before_utc, not_after=cert.not_valid_after_utc,
        issued_at=now, sans=tuple(san_text(s) for s in sans),
    )
    write_index(files, Index(index.crl_days, index.crl_number, (*index.certs, record)))


def _cn_of(cert: x509.Certificate) -> str:
    return str(cert.subject.get_attributes_for_oid(NameOID.COMMON_NAME)[0].value)


def list_certs(ca_dir: Path) -> tuple[CertRecord, ...]:
    """Every certificate this CA issued, oldest first."""
    files = CaFiles.at(ca_dir)
    load_ca(ca_dir)
    return read_index(files).certs


def write_crl(
    files: CaFiles, ca_cert: x509.Certificate, ca_key: ec.EllipticCurvePrivateKey, index: Index,
    now: datetime,
) -> CrlInfo:
    number = index.crl_number + 1
    # last_update is backdated like certificates: a CRL "not yet valid" also locks every client out.
    last_update = now - CLOCK_SKEW
    next_update = now + timedelta(days=index.crl_days)
    builder = (
        x509.CertificateRevocationListBuilder()
        .issuer_name(ca_cert.subject)
        .last_update(last_update)
        .next_update(next_update)
        .add_extension(x509.CRLNumber(number), critical=False)
        .add_extension(
            x509.AuthorityKeyIdentifier.from_issuer_subject_key_identifier(
                ca_cert.extensions.get_extension_for_class(x509.SubjectKeyIdentifier).value,
            ),
            critical=False,
        )
    )
    revoked = [(c.serial, c.revoked_at) for c in index.certs if c.revoked_at is not None]
    for serial, when in revoked:
        builder = builder.add_revoked_certificate(
            x509.RevokedCertificateBuilder().serial_number(serial).revocation_date(when).build(),
        )
    crl = builder.sign(ca_key, hashes.SHA256())
    write_file_atomic(files.crl, pem(crl), 0o644, force=True)
    write_index(files, Index(index.crl_days, number, index.certs))
    return CrlInfo(files.crl, number, crl.last_update_utc, crl.next_update_utc or next_update,
                   tuple(serial for serial, _ in revoked))
