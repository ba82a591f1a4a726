"""The escalation audit log: JSON lines, hash-chained and Ed25519-signed, rotated by size.

Each record says what left the appliance and why: the SHA-256 of the exact body sent, the
number of placeholders per type, the cloud model, tokens, cost and outcome. Never a value that
was redacted away. ``prev`` links each record to the one before it, across rotated files, so
a changed byte, a deleted record or two swapped records are found by ``verify``.

A chain cannot show its own missing tail, so its head lives outside it too: ``audit.head``
(signed, replaced atomically after each append) and, through the daemon, the retained status
and telemetry, where an outside observer keeps a copy (``verify(..., expect_head=(seq, hash))``).
A torn last line (power lost mid-write) is moved to a side file on start and a record says so.
A log that ends before the signed head (its tail cut while the daemon was stopped) gets an
``audit_gap`` record on start, which ``verify`` reports from then on: the daemon keeps serving,
and the damage stays on the record instead of being papered over by a new head.
Appends take ``audit.lock`` (flock), so a CLI or a second process on the same folder extends
the one chain instead of forking it.
"""

from __future__ import annotations

import base64
import contextlib
import fcntl
import hashlib
import json
import os
import threading
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey

from edged.errors import EdgedError, ErrorCode

CURRENT = "audit.jsonl"
HEAD_FILE = "audit.head"
KEY_FILE = "audit.key"
LOCK_FILE = "audit.lock"
PUBLIC_FILE = "audit.pub"
GENESIS = "0" * 64


class AuditError(EdgedError):
    code: ErrorCode = "audit_error"


def _canonical(record: dict[str, Any]) -> bytes:
    return json.dumps(record, sort_keys=True, separators=(",", ":"), ensure_ascii=False).encode()


def _write_private(path: Path, data: bytes) -> None:
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(fd, "wb") as handle:
        handle.write(data)


def load_or_create_key(folder: Path) -> Ed25519PrivateKey:
    """The device's audit signing key (0600), made on first use; its public half beside it."""
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / KEY_FILE
    if path.exists():
        key = serialization.load_pem_private_key(path.read_bytes(), password=None)
        if not isinstance(key, Ed25519PrivateKey):
            raise AuditError(f"{path} is not an Ed25519 key; move it away to have a new one made.")
        return key
    key = Ed25519PrivateKey.generate()
    _write_private(
        path,
        key.private_bytes(
            serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()
        ),
    )
    (folder / PUBLIC_FILE).write_bytes(
        key.public_key().public_bytes(
            serialization.Encoding.PEM, serialization.PublicFormat.SubjectPublicKeyInfo
        )
    )
    return key


def log_files(folder: Path) -> list[Path]:
    """Rotated files in chain order (their names carry the first sequence number), then the current."""
    rotated = sorted(folder.glob("audit-*.jsonl"))
    current = folder / CURRENT
    return [*rotated, *([current] if current.exists() else [])]


