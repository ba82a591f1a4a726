"""`edged doctor`: check an installation end to end (config, key, certificate, broker over mTLS,
engine against the hardware, clock, the running service) and say what to fix for each problem.

Checks that reach outside (the broker, hardware detection, NTP state, the clock) take that seam as
an argument, so tests aim them at a real test broker or a chosen time.
"""

from __future__ import annotations

import contextlib
import json
import shutil
import socket
import ssl
import subprocess
import urllib.error
import urllib.request
from collections.abc import Callable, Mapping
from dataclasses import asdict, dataclass, field
from datetime import datetime, timezone
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal

from edged.errors import EdgedError
from edged.paths import ENGINE_STORE, PKI_DIR, UNIT_FILE

if TYPE_CHECKING:
    from edged.config import EdgedConfig
    from edged.hardware.match import MatchReport

State = Literal["ok", "warn", "fail", "skip"]
CRL_WARN_DAYS = 7
# No appliance runs this release before it existed: a clock earlier than this is wrong.
CLOCK_FLOOR = datetime(2025, 1, 1, tzinfo=timezone.utc)


@dataclass(frozen=True)
class Finding:
    check: str
    state: State
    detail: str
    fix: str | None = None


def _timedatectl_ntp() -> bool | None:
    """True/False from systemd-timedated; None where there is no such service to ask."""
    binary = shutil.which("timedatectl")
    if binary is None:
        return None
    try:
        out = subprocess.run(  # noqa: S603 - a fixed command found on PATH, no user input
            [binary, "show", "--property=NTPSynchronized", "--value"],
            capture_output=True, text=True, timeout=5, check=True,
        )
    except (OSError, subprocess.SubprocessError):
        return None
    value = out.stdout.strip()
    return {"yes": True, "no": False}.get(value)


@dataclass
class Seams:
    """What the checks use from the outside world; tests replace parts of it."""

    now: Callable[[], datetime] = field(default=lambda: datetime.now(timezone.utc))
    detect: Callable[[], MatchReport] | None = None  # default: edged.hardware.report.detect_and_match
    # Module -> installed distributions (importlib.metadata.packages_distributions by default).
    providers: Callable[[], Mapping[str, list[str]]] | None = None
    ntp_synchronized: Callable[[], bool | None] = field(default=_timedatectl_ntp)
    timeout_s: float = 5.0


# -- the checks --------------------------------------------------------------------------------


def check_config(config_path: Path) -> tuple[Finding, EdgedConfig | None]:
    from edged.config import load_config

    try:
        config = load_config(config_path)
    except EdgedError as exc:
        fix = f"edit {config_path}, then run edged doctor again"
        return Finding("config", "fail", exc.message, fix), None
    return Finding("config", "ok", f"{config_path}: device {config.device_id}, broker "
                   f"{config.mqtt.host}:{config.mqtt.port}"), config


def check_files(config: EdgedConfig) -> Finding:
    files = (("mqtt.ca", config.mqtt.ca), ("mqtt.cert", config.mqtt.cert))
    missing = [f"{name} {path}" for name, path in files if not path.is_file()]
    if missing:
        return Finding("files", "fail", "missing: " + ", ".join(missing),
                       "install the appliance's identity: sudo scripts/install --identity DIR")
    return Finding("files", "ok", f"CA {config.mqtt.ca}, certificate {config.mqtt.cert}")


def check_key(config: EdgedConfig, config_path: Path, unit: Path) -> tuple[Finding, Path | None]:
    from edged.service.systemd import key_on_disk

    key = key_on_disk(config.mqtt.key, config_path, unit)
    if not key.is_file():
        if key.parent == config_path.parent:
            return Finding(
                "key", "fail",
                f"the credential '{key.name}' (mqtt.key) is not loaded by {unit} (no "
                f"LoadCredential={key.name}:...), and {key} does not exist",
                f"add `LoadCredential={key.name}:{PKI_DIR / key.name}` (systemctl edit edged), or set "
                "mqtt.key to the credential the unit loads",
            ), None
        return Finding("key", "fail", f"{key} does not exist",
                       "install the appliance's key: sudo scripts/install --identity DIR"), None
    mode = key.stat().st_mode & 0o777
    if mode & 0o077:
        return Finding("key", "fail", f"{key} has mode {oct(mode)}: others can read the appliance's key",
                       f"chmod 600 {key}"), key
    problem = _key_matches_certificate(key, config.mqtt.cert)
    if problem:
        return Finding("key", "fail", problem,
                       "install the key and certificate of the same identity (sudo scripts/install "
                       "--identity DIR), or renew: edged pki renew --config ..."), key
    return Finding("key", "ok", f"{key} (mode {oct(mode)}) belongs to {config.mqtt.cert}"), key


