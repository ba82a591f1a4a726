"""Which detectors exist: one line each, ``name -> "module:builder"``. Adding a detector is one
module with a ``build(resources) -> Detector`` function and one line here; ``[privacy].detectors``
accepts exactly these names, and the redactor imports only the modules of the detectors it runs.
"""

from __future__ import annotations

import functools
import importlib
from collections.abc import Callable
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from edged.privacy.config import PrivacyConfig
    from edged.privacy.detector import Detector
    from edged.privacy.morphology import Analyzer

# Order is the order detectors run in; overlaps are settled by priority, not by order.
DETECTORS: dict[str, str] = {
    "url_credentials": "edged.privacy.structured:build_url_credentials",
    "email": "edged.privacy.structured:build_email",
    "email_obfuscated": "edged.privacy.emails_obfuscated:build",
    "card_number": "edged.privacy.structured:build_card_number",
    "my_number": "edged.privacy.structured:build_my_number",
    "mac_address": "edged.privacy.structured:build_mac_address",
    "ip_address": "edged.privacy.structured:build_ip_address",
    "site": "edged.privacy.structured:build_site",
    "phone": "edged.privacy.phones:build",
    "phone_spoken": "edged.privacy.phones_spoken:build",
    "phone_cued": "edged.privacy.phones_cued:build",
    "postal_code": "edged.privacy.structured:build_postal_code",
    "field_slot": "edged.privacy.fields:build",
    "record_format": "edged.privacy.fields_formats:build",
    "address": "edged.privacy.addresses:build",
    "person": "edged.privacy.persons:build",
    "strict_person": "edged.privacy.strict:build_person",
    "strict_number": "edged.privacy.strict:build_number",
    "strict_proper": "edged.privacy.strict_latin:build",
    "strict_proper_ja": "edged.privacy.strict_ja:build",
    "ner": "edged.privacy.ner:build",
}


class Resources:
    """What several detectors share, loaded once and only when a detector asks for it."""

    def __init__(self, config: PrivacyConfig) -> None:
        self.config = config

    @functools.cached_property
    def analyzer(self) -> Analyzer:
        from edged.privacy.morphology import load_analyzer

        return load_analyzer(self.config.ja_analyzer)

    @functools.cached_property
    def name_readings(self) -> dict[str, str]:
        from edged.privacy.morphology import load_name_readings

        return load_name_readings()


def build(name: str, resources: Resources) -> Detector:
    """The detector registered as ``name``."""
    target = DETECTORS.get(name)
    if target is None:
        raise KeyError(f"no detector named {name!r}; known: {', '.join(DETECTORS)}")
    module, _, attribute = target.partition(":")
    builder: Callable[[Resources], Detector] = getattr(importlib.import_module(module), attribute)
    return builder(resources)
