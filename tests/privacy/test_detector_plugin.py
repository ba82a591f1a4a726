"""A new detector is one module with a ``build(resources)`` function and one registry line: the
config accepts its name and the redactor runs it, with no edit elsewhere."""

from __future__ import annotations

import textwrap
from pathlib import Path

import pytest

from edged.errors import ConfigError
from edged.privacy import Redactor
from edged.privacy.config import PrivacyConfig
from edged.privacy.registry import DETECTORS

DETECTOR_MODULE = '''
"""The plant's visitor badges: BDG- and six digits."""

import re

from edged.privacy.detector import FunctionDetector, Span

_BADGE = re.compile(r"\\bBDG-\\d{6}\\b")


def build(resources):
    def find(view):
        return [Span("BADGE", m.start(), m.end(), "badge") for m in _BADGE.finditer(view.text)]

    return FunctionDetector("badge", ("BADGE",), 20, find)
'''


@pytest.fixture
def badge(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    package = tmp_path / "site_detectors"
    package.mkdir()
    (package / "__init__.py").write_text("")
    (package / "badge.py").write_text(textwrap.dedent(DETECTOR_MODULE))
    monkeypatch.syspath_prepend(str(tmp_path))
    monkeypatch.setitem(DETECTORS, "badge", "site_detectors.badge:build")  # the one line


def test_a_detector_added_in_its_own_module_is_configured_and_run(badge: None) -> None:
    redactor = Redactor(PrivacyConfig(detectors=["email", "badge"], mode="standard"))
    text, _vault = redactor.redact("Visitor BDG-204417 signed in; mail front.desk@example.com")
    assert "BDG-204417" not in text and "front.desk@example.com" not in text
    assert "BADGE" in text


def test_without_the_line_the_name_is_refused() -> None:
    with pytest.raises((ConfigError, ValueError), match="badge"):
        Redactor(PrivacyConfig(detectors=["email", "badge"]))
