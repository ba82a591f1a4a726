"""Certificate signing requests: made on an appliance (new or renewing, the key stays there) and
signed by the site CA."""

from __future__ import annotations

import contextlib
import logging
from collections.abc import Sequence
from datetime import datetime
from pathlib import Path

from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec, rsa
from cryptography.x509.oid import NameOID

from edged.errors import PkiError
from edged.provisioning.pki.ca import load_ca, record_issued, refuse_other_role
from edged.provisioning.pki.checks import leaf_cn, outside_ca, parse_san, server_sans, validity
from edged.provisioning.pki.files import (
    ca_lock,
    copy_ca_cert,
    new_key,
    pem,
    pem_key,
    refuse_existing,
    write_file_atomic,
)
from edged.provisioning.pki.issue import leaf_certificate
from edged.provisioning.pki.records import KINDS, CertKind, CsrFiles, IssuedCert, utc_now

log = logging.getLogger(__name__)


def create_csr(
    cn: str, key_path: Path, csr_path: Path, *, sans: Sequence[str] = (), force: bool = False,
) -> CsrFiles:
    """Make a key and a CSR for ``cn``, for a site whose own CA signs appliance certificates.

    The key never leaves the appliance; only the CSR goes to the CA.
    """
    leaf_cn(cn)
    alt_names = list(dict.fromkeys(parse_san(s) for s in sans))
    if not force:
        refuse_existing([key_path, csr_path])
    key = new_key()
    builder = x509.CertificateSigningRequestBuilder().subject_name(
        x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, cn)]),
    )
    if alt_names:
        builder = builder.add_extension(x509.SubjectAlternativeName(alt_names), critical=False)
    csr = builder.sign(key, hashes.SHA256())
    write_file_atomic(key_path, pem_key(key), 0o600, force=force)
    write_file_atomic(csr_path, pem(csr), 0o644, force=force)
    log.info("created key and CSR for CN=%s: %s", cn, csr_path)
    return CsrFiles(cn, key_path, csr_path)


def _load_csr(csr_path: Path) -> tuple[x509.CertificateSigningRequest, str]:
    try:
        csr = x509.load_pem_x509_csr(csr_path.read_bytes())
    except FileNotFoundError:
        raise PkiError(f"No CSR at {csr_path}.", code="not_found") from None
    except ValueError:
        raise PkiError(f"{csr_path} is not a PEM certificate signing request.", code="bad_csr") from None
    if not csr.is_signature_valid:
        raise PkiError(f"The signature of {csr_path} does not verify; it was altered or damaged.",
                       code="bad_csr")
    cns = csr.subject.get_attributes_for_oid(NameOID.COMMON_NAME)
    if len(cns) != 1 or not isinstance(cns[0].value, str):
        raise PkiError(f"{csr_path} must have exactly one CN in its subject.", code="bad_csr")
    try:
        cn = leaf_cn(cns[0].value)
    except PkiError as exc:
        raise PkiError(f"{csr_path}: {exc.message}", code="bad_csr") from None
    key = csr.public_key()
    ok = (isinstance(key, ec.EllipticCurvePublicKey) and key.curve.key_size >= 256) or (
        isinstance(key, rsa.RSAPublicKey) and key.key_size >= 2048
    )
    if not ok:
        raise PkiError(f"{csr_path} has a weak or unsupported key; use EC P-256 (or RSA of at least "
                       "2048 bits).", code="bad_csr")
    return csr, cn


