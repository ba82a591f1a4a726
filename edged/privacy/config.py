"""The ``[privacy]`` table of edged.toml: which detectors run, the site's own identifier formats,
an optional roster of names, and how placeholders are made.

The models hold data and check it; files they name (roster, HMAC key) are read by the
``Redactor``; relative paths are taken from the configuration file's folder by the one loader
(``edged.tomlfile.load_model``).
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Literal

from pydantic import Field, field_validator, model_validator

from edged.basemodel import StrictModel
from edged.paths import CredentialPath
from edged.privacy.registry import DETECTORS
from edged.tomlfile import load_model

# The strict-only detectors run in strict mode whatever this list says; the others run when named.
# An opt-in detector needs an extra and costs more than it gains by default (see the README): it
# runs only when [privacy].detectors names it.
OPT_IN_DETECTORS = ("ner",)
ALL_DETECTORS: tuple[str, ...] = tuple(DETECTORS)
DEFAULT_DETECTORS: tuple[str, ...] = tuple(n for n in DETECTORS if n not in OPT_IN_DETECTORS)
PrivacyMode = Literal["standard", "strict"]
Validation = Literal["none", "luhn", "my_number", "mod11", "mod97"]
MIN_KEY_BYTES = 32


class SitePattern(StrictModel):
    """One of the plant's own identifier formats (employee ids, serial numbers, lot numbers)."""

    name: str = Field(
        pattern=r"^[A-Za-z][A-Za-z0-9_]{0,31}$",
        description="Type name; upper-cased it names the placeholder (employee_id -> <EMPLOYEE_ID_1>).",
    )
    pattern: str = Field(
        description="Python regular expression matched against the NFKC-normalised text (full-width "
        "digits and letters are ASCII there). Do not add \\b: edged anchors it at ASCII letters and "
        "digits itself, so it also matches inside Japanese text.",
    )
    validation: Validation = Field(
        default="none",
        description="Check digit over the digits of the match (or of its named group 'value'): "
        "none, luhn, my_number, mod11 (weights 2-7 from the right), mod97 (ISO 7064).",
    )
    ignore_case: bool = Field(default=False, description="Match letters in either case.")
    anchored: bool = Field(
        default=True,
        description="Refuse a match glued to further ASCII letters or digits (EMP-123456 inside "
        "XEMP-1234567 is not one).",
    )

    @field_validator("pattern")
    @classmethod
    def _compiles(cls, value: str) -> str:
        try:
            compiled = re.compile(value)
        except re.error as err:
            raise ValueError(f"not a valid regular expression ({err})") from None
        if compiled.match(""):
            raise ValueError("matches the empty string; it would flag every position")
        return value

    @property
    def type(self) -> str:
        return self.name.upper()


class PrivacyConfig(StrictModel):
    """What ``redact`` looks for before anything leaves the appliance."""

    detectors: list[str] = Field(
        default_factory=lambda: list(DEFAULT_DETECTORS),
        description="Detectors to run (default: all but the opt-in ones): "
        + ", ".join(DEFAULT_DETECTORS)
        + ". The strict_* ones run only in strict mode. Opt-in: "
        + ", ".join(OPT_IN_DETECTORS)
        + " (spaCy/GiNZA person names; needs the ner extra).",
    )
    mode: PrivacyMode = Field(
        default="strict",
        description="strict (default; what escalation uses): also mask what is likely but unproven "
        "(every capitalised word no common English text uses and the names around it, lowercase "
        "unknown words after a key or cue, Japanese proper nouns and unknown words, katakana joined "
        "by ・ or ＝, unclaimed digit runs of 7 or more, digits read out one by one, figures named a "
        "postcode). standard: only what a detector can show.",
    )
    phone_regions: list[str] = Field(
        default_factory=lambda: ["JP", "US"],
        description="Regions (ISO 3166 alpha-2) whose national phone formats are recognised without "
        "a country code; numbers written with + or an international prefix are found for every region.",
    )
    site_patterns: list[SitePattern] = Field(
        default_factory=list,
        description="The plant's own identifier formats, each with a name, a pattern and an "
        "optional check-digit validation.",
    )
    roster: Path | None = Field(
        default=None,
        description="UTF-8 file of names to always redact, one per line (full names, surnames, "
        "readings, romanised forms); '#' starts a comment. Complements the dictionary.",
    )
    role_words: list[str] = Field(
        default_factory=list,
        description="Extra words that announce a person's name at this site (besides 担当, 作業者, "
        "operator, technician, ...).",
    )
    allow: list[str] = Field(
        default_factory=list,
        description="Values never redacted, compared after NFKC (the plant's public switchboard "
        "number, a vendor's support address).",
    )
    pseudonyms: Literal["counter", "keyed"] = Field(
        default="counter",
        description="counter: <PERSON_1>, meaningful within one request only (default). keyed: "
        "HMAC-SHA256 with the device secret, the same value the same placeholder on every request.",
    )
    ja_analyzer: Literal["unidic-lite", "sudachi-core", "sudachi-small"] = Field(
        default="unidic-lite",
        description="Japanese morphological dictionary for names: unidic-lite (fugashi, the default, "
        "chosen by measurement), or sudachi-core / sudachi-small (need sudachipy and the dictionary).",
    )
    hmac_key: CredentialPath | None = Field(
        default=None,
        description="File holding the device secret for keyed pseudonyms (at least 32 bytes, mode "
        "0600). A bare file name is looked up in $CREDENTIALS_DIRECTORY first.",
    )

    @field_validator("phone_regions")
    @classmethod
    def _regions(cls, value: list[str]) -> list[str]:
        bad = [r for r in value if not re.fullmatch(r"[A-Z]{2}", r)]
        if bad:
            raise ValueError(f"not ISO 3166 alpha-2 region codes: {', '.join(bad)} (use e.g. JP, US, GB)")
        return value

    @field_validator("detectors")
    @classmethod
    def _known_detectors(cls, value: list[str]) -> list[str]:
        unknown = [name for name in value if name not in DETECTORS]
        if unknown:
            raise ValueError(f"unknown detector {', '.join(unknown)}; known: {', '.join(DETECTORS)}")
        return value

    @model_validator(mode="after")
    def _keyed_needs_key(self) -> PrivacyConfig:
        if self.pseudonyms == "keyed" and self.hmac_key is None:
            raise ValueError("pseudonyms = 'keyed' needs hmac_key, the file holding the device secret")
        names = [p.type for p in self.site_patterns]
        duplicates = sorted({n for n in names if names.count(n) > 1})
        if duplicates:
            raise ValueError(f"site_patterns names repeat: {', '.join(duplicates)}")
        return self


def load_privacy_config(path: Path) -> PrivacyConfig:
    """The ``[privacy]`` table of an edged.toml (defaults when the table is absent)."""
    return load_model(
        PrivacyConfig, path, "configuration", "Fix the [privacy] table of that file.", table="privacy"
    )
