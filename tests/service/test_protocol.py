"""The wire protocol: every request rule with its stable code and message, topics, reply shapes."""

from __future__ import annotations

import json
from typing import Any

import pytest

from edged.errors import EdgedError
from edged.service.protocol import (
    Limits,
    ProtocolError,
    Request,
    Route,
    error_reply,
    ok_reply,
    parse_request,
    parse_topic,
    protocol_error_reply,
    request_error_reply,
    stream_chunk,
)

TASKS = frozenset({"summarize", "extract", "classify", "ask"})
TOPIC = "edged/dev-1/req/alice"
REPLY = "edged/dev-1/resp/alice/r1"


def parse(
    body: Any = None,
    *,
    raw: bytes | None = None,
    topic: str = TOPIC,
    response_topic: str | None = REPLY,
    correlation: bytes | None = b"corr-1",
    limits: Limits | None = None,
    task_max_tokens: dict[str, int] | None = None,
) -> Request:
    payload = raw if raw is not None else json.dumps(body).encode()  # \u escapes: lone surrogates survive
    return parse_request(
        payload,
        topic=topic,
        response_topic=response_topic,
        correlation=correlation,
        prefix="edged",
        tasks=TASKS,
        limits=limits or Limits(),
        received_at=123.5,
        task_max_tokens=task_max_tokens,
    )


def refused(body: Any = None, **kwargs: Any) -> ProtocolError:
    with pytest.raises(ProtocolError) as info:
        parse(body, **kwargs)
    return info.value


def summarize(**extra: Any) -> dict[str, Any]:
    return {"task": "summarize", "input": "Press 3 stopped twice on the night shift.", **extra}


# -- topics ----------------------------------------------------------------------------------


def test_device_topic() -> None:
    route = parse_topic("edged/dev-1/req/alice", "edged")
    assert route == Route("device", "dev-1", "alice")
    assert route.response_prefix("edged") == "edged/dev-1/resp/alice/"


def test_pool_topic() -> None:
    route = parse_topic("edged/pool/line3/req/alice", "edged")
    assert route == Route("pool", "line3", "alice")
    assert route.response_prefix("edged") == "edged/pool/line3/resp/alice/"


def test_prefix_with_levels() -> None:
    route = parse_topic("plant/a/edged/dev-1/req/bob", "plant/a/edged")
    assert route.response_prefix("plant/a/edged") == "plant/a/edged/dev-1/resp/bob/"


@pytest.mark.parametrize(
    "topic",
    [
        "other/dev-1/req/alice",
        "edged",
        "edged/dev-1/req",
        "edged/dev-1/req/alice/extra",
        "edged/dev-1/resp/alice",
        "edged/dev-1/status",
        "edged/pool/req/alice",  # "pool" is reserved, not a device id
        "edged/pool/line3/resp/alice",
        "edgedx/dev-1/req/alice",
        "",
    ],
)
def test_not_a_request_topic(topic: str) -> None:
    with pytest.raises(ProtocolError) as info:
        parse_topic(topic, "edged")
    assert info.value.code == "bad_request"
    assert info.value.reply_topic is None
    assert "publish requests to edged/<device>/req/<client>" in info.value.message


@pytest.mark.parametrize(
    ("topic", "problem"),
    [
        ("edged//req/alice", "device id in topic 'edged//req/alice' is empty"),
        ("edged/dev-1/req/", "client id in topic 'edged/dev-1/req/' is empty"),
        ("edged/dev-1/req/+", "contains an MQTT wildcard"),
        ("edged/pool/#/req/alice", "pool name in topic 'edged/pool/#/req/alice' contains an MQTT wildcard"),
        ("edged/dev-1/req/al\x00ice", "control character"),
        ("edged/dev-1/req/" + "a" * 129, "longer than 128 characters"),
    ],
)
def test_bad_topic_levels(topic: str, problem: str) -> None:
    with pytest.raises(ProtocolError) as info:
        parse_topic(topic, "edged")
    assert problem in info.value.message
    assert info.value.reply_topic is None


def test_bad_topic_is_refused_before_anything_else() -> None:
    error = refused(raw=b"\xff" * 100_000, topic="edged/dev-1/status")
    assert error.code == "bad_request"
    assert error.reply_topic is None


# -- a good request --------------------------------------------------------------------------


