"""The MQTT wire protocol: request topics, request validation and reply payloads.

Pure logic, no MQTT import. Everything a request can be wrong about is decided here, so nothing
unparsed ever reaches the model; every refusal is a ``ProtocolError`` with a stable code.
"""

from __future__ import annotations

import json
import math
import re
import uuid
from collections.abc import Collection, Mapping
from typing import Final, NoReturn

from edged.errors import PROTOCOL_ERROR_CODES, EdgedError, ErrorCode, ProtocolErrorCode
from edged.requests import (
    CONTROL_CHARS,
    NAME_CHARS,
    SURROGATES,
    Escalation,
    Limits,
    Request,
    Route,
    Scope,
    WireProtocol,
    is_name,
    payload_correlation_id,
)
from edged.tasks import kind_of
from edged.tasks.registry import extras

__all__ = [
    "PROTOCOL_ERROR_CODES",
    "Escalation",
    "Limits",
    "ProtocolError",
    "ProtocolErrorCode",
    "Request",
    "Route",
    "WireProtocol",
    "allowed_keys",
    "error_reply",
    "ok_reply",
    "parse_request",
    "parse_topic",
    "protocol_error_reply",
    "request_error_reply",
    "stream_chunk",
]


# The keys every request may carry; each task kind's extra (fields, labels) joins them.
_REQUEST_KEYS: Final = frozenset(
    {
        "id", "task", "input", "max_tokens", "deadline_ms", "escalation", "stream", "reply_to",
        "correlation_id",
    },
)


def allowed_keys() -> frozenset[str]:
    """The keys a request may carry: the common ones and each registered kind's extra."""
    return _REQUEST_KEYS | extras().keys()

_ESCALATIONS: Final[dict[str, Escalation]] = {"auto": "auto", "never": "never", "force": "force"}

_ID = re.compile(r"[A-Za-z0-9._:-]{1,64}")
# A certificate CN is at most 64 characters (X.509 ub-common-name); twice that is generous.
_LEVEL_CHARS: Final = 128
_MQTT_TOPIC_BYTES: Final = 65535
# JSON allows integers of any length; Python's int() is quadratic in the digits, and nothing in
# a request needs more than a few.
_INT_DIGITS: Final = 32
_SHOW_CHARS: Final = 40
_SHOW_DIGITS: Final = 20
# C0 and C1 control characters and DEL: MQTT forbids U+0000 in topics and advises against the rest.


class ProtocolError(EdgedError):
    """A request was refused. ``reply_topic`` is where the error may be sent: None when the
    request named no topic we may write to, and then the daemon only logs it."""

    code: ErrorCode = "bad_request"

    def __init__(
        self,
        message: str,
        *,
        code: ProtocolErrorCode = "bad_request",
        reply_topic: str | None = None,
        correlation: bytes | None = None,
        request_id: str | None = None,
        protocol: WireProtocol | None = None,
    ) -> None:
        super().__init__(message, code=code)
        self.reply_topic = reply_topic
        self.correlation = correlation
        self.request_id = request_id
        # v311 clients have no properties: their correlation goes back inside the payload.
        self.protocol = protocol

    @property
    def payload_correlation_id(self) -> str | None:
        return payload_correlation_id(self.protocol, self.correlation)


# -- topics ----------------------------------------------------------------------------------


def _show(value: object, limit: int = _SHOW_CHARS) -> str:  # noqa: PLR0911 - one return per JSON type
    """A short, printable rendering of a client's value for an error message."""
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value) if abs(value) < 10**_SHOW_DIGITS else "a very large integer"
    if isinstance(value, float):
        return repr(value)
    if isinstance(value, str):
        # repr escapes control characters and lone surrogates, so the message stays printable.
        return repr(value if len(value) <= limit else value[:limit] + "...")
    if isinstance(value, list):
        return "an array"
    if isinstance(value, dict):
        return "an object"
    return type(value).__name__


def _text_problem(text: str) -> str | None:
    if "\x00" in text:
        return "contains a NUL character"
    if SURROGATES.search(text):
        return "contains a lone surrogate (not valid Unicode)"
    return None


