"""The MQTT wire protocol: request topics, request validation and reply payloads.

Pure logic, no MQTT import. Everything a request can be wrong about is decided here, so nothing
unparsed ever reaches the model; every refusal is a ``ProtocolError`` with a stable code.

    common     ProtocolError, Reply (where a refusal may be answered), show (a value in a message)
    decode     bytes -> JSON object (UTF-8, no duplicate keys, no NaN, bounded numbers)
    topics     request topic -> Route; reply topics only under the sender's response prefix
    request    parse_request: every key, the task kind's extra, limits
    payloads   ok_reply, error replies, stream chunks
"""

from __future__ import annotations

from edged.errors import PROTOCOL_ERROR_CODES, ProtocolErrorCode
from edged.requests import Escalation, Limits, Request, Route, WireProtocol
from edged.service.protocol.common import ProtocolError
from edged.service.protocol.payloads import (
    error_reply,
    ok_reply,
    protocol_error_reply,
    request_error_reply,
    stream_chunk,
)
from edged.service.protocol.request import allowed_keys, parse_request
from edged.service.protocol.topics import parse_topic

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
