"""One detector set per test session: building it reads the dictionaries (well under a second)."""

from __future__ import annotations

import pytest

from edged.privacy import Redactor
from edged.privacy.evalset import eval_config


@pytest.fixture(scope="session")
def redactor() -> Redactor:
    return Redactor()


@pytest.fixture(scope="session")
def site_redactor() -> Redactor:
    """With the evaluation's site patterns (employee ids, Luhn-checked machine serials)."""
    return Redactor(eval_config())


def found(redactor: Redactor, text: str, lang: str = "auto") -> list[tuple[str, str]]:
    """(type, text) of every entity, checking the offsets on the way."""
    out = []
    for e in redactor.detect(text, lang):
        assert text[e.start : e.end] == e.text
        out.append((e.type, e.text))
    return out