def test_minimal_request_gets_defaults() -> None:
    request = parse(summarize())
    assert request.task == "summarize"
    assert request.input == {"text": "Press 3 stopped twice on the night shift."}
    assert request.extra == ()
    assert request.max_tokens == 256
    assert request.deadline_ms == 30000
    assert request.escalation == "auto"
    assert request.stream is False
    assert request.reply_topic == REPLY
    assert request.correlation == b"corr-1"
    assert request.protocol == "v5"
    assert request.received_at == 123.5
    assert request.deadline_at == pytest.approx(153.5)
    assert request.route == Route("device", "dev-1", "alice")
    assert len(request.request_id) == 32
    int(request.request_id, 16)
    assert parse(summarize()).request_id != request.request_id


def test_full_request() -> None:
    request = parse(
        {
            "id": "req-42:a.b_c",
            "task": "extract",
            "input": {"note": "Press 3: hydraulic leak at 02:10", "operator": "田中", "line": "L3"},
            "fields": ["machine", "symptom", "time"],
            "max_tokens": 128,
            "deadline_ms": 5000,
            "escalation": "never",
            "stream": True,
        },
    )
    assert request.request_id == "req-42:a.b_c"
    assert request.input == {"note": "Press 3: hydraulic leak at 02:10", "operator": "田中", "line": "L3"}
    assert request.extra == ("machine", "symptom", "time")
    assert (request.max_tokens, request.deadline_ms, request.escalation, request.stream) == (
        128,
        5000,
        "never",
        True,
    )


def test_classify_request() -> None:
    request = parse({"task": "classify", "input": "E-stop pressed", "labels": ["fault", "warning", "info"]})
    assert request.extra == ("fault", "warning", "info")


def test_pool_request_replies_under_the_pool() -> None:
    request = parse(
        summarize(),
        topic="edged/pool/line3/req/alice",
        response_topic="edged/pool/line3/resp/alice/x/y",
    )
    assert request.route.scope == "pool"
    assert request.reply_topic == "edged/pool/line3/resp/alice/x/y"


def test_nulls_count_as_absent() -> None:
    request = parse(
        summarize(id=None, max_tokens=None, deadline_ms=None, escalation=None, stream=None, fields=None),
    )
    assert (request.max_tokens, request.escalation, request.stream) == (256, "auto", False)


def test_task_default_max_tokens_applies_and_is_capped() -> None:
    assert parse(summarize(), task_max_tokens={"summarize": 300}).max_tokens == 300
    assert parse(summarize(), task_max_tokens={"summarize": 99999}).max_tokens == 1024
    assert parse(summarize(max_tokens=12), task_max_tokens={"summarize": 300}).max_tokens == 12
    assert parse(summarize(), task_max_tokens={"extract": 300}).max_tokens == 256


def test_byte_order_mark_is_tolerated() -> None:
    assert parse(raw=b"\xef\xbb\xbf" + json.dumps(summarize()).encode()).task == "summarize"


# -- order: who can get an error reply -------------------------------------------------------


def test_too_large_v5_is_answered_without_decoding() -> None:
    error = refused(raw=b"\xff" * 65537)  # invalid UTF-8: it must not even be decoded
    assert error.code == "too_large"
    assert error.message == "the payload is 65537 bytes; the limit is 65536: send less input"
    assert (error.reply_topic, error.correlation) == (REPLY, b"corr-1")


def test_too_large_v311_cannot_be_answered() -> None:
    body = summarize(reply_to=REPLY, input="x" * 70000)
    error = refused(body, response_topic=None, correlation=None)
    assert error.code == "too_large"
    assert error.reply_topic is None


def test_payload_at_the_limit_is_read() -> None:
    limits = Limits(max_payload_bytes=256)  # the smallest limit edged.toml allows
    body = summarize()
    payload = json.dumps(body).encode()
    payload += b" " * (256 - len(payload))
    assert parse(raw=payload, limits=limits).task == "summarize"
    assert refused(raw=payload + b" ", limits=limits).code == "too_large"


def test_bad_encoding() -> None:
    error = refused(raw=b'{"task": "summarize", "input": "caf\xe9"}')
    assert error.code == "bad_encoding"
    assert "not valid UTF-8 (bad byte at offset 35)" in error.message
    assert error.reply_topic == REPLY


