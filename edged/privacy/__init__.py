"""Privacy: find personal and plant identifiers in free text, replace them with typed placeholders
before anything leaves the appliance, and put the real values back into the answer.

    from edged.privacy import Redactor
    redactor = Redactor(config.privacy)          # loads the detectors, offline, < 1 s
    vault = redactor.new_vault()                 # one per request, memory only
    safe, vault = redactor.redact(text, vault=vault)
    answer, unknown = vault.reidentify(cloud_answer)
    audit_counts = vault.counts()                # counts per type, never values

The names below load on first use, so ``edged --help`` (which imports ``edged.privacy.cli``)
stays free of pydantic and the dictionaries.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from edged.privacy.config import PrivacyConfig, SitePattern, load_privacy_config
    from edged.privacy.entities import Entity
    from edged.privacy.redactor import Redactor, redact
    from edged.privacy.vault import Vault

__all__ = ["Entity", "PrivacyConfig", "Redactor", "SitePattern", "Vault", "load_privacy_config", "redact"]

_HOME = {
    "Entity": "edged.privacy.entities",
    "PrivacyConfig": "edged.privacy.config",
    "SitePattern": "edged.privacy.config",
    "load_privacy_config": "edged.privacy.config",
    "Redactor": "edged.privacy.redactor",
    "redact": "edged.privacy.redactor",
    "Vault": "edged.privacy.vault",
}


def __getattr__(name: str) -> Any:
    home = _HOME.get(name)
    if home is None:
        raise AttributeError(f"module 'edged.privacy' has no attribute {name!r}")
    return getattr(importlib.import_module(home), name)
