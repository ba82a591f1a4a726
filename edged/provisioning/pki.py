"""The site CA: issues broker, appliance and client certificates, signs CSRs, revokes into a CRL.

EC P-256 keys and SHA-256 throughout. A CA directory holds ``ca.crt``, ``ca.key`` (0600),
``crl.pem``, ``index.json`` (every certificate issued, so one can be revoked by CN) and a copy of
each issued certificate under ``issued/``. Private keys are never logged or printed.
"""

from __future__ import annotations

import contextlib
import dataclasses
import fcntl
import ipaddress
import json
import logging
import os
import re
import secrets
from collections.abc import Iterable, Iterator, Sequence
from datetime import datetime, timedelta, timezone
from pathlib import Path
from typing import Any, Literal, get_args

from cryptography import x509
from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec, rsa
from cryptography.x509.oid import ExtendedKeyUsageOID, NameOID

from edged.errors import PkiError

log = logging.getLogger(__name__)

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

# A CN becomes the MQTT username (use_identity_as_username) and a topic level, so it must not
# contain MQTT wildcards or separators; the first character is alphanumeric so that an id is
# never a hidden file, "..", or something argparse would read as an option.
_ID_RE = re.compile(r"[A-Za-z0-9][A-Za-z0-9._-]{0,63}")
_DNS_LABEL_RE = re.compile(r"(?!-)[A-Za-z0-9-]{1,63}(?<!-)")


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
        return (now or _now()) >= self.not_after

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
class _Index:
    crl_days: int
    crl_number: int
    certs: tuple[CertRecord, ...]


# -- ids and names -----------------------------------------------------------------------------


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


def _leaf_cn(cn: str) -> str:
    validate_id(cn, "CN")
    if cn == "ca":  # <cn>.crt would be the ca.crt copied beside it
        raise PkiError("CN 'ca' is reserved: an identity's folder already holds ca.crt.", code="bad_id")
    return cn


def _outside_ca(out_dir: Path, ca_dir: Path) -> None:
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


def _san_text(name: x509.GeneralName) -> str:
    return str(name.value)


# -- files -------------------------------------------------------------------------------------


def _now() -> datetime:
    return datetime.now(timezone.utc)


def _refuse_existing(paths: Iterable[Path]) -> None:
    present = [str(p) for p in paths if p.exists() or p.is_symlink()]
    if present:
        raise PkiError(
            f"{', '.join(present)} already exist{'s' if len(present) == 1 else ''}; refusing to replace "
            "key material. Pass --force (force=True) to replace it.",
            code="exists",
        )


def _fsync_dir(directory: Path) -> None:
    fd = os.open(directory, os.O_RDONLY | os.O_DIRECTORY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def write_file_atomic(path: Path, data: bytes, mode: int, *, force: bool = False) -> None:
    """Write ``data`` to ``path`` so that it never exists half-written or with a wider mode.

    The temporary file is created with mode 0600 in the same directory, so a private key is never
    readable by others, not even for an instant; it is fsynced and then moved into place. Without
    ``force`` it is hard-linked into place, which fails instead of replacing a file that appeared
    in the meantime.
    """
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.parent / f".{path.name}.{secrets.token_hex(6)}.tmp"
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL | os.O_NOFOLLOW | os.O_CLOEXEC, 0o600)
    try:
        with os.fdopen(fd, "wb") as f:
            os.fchmod(f.fileno(), mode)  # exact mode, whatever the umask
            f.write(data)
            f.flush()
            os.fsync(f.fileno())
        if force:
            tmp.replace(path)
        else:
            try:
                os.link(tmp, path)
            except FileExistsError:
                _refuse_existing([path])
            except OSError:  # a filesystem without hard links (FAT on a USB stick)
                _refuse_existing([path])
                tmp.replace(path)
    finally:
        with contextlib.suppress(FileNotFoundError):
            tmp.unlink()
    _fsync_dir(path.parent)


def _pem_key(key: ec.EllipticCurvePrivateKey) -> bytes:
    # Unencrypted: Mosquitto and the daemon start unattended; the file mode (and systemd's
    # LoadCredential in production) protects it.
    return key.private_bytes(
        serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption(),
    )


def _pem(obj: x509.Certificate | x509.CertificateSigningRequest | x509.CertificateRevocationList) -> bytes:
    return obj.public_bytes(serialization.Encoding.PEM)


def _new_key() -> ec.EllipticCurvePrivateKey:
    return ec.generate_private_key(ec.SECP256R1())


@contextlib.contextmanager
def _ca_lock(ca_dir: Path) -> Iterator[None]:
    """Serialise changes to one CA (two provisioning scripts at once must not lose an index line)."""
    fd = os.open(ca_dir / ".lock", os.O_RDWR | os.O_CREAT | os.O_CLOEXEC, 0o600)
    try:
        fcntl.flock(fd, fcntl.LOCK_EX)
        yield
    finally:
        os.close(fd)