def test_encoded_surrogates_are_bad_encoding() -> None:
    assert refused(raw=b'{"input": "\xed\xa0\x80"}').code == "bad_encoding"


@pytest.mark.parametrize(
    ("raw", "message"),
    [
        (b"", "the payload is not valid JSON: Expecting value at line 1 column 1"),
        (b'{"task": "summarize",}', "not valid JSON"),
        (b'{"task": NaN}', "the payload holds NaN, which is not JSON"),
        (b'{"max_tokens": Infinity}', "the payload holds Infinity, which is not JSON"),
        (b'{"max_tokens": -Infinity}', "-Infinity"),
        (b'{"max_tokens": 1e999}', "the payload holds the number 1e999, which is out of range"),
        (b'{"max_tokens": ' + b"9" * 40 + b"}", "an integer with more than 32 digits"),
        (b'{"task": "a", "task": "b"}', "the payload repeats the key 'task': each key may appear once"),
        (b'{"input": {"a": "1", "a": "2"}}', "repeats the key 'a'"),
        (b"[" * 5000 + b"]" * 5000, "nests arrays or objects too deeply"),
        (b'["summarize"]', "the payload must be a JSON object such as"),
        (b'"summarize"', "got a JSON string"),
        (b"null", "got null"),
        (b"42", "got a JSON number"),
        (b"true", "got a JSON boolean"),
    ],
)
def test_bad_json(raw: bytes, message: str) -> None:
    error = refused(raw=raw)
    assert error.code == "bad_request"
    assert message in error.message
    assert error.reply_topic == REPLY


def test_bad_json_from_v311_client_cannot_be_answered() -> None:
    error = refused(raw=b'{"reply_to": "' + REPLY.encode() + b'",', response_topic=None, correlation=None)
    assert error.code == "bad_request"
    assert error.reply_topic is None


# -- reply topic -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("topic", "problem"),
    [
        ("edged/dev-1/resp/bob/r1", "must lie under 'edged/dev-1/resp/alice/'"),
        ("edged/dev-1/resp/alice/", "with at least one more character"),
        ("edged/dev-1/resp/alice", "must lie under"),
        ("edged/dev-2/resp/alice/r1", "must lie under"),
        ("edged/dev-1/resp/alice-evil/r1", "must lie under"),
        ("edged/pool/x/resp/alice/r1", "must lie under"),
        ("edged/dev-1/resp/alice/+", "must not contain the MQTT wildcards"),
        ("edged/dev-1/resp/alice/a/#", "must not contain the MQTT wildcards"),
        ("edged/dev-1/resp/alice/a//b", "must not contain an empty level"),
        ("edged/dev-1/resp/alice/a/", "must not contain an empty level"),
        ("edged/dev-1/resp/alice/a\x00b", "without control characters"),
        ("edged/dev-1/resp/alice/a\nb", "without control characters"),
        ("edged/dev-1/resp/alice/a\x9bb", "without control characters"),
        ("edged/dev-1/resp/alice/\ud800", "valid UTF-8"),
        ("edged/dev-1/resp/alice/" + "x" * 490, "is 513 characters long; the limit is 512"),
        ("", "must lie under"),
    ],
)
def test_forbidden_response_topic(topic: str, problem: str) -> None:
    error = refused(summarize(), response_topic=topic)
    assert error.code == "forbidden"
    assert error.message.startswith("the Response Topic ")
    assert problem in error.message
    # Never written to, and nothing of the request is echoed anywhere.
    assert (error.reply_topic, error.correlation, error.request_id) == (None, None, None)
    assert protocol_error_reply(error) is None


def test_forbidden_reply_to_v311() -> None:
    error = refused(
        summarize(reply_to="edged/dev-1/resp/bob/r1", id="r9"), response_topic=None, correlation=None
    )
    assert error.code == "forbidden"
    assert error.message.startswith("reply_to 'edged/dev-1/resp/bob/r1' is refused: it must lie under")
    assert error.reply_topic is None


def test_forbidden_is_checked_before_size() -> None:
    error = refused(raw=b"x" * 70000, response_topic="elsewhere/x")
    assert error.code == "forbidden"


def test_response_topic_at_the_length_limit() -> None:
    topic = "edged/dev-1/resp/alice/" + "x" * (512 - len("edged/dev-1/resp/alice/"))
    assert parse(summarize(), response_topic=topic).reply_topic == topic