def sign_csr(
    ca_dir: Path,
    csr_path: Path,
    kind: CertKind,
    days: int | None = None,
    *,
    out_dir: Path | None = None,
    sans: Sequence[str] = (),
    force: bool = False,
    now: datetime | None = None,
) -> IssuedCert:
    """Sign a CSR with this CA into ``<cn>.crt`` (and ``ca.crt``) in ``out_dir`` (default: the CSR's folder).

    Only the CSR's CN and public key are used; of its extensions only the subjectAltNames of a
    server CSR are kept (plus ``sans``). Usage, validity and constraints are this CA's decision.
    """
    if kind not in KINDS:
        raise PkiError(f"Unknown certificate kind {kind!r}; use one of {', '.join(KINDS)}.", code="bad_kind")
    csr, cn = _load_csr(csr_path)
    requested: list[x509.GeneralName] = []
    if kind == "server":
        with contextlib.suppress(x509.ExtensionNotFound):
            requested = list(csr.extensions.get_extension_for_class(x509.SubjectAlternativeName).value)
    alt_names = server_sans(kind, [*requested, *sans])
    public_key = csr.public_key()
    if not isinstance(public_key, (ec.EllipticCurvePublicKey, rsa.RSAPublicKey)):
        raise PkiError(f"{csr_path} has an unsupported key type.", code="bad_csr")
    out = out_dir if out_dir is not None else csr_path.parent
    outside_ca(out, ca_dir)
    cert_path = out / f"{cn}.crt"
    if not force:
        refuse_existing([cert_path])
    files, ca_cert, ca_key = load_ca(ca_dir)
    refuse_other_role(files, cn, kind)
    now = now or utc_now()
    start, end = validity(ca_cert, now, days, None, None)
    cert = leaf_certificate(ca_cert=ca_cert, ca_key=ca_key, public_key=public_key, cn=cn, kind=kind,
                             sans=alt_names, start=start, end=end)
    out.mkdir(parents=True, exist_ok=True)
    ca_copy = copy_ca_cert(pem(ca_cert), out, force=force)
    with ca_lock(ca_dir):
        write_file_atomic(cert_path, pem(cert), 0o644, force=force)
        record_issued(files, cert, kind, alt_names, now)
    log.info("signed %s CSR CN=%s serial=%x into %s", kind, cn, cert.serial_number, cert_path)
    return IssuedCert(cn, kind, cert.serial_number, cert_path, None, ca_copy,
                      cert.not_valid_before_utc, cert.not_valid_after_utc)


def renew_csr(
    key_path: Path,
    cn: str,
    csr_path: Path,
    *,
    new_key_path: Path | None = None,
    force: bool = False,
) -> CsrFiles:
    """A CSR that renews an appliance's certificate, for the site CA to sign.

    Signed with the current key at ``key_path`` (the certificate changes, the key does not), or,
    with ``new_key_path``, with a new key written there (0600) so that the old key stays in use
    until the new certificate is installed beside the new key.
    """
    leaf_cn(cn)
    if not force:
        refuse_existing([csr_path, *([new_key_path] if new_key_path else [])])
    key: ec.EllipticCurvePrivateKey | rsa.RSAPrivateKey
    if new_key_path is not None:
        fresh = new_key()
        write_file_atomic(new_key_path, pem_key(fresh), 0o600, force=force)
        key = fresh
    else:
        try:
            loaded = serialization.load_pem_private_key(key_path.read_bytes(), password=None)
        except FileNotFoundError:
            raise PkiError(f"No key at {key_path}; pass the appliance's key, or --new-key.",
                           code="not_found") from None
        except (OSError, ValueError, TypeError) as exc:
            raise PkiError(f"{key_path} is not a readable, unencrypted PEM private key ({exc}).",
                           code="bad_request") from None
        if not isinstance(loaded, (ec.EllipticCurvePrivateKey, rsa.RSAPrivateKey)):
            raise PkiError(f"{key_path} holds an unsupported key type; renew with --new-key.", code="bad_csr")
        key = loaded
    csr = (
        x509.CertificateSigningRequestBuilder()
        .subject_name(x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, cn)]))
        .sign(key, hashes.SHA256())
    )
    write_file_atomic(csr_path, pem(csr), 0o644, force=force)
    log.info("created a renewal CSR for CN=%s: %s (%s key)", cn, csr_path, "new" if new_key_path else "same")
    return CsrFiles(cn, new_key_path or key_path, csr_path)