def _copy_ca_cert(ca_pem: bytes, out_dir: Path, *, force: bool) -> Path:
    """Put ``ca.crt`` beside an identity's files so that its directory is self-contained."""
    target = out_dir / CA_CERT
    if target.exists() and target.read_bytes() == ca_pem:
        return target
    if target.exists() and not force:
        raise PkiError(
            f"{target} holds a different CA certificate; pass --force (force=True) to replace it, "
            "or use another --out directory.",
            code="exists",
        )
    write_file_atomic(target, ca_pem, 0o644, force=True)
    return target


# -- the CA ------------------------------------------------------------------------------------


def _read_index(files: CaFiles) -> _Index:
    try:
        data = json.loads(files.index.read_text(encoding="utf-8"))
        index = _Index(
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


def _write_index(files: CaFiles, index: _Index) -> None:
    data = {
        "format": INDEX_FORMAT,
        "crl_days": index.crl_days,
        "crl_number": index.crl_number,
        "certs": [c.to_json() for c in index.certs],
    }
    write_file_atomic(files.index, (json.dumps(data, indent=2) + "\n").encode(), 0o644, force=True)


def _load_ca(ca_dir: Path) -> tuple[CaFiles, x509.Certificate, ec.EllipticCurvePrivateKey]:
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
    _check_days(days, "--days")
    _check_days(crl_days, "CRL days")
    files = CaFiles.at(ca_dir)
    if not force:
        _refuse_existing([files.key, files.cert])
    ca_dir.mkdir(parents=True, exist_ok=True)
    with _ca_lock(ca_dir):
        now = now or _now()
        key = _new_key()
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
        write_file_atomic(files.key, _pem_key(key), 0o600, force=force)
        write_file_atomic(files.cert, _pem(cert), 0o644, force=force)
        index = _Index(crl_days=crl_days, crl_number=0, certs=())
        _write_crl(files, cert, key, index, now)
        log.info("created CA %r in %s (valid until %s)", name, ca_dir, cert.not_valid_after_utc)
    return files


def _check_days(days: int, what: str) -> None:
    if days < 1:
        raise PkiError(f"{what} must be at least 1 (got {days}).", code="bad_validity")


def _validity(
    ca_cert: x509.Certificate,
    now: datetime,
    days: int | None,
    not_before: datetime | None,
    not_after: datetime | None,
) -> tuple[datetime, datetime]:
    if days is not None:
        _check_days(days, "--days")
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


def _leaf_certificate(
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


def _refuse_other_role(files: CaFiles, cn: str, kind: CertKind) -> None:
    """A name belongs to one role for good: the broker grants rights by the certificate's name, so
    a client certificate named like a device would read that device's requests and write its
    replies and status. Revoked certificates keep their name's role too."""
    for record in _read_index(files).certs:
        if record.cn == cn and record.kind != kind:
            raise PkiError(
                f"CN {cn} is already a {record.kind}'s name (serial {record.serial_hex}); a {kind} "
                f"certificate cannot carry it, or it would get that {record.kind}'s rights at the "
                "broker. Choose another name.",
                code="role_conflict",
            )


def _record_issued(
    files: CaFiles, cert: x509.Certificate, kind: CertKind, sans: Sequence[x509.GeneralName], now: datetime,
) -> None:
    write_file_atomic(files.dir / ISSUED_DIR / f"{cert.serial_number:x}.crt", _pem(cert), 0o644, force=True)
    index = _read_index(files)
    record = CertRecord(
        serial=cert.serial_number, cn=_cn_of(cert), kind=kind,
        not_before=cert.not_valid_before_utc, not_after=cert.not_valid_after_utc,
        issued_at=now, sans=tuple(_san_text(s) for s in sans),
    )
    _write_index(files, _Index(index.crl_days, index.crl_number, (*index.certs, record)))


def _cn_of(cert: x509.Certificate) -> str:
    return str(cert.subject.get_attributes_for_oid(NameOID.COMMON_NAME)[0].value)


def _server_sans(kind: CertKind, sans: Sequence[str | x509.GeneralName]) -> list[x509.GeneralName]:
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
    _leaf_cn(cn)
    _outside_ca(out_dir, ca_dir)
    alt_names = _server_sans(kind, sans)
    key_path, cert_path = out_dir / f"{cn}.key", out_dir / f"{cn}.crt"
    if not force:
        _refuse_existing([key_path, cert_path])
    files, ca_cert, ca_key = _load_ca(ca_dir)
    _refuse_other_role(files, cn, kind)
    now = now or _now()
    start, end = _validity(ca_cert, now, days, not_before, not_after)
    key = _new_key()
    cert = _leaf_certificate(ca_cert=ca_cert, ca_key=ca_key, public_key=key.public_key(), cn=cn, kind=kind,
                             sans=alt_names, start=start, end=end)
    out_dir.mkdir(parents=True, exist_ok=True)
    ca_copy = _copy_ca_cert(_pem(ca_cert), out_dir, force=force)
    with _ca_lock(ca_dir):
        write_file_atomic(key_path, _pem_key(key), 0o600, force=force)
        write_file_atomic(cert_path, _pem(cert), 0o644, force=force)
        _record_issued(files, cert, kind, alt_names, now)
    log.info("issued %s certificate CN=%s serial=%x into %s", kind, cn, cert.serial_number, out_dir)
    return IssuedCert(cn, kind, cert.serial_number, cert_path, key_path, ca_copy,
                      cert.not_valid_before_utc, cert.not_valid_after_utc)


# -- CSRs --------------------------------------------------------------------------------------


def create_csr(
    cn: str, key_path: Path, csr_path: Path, *, sans: Sequence[str] = (), force: bool = False,
) -> CsrFiles:
    """Make a key and a CSR for ``cn``, for a site whose own CA signs appliance certificates.

    The key never leaves the appliance; only the CSR goes to the CA.
    """
    _leaf_cn(cn)
    alt_names = list(dict.fromkeys(parse_san(s) for s in sans))
    if not force:
        _refuse_existing([key_path, csr_path])
    key = _new_key()
    builder = x509.CertificateSigningRequestBuilder().subject_name(
        x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, cn)]),
    )
    if alt_names:
        builder = builder.add_extension(x509.SubjectAlternativeName(alt_names), critical=False)
    csr = builder.sign(key, hashes.SHA256())
    write_file_atomic(key_path, _pem_key(key), 0o600, force=force)
    write_file_atomic(csr_path, _pem(csr), 0o644, force=force)
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
        cn = _leaf_cn(cns[0].value)
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
    alt_names = _server_sans(kind, [*requested, *sans])
    public_key = csr.public_key()
    if not isinstance(public_key, (ec.EllipticCurvePublicKey, rsa.RSAPublicKey)):
        raise PkiError(f"{csr_path} has an unsupported key type.", code="bad_csr")
    out = out_dir if out_dir is not None else csr_path.parent
    _outside_ca(out, ca_dir)
    cert_path = out / f"{cn}.crt"
    if not force:
        _refuse_existing([cert_path])
    files, ca_cert, ca_key = _load_ca(ca_dir)
    _refuse_other_role(files, cn, kind)
    now = now or _now()
    start, end = _validity(ca_cert, now, days, None, None)
    cert = _leaf_certificate(ca_cert=ca_cert, ca_key=ca_key, public_key=public_key, cn=cn, kind=kind,
                             sans=alt_names, start=start, end=end)
    out.mkdir(parents=True, exist_ok=True)
    ca_copy = _copy_ca_cert(_pem(ca_cert), out, force=force)
    with _ca_lock(ca_dir):
        write_file_atomic(cert_path, _pem(cert), 0o644, force=force)
        _record_issued(files, cert, kind, alt_names, now)
    log.info("signed %s CSR CN=%s serial=%x into %s", kind, cn, cert.serial_number, cert_path)
    return IssuedCert(cn, kind, cert.serial_number, cert_path, None, ca_copy,
                      cert.not_valid_before_utc, cert.not_valid_after_utc)


