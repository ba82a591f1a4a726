"""The span a detector reports: a typed piece of the original text."""

from __future__ import annotations

from dataclasses import dataclass

# The built-in types; a site pattern adds its own name, upper-cased ("EMPLOYEE_ID").
PERSON = "PERSON"
EMAIL = "EMAIL"
PHONE = "PHONE"
POSTAL_CODE = "POSTAL_CODE"
ADDRESS = "ADDRESS"
MY_NUMBER = "MY_NUMBER"
CARD_NUMBER = "CARD_NUMBER"
IP_ADDRESS = "IP_ADDRESS"
MAC_ADDRESS = "MAC_ADDRESS"
URL_CREDENTIALS = "URL_CREDENTIALS"

BUILTIN_TYPES = (
    PERSON,
    EMAIL,
    PHONE,
    POSTAL_CODE,
    ADDRESS,
    MY_NUMBER,
    CARD_NUMBER,
    IP_ADDRESS,
    MAC_ADDRESS,
    URL_CREDENTIALS,
)


@dataclass(frozen=True)
class Entity:
    """``text == original[start:end]``; ``detector`` names the rule that found it (for debugging
    and the evaluation, never sent anywhere)."""

    type: str
    start: int
    end: int
    text: str
    detector: str

    def __repr__(self) -> str:  # the value stays out of logs and tracebacks
        return f"Entity({self.type}, {self.start}:{self.end}, detector={self.detector!r})"
