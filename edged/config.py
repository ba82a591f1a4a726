"""edged.toml: the daemon's configuration as strict pydantic models, and its loader.

The models validate data only. ``load_config`` reads the file with the one loader
(``edged.tomlfile.load_model``: relative paths taken from the file's folder) and turns every
problem into one ``ConfigError`` naming file, key and fix. ``[limits]`` is ``edged.requests.Limits``
itself, the object the wire protocol checks requests against.
"""

from __future__ import annotations

import json
import os
import re
from pathlib import Path
from typing import Literal

from pydantic import Field, field_validator, model_validator

from edged.basemodel import StrictModel
from edged.errors import ConfigError
from edged.escalation.config import CloudConfig, EscalationConfig
from edged.paths import ENGINE_STORE, CredentialPath
from edged.privacy.config import PrivacyConfig
from edged.requests import Limits
from edged.tasks import TaskConfig, load_tasks
from edged.tomlfile import load_model

ID_PATTERN = r"^[A-Za-z0-9._-]{1,64}$"


class MqttConfig(StrictModel):
    host: str = Field(description="Broker host name or address; must match the broker certificate's SAN.")
    port: int = Field(default=8883, ge=1, le=65535, description="Broker TLS port.")
    prefix: str = Field(
        default="edged",
        pattern=r"^[A-Za-z0-9_-]{1,32}$",
        description="First topic level of every edged topic.",
    )
    ca: Path = Field(description="Site CA certificate (PEM) that signed the broker's certificate.")
    cert: Path = Field(description="This appliance's certificate (PEM); its CN is the device id.")
    key: CredentialPath = Field(
        description="This appliance's private key (PEM, mode 0600). A bare file name "
        "is looked up in $CREDENTIALS_DIRECTORY first (systemd LoadCredential)."
    )
    pools: list[str] = Field(
        default_factory=list,
        description="Pools this appliance serves through $share/{pool}/... subscriptions.",
    )
    client_id: str | None = Field(
        default=None, description="MQTT client id; default edged-{device_id}-{pid}."
    )
    keepalive_s: int = Field(default=30, ge=5, le=3600, description="MQTT keep-alive interval in seconds.")
    session_expiry_s: int = Field(
        default=3600,
        ge=0,
        le=7 * 86400,
        description="How long the broker keeps this appliance's session (and "
        "queued QoS 1 requests) while it is away.",
    )
    reconnect_min_s: float = Field(default=0.25, gt=0, le=60, description="First reconnect delay.")
    reconnect_max_s: float = Field(default=30.0, gt=0, le=600, description="Longest reconnect delay.")
    telemetry_interval_s: float = Field(default=15.0, ge=1, le=3600, description="Telemetry period.")
    tls_insecure_dev_only: bool = Field(
        default=False,
        description="DEVELOPMENT ONLY: skip the broker host name check (never the CA check). "
        "Refused unless EDGED_DEV=1 is set.",
    )

    @field_validator("pools")
    @classmethod
    def _pool_names(cls, pools: list[str]) -> list[str]:
        for pool in pools:
            if not re.match(ID_PATTERN, pool):
                raise ValueError(f"pool name {pool!r} must be 1-64 characters of A-Z a-z 0-9 . _ -")
        if len(set(pools)) != len(pools):
            raise ValueError("pool names must be unique")
        return pools

    @model_validator(mode="after")
    def _backoff_order(self) -> MqttConfig:
        if self.reconnect_min_s > self.reconnect_max_s:
            raise ValueError("reconnect_min_s must not exceed reconnect_max_s")
        return self


