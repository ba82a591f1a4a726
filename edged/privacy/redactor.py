"""The redaction step: run the detectors, settle overlaps, and swap each value for a placeholder
kept in the request's vault."""

from __future__ import annotations

import re
import threading
import unicodedata
from collections.abc import Iterable, Iterator
from pathlib import Path

from edged.errors import ConfigError
from edged.privacy import addresses, structured
from edged.privacy.config import MIN_KEY_BYTES, PrivacyConfig
from edged.privacy.entities import (
    ADDRESS,
    CARD_NUMBER,
    EMAIL,
    IP_ADDRESS,
    MAC_ADDRESS,
    MY_NUMBER,
    PERSON,
    PHONE,
    POSTAL_CODE,
    URL_CREDENTIALS,
    Entity,
)
from edged.privacy.morphology import Analyzer, load_analyzer, load_name_readings
from edged.privacy.names_en import EnglishNames
from edged.privacy.names_ja import JapaneseNames
from edged.privacy.normalize import normalize
from edged.privacy.structured import Span
from edged.privacy.vault import Vault, value_key

LANGS = ("auto", "ja", "en")
# When two findings overlap, the one whose evidence is stronger wins: a validated identifier over
# a pattern, a pattern over a name guessed from context.
PRIORITY = {
    URL_CREDENTIALS: 0,
    EMAIL: 1,
    MY_NUMBER: 2,
    CARD_NUMBER: 2,
    MAC_ADDRESS: 3,
    IP_ADDRESS: 3,
    PHONE: 5,
    POSTAL_CODE: 6,
    ADDRESS: 7,
    PERSON: 8,
}
SITE_PRIORITY = 4
_CJK = re.compile(r"[\u3040-\u30ff\u4e00-\u9fff]")
_LATIN_WORD = re.compile(r"[A-Za-z]*[a-z][A-Za-z]*")


class Redactor:
    """Loads every detector once (offline, well under a second); then ``detect`` and ``redact`` are
    cheap and safe to call from several threads."""

    def __init__(self, config: PrivacyConfig | None = None) -> None:
        self.config = config or PrivacyConfig()
        on = set(self.config.detectors)
        self._on = on
        self._phone = structured.PhoneFinder() if "phone" in on else None
        self._site = structured.SiteFinder(self.config.site_patterns) if "site" in on else None
        self._analyzer: Analyzer | None = None
        self._ja_names: JapaneseNames | None = None
        self._en_names: EnglishNames | None = None
        if "person" in on:
            self._analyzer = load_analyzer(self.config.ja_analyzer)
            readings = load_name_readings()
            self._ja_names = JapaneseNames(self._analyzer, readings, self.config.role_words)
            self._en_names = EnglishNames(readings, self.config.role_words)
        self._roster = _load_roster(self.config.roster) if self.config.roster is not None else None
        self._allow = frozenset(value_key(v) for v in self.config.allow)
        self._hmac_key = _load_key(self.config.hmac_key) if self.config.pseudonyms == "keyed" else None

    def new_vault(self) -> Vault:
        """An empty vault for one request, keyed when the config asks for keyed pseudonyms."""
        return Vault(self._hmac_key)

    def detect(self, text: str, lang: str = "auto") -> list[Entity]:
        if lang not in LANGS:
            raise ValueError(f"lang must be one of {', '.join(LANGS)}, not {lang!r}")
        if not text:
            return []
        norm = normalize(text)
        spans = list(self._spans(norm.text, lang))
        entities: list[Entity] = []
        for span in _settle(spans):
            start, end = norm.span(span.start, span.end)
            value = text[start:end]
            if self._allow and value_key(value) in self._allow:
                continue
            entities.append(Entity(span.type, start, end, value, span.detector))
        return entities

    def redact(self, text: str, lang: str = "auto", vault: Vault | None = None) -> tuple[str, Vault]:
        vault = vault if vault is not None else self.new_vault()
        return self.apply(text, self.detect(text, lang), vault), vault

    @staticmethod
    def apply(text: str, entities: list[Entity], vault: Vault) -> str:
        """``text`` with each entity replaced by its placeholder from ``vault``."""
        pieces: list[str] = []
        cursor = 0
        for entity in entities:
            pieces.append(text[cursor : entity.start])
            pieces.append(vault.placeholder(entity.type, entity.text))
            cursor = entity.end
        pieces.append(text[cursor:])
        return "".join(pieces)

    # -- detectors ------------------------------------------------------------------------------

    def _spans(self, text: str, lang: str) -> Iterator[Span]:  # noqa: PLR0912 - a branch per detector
        on = self._on
        japanese = lang == "ja" or (lang == "auto" and _CJK.search(text) is not None)
        english = lang == "en" or (lang == "auto" and (not japanese or len(_LATIN_WORD.findall(text)) >= 4))
        if "url_credentials" in on:
            yield from structured.find_url_credentials(text)
        if "email" in on:
            yield from structured.find_email(text)
        if "card_number" in on or "my_number" in on:
            yield from structured.find_numbers(text, "card_number" in on, "my_number" in on)
        if "mac_address" in on:
            yield from structured.find_mac_addresses(text)
        if "ip_address" in on:
            yield from structured.find_ip_addresses(text)
        if self._site is not None:
            yield from self._site.find(text)
        if self._phone is not None:
            yield from self._phone.find(text, english=english)
        if "postal_code" in on:
            yield from structured.find_postal_codes(text)
        if "address" in on:
            if japanese:
                yield from addresses.find_japanese(text)
            if english:
                yield from addresses.find_english(text)
        if self._ja_names is not None and japanese:
            yield from self._ja_names.find(text)
        if self._en_names is not None:
            yield from self._en_names.find(text, english=english)
        if self._roster is not None:
            for m in self._roster.finditer(text):
                yield Span(PERSON, m.start(), m.end(), "roster")


