"""Writing key material safely: atomic writes with exact modes, PEM encoding, fresh keys, the
CA's lock, and the CA certificate copied beside each identity."""

from __future__ import annotations

import contextlib
import fcntl
import os
import secrets
from collections.abc import Iterable, Iterator
from pathlib import Path

from cryptography import x509
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import ec

from edged.errors import PkiError
from edged.provisioning.pki.records import CA_CERT


def refuse_existing(paths: Iterable[Path]) -> None:
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
                refuse_existing([path])
            except OSError:  # a filesystem without hard links (FAT on a USB stick)
                refuse_existing([path])
                tmp.replace(path)
    finally:
        with contextlib.suppress(FileNotFoundError):
            tmp.unlink()
    _fsync_dir(path.parent)


def pem_key(key: ec.EllipticCurvePrivateKey) -> bytes:
    # Unencrypted: Mosquitto and the daemon start unattended; the file mode (and systemd's
    # LoadCredential in production) protects it.
    return key.private_bytes(
        serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption(),
    )


def pem(obj: x509.Certificate | x509.CertificateSigningRequest | x509.CertificateRevocationList) -> bytes:
    return obj.public_bytes(serialization.Encoding.PEM)


def new_key() -> ec.EllipticCurvePrivateKey:
    return ec.generate_private_key(ec.SECP256R1())


@contextlib.contextmanager
def ca_lock(ca_dir: Path) -> Iterator[None]:
    """Serialise changes to one CA (two provisioning scripts at once must not lose an index line)."""
    fd = os.open(ca_dir / ".lock", os.O_RDWR | os.O_CREAT | os.O_CLOEXEC, 0o600)
    try:
        fcntl.flock(fd, fcntl.LOCK_EX)
        yield
    finally:
        os.close(fd)


def copy_ca_cert(ca_pem: bytes, out_dir: Path, *, force: bool) -> Path:
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
