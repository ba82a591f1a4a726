"""Build the escalation path from edged.toml: nothing when no cloud is configured. Part of the
service's composition (it reads the whole configuration), not of the escalation package."""

from __future__ import annotations

from edged.audit import AuditLog
from edged.config import EdgedConfig
from edged.escalation.budget import Budget, CircuitBreaker
from edged.escalation.cloud import CloudClient
from edged.escalation.service import Escalator, RedactorLike
from edged.escalation.shadow import ShadowLog


def default_redactor(config: EdgedConfig) -> RedactorLike:
    from edged.privacy import Redactor

    return Redactor(config.privacy)


def build_escalator(config: EdgedConfig, *, redactor: RedactorLike | None = None) -> Escalator | None:
    cloud_config = config.cloud
    if cloud_config is None:
        return None
    state = config.escalation.state_dir
    return Escalator(
        config.escalation,
        config.task_table(),
        redactor if redactor is not None else default_redactor(config),
        cloud=CloudClient(cloud_config),
        budget=Budget(cloud_config.budgets, cloud_config.prices, state / "budget.json"),
        circuit=CircuitBreaker(cloud_config.circuit_failures, cloud_config.circuit_reset_s),
        audit=AuditLog(state / "audit", max_bytes=config.escalation.audit_max_bytes),
        shadow_log=ShadowLog(state),
    )
