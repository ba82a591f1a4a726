"""The settings a request is parsed and answered under, and what a reload may change of them.

The intake reads one immutable ``Settings`` per request and keeps it with the request, so a
reload (``reload.py``) swaps a single reference: requests already parsed finish under the old
settings, new ones get the new. ``plan_changes`` sorts the keys that differ between two
configurations into applied live, applied by reconnecting to the broker, and needing a restart.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from types import MappingProxyType

from pydantic import BaseModel

from edged.config import EdgedConfig, check_files, load_config
from edged.engines.adapters import resolve_task_adapters
from edged.engines.base import AdapterRef
from edged.errors import AdapterError, ConfigError
from edged.escalation.service import Escalator
from edged.requests import Limits
from edged.service.systemd import missing_credential
from edged.tasks import TaskConfig

# What a reload applies to the requests that arrive after it.
LIVE = ("tasks", "limits", "escalation.default", "escalation.tasks", "privacy", "cloud.",
        "ops.certificate_warn_days")
# What a reload applies by reconnecting to the broker (the TLS files' contents count too).
RECONNECT = ("mqtt.host", "mqtt.port", "mqtt.ca", "mqtt.cert", "mqtt.key", "mqtt.client_id",
             "mqtt.keepalive_s", "mqtt.session_expiry_s", "mqtt.reconnect_min_s", "mqtt.reconnect_max_s",
             "mqtt.tls_insecure_dev_only")
# Within [cloud], what sizes the escalation pool; adding or removing [cloud] also needs a restart.
CLOUD_RESTART = ("cloud.max_concurrent",)


@dataclass(frozen=True)
class Settings:
    """One configuration as the intake uses it; never changed, only replaced."""

    config: EdgedConfig
    tasks: Mapping[str, TaskConfig]
    task_max_tokens: Mapping[str, int]
    escalator: Escalator | None
    # The LoRA adapter of each task that names one, or why it cannot be served (resolved in the
    # engine store when the settings are made: a reload picks up added or replaced adapters).
    adapters: Mapping[str, AdapterRef | AdapterError] = field(default_factory=lambda: MappingProxyType({}))

    @classmethod
    def of(cls, config: EdgedConfig, escalator: Escalator | None,
           engine_folder: Path | None = None) -> Settings:
        tasks = config.task_table()
        named = {name: task.adapter for name, task in tasks.items() if task.adapter}
        adapters = resolve_task_adapters(engine_folder, named) if engine_folder is not None and named else {}
        return cls(
            config,
            MappingProxyType(tasks),
            MappingProxyType({n: t.default_max_tokens for n, t in tasks.items() if t.default_max_tokens}),
            escalator,
            MappingProxyType(adapters),
        )

    @property
    def limits(self) -> Limits:
        return self.config.limits


def load_checked_config(config_path: Path) -> EdgedConfig:
    """The configuration, refused (ConfigError) when a file it names is missing or a key is exposed."""
    config = load_config(config_path)
    problems = check_files(config, config_path)
    credential = missing_credential(config.mqtt.key, config_path)
    if credential is not None:
        # Say which credential is missing instead of only that a file is.
        missing = f"{config.mqtt.key} does not exist"
        problems = [credential, *(p for p in problems if not p.endswith(missing))]
    if problems:
        raise ConfigError("; ".join(problems) + ".", code="config_files")
    return config


def changed_keys(old: BaseModel, new: BaseModel, prefix: str = "") -> list[str]:
    """The dotted keys whose values differ, down to the fields of each table (not into tasks'
    or policies' dictionaries: ``tasks`` or ``escalation.tasks`` name those)."""
    keys = []
    for name in type(old).model_fields:
        before, after = getattr(old, name), getattr(new, name)
        if before == after:
            continue
        if isinstance(before, BaseModel) and isinstance(after, BaseModel) and not prefix:
            keys += changed_keys(before, after, f"{name}.")
        else:
            keys.append(prefix + name)
    return keys


@dataclass(frozen=True)
class Changes:
    live: tuple[str, ...]
    reconnect: tuple[str, ...]
    restart: tuple[str, ...]
    effective: EdgedConfig  # the new configuration with the restart-only keys kept as they were


def _kind(key: str) -> str:
    if key in RECONNECT:
        return "reconnect"
    if key in CLOUD_RESTART:
        return "restart"
    if any(key == live or key.startswith(live if live.endswith(".") else live + ".") for live in LIVE):
        return "live"
    return "restart"


def _keep(config: EdgedConfig, old: EdgedConfig, keys: tuple[str, ...]) -> EdgedConfig:
    """``config`` with ``keys`` set back to their values in ``old``."""
    tables: dict[str, dict[str, object]] = {}
    top: dict[str, object] = {}
    for key in keys:
        table, _, field = key.partition(".")
        if field:
            tables.setdefault(table, {})[field] = getattr(getattr(old, table), field)
        else:
            top[key] = getattr(old, key)
    for table, fields in tables.items():
        if table not in top:
            top[table] = getattr(config, table).model_copy(update=fields)
    return config.model_copy(update=top)


def plan_changes(old: EdgedConfig, new: EdgedConfig) -> Changes:
    keys = changed_keys(old, new)
    sorted_keys: dict[str, list[str]] = {"live": [], "reconnect": [], "restart": []}
    for key in keys:
        sorted_keys[_kind(key)].append(key)
    live, reconnect, restart = (tuple(sorted_keys[kind]) for kind in ("live", "reconnect", "restart"))
    return Changes(live, reconnect, restart, _keep(new, old, restart))