def _settle(spans: Iterable[Span]) -> list[Span]:
    """Non-overlapping findings: stronger evidence first, then the longer span."""
    ranked = sorted(spans, key=lambda s: (PRIORITY.get(s.type, SITE_PRIORITY), -(s.end - s.start), s.start))
    taken: list[Span] = []
    for span in ranked:
        if span.end <= span.start:
            continue
        if all(span.end <= t.start or span.start >= t.end for t in taken):
            taken.append(span)
    return sorted(taken, key=lambda s: s.start)


def _load_roster(path: Path) -> re.Pattern[str]:
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except OSError as err:
        raise ConfigError(
            f"{path}: the [privacy] roster cannot be read ({err.strerror}). Check roster in edged.toml."
        ) from None
    except UnicodeDecodeError:
        raise ConfigError(f"{path}: the [privacy] roster is not UTF-8 text. Save it as UTF-8.") from None
    names = {unicodedata.normalize("NFKC", line.split("#", 1)[0]).strip() for line in lines}
    names.discard("")
    if not names:
        raise ConfigError(
            f"{path}: the [privacy] roster names nobody. Add one name per line or "
            "remove roster from edged.toml."
        )
    alternatives = []
    for name in sorted(names, key=len, reverse=True):
        body = re.escape(name)
        if name[:1].isascii():
            body = rf"(?<![A-Za-z]){body}"
        if name[-1:].isascii():
            body = rf"{body}(?![A-Za-z])"
        alternatives.append(body)
    return re.compile("|".join(alternatives), re.IGNORECASE)


def _load_key(path: Path | None) -> bytes:
    if path is None:  # pragma: no cover - PrivacyConfig refuses keyed without a key
        raise ConfigError("pseudonyms = 'keyed' needs hmac_key in [privacy].")
    try:
        key = path.read_bytes()
    except OSError as err:
        raise ConfigError(
            f"{path}: the [privacy] hmac_key cannot be read ({err.strerror}). Create it "
            "with: head -c 32 /dev/urandom > FILE; chmod 600 FILE"
        ) from None
    key = key.strip()
    if len(key) < MIN_KEY_BYTES:
        raise ConfigError(
            f"{path}: the [privacy] hmac_key holds {len(key)} bytes; it needs at least "
            f"{MIN_KEY_BYTES}. Create it with: head -c 32 /dev/urandom > FILE"
        )
    return key


_default: Redactor | None = None
_default_lock = threading.Lock()


def default_redactor() -> Redactor:
    global _default  # noqa: PLW0603 - one lazily built detector set per process
    with _default_lock:
        if _default is None:
            _default = Redactor()
        return _default


def redact(text: str, lang: str = "auto") -> tuple[str, Vault]:
    """Redact with the default configuration (the Redactor is built on first use)."""
    return default_redactor().redact(text, lang)