def _key_matches_certificate(key: Path, cert: Path) -> str | None:
    from cryptography import x509
    from cryptography.hazmat.primitives import serialization

    try:
        private = serialization.load_pem_private_key(key.read_bytes(), password=None)
        certificate = x509.load_pem_x509_certificate(cert.read_bytes())
    except (OSError, ValueError, TypeError) as exc:
        return f"cannot read {key} or {cert}: {exc}"
    if private.public_key() != certificate.public_key():
        return f"{key} is not the key of {cert}"
    return None


def check_certificate(config: EdgedConfig, now: datetime) -> Finding:
    from edged.certificates import RENEW_HINT, read_certificate

    try:
        cert = read_certificate(config.mqtt.cert)
    except EdgedError as exc:
        return Finding("certificate", "fail", exc.message, "install the appliance's certificate")
    wrong = _wrong_identity(config, cert.cn)
    if wrong is not None:
        return wrong
    state = cert.state(now, config.ops.certificate_warn_days)
    until = f"{cert.not_after:%Y-%m-%d %H:%M} UTC"
    days = int(cert.days_left(now))
    if state == "expiring":
        return Finding("certificate", "warn", f"CN={cert.cn} expires in {days} days ({until})", RENEW_HINT)
    if state == "expired":
        return Finding("certificate", "fail", f"CN={cert.cn} expired on {until}: the broker refuses it",
                       RENEW_HINT)
    if state == "not_yet_valid":
        return Finding("certificate", "fail", f"CN={cert.cn} is valid only from "
                       f"{cert.not_before:%Y-%m-%d %H:%M} UTC, later than this machine's clock",
                       "set the clock: timedatectl set-ntp true")
    return Finding("certificate", "ok", f"CN={cert.cn}, valid until {until} ({days} days)")


def _wrong_identity(config: EdgedConfig, cn: str) -> Finding | None:
    """The certificate must name this device and come from the configured CA."""
    from cryptography import x509
    from cryptography.exceptions import InvalidSignature

    if cn != config.device_id:
        return Finding("certificate", "fail",
                       f"{config.mqtt.cert} is for CN={cn}, but device_id is {config.device_id}: the broker "
                       "names the appliance by its certificate, so its topics would not match",
                       "install this device's certificate, or set device_id to the certificate's CN")
    try:
        ca = x509.load_pem_x509_certificate(config.mqtt.ca.read_bytes())
        x509.load_pem_x509_certificate(config.mqtt.cert.read_bytes()).verify_directly_issued_by(ca)
    except (OSError, ValueError, TypeError, InvalidSignature):
        return Finding("certificate", "fail",
                       f"{config.mqtt.cert} was not issued by the CA in {config.mqtt.ca}",
                       "install the site CA's certificate as mqtt.ca, or a certificate that CA issued")
    return None


