"""The escalation path of one request: minimize, redact, audit, ask the cloud, re-identify.

    Escalator.decide()   -> EscalationDecision (cheap; on the engine worker)
    Escalator.escalate() -> EscalationOutcome  (blocking HTTP; on the escalation pool)

Nothing leaves before its audit record is written; only the task's allowlisted input fields
go, each through the redactor; the vault that maps placeholders back lives in this call only.
"""

from __future__ import annotations

import hashlib
import json
import logging
import random
import time
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any, Protocol

from edged.audit import AuditLog
from edged.errors import EdgedError, ErrorCode
from edged.escalation.budget import Budget, CircuitBreaker
from edged.escalation.cloud import CloudClient, CloudError
from edged.escalation.config import EscalationConfig, TaskPolicy
from edged.escalation.router import EscalationDecision, decide
from edged.escalation.shadow import ShadowLog
from edged.requests import Request
from edged.tasks import TaskConfig, build_messages, find_json_object
from edged.tasks.registry import request_kind

log = logging.getLogger(__name__)


def _map_strings(value: object, vault: VaultLike, unknown: list[str]) -> object:
    """``value`` with each string (never a key) re-identified; ``unknown`` collects placeholders
    the vault did not issue."""
    if isinstance(value, str):
        text, missing = vault.reidentify(value)
        unknown.extend(missing)
        return text
    if isinstance(value, dict):
        return {key: _map_strings(item, vault, unknown) for key, item in value.items()}
    if isinstance(value, list):
        return [_map_strings(item, vault, unknown) for item in value]
    return value


def _unknown_note(unknown: list[str]) -> list[str]:
    if not unknown:
        return []
    return [
        f"the cloud's answer has placeholders this request did not send: "
        f"{', '.join(sorted(set(unknown)))} (left unchanged)"
    ]


class VaultLike(Protocol):
    def reidentify(self, text: str) -> tuple[str, list[str]]: ...

    def counts(self) -> dict[str, int]: ...


class RedactorLike(Protocol):
    def redact(self, text: str, lang: str = "auto", vault: Any = None) -> tuple[str, Any]: ...


@dataclass(frozen=True)
class Minimized:
    """What may leave: allowlisted fields, redacted; the names of the fields dropped."""

    input: dict[str, str]
    dropped: tuple[str, ...]
    vault: Any


def minimize(request_input: Mapping[str, str], policy: TaskPolicy, redactor: RedactorLike) -> Minimized:
    kept: dict[str, str] = {}
    vault: Any = None
    for name, value in request_input.items():
        if name not in policy.allow_fields:
            continue
        redacted, vault = redactor.redact(value, "auto", vault)
        kept[name] = redacted
    dropped = tuple(sorted(set(request_input) - set(kept)))
    if vault is None:  # nothing allowed: an empty vault still answers reidentify/counts
        _, vault = redactor.redact("", "auto", None)
    return Minimized(kept, dropped, vault)


@dataclass(frozen=True)
class EscalationOutcome:
    ok: bool
    output: object = None
    valid: bool = True
    problem: str | None = None
    cloud_model: str | None = None
    cloud_tokens: int = 0
    cost: float = 0.0
    cloud_ms: float = 0.0
    error_code: ErrorCode | None = None
    error_message: str | None = None
    notes: list[str] = field(default_factory=list)
    placeholders: dict[str, int] = field(default_factory=dict)  # values replaced per type (counts only)


