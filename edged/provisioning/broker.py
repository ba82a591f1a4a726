"""The site's Mosquitto broker: its settings (``BrokerSite``), the config and ACL they render to,
and writing them so that the broker, once it drops root, can still read what it needs."""

from __future__ import annotations

import dataclasses
import grp
import json
import logging
import os
import pwd
import re
import shutil
import stat
from pathlib import Path
from typing import Annotated

from pydantic import AfterValidator, Field, field_validator, model_validator

from edged.basemodel import StrictModel
from edged.errors import ConfigError, PkiError
from edged.provisioning.pki import validate_id, write_file_atomic

log = logging.getLogger(__name__)

CONFIG_NAME = "mosquitto.conf"
ACCESS_NAME = "dynamic-security.json"
# Debian and Ubuntu ship the plugin inside the mosquitto package, per architecture.
DYNSEC_PLUGIN_GLOBS = (
    "/usr/lib/*/mosquitto_dynamic_security.so",
    "/usr/lib/mosquitto_dynamic_security.so",
    "/usr/local/lib/mosquitto_dynamic_security.so",
)
# A device called "pool" would read `P/pool/req/+`, the level under which pools live.
RESERVED_DEVICE_IDS = frozenset({"pool"})
_PREFIX_LEVEL_RE = re.compile(r"[A-Za-z0-9._-]{1,64}")


def _id(what: str) -> AfterValidator:
    def check(value: str) -> str:
        try:
            return validate_id(value, what)
        except PkiError as exc:
            raise ValueError(exc.message) from None

    return AfterValidator(check)


def _absolute(value: Path) -> Path:
    # Mosquitto resolves relative paths against its working directory, which systemd sets to /.
    if not value.is_absolute():
        raise ValueError(f"{value} must be an absolute path")
    return value


AbsPath = Annotated[Path, AfterValidator(_absolute)]


class DeviceAccess(StrictModel):
    """One appliance: its certificate CN and the pools it serves."""

    id: Annotated[str, _id("device id")] = Field(description="The appliance's certificate CN.")
    pools: tuple[Annotated[str, _id("pool name")], ...] = Field(
        default=(), description="Pools whose shared requests this appliance serves.")

    @field_validator("id")
    @classmethod
    def _not_reserved(cls, value: str) -> str:
        if value in RESERVED_DEVICE_IDS:
            raise ValueError(f"device id {value!r} is reserved: pool topics live under <prefix>/{value}/")
        return value

    @classmethod
    def parse(cls, text: str) -> DeviceAccess:
        """``ID`` or ``ID:POOL[,POOL...]``, as ``edged broker config --device`` takes it."""
        device, _, pools = text.partition(":")
        return cls(id=device, pools=tuple(p for p in pools.split(",") if p))


