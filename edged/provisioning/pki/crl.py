"""Revocation: revoking by file, serial or CN, renewing the CRL, and reading one back."""

from __future__ import annotations

import dataclasses
import logging
from datetime import datetime
from pathlib import Path

from cryptography import x509
from cryptography.exceptions import InvalidSignature

from edged.errors import PkiError
from edged.provisioning.pki.ca import load_ca, read_index, write_crl
from edged.provisioning.pki.checks import check_days, validate_id
from edged.provisioning.pki.files import ca_lock
from edged.provisioning.pki.records import CertRecord, CrlInfo, Index, utc_now

log = logging.getLogger(__name__)


def parse_serial(text: str) -> int:
    """A serial as people write it: hex, with or without ``0x`` and ``:`` separators."""
    cleaned = text.strip().lower().removeprefix("0x").replace(":", "")
    try:
        return int(cleaned, 16)
    except ValueError:
        raise PkiError(f"Invalid serial {text!r}: give it in hex, as `edged pki list` shows it.",
                       code="bad_request") from None


def _serial_of_cert_file(path: Path, ca_cert: x509.Certificate) -> int:
    try:
        cert = x509.load_pem_x509_certificate(path.read_bytes())
    except FileNotFoundError:
        raise PkiError(f"No certificate at {path}.", code="not_found") from None
    except ValueError:
        raise PkiError(f"{path} is not a PEM certificate.", code="bad_request") from None
    try:
        cert.verify_directly_issued_by(ca_cert)
    except (InvalidSignature, ValueError, TypeError):
        raise PkiError(f"{path} was not issued by this CA; revoking it here would have no effect.",
                       code="not_ours") from None
    return cert.serial_number


def revoke(
    ca_dir: Path, target: Path | int | str, *, now: datetime | None = None,
) -> tuple[CertRecord, ...]:
    """Revoke certificates and rewrite the CRL; returns the records revoked by this call.

    ``target`` is a certificate file (``Path``), a serial (``int``) or a CN (``str``: every
    unrevoked certificate with that CN). Revoking what is already revoked changes nothing, so
    scripts can repeat it. The broker reads the new CRL on SIGHUP (it does not drop sessions that
    are already connected).
    """
    files, ca_cert, ca_key = load_ca(ca_dir)
    with ca_lock(ca_dir):
        index = read_index(files)
        if isinstance(target, Path):
            serial = _serial_of_cert_file(target, ca_cert)
            chosen = [c for c in index.certs if c.serial == serial]
            what = f"certificate {target} (serial {serial:x})"
        elif isinstance(target, int):
            chosen = [c for c in index.certs if c.serial == target]
            what = f"serial {target:x}"
        else:
            validate_id(target, "CN")
            chosen = [c for c in index.certs if c.cn == target]
            what = f"CN {target}"
        if not chosen:
            raise PkiError(f"This CA has issued no certificate with {what}; see `edged pki list --ca "
                           f"{ca_dir}`.", code="not_found")
        now = now or utc_now()
        newly = {c.serial for c in chosen if not c.revoked}
        certs = tuple(
            dataclasses.replace(c, revoked_at=now) if c.serial in newly else c
            for c in index.certs
        )
        if newly:
            write_crl(files, ca_cert, ca_key, Index(index.crl_days, index.crl_number, certs), now)
    for c in certs:
        if c.serial in newly:
            log.info("revoked CN=%s serial=%x", c.cn, c.serial)
    return tuple(c for c in certs if c.serial in newly)


def renew_crl(ca_dir: Path, *, days: int | None = None, now: datetime | None = None) -> CrlInfo:
    """Sign a fresh CRL (next update = now + ``days``, default the CA's ``crl_days``).

    Run it well before the current CRL's next update: Mosquitto refuses every client once its CRL
    has expired. ``days`` given here becomes the CA's default for later CRLs.
    """
    if days is not None:
        check_days(days, "--days")
    files, ca_cert, ca_key = load_ca(ca_dir)
    with ca_lock(ca_dir):
        index = read_index(files)
        if days is not None and days != index.crl_days:
            index = Index(days, index.crl_number, index.certs)
        return write_crl(files, ca_cert, ca_key, index, now or utc_now())


def read_crl(path: Path) -> CrlInfo:
    """What a CRL file says: its number, validity window and revoked serials."""
    try:
        crl = x509.load_pem_x509_crl(path.read_bytes())
    except FileNotFoundError:
        raise PkiError(f"No CRL at {path}; write one with: edged pki crl --ca DIR",
                       code="not_found") from None
    except ValueError:
        raise PkiError(f"{path} is not a PEM CRL.", code="ca_invalid") from None
    number = crl.extensions.get_extension_for_class(x509.CRLNumber).value.crl_number
    next_update = crl.next_update_utc
    if next_update is None:
        raise PkiError(f"{path} has no next update time.", code="ca_invalid")
    return CrlInfo(path, number, crl.last_update_utc, next_update, tuple(r.serial_number for r in crl))
