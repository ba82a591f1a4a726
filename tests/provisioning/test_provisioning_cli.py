"""`edged pki` / `edged broker` as an operator runs them, and the provisioning scripts end to end."""

from __future__ import annotations

import json
import os
import pwd
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from edged.cli import main
from edged.provisioning.mosquitto import free_port, mosquitto_binary, wait_until_listening
from tests.support.broker import Endpoint, Identity, connect_result

REPO = Path(__file__).resolve().parents[2]
SCRIPTS = REPO / "scripts"


def run(args: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    code = main(args)
    out = capsys.readouterr()
    return code, out.out, out.err


def test_pki_and_broker_commands(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    ca = str(tmp_path / "ca")
    assert run(["pki", "init-ca", "--dir", ca, "--crl-days", "10"], capsys)[0] == 0
    code, _, err = run(["pki", "init-ca", "--dir", ca], capsys)
    assert code == 1
    assert "[exists]" in err
    assert "--force" in err

    code, out, _ = run(["pki", "issue", "server", "--ca", ca, "--cn", "broker", "--san", "localhost",
                        "--san", "127.0.0.1", "--out", str(tmp_path / "srv")], capsys)
    assert code == 0
    assert "issued server certificate CN=broker" in out
    for kind, cn in (("device", "dev-1"), ("client", "alice"), ("client", "bob")):
        code, _, _ = run(["pki", "issue", kind, "--ca", ca, "--cn", cn, "--out", str(tmp_path / cn)], capsys)
        assert code == 0
    assert sorted(p.name for p in (tmp_path / "alice").iterdir()) == ["alice.crt", "alice.key", "ca.crt"]
    # a name is one role for good: no client certificate named like a device (finding 4)
    code, _, err = run(["pki", "issue", "client", "--ca", ca, "--cn", "dev-1", "--out", str(tmp_path / "x")],
                       capsys)
    assert code != 0 and "role_conflict" in err and "device's name" in err
    code, _, err = run(["pki", "issue", "client", "--ca", ca, "--cn", "a+b", "--out", str(tmp_path)], capsys)
    assert code == 1
    assert "[bad_id]" in err

    assert run(["pki", "csr", "--cn", "dev-9", "--out", str(tmp_path / "d9")], capsys)[0] == 0
    assert run(["pki", "sign", "--ca", ca, "--csr", str(tmp_path / "d9" / "dev-9.csr"), "--kind", "device",
                "--out", str(tmp_path / "d9")], capsys)[0] == 0

    code, out, _ = run(["pki", "list", "--ca", ca, "--json"], capsys)
    listing = json.loads(out)
    by_cn = {c["cn"]: c for c in listing["certificates"]}
    assert set(by_cn) == {"broker", "dev-1", "alice", "bob", "dev-9"}
    assert by_cn["broker"]["sans"] == ["localhost", "127.0.0.1"]

    assert run(["pki", "revoke", "--ca", ca, "--cn", "alice"], capsys)[0] == 0
    assert run(["pki", "revoke", "--ca", ca, "--serial", by_cn["bob"]["serial"]], capsys)[0] == 0
    code, out, _ = run(["pki", "revoke", "--ca", ca, "--cert", str(tmp_path / "d9" / "dev-9.crt")], capsys)
    assert code == 0
    assert "reload the broker" in out
    code, _, err = run(["pki", "revoke", "--ca", ca, "--cn", "nobody"], capsys)
    assert code == 1
    assert "[not_found]" in err

    code, out, _ = run(["pki", "crl", "--ca", ca], capsys)
    assert code == 0
    assert "3 revoked" in out
    listing = json.loads(run(["pki", "list", "--ca", ca, "--json"], capsys)[1])
    status = {c["cn"]: c["status"] for c in listing["certificates"]}
    assert status == {"broker": "valid", "dev-1": "valid", "alice": "revoked", "bob": "revoked",
                      "dev-9": "revoked"}
    assert len(listing["crl"]["revoked"]) == 3
    code, out, _ = run(["pki", "list", "--ca", ca], capsys)
    assert "revoked" in out
    assert "CRL #" in out
    assert "PRIVATE KEY" not in out

    me = pwd.getpwuid(os.geteuid()).pw_name
    broker_args = ["broker", "config", "--ca", ca, "--server-cert-dir", str(tmp_path / "srv"),
                   "--out", str(tmp_path / "mq"), "--port", "18883", "--device", "dev-1:line3,line4",
                   "--user", me]
    code, out, _ = run(broker_args, capsys)
    assert code == 0
    assert "mosquitto -c" in out
    rights = json.loads((tmp_path / "mq" / "dynamic-security.json").read_text())
    assert [c["username"] for c in rights["clients"]] == ["dev-1"]  # alice and bob were revoked above
    topics = {a["topic"] for r in rights["roles"] for a in r["acls"]}
    assert "$share/line4/edged/pool/line4/req/+" in topics
    assert run(broker_args, capsys)[0] == 0  # same settings again: fine
    code, _, err = run([*broker_args, "--device", "dev-2"], capsys)
    assert code == 1
    assert "[exists]" in err
    code, _, err = run([*broker_args, "--device", "pool"], capsys)
    assert code == 2
    assert "reserved" in err


def test_broker_config_needs_exactly_one_server_pair(
    tmp_path: Path, capsys: pytest.CaptureFixture[str],
) -> None:
    ca = str(tmp_path / "ca")
    run(["pki", "init-ca", "--dir", ca], capsys)
    code, _, err = run(["broker", "config", "--ca", ca, "--server-cert-dir", str(tmp_path / "empty"),
                        "--out", str(tmp_path / "mq")], capsys)
    assert code == 1
    assert "edged pki issue server" in err


def test_provisioning_scripts_are_idempotent_and_make_a_working_broker(tmp_path: Path) -> None:
    pki_dir = tmp_path / "pki"
    port = free_port()
    env = {
        **os.environ,
        "EDGED_PKI_DIR": str(pki_dir),
        "EDGED_BROKER_HOST": "127.0.0.1",
        "EDGED_BROKER_PORT": str(port),
        "EDGED_BROKER_USER": pwd.getpwuid(os.geteuid()).pw_name,
        "EDGED_BROKER_DATA": str(tmp_path / "mosquitto-data"),
    }
    edged = Path(sys.executable).parent / "edged"
    if edged.exists():
        env["EDGED_BIN"] = str(edged)
    steps = [
        ["provision-ca"],
        ["provision-broker", "--san", "localhost", "--san", "127.0.0.1", "--device", "dev-1:line3"],
        ["provision-device", "dev-1"],
        ["provision-client", "alice"],
    ]

    def run_all() -> None:
        for step in steps:
            done = subprocess.run(["bash", str(SCRIPTS / step[0]), *step[1:]], env=env, cwd=tmp_path,
                                  capture_output=True, text=True, check=False)
            assert done.returncode == 0, f"{step}: {done.stderr}"

    run_all()
    key = pki_dir / "clients" / "alice" / "alice.key"
    before = {p: p.read_bytes() for p in pki_dir.rglob("*.key")}
    run_all()  # again: nothing is replaced
    assert {p: p.read_bytes() for p in pki_dir.rglob("*.key")} == before
    assert key.stat().st_mode & 0o777 == 0o600

    config = pki_dir / "broker" / "mosquitto.conf"
    assert f"listener {port} 127.0.0.1" in config.read_text()
    with (tmp_path / "mosquitto.log").open("wb") as log:
        process = subprocess.Popen([mosquitto_binary(), "-c", str(config)], stderr=log)
    try:
        wait_until_listening("127.0.0.1", port, process)
        alice = Identity("alice", pki_dir / "clients" / "alice" / "alice.crt", key,
                         pki_dir / "clients" / "alice" / "ca.crt")
        result = connect_result(alice, Endpoint("127.0.0.1", port), alice.ca)
        assert result == "connack", (tmp_path / "mosquitto.log").read_text()
    finally:
        process.terminate()
        process.wait(timeout=5)


def test_scripts_are_bash_clean() -> None:
    for script in SCRIPTS.glob("provision-*"):
        assert subprocess.run(["bash", "-n", str(script)], check=False).returncode == 0
        assert os.access(script, os.X_OK), f"{script} is not executable"
    shellcheck = shutil.which("shellcheck")
    if shellcheck:
        done = subprocess.run([shellcheck, *map(str, SCRIPTS.glob("provision-*"))],
                              capture_output=True, text=True, check=False)
        assert done.returncode == 0, done.stdout