class BrokerSite(StrictModel):
    """Everything that decides one site's broker config and ACL."""

    host: str = Field(default="0.0.0.0", description="Address the TLS listener binds to.")  # noqa: S104 - a broker serves the plant network
    port: int = Field(default=8883, ge=1, le=65535, description="TLS listener port.")
    cafile: AbsPath = Field(description="CA certificate that client and appliance certificates chain to.")
    certfile: AbsPath = Field(description="The broker's server certificate.")
    keyfile: AbsPath = Field(description="The broker's private key.")
    crlfile: AbsPath = Field(description="CRL of the site CA; re-read on SIGHUP.")
    access_file: AbsPath = Field(
        description="Where the dynamic-security plugin's file (identities, roles, ACLs) is written."
    )
    clients: tuple[str, ...] = Field(
        default=(),
        description="Client identities (certificate CNs) allowed to send requests; `edged broker "
        "config` takes every unrevoked client certificate from the CA's index.",
    )
    dynsec_plugin: AbsPath | None = Field(
        default=None, description="Path of mosquitto_dynamic_security.so (default: found on this machine)."
    )
    prefix: str = Field(default="edged", description="Topic prefix of the edged API.")
    devices: tuple[DeviceAccess, ...] = Field(default=(), description="Appliances and their pools.")
    persistence_dir: AbsPath | None = Field(
        default=None,
        description="Where Mosquitto keeps sessions and queued QoS 1 messages across a restart; "
                    "None turns persistence off.",
    )
    user: str = Field(
        default="mosquitto",
        description="Account Mosquitto switches to when started as root; it must be able to read the "
                    "key, certificates, CRL and ACL.",
    )

    @field_validator("prefix")
    @classmethod
    def _prefix(cls, value: str) -> str:
        # The prefix is pasted into ACL lines: no wildcards, no %-substitutions, no spaces, no $SYS.
        if not all(_PREFIX_LEVEL_RE.fullmatch(level) for level in value.split("/")):
            raise ValueError(
                f"prefix {value!r} must be one or more '/'-separated levels of A-Z a-z 0-9 . _ -",
            )
        return value

    @field_validator("user")
    @classmethod
    def _user(cls, value: str) -> str:
        if not re.fullmatch(r"[a-z_][a-z0-9_-]{0,31}", value):
            raise ValueError(f"user {value!r} is not a valid account name")
        return value

    @model_validator(mode="after")
    def _unique_devices(self) -> BrokerSite:
        ids = [d.id for d in self.devices]
        duplicates = sorted({i for i in ids if ids.count(i) > 1})
        if duplicates:
            raise ValueError(f"devices listed twice: {', '.join(duplicates)}")
        both = sorted(set(ids) & set(self.clients))
        if both:
            raise ValueError(f"names both a device and a client: {', '.join(both)}")
        for client in self.clients:
            try:
                validate_id(client, "client id")
            except PkiError as exc:
                raise ValueError(exc.message) from None
        return self


def find_dynsec_plugin() -> Path:
    for pattern in DYNSEC_PLUGIN_GLOBS:
        found = sorted(Path("/").glob(pattern.lstrip("/")))
        if found:
            return found[0]
    raise ConfigError(
        "Mosquitto's dynamic-security plugin (mosquitto_dynamic_security.so) is not on this machine; "
        "install Debian's mosquitto package (apt-get install mosquitto), which ships it.",
        code="not_found",
    )


def render_config(site: BrokerSite) -> str:
    """The ``mosquitto.conf`` of the site: one mutual-TLS listener, identity = certificate CN,
    client id = identity, rights from the dynamic-security plugin."""
    plugin = site.dynsec_plugin or find_dynsec_plugin()
    lines = [
        "# Mosquitto for an edged site. Generated by `edged broker config`: change its options and",
        "# run it again rather than editing this file.",
        "",
        "per_listener_settings false",
        "# Started as root (systemd, or by hand) Mosquitto switches to this account BEFORE it loads",
        "# its key, and re-reads the CRL as that account on SIGHUP. We keep the switch and make the",
        "# files readable by the account (`edged broker config` hands the key to it when run as",
        "# root) rather than run a network daemon as root. Started as any other user, it is ignored.",
        f"user {site.user}",
        *_persistence_lines(site),
        "",
        f"listener {site.port} {site.host}",
        f"cafile {site.cafile}",
        f"certfile {site.certfile}",
        f"keyfile {site.keyfile}",
        "# A missing crlfile stops the broker at start; an expired one (next update passed) refuses",
        "# every client. Renew it with `edged pki crl` well before, then SIGHUP the broker.",
        f"crlfile {site.crlfile}",
        "require_certificate true",
        "# The identity is the certificate's CN (edged pki gives each name one role for good) ...",
        "use_identity_as_username true",
        "# ... and the client id is the identity: a certificate holder cannot connect under another",
        "# identity's client id, so nobody can take over an appliance's connection or session. Each",
        "# process needs its own certificate (two sharing one would take turns being disconnected).",
        "use_username_as_clientid true",
        "# The minimum version; TLS 1.3 is negotiated where both sides have it.",
        "tls_version tlsv1.2",
        "allow_anonymous false",
        "# Without it every QoS 1 round trip waits on Nagle + delayed ACK (88 ms instead of 0.4 ms).",
        "set_tcp_nodelay true",
        "# Rights come from the dynamic-security plugin: unlike acl_file it refuses a SUBSCRIBE, so",
        "# no one but a pool's appliances can join its $share group and swallow its requests.",
        f"plugin {plugin}",
        f"plugin_opt_config_file {site.access_file}",
        "",
        "log_dest stderr",
        # Mosquitto reads only the first type on a log_type line, so one line each.
        "log_type error",
        "log_type warning",
        "log_type notice",
        "log_type information",
        "",
    ]
    return "\n".join(lines)


