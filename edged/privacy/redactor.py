"""The redaction step: run the registered detectors, settle overlaps, and swap each value for a
placeholder kept in the request's vault.

Redaction never fails open: a detector that raises makes the whole text unredactable
(``RedactionFailed``), and the caller keeps it home (the escalation is blocked)."""

from __future__ import annotations

import bisect
import logging
import re
import threading
from collections.abc import Iterable
from pathlib import Path

from edged.errors import ConfigError, EdgedError, ErrorCode
from edged.privacy.config import MIN_KEY_BYTES, PrivacyConfig, PrivacyMode
from edged.privacy.detector import Detector, Span, TextView
from edged.privacy.entities import Entity
from edged.privacy.normalize import normalize
from edged.privacy.registry import Resources, build
from edged.privacy.strict_words import CONTACT_LABELS
from edged.privacy.vault import Vault, value_key

log = logging.getLogger(__name__)

LANGS = ("auto", "ja", "en")
MODES: tuple[PrivacyMode, ...] = ("standard", "strict")
# A request's whole input is far smaller (the protocol bounds it); this bounds what a direct
# caller (edged redact) can make the detectors chew on in one piece.
MAX_TEXT_CHARS = 1_000_000
_CJK = re.compile(r"[\u3040-\u30ff\u4e00-\u9fff]")
_LATIN_WORD = re.compile(r"[A-Za-z]*[a-z][A-Za-z]*")
_SURROGATE = re.compile(r"[\ud800-\udfff]")


class RedactionFailed(EdgedError):
    """A detector raised: the text cannot be shown to be free of personal values."""

    code: ErrorCode = "redaction_failed"


class Redactor:
    """Loads every configured detector once (offline, well under a second); then ``detect`` and
    ``redact`` are cheap and safe to call from several threads."""

    def __init__(
        self, config: PrivacyConfig | None = None, detectors: Iterable[Detector] | None = None
    ) -> None:
        self.config = config or PrivacyConfig()
        if detectors is None:
            resources = Resources(self.config)
            detectors = [build(name, resources) for name in dict.fromkeys(self.config.detectors)]
        self.detectors: tuple[Detector, ...] = tuple(detectors)
        self._allow = frozenset(value_key(v) for v in self.config.allow)
        self._hmac_key = _load_key(self.config.hmac_key) if self.config.pseudonyms == "keyed" else None

    def new_vault(self) -> Vault:
        """An empty vault for one request, keyed when the config asks for keyed pseudonyms."""
        return Vault(self._hmac_key)

    def detect(self, text: str, lang: str = "auto", mode: PrivacyMode | None = None) -> list[Entity]:
        if lang not in LANGS:
            raise ValueError(f"lang must be one of {', '.join(LANGS)}, not {lang!r}")
        mode = mode or self.config.mode
        if mode not in MODES:
            raise ValueError(f"mode must be one of {', '.join(MODES)}, not {mode!r}")
        _check_text(text)
        if not text:
            return []
        norm = normalize(text)
        view = _view(norm.text, lang, strict=mode == "strict")
        spans: list[tuple[int, Span]] = []
        for detector in self.detectors:
            if detector.strict_only and not view.strict:
                continue
            try:
                found = list(detector.find(view))
            except Exception as exc:  # noqa: BLE001 - any failure must keep the text home
                log.error(  # noqa: TRY400 - no traceback: its locals would carry the text
                    "privacy detector %s failed (%s); the text is treated as unredactable",
                    detector.name,
                    type(exc).__name__,
                )
                raise RedactionFailed(
                    f"the privacy detector {detector.name!r} failed ({type(exc).__name__}), so this "
                    "text cannot be shown to be free of personal values; it stays on the appliance. "
                    "Check the detector's configuration (edged doctor) or disable it in [privacy].detectors."
                ) from None
            spans.extend((detector.priority, span) for span in found)
        entities: list[Entity] = []
        for span in _settle(spans, norm.text):
            start, end = norm.span(span.start, span.end)
            if entities and start < entities[-1].end:
                # two findings on either side of a character NFKC merged (03-1234-5678ﾞ様): the
                # original character goes to the first, the second starts after it
                start = entities[-1].end
                if start >= end:
                    continue
            value = text[start:end]
            if self._allow and value_key(value) in self._allow:
                continue
            entities.append(Entity(span.type, start, end, value, span.detector))
        return entities

    def redact(
        self, text: str, lang: str = "auto", vault: Vault | None = None, mode: PrivacyMode | None = None
    ) -> tuple[str, Vault]:
        vault = vault if vault is not None else self.new_vault()
        return self.apply(text, self.detect(text, lang, mode), vault), vault

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


