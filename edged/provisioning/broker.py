"""The site's Mosquitto broker: its settings (``BrokerSite``), the config and ACL they render to,
and writing them so that the broker, once it drops root, can still read what it needs."""

from __future__ import annotations

import dataclasses
import grp
import logging
import os
import pwd
import re
import shutil
import stat
from pathlib import Path
from typing import Annotated

from pydantic import AfterValidator, BaseModel, ConfigDict, Field, field_validator, model_validator

from edged.errors import ConfigError, PkiError
from edged.provisioning.pki import validate_id, write_file_atomic

log = logging.getLogger(__name__)

CONFIG_NAME = "mosquitto.conf"
ACL_NAME = "acl"
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


class DeviceAccess(BaseModel):
    """One appliance: its certificate CN and the pools it serves."""

    model_config = ConfigDict(frozen=True, extra="forbid")

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


class BrokerSite(BaseModel):
    """Everything that decides one site's broker config and ACL."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    host: str = Field(default="0.0.0.0", description="Address the TLS listener binds to.")  # noqa: S104 - a broker serves the plant network
    port: int = Field(default=8883, ge=1, le=65535, description="TLS listener port.")
    cafile: AbsPath = Field(description="CA certificate that client and appliance certificates chain to.")
    certfile: AbsPath = Field(description="The broker's server certificate.")
    keyfile: AbsPath = Field(description="The broker's private key.")
    crlfile: AbsPath = Field(description="CRL of the site CA; re-read on SIGHUP.")
    acl_file: AbsPath = Field(description="Where the rendered ACL is written and read from.")
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
        return self


def render_config(site: BrokerSite) -> str:
    """The ``mosquitto.conf`` of the site: one mutual-TLS listener, identity = certificate CN."""
    lines = [
        "# Mosquitto for an edged site. Generated by `edged broker config`: change its options and",
        "# run it again rather than editing this file.",
        "",
        "per_listener_settings false",
        "# Started as root (systemd, or by hand) Mosquitto switches to this account BEFORE it loads",
        "# its key, and re-reads the CRL and ACL as that account on SIGHUP. We keep the switch and",
        "# make the files readable by the account (`edged broker config` hands the key to it when run",
        "# as root) rather than run a network daemon as root. Started as any other user, it is ignored.",
        f"user {site.user}",
        *_persistence_lines(site),
        "",
        "# use_username_as_clientid is deliberately NOT set. It would stop a certificate holder from",
        "# taking over someone else's client id (which only disconnects that client: the ACL is",
        "# keyed on the certificate CN, not the client id), but it would also make every process",
        "# that shares one certificate (several HMI workers, several edged workers, $share pool",
        "# members restarted side by side) kick each other off. edged connects as edged-<device id>",
        "# so that its persistent session (and the requests queued in it) survives its own restart.",
        f"listener {site.port} {site.host}",
        f"cafile {site.cafile}",
        f"certfile {site.certfile}",
        f"keyfile {site.keyfile}",
        "# A missing crlfile stops the broker at start; an expired one (next update passed) refuses",
        "# every client. Renew it with `edged pki crl` well before, then SIGHUP the broker.",
        f"crlfile {site.crlfile}",
        "require_certificate true",
        "use_identity_as_username true",
        "# The minimum version; TLS 1.3 is negotiated where both sides have it.",
        "tls_version tlsv1.2",
        "allow_anonymous false",
        "# Without it every QoS 1 round trip waits on Nagle + delayed ACK (88 ms instead of 0.4 ms).",
        "set_tcp_nodelay true",
        f"acl_file {site.acl_file}",
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
        "# served, not lost. Saved at a clean stop and every autosave_interval seconds.",
        "persistence true",
        f"persistence_location {site.persistence_dir}/",
        "autosave_interval 30",
    ]


def render_acl(site: BrokerSite) -> str:
    """The ACL of the edged MQTT API (see DESIGN.md, "MQTT API"); ``%u`` is the certificate CN."""
    p = site.prefix
    lines = [
        "# ACL for an edged site. Generated by `edged broker config`; %u is the certificate CN.",
        "# `pattern` lines apply to every authenticated user; a `topic` line before any `user` line",
        "# would apply to anonymous clients only. Mosquitto warns that the status and telemetry",
        "# patterns contain no %u or %c: they are meant for everyone.",
        "",
        "# Clients send requests only under their own name, so an appliance can trust the last",
        "# topic level as the sender's identity, and read replies only under their own name.",
        f"pattern write {p}/+/req/%u",
        f"pattern read {p}/+/resp/%u/#",
        f"pattern write {p}/pool/+/req/%u",
        f"pattern read {p}/pool/+/resp/%u/#",
        "# Everyone may watch the appliances' retained status and their telemetry.",
        f"pattern read {p}/+/status",
        f"pattern read {p}/+/telemetry",
    ]
    for device in site.devices:
        d = device.id
        lines += [
            "",
            f"# Appliance {d}" + (f", serving pool(s) {', '.join(device.pools)}" if device.pools else ""),
            f"user {d}",
            f"topic read {p}/{d}/req/+",
            f"topic write {p}/{d}/resp/#",
            f"topic write {p}/{d}/status",
            f"topic write {p}/{d}/telemetry",
        ]
        for pool in device.pools:
            # The appliance subscribes to $share/<pool>/<p>/pool/<pool>/req/+. Mosquitto grants
            # every SUBSCRIBE and checks `read` against the message's own topic when it delivers,
            # so this plain line is what lets the shared subscription work. Measured: without it
            # the broker still gives this member its round-robin turns and drops those requests.
            # The same holds for ANY authenticated user that joins the share group: acl_file cannot
            # refuse the SUBSCRIBE, so it can swallow its turns (clients retry on their deadline;
            # a broker with subscribe ACLs, e.g. the dynamic-security plugin, closes this).
            lines += [
                f"topic read {p}/pool/{pool}/req/+",
                f"topic write {p}/pool/{pool}/resp/#",
            ]
    lines.append("")
    return "\n".join(lines)


@dataclasses.dataclass(frozen=True)
class BrokerFiles:
    config: Path
    acl: Path
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
    """Write ``mosquitto.conf`` into ``out_dir`` and the ACL to ``site.acl_file``.

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
    _write_if_changed(site.acl_file, render_acl(site), force=force)
    problems = _grant_and_check_access(site)
    if problems and os.geteuid() == 0:
        raise ConfigError(
            f"Mosquitto, running as {site.user!r}, could not read: " + "; ".join(problems)
            + f". Make those paths readable by {site.user} (or pass --user for another account).",
        )
    return BrokerFiles(config, site.acl_file, tuple(problems))


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
        for path in (site.cafile, site.certfile, site.keyfile, site.crlfile, site.acl_file)
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