class EngineConfig(StrictModel):
    profile: str = Field(default="auto", description="Hardware profile name, or 'auto' to detect.")
    store: Path | None = Field(
        default=None,
        description=f"Engine store folder; default {ENGINE_STORE} (or $EDGED_ENGINE_STORE).",
    )
    model: str | None = Field(default=None, description="Model id; default the profile's.")
    batching: Literal["continuous", "static"] = Field(
        default="continuous",
        description="continuous (default): a request joins the engine's running batch at its next "
        "step and leaves when done, where the backend can (the CPU engine); elsewhere, and with "
        "static: a request that arrives while a batch runs waits for the whole batch.",
    )
    isolation: Literal["process", "thread"] = Field(
        default="process",
        description="process (default): the model runs in a child process, so a long prefill never "
        "stalls MQTT, health or signals, and a dead or hung engine is restarted. thread: in the "
        "daemon's own process (tests, debugging).",
    )
    step_timeout_s: float = Field(
        default=60.0,
        gt=0,
        le=3600,
        description="With isolation = process: an engine that gives no sign of progress (a token, an "
        "answer) for this long is taken as hung, killed and restarted; its requests get engine_error.",
    )


class SchedulerConfig(StrictModel):
    queue_size: int = Field(
        default=64,
        ge=1,
        le=100000,
        description="Requests waiting at most; beyond it a request gets 'busy' at once.",
    )
    max_batch: int | None = Field(
        default=None,
        ge=1,
        le=256,
        description="Requests per engine call; default the profile's max_batch_size.",
    )
    # 0 by default: requests that arrive while the engine is busy are batched anyway, and a
    # window would add its length to every lone request's latency.
    batch_window_ms: float = Field(
        default=0.0, ge=0, le=1000, description="How long the worker waits for more requests to join a batch."
    )
    stream_interval_ms: float = Field(
        default=50.0,
        ge=0,
        le=5000,
        strict=True,  # a number: "50" or true (read as 1 ms) is a mistake to name, not to guess
        description="Streamed answers: the first piece goes out at once, later ones joined into one chunk "
        "at most every this many ms (fewer MQTT messages when many clients stream); 0 sends every token.",
    )
    stop_timeout_s: float = Field(
        default=20.0,
        gt=0,
        le=600,
        description="On SIGTERM, how long in-flight requests may take before they are failed with a reply.",
    )


class OpsConfig(StrictModel):
    """Operations: the local metrics endpoint and how early certificate expiry is flagged."""

    metrics_enabled: bool = Field(
        default=True, description="Serve Prometheus metrics and /healthz on metrics_host:metrics_port."
    )
    # Loopback by default: the endpoint has no authentication; expose it through a scraper on the
    # appliance or a firewall rule, not by binding it to the plant network.
    metrics_host: str = Field(
        default="127.0.0.1", min_length=1, description="Address the metrics endpoint binds."
    )
    metrics_port: int = Field(
        default=9488, ge=0, le=65535, description="Port of the metrics endpoint; 0 picks a free one (tests)."
    )
    certificate_warn_days: int = Field(
        default=30,
        ge=1,
        le=365,
        description="Warn in status, metrics and `edged doctor` this many days before the device "
        "certificate expires.",
    )


class EdgedConfig(StrictModel):
    device_id: str = Field(pattern=ID_PATTERN, description="This appliance's id: its certificate's CN.")
    mqtt: MqttConfig = Field(description="Broker connection.")
    engine: EngineConfig = Field(default_factory=EngineConfig, description="Which engine to load.")
    limits: Limits = Field(default_factory=Limits, description="Request validation limits.")
    scheduler: SchedulerConfig = Field(default_factory=SchedulerConfig, description="Queue and batching.")
    ops: OpsConfig = Field(default_factory=OpsConfig, description="Metrics endpoint, certificate warnings.")
    tasks: dict[str, TaskConfig] = Field(
        default_factory=dict, description="Task prompt overrides and extra tasks by name."
    )
    cloud: CloudConfig | None = Field(default=None, description="The cloud endpoint; none: never escalate.")
    escalation: EscalationConfig = Field(
        default_factory=EscalationConfig, description="Per-task escalation policy, audit and state."
    )
    privacy: PrivacyConfig = Field(
        default_factory=PrivacyConfig, description="PII detectors and pseudonyms applied before escalation."
    )

    def task_table(self) -> dict[str, TaskConfig]:
        """The default tasks with this file's [tasks.NAME] tables on top."""
        return load_tasks(self.tasks, self.limits)


