"""The site's Mosquitto config and dynamic-security rights as rendered, and the settings that
produce them."""

from __future__ import annotations

import json
import os
import pwd
import shutil
import stat
import tempfile
from pathlib import Path

import pytest
from pydantic import ValidationError

from edged.errors import ConfigError, PkiError
from edged.provisioning.broker import (
    BrokerSite,
    DeviceAccess,
    render_access,
    render_config,
    write_broker_config,
)

PATHS = {
    "cafile": Path("/etc/edged/pki/ca/ca.crt"),
    "certfile": Path("/etc/edged/pki/broker/server/broker.crt"),
    "keyfile": Path("/etc/edged/pki/broker/server/broker.key"),
    "crlfile": Path("/etc/edged/pki/ca/crl.pem"),
    "access_file": Path("/etc/edged/pki/broker/dynamic-security.json"),
    "dynsec_plugin": Path("/usr/lib/x86_64-linux-gnu/mosquitto_dynamic_security.so"),
}


def make_site(**overrides: object) -> BrokerSite:
    settings: dict[str, object] = {
        **PATHS,
        "devices": (DeviceAccess(id="dev-1", pools=("line3", "line4")), DeviceAccess(id="dev-2")),
        "clients": ("alice",),
    }
    settings.update(overrides)
    return BrokerSite(**settings)  # type: ignore[arg-type]


def directives(text: str) -> list[str]:
    return [line for line in text.splitlines() if line and not line.startswith("#")]


def test_config_is_a_tls_only_listener_with_identity_from_the_certificate() -> None:
    lines = directives(render_config(make_site(host="10.0.0.5", port=8884)))
    assert lines == [
        "per_listener_settings false",
        "user mosquitto",
        "persistence false",
        "listener 8884 10.0.0.5",
        f"cafile {PATHS['cafile']}",
        f"certfile {PATHS['certfile']}",
        f"keyfile {PATHS['keyfile']}",
        f"crlfile {PATHS['crlfile']}",
        "require_certificate true",
        "use_identity_as_username true",
        "use_username_as_clientid true",
        "tls_version tlsv1.2",
        "allow_anonymous false",
        "set_tcp_nodelay true",
        f"plugin {PATHS['dynsec_plugin']}",
        f"plugin_opt_config_file {PATHS['access_file']}",
        "log_dest stderr",
        # Mosquitto reads one type per log_type line (measured: the rest of a line is ignored).
        "log_type error",
        "log_type warning",
        "log_type notice",
        "log_type information",
    ]


def test_config_explains_its_deliberate_choices() -> None:
    text = render_config(make_site())
    assert "nobody can take over an appliance's connection" in text  # why the client id is bound
    assert "refuses a SUBSCRIBE" in text  # why the plugin and not acl_file
    assert "BEFORE it loads" in text  # why `user` is set and the key handed to that account


def _rights(site: BrokerSite) -> dict[str, set[tuple[str, str]]]:
    document = json.loads(render_access(site))
    assert document["defaultACLAccess"] == {
        "publishClientSend": False, "publishClientReceive": False, "subscribe": False, "unsubscribe": True,
    }
    roles = {r["rolename"]: {(a["acltype"], a["topic"]) for a in r["acls"]} for r in document["roles"]}
    return {c["username"]: roles[c["roles"][0]["rolename"]] for c in document["clients"]}


def test_each_identity_has_exactly_its_topics() -> None:
    rights = _rights(make_site())
    watch = {(k, t) for t in ("edged/+/status", "edged/+/telemetry")
             for k in ("subscribePattern", "publishClientReceive")}
    assert rights["alice"] == watch | {
        ("publishClientSend", "edged/+/req/alice"),
        ("publishClientSend", "edged/pool/+/req/alice"),
        ("subscribePattern", "edged/+/resp/alice/#"),
        ("publishClientReceive", "edged/+/resp/alice/#"),
        ("subscribePattern", "edged/pool/+/resp/alice/#"),
        ("publishClientReceive", "edged/pool/+/resp/alice/#"),
    }
    assert rights["dev-2"] == watch | {
        ("subscribePattern", "edged/dev-2/req/+"),
        ("publishClientReceive", "edged/dev-2/req/+"),
        ("publishClientSend", "edged/dev-2/resp/#"),
        ("publishClientSend", "edged/dev-2/status"),
        ("publishClientSend", "edged/dev-2/telemetry"),
    }
    assert ("subscribePattern", "$share/line4/edged/pool/line4/req/+") in rights["dev-1"]
    assert not any("$share" in topic for _, topic in rights["dev-2"] | rights["alice"])