def check_broker(  # noqa: PLR0911 - one return per way the connection can fail
    config: EdgedConfig, key: Path, timeout_s: float,
) -> Finding:
    from edged.service.tls import probe_tls, tls_context

    mqtt = config.mqtt
    where = f"{mqtt.host}:{mqtt.port}"
    try:
        context = tls_context(mqtt.ca, mqtt.cert, key, check_hostname=not mqtt.tls_insecure_dev_only)
    except EdgedError as exc:
        return Finding("broker", "fail", exc.message, "fix the TLS files named above")
    try:
        outcome = probe_tls(mqtt.host, mqtt.port, context, timeout_s)
    except socket.gaierror as exc:
        return Finding("broker", "fail", f"cannot resolve {mqtt.host}: {exc}",
                       "check mqtt.host and this machine's DNS (/etc/hosts, resolv.conf)")
    except ssl.SSLCertVerificationError as exc:
        return Finding("broker", "fail", f"the broker's certificate at {where} is not trusted: "
                       f"{exc.verify_message}", "mqtt.ca must be the site CA that signed the broker's "
                       "certificate, and mqtt.host a name in that certificate")
    except ssl.SSLError as exc:
        return Finding("broker", "fail", f"TLS with {where} failed: {exc.reason or exc}",
                       _tls_fix(str(exc.reason or exc)))
    except OSError as exc:
        return Finding("broker", "fail", f"cannot reach {where}: {exc.strerror or exc}",
                       "check that the broker runs and this appliance may reach its port (firewall, "
                       "mqtt.host, mqtt.port)")
    if outcome is None:
        return Finding("broker", "ok", f"{where}: mTLS handshake accepted (no MQTT CONNECT: the broker "
                       "binds the client id to this certificate, so one would take over the running "
                       "daemon's session)")
    return Finding("broker", "fail", f"{where} refused this appliance: {outcome}", _tls_fix(outcome))


def _tls_fix(reason: str) -> str:
    text = reason.lower()
    if "revoked" in text:
        return "this appliance's certificate is revoked: issue a new one (edged pki renew --new-key)"
    if "expired" in text:
        return "a certificate expired: renew the appliance's (edged pki renew) or the broker's"
    if "unknown ca" in text or "unknown_ca" in text:
        return "the broker does not trust this appliance's certificate: provision it from the site CA"
    # Mosquitto drops a refused client without saying why: the handshake ends in EOF, or no CONNACK.
    return ("the broker closed the connection: it refuses this certificate (revoked? check edged pki list on "
            "the CA) or its CRL has expired (edged pki crl, then reload the broker); its log says which")


def _stored_engine(config: EdgedConfig,
                   detect: Callable[[], MatchReport]) -> tuple[Any, Any, Any, MatchReport]:
    """The profile, the store, the check of the stored engine, and the hardware report."""
    from edged.engines.loader import check_engine as compare
    from edged.engines.store import EngineStore, default_store
    from edged.hardware.profiles import get_profile

    report = detect()
    name = config.engine.profile
    profile = report.chosen if name == "auto" else get_profile(name)
    store = EngineStore(config.engine.store or default_store())
    result = compare(store, profile, report.facts, model_id=config.engine.model, full=False)
    return profile, store, result, report


def check_adapters(config: EdgedConfig, detect: Callable[[], MatchReport]) -> Finding | None:
    """The LoRA adapters the tasks name: each found, whole, and built for the stored engine
    (None when no task names one)."""
    from edged.engines.adapters import resolve_task_adapters

    named = {name: task.adapter for name, task in config.task_table().items() if task.adapter}
    if not named:
        return None
    try:
        _, _, result, _ = _stored_engine(config, detect)
    except EdgedError as exc:
        return Finding("adapters", "skip", f"needs the engine ({exc.message})")
    resolved = resolve_task_adapters(result.folder, named)
    broken = {task: outcome for task, outcome in resolved.items() if isinstance(outcome, EdgedError)}
    if broken:
        return Finding("adapters", "fail", "; ".join(
            f"task {task} (adapter {named[task]}): [{error.code}] {error.message}"
            for task, error in broken.items()),
            "those tasks' requests fail until then: `edged adapter build --task TASK --from PEFT_DIR "
            "--force`, then reload edged")
    return Finding("adapters", "ok", ", ".join(f"{task}: {named[task]}" for task in sorted(named)))


