"""Fuzzing the wire protocol: whatever arrives, parse_request returns a Request that keeps every
invariant or raises ProtocolError, never anything else, and every reply it allows is valid JSON."""

from __future__ import annotations

import json
import re
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from edged.service.protocol import (
    PROTOCOL_ERROR_CODES,
    Limits,
    ProtocolError,
    Request,
    ok_reply,
    parse_request,
    parse_topic,
    protocol_error_reply,
    stream_chunk,
)

TASKS = frozenset({"summarize", "extract", "classify", "ask"})
PREFIX = "edged"
TOPIC = "edged/dev-1/req/alice"
POOL_TOPIC = "edged/pool/line3/req/alice"
REPLY = "edged/dev-1/resp/alice/r1"
# Small limits, so that random data crosses every one of them.
SMALL = Limits(
    max_payload_bytes=2048,
    max_input_chars=200,
    max_input_fields=4,
    max_tokens_limit=64,
    default_max_tokens=16,
    deadline_ms_limit=1000,
    default_deadline_ms=500,
    max_fields=4,
    max_labels=4,
    max_label_chars=8,
    max_topic_chars=64,
    max_correlation_bytes=16,
)
ID = re.compile(r"[A-Za-z0-9._:-]{1,64}")

# No example database (nothing written into the tree) and no per-example deadline (2 slow cores).
FUZZ = settings(
    max_examples=250,
    deadline=None,
    database=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)

# Characters that matter to the protocol, on top of arbitrary Unicode.
tricky = st.sampled_from(
    ["/", "+", "#", "\x00", "\n", "\t", "\x7f", "\x9b", "\ud800", "\udfff", " ", "-", "é", "田"]
)
chars = st.one_of(st.characters(), tricky)
texts = st.text(alphabet=chars, max_size=24)
names = st.one_of(st.from_regex(r"[a-z_][a-z0-9_-]{0,10}", fullmatch=True), texts)
levels = st.one_of(
    texts, st.sampled_from(["edged", "pool", "req", "resp", "dev-1", "alice", "bob", "line3", ""])
)
topics = st.one_of(
    st.just(TOPIC),
    st.just(POOL_TOPIC),
    texts,
    st.lists(levels, max_size=6).map("/".join),
)
response_topics = st.one_of(
    st.none(),
    st.just(REPLY),
    texts,
    st.builds(lambda suffix: "edged/dev-1/resp/alice/" + suffix, texts),
    st.builds(lambda suffix: "edged/pool/line3/resp/alice/" + suffix, texts),
    st.lists(levels, max_size=7).map("/".join),
)
correlations = st.one_of(st.none(), st.binary(max_size=24))

scalars = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(),
    st.integers(min_value=-(10**40), max_value=10**40),
    st.floats(),  # NaN and infinities included: json.dumps writes them as non-JSON constants
    texts,
)
json_values = st.recursive(
    scalars,
    lambda children: st.one_of(
        st.lists(children, max_size=4),
        st.dictionaries(st.one_of(texts, st.sampled_from(["task", "input", "id"])), children, max_size=4),
    ),
    max_leaves=16,
)
good_values: dict[str, st.SearchStrategy[Any]] = {
    "id": st.from_regex(ID, fullmatch=True),
    "task": st.sampled_from([*sorted(TASKS), "translate"]),
    "input": st.one_of(texts, st.dictionaries(names, texts, min_size=1, max_size=5)),
    "fields": st.lists(names, min_size=1, max_size=5),
    "labels": st.lists(st.text(alphabet=chars, min_size=1, max_size=9), min_size=2, max_size=5),
    "max_tokens": st.integers(min_value=-2, max_value=70),
    "deadline_ms": st.integers(min_value=-2, max_value=1100),
    "escalation": st.sampled_from(["auto", "never", "force", "cloud"]),
    "stream": st.booleans(),
    "reply_to": st.one_of(st.just(REPLY), response_topics),
    "correlation_id": st.one_of(texts, st.text(max_size=20)),
}
request_dicts = st.fixed_dictionaries(
    {},
    optional={
        **{key: st.one_of(value, value, json_values) for key, value in good_values.items()},
        "extra": json_values,
    },
)
clean_texts = st.text(alphabet=st.characters(exclude_categories=("Cs", "Cc")), min_size=1, max_size=30)
identifiers = st.from_regex(r"[a-z_][a-z0-9_]{0,10}", fullmatch=True)
valid_values: dict[str, st.SearchStrategy[Any]] = {
    "id": good_values["id"],
    "input": st.one_of(clean_texts, st.dictionaries(identifiers, clean_texts, min_size=1, max_size=3)),
    "fields": st.lists(identifiers, min_size=1, max_size=4, unique=True),
    "labels": st.lists(
        st.from_regex(r"[a-z](?:[a-z ]{0,6}[a-z])?", fullmatch=True), min_size=2, max_size=4, unique=True
    ),
    "max_tokens": st.integers(min_value=1, max_value=64),
    "deadline_ms": st.integers(min_value=1, max_value=1000),
    "escalation": st.sampled_from(["auto", "never", "force"]),
    "stream": st.booleans(),
    "correlation_id": st.text(alphabet="abcdef0123456789-", min_size=1, max_size=16),
}