def test_no_reply_topic() -> None:
    error = refused(summarize(), response_topic=None, correlation=None)
    assert error.code == "no_reply_topic"
    assert "set the MQTT v5 Response Topic property" in error.message
    assert "'edged/dev-1/resp/alice/'" in error.message
    assert error.reply_topic is None


def test_v311_fallback() -> None:
    request = parse(
        summarize(reply_to="edged/dev-1/resp/alice/rr", correlation_id="c-ä"),
        response_topic=None,
        correlation=None,
    )
    assert request.protocol == "v311"
    assert request.reply_topic == "edged/dev-1/resp/alice/rr"
    assert request.correlation == "c-ä".encode()
    assert request.payload_correlation_id == "c-ä"


def test_v311_without_correlation() -> None:
    request = parse(summarize(reply_to="edged/dev-1/resp/alice/rr"), response_topic=None, correlation=None)
    assert request.correlation is None
    assert request.payload_correlation_id is None


def test_v311_reply_to_must_be_a_string() -> None:
    error = refused(summarize(reply_to=["x"]), response_topic=None, correlation=None)
    assert (error.code, error.reply_topic) == ("bad_request", None)
    assert error.message == "reply_to must be a topic string, got an array"


@pytest.mark.parametrize(
    ("correlation_id", "message"),
    [
        (7, "correlation_id must be a string, got 7"),
        ("", "correlation_id must be 1 to 256 bytes of UTF-8, got 0"),
        ("é" * 129, "correlation_id must be 1 to 256 bytes of UTF-8, got 258"),
        ("a\x00b", "correlation_id contains a NUL character"),
    ],
)
def test_v311_bad_correlation_is_answered_without_it(correlation_id: object, message: str) -> None:
    error = refused(
        summarize(reply_to=REPLY, correlation_id=correlation_id), response_topic=None, correlation=None
    )
    assert error.message == message
    assert (error.reply_topic, error.correlation, error.protocol) == (REPLY, None, "v311")


def test_v5_properties_win_over_payload() -> None:
    request = parse(summarize(reply_to="edged/dev-1/resp/bob/x", correlation_id="ignored"))
    assert (request.reply_topic, request.correlation, request.protocol) == (REPLY, b"corr-1", "v5")


def test_v5_payload_reply_keys_stay_typed() -> None:
    assert refused(summarize(reply_to=5)).message == "reply_to must be a string, got 5"


def test_v5_correlation_too_long() -> None:
    error = refused(summarize(), correlation=b"x" * 257)
    assert error.message == "the Correlation Data is 257 bytes; the limit is 256"
    assert (error.reply_topic, error.correlation) == (REPLY, None)
    assert parse(summarize(), correlation=b"x" * 256).correlation == b"x" * 256


def test_v5_without_correlation() -> None:
    assert parse(summarize(), correlation=None).correlation is None


def test_errors_after_the_reply_topic_carry_it() -> None:
    error = refused(summarize(id="r-7", max_tokens=0))
    assert (error.reply_topic, error.correlation, error.request_id, error.protocol) == (
        REPLY,
        b"corr-1",
        "r-7",
        "v5",
    )


# -- keys, id, task --------------------------------------------------------------------------


def test_unknown_keys_are_named() -> None:
    error = refused(summarize(temperature=0.2, model="gpt"))
    assert error.code == "bad_request"
    assert error.message.startswith("unknown key(s) 'model', 'temperature'; the allowed keys are: ")
    assert "correlation_id, deadline_ms, escalation, fields" in error.message


def test_many_unknown_keys_are_cut_short() -> None:
    error = refused(summarize(**{f"k{i:03}": 1 for i in range(500)}))
    assert "'k000', 'k001', 'k002', 'k003', 'k004' ...; the allowed" in error.message
    assert len(error.message) < 400


@pytest.mark.parametrize("value", ["", "a" * 65, "has space", "ä", "a/b", 12, True, ["x"]])
def test_bad_id(value: object) -> None:
    error = refused(summarize(id=value))
    assert error.message.startswith("id must be 1 to 64 characters of A-Z a-z 0-9 . _ : -, got ")
    assert error.request_id is None


def test_id_at_the_limit() -> None:
    assert parse(summarize(id="A" * 64)).request_id == "A" * 64


