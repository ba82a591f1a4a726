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


# [cloud] keys that do not change the client: a reload keeps the client (and its connections).
_NOT_THE_CLIENT = {"prices", "budgets", "circuit_failures", "circuit_reset_s", "max_concurrent"}


def reconfigure_escalator(old: Escalator | None, before: EdgedConfig, after: EdgedConfig) -> Escalator | None:
    """The escalator of a reloaded configuration: its policy, prompts, privacy settings and cloud
    endpoint, with the same audit chain, shadow log and budget counts (a second writer of those
    files would fork them). Nothing here changes ``old``: ``retune_budget`` does, once applied."""
    if old is None or before.cloud is None or after.cloud is None:
        return old  # adding or removing [cloud] needs a restart (the escalation pool)
    client = before.cloud.model_dump(exclude=_NOT_THE_CLIENT)
    same_client = client == after.cloud.model_dump(exclude=_NOT_THE_CLIENT)
    circuit = old.circuit
    if (before.cloud.circuit_failures, before.cloud.circuit_reset_s) != (
        after.cloud.circuit_failures, after.cloud.circuit_reset_s,
    ):
        circuit = CircuitBreaker(after.cloud.circuit_failures, after.cloud.circuit_reset_s)
    return Escalator(
        after.escalation,
        after.task_table(),
        old.redactor if before.privacy == after.privacy else default_redactor(after),
        cloud=old.cloud if same_client else CloudClient(after.cloud),
        budget=old.budget,
        circuit=circuit,
        audit=old.audit,
        shadow_log=old.shadow_log,
        clock=old.clock,
        rng=old.rng,
    )


def retune_budget(escalator: Escalator | None, config: EdgedConfig) -> None:
    """The reloaded daily limits and prices, on the one budget (today's counts stay)."""
    if escalator is not None and escalator.budget is not None and config.cloud is not None:
        escalator.budget.limits = config.cloud.budgets
        escalator.budget.prices = config.cloud.prices