def _level_problem(level: str) -> str | None:
    if not level:
        return "is empty"
    if len(level) > _LEVEL_CHARS:
        return f"is longer than {_LEVEL_CHARS} characters"
    if "+" in level or "#" in level:
        return "contains an MQTT wildcard"
    if CONTROL_CHARS.search(level) or SURROGATES.search(level):
        return "contains a control character or invalid Unicode"
    return None


def parse_topic(topic: str, prefix: str) -> Route:
    """The route of a request topic: ``{prefix}/{device}/req/{client}`` or
    ``{prefix}/pool/{pool}/req/{client}``. Anything else cannot be answered."""
    usage = f"publish requests to {prefix}/<device>/req/<client> or {prefix}/pool/<pool>/req/<client>"
    head = prefix + "/"
    if not topic.startswith(head):
        raise ProtocolError(f"topic {_show(topic, 80)} is not under {head!r}: {usage}")
    levels = topic[len(head) :].split("/")
    # "pool" is reserved as a device id: otherwise a device named "pool" and a pool's topics
    # would share a response tree.
    if len(levels) == 3 and levels[1] == "req" and levels[0] != "pool":
        scope: Scope = "device"
        name, client = levels[0], levels[2]
    elif len(levels) == 4 and levels[0] == "pool" and levels[2] == "req":
        scope = "pool"
        name, client = levels[1], levels[3]
    else:
        raise ProtocolError(f"topic {_show(topic, 80)} is not a request topic: {usage}")
    what = "device id" if scope == "device" else "pool name"
    for label, level in ((what, name), ("client id", client)):
        problem = _level_problem(level)
        if problem is not None:
            raise ProtocolError(f"the {label} in topic {_show(topic, 80)} {problem}")
    return Route(scope, name, client)


def _reply_topic_problem(topic: str, allowed: str, limits: Limits) -> str | None:  # noqa: PLR0911 - a checklist
    if len(topic) > limits.max_topic_chars:
        return f"is {len(topic)} characters long; the limit is {limits.max_topic_chars}"
    if not topic.startswith(allowed) or len(topic) == len(allowed):
        return f"must lie under {allowed!r} (with at least one more character)"
    if "+" in topic or "#" in topic:
        return "must not contain the MQTT wildcards '+' or '#'"
    if "//" in topic or topic.endswith("/"):
        return "must not contain an empty level ('//' or a trailing '/')"
    if CONTROL_CHARS.search(topic) or SURROGATES.search(topic):
        return "must be valid UTF-8 without control characters"
    if len(topic.encode("utf-8")) > _MQTT_TOPIC_BYTES:
        return f"is longer than MQTT's {_MQTT_TOPIC_BYTES} bytes"
    return None


# -- request ---------------------------------------------------------------------------------


class _Reply:
    """What is known so far about where an error may be answered; it fills in as parsing goes."""

    def __init__(self) -> None:
        self.topic: str | None = None
        self.correlation: bytes | None = None
        self.request_id: str | None = None
        self.protocol: WireProtocol | None = None

    def fail(self, message: str, code: ProtocolErrorCode = "bad_request") -> NoReturn:
        raise ProtocolError(
            message,
            code=code,
            reply_topic=self.topic,
            correlation=self.correlation if self.topic is not None else None,
            request_id=self.request_id,
            protocol=self.protocol if self.topic is not None else None,
        )


class _Rejected(ValueError):
    """The JSON parses but holds something a request may not (duplicate key, NaN, huge number)."""


def _unique_keys(pairs: list[tuple[str, object]]) -> dict[str, object]:
    result: dict[str, object] = {}
    for key, value in pairs:
        if key in result:
            raise _Rejected(f"the payload repeats the key {_show(key)}: each key may appear once")
        result[key] = value
    return result


def _no_constant(name: str) -> NoReturn:
    raise _Rejected(f"the payload holds {name}, which is not JSON: send a finite number or null")


def _bounded_int(text: str) -> int:
    if len(text.lstrip("-")) > _INT_DIGITS:
        raise _Rejected(f"the payload holds an integer with more than {_INT_DIGITS} digits")
    return int(text)


