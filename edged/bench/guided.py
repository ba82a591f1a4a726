"""`edged bench engine --schema`: what constrained decoding costs on this engine: decode throughput
with a 10-property schema against the same request unconstrained, and the latency a new schema
adds to the first token (its grammar compiled when the generator is made)."""

from __future__ import annotations

import json
import statistics
from typing import Any

from edged.engines.base import ChatMessage, Engine, GenerationRequest, Guidance

NOTE = (
    "Line 3, night shift: press P-7 made a grinding noise from 02:10, operator stopped it at 02:40, "
    "hydraulic oil found under the main cylinder, seal kit ordered, restart planned for 06:00."
)
PROPERTIES = ("machine", "line", "shift", "symptom", "started", "stopped_at", "finding", "action",
              "part", "restart")


def ten_property_schema(salt: int = 0) -> dict[str, Any]:
    """A 10-property extraction schema; ``salt`` renames the keys so each is new to the engine."""
    names = [f"{name}_{salt}" if salt else name for name in PROPERTIES]
    return {
        "type": "object",
        "properties": {name: {"type": ["string", "null"], "maxLength": 40} for name in names},
        "required": names,
        "additionalProperties": False,
    }


def _request(tokens: int, schema: dict[str, Any] | None) -> GenerationRequest:
    messages = (
        ChatMessage("system", "You extract facts from maintenance notes into one JSON object."),
        ChatMessage("user", f"Note:\n{NOTE}\n\nGive: {', '.join(PROPERTIES)}."),
    )
    guidance = Guidance("json_schema", json.dumps(schema)) if schema is not None else None
    return GenerationRequest(messages, max_tokens=tokens, guidance=guidance)


def _rate(engine: Engine, request: GenerationRequest) -> tuple[float, float]:
    result = engine.generate([request])[0]
    decode_s = result.timings.decode_ms / 1e3
    rate = (result.completion_tokens - 1) / decode_s if decode_s > 0 and result.completion_tokens > 1 else 0.0
    return rate, result.timings.ttft_ms


def guided_cost(engine: Engine, *, tokens: int, repeats: int) -> dict[str, Any]:
    free, guided = _request(tokens, None), _request(tokens, ten_property_schema())
    engine.generate([free])
    engine.generate([guided])  # the first guided generator prepares the tokenizer once (~0.5-1 s)
    free_rates, guided_rates, free_ttfts = [], [], []
    for _ in range(repeats):  # interleaved, so drift on a shared machine hits both alike
        rate, ttft = _rate(engine, free)
        free_rates.append(rate)
        free_ttfts.append(ttft)
        guided_rates.append(_rate(engine, guided)[0])
    added = []
    for salt in range(1, 11):  # each schema new: its compile is in the first token's time
        _, ttft = _rate(engine, _request(8, ten_property_schema(salt)))
        added.append(ttft - statistics.median(free_ttfts))
    best_free, best_guided = max(free_rates), max(guided_rates)
    return {
        "schema_properties": len(PROPERTIES),
        "free_tokens_per_s": round(best_free, 1),
        "guided_tokens_per_s": round(best_guided, 1),
        "guided_share_percent": round(100 * best_guided / best_free, 1) if best_free else None,
        "new_schema_added_ttft_ms_p50": round(statistics.median(added), 2),
    }


def render_guided(figures: dict[str, Any]) -> str:
    share = figures["guided_share_percent"]
    return (
        f"schema   {figures['schema_properties']}-property JSON Schema: "
        f"{figures['guided_tokens_per_s']:.1f} tok/s guided vs {figures['free_tokens_per_s']:.1f} free "
        f"({share}% of free); a new schema adds {figures['new_schema_added_ttft_ms_p50']:+.2f} ms p50 "
        "to the first token"
    )
