"""The ``edged pki`` and ``edged broker`` commands. cryptography and pydantic are imported inside
the handlers, so ``edged --help`` stays fast."""

from __future__ import annotations

import argparse
import json
from datetime import datetime, timezone
from pathlib import Path
from typing import TYPE_CHECKING, Any

from edged.errors import ConfigError, PkiError

if TYPE_CHECKING:
    from edged.provisioning.pki import CertRecord, IssuedCert

KIND_CHOICES = ("server", "device", "client")
CRL_WARN_DAYS = 7


def _say(text: str) -> None:
    print(text)  # noqa: T201 - a CLI prints


def _print_json(data: object) -> None:
    _say(json.dumps(data, indent=2, ensure_ascii=False, default=str))


def _issued_text(result: IssuedCert) -> str:
    key = f", key {result.key} (0600)" if result.key else ""
    return (f"issued {result.kind} certificate CN={result.cn} serial {result.serial_hex}: "
            f"{result.cert}{key}, CA {result.ca}; valid until {result.not_after:%Y-%m-%d %H:%M} UTC")


# -- pki ---------------------------------------------------------------------------------------


def cmd_pki_init_ca(args: argparse.Namespace) -> int:
    from edged.provisioning.pki import init_ca, read_crl

    files = init_ca(Path(args.dir), name=args.name, days=args.days, crl_days=args.crl_days, force=args.force)
    crl = read_crl(files.crl)
    _say(f"created CA in {files.dir}: {files.cert.name}, {files.key.name} (0600, keep it offline or "
         f"backed up), {files.crl.name} (empty, next update {crl.next_update:%Y-%m-%d})")
    return 0


def cmd_pki_issue(args: argparse.Namespace) -> int:
    from edged.provisioning.pki import issue

    result = issue(Path(args.ca), args.kind, args.cn, Path(args.out), sans=args.san, days=args.days,
                   force=args.force)
    _say(_issued_text(result))
    return 0


def cmd_pki_csr(args: argparse.Namespace) -> int:
    from edged.provisioning.pki import create_csr

    out = Path(args.out)
    files = create_csr(args.cn, out / f"{args.cn}.key", out / f"{args.cn}.csr", sans=args.san,
                       force=args.force)
    _say(f"created {files.key} (0600, stays here) and {files.csr}: have the site CA sign the CSR "
         f"(with edged: edged pki sign --ca DIR --csr {files.csr} --kind device --out DIR)")
    return 0


def cmd_pki_sign(args: argparse.Namespace) -> int:
    from edged.provisioning.pki import sign_csr

    result = sign_csr(Path(args.ca), Path(args.csr), args.kind, args.days, out_dir=Path(args.out),
                      sans=args.san, force=args.force)
    _say(_issued_text(result))
    return 0


def cmd_pki_revoke(args: argparse.Namespace) -> int:
    from edged.provisioning.pki import CaFiles, parse_serial, read_crl, revoke

    ca = Path(args.ca)
    target: Path | int | str
    if args.cert:
        target = Path(args.cert)
    elif args.serial:
        target = parse_serial(args.serial)
    else:
        target = args.cn
    revoked = revoke(ca, target)
    crl = read_crl(CaFiles.at(ca).crl)
    for record in revoked:
        _say(f"revoked {record.kind} CN={record.cn} serial {record.serial_hex}")
    if not revoked:
        _say("already revoked; nothing changed")
    _say(f"CRL #{crl.number} lists {len(crl.revoked)} certificate(s); reload the broker to apply it "
         "(systemctl reload mosquitto, or kill -HUP its pid). Sessions already connected stay "
         "connected until they reconnect: restart the broker to drop them now.")
    return 0


def cmd_pki_crl(args: argparse.Namespace) -> int:
    from edged.provisioning.pki import renew_crl

    crl = renew_crl(Path(args.ca), days=args.days)
    _say(f"wrote {crl.path} (CRL #{crl.number}, {len(crl.revoked)} revoked, next update "
         f"{crl.next_update:%Y-%m-%d %H:%M} UTC); reload the broker to apply it")
    return 0


