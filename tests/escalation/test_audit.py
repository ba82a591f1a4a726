"""The audit log: chained, signed, rotated; verify names the first broken record."""

from __future__ import annotations

import json
import stat
import threading
from pathlib import Path

import pytest

from edged.audit import CURRENT, HEAD_FILE, KEY_FILE, AuditLog, log_files, verify
from edged.cli import main


def _write(folder: Path, count: int, max_bytes: int = 1 << 20) -> AuditLog:
    log = AuditLog(folder, max_bytes=max_bytes)
    for i in range(count):
        log.append(
            event="escalation",
            request_id=f"r{i}",
            task="ask",
            body_sha256="ab" * 32,
            placeholders={"PERSON": 1},
        )
    return log


def test_records_verify_and_files_are_private(tmp_path: Path) -> None:
    _write(tmp_path, 5)
    result = verify(tmp_path)
    assert result.ok
    assert result.records == 5
    assert stat.S_IMODE((tmp_path / KEY_FILE).stat().st_mode) == 0o600
    assert stat.S_IMODE((tmp_path / CURRENT).stat().st_mode) == 0o600


def test_chain_continues_across_restarts_and_rotation(tmp_path: Path) -> None:
    _write(tmp_path, 4, max_bytes=600)
    _write(tmp_path, 4, max_bytes=600)  # a restart: picks up the last hash
    assert len(log_files(tmp_path)) > 2
    result = verify(tmp_path)
    assert result.ok, result.problem
    assert result.records == 8


def _lines(tmp_path: Path) -> list[str]:
    return (tmp_path / CURRENT).read_text().splitlines()


def test_one_changed_byte_is_found(tmp_path: Path) -> None:
    _write(tmp_path, 4)
    lines = _lines(tmp_path)
    lines[2] = lines[2].replace('"task":"ask"', '"task":"asj"')
    (tmp_path / CURRENT).write_text("\n".join(lines) + "\n")
    result = verify(tmp_path)
    assert not result.ok
    assert result.problem is not None and f"{CURRENT}:3:" in result.problem and "changed" in result.problem


def test_a_deleted_record_is_found(tmp_path: Path) -> None:
    _write(tmp_path, 4)
    lines = _lines(tmp_path)
    del lines[1]
    (tmp_path / CURRENT).write_text("\n".join(lines) + "\n")
    result = verify(tmp_path)
    assert result.problem is not None and ":2:" in result.problem and "missing" in result.problem


def test_two_swapped_records_are_found(tmp_path: Path) -> None:
    _write(tmp_path, 4)
    lines = _lines(tmp_path)
    lines[1], lines[2] = lines[2], lines[1]
    (tmp_path / CURRENT).write_text("\n".join(lines) + "\n")
    assert not verify(tmp_path).ok


def test_a_record_rewritten_with_a_consistent_hash_fails_the_signature(tmp_path: Path) -> None:
    import hashlib

    _write(tmp_path, 2)
    lines = _lines(tmp_path)
    record = json.loads(lines[1])
    record.pop("hash")
    signature = record.pop("sig")
    record["task"] = "forged"
    canonical = json.dumps(record, sort_keys=True, separators=(",", ":"), ensure_ascii=False).encode()
    record["hash"] = hashlib.sha256(canonical).hexdigest()
    record["sig"] = signature
    lines[1] = json.dumps(record, sort_keys=True, separators=(",", ":"))
    (tmp_path / CURRENT).write_text("\n".join(lines) + "\n")
    result = verify(tmp_path)
    assert result.problem is not None and "signature" in result.problem


