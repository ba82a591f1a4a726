"""A request, checked key by key: everything a request can be wrong about is decided here, so
nothing unparsed ever reaches the model."""

from __future__ import annotations

import re
import uuid
from collections.abc import Collection, Mapping
from typing import Final

from edged.errors import SchemaError
from edged.requests import NAME_CHARS, Escalation, Limits, Request, is_name
from edged.service.protocol.common import Reply, show, text_problem
from edged.service.protocol.decode import decode
from edged.service.protocol.topics import accept_v5_reply, check_v5_payload, parse_topic, payload_reply_topic
from edged.tasks.base import TaskArgs, TaskConfig, TaskKind
from edged.tasks.registry import kind_for, request_keys

# The keys every request may carry; each task kind's own keys (fields, schema, labels) join them.
_REQUEST_KEYS: Final = frozenset(
    {
        "id", "task", "input", "max_tokens", "deadline_ms", "escalation", "stream", "reply_to",
        "correlation_id",
    },
)


def allowed_keys() -> frozenset[str]:
    """The keys a request may carry: the common ones and each registered kind's own."""
    return _REQUEST_KEYS | request_keys().keys()


_ESCALATIONS: Final[dict[str, Escalation]] = {"auto": "auto", "never": "never", "force": "force"}
_ID = re.compile(r"[A-Za-z0-9._:-]{1,64}")


def _request_id(document: dict[str, object], reply: Reply) -> None:
    raw = document.get("id")
    if raw is None:
        return
    if not isinstance(raw, str) or not _ID.fullmatch(raw):
        reply.fail(f"id must be 1 to 64 characters of A-Z a-z 0-9 . _ : -, got {show(raw)}")
    reply.request_id = raw


_INPUT_USAGE: Final = 'a string, or an object of named strings such as {"note": "...", "line": "L3"}'


def _input_shape(value: object, reply: Reply, limits: Limits) -> dict[str, str]:
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
                    f"input field name {show(key)} is not a name: use 1 to {NAME_CHARS} letters, "
                    "digits, '_' or '-', starting with a letter or '_'",
                )
            if not isinstance(item, str):
                reply.fail(f"input.{key} must be a string, got {show(item)}")
            values[key] = item
    else:
        reply.fail(f"input must be {usage}; got {show(value)}")
    return values


def _parse_input(value: object, reply: Reply, limits: Limits) -> dict[str, str]:
    values = _input_shape(value, reply, limits)
    total = 0
    for key, text in values.items():
        problem = text_problem(text)
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


def _int_in_range(document: dict[str, object], key: str, default: int, high: int, reply: Reply) -> int:
    value = document.get(key)
    if value is None:
        return default
    # bool is a subclass of int in Python; true is not a token count.
    if isinstance(value, bool) or not isinstance(value, int) or not 1 <= value <= high:
        reply.fail(f"{key} must be an integer between 1 and {high}, got {show(value)}")
    return value


def _check_keys(document: dict[str, object], reply: Reply) -> None:
    allowed = allowed_keys()
    unknown = sorted(set(document) - allowed)
    if unknown:
        shown = ", ".join(show(key) for key in unknown[:5]) + (" ..." if len(unknown) > 5 else "")
        reply.fail(f"unknown key(s) {shown}; the allowed keys are: {', '.join(sorted(allowed))}")


def _parse_task(value: object, tasks: Collection[str], reply: Reply) -> str:
    known = ", ".join(sorted(tasks))
    if value is None:
        reply.fail(f"task is required: one of {known}")
    if not isinstance(value, str):
        reply.fail(f"task must be a string, one of {known}; got {show(value)}")
    if value not in tasks:
        reply.fail(f"unknown task {show(value)}: this appliance serves {known}", "unknown_task")
    return value