def cmd_pki_renew(args: argparse.Namespace) -> int:
    """A renewal CSR for this appliance's certificate, from edged.toml or from --cn and --key."""
    from edged.certificates import read_certificate
    from edged.provisioning.pki import renew_csr

    cert: Path | None = None
    if args.config:
        from edged.config import load_config
        from edged.service.systemd import key_on_disk

        config_path = Path(args.config)
        config = load_config(config_path)
        cn, cert = args.cn or config.device_id, config.mqtt.cert
        key = Path(args.key) if args.key else key_on_disk(config.mqtt.key, config_path)
    elif args.cn and args.key:
        cn, key = args.cn, Path(args.key)
    else:
        raise ConfigError("edged pki renew needs --config edged.toml, or --cn and --key.", code="bad_request")
    out = Path(args.out) if args.out else key.parent / "renew"
    files = renew_csr(key, cn, out / f"{cn}.csr", new_key_path=out / f"{cn}.key" if args.new_key else None,
                      force=args.force)
    signer = f"a new key {files.key} (0600)" if args.new_key else f"the current key {files.key}"
    _say(f"created {files.csr} for CN={cn}, signed by {signer}")
    if cert is not None and cert.is_file():
        current = read_certificate(cert)
        _say(f"the current certificate {cert} expires {current.not_after:%Y-%m-%d %H:%M} UTC "
             f"(in {int(current.days_left())} days)")
    target = cert if cert is not None else "the device certificate"
    # A reload re-reads the certificate without dropping requests; a new key comes to the service
    # through LoadCredential=, which systemd copies only when the service starts.
    then = ("then restart edged (systemctl restart edged: the service reads a new key only at start)"
            if args.new_key else "then systemctl reload edged (no restart: requests are not dropped)")
    _say(f"next: have the site CA sign it: edged pki sign --ca CA_DIR --csr {files.csr} --kind device "
         f"--out {out}; copy {out}/{cn}.crt over {target}"
         f"{f' and {files.key} over {key}' if args.new_key else ''}; {then}")
    return 0


def _status(record: CertRecord, now: datetime) -> str:
    if record.revoked:
        return "revoked"
    return "expired" if record.expired(now) else "valid"


def cmd_pki_list(args: argparse.Namespace) -> int:
    from edged.provisioning.pki import CaFiles, list_certs, read_crl

    ca = Path(args.ca)
    records = list_certs(ca)
    crl = read_crl(CaFiles.at(ca).crl)
    now = datetime.now(timezone.utc)
    if args.json:
        _print_json({
            "certificates": [{**r.to_json(), "status": _status(r, now)} for r in records],
            "crl": {"number": crl.number, "next_update": crl.next_update.isoformat(),
                    "revoked": [format(s, "x") for s in crl.revoked]},
        })
        return 0
    for r in records:
        sans = f"  [{', '.join(r.sans)}]" if r.sans else ""
        _say(f"{r.serial_hex:>40}  {r.kind:<6}  {r.cn:<24}  until {r.not_after:%Y-%m-%d}  "
             f"{_status(r, now)}{sans}")
    if not records:
        _say(f"no certificates issued yet; issue one with: "
             f"edged pki issue client --ca {ca} --cn NAME --out DIR")
    left = crl.next_update - now
    warning = ""
    if left.total_seconds() <= 0:
        warning = "  EXPIRED: the broker refuses every client; run edged pki crl"
    elif left.days < CRL_WARN_DAYS:
        warning = "  renew it soon: edged pki crl"
    _say(f"CRL #{crl.number}: {len(crl.revoked)} revoked, next update {crl.next_update:%Y-%m-%d %H:%M} UTC"
         f"{warning}")
    return 0


# -- broker ------------------------------------------------------------------------------------


def _server_pair(folder: Path) -> tuple[Path, Path]:
    """The one ``<cn>.crt`` + ``<cn>.key`` pair that ``edged pki issue server`` left in ``folder``."""
    pairs = [(c, c.with_suffix(".key")) for c in sorted(folder.glob("*.crt"))
             if c.name != "ca.crt" and c.with_suffix(".key").is_file()]
    if len(pairs) != 1:
        found = ", ".join(c.name for c, _ in pairs) or "none"
        raise PkiError(
            f"{folder} must hold exactly one server certificate with its key (found: {found}); "
            f"make one with: edged pki issue server --ca DIR --cn NAME --san HOST --out {folder}",
            code="not_found",
        )
    return pairs[0]