# -- revocation --------------------------------------------------------------------------------


def list_certs(ca_dir: Path) -> tuple[CertRecord, ...]:
    """Every certificate this CA issued, oldest first."""
    files = CaFiles.at(ca_dir)
    _load_ca(ca_dir)
    return _read_index(files).certs


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
    files, ca_cert, ca_key = _load_ca(ca_dir)
    with _ca_lock(ca_dir):
        index = _read_index(files)
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
        now = now or _now()
        newly = {c.serial for c in chosen if not c.revoked}
        certs = tuple(
            dataclasses.replace(c, revoked_at=now) if c.serial in newly else c
            for c in index.certs
        )
        if newly:
            _write_crl(files, ca_cert, ca_key, _Index(index.crl_days, index.crl_number, certs), now)
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
        _check_days(days, "--days")
    files, ca_cert, ca_key = _load_ca(ca_dir)
    with _ca_lock(ca_dir):
        index = _read_index(files)
        if days is not None and days != index.crl_days:
            index = _Index(days, index.crl_number, index.certs)
        return _write_crl(files, ca_cert, ca_key, index, now or _now())


def _write_crl(
    files: CaFiles, ca_cert: x509.Certificate, ca_key: ec.EllipticCurvePrivateKey, index: _Index,
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
    write_file_atomic(files.crl, _pem(crl), 0o644, force=True)
    _write_index(files, _Index(index.crl_days, number, index.certs))
    return CrlInfo(files.crl, number, crl.last_update_utc, crl.next_update_utc or next_update,
                   tuple(serial for serial, _ in revoked))


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


# -- certificate lifecycle (on the appliance) ----------------------------------------------------

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
    _leaf_cn(cn)
    if not force:
        _refuse_existing([csr_path, *([new_key_path] if new_key_path else [])])
    key: ec.EllipticCurvePrivateKey | rsa.RSAPrivateKey
    if new_key_path is not None:
        fresh = _new_key()
        write_file_atomic(new_key_path, _pem_key(fresh), 0o600, force=force)
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
    write_file_atomic(csr_path, _pem(csr), 0o644, force=force)
    log.info("created a renewal CSR for CN=%s: %s (%s key)", cn, csr_path, "new" if new_key_path else "same")
    return CsrFiles(cn, new_key_path or key_path, csr_path)
