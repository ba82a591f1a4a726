"""What a parsed request is, and the limits it was parsed under: the types the service, the
escalation path and the configuration share, kept below all of them (the wire protocol that
produces them lives in edged/service/protocol/)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Final, Literal

Escalation = Literal["auto", "never", "force"]
WireProtocol = Literal["v5", "v311"]
Scope = Literal["device", "pool"]

# A name a client gives (an input field, an extraction field): at most this many characters.
NAME_CHARS: Final = 64
# C0 and C1 control characters, and lone surrogates (not valid Unicode): refused in names and labels.
CONTROL_CHARS: Final = re.compile("[\x00-\x1f\x7f-\x9f]")
SURROGATES: Final = re.compile("[\ud800-\udfff]")


def is_name(name: str) -> bool:
    """1..64 letters, digits, '_' or '-', starting with a letter or '_' (Unicode letters allowed:
    a Japanese plant may well name its fields in Japanese)."""
    return 0 < len(name) <= NAME_CHARS and name[0] != "-" and name.replace("-", "_").isidentifier()


@dataclass(frozen=True)
class Limits:
    """What a request may ask for; ``edged.toml`` maps onto it."""

    max_payload_bytes: int = 65536
    max_input_chars: int = 16000  # over all input strings together
    max_input_fields: int = 32
    max_tokens_limit: int = 1024
    default_max_tokens: int = 256
    deadline_ms_limit: int = 120000
    default_deadline_ms: int = 30000
    max_fields: int = 32
    max_labels: int = 32
    max_label_chars: int = 64
    max_topic_chars: int = 512
    max_correlation_bytes: int = 256

    def __post_init__(self) -> None:
        for name, value in vars(self).items():
            if isinstance(value, bool) or not isinstance(value, int) or value < 1:
                raise ValueError(f"limit {name} must be a positive integer, got {value!r}")
        if self.default_max_tokens > self.max_tokens_limit:
            raise ValueError(
                f"default_max_tokens ({self.default_max_tokens}) is above max_tokens_limit "
                f"({self.max_tokens_limit})",
            )
        if self.default_deadline_ms > self.deadline_ms_limit:
            raise ValueError(
                f"default_deadline_ms ({self.default_deadline_ms}) is above deadline_ms_limit "
                f"({self.deadline_ms_limit})",
            )
        if self.max_labels < 2:
            raise ValueError(f"max_labels must be at least 2 (classify needs two), got {self.max_labels}")


@dataclass(frozen=True)
class Route:
    """Where a request arrived: a device's own topic or a pool's shared one."""

    scope: Scope
    name: str  # the device id or the pool name
    # The last topic level: the broker ACL (pattern write .../req/%u) makes it the sender's CN.
    client_id: str

    def response_prefix(self, prefix: str) -> str:
        if self.scope == "pool":
            return f"{prefix}/pool/{self.name}/resp/{self.client_id}/"
        return f"{prefix}/{self.name}/resp/{self.client_id}/"


@dataclass(frozen=True)
class Request:
    """A request that passed every check of ``parse_request``."""

    request_id: str
    route: Route
    task: str
    input: dict[str, str]
    # The task kind's list from the request: extract's fields, classify's labels; () for text.
    extra: tuple[str, ...]
    max_tokens: int
    deadline_ms: int
    escalation: Escalation
    stream: bool
    reply_topic: str
    correlation: bytes | None
    protocol: WireProtocol
    received_at: float  # time.monotonic() when it arrived; deadlines count from here

    @property
    def payload_correlation_id(self) -> str | None:
        """The correlation to echo inside reply payloads (v311 clients only)."""
        return payload_correlation_id(self.protocol, self.correlation)

    @property
    def deadline_at(self) -> float:
        """The time.monotonic() value after which an answer is no longer wanted."""
        return self.received_at + self.deadline_ms / 1000.0


def payload_correlation_id(protocol: WireProtocol | None, correlation: bytes | None) -> str | None:
    if protocol != "v311" or correlation is None:
        return None
    return correlation.decode("utf-8", "replace")