def _finite_float(text: str) -> float:
    value = float(text)
    if not math.isfinite(value):
        raise _Rejected(f"the payload holds the number {text[:_SHOW_CHARS]}, which is out of range")
    return value


def _decode(payload: bytes, reply: _Reply) -> dict[str, object]:
    try:
        text = payload.decode("utf-8")
    except UnicodeDecodeError as exc:
        reply.fail(
            f"the payload is not valid UTF-8 (bad byte at offset {exc.start}): send JSON encoded as UTF-8",
            "bad_encoding",
        )
    # Tolerated: some Windows tools (PowerShell, Notepad) prefix UTF-8 with a byte order mark.
    text = text.removeprefix("\ufeff")
    try:
        document = json.loads(
            text,
            object_pairs_hook=_unique_keys,
            parse_constant=_no_constant,
            parse_int=_bounded_int,
            parse_float=_finite_float,
        )
    except _Rejected as exc:
        reply.fail(str(exc))
    except json.JSONDecodeError as exc:
        reply.fail(f"the payload is not valid JSON: {exc.msg} at line {exc.lineno} column {exc.colno}")
    except ValueError:  # pragma: no cover - the hooks above leave json no other ValueError
        reply.fail("the payload is not valid JSON")
    except RecursionError:
        reply.fail("the payload nests arrays or objects too deeply")
    if not isinstance(document, dict):
        reply.fail(
            f'the payload must be a JSON object such as {{"task": "summarize", "input": "..."}}, '
            f"got {_json_kind(document)}",
        )
    return document


def _json_kind(value: object) -> str:
    if isinstance(value, list):
        return "a JSON array"
    if isinstance(value, str):
        return "a JSON string"
    if isinstance(value, bool):
        return "a JSON boolean"
    if value is None:
        return "null"
    if isinstance(value, dict):
        return "a JSON object"
    return "a JSON number"


def _accept_reply_topic(
    reply: _Reply, topic: str, route: Route, prefix: str, limits: Limits, *, source: str,
) -> str:
    allowed = route.response_prefix(prefix)
    problem = _reply_topic_problem(topic, allowed, limits)
    if problem is not None:
        # Never written to: a client must not make the daemon publish outside its own tree.
        reply.fail(f"{source} {_show(topic, 80)} is refused: it {problem}", "forbidden")
    reply.topic = topic
    return topic


def _payload_reply_topic(
    document: dict[str, object], reply: _Reply, route: Route, prefix: str, limits: Limits,
) -> str:
    """The MQTT 3.1.1 fallback: ``reply_to`` and ``correlation_id`` inside the payload."""
    reply_to = document.get("reply_to")
    if reply_to is None:
        reply.fail(
            "the request names no reply topic: set the MQTT v5 Response Topic property (or, from an "
            f"MQTT 3.1.1 client, 'reply_to' in the payload) to a topic under "
            f"{route.response_prefix(prefix)!r}",
            "no_reply_topic",
        )
    if not isinstance(reply_to, str):
        reply.fail(f"reply_to must be a topic string, got {_show(reply_to)}")
    _accept_reply_topic(reply, reply_to, route, prefix, limits, source="reply_to")
    reply.protocol = "v311"
    correlation_id = document.get("correlation_id")
    if correlation_id is None:
        return reply_to
    if not isinstance(correlation_id, str):
        reply.fail(f"correlation_id must be a string, got {_show(correlation_id)}")
    problem = _text_problem(correlation_id)
    if problem is not None:
        reply.fail(f"correlation_id {problem}")
    encoded = correlation_id.encode("utf-8")
    if not encoded or len(encoded) > limits.max_correlation_bytes:
        reply.fail(
            f"correlation_id must be 1 to {limits.max_correlation_bytes} bytes of UTF-8, got {len(encoded)}",
        )
    reply.correlation = encoded
    return reply_to


