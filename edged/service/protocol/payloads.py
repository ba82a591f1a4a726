"""Reply payloads: the ok reply, error replies and stream chunks (the README's MQTT contract)."""

from __future__ import annotations

import json
import math
from collections.abc import Mapping

from edged.errors import ErrorCode
from edged.requests import Request
from edged.service.protocol.common import ProtocolError


def _json_safe(value: object) -> object:
    """JSON-ready data: tuples become lists, keys strings, NaN/infinity null (not valid JSON)."""
    if isinstance(value, float):
        return value if math.isfinite(value) else None
    if value is None or isinstance(value, (str, int)):
        return value
    if isinstance(value, Mapping):
        return {str(key): _json_safe(item) for key, item in value.items()}
    if isinstance(value, (list, tuple)):
        return [_json_safe(item) for item in value]
    return str(value)


def _encode(body: dict[str, object], correlation_id: str | None) -> bytes:
    if correlation_id is not None:
        body["correlation_id"] = correlation_id
    text = json.dumps(_json_safe(body), ensure_ascii=False, allow_nan=False, separators=(",", ":"))
    # A lone surrogate from a model's detokenizer must not make the reply unsendable: it
    # becomes '?' rather than an exception.
    return text.encode("utf-8", "replace")


def _timings(timings_ms: Mapping[str, float]) -> dict[str, float | None]:
    return {key: round(value, 3) if math.isfinite(value) else None for key, value in timings_ms.items()}


def ok_reply(
    request: Request,
    *,
    output: object,
    source: str,
    confidence: float | None,
    escalated: bool,
    reason: str | None,
    model: str,
    usage: Mapping[str, int],
    timings_ms: Mapping[str, float],
    degraded: bool = False,
) -> bytes:
    """The success reply (the README's MQTT contract). ``confidence`` is rounded to 4 decimals."""
    if confidence is not None:
        confidence = round(min(1.0, max(0.0, confidence)), 4) if math.isfinite(confidence) else None
    body: dict[str, object] = {
        "status": "ok",
        "id": request.request_id,
        "output": output,
        "source": source,
        "confidence": confidence,
        "escalated": escalated,
        "reason": reason,
        "degraded": degraded,
        "model": model,
        "usage": dict(usage),
        "timings_ms": _timings(timings_ms),
    }
    return _encode(body, request.payload_correlation_id)


def error_reply(
    code: ErrorCode,
    message: str,
    *,
    request_id: str | None,
    timings_ms: Mapping[str, float] | None = None,
    correlation_id: str | None = None,
    partial: object | None = None,
) -> bytes:
    """An error reply; ``correlation_id`` goes into the payload for v311 clients only; ``partial``
    is what a free-text task had generated when its deadline stopped it."""
    body: dict[str, object] = {
        "status": "error",
        "id": request_id,
        "error": {"code": code, "message": message},
    }
    if partial is not None:
        body["partial"] = partial
    if timings_ms is not None:
        body["timings_ms"] = _timings(timings_ms)
    return _encode(body, correlation_id)


def request_error_reply(
    request: Request,
    code: ErrorCode,
    message: str,
    *,
    timings_ms: Mapping[str, float] | None = None,
    partial: object | None = None,
) -> bytes:
    """An error reply to a parsed request (busy, deadline_exceeded, engine_error, ...)."""
    return error_reply(
        code,
        message,
        request_id=request.request_id,
        timings_ms=timings_ms,
        correlation_id=request.payload_correlation_id,
        partial=partial,
    )


def protocol_error_reply(error: ProtocolError) -> bytes | None:
    """The reply to a refused request, or None when it named no topic we may answer on."""
    if error.reply_topic is None:
        return None
    return error_reply(
        error.code,
        error.message,
        request_id=error.request_id,
        correlation_id=error.payload_correlation_id,
    )


def stream_chunk(request: Request, *, index: int, text: str) -> bytes:
    """One piece of a streamed answer; the final ok reply follows the last chunk."""
    body: dict[str, object] = {"status": "chunk", "id": request.request_id, "index": index, "text": text}
    return _encode(body, request.payload_correlation_id)