def test_missing_task() -> None:
    error = refused({"input": "x"})
    assert error.message == "task is required: one of ask, classify, extract, summarize"


def test_task_not_a_string() -> None:
    error = refused({"task": 3, "input": "x"})
    assert (error.code, error.message) == (
        "bad_request",
        "task must be a string, one of ask, classify, extract, summarize; got 3",
    )


def test_unknown_task() -> None:
    error = refused({"task": "translate", "input": "x"})
    assert error.code == "unknown_task"
    assert (
        error.message == "unknown task 'translate': this appliance serves ask, classify, extract, summarize"
    )


# -- input -----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("value", "message"),
    [
        (None, "input is required: a string, or an object of named strings"),
        (5, "input must be a string, or an object of named strings such as"),
        (["a"], "got an array"),
        ({}, "input is an empty object"),
        ({"note": 5}, "input.note must be a string, got 5"),
        ({"note": {"nested": "x"}}, "input.note must be a string, got an object"),
        ({"note": ["x"]}, "input.note must be a string, got an array"),
        ({"note": None}, "input.note must be a string, got null"),
        ({"": "x"}, "input field name '' is not a name"),
        ({"a b": "x"}, "input field name 'a b' is not a name"),
        ({"-x": "x"}, "is not a name"),
        ({"x" * 65: "x"}, "is not a name"),
        ("a\x00b", "input.text contains a NUL character"),
        ({"note": "a\ud800"}, "input.note contains a lone surrogate"),
        ("   \n", "input is empty: give the text to work on"),
        ({"a": "", "b": " "}, "input is empty"),
    ],
)
def test_bad_input(value: object, message: str) -> None:
    body = {"task": "summarize"} if value is None else {"task": "summarize", "input": value}
    error = refused(body)
    assert error.code == "bad_request"
    assert message in error.message


def test_input_names_may_be_japanese() -> None:
    assert parse(summarize(input={"備考": "異音あり", "line-no": "3"})).input == {
        "備考": "異音あり",
        "line-no": "3",
    }


def test_input_size_limits() -> None:
    limits = Limits(max_input_chars=10, max_input_fields=2)
    assert parse(summarize(input={"a": "12345", "b": "12345"}), limits=limits).input["b"] == "12345"
    error = refused(summarize(input={"a": "12345", "b": "123456"}), limits=limits)
    assert error.code == "too_large"
    assert error.message == (
        "input is 11 characters in all; the limit is 10: shorten it or split it across requests"
    )
    error = refused(summarize(input={"a": "1", "b": "2", "c": "3"}), limits=limits)
    assert (error.code, error.message) == ("bad_request", "input has 3 fields; the limit is 2")


# -- fields and labels -----------------------------------------------------------------------


def extract(fields: object) -> dict[str, Any]:
    return {"task": "extract", "input": "note", "fields": fields}


def classify(labels: object) -> dict[str, Any]:
    return {"task": "classify", "input": "note", "labels": labels}


@pytest.mark.parametrize(
    ("fields", "message"),
    [
        (None, 'task extract needs "fields": the names to extract'),
        ("machine", "fields must be an array of strings, got 'machine'"),
        ([], "fields must hold 1 to 32 entries, got 0"),
        ([f"f{i}" for i in range(33)], "fields must hold 1 to 32 entries, got 33"),
        (["a", 1], "each entry of fields must be a string, got 1"),
        (["a", "a"], "fields repeats 'a': each entry must be unique"),
        (["a b"], "field 'a b' is not a name"),
        ([""], "field '' is not a name"),
        (["1st"], "field '1st' is not a name"),
        (["x" * 65], "is not a name"),
    ],
)
def test_bad_fields(fields: object, message: str) -> None:
    assert message in refused(extract(fields)).message


def test_fields_belong_to_extract_only() -> None:
    assert (
        refused(summarize(fields=["a"])).message
        == "fields applies to task extract only, not summarize: remove it"
    )