@st.composite
def near_valid_requests(draw: st.DrawFn) -> dict[str, Any]:
    """A valid request, then, half the time, one key set to something random."""
    task = draw(st.sampled_from(sorted(TASKS)))
    body: dict[str, Any] = {"task": task, "input": draw(valid_values["input"])}
    if task == "extract":
        body["fields"] = draw(valid_values["fields"])
    if task == "classify":
        body["labels"] = draw(valid_values["labels"])
    for key in ("id", "max_tokens", "deadline_ms", "escalation", "stream", "correlation_id"):
        if draw(st.booleans()):
            body[key] = draw(valid_values[key])
    if draw(st.booleans()):
        key = draw(st.sampled_from([*sorted(good_values), "extra"]))
        body[key] = draw(st.one_of(good_values.get(key, json_values), json_values))
    return body


def _reply_topic_ok(topic: str, allowed: str, limits: Limits) -> bool:
    return (
        topic.startswith(allowed)
        and len(topic) > len(allowed)
        and len(topic) <= limits.max_topic_chars
        and not any(c in topic for c in "+#\x00")
        and "//" not in topic
        and not topic.endswith("/")
        and not re.search("[\x00-\x1f\x7f-\x9f\ud800-\udfff]", topic)
    )


def _clean(text: str) -> bool:
    return "\x00" not in text and not re.search("[\ud800-\udfff]", text)


def check_request(request: Request, topic: str, response_topic: str | None, limits: Limits) -> None:
    allowed = parse_topic(topic, PREFIX).response_prefix(PREFIX)
    assert request.route == parse_topic(topic, PREFIX)
    assert ID.fullmatch(request.request_id)
    assert request.task in TASKS
    assert isinstance(request.input, dict)
    assert 1 <= len(request.input) <= limits.max_input_fields
    assert all(isinstance(k, str) and isinstance(v, str) for k, v in request.input.items())
    assert sum(len(v) for v in request.input.values()) <= limits.max_input_chars
    assert all(_clean(k) and _clean(v) for k, v in request.input.items())
    assert any(v.strip() for v in request.input.values())
    if request.task == "extract":
        assert 1 <= len(request.extra) <= limits.max_fields
        assert len(set(request.extra)) == len(request.extra)
        assert all(isinstance(f, str) and 1 <= len(f) <= 64 and _clean(f) for f in request.extra)
        assert all(not set(f) & set("/+# \n") for f in request.extra)
    elif request.task == "classify":
        assert 2 <= len(request.extra) <= limits.max_labels
        assert len(set(request.extra)) == len(request.extra)
        assert all(
            isinstance(label, str)
            and 1 <= len(label) <= limits.max_label_chars
            and label.strip() == label
            and _clean(label)
            for label in request.extra
        )
    else:
        assert request.extra == ()
    assert type(request.max_tokens) is int
    assert 1 <= request.max_tokens <= limits.max_tokens_limit
    assert type(request.deadline_ms) is int
    assert 1 <= request.deadline_ms <= limits.deadline_ms_limit
    assert request.escalation in ("auto", "never", "force")
    assert type(request.stream) is bool
    assert _reply_topic_ok(request.reply_topic, allowed, limits)
    assert request.correlation is None or (
        isinstance(request.correlation, bytes) and len(request.correlation) <= limits.max_correlation_bytes
    )
    if response_topic is not None:
        assert (request.protocol, request.reply_topic) == ("v5", response_topic)
    else:
        assert request.protocol == "v311"
    body = json.loads(
        ok_reply(
            request,
            output={"text": "x"},
            source="edge",
            confidence=0.5,
            escalated=False,
            reason=None,
            model="m",
            usage={},
            timings_ms={},
        ),
    )
    assert body["id"] == request.request_id
    assert ("correlation_id" in body) == (request.protocol == "v311" and request.correlation is not None)
    json.loads(stream_chunk(request, index=0, text="x"))


