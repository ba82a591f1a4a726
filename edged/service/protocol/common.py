"""What every part of the wire protocol shares: the refusal (``ProtocolError``), where it may be
answered (``Reply``, filled in as parsing goes) and how a client's value is shown in a message."""

from __future__ import annotations

from typing import Final, NoReturn

from edged.errors import EdgedError, ErrorCode, ProtocolErrorCode
from edged.requests import SURROGATES, WireProtocol, payload_correlation_id

# A certificate CN is at most 64 characters (X.509 ub-common-name); twice that is generous.
LEVEL_CHARS: Final = 128
MQTT_TOPIC_BYTES: Final = 65535
# JSON allows integers of any length; Python's int() is quadratic in the digits, and nothing in
# a request needs more than a few.
INT_DIGITS: Final = 32
SHOW_CHARS: Final = 40
_SHOW_DIGITS: Final = 20


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


class Reply:
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


def show(value: object, limit: int = SHOW_CHARS) -> str:  # noqa: PLR0911 - one return per JSON type
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


def text_problem(text: str) -> str | None:
    if "\x00" in text:
        return "contains a NUL character"
    if SURROGATES.search(text):
        return "contains a lone surrogate (not valid Unicode)"
    return None