@pytest.mark.parametrize(
    ("labels", "message"),
    [
        (None, 'task classify needs "labels": at least two'),
        ({"a": 1}, "labels must be an array of names or {name, description} objects, got an object"),
        (["fault"], "labels must hold 2 to 32 entries, got 1"),
        ([f"l{i}" for i in range(33)], "labels must hold 2 to 32 entries, got 33"),
        (["fault", None], "each entry of labels must be a string, got null"),
        (["fault", "fault"], "labels repeats 'fault': each entry must be unique"),
        (["fault", ""], "labels must not be empty or blank"),
        (["fault", "  "], "labels must not be empty or blank"),
        (["fault", " info"], "label ' info' starts or ends with whitespace: remove it"),
        (["fault", "x" * 65], "is longer than 64 characters"),
        (["fault", "a\nb"], "label 'a\\nb' contains a control character"),
        (["fault", "a\ud800"], "contains a control character or invalid Unicode"),
    ],
)
def test_bad_labels(labels: object, message: str) -> None:
    assert message in refused(classify(labels)).message


def test_labels_belong_to_classify_only() -> None:
    assert refused(summarize(labels=["a", "b"])).message == (
        "labels applies to task classify only, not summarize: remove it"
    )


def test_labels_may_be_japanese_and_have_spaces() -> None:
    assert parse(classify(["異常", "正常", "needs check"])).extra == ("異常", "正常", "needs check")


# -- numbers and options ---------------------------------------------------------------------


@pytest.mark.parametrize(
    ("value", "shown"),
    [(0, "0"), (5000, "5000"), (-1, "-1"), (True, "true"), (12.0, "12.0"), ("12", "'12'"), ([1], "an array")],
)
def test_bad_max_tokens(value: object, shown: str) -> None:
    error = refused(summarize(max_tokens=value))
    assert error.message == f"max_tokens must be an integer between 1 and 1024, got {shown}"


def test_max_tokens_bounds() -> None:
    assert parse(summarize(max_tokens=1)).max_tokens == 1
    assert parse(summarize(max_tokens=1024)).max_tokens == 1024


@pytest.mark.parametrize("value", [0, 120001, False, 1.5, "5000"])
def test_bad_deadline(value: object) -> None:
    assert refused(summarize(deadline_ms=value)).message.startswith(
        "deadline_ms must be an integer between 1 and 120000, got ",
    )


@pytest.mark.parametrize("value", ["AUTO", "cloud", 1, True])
def test_bad_escalation(value: object) -> None:
    assert refused(summarize(escalation=value)).message.startswith(
        "escalation must be one of 'auto', 'never', 'force', got ",
    )


@pytest.mark.parametrize("value", ["true", 1, 0, []])
def test_bad_stream(value: object) -> None:
    assert refused(summarize(stream=value)).message.startswith("stream must be true or false, got ")


def test_long_values_are_cut_short_in_messages() -> None:
    error = refused(summarize(escalation="x" * 5000))
    assert len(error.message) < 150
    assert "..." in error.message


def test_huge_integers_are_not_printed() -> None:
    error = refused(summarize(max_tokens=10**31))
    assert error.message == "max_tokens must be an integer between 1 and 1024, got a very large integer"


def test_limits_validate_themselves() -> None:
    with pytest.raises(ValueError, match="default_max_tokens"):
        Limits(max_tokens_limit=100)
    with pytest.raises(ValueError, match="max_fields\n  Input should be greater than or equal to 1"):
        Limits(max_fields=0)
    with pytest.raises(ValueError, match="default_deadline_ms"):
        Limits(deadline_ms_limit=1000)


# -- replies ---------------------------------------------------------------------------------


def v311_request() -> Request:
    return parse(
        summarize(reply_to=REPLY, correlation_id="c-1", id="r1"), response_topic=None, correlation=None
    )


def test_ok_reply_shape() -> None:
    request = parse(summarize(id="r1"))
    payload = ok_reply(
        request,
        output={"text": "Press 3 stopped twice — 夜勤"},
        source="edge",
        confidence=0.912345678,
        escalated=False,
        reason=None,
        model="phi-3-mini-4k-instruct@jetson-agx-orin-64gb",
        usage={"prompt_tokens": 212, "completion_tokens": 41, "cloud_tokens": 0},
        timings_ms={"queue": 1.2, "engine": 640.0, "total": 645.1},
    )
    assert "夜勤".encode() in payload  # UTF-8, not \u escapes
    assert json.loads(payload) == {
        "status": "ok",
        "id": "r1",
        "output": {"text": "Press 3 stopped twice — 夜勤"},
        "source": "edge",
        "confidence": 0.9123,
        "escalated": False,
        "reason": None,
        "degraded": False,
        "model": "phi-3-mini-4k-instruct@jetson-agx-orin-64gb",
        "usage": {"prompt_tokens": 212, "completion_tokens": 41, "cloud_tokens": 0},
        "timings_ms": {"queue": 1.2, "engine": 640.0, "total": 645.1},
    }


