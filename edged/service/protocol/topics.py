"""Request topics and reply topics: where a request came from, and where its reply may go (only
under the sender's own response prefix)."""

from __future__ import annotations

from edged.requests import CONTROL_CHARS, SURROGATES, Limits, Route, Scope
from edged.service.protocol.common import (
    LEVEL_CHARS,
    MQTT_TOPIC_BYTES,
    ProtocolError,
    Reply,
    show,
    text_problem,
)


def _level_problem(level: str) -> str | None:
    if not level:
        return "is empty"
    if len(level) > LEVEL_CHARS:
        return f"is longer than {LEVEL_CHARS} characters"
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
        raise ProtocolError(f"topic {show(topic, 80)} is not under {head!r}: {usage}")
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
        raise ProtocolError(f"topic {show(topic, 80)} is not a request topic: {usage}")
    what = "device id" if scope == "device" else "pool name"
    for label, level in ((what, name), ("client id", client)):
        problem = _level_problem(level)
        if problem is not None:
            raise ProtocolError(f"the {label} in topic {show(topic, 80)} {problem}")
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
    if len(topic.encode("utf-8")) > MQTT_TOPIC_BYTES:
        return f"is longer than MQTT's {MQTT_TOPIC_BYTES} bytes"
    return None


def _accept_reply_topic(
    reply: Reply, topic: str, route: Route, prefix: str, limits: Limits, *, source: str,
) -> str:
    allowed = route.response_prefix(prefix)
    problem = _reply_topic_problem(topic, allowed, limits)
    if problem is not None:
        # Never written to: a client must not make the daemon publish outside its own tree.
        reply.fail(f"{source} {show(topic, 80)} is refused: it {problem}", "forbidden")
    reply.topic = topic
    return topic


def payload_reply_topic(
    document: dict[str, object], reply: Reply, route: Route, prefix: str, limits: Limits,
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
        reply.fail(f"reply_to must be a topic string, got {show(reply_to)}")
    _accept_reply_topic(reply, reply_to, route, prefix, limits, source="reply_to")
    reply.protocol = "v311"
    correlation_id = document.get("correlation_id")
    if correlation_id is None:
        return reply_to
    if not isinstance(correlation_id, str):
        reply.fail(f"correlation_id must be a string, got {show(correlation_id)}")
    problem = text_problem(correlation_id)
    if problem is not None:
        reply.fail(f"correlation_id {problem}")
    encoded = correlation_id.encode("utf-8")
    if not encoded or len(encoded) > limits.max_correlation_bytes:
        reply.fail(
            f"correlation_id must be 1 to {limits.max_correlation_bytes} bytes of UTF-8, got {len(encoded)}",
        )
    reply.correlation = encoded
    return reply_to


def accept_v5_reply(
    reply: Reply,
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


def check_v5_payload(document: dict[str, object], reply: Reply) -> None:
    # A v5 client's reply_to/correlation_id are ignored (the properties win) but stay typed.
    for key in ("reply_to", "correlation_id"):
        value = document.get(key)
        if value is not None and not isinstance(value, str):
            reply.fail(f"{key} must be a string, got {show(value)}")
