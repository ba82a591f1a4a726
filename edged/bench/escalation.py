"""`edged bench escalation`: what escalating costs on the appliance, cloud time excluded.

Per request: minimize, redact (or not), build the exact body, write the audit record, and put
the real values back into an answer; measured for a ~2 kB request with and without detectors.
"""

from __future__ import annotations

import statistics
import tempfile
import time
from pathlib import Path
from typing import Any

from edged.audit import AuditLog
from edged.escalation.cloud import CloudClient
from edged.escalation.config import CloudConfig, EscalationConfig, TaskPolicy
from edged.escalation.router import EscalationDecision
from edged.escalation.service import Escalator, RedactorLike
from edged.requests import Request, Route
from edged.tasks import load_tasks

NOTE = (
    "Shift handover, line 3. Operator Taro Yamada (taro.yamada@example.co.jp, 090-1234-5678) saw press "
    "P-7 leak hydraulic oil at 03:10; pressure fell from 180 to 120 bar. Maintenance (ext. 4411) replaced "
    "seal kit SK-220 lot 24-118. PLC at 10.0.3.17 logged E-1042 twice. Spare pump ordered, PO 2024-5531. "
)


class _NoDetectors:
    """Redacts nothing: isolates the cost of the rest of the path."""

    def redact(self, text: str, lang: str = "auto", vault: Any = None) -> tuple[str, Any]:  # noqa: ARG002
        from edged.privacy import Vault

        return text, vault if vault is not None else Vault()


def _request(text: str, index: int) -> Request:
    return Request(
        request_id=f"bench-{index}",
        route=Route("device", "bench-1", "bench"),
        task="summarize",
        input={"note": text},
        extra=(),
        max_tokens=128,
        deadline_ms=30000,
        escalation="force",
        stream=False,
        reply_topic="edged/bench-1/resp/bench/x",
        correlation=None,
        protocol="v5",
        received_at=time.monotonic(),
    )


def _measure(redactor: RedactorLike, text: str, count: int) -> dict[str, float]:
    with tempfile.TemporaryDirectory(prefix="edged-bench-esc-") as tmp:
        cloud = CloudClient(
            CloudConfig.model_validate({"base_url": "https://cloud.invalid/v1", "model": "m"}), api_key="k",
        )
        audit = AuditLog(Path(tmp) / "audit")
        escalator = Escalator(
            EscalationConfig(tasks={"summarize": TaskPolicy(allow_fields=["note"])}, state_dir=Path(tmp)),
            load_tasks(),
            redactor,
            cloud=cloud,
            budget=None,
            circuit=None,
            audit=audit,
        )
        decision = EscalationDecision(True, "client_force", None)
        timings = []
        for i in range(count):
            request = _request(text, i)
            started = time.perf_counter()
            payload, minimized = escalator.prepare(request)
            audit.append(
                event="escalation",
                request_id=request.request_id,
                trigger=decision.trigger,
                body_bytes=len(payload),
                placeholders=minimized.vault.counts(),
            )
            minimized.vault.reidentify("Summary: <EMAIL_1> and <PHONE_1> reported P-7.")
            timings.append((time.perf_counter() - started) * 1e3)
        cloud.close()
    ordered = sorted(timings)
    return {
        "p50_ms": round(statistics.median(timings), 3),
        "p95_ms": round(ordered[int(0.95 * (len(ordered) - 1))], 3),
    }


def run_escalation_bench(count: int = 300) -> dict[str, Any]:
    text = (NOTE * 8)[:2048]
    from edged.privacy import Redactor

    redactor = Redactor()
    redactor.redact("warm up: taro@example.com")
    return {
        "request_bytes": len(text.encode()),
        "requests": count,
        "without_detectors": _measure(_NoDetectors(), text, count),
        "with_detectors": _measure(redactor, text, count),
    }


def render(result: dict[str, Any]) -> str:
    a, b = result["without_detectors"], result["with_detectors"]
    return "\n".join(
        [
            f"setup        {result['requests']} escalations of a {result['request_bytes']}-byte request, "
            "cloud time excluded (minimize, redact, build body, audit record with fsync, re-identify)",
            f"no detectors p50 {a['p50_ms']:.3f} ms, p95 {a['p95_ms']:.3f} ms",
            f"detectors    p50 {b['p50_ms']:.3f} ms, p95 {b['p95_ms']:.3f} ms",
        ]
    )