def _persistence_lines(site: BrokerSite) -> list[str]:
    if site.persistence_dir is None:
        return [
            "# No persistence: a broker restart loses queued requests and sessions. Clients retry on",
            "# their deadline.",
            "persistence false",
        ]
    return [
        "# Persistence keeps the appliances' and clients' sessions, subscriptions and queued QoS 1",
        "# messages across a broker restart, so a request sent while an appliance reconnects is",
        "# served, not lost. Mosquitto writes its store at a clean stop and, here, after every 20",
        "# changes (autosave_on_changes makes autosave_interval a count of changes, not seconds):",
        "# a crash (kill -9, power) can lose what arrived since; clients resend on their deadline.",
        "persistence true",
        f"persistence_location {site.persistence_dir}/",
        "autosave_on_changes true",
        "autosave_interval 20",
    ]


def _acl(kind: str, topic: str) -> dict[str, object]:
    return {"acltype": kind, "topic": topic, "priority": 0, "allow": True}


def _read(topic: str) -> list[dict[str, object]]:
    return [_acl("subscribePattern", topic), _acl("publishClientReceive", topic)]


def render_access(site: BrokerSite) -> str:
    """The dynamic-security document: one role per identity with exactly its topics (the plugin
    has no %u), and nothing for anyone else. Devices and clients never share a name."""
    p = site.prefix
    watch = [*_read(f"{p}/+/status"), *_read(f"{p}/+/telemetry")]  # everyone may watch
    roles: list[dict[str, object]] = []
    clients: list[dict[str, object]] = []
    for device in site.devices:
        d = device.id
        acls = [
            *_read(f"{p}/{d}/req/+"),
            _acl("publishClientSend", f"{p}/{d}/resp/#"),
            _acl("publishClientSend", f"{p}/{d}/status"),
            _acl("publishClientSend", f"{p}/{d}/telemetry"),
            *watch,
        ]
        for pool in device.pools:
            acls += [
                _acl("subscribePattern", f"$share/{pool}/{p}/pool/{pool}/req/+"),
                _acl("publishClientReceive", f"{p}/pool/{pool}/req/+"),
                _acl("publishClientSend", f"{p}/pool/{pool}/resp/#"),
            ]
        roles.append({"rolename": f"device-{d}", "textdescription": f"appliance {d}", "acls": acls})
        clients.append({"username": d, "textname": f"appliance {d}", "roles": [{"rolename": f"device-{d}"}]})
    for c in site.clients:
        acls = [
            _acl("publishClientSend", f"{p}/+/req/{c}"),
            _acl("publishClientSend", f"{p}/pool/+/req/{c}"),
            *_read(f"{p}/+/resp/{c}/#"),
            *_read(f"{p}/pool/+/resp/{c}/#"),
            *watch,
        ]
        roles.append({"rolename": f"client-{c}", "textdescription": f"client {c}", "acls": acls})
        clients.append({"username": c, "textname": f"client {c}", "roles": [{"rolename": f"client-{c}"}]})
    document = {
        "defaultACLAccess": {
            "publishClientSend": False,
            "publishClientReceive": False,
            "subscribe": False,
            "unsubscribe": True,
        },
        "clients": clients,
        "groups": [],
        "roles": roles,
    }
    return json.dumps(document, indent=2) + "\n"