def cmd_broker_config(args: argparse.Namespace) -> int:
    from pydantic import ValidationError

    from edged.provisioning import pki
    from edged.provisioning.broker import ACCESS_NAME, BrokerSite, DeviceAccess, write_broker_config

    ca = Path(args.ca).resolve()
    cert, key = _server_pair(Path(args.server_cert_dir).resolve())
    out = Path(args.out).resolve()
    settings: dict[str, Any] = {
        "host": args.host, "port": args.port, "prefix": args.prefix, "user": args.user,
        "cafile": ca / "ca.crt", "certfile": cert, "keyfile": key,
        "crlfile": Path(args.crl).resolve() if args.crl else ca / "crl.pem",
        "access_file": out / ACCESS_NAME,
        "persistence_dir": Path(args.persistence_dir).resolve() if args.persistence_dir else None,
    }
    def problems(exc: ValidationError) -> str:
        return "; ".join(
            ".".join(str(p) for p in e["loc"]) + ": " + e["msg"].removeprefix("Value error, ").rstrip(".")
            for e in exc.errors()
        )

    devices = []
    for text in args.device:
        try:
            devices.append(DeviceAccess.parse(text))
        except ValidationError as exc:
            raise ConfigError(f"--device {text}: {problems(exc)}.", code="bad_request") from None
    # Every client certificate the CA issued and did not revoke gets its rights; devices come with
    # their pools from --device. A new client: issue it, run this again, restart the broker.
    listed = {d.id for d in devices}
    clients = tuple(sorted({
        c.cn for c in pki.list_certs(ca) if c.kind == "client" and not c.revoked and c.cn not in listed
    }))
    try:
        site = BrokerSite(**settings, devices=tuple(devices), clients=clients)
    except ValidationError as exc:
        raise ConfigError(f"Invalid broker settings: {problems(exc)}.", code="bad_request") from None
    files = write_broker_config(site, out, force=args.force)
    _say(f"wrote {files.config} and {files.access} ({len(site.devices)} appliance(s), "
         f"{len(site.clients)} client(s), listener "
         f"{site.host}:{site.port}); run it with: mosquitto -c {files.config}")
    for note in files.notes:
        _say(f"note: if started as root, Mosquitto (as {site.user}) could not read {note}")
    return 0


# -- parser ------------------------------------------------------------------------------------