def check_engine(config: EdgedConfig, detect: Callable[[], MatchReport]) -> Finding:
    try:
        profile, store, result, report = _stored_engine(config, detect)
    except EdgedError as exc:
        return Finding("engine", "fail", exc.message, "build it: edged engine build --profile auto "
                       f"--store {ENGINE_STORE} (GPU profiles also need --checkpoint PATH)")
    if not result.ok:
        problems = [*result.differences, *result.file_problems]
        rebuild = f"edged engine build --profile {profile.name} --store {store.root} --force"
        return Finding("engine", "fail", f"{result.folder}: " + "; ".join(problems), f"rebuild it: {rebuild}")
    mismatch = next((v.reasons for v in report.verdicts if v.name == profile.name and not v.matched), None)
    if mismatch:
        return Finding("engine", "warn", f"{result.folder} matches its fingerprint, but this machine does "
                       f"not match profile {profile.name}: " + "; ".join(mismatch),
                       f"set engine.profile = \"auto\" (detected: {report.chosen.name})")
    return Finding("engine", "ok", f"{profile.name}/{result.manifest.model_id} in {result.folder} matches "
                   "this hardware")


def check_runtime(config: EdgedConfig, seams: Seams) -> Finding:
    """The runtime the chosen profile's backend loads: the right distribution, a Python it has wheels for."""
    from edged.hardware.profiles import get_profile
    from edged.hardware.runtimes import runtime_report

    try:
        report = seams.detect() if seams.detect is not None else None
    except EdgedError as exc:
        return Finding("runtime", "skip", f"no hardware report: {exc.message}")
    if report is None:
        return Finding("runtime", "skip", "no hardware report")
    name = config.engine.profile
    try:
        profile = report.chosen if name == "auto" else get_profile(name)
    except EdgedError as exc:
        return Finding("runtime", "skip", exc.message)
    runtime = runtime_report(profile.engine.backend, seams.providers, jetson=report.facts.kind == "jetson")
    if runtime.problems:
        return Finding("runtime", "fail", f"{profile.engine.backend}: " + "; ".join(runtime.problems),
                       "reinstall as the detail says (scripts/install keeps each runtime apart)")
    found = ", ".join(f"{module} from {'/'.join(dists)}"
                      for module, dists in runtime.providers.items() if dists)
    return Finding("runtime", "ok", f"{profile.engine.backend} on Python {runtime.python}"
                   + (f": {found}" if found else ""))


def check_clock(config: EdgedConfig | None, now: datetime, ntp: bool | None) -> Finding:
    from edged.certificates import read_certificate

    floor, what = CLOCK_FLOOR, "this edged release"
    if config is not None:
        for path in (config.mqtt.ca, config.mqtt.cert):
            with contextlib.suppress(EdgedError):
                start = read_certificate(path).not_before
                if start > floor:
                    floor, what = start, f"{path}, valid from"
    if now < floor:
        return Finding("clock", "fail", f"the clock says {now:%Y-%m-%d %H:%M} UTC, before {what} "
                       f"{floor:%Y-%m-%d %H:%M} UTC: TLS will refuse every certificate",
                       "set the time and keep it set: timedatectl set-ntp true (or chrony), with an NTP "
                       "server reachable from the plant network")
    if ntp is False:
        return Finding("clock", "warn", f"{now:%Y-%m-%d %H:%M} UTC, but not synchronised with NTP",
                       "timedatectl set-ntp true, and make an NTP server reachable (certificates and the "
                       "CRL are checked against this clock)")
    synced = "NTP synchronised" if ntp else "NTP state unknown"
    return Finding("clock", "ok", f"{now:%Y-%m-%d %H:%M} UTC ({synced})")


def check_service(config: EdgedConfig, timeout_s: float) -> Finding:
    ops = config.ops
    if not ops.metrics_enabled or ops.metrics_port == 0:
        return Finding("service", "skip", "no fixed metrics port to ask (ops.metrics_enabled/metrics_port)")
    url = f"http://{ops.metrics_host}:{ops.metrics_port}/healthz"
    try:
        with urllib.request.urlopen(url, timeout=timeout_s) as response:
            body = json.loads(response.read())
    except urllib.error.HTTPError as exc:  # 503: running but not healthy
        try:
            body = json.loads(exc.read())
        except ValueError:
            body = {}
        finally:
            exc.close()
        return Finding("service", "warn", f"edged runs but is not serving: {_health_text(body)}",
                       "journalctl -u edged -e shows why; systemctl status edged shows its last status")
    except (OSError, ValueError) as exc:
        reason = getattr(exc, "reason", exc)  # URLError wraps the socket's error
        return Finding("service", "warn", f"no answer from {url} ({reason}): edged is not running here",
                       "systemctl enable --now edged; then journalctl -u edged -f")
    return Finding("service", "ok", f"running: {_health_text(body)}")