def _check_text(text: str) -> None:
    if not isinstance(text, str):  # a caller without types (a plugin, a script): a code, no TypeError
        raise EdgedError(f"redaction takes text (a str), not {type(text).__name__}.", code="bad_text")
    if len(text) > MAX_TEXT_CHARS:
        raise EdgedError(
            f"the text holds {len(text)} characters; redaction takes at most {MAX_TEXT_CHARS} at "
            "once. Split it.",
            code="too_large",
        )
    if _SURROGATE.search(text):
        raise EdgedError(
            "the text holds unpaired surrogate code points (not valid Unicode); send valid UTF-8.",
            code="bad_text",
        )


def _view(text: str, lang: str, strict: bool) -> TextView:
    japanese = lang == "ja" or (lang == "auto" and _CJK.search(text) is not None)
    english = lang == "en" or (lang == "auto" and (not japanese or len(_LATIN_WORD.findall(text)) >= 4))
    return TextView(text, japanese, english, strict)


def _settle(spans: Iterable[tuple[int, Span]], text: str) -> list[Span]:
    """Non-overlapping findings: stronger evidence (lower priority) first, then the longer span.
    A finding that overlaps a stronger one keeps the part of it outside (a name whose surname an
    address took: the given name is still masked), never nothing."""
    ranked = sorted(spans, key=lambda p: (p[0], -(p[1].end - p[1].start), p[1].start))
    taken: list[Span] = []  # sorted by start, never overlapping: the clashes of a span are adjacent
    starts: list[int] = []
    for _, span in ranked:
        if span.end <= span.start:
            continue
        first = max(0, bisect.bisect_right(starts, span.start) - 1)
        clashes = []
        for t in taken[first:]:
            if t.start >= span.end:
                break
            if t.end > span.start:
                clashes.append(t)
        kept = _outside(span, clashes, text) if clashes else span
        if kept is not None:
            at = bisect.bisect_left(starts, kept.start)
            starts.insert(at, kept.start)
            taken.insert(at, kept)
    return taken


def _outside(span: Span, clashes: list[Span], text: str) -> Span | None:
    """The longest piece of ``span`` outside ``clashes``, trimmed of spaces, if it holds at least
    two characters and is more than a contact label."""
    cuts = sorted((t.start, t.end) for t in clashes)
    pieces: list[tuple[int, int]] = []
    cursor = span.start
    for start, end in cuts:
        if start > cursor:
            pieces.append((cursor, min(start, span.end)))
        cursor = max(cursor, end)
    if cursor < span.end:
        pieces.append((cursor, span.end))
    best: tuple[int, int] | None = None
    for piece_start, piece_end in pieces:
        start, end = piece_start, piece_end
        while start < end and not text[start].isalnum():
            start += 1
        while end > start and not text[end - 1].isalnum():
            end -= 1
        if end - start >= 2 and (best is None or end - start > best[1] - best[0]):
            best = (start, end)
    if best is None or text[best[0] : best[1]].lower() in CONTACT_LABELS:
        return None  # Armenia Tel: the address took the place, the phone's label is left
    return span._replace(start=best[0], end=best[1])


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