def add_commands(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Register ``pki`` and ``broker`` on the ``edged`` command's subparsers."""
    pki = commands.add_parser("pki", help="site CA, certificates, CSRs and the CRL").add_subparsers(
        dest="pki_command", required=True, metavar="COMMAND")
    _add_pki_issuing(pki)
    _add_pki_upkeep(pki)
    _add_broker(commands)


def _add_pki_issuing(pki: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """The CA itself and the certificates it signs: init-ca, issue, csr, sign."""
    init = pki.add_parser("init-ca", help="create the site CA (with an empty CRL)")
    init.add_argument("--dir", required=True, metavar="DIR", help="CA directory to create")
    init.add_argument("--name", default="edged site CA", help="the CA's common name")
    init.add_argument("--days", type=int, default=3650, help="CA validity (default 3650)")
    init.add_argument("--crl-days", type=int, default=30,
                      help="each CRL's validity; renew before it ends (default 30)")
    init.add_argument("--force", action="store_true", help="replace an existing CA (invalidates all "
                      "certificates it issued)")
    init.set_defaults(handler=cmd_pki_init_ca)

    issue = pki.add_parser("issue", help="make a key and certificate for the broker, an appliance or a "
                           "client")
    issue.add_argument("kind", choices=KIND_CHOICES)
    issue.add_argument("--ca", required=True, metavar="DIR", help="CA directory")
    issue.add_argument("--cn", required=True, help="device id, client id or the broker's name")
    issue.add_argument("--san", action="append", default=[], metavar="DNS_OR_IP",
                       help="name clients connect to (server certificates; repeat for each)")
    issue.add_argument("--out", required=True, metavar="DIR",
                       help="where <cn>.crt, <cn>.key and ca.crt go")
    issue.add_argument("--days", type=int, help="validity (default 825)")
    issue.add_argument("--force", action="store_true", help="replace an existing key and certificate")
    issue.set_defaults(handler=cmd_pki_issue)

    csr = pki.add_parser("csr", help="make a key and a CSR for a site that runs its own CA")
    csr.add_argument("--cn", required=True)
    csr.add_argument("--san", action="append", default=[], metavar="DNS_OR_IP")
    csr.add_argument("--out", required=True, metavar="DIR", help="where <cn>.key and <cn>.csr go")
    csr.add_argument("--force", action="store_true")
    csr.set_defaults(handler=cmd_pki_csr)

    sign = pki.add_parser("sign", help="sign a CSR with the site CA")
    sign.add_argument("--ca", required=True, metavar="DIR")
    sign.add_argument("--csr", required=True, metavar="FILE")
    sign.add_argument("--kind", required=True, choices=KIND_CHOICES)
    sign.add_argument("--san", action="append", default=[], metavar="DNS_OR_IP",
                      help="extra names for a server certificate (the CSR's own are kept)")
    sign.add_argument("--out", required=True, metavar="DIR", help="where <cn>.crt and ca.crt go")
    sign.add_argument("--days", type=int, help="validity (default 825)")
    sign.add_argument("--force", action="store_true")
    sign.set_defaults(handler=cmd_pki_sign)


def _add_pki_upkeep(pki: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Keeping a site's certificates current: revoke, crl, list, renew."""
    revoke = pki.add_parser("revoke", help="revoke certificates and rewrite the CRL")
    revoke.add_argument("--ca", required=True, metavar="DIR")
    which = revoke.add_mutually_exclusive_group(required=True)
    which.add_argument("--cn", help="every valid certificate with this CN")
    which.add_argument("--serial", metavar="HEX")
    which.add_argument("--cert", metavar="FILE")
    revoke.set_defaults(handler=cmd_pki_revoke)

    crl = pki.add_parser("crl", help="renew the CRL (the broker refuses everyone once it expires)")
    crl.add_argument("--ca", required=True, metavar="DIR")
    crl.add_argument("--days", type=int, help="validity of this and later CRLs (default: the CA's)")
    crl.set_defaults(handler=cmd_pki_crl)

    listing = pki.add_parser("list", help="certificates issued by the CA, and the CRL's state")
    listing.add_argument("--ca", required=True, metavar="DIR")
    listing.add_argument("--json", action="store_true")
    listing.set_defaults(handler=cmd_pki_list)

    renew = pki.add_parser("renew", help="make a CSR that renews this appliance's certificate "
                           "(same key, or --new-key)")
    renew.add_argument("--config", metavar="FILE", help="edged.toml: CN, key and certificate from it")
    renew.add_argument("--cn", help="device id (default: the config's device_id)")
    renew.add_argument("--key", metavar="FILE", help="the current key (default: the config's mqtt.key, "
                       "found through edged.service's LoadCredential= when it is a bare name)")
    renew.add_argument("--new-key", action="store_true", help="sign the CSR with a new key written "
                       "beside it, instead of the current one")
    renew.add_argument("--out", metavar="DIR", help="where <cn>.csr (and the new key) go "
                       "(default: renew/ beside the key)")
    renew.add_argument("--force", action="store_true", help="replace an earlier CSR or new key")
    renew.set_defaults(handler=cmd_pki_renew)


def _add_broker(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    broker = commands.add_parser("broker", help="the site's Mosquitto broker").add_subparsers(
        dest="broker_command", required=True, metavar="COMMAND")
    config = broker.add_parser(
        "config", help="write mosquitto.conf and the dynamic-security rights (appliances from --device, "
        "clients from the CA's index)"
    )
    config.add_argument("--ca", required=True, metavar="DIR", help="CA directory (ca.crt, crl.pem)")
    config.add_argument("--server-cert-dir", required=True, metavar="DIR",
                        help="output of `edged pki issue server`")
    config.add_argument("--out", required=True, metavar="DIR",
                        help="where mosquitto.conf and dynamic-security.json go")
    config.add_argument("--host", default="0.0.0.0", help="listen address (default 0.0.0.0)")  # noqa: S104 - the broker serves the plant network
    config.add_argument("--port", type=int, default=8883)
    config.add_argument("--prefix", default="edged", help="topic prefix (default edged)")
    config.add_argument("--device", action="append", default=[], metavar="ID[:POOL[,POOL]]",
                        help="an appliance and the pools it serves (repeat for each)")
    config.add_argument("--user", default="mosquitto",
                        help="account Mosquitto switches to when started as root (default mosquitto)")
    config.add_argument("--crl", metavar="FILE", help="CRL file (default: the CA's crl.pem)")
    config.add_argument("--persistence-dir", metavar="DIR",
                        help="keep sessions and queued QoS 1 requests across broker restarts here "
                             "(e.g. /var/lib/mosquitto); default: no persistence")
    config.add_argument("--force", action="store_true", help="replace files with other content")
    config.set_defaults(handler=cmd_broker_config)
