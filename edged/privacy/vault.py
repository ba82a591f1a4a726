"""The per-request mapping between placeholders and the real values they stand for.

A vault lives in memory for one request: it is never serialised, logged or shown (its repr
gives counts only). By default placeholders are counters (``<PERSON_1>``, ``<PERSON_2>``) that
mean nothing outside the request. With a device key, they are keyed pseudonyms
(``<PERSON_3f9a1c2b>``, HMAC-SHA256 of the type and value) that map the same value the same way
across requests, for tasks that need to correlate.
"""

from __future__ import annotations

import hashlib
import hmac
import re
import unicodedata
from typing import NoReturn

# A placeholder as the vault writes it: type, then a counter or a keyed digest.
PLACEHOLDER = re.compile(r"<([A-Z][A-Z0-9_]*?)_([0-9]+|[0-9a-f]{8,16})>")
KEYED_DIGEST_CHARS = 10


class Vault:
    """Placeholders for one request. The same (type, value) gets the same placeholder."""

    __slots__ = ("_by_placeholder", "_by_value", "_counters", "_key")

    def __init__(self, key: bytes | None = None) -> None:
        self._key = key
        self._by_value: dict[tuple[str, str], str] = {}
        self._by_placeholder: dict[str, str] = {}
        self._counters: dict[str, int] = {}

    @property
    def keyed(self) -> bool:
        return self._key is not None

    def placeholder(self, entity_type: str, value: str) -> str:
        """The placeholder for ``value``; spellings that differ only in width, case or spacing
        (full-width and ASCII digits) are one value. Re-identification gives back the first one seen."""
        key = value_key(value)
        found = self._by_value.get((entity_type, key))
        if found is not None:
            return found
        if self._key is not None:
            digest = hmac.new(self._key, f"{entity_type}\x00{key}".encode(), hashlib.sha256).hexdigest()
            made = f"<{entity_type}_{digest[:KEYED_DIGEST_CHARS]}>"
        else:
            number = self._counters.get(entity_type, 0) + 1
            self._counters[entity_type] = number
            made = f"<{entity_type}_{number}>"
        self._by_value[(entity_type, key)] = made
        self._by_placeholder[made] = value
        return made

    def reidentify(self, text: str) -> tuple[str, list[str]]:
        """Put the real values back. The second item lists placeholder-shaped strings this vault
        never issued (left as they are): a model that invents ``<PERSON_7>`` is worth knowing about."""
        unknown: list[str] = []

        def swap(match: re.Match[str]) -> str:
            value = self._by_placeholder.get(match.group(0))
            if value is None:
                if match.group(0) not in unknown:
                    unknown.append(match.group(0))
                return match.group(0)
            return value

        return PLACEHOLDER.sub(swap, text), unknown

    def counts(self) -> dict[str, int]:
        """Distinct values replaced, per type: what the audit record may carry."""
        result: dict[str, int] = {}
        for entity_type, _value in self._by_value:
            result[entity_type] = result.get(entity_type, 0) + 1
        return dict(sorted(result.items()))

    def __len__(self) -> int:
        return len(self._by_value)

    def __repr__(self) -> str:
        return f"Vault(keyed={self.keyed}, counts={self.counts()})"

    def __reduce__(self) -> NoReturn:
        raise TypeError("a Vault holds real values for one request and is never serialised")

    def __copy__(self) -> NoReturn:
        raise TypeError("a Vault is not copied; pass the same vault to every field of the request")

    def __deepcopy__(self, memo: object) -> NoReturn:
        raise TypeError("a Vault is not copied; pass the same vault to every field of the request")


def value_key(value: str) -> str:
    """What makes two spellings the same value: NFKC, case and spacing aside."""
    return " ".join(unicodedata.normalize("NFKC", value).casefold().split())