@dataclasses.dataclass(frozen=True)
class BrokerFiles:
    config: Path
    access: Path
    notes: tuple[str, ...] = ()


def _write_if_changed(path: Path, text: str, *, force: bool) -> None:
    data = text.encode()
    if path.exists() and path.read_bytes() == data:
        return  # re-running provisioning with the same settings is a no-op
    if path.exists() and not force:
        raise PkiError(f"{path} exists with other content; pass --force (force=True) to replace it.",
                       code="exists")
    write_file_atomic(path, data, 0o644, force=True)


def write_broker_config(site: BrokerSite, out_dir: Path, *, force: bool = False) -> BrokerFiles:
    """Write ``mosquitto.conf`` into ``out_dir`` and the rights to ``site.access_file``.

    Run as root, it also hands the broker's key to ``site.user`` (mode stays 0600), since
    Mosquitto loads it after switching to that account. Anything else the account cannot read is
    an error when run as root and a note otherwise (a broker started by a normal user keeps that
    user's rights).
    """
    for path, what in ((site.cafile, "CA certificate"), (site.certfile, "server certificate"),
                       (site.keyfile, "server key"), (site.crlfile, "CRL")):
        if not path.is_file():
            raise PkiError(f"The {what} {path} does not exist; create it with `edged pki` first.",
                           code="not_found")
    if site.persistence_dir is not None:
        site.persistence_dir.mkdir(parents=True, exist_ok=True)
        if os.geteuid() == 0:  # the broker writes it after switching to site.user
            shutil.chown(site.persistence_dir, user=site.user)
    config = out_dir / CONFIG_NAME
    _write_if_changed(config, render_config(site), force=force)
    _write_if_changed(site.access_file, render_access(site), force=force)
    problems = _grant_and_check_access(site)
    if problems and os.geteuid() == 0:
        raise ConfigError(
            f"Mosquitto, running as {site.user!r}, could not read: " + "; ".join(problems)
            + f". Make those paths readable by {site.user} (or pass --user for another account).",
        )
    return BrokerFiles(config, site.access_file, tuple(problems))


def _grant_and_check_access(site: BrokerSite) -> list[str]:
    try:
        account = pwd.getpwnam(site.user)
    except KeyError:
        return [f"there is no account {site.user!r} on this machine (install mosquitto, or pass --user)"]
    groups = {account.pw_gid, *(g.gr_gid for g in grp.getgrall() if site.user in g.gr_mem)}
    key = site.keyfile
    if (os.geteuid() == 0 and account.pw_uid != 0
            and not _readable(key, account.pw_uid, groups) and key.stat().st_uid == 0):
        os.chown(key, account.pw_uid, account.pw_gid)
        key.chmod(0o600)
        log.info("handed %s to %s (mode 0600) so the broker can load it", key, site.user)
    return [
        str(path)
        for path in (site.cafile, site.certfile, site.keyfile, site.crlfile, site.access_file)
        if not _readable(path, account.pw_uid, groups)
    ]


def _readable(path: Path, uid: int, gids: set[int]) -> bool:
    """Whether ``uid`` (in groups ``gids``) can open ``path`` for reading, by mode bits alone."""
    if uid == 0:
        return True

    def allowed(st: os.stat_result, user_bit: int, group_bit: int, other_bit: int) -> bool:
        if st.st_uid == uid:
            return bool(st.st_mode & user_bit)
        if st.st_gid in gids:
            return bool(st.st_mode & group_bit)
        return bool(st.st_mode & other_bit)

    resolved = path.resolve()
    for parent in reversed(resolved.parents):
        if not allowed(parent.stat(), stat.S_IXUSR, stat.S_IXGRP, stat.S_IXOTH):
            return False
    return allowed(resolved.stat(), stat.S_IRUSR, stat.S_IRGRP, stat.S_IROTH)