class AuditLog:
    def __init__(self, folder: Path, *, max_bytes: int = 10 << 20) -> None:
        self.folder = folder
        self.max_bytes = max_bytes
        self._lock = threading.Lock()
        self._key = load_or_create_key(folder)
        with self._exclusive():
            torn = self._quarantine_torn_tail()
            self._seq, self._prev = self._tail()
            gap = self._gap_from_head()
            if gap is None and self._seq > 0:
                self._write_head()  # a head that lagged its log by one record (power lost) catches up
        if torn is not None:
            self.append(event="torn_tail_quarantined", bytes=torn[1], side_file=torn[0].name)
        if gap is not None:
            self.append(event="audit_gap", **gap)

    @contextlib.contextmanager
    def _exclusive(self) -> Iterator[None]:
        """This object's threads and every other process on the folder, one at a time."""
        with self._lock:
            fd = os.open(self.folder / LOCK_FILE, os.O_RDWR | os.O_CREAT, 0o600)
            try:
                fcntl.flock(fd, fcntl.LOCK_EX)
                yield
            finally:
                os.close(fd)

    def _gap_from_head(self) -> dict[str, Any] | None:
        """What the signed head says is missing from the log as found, or None when they agree.
        (The head may lag its log by one record: power lost between the two writes.)"""
        path = self.folder / HEAD_FILE
        if not path.exists():
            if self._seq <= 1:  # power lost between the first record and the first head
                return None
            return {"problem": "head_missing", "log_ends_at": self._seq}
        head = _read_head(path, self._key.public_key())
        if head is None:
            return {"problem": "head_damaged", "log_ends_at": self._seq}
        seq, digest = head
        if seq > self._seq:
            return {
                "problem": "records_missing",
                "log_ends_at": self._seq,
                "head_seq": seq,
                "head_hash": digest,
            }
        if seq == self._seq and digest != self._prev:
            return {"problem": "last_record_replaced", "log_ends_at": self._seq, "head_hash": digest}
        return None

    @property
    def head(self) -> tuple[int, str]:
        """(sequence, hash) of the newest record: what an outside observer should hold."""
        return self._seq, self._prev

    def _quarantine_torn_tail(self) -> tuple[Path, int] | None:
        """A last line that is not a whole record (power lost mid-write) moves to a side file and
        the log is cut back to its last whole line, so the daemon serves instead of crashing."""
        files = log_files(self.folder)
        if not files:
            return None
        current = files[-1]  # the current file, or the newest rotated one when it is gone
        data = current.read_bytes()
        if not data:
            return None
        body, _, last = data.rstrip(b"\n").rpartition(b"\n")
        try:
            json.loads(last)["hash"]
            if not data.endswith(b"\n"):  # whole, but its line end was lost: give it one
                with current.open("ab") as handle:
                    handle.write(b"\n")
                    os.fsync(handle.fileno())
        except (ValueError, KeyError, TypeError):
            keep = body + b"\n" if body else b""
            side = self.folder / f"audit-torn-{datetime.now(timezone.utc):%Y%m%dT%H%M%S%f}.bin"
            _write_private(side, data[len(keep) :])
            with current.open("r+b") as handle:
                handle.truncate(len(keep))
                os.fsync(handle.fileno())
            return side, len(data) - len(keep)
        return None

    def _tail(self) -> tuple[int, str]:
        for path in reversed(log_files(self.folder)):
            last = _last_line(path)
            if last:
                record = json.loads(last)
                return int(record["seq"]), str(record["hash"])
        return 0, GENESIS

    def append(self, **fields: Any) -> dict[str, Any]:
        with self._exclusive():
            self._seq, self._prev = self._tail()  # another process may have appended meanwhile
            current = self.folder / CURRENT
            if current.exists() and current.stat().st_size >= self.max_bytes:
                current.rename(self.folder / f"audit-{self._seq + 1:012d}.jsonl")
            record: dict[str, Any] = {
                "seq": self._seq + 1,
                "time": datetime.now(timezone.utc).isoformat(timespec="milliseconds"),
                **fields,
                "prev": self._prev,
            }
            digest = hashlib.sha256(_canonical(record)).hexdigest()
            record["hash"] = digest
            record["sig"] = base64.b64encode(self._key.sign(bytes.fromhex(digest))).decode()
            line = _canonical(record) + b"\n"
            fd = os.open(current, os.O_WRONLY | os.O_CREAT | os.O_APPEND, 0o600)
            try:
                os.write(fd, line)
                os.fsync(fd)
            finally:
                os.close(fd)
            self._seq, self._prev = record["seq"], digest
            self._write_head()  # after the record is on disk: the head never runs ahead of the log
            return record

    def _write_head(self) -> None:
        head = {
            "seq": self._seq,
            "hash": self._prev,
            "time": datetime.now(timezone.utc).isoformat(timespec="milliseconds"),
        }
        signed = {**head, "sig": base64.b64encode(self._key.sign(_canonical(head))).decode()}
        tmp = self.folder / f".{HEAD_FILE}.tmp"
        fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        try:
            os.write(fd, _canonical(signed) + b"\n")
            os.fsync(fd)
        finally:
            os.close(fd)
        tmp.replace(self.folder / HEAD_FILE)


def _last_line(path: Path, chunk: int = 1 << 16) -> bytes:
    """The file's last non-empty line, read from its end (a current file runs to megabytes)."""
    with path.open("rb") as handle:
        end = handle.seek(0, os.SEEK_END)
        data = b""
        while end > 0:
            start = max(0, end - chunk)
            handle.seek(start)
            data = handle.read(end - start) + data
            end = start
            stripped = data.rstrip()  # a record ends in '}': trailing white space is not one
            if b"\n" in stripped or end == 0:
                return stripped.rpartition(b"\n")[2]
    return b""


@dataclass(frozen=True)
class VerifyResult:
    ok: bool
    records: int
    files: int
    problem: str | None  # "FILE:LINE: what is wrong" for the first broken record


