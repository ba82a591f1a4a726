"""What a parsed request is, and the limits it was parsed under: the types the service, the
escalation path and the configuration share, kept below all of them (the wire protocol that
produces them lives in edged/service/protocol/)."""

from __future__ import annotations

import hashlib
import json
import re
from dataclasses import dataclass
from typing import Final, Literal

from pydantic import Field, model_validator

from edged.basemodel import StrictModel

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


class Limits(StrictModel):
    """What a request may ask for: the ``[limits]`` table of edged.toml, validated once, and the
    object the wire protocol checks every request against."""

    max_payload_bytes: int = Field(
        default=65536, ge=256, le=16 << 20, description="Largest request accepted."
    )
    max_input_chars: int = Field(default=16000, ge=1, description="Total characters of all input fields.")
    max_input_fields: int = Field(default=32, ge=1, description="Input strings in one request at most.")
    max_tokens_limit: int = Field(default=1024, ge=1, description="Largest max_tokens a request may ask for.")
    default_max_tokens: int = Field(default=256, ge=1, description="max_tokens when a request gives none.")
    deadline_ms_limit: int = Field(default=120000, ge=100, description="Largest deadline_ms accepted.")
    default_deadline_ms: int = Field(
        default=30000, ge=100, description="deadline_ms when a request gives none."
    )
    max_fields: int = Field(default=32, ge=1, description="Fields an extract request may name at most.")
    max_labels: int = Field(
        default=32, ge=2, description="Labels a classify request may give (it needs two)."
    )
    max_label_chars: int = Field(default=64, ge=1, description="Characters of one classify label.")
    max_topic_chars: int = Field(default=512, ge=1, description="Characters of a reply (Response) topic.")
    max_correlation_bytes: int = Field(default=256, ge=1, description="Bytes of Correlation Data.")
    max_schema_bytes: int = Field(
        default=8192, ge=64, description="Bytes of an extract request's schema (as compact JSON)."
    )
    max_schema_depth: int = Field(
        default=4, ge=1, le=16, description="Levels of objects and arrays an extract schema may nest."
    )
    max_schema_properties: int = Field(
        default=64, ge=1, description="Properties of an extract schema, all levels together."
    )
    max_pattern_chars: int = Field(default=128, ge=1, description="Characters of one schema pattern.")

    @model_validator(mode="after")
    def _defaults_within_limits(self) -> Limits:
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
        return self


@dataclass(frozen=True)
class AnswerSchema:
    """The JSON Schema an answer must match, checked and bounded (``edged.tasks.schema``): kept as
    its canonical compact JSON, which is hashable, pickles to the engine's child as it is, and is
    what a constraint engine takes."""

    text: str

    @property
    def digest(self) -> str:
        """A short stable name for the schema (logs, caches)."""
        return hashlib.sha256(self.text.encode()).hexdigest()[:16]

    def document(self) -> dict[str, object]:
        value = json.loads(self.text)
        if not isinstance(value, dict):
            raise TypeError("an answer schema is a JSON object")
        return value


@dataclass(frozen=True)
class LabelSet:
    """How a classify request asks about its labels (the names are the request's ``extra``):
    each label's description for the prompt (None where it has none), and whether the labels are
    independent (``multi``: each scored on its own, those at or above ``threshold`` answered)."""

    descriptions: tuple[str | None, ...] = ()
    multi: bool = False
    threshold: float = 0.5


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
    # The answer's JSON Schema (extract: the request's ``schema``, or the one built from its
    # ``fields``); None for kinds that return no object.
    schema: AnswerSchema | None = None
    # The task's kind as its table configures it (``[tasks.NAME] kind``); None: the kind of its name.
    kind: str | None = None
    # classify: the labels' descriptions, and multi with its threshold; None for other kinds.
    labels: LabelSet | None = None

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