def _request_id(document: dict[str, object], reply: _Reply) -> None:
    raw = document.get("id")
    if raw is None:
        return
    if not isinstance(raw, str) or not _ID.fullmatch(raw):
        reply.fail(f"id must be 1 to 64 characters of A-Z a-z 0-9 . _ : -, got {_show(raw)}")
    reply.request_id = raw


_INPUT_USAGE: Final = 'a string, or an object of named strings such as {"note": "...", "line": "L3"}'


def _input_shape(value: object, reply: _Reply, limits: Limits) -> dict[str, str]:
    usage = _INPUT_USAGE
    if value is None:
        reply.fail(f"input is required: {usage}")
    if isinstance(value, str):
        values = {"text": value}
    elif isinstance(value, dict):
        if not value:
            reply.fail(f"input is an empty object: {usage}")
        if len(value) > limits.max_input_fields:
            reply.fail(f"input has {len(value)} fields; the limit is {limits.max_input_fields}")
        values = {}
        for key, item in value.items():
            if not is_name(key):
                reply.fail(
                    f"input field name {_show(key)} is not a name: use 1 to {NAME_CHARS} letters, "
                    "digits, '_' or '-', starting with a letter or '_'",
                )
            if not isinstance(item, str):
                reply.fail(f"input.{key} must be a string, got {_show(item)}")
            values[key] = item
    else:
        reply.fail(f"input must be {usage}; got {_show(value)}")
    return values


def _parse_input(value: object, reply: _Reply, limits: Limits) -> dict[str, str]:
    values = _input_shape(value, reply, limits)
    total = 0
    for key, text in values.items():
        problem = _text_problem(text)
        if problem is not None:
            reply.fail(f"input.{key} {problem}")
        total += len(text)
    if total > limits.max_input_chars:
        reply.fail(
            f"input is {total} characters in all; the limit is {limits.max_input_chars}: "
            "shorten it or split it across requests",
            "too_large",
        )
    if all(not text.strip() for text in values.values()):
        reply.fail("input is empty: give the text to work on")
    return values


def _int_in_range(document: dict[str, object], key: str, default: int, high: int, reply: _Reply) -> int:
    value = document.get(key)
    if value is None:
        return default
    # bool is a subclass of int in Python; true is not a token count.
    if isinstance(value, bool) or not isinstance(value, int) or not 1 <= value <= high:
        reply.fail(f"{key} must be an integer between 1 and {high}, got {_show(value)}")
    return value


def _accept_v5_reply(
    reply: _Reply,
    route: Route,
    prefix: str,
    limits: Limits,
    *,
    response_topic: str,
    correlation: bytes | None,
) -> None:
    _accept_reply_topic(reply, response_topic, route, prefix, limits, source="the Response Topic")
    reply.protocol = "v5"
    if correlation is not None:
        if len(correlation) > limits.max_correlation_bytes:
            reply.fail(
                f"the Correlation Data is {len(correlation)} bytes; the limit is "
                f"{limits.max_correlation_bytes}",
            )
        reply.correlation = bytes(correlation)


def _check_v5_payload(document: dict[str, object], reply: _Reply) -> None:
    # A v5 client's reply_to/correlation_id are ignored (the properties win) but stay typed.
    for key in ("reply_to", "correlation_id"):
        value = document.get(key)
        if value is not None and not isinstance(value, str):
            reply.fail(f"{key} must be a string, got {_show(value)}")


def _check_keys(document: dict[str, object], reply: _Reply) -> None:
    allowed = allowed_keys()
    unknown = sorted(set(document) - allowed)
    if unknown:
        shown = ", ".join(_show(key) for key in unknown[:5]) + (" ..." if len(unknown) > 5 else "")
        reply.fail(f"unknown key(s) {shown}; the allowed keys are: {', '.join(sorted(allowed))}")


def _parse_task(value: object, tasks: Collection[str], reply: _Reply) -> str:
    known = ", ".join(sorted(tasks))
    if value is None:
        reply.fail(f"task is required: one of {known}")
    if not isinstance(value, str):
        reply.fail(f"task must be a string, one of {known}; got {_show(value)}")
    if value not in tasks:
        reply.fail(f"unknown task {_show(value)}: this appliance serves {known}", "unknown_task")
    return value