def verify(
    folder: Path, public_key: Path | None = None, *, expect_head: tuple[int, str] | None = None
) -> VerifyResult:
    """Check every record's hash, signature, sequence and link to the one before it, and that the
    chain reaches its head: the signed head file's, and ``expect_head`` (what an outside observer
    saw in the retained status) when given. A missing tail is named."""
    key_path = public_key or folder / PUBLIC_FILE
    try:
        loaded = serialization.load_pem_public_key(key_path.read_bytes())
    except (OSError, ValueError) as exc:
        raise AuditError(f"Cannot read the audit public key {key_path}: {exc}.") from None
    if not isinstance(loaded, Ed25519PublicKey):
        raise AuditError(f"{key_path} is not an Ed25519 public key.")
    files = log_files(folder)
    expected_seq, prev, count = 1, GENESIS, 0
    seen_expected: str | None = None  # the hash of the record expect_head names, when reached
    for path in files:
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
            where = f"{path}:{number}"
            problem = _check_line(line, loaded, expected_seq, prev)
            if problem is not None:
                return VerifyResult(False, count, len(files), f"{where}: {problem}")
            record = json.loads(line)
            if record.get("event") == "audit_gap":
                return VerifyResult(False, count, len(files), f"{where}: {_gap_text(record)}")
            if expect_head is not None and record["seq"] == expect_head[0]:
                seen_expected = record["hash"]
            expected_seq, prev, count = record["seq"] + 1, record["hash"], count + 1
    last_seq = expected_seq - 1
    if expect_head is not None and expect_head[0] < last_seq and seen_expected != expect_head[1]:
        return VerifyResult(
            False,
            count,
            len(files),
            f"record {expect_head[0]} is not the one the expected head names (the log was cut "
            "back and written again, or the head is from another device)",
        )
    head_problem = _check_head(folder, loaded, last_seq, prev, expect_head)
    if head_problem is not None:
        return VerifyResult(False, count, len(files), head_problem)
    return VerifyResult(True, count, len(files), None)


def _read_head(path: Path, key: Ed25519PublicKey) -> tuple[int, str] | None:
    """The signed head's (sequence, hash); None when it is damaged or signed by another key."""
    try:
        signed = json.loads(path.read_text(encoding="utf-8"))
        signature = base64.b64decode(signed.pop("sig"))
        key.verify(signature, _canonical(signed))
        return int(signed["seq"]), str(signed["hash"])
    except (ValueError, KeyError, TypeError, InvalidSignature):
        return None


def _check_head(
    folder: Path, key: Ed25519PublicKey, last_seq: int, last_hash: str, expect: tuple[int, str] | None
) -> str | None:
    heads: list[tuple[str, int, str]] = []
    path = folder / HEAD_FILE
    if path.exists():
        head = _read_head(path, key)
        if head is None:
            return f"{path}: the head record is damaged or not signed by this device's key"
        heads.append((f"the head file {path}", *head))
    elif last_seq > 0:
        return f"{path} is missing: the log cannot show whether records at its end were removed"
    if expect is not None:
        heads.append(("the expected head", expect[0], expect[1]))
    for name, seq, digest in heads:
        if seq > last_seq:
            return (
                f"the log ends at record {last_seq} but {name} is record {seq}: records "
                f"{last_seq + 1}..{seq} are missing (the tail was cut or files were removed)"
            )
        if seq == last_seq and digest != last_hash:
            return f"the last record {last_seq} is not the one {name} names (it was replaced)"
    return None


def _gap_text(record: dict[str, Any]) -> str:
    problem, end = record.get("problem"), int(record.get("log_ends_at") or 0)
    if problem == "records_missing":
        return (
            f"on start the daemon found the log ending at record {end} while its signed head "
            f"was record {record.get('head_seq')}: records {end + 1}..{record.get('head_seq')} "
            "were removed while it was stopped"
        )
    if problem == "last_record_replaced":
        return f"on start the daemon found record {end} is not the one its signed head named (replaced)"
    if problem == "head_missing":
        return f"on start the daemon found {HEAD_FILE} missing with the log at record {end}"
    return f"on start the daemon found {HEAD_FILE} damaged or not signed by this device's key"


def _check_line(line: str, key: Ed25519PublicKey, expected_seq: int, prev: str) -> str | None:
    try:
        record = json.loads(line)
        claimed, signature = record.pop("hash"), record.pop("sig")
    except (ValueError, KeyError, AttributeError):
        return "not a complete audit record (damaged or truncated)"
    if hashlib.sha256(_canonical(record)).hexdigest() != claimed:
        return "content does not match its hash (the record was changed)"
    try:
        key.verify(base64.b64decode(signature), bytes.fromhex(claimed))
    except (InvalidSignature, ValueError):
        return "signature does not verify (not written by this device's key)"
    if record.get("seq") != expected_seq:
        return (
            f"sequence {record.get('seq')} where {expected_seq} was expected (a record is missing or moved)"
        )
    if record.get("prev") != prev:
        return "does not link to the record before it (records were removed or reordered)"
    return None
