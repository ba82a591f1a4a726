"""What a request to the CA may ask for: ids and CNs, subjectAltNames, validity periods."""

from __future__ import annotations

import contextlib
import ipaddress
import re
from collections.abc import Sequence
from datetime import datetime, timedelta
from pathlib import Path

from cryptography import x509

from edged.errors import PkiError
from edged.provisioning.pki.records import CLOCK_SKEW, DEFAULT_LEAF_DAYS, CertKind

# A CN becomes the MQTT username (use_identity_as_username) and a topic level, so it must not
# contain MQTT wildcards or separators; the first character is alphanumeric so that an id is
# never a hidden file, "..", or something argparse would read as an option.
_ID_RE = re.compile(r"[A-Za-z0-9][A-Za-z0-9._-]{0,63}")
_DNS_LABEL_RE = re.compile(r"(?!-)[A-Za-z0-9-]{1,63}(?<!-)")


def validate_id(value: str, what: str = "id") -> str:
    """Check a device, client or pool id; it becomes an MQTT username and a topic level."""
    if not _ID_RE.fullmatch(value):
        raise PkiError(
            f"Invalid {what} {value!r}: use 1 to 64 characters of A-Z a-z 0-9 . _ - starting with a "
            "letter or digit (no spaces, '/', '+', '#' or '*': it becomes an MQTT username and topic "
            "level).",
            code="bad_id",
        )
    return value


def leaf_cn(cn: str) -> str:
    validate_id(cn, "CN")
    if cn == "ca":  # <cn>.crt would be the ca.crt copied beside it
        raise PkiError("CN 'ca' is reserved: an identity's folder already holds ca.crt.", code="bad_id")
    return cn


def outside_ca(out_dir: Path, ca_dir: Path) -> None:
    if out_dir.resolve() == ca_dir.resolve():
        raise PkiError(f"Write identities to their own folder, not the CA's ({ca_dir}).", code="bad_request")


def parse_san(value: str) -> x509.GeneralName:
    """A subjectAltName from the command line: an IP address if it parses as one, else a DNS name."""
    with contextlib.suppress(ValueError):
        return x509.IPAddress(ipaddress.ip_address(value))
    name = value.rstrip(".")
    if len(name) > 253 or not name or not all(_DNS_LABEL_RE.fullmatch(p) for p in name.split(".")):
        raise PkiError(
            f"Invalid subject alternative name {value!r}: give a DNS name such as broker.plant.local "
            "or an IP address such as 10.0.0.5 (wildcards are not issued).",
            code="bad_san",
        )
    return x509.DNSName(name.lower())


def san_text(name: x509.GeneralName) -> str:
    return str(name.value)


def check_days(days: int, what: str) -> None:
    if days < 1:
        raise PkiError(f"{what} must be at least 1 (got {days}).", code="bad_validity")


def validity(
    ca_cert: x509.Certificate,
    now: datetime,
    days: int | None,
    not_before: datetime | None,
    not_after: datetime | None,
) -> tuple[datetime, datetime]:
    if days is not None:
        check_days(days, "--days")
    start = not_before if not_before is not None else now - CLOCK_SKEW
    end = not_after if not_after is not None else now + timedelta(days=days or DEFAULT_LEAF_DAYS)
    if start.tzinfo is None or end.tzinfo is None:
        raise PkiError("Validity times must be timezone-aware.", code="bad_validity")
    if end <= start:
        raise PkiError(f"not_after ({end}) must be later than not_before ({start}).", code="bad_validity")
    if end > ca_cert.not_valid_after_utc:
        raise PkiError(
            f"The certificate would outlive the CA (CA valid until {ca_cert.not_valid_after_utc:%Y-%m-%d});"
            " pass fewer --days or renew the CA.",
            code="bad_validity",
        )
    return start, end


def server_sans(kind: CertKind, sans: Sequence[str | x509.GeneralName]) -> list[x509.GeneralName]:
    parsed = [s if isinstance(s, x509.GeneralName) else parse_san(s) for s in sans]
    unique = list(dict.fromkeys(parsed))
    if kind == "server" and not unique:
        raise PkiError(
            "A server certificate needs the names clients connect to: pass --san for each DNS name "
            "and IP address (e.g. --san broker.plant.local --san 10.0.0.5).",
            code="bad_san",
        )
    if kind != "server" and unique:
        raise PkiError(f"A {kind} certificate is identified by its CN alone; --san is for server "
                       "certificates.", code="bad_san")
    return unique