def _health_text(body: dict[str, object]) -> str:
    keys = ("status", "model", "broker_connected", "queue_depth")
    parts = [f"{key} {body[key]}" for key in keys if key in body]
    warnings = body.get("warnings")
    if isinstance(warnings, list) and warnings:
        parts.append("warnings: " + "; ".join(str(w) for w in warnings))
    return ", ".join(parts) or "no details"


def check_crl(ca_dir: Path, now: datetime) -> Finding:
    from edged.provisioning.pki import CaFiles, read_crl

    try:
        crl = read_crl(CaFiles.at(ca_dir).crl)
    except EdgedError as exc:
        return Finding("crl", "fail", exc.message, f"edged pki crl --ca {ca_dir}")
    left = (crl.next_update - now).total_seconds() / 86400
    fix = (f"edged pki crl --ca {ca_dir}, reload the broker, and enable the renewal timer: "
           "systemctl enable --now edged-crl.timer")
    if left <= 0:
        return Finding("crl", "fail", f"{crl.path} expired on {crl.next_update:%Y-%m-%d %H:%M} UTC: the "
                       "broker refuses every client", fix)
    if left < CRL_WARN_DAYS:
        return Finding("crl", "warn", f"{crl.path} expires in {left:.1f} days", fix)
    return Finding("crl", "ok", f"{crl.path}: #{crl.number}, next update {crl.next_update:%Y-%m-%d} "
                   f"({int(left)} days)")


# -- all of them -------------------------------------------------------------------------------


def run_checks(
    config_path: Path,
    *,
    unit: Path | None = None,
    ca_dir: Path | None = None,
    seams: Seams | None = None,
    service: bool = True,
) -> list[Finding]:
    """Every check, in the order an operator fixes things; later checks skip when an earlier one failed."""
    seams = seams or Seams()
    unit = unit or UNIT_FILE
    now = seams.now()
    findings: list[Finding] = []
    config_finding, config = check_config(config_path)
    findings.append(config_finding)
    if config is None:
        skipped = ["files", "key", "certificate", "broker", "engine", "runtime"]
        findings += [Finding(name, "skip", "needs a valid configuration") for name in skipped]
    else:
        findings.append(check_files(config))
        key_finding, key = check_key(config, config_path, unit)
        findings.append(key_finding)
        findings.append(check_certificate(config, now))
        if key is None or findings[1].state == "fail":
            findings.append(Finding("broker", "skip", "needs the key and certificate"))
        else:
            findings.append(check_broker(config, key, seams.timeout_s))
        if seams.detect is None:
            from edged.hardware.report import detect_and_match

            seams.detect = detect_and_match
        findings.append(check_engine(config, seams.detect))
        adapters = check_adapters(config, seams.detect)
        if adapters is not None:
            findings.append(adapters)
        findings.append(check_runtime(config, seams))
    findings.append(check_clock(config, now, seams.ntp_synchronized()))
    if config is not None and service:
        findings.append(check_service(config, min(seams.timeout_s, 2.0)))
    if ca_dir is not None:
        findings.append(check_crl(ca_dir, now))
    return findings


_MARKS = {"ok": "ok  ", "warn": "WARN", "fail": "FAIL", "skip": "skip"}


def render(findings: list[Finding]) -> str:
    width = max(len(f.check) for f in findings)
    lines = []
    for f in findings:
        lines.append(f"{_MARKS[f.state]}  {f.check:<{width}}  {f.detail}")
        if f.fix and f.state in ("warn", "fail"):
            lines.append(f"{'':4}  {'':<{width}}  fix: {f.fix}")
    failed = sum(f.state == "fail" for f in findings)
    warned = sum(f.state == "warn" for f in findings)
    verdict = "all good" if not failed and not warned else f"{failed} to fix, {warned} warning(s)"
    lines.append(f"edged doctor: {verdict}")
    return "\n".join(lines)


def to_json(findings: list[Finding]) -> dict[str, object]:
    return {"ok": not any(f.state == "fail" for f in findings), "checks": [asdict(f) for f in findings]}
