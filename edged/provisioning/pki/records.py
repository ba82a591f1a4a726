"""What the site CA keeps and hands out: file names, defaults, the index's records and the
results of issuing. Data only."""

from __future__ import annotations

import dataclasses
from datetime import datetime, timedelta, timezone
from pathlib import Path
from typing import Any, Literal, get_args

CertKind = Literal["server", "device", "client"]
KINDS: tuple[CertKind, ...] = get_args(CertKind)

DEFAULT_CA_NAME = "edged site CA"
DEFAULT_CA_DAYS = 3650
DEFAULT_LEAF_DAYS = 825
DEFAULT_CRL_DAYS = 30
# Appliances on a factory floor often have no RTC battery or NTP until the network is up; a
# certificate that is "not yet valid" for a few minutes would lock a fresh device out.
CLOCK_SKEW = timedelta(minutes=5)

CA_CERT = "ca.crt"
CA_KEY = "ca.key"
CRL_FILE = "crl.pem"
INDEX_FILE = "index.json"
ISSUED_DIR = "issued"
INDEX_FORMAT = 1


@dataclasses.dataclass(frozen=True)
class CaFiles:
    """Where a CA directory keeps its parts."""

    dir: Path
    cert: Path
    key: Path
    crl: Path
    index: Path

    @classmethod
    def at(cls, ca_dir: Path) -> CaFiles:
        return cls(ca_dir, ca_dir / CA_CERT, ca_dir / CA_KEY, ca_dir / CRL_FILE, ca_dir / INDEX_FILE)


@dataclasses.dataclass(frozen=True)
class IssuedCert:
    """A certificate just issued; ``key`` is None when it was signed from someone else's CSR."""

    cn: str
    kind: CertKind
    serial: int
    cert: Path
    key: Path | None
    ca: Path
    not_before: datetime
    not_after: datetime

    @property
    def serial_hex(self) -> str:
        return format(self.serial, "x")


@dataclasses.dataclass(frozen=True)
class CsrFiles:
    cn: str
    key: Path
    csr: Path


@dataclasses.dataclass(frozen=True)
class CertRecord:
    """One line of the CA's index."""

    serial: int
    cn: str
    kind: CertKind
    not_before: datetime
    not_after: datetime
    issued_at: datetime
    revoked_at: datetime | None = None
    sans: tuple[str, ...] = ()

    @property
    def serial_hex(self) -> str:
        return format(self.serial, "x")

    @property
    def revoked(self) -> bool:
        return self.revoked_at is not None

    def expired(self, now: datetime | None = None) -> bool:
        return (now or utc_now()) >= self.not_after

    def to_json(self) -> dict[str, Any]:
        return {
            "serial": self.serial_hex,
            "cn": self.cn,
            "kind": self.kind,
            "not_before": self.not_before.isoformat(),
            "not_after": self.not_after.isoformat(),
            "issued_at": self.issued_at.isoformat(),
            "revoked_at": self.revoked_at.isoformat() if self.revoked_at else None,
            "sans": list(self.sans),
        }

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> CertRecord:
        kind = data["kind"]
        if kind not in KINDS:
            raise ValueError(f"unknown kind {kind!r}")
        revoked = data.get("revoked_at")
        return cls(
            serial=int(data["serial"], 16),
            cn=str(data["cn"]),
            kind=kind,
            not_before=datetime.fromisoformat(data["not_before"]),
            not_after=datetime.fromisoformat(data["not_after"]),
            issued_at=datetime.fromisoformat(data["issued_at"]),
            revoked_at=datetime.fromisoformat(revoked) if revoked else None,
            sans=tuple(data.get("sans", ())),
        )


@dataclasses.dataclass(frozen=True)
class CrlInfo:
    path: Path
    number: int
    last_update: datetime
    next_update: datetime
    revoked: tuple[int, ...]


@dataclasses.dataclass(frozen=True)
class Index:
    crl_days: int
    crl_number: int
    certs: tuple[CertRecord, ...]


def utc_now() -> datetime:
    return datetime.now(timezone.utc)