def load_config(path: Path) -> EdgedConfig:
    config = load_model(
        EdgedConfig, path, "configuration", "Fix the file and check it with `edged config validate`."
    )
    if config.mqtt.tls_insecure_dev_only and os.environ.get("EDGED_DEV") != "1":
        raise ConfigError(
            f"{path}: key 'mqtt.tls_insecure_dev_only' is true, which skips the broker host name "
            "check. It is for development only: set EDGED_DEV=1 to allow it, or set it to false.",
        )
    try:
        config = config.model_copy(update={"tasks": read_schema_files(config.tasks)})
        config.task_table()
    except ConfigError as exc:
        raise ConfigError(f"{path}: {exc.message}") from None
    return config


def read_schema_files(tasks: dict[str, TaskConfig]) -> dict[str, TaskConfig]:
    """Each task whose ``schema_file`` names a file, with that file's JSON Schema as its schema
    (the path already taken from the configuration file's folder); a ConfigError names the file."""
    loaded = dict(tasks)
    for name, task in tasks.items():
        file = task.schema_file
        if file is None:
            continue
        where = f"[tasks.{name}] schema_file: {file}"
        if (problem := file_problem(file)) is not None:
            raise ConfigError(f"{where} {problem}")
        try:
            document = json.loads(file.read_text(encoding="utf-8"))
        except (OSError, UnicodeDecodeError, ValueError) as exc:
            raise ConfigError(
                f"{where} is not a JSON file ({exc}): write the schema as one JSON object",
            ) from None
        if not isinstance(document, dict):
            raise ConfigError(f"{where} holds a JSON {type(document).__name__}, not a schema object")
        loaded[name] = task.model_copy(update={"answer_schema": document})
    return loaded


def file_problem(file: Path) -> str | None:
    """Why ``file`` cannot be used by this process (missing, a folder, unreadable), or None."""
    try:
        with file.open("rb"):
            return None
    except FileNotFoundError:
        return "does not exist"
    except IsADirectoryError:
        return "is a folder, not a file"
    except PermissionError as exc:
        return (f"cannot be read by this user ({exc.strerror}): give it to the service's user or group "
                "(chown, chmod), or for a key hand it over with LoadCredential=")
    except OSError as exc:
        return f"cannot be read ({exc.strerror})"


def check_files(config: EdgedConfig, path: Path) -> list[str]:
    """Problems with the files the configuration points at (existence, key permissions)."""
    problems = []
    for key, file in (
        ("mqtt.ca", config.mqtt.ca),
        ("mqtt.cert", config.mqtt.cert),
        ("mqtt.key", config.mqtt.key),
    ):
        if (problem := file_problem(file)) is not None:
            problems.append(f"{path}: key '{key}': {file} {problem}")
    secrets: list[tuple[str, Path]] = [("mqtt.key", config.mqtt.key)]
    cloud = config.cloud
    if cloud is not None:
        for key, named in (
            ("cloud.api_key_file", cloud.api_key_file),
            ("cloud.ca_bundle", cloud.ca_bundle),
            ("cloud.client_cert", cloud.client_cert),
            ("cloud.client_key", cloud.client_key),
        ):
            if named is not None and (problem := file_problem(named)) is not None:
                problems.append(f"{path}: key '{key}': {named} {problem}")
        secrets += [(k, f) for k, f in (("cloud.api_key_file", cloud.api_key_file),
                                        ("cloud.client_key", cloud.client_key)) if f is not None]
    for key, secret in secrets:
        if file_problem(secret) is None and secret.stat().st_mode & 0o077:
            mode = oct(secret.stat().st_mode & 0o777)
            problems.append(
                f"{path}: key '{key}': {secret} has mode {mode}; a secret must be readable by its "
                f"owner only: chmod 600 {secret}",
            )
    return problems