class Escalator:
    def __init__(
        self,
        config: EscalationConfig,
        tasks: Mapping[str, TaskConfig],
        redactor: RedactorLike,
        *,
        cloud: CloudClient | None,
        budget: Budget | None,
        circuit: CircuitBreaker | None,
        audit: AuditLog | None,
        shadow_log: ShadowLog | None = None,
        clock: Callable[[], float] = time.monotonic,
        rng: Callable[[], float] = random.random,
    ) -> None:
        self.shadow_log = shadow_log
        self.rng = rng
        self.config = config
        self.tasks = tasks
        self.redactor = redactor
        self.cloud = cloud
        self.budget = budget
        self.circuit = circuit
        self.audit = audit
        self.clock = clock

    def decide(
        self,
        request: Request,
        *,
        error_code: ErrorCode | None = None,
        valid: bool = True,
        confidence: float | None = None,
    ) -> EscalationDecision:
        policy = self.config.policy(request.task)
        return decide(
            client=request.escalation,
            policy=policy,
            error_code=error_code,
            valid=valid,
            confidence=confidence,
            cloud_configured=self.cloud is not None and self.audit is not None,
            budget_spent=self.budget.exhausted() if self.budget is not None else None,
            circuit_open=self.circuit is not None and self.circuit.state == "open",
        )

    def wants_shadow(self, request: Request) -> bool:
        """Sample this local answer for a shadow comparison with the cloud?"""
        policy = self.config.policy(request.task)
        if policy.shadow_fraction <= 0 or self.shadow_log is None or request.escalation == "never":
            return False
        if policy.mode == "local" or self.rng() >= policy.shadow_fraction:
            return False
        return not self.decide_blocked()

    def decide_blocked(self) -> bool:
        budget = self.budget.exhausted() if self.budget is not None else None
        circuit_open = self.circuit is not None and self.circuit.state == "open"
        return self.cloud is None or self.audit is None or budget is not None or circuit_open

    def shadow(self, request: Request, local_output: object, local_confidence: float | None,
               adapter: str | None = None) -> None:
        """Ask the cloud too and record how far the answers agree (never the answers)."""
        if self.shadow_log is None:
            return
        outcome = self.escalate(request, EscalationDecision(True, "shadow", None))
        if outcome.ok:
            self.shadow_log.record(
                request.task, local_confidence, request_kind(request).agreement(local_output, outcome.output),
                adapter,
            )

    def record_local(self, request: Request, usage: Mapping[str, int]) -> float:
        """Count a local answer's saving; returns it (in the budget's currency)."""
        if self.budget is None:
            return 0.0
        saved = self.budget.cost(usage.get("prompt_tokens", 0), usage.get("completion_tokens", 0))
        self.budget.record_local(
            request.task, usage.get("prompt_tokens", 0), usage.get("completion_tokens", 0)
        )
        return saved

    def prepare(self, request: Request) -> tuple[bytes, Minimized]:
        """The exact body that would leave, and its vault (also used by tests and benches)."""
        if self.cloud is None:
            raise EdgedError("no cloud is configured", code="cloud_unavailable")
        policy = self.config.policy(request.task)
        minimized = minimize(request.input, policy, self.redactor)
        if not minimized.input:
            raise EdgedError(
                f"task {request.task!r} allows no input field of this request to leave "
                f"(allow_fields = {policy.allow_fields}); nothing to send",
                code="nothing_to_send",
            )
        messages = build_messages(
            request.task, minimized.input, extra=request.extra, config=self.tasks, labels=request.labels,
        )
        body = self.cloud.body(messages, request.max_tokens, request.schema)
        return self.cloud.encode(body), minimized

    def escalate(
        self, request: Request, decision: EscalationDecision, *, deadline: float | None = None,
    ) -> EscalationOutcome:
        """Minimize, redact, audit, send, audit the outcome, re-identify and read the answer. The
        cloud must answer by ``deadline`` (monotonic; default the request's own)."""
        if self.cloud is None or self.audit is None:
            return EscalationOutcome(
                False, error_code="cloud_unavailable", error_message="no cloud configured"
            )
        try:
            payload, minimized = self.prepare(request)
        except EdgedError as exc:
            return EscalationOutcome(False, error_code=exc.code, error_message=exc.message)
        if self.circuit is not None and not self.circuit.allow():
            return EscalationOutcome(
                False,
                error_code="cloud_unavailable",
                error_message="the cloud circuit is open after repeated failures",
            )
        # Written before anything leaves: a crash after sending cannot leave an unrecorded body.
        self._audit_body(self.audit, self.cloud, request, decision, payload=payload, minimized=minimized)
        started = self.clock()
        try:
            answer = self.cloud.complete(payload, deadline if deadline is not None else request.deadline_at)
        except CloudError as exc:
            return self._failed(
                self.audit, request, exc, cloud_ms=(self.clock() - started) * 1e3, minimized=minimized,
            )
        if self.circuit is not None:
            self.circuit.success()
        cost = (
            self.budget.record_cloud(request.task, answer.prompt_tokens, answer.completion_tokens)
            if self.budget is not None
            else 0.0
        )
        self.audit.append(
            event="outcome",
            request_id=request.request_id,
            outcome="ok",
            prompt_tokens=answer.prompt_tokens,
            completion_tokens=answer.completion_tokens,
            cost=round(cost, 6),
            cloud_model=answer.model,
        )
        text, notes = self._reidentify(request, answer.text, minimized)
        outcome = request_kind(request).read_cloud_answer(text, request.extra, request.schema, request.labels)
        return EscalationOutcome(
            True,
            output=outcome.output,
            valid=outcome.valid,
            problem=outcome.problem,
            cloud_model=answer.model,
            cloud_tokens=answer.prompt_tokens + answer.completion_tokens,
            cost=cost,
            cloud_ms=(self.clock() - started) * 1e3,
            notes=notes,
            placeholders=minimized.vault.counts(),
        )

    @staticmethod
    def _audit_body(
        audit: AuditLog,
        cloud: CloudClient,
        request: Request,
        decision: EscalationDecision,
        *,
        payload: bytes,
        minimized: Minimized,
    ) -> None:
        """What is about to leave: its hash and size, the placeholder counts, never the text."""
        audit.append(
            event="escalation",
            request_id=request.request_id,
            client_id=request.route.client_id,
            task=request.task,
            trigger=decision.trigger,
            body_sha256=hashlib.sha256(payload).hexdigest(),
            body_bytes=len(payload),
            placeholders=minimized.vault.counts(),
            dropped_fields=list(minimized.dropped),
            cloud_model=cloud.config.model,
        )

    def _failed(
        self, audit: AuditLog, request: Request, exc: CloudError, *, cloud_ms: float, minimized: Minimized,
    ) -> EscalationOutcome:
        if self.circuit is not None:
            self.circuit.failure()
        audit.append(
            event="outcome",
            request_id=request.request_id,
            outcome=f"failed: {exc.code}",
            prompt_tokens=0,
            completion_tokens=0,
            cost=0.0,
        )
        log.warning("request %s: escalation failed [%s]: %s", request.request_id, exc.code, exc.message)
        return EscalationOutcome(
            False,
            error_code=exc.code,
            error_message=exc.message,
            cloud_ms=cloud_ms,
            placeholders=minimized.vault.counts(),
        )

    def _reidentify(self, request: Request, text: str, minimized: Minimized) -> tuple[str, list[str]]:
        """The cloud's answer with this request's placeholders put back (when the task allows).
        An object answer gets them back inside its string values only: a value put back into
        the JSON text could break it, or a key."""
        if not self.config.policy(request.task).reidentify:
            return text, []
        found = find_json_object(text) if request.schema is not None else None
        if found is None:
            text, unknown = minimized.vault.reidentify(text)
            return text, _unknown_note(unknown)
        missing: list[str] = []
        restored = _map_strings(found, minimized.vault, missing)
        return json.dumps(restored, ensure_ascii=False), _unknown_note(missing)