def test_audit_verify_command(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    _write(tmp_path, 3)
    assert main(["audit", "verify", "--log", str(tmp_path)]) == 0
    assert "3 records" in capsys.readouterr().out
    (tmp_path / CURRENT).write_text(_lines(tmp_path)[0][:-5] + "\n")
    assert main(["audit", "verify", "--log", str(tmp_path)]) == 1
    assert "audit.jsonl:1" in capsys.readouterr().out


# -- the tail: what a chain cannot show by itself (these verified "ok" before the head existed) --


def test_a_deleted_last_record_is_found(tmp_path: Path) -> None:
    _write(tmp_path, 4)
    lines = _lines(tmp_path)
    (tmp_path / CURRENT).write_text("\n".join(lines[:-1]) + "\n")
    result = verify(tmp_path)
    assert not result.ok
    assert result.problem is not None and "records 4..4 are missing" in result.problem


def test_a_deleted_newest_rotated_file_and_current_are_found(tmp_path: Path) -> None:
    _write(tmp_path, 8, max_bytes=600)
    files = log_files(tmp_path)
    for path in files[-2:]:
        path.unlink()
    result = verify(tmp_path)
    assert not result.ok and result.problem is not None and "are missing" in result.problem


def test_every_file_deleted_is_found(tmp_path: Path) -> None:
    _write(tmp_path, 3)
    for path in log_files(tmp_path):
        path.unlink()
    result = verify(tmp_path)
    assert not result.ok and result.problem is not None and "records 1..3 are missing" in result.problem


def test_a_cut_tail_and_a_forged_head_are_caught_by_the_observers_copy(tmp_path: Path) -> None:
    log = _write(tmp_path, 4)
    seen = log.head  # what the retained status carried
    lines = _lines(tmp_path)
    (tmp_path / CURRENT).write_text("\n".join(lines[:-2]) + "\n")
    log._seq, log._prev = log._tail()
    log._write_head()  # an attacker with the device key re-signs a shorter head
    assert verify(tmp_path).ok  # the device alone cannot tell
    result = verify(tmp_path, expect_head=seen)
    assert not result.ok and result.problem is not None and "records 3..4 are missing" in result.problem
    assert main(["audit", "verify", "--log", str(tmp_path), "--expect-head", f"{seen[0]}:{seen[1]}"]) == 1


def test_a_torn_last_line_is_quarantined_and_the_log_goes_on(tmp_path: Path) -> None:
    _write(tmp_path, 3)
    with (tmp_path / CURRENT).open("ab") as handle:
        handle.write(b'{"seq":4,"time":"2026-11-30T')  # power lost mid-write
    log = AuditLog(tmp_path)  # used to raise JSONDecodeError: a restart loop, no local serving
    sides = list(tmp_path.glob("audit-torn-*.bin"))
    assert len(sides) == 1 and sides[0].read_bytes().startswith(b'{"seq":4')
    assert stat.S_IMODE(sides[0].stat().st_mode) == 0o600
    log.append(event="escalation", request_id="r9", task="ask")
    result = verify(tmp_path)
    assert result.ok, result.problem
    records = [json.loads(line) for line in _lines(tmp_path)]
    assert records[3]["event"] == "torn_tail_quarantined" and records[3]["side_file"] == sides[0].name
    assert records[-1]["request_id"] == "r9"


def test_a_tail_cut_while_stopped_is_recorded_on_start_and_stays_found(tmp_path: Path) -> None:
    log = _write(tmp_path, 10)
    seen = log.head
    lines = _lines(tmp_path)
    (tmp_path / CURRENT).write_text("\n".join(lines[:7]) + "\n")
    restarted = AuditLog(tmp_path)  # the daemon starts again on the cut log
    for i in range(5):
        restarted.append(event="escalation", request_id=f"later{i}", task="ask")
    result = verify(tmp_path)
    assert not result.ok and result.problem is not None
    assert "records 8..10 were removed while it was stopped" in result.problem
    # and an observer's older head does not match the record now at its number
    result = verify(tmp_path, expect_head=seen)
    assert not result.ok


def test_a_deleted_head_is_recorded_on_start(tmp_path: Path) -> None:
    _write(tmp_path, 3)
    (tmp_path / HEAD_FILE).unlink()
    AuditLog(tmp_path).append(event="escalation", request_id="r", task="ask")
    result = verify(tmp_path)
    assert not result.ok and result.problem is not None and "audit.head missing" in result.problem


def test_an_observers_head_below_the_end_must_name_the_record_at_its_number(tmp_path: Path) -> None:
    log = _write(tmp_path, 3)
    seq, digest = log.head
    _write(tmp_path, 2)
    assert verify(tmp_path, expect_head=(seq, digest)).ok
    assert not verify(tmp_path, expect_head=(seq, "0" * 64)).ok


def test_two_writers_on_one_folder_extend_one_chain(tmp_path: Path) -> None:
    first, second = AuditLog(tmp_path), AuditLog(tmp_path)  # a daemon and a CLI, say
    for i in range(5):
        first.append(event="a", n=i)
        second.append(event="b", n=i)
    errors: list[BaseException] = []

    def write(log: AuditLog) -> None:
        try:
            for i in range(30):
                log.append(event="t", n=i)
        except BaseException as exc:  # noqa: BLE001 - the test reports any
            errors.append(exc)

    threads = [threading.Thread(target=write, args=(log,)) for log in (first, second, AuditLog(tmp_path))]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(30)
    assert errors == []
    result = verify(tmp_path)
    assert result.ok, result.problem
    assert result.records == 10 + 90


def test_a_torn_rotated_file_with_no_current_one_does_not_stop_the_log(tmp_path: Path) -> None:
    _write(tmp_path, 8, max_bytes=600)
    (tmp_path / CURRENT).unlink()
    newest = log_files(tmp_path)[-1]
    with newest.open("ab") as handle:
        handle.write(b'{"seq":99,"ti')
    log = AuditLog(tmp_path)  # used to raise JSONDecodeError
    assert list(tmp_path.glob("audit-torn-*.bin"))
    log.append(event="escalation", request_id="r", task="ask")
    assert not verify(tmp_path).ok  # the removed current file is damage, and is still named


def test_power_lost_before_the_first_head_is_not_a_gap(tmp_path: Path) -> None:
    AuditLog(tmp_path).append(event="escalation", request_id="r", task="ask")
    (tmp_path / HEAD_FILE).unlink()  # the record was on disk, its head not yet
    AuditLog(tmp_path)
    result = verify(tmp_path)
    assert result.ok, result.problem
    assert [json.loads(line)["event"] for line in _lines(tmp_path)] == ["escalation"]