def test_ok_reply_v311_carries_correlation_id() -> None:
    payload = ok_reply(
        v311_request(),
        output={"label": "fault"},
        source="cloud",
        confidence=None,
        escalated=True,
        reason="low_confidence",
        model="m",
        usage={},
        timings_ms={},
        degraded=True,
    )
    body = json.loads(payload)
    assert body["correlation_id"] == "c-1"
    assert (body["confidence"], body["escalated"], body["reason"], body["degraded"]) == (
        None,
        True,
        "low_confidence",
        True,
    )


def test_ok_reply_never_emits_invalid_json() -> None:
    payload = ok_reply(
        parse(summarize()),
        output={"scores": (float("nan"), 1.0), "text": "a\ud800b"},
        source="edge",
        confidence=float("nan"),
        escalated=False,
        reason=None,
        model="m",
        usage={"prompt_tokens": 1},
        timings_ms={"total": float("inf"), "queue": 0.123456},
    )
    payload.decode("utf-8")
    body = json.loads(payload)
    assert body["output"] == {"scores": [None, 1.0], "text": "a?b"}
    assert body["confidence"] is None
    assert body["timings_ms"] == {"total": None, "queue": 0.123}


def test_confidence_is_clamped() -> None:
    def confidence(value: float) -> object:
        payload = ok_reply(
            parse(summarize()),
            output=None,
            source="edge",
            confidence=value,
            escalated=False,
            reason=None,
            model="m",
            usage={},
            timings_ms={},
        )
        return json.loads(payload)["confidence"]

    assert confidence(1.00000001) == 1.0
    assert confidence(-0.1) == 0.0
    assert confidence(0.123456) == 0.1235


def test_error_reply_shape() -> None:
    assert json.loads(error_reply("busy", "the queue is full: retry in a second", request_id="r1")) == {
        "status": "error",
        "id": "r1",
        "error": {"code": "busy", "message": "the queue is full: retry in a second"},
    }
    body = json.loads(
        error_reply(
            "deadline_exceeded", "late", request_id=None, timings_ms={"queue": 5.0}, correlation_id="c"
        ),
    )
    assert body == {
        "status": "error",
        "id": None,
        "error": {"code": "deadline_exceeded", "message": "late"},
        "timings_ms": {"queue": 5.0},
        "correlation_id": "c",
    }


def test_request_error_reply() -> None:
    assert json.loads(request_error_reply(v311_request(), "busy", "full"))["correlation_id"] == "c-1"
    assert "correlation_id" not in json.loads(request_error_reply(parse(summarize()), "busy", "full"))


def test_protocol_error_reply() -> None:
    error = refused(summarize(id="r-3", max_tokens=0))
    payload = protocol_error_reply(error)
    assert payload is not None
    assert json.loads(payload) == {
        "status": "error",
        "id": "r-3",
        "error": {
            "code": "bad_request",
            "message": "max_tokens must be an integer between 1 and 1024, got 0",
        },
    }
    v311 = refused(
        summarize(reply_to=REPLY, correlation_id="c-9", task="nope"), response_topic=None, correlation=None
    )
    payload = protocol_error_reply(v311)
    assert payload is not None
    assert json.loads(payload)["correlation_id"] == "c-9"
    assert json.loads(payload)["error"]["code"] == "unknown_task"


def test_stream_chunk() -> None:
    request = parse(summarize(id="r1", stream=True))
    assert json.loads(stream_chunk(request, index=3, text="ab ç")) == {
        "status": "chunk",
        "id": "r1",
        "index": 3,
        "text": "ab ç",
    }
    assert json.loads(stream_chunk(v311_request(), index=0, text=""))["correlation_id"] == "c-1"


def test_protocol_error_is_an_edged_error() -> None:
    error = ProtocolError("nope", code="forbidden")
    assert isinstance(error, EdgedError)
    assert (error.code, str(error), error.reply_topic) == ("forbidden", "nope", None)
