"""When an answer goes to the cloud: a confidence per answer, triggers, and what blocks them."""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Literal

from edged.errors import ErrorCode
from edged.escalation.config import TaskPolicy
from edged.vocabulary import Trigger

LOW_QUANTILE = 0.1


def generation_confidence(logprobs: Sequence[float], quantile: float = LOW_QUANTILE) -> float | None:
    """The probability of the answer's weak tokens: the ``quantile`` of per-token probabilities.

    A sum or mean of log-probs falls with length and lets one wrong token hide among many sure
    ones; a low quantile does neither (a 1-token and a 100-token answer compare fairly).
    """
    finite = sorted(lp for lp in logprobs if math.isfinite(lp))
    if not finite:
        return None
    index = min(len(finite) - 1, int(quantile * len(finite)))
    return math.exp(finite[index])


@dataclass(frozen=True)
class EscalationDecision:
    escalate: bool
    trigger: Trigger | Literal["shadow"] | None  # why the cloud was wanted
    blocked: str | None  # why it was not asked although wanted

    @property
    def reason(self) -> str | None:
        if self.trigger is None:
            return None
        return self.trigger if self.blocked is None else f"{self.trigger}; not escalated: {self.blocked}"


def trigger_for(  # noqa: PLR0911 - one return per trigger reads as the table it is
    *,
    client: str,
    policy: TaskPolicy,
    error_code: ErrorCode | None,
    valid: bool,
    confidence: float | None,
) -> Trigger | None:
    if client == "force":
        return "client_force"
    if policy.mode == "cloud":
        return "policy_cloud"
    if error_code == "input_too_long":
        return "input_too_long" if policy.on_too_long else None
    if error_code == "engine_error":
        return "engine_error" if policy.on_engine_error else None
    if error_code == "busy":
        return "busy" if policy.on_busy else None
    if error_code is not None:
        return None
    if not valid and policy.on_invalid:
        return "invalid_output"
    if confidence is not None and confidence < policy.threshold:
        return "low_confidence"
    return None


def decide(
    *,
    client: str,
    policy: TaskPolicy,
    error_code: ErrorCode | None = None,
    valid: bool = True,
    confidence: float | None = None,
    cloud_configured: bool,
    budget_spent: str | None = None,
    circuit_open: bool = False,
) -> EscalationDecision:
    """``client`` is the request's escalation field: auto, never or force."""
    trigger = trigger_for(
        client=client, policy=policy, error_code=error_code, valid=valid, confidence=confidence
    )
    if trigger is None:
        return EscalationDecision(False, None, None)
    # Privacy and cost first: these win over every trigger, the client's 'force' included.
    if client == "never":
        blocked = "client said never"
    elif policy.mode == "local":
        blocked = "task policy is local"
    elif not cloud_configured:
        blocked = "no cloud endpoint is configured"
    elif budget_spent is not None:
        blocked = budget_spent
    elif circuit_open:
        blocked = "cloud circuit open after repeated failures"
    else:
        blocked = None
    return EscalationDecision(blocked is None, trigger, blocked)