def test_rights_use_the_prefix() -> None:
    text = render_access(make_site(prefix="acme/plant3", devices=(DeviceAccess(id="d", pools=("p",)),)))
    assert "acme/plant3/+/req/alice" in text and "$share/p/acme/plant3/pool/p/req/+" in text
    assert "edged/" not in text


@pytest.mark.parametrize("overrides", [
    {"prefix": "edged/+"},
    {"prefix": "edged/#"},
    {"prefix": "$SYS"},
    {"prefix": "a//b"},
    {"prefix": "%u"},
    {"prefix": "has space"},
    {"port": 0},
    {"cafile": Path("relative/ca.crt")},
    {"user": "Root Admin"},
    {"persistence": True},  # extra="forbid": a typo never silently does nothing
    {"devices": (DeviceAccess(id="a"), DeviceAccess(id="a"))},
    {"clients": ("dev-1",)},  # a name is one role: a client may not carry a device's name
    {"clients": ("al/ice",)},
])
def test_invalid_settings_are_refused(overrides: dict[str, object]) -> None:
    with pytest.raises(ValidationError):
        make_site(**overrides)


@pytest.mark.parametrize("text", ["pool", "dev/1", "dev-1:line 3", "dev-1:line+", ":line3", "a#"])
def test_invalid_devices_are_refused(text: str) -> None:
    with pytest.raises(ValidationError):
        DeviceAccess.parse(text)


def test_device_parse() -> None:
    assert DeviceAccess.parse("dev-1") == DeviceAccess(id="dev-1")
    assert DeviceAccess.parse("dev-1:line3,line4") == DeviceAccess(id="dev-1", pools=("line3", "line4"))


def test_write_is_idempotent_and_never_clobbers_other_content(tmp_path: Path) -> None:
    for name in ("ca.crt", "broker.crt", "broker.key", "crl.pem"):
        (tmp_path / name).write_text("x")
    site = make_site(cafile=tmp_path / "ca.crt", certfile=tmp_path / "broker.crt",
                     keyfile=tmp_path / "broker.key", crlfile=tmp_path / "crl.pem",
                     access_file=tmp_path / "out" / "dynamic-security.json", user="root")
    files = write_broker_config(site, tmp_path / "out")
    assert files.config.read_text() == render_config(site)
    assert files.access.read_text() == render_access(site)
    assert stat.S_IMODE(files.config.stat().st_mode) == 0o644
    write_broker_config(site, tmp_path / "out")  # same settings: nothing to do

    changed = site.model_copy(update={"devices": (DeviceAccess(id="dev-9"),)})
    with pytest.raises(PkiError) as err:
        write_broker_config(changed, tmp_path / "out")
    assert err.value.code == "exists"
    write_broker_config(changed, tmp_path / "out", force=True)
    assert '"username": "dev-9"' in files.access.read_text()


def test_write_refuses_missing_certificates(tmp_path: Path) -> None:
    with pytest.raises(PkiError) as err:
        write_broker_config(make_site(), tmp_path)
    assert err.value.code == "not_found"


def _site_files(folder: Path, user: str) -> BrokerSite:
    for name in ("ca.crt", "broker.crt", "crl.pem"):
        (folder / name).write_text("x")
        (folder / name).chmod(0o644)
    (folder / "broker.key").write_text("secret")
    (folder / "broker.key").chmod(0o600)
    return make_site(cafile=folder / "ca.crt", certfile=folder / "broker.crt", keyfile=folder / "broker.key",
                     crlfile=folder / "crl.pem", access_file=folder / "dynamic-security.json", user=user)


@pytest.mark.skipif(os.geteuid() != 0, reason="handing a file to another account needs root")
def test_as_root_the_key_is_handed_to_the_account_mosquitto_switches_to() -> None:
    nobody = pwd.getpwnam("nobody")
    folder = Path(tempfile.mkdtemp())  # /tmp/...: reachable by other accounts, like /etc/edged/pki
    try:
        folder.chmod(0o755)
        site = _site_files(folder, "nobody")
        write_broker_config(site, folder)
        key = folder / "broker.key"
        assert key.stat().st_uid == nobody.pw_uid
        assert stat.S_IMODE(key.stat().st_mode) == 0o600
    finally:
        shutil.rmtree(folder)


@pytest.mark.skipif(os.geteuid() != 0, reason="only root can start Mosquitto as another account")
def test_as_root_files_the_broker_account_cannot_reach_are_an_error(tmp_path: Path) -> None:
    # pytest's temporary folders are 0700: the account could not even reach them.
    with pytest.raises(ConfigError) as err:
        write_broker_config(_site_files(tmp_path, "nobody"), tmp_path)
    assert "nobody" in err.value.message
    assert "ca.crt" in err.value.message
