"""One detector set per test session: building it reads the dictionaries (well under a second)."""

from __future__ import annotations

import pytest

from edged.privacy import PrivacyConfig, Redactor
from edged.privacy.evalset import eval_config


@pytest.fixture(scope="session")
def redactor() -> Redactor:
    """Standard mode: what the detectors can show (strict mode's extras have their own tests)."""
    return Redactor(PrivacyConfig(mode="standard"))


@pytest.fixture(scope="session")
def strict_redactor() -> Redactor:
    return Redactor(PrivacyConfig(mode="strict"))


@pytest.fixture(scope="session")
def site_redactor() -> Redactor:
    """With the evaluation's site patterns (employee ids, Luhn-checked machine serials)."""
    return Redactor(eval_config().model_copy(update={"mode": "standard"}))


def found(redactor: Redactor, text: str, lang: str = "auto") -> list[tuple[str, str]]:
    """(type, text) of every entity, checking the offsets on the way."""
    out = []
    for e in redactor.detect(text, lang):
        assert text[e.start : e.end] == e.text
        out.append((e.type, e.text))
    return out