def check_error(error: ProtocolError, topic: str, response_topic: str | None, limits: Limits) -> None:
    assert error.code in PROTOCOL_ERROR_CODES
    assert error.message
    assert len(error.message) < 2000
    error.message.encode("utf-8")  # printable: no lone surrogates in what gets logged or sent
    assert error.request_id is None or ID.fullmatch(error.request_id)
    if error.code in ("forbidden", "no_reply_topic"):
        assert error.reply_topic is None
    if error.reply_topic is None:
        assert error.correlation is None
        assert protocol_error_reply(error) is None
        return
    # An error is only ever answered on a topic that passed the checks.
    allowed = parse_topic(topic, PREFIX).response_prefix(PREFIX)
    assert _reply_topic_ok(error.reply_topic, allowed, limits)
    if response_topic is not None:
        assert error.reply_topic == response_topic
    assert error.correlation is None or len(error.correlation) <= limits.max_correlation_bytes
    payload = protocol_error_reply(error)
    assert payload is not None
    body = json.loads(payload)
    assert body["status"] == "error"
    assert body["error"] == {"code": error.code, "message": error.message}


def run(
    payload: bytes,
    topic: str = TOPIC,
    response_topic: str | None = REPLY,
    correlation: bytes | None = b"c",
    limits: Limits = SMALL,
) -> Request | None:
    try:
        request = parse_request(
            payload,
            topic=topic,
            response_topic=response_topic,
            correlation=correlation,
            prefix=PREFIX,
            tasks=TASKS,
            limits=limits,
            received_at=1.0,
        )
    except ProtocolError as error:
        check_error(error, topic, response_topic, limits)
        return None
    check_request(request, topic, response_topic, limits)
    return request


def encode(value: object) -> bytes:
    # \u escapes keep lone surrogates representable, as a hostile client could send them.
    return json.dumps(value).encode()


@FUZZ
@given(payload=st.binary(max_size=3000), response_topic=response_topics, correlation=correlations)
def test_arbitrary_bytes(payload: bytes, response_topic: str | None, correlation: bytes | None) -> None:
    run(payload, response_topic=response_topic, correlation=correlation)


@FUZZ
@given(value=json_values, response_topic=response_topics)
def test_arbitrary_json(value: object, response_topic: str | None) -> None:
    run(encode(value), response_topic=response_topic)


@FUZZ
@given(body=request_dicts, response_topic=response_topics, correlation=correlations)
def test_requests_with_random_values(
    body: dict[str, Any],
    response_topic: str | None,
    correlation: bytes | None,
) -> None:
    run(encode(body), response_topic=response_topic, correlation=correlation)


@FUZZ
@given(
    body=near_valid_requests(),
    v311=st.booleans(),
    pool=st.booleans(),
    limits=st.sampled_from([SMALL, Limits()]),
)
def test_mostly_valid_requests(body: dict[str, Any], v311: bool, pool: bool, limits: Limits) -> None:
    topic = POOL_TOPIC if pool else TOPIC
    reply = "edged/pool/line3/resp/alice/x" if pool else REPLY
    if v311:
        body = {**body, "reply_to": body.get("reply_to", reply)}
    run(encode(body), topic=topic, response_topic=None if v311 else reply, limits=limits)


@FUZZ
@given(topic=topics, response_topic=response_topics, body=st.one_of(near_valid_requests(), request_dicts))
def test_arbitrary_topics(topic: str, response_topic: str | None, body: dict[str, Any]) -> None:
    # check_error re-parses the topic whenever an error carries a reply topic, so an error that
    # offered a reply for an unparseable request topic would fail the test.
    run(encode(body), topic=topic, response_topic=response_topic)


@FUZZ
@given(text=st.text(alphabet=chars, max_size=200), cut=st.integers(min_value=0, max_value=300))
def test_truncated_and_mangled_json(text: str, cut: int) -> None:
    payload = encode({"task": "ask", "input": text, "id": "r1"})
    run(payload[:cut])
    run(payload.replace(b"\\", b"", 1))
    run(payload[:cut] + b"\xff" + payload[cut:])
