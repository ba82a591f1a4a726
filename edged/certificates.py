"""An appliance's own certificate as far as its lifetime goes: read it, and say when it needs
renewing. Below the service, the client and the doctor, which all read it; the CA that issues
certificates is edged/provisioning/pki/."""

from __future__ import annotations

import dataclasses
from datetime import datetime, timezone
from pathlib import Path
from typing import Literal

from cryptography import x509
from cryptography.x509.oid import NameOID

from edged.errors import PkiError
from edged.paths import CONFIG_FILE


def _now() -> datetime:
    return datetime.now(timezone.utc)


CERT_WARN_DAYS = 30
RENEW_HINT = (
    f"make a CSR with `edged pki renew --config {CONFIG_FILE}`, have the site CA sign it, "
    "install the new certificate and `systemctl reload edged`"
)
CertState = Literal["ok", "expiring", "expired", "not_yet_valid"]


@dataclasses.dataclass(frozen=True)
class CertValidity:
    """An appliance's own certificate as far as its lifetime goes."""

    path: Path
    cn: str
    serial: int
    not_before: datetime
    not_after: datetime

    def days_left(self, now: datetime | None = None) -> float:
        return (self.not_after - (now or _now())).total_seconds() / 86400

    def state(self, now: datetime | None = None, warn_days: int = CERT_WARN_DAYS) -> CertState:
        now = now or _now()
        if now < self.not_before:
            return "not_yet_valid"
        if now >= self.not_after:
            return "expired"
        return "expiring" if self.days_left(now) <= warn_days else "ok"

    def warning(self, now: datetime | None = None, warn_days: int = CERT_WARN_DAYS) -> str | None:
        """What an operator should read about this certificate, with the fix; None when all is well."""
        now = now or _now()
        state = self.state(now, warn_days)
        what = f"the device certificate CN={self.cn} ({self.path})"
        if state == "expiring":
            days = max(0, int(self.days_left(now)))
            return f"{what} expires in {days} days ({self.not_after:%Y-%m-%d %H:%M} UTC): {RENEW_HINT}"
        if state == "expired":
            return (f"{what} expired on {self.not_after:%Y-%m-%d %H:%M} UTC; the broker refuses it: "
                    f"{RENEW_HINT}")
        if state == "not_yet_valid":
            return (f"{what} is valid only from {self.not_before:%Y-%m-%d %H:%M} UTC, after this machine's "
                    f"clock ({now:%Y-%m-%d %H:%M} UTC): set the clock (enable NTP: timedatectl set-ntp true)")
        return None


def read_certificate(path: Path) -> CertValidity:
    """The CN, serial and validity window of the PEM certificate at ``path``."""
    try:
        cert = x509.load_pem_x509_certificate(path.read_bytes())
    except FileNotFoundError:
        raise PkiError(f"No certificate at {path}.", code="not_found") from None
    except (OSError, ValueError) as exc:
        raise PkiError(f"{path} is not a readable PEM certificate ({exc}).", code="bad_request") from None
    cns = cert.subject.get_attributes_for_oid(NameOID.COMMON_NAME)
    cn = str(cns[0].value) if cns else ""
    return CertValidity(path, cn, cert.serial_number, cert.not_valid_before_utc, cert.not_valid_after_utc)