def _task_args(
    document: dict[str, object], task: str, reply: Reply, limits: Limits, *,
    kind: TaskKind, config: TaskConfig | None,
) -> TaskArgs:
    """What the task's kind takes from its own keys (extract's ``fields`` or ``schema``,
    classify's ``labels``); any other kind's key is refused. The task's table fills in what the
    request leaves out (``TaskKind.task_defaults``: extract's schema, classify's threshold)."""
    for key, owner in request_keys().items():
        if owner is not kind and key not in kind.request_keys() and document.get(key) is not None:
            reply.fail(f"{key} applies to task {owner.name} only, not {task}: remove it")
    values = {key: document[key] for key in kind.request_keys() if document.get(key) is not None}
    if config is not None:  # what the task's table supplies where the request is silent
        values = {**kind.task_defaults(config, values), **values}
    try:
        return kind.parse_args(task, values, limits, show)
    except SchemaError as exc:
        reply.fail(exc.message, exc.schema_code)
    except ValueError as exc:
        reply.fail(str(exc))


def _parse_escalation(value: object, reply: Reply) -> Escalation:
    if value is None:
        return "auto"
    escalation = _ESCALATIONS.get(value) if isinstance(value, str) else None
    if escalation is None:
        reply.fail(f"escalation must be one of 'auto', 'never', 'force', got {show(value)}")
    return escalation


def _parse_stream(value: object, reply: Reply) -> bool:
    if value is None:
        return False
    if not isinstance(value, bool):
        reply.fail(f"stream must be true or false, got {show(value)}")
    return value


def _decode_bounded(payload: bytes, reply: Reply, limits: Limits) -> dict[str, object]:
    if len(payload) > limits.max_payload_bytes:
        # Not decoded: a v311 client sending this much gets no reply, since its reply_to is inside.
        reply.fail(
            f"the payload is {len(payload)} bytes; the limit is {limits.max_payload_bytes}: "
            "send less input",
            "too_large",
        )
    return decode(payload, reply)


def _default_max_tokens(task: str, task_max_tokens: Mapping[str, int] | None, limits: Limits) -> int:
    """The task's own default for max_tokens (capped by the limit), else the protocol's."""
    if task_max_tokens is not None and task in task_max_tokens:
        return max(1, min(task_max_tokens[task], limits.max_tokens_limit))
    return limits.default_max_tokens


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
    task_table: Mapping[str, TaskConfig] | None = None,
) -> Request:
    """Validate one request. ``response_topic`` and ``correlation`` are the MQTT v5 properties;
    ``task_max_tokens`` gives a task's own default for ``max_tokens`` when the client sets none;
    ``task_table`` (the served tasks' tables) gives each task's configured kind and schema.

    Raises ProtocolError. The order decides who may get an error reply: a bad request topic or a
    refused reply topic is only logged; once a reply topic is accepted, every error carries it.
    An optional key set to null counts as absent.
    """
    route = parse_topic(topic, prefix)
    reply = Reply()
    # The v5 property needs no payload, so it is checked before the size: a client whose request
    # is too large then still hears why instead of timing out.
    if response_topic is not None:
        accept_v5_reply(reply, route, prefix, limits, response_topic=response_topic, correlation=correlation)
    document = _decode_bounded(payload, reply, limits)
    if response_topic is None:
        reply_topic = payload_reply_topic(document, reply, route, prefix, limits)
    else:
        reply_topic = response_topic
        check_v5_payload(document, reply)
    _request_id(document, reply)
    _check_keys(document, reply)
    task = _parse_task(document.get("task"), tasks, reply)
    request_input = _parse_input(document.get("input"), reply, limits)
    config = task_table.get(task) if task_table is not None else None
    kind = kind_for(task, config)
    args = _task_args(document, task, reply, limits, kind=kind, config=config)
    default_tokens = _default_max_tokens(task, task_max_tokens, limits)
    return Request(
        request_id=reply.request_id or uuid.uuid4().hex,
        route=route,
        task=task,
        input=request_input,
        extra=args.extra,
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
        schema=args.schema,
        labels=args.labels,
        kind=kind.name,
    )