def _task_extras(document: dict[str, object], task: str, reply: _Reply, limits: Limits) -> tuple[str, ...]:
    """The list the task's kind takes (extract's ``fields``, classify's ``labels``); any other
    kind's key is refused."""
    kind = kind_of(task)
    for key, owner in extras().items():
        if owner is not kind and document.get(key) is not None:
            reply.fail(f"{key} applies to task {owner.name} only, not {task}: remove it")
    if kind.extra is None:
        return ()
    raw = document.get(kind.extra)
    if raw is None:
        reply.fail(f'task {task} needs "{kind.extra}": {kind.extra_example}')
    try:
        return kind.parse_extra(raw, limits, _show)
    except ValueError as exc:
        reply.fail(str(exc))


def _parse_escalation(value: object, reply: _Reply) -> Escalation:
    if value is None:
        return "auto"
    escalation = _ESCALATIONS.get(value) if isinstance(value, str) else None
    if escalation is None:
        reply.fail(f"escalation must be one of 'auto', 'never', 'force', got {_show(value)}")
    return escalation


def _parse_stream(value: object, reply: _Reply) -> bool:
    if value is None:
        return False
    if not isinstance(value, bool):
        reply.fail(f"stream must be true or false, got {_show(value)}")
    return value


def parse_request(
    payload: bytes,
    *,
    topic: str,
    response_topic: str | None,
    correlation: bytes | None,
    prefix: str,
    tasks: Collection[str],
    limits: Limits,
    received_at: float,
    task_max_tokens: Mapping[str, int] | None = None,
) -> Request:
    """Validate one request. ``response_topic`` and ``correlation`` are the MQTT v5 properties;
    ``task_max_tokens`` gives a task's own default for ``max_tokens`` when the client sets none.

    Raises ProtocolError. The order decides who may get an error reply: a bad request topic or a
    refused reply topic is only logged; once a reply topic is accepted, every error carries it.
    An optional key set to null counts as absent.
    """
    route = parse_topic(topic, prefix)
    reply = _Reply()
    # The v5 property needs no payload, so it is checked before the size: a client whose request
    # is too large then still hears why instead of timing out.
    if response_topic is not None:
        _accept_v5_reply(reply, route, prefix, limits, response_topic=response_topic, correlation=correlation)
    if len(payload) > limits.max_payload_bytes:
        # Not decoded: a v311 client sending this much gets no reply, since its reply_to is inside.
        reply.fail(
            f"the payload is {len(payload)} bytes; the limit is {limits.max_payload_bytes}: "
            "send less input",
            "too_large",
        )
    document = _decode(payload, reply)
    if response_topic is None:
        reply_topic = _payload_reply_topic(document, reply, route, prefix, limits)
    else:
        reply_topic = response_topic
        _check_v5_payload(document, reply)
    _request_id(document, reply)
    _check_keys(document, reply)
    task = _parse_task(document.get("task"), tasks, reply)
    request_input = _parse_input(document.get("input"), reply, limits)
    extra = _task_extras(document, task, reply, limits)
    default_tokens = limits.default_max_tokens
    if task_max_tokens is not None and task in task_max_tokens:
        default_tokens = max(1, min(task_max_tokens[task], limits.max_tokens_limit))
    return Request(
        request_id=reply.request_id or uuid.uuid4().hex,
        route=route,
        task=task,
        input=request_input,
        extra=extra,
        max_tokens=_int_in_range(document, "max_tokens", default_tokens, limits.max_tokens_limit, reply),
        deadline_ms=_int_in_range(
            document, "deadline_ms", limits.default_deadline_ms, limits.deadline_ms_limit, reply,
        ),
        escalation=_parse_escalation(document.get("escalation"), reply),
        stream=_parse_stream(document.get("stream"), reply),
        reply_topic=reply_topic,
        correlation=reply.correlation,
        protocol="v311" if response_topic is None else "v5",
        received_at=received_at,
    )


# -- replies ---------------------------------------------------------------------------------


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
