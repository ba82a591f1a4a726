"""``edged eval redact``: generate the labeled set, run ``edged redact --jsonl`` and the Presidio
anchor on it, each in its own process, and score both the same way.

Scores, per language and per type:
- recall: a value counts as found when every character of it (spaces aside) is inside some
  detected span, whatever type the span was given;
- exact-value leak rate: values that still appear verbatim in the redacted text;
- precision: detected spans that overlap a labeled value;
- hard negatives flagged: timestamps, part and lot numbers, error codes, wrong-check 12-digit
  numbers and temperatures that a detected span touches;
- latency per sentence (p50, p95), peak memory of the process, cold start (building the detectors).
"""

from __future__ import annotations

import importlib.util
import json
import os
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Any

from edged.errors import EdgedError
from edged.privacy.evalset import HELD_OUT, Sample, eval_config, generate

STRUCTURED = (
    "EMAIL",
    "PHONE",
    "POSTAL_CODE",
    "MY_NUMBER",
    "CARD_NUMBER",
    "IP_ADDRESS",
    "MAC_ADDRESS",
    "URL_CREDENTIALS",
    "EMPLOYEE_ID",
    "MACHINE_SERIAL",
)
TARGETS = {
    "structured_recall": 0.99,
    "negatives_flagged": 0.03,
    "leak_rate": 0.01,
    "precision": 0.97,
    "p50_ms": 5.0,
    "memory_mb": 250.0,
    "cold_start_s": 1.0,
    "PERSON": {"ja": 0.95, "en": 0.93},
    "ADDRESS": {"ja": 0.95, "en": 0.90},
}
WORKER_TIMEOUT_S = 3600


SETS = (
    "final",
    "holdout",
    "independent",
    "fresh",
    "unseen",
    "blind",
    "eighth",
    "ninth",
    "tenth",
    "eleventh",
    "generated",
)
MODES = ("standard", "strict")


def make_set(name: str, per_lang: int, seed: int) -> list[Sample]:  # noqa: PLR0911 - one lazy import per set
    """``generated``: the templates and Faker lists the detectors were tuned beside;
    ``independent``: another author's templates and name sources the detectors never read;
    ``fresh``: a fifth author's set built with mimesis, written without reading the detectors;
    ``unseen``: a sixth author's set, written blind while the detectors changed, first scored at the end;
    ``blind``: a seventh author's set, written without reading the detectors, first scored by someone else;
    ``eighth``: an eighth author's set, written the same way, from sources and text kinds none of the
    others used;
    ``ninth``: a ninth author's set, written the same blind way, from sources and text kinds none of
    the eight before it used;
    ``tenth``: a tenth author's set, written the same blind way, from sources and text kinds none of
    the nine before it used;
    ``eleventh``: an eleventh author's set, written the same blind way, from sources and text kinds
    none of the ten before it used."""
    if name == "generated":
        return generate(per_lang, seed)
    if name == "fresh":
        from edged.privacy.evalset_fresh import generate_fresh

        return generate_fresh(per_lang, seed)
    if name == "unseen":
        from edged.privacy.evalset_unseen import generate_unseen

        return generate_unseen(per_lang, seed)
    if name == "blind":
        from edged.privacy.evalset_blind import generate_blind

        return generate_blind(per_lang, seed)
    if name == "eighth":
        from edged.privacy.evalset_eighth import generate_eighth

        return generate_eighth(per_lang, seed)
    if name == "ninth":
        from edged.privacy.evalset_ninth import generate_ninth

        return generate_ninth(per_lang, seed)
    if name == "tenth":
        from edged.privacy.evalset_tenth import generate_tenth

        return generate_tenth(per_lang, seed)
    if name == "eleventh":
        from edged.privacy.evalset_eleventh import generate_eleventh

        return generate_eleventh(per_lang, seed)
    if name == "final":
        from edged.privacy.evalset_final import generate_final

        return generate_final(per_lang, seed)
    if name == "holdout":
        from edged.privacy.evalset_holdout import generate_holdout

        return generate_holdout(per_lang, seed)
    from edged.privacy.evalset_independent import generate_independent

    return generate_independent(per_lang, seed)


def run_evaluation(
    *,
    per_lang: int,
    seed: int,
    config_path: str | None,
    ja_analyzer: str | None,
    presidio: bool,
    save_data: Path | None = None,
    sets: tuple[str, ...] = SETS,
) -> dict[str, Any]:
    if per_lang < 1:
        raise EdgedError("--per-lang must be at least 1.", code="bad_request")
    unknown = [name for name in sets if name not in SETS]
    if unknown:
        raise EdgedError(f"unknown set {', '.join(unknown)}; use {', '.join(SETS)}.", code="bad_request")
    report: dict[str, Any] = {
        "setup": {
            "per_lang": per_lang,
            "seed": seed,
            "config": config_path or "built-in defaults + the evaluation's site patterns",
        },
        "sets": {},
    }
    have_presidio, report["presidio"] = _presidio_status(presidio)
    for set_name in sets:
        samples = make_set(set_name, per_lang, seed)
        if save_data is not None:
            _save(samples, save_data.with_name(f"{save_data.stem}-{set_name}{save_data.suffix}"))
        systems = _measure(samples, config_path, ja_analyzer, have_presidio)
        report["sets"][set_name] = {"sentences": len(samples), "systems": systems}
    return report


def _presidio_status(presidio: bool) -> tuple[bool, str]:
    """Whether Presidio is measured, and the line that says so (or why not)."""
    if not presidio:
        return False, "not run (--no-presidio)"
    if importlib.util.find_spec("presidio_analyzer") is None:
        return False, (
            "not installed: Presidio was NOT measured. Install the bench extra "
            "(pip install 'edged[bench]') to see it beside edged."
        )
    return True, "measured"


def _save(samples: list[Sample], path: Path) -> None:
    with path.open("w", encoding="utf-8") as handle:
        for sample in samples:
            handle.write(json.dumps(sample.to_json(), ensure_ascii=False) + "\n")


def _measure(
    samples: list[Sample], config_path: str | None, ja_analyzer: str | None, have_presidio: bool
) -> dict[str, Any]:
    """edged in both modes (and Presidio) on one set, each in its own process."""
    systems: dict[str, Any] = {}
    with tempfile.TemporaryDirectory(prefix="edged-eval-") as folder:
        for mode in MODES:
            base = Path(config_path) if config_path else None
            config = _eval_config(base, Path(folder), ja_analyzer, mode)
            command = [sys.executable, "-m", "edged", "redact", "--jsonl", "--stats", "--config", str(config)]
            outputs, stats = _run_worker(command, samples, with_lang=False)
            name = "edged" if mode == "standard" else "edged-strict"
            systems[name] = {"stats": stats, "scores": score(samples, outputs)}
    if have_presidio:
        command = [sys.executable, "-m", "edged.privacy.presidio_anchor"]
        outputs, stats = _run_worker(command, samples, with_lang=True)
        systems["presidio"] = {"stats": stats, "scores": score(samples, outputs)}
    return systems


def _eval_config(source: Path | None, folder: Path, ja_analyzer: str | None, mode: str) -> Path:
    """The [privacy] table measured: the operator's (or the built-in defaults with the
    evaluation's site patterns), in the given mode and Japanese dictionary."""
    from edged.privacy.config import load_privacy_config

    config = load_privacy_config(source) if source is not None else eval_config()
    update: dict[str, Any] = {"mode": mode}
    if ja_analyzer:
        update["ja_analyzer"] = ja_analyzer
    config = config.model_copy(update=update)
    lines = ["[privacy]"]
    for key, value in config.model_dump(mode="json", exclude={"site_patterns"}, exclude_none=True).items():
        lines.append(f"{key} = {json.dumps(value, ensure_ascii=False)}")
    for p in config.site_patterns:
        lines.append("[[privacy.site_patterns]]")
        lines.extend(f"{k} = {json.dumps(v)}" for k, v in p.model_dump(mode="json").items())
    path = folder / f"edged-{mode}.toml"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def _run_worker(
    command: list[str], samples: list[Sample], with_lang: bool
) -> tuple[list[dict[str, Any]], dict[str, Any]]:
    lines = []
    for s in samples:
        record: dict[str, str] = {"text": s.text}
        if with_lang:
            record["lang"] = s.lang
        lines.append(json.dumps(record, ensure_ascii=False))
    env = {**os.environ, "PYTHONWARNINGS": "ignore"}
    done = subprocess.run(  # noqa: S603 - this interpreter, our own module
        command,
        input="\n".join(lines) + "\n",
        capture_output=True,
        text=True,
        timeout=WORKER_TIMEOUT_S,
        check=False,
        env=env,
    )
    if done.returncode != 0:
        raise EdgedError(
            f"{' '.join(command[1:4])} failed (exit {done.returncode}): {done.stderr.strip()[-2000:]}",
            code="eval_failed",
        )
    outputs = [json.loads(line) for line in done.stdout.splitlines() if line.strip()]
    stats: dict[str, Any] = {}
    for line in done.stderr.splitlines():
        if line.startswith('{"stats"'):
            stats = json.loads(line)["stats"]
    if len(outputs) != len(samples):
        raise EdgedError(
            f"{command[1:4]} answered {len(outputs)} lines for {len(samples)}.", code="eval_failed"
        )
    return outputs, stats


def score(samples: list[Sample], outputs: list[dict[str, Any]]) -> dict[str, Any]:
    langs: dict[str, dict[str, Any]] = {}
    for sample, out in zip(samples, outputs, strict=True):
        lang = langs.setdefault(sample.lang, _empty_tally())
        text = sample.text
        mask = [False] * len(text)
        spans = [(e["type"], e["start"], e["end"]) for e in out["entities"]]
        for _, start, end in spans:
            for k in range(start, end):
                mask[k] = True
        _tally_labels(lang, sample, mask, out["redacted"])
        for negative in sample.negatives:
            lang["negatives"][0] += 1
            lang["negatives"][1] += any(mask[negative.start : negative.end])
        gold = [(label.start, label.end) for label in sample.labels]
        for entity_type, start, end in spans:
            true = any(start < g_end and end > g_start for g_start, g_end in gold)
            lang["predicted"][0] += 1
            lang["predicted"][1] += true
            if not true and len(lang["false_positives"]) < 40:
                lang["false_positives"].append({"type": entity_type, "value": text[start:end], "text": text})
        lang["ms"].append(float(out.get("ms", 0.0)))
    return {name: _summarise(data) for name, data in sorted(langs.items())}


def _empty_tally() -> dict[str, Any]:
    return {
        "types": {},
        "forms": {},
        "negatives": [0, 0],
        "predicted": [0, 0],
        "values": [0, 0],
        "ms": [],
        "misses": [],
        "false_positives": [],
    }


def _tally_labels(lang: dict[str, Any], sample: Sample, mask: list[bool], redacted: str) -> None:
    """Count each labeled value of one sentence: covered by the spans, left verbatim, by type and form."""
    text = sample.text
    for label in sample.labels:
        covered = all(mask[k] or text[k].isspace() for k in range(label.start, label.end))
        leaked = label.value in redacted
        row = lang["types"].setdefault(label.type, [0, 0, 0])  # n, covered, leaked
        row[0] += 1
        row[1] += covered
        row[2] += leaked
        forms = []
        if "fullwidth" in label.form:
            forms.append("structured, full-width")
        if sample.template in HELD_OUT:
            forms.append("held-out templates, all")
            if label.type == "PERSON":
                forms.append("held-out templates, PERSON")
        if label.form:  # the first tag says how the value was built
            forms.append(f"{label.type}, {label.form.split()[0]}")
        for name in forms:
            form = lang["forms"].setdefault(name, [0, 0])
            form[0] += 1
            form[1] += covered
        lang["values"][0] += 1
        lang["values"][1] += leaked
        if not covered and len(lang["misses"]) < 40:
            lang["misses"].append({"type": label.type, "value": label.value, "text": text})


def _summarise(data: dict[str, Any]) -> dict[str, Any]:
    types = {
        t: {"n": n, "recall": c / n, "leaks": leaked} for t, (n, c, leaked) in sorted(data["types"].items())
    }
    structured = [data["types"][t] for t in STRUCTURED if t in data["types"]]
    s_n = sum(r[0] for r in structured)
    ms = sorted(data["ms"])
    return {
        "types": types,
        "forms": {f: {"n": n, "recall": c / n} for f, (n, c) in sorted(data["forms"].items())},
        "structured_recall": sum(r[1] for r in structured) / s_n if s_n else None,
        "structured_min_recall": min((r[1] / r[0] for r in structured), default=None),
        "leak_rate": data["values"][1] / data["values"][0] if data["values"][0] else 0.0,
        "precision": data["predicted"][1] / data["predicted"][0] if data["predicted"][0] else 1.0,
        "negatives": data["negatives"][0],
        "negatives_flagged": data["negatives"][1] / data["negatives"][0] if data["negatives"][0] else 0.0,
        "p50_ms": statistics.median(ms) if ms else 0.0,
        "p95_ms": ms[min(len(ms) - 1, int(len(ms) * 0.95))] if ms else 0.0,
        "misses": data["misses"],
        "false_positives": data["false_positives"],
    }


# -- the table ---------------------------------------------------------------------------------


def render(report: dict[str, Any]) -> str:
    setup = report["setup"]
    lines = [
        f"edged eval redact: {setup['per_lang']} sentences per language (ja, en) per set, "
        f"seed {setup['seed']}",
        f"config: {setup['config']}; edged = standard mode, "
        "edged-strict = strict mode (escalation's default)",
    ]
    for set_name, data in report["sets"].items():
        lines += ["", f"=== {set_name} set ({data['sentences']} sentences): {SET_SOURCES.get(set_name, '')}"]
        lines += _render_set(report, data["systems"])
    return "\n".join(lines)


SET_SOURCES = {
    "final": "a fourth author's templates and sources, written after all tuning and measured once, "
    "never tuned on (see edged/privacy/evalset_final.py SOURCES)",
    "holdout": "a third author's templates and sources; measured first untouched (see the README), "
    "then its misses were inspected and fixed by class (evalset_holdout.py SOURCES)",
    "fresh": "a fifth author's templates and sources (mimesis, names-dataset, hand-written lists), "
    "written without reading the detectors or seeing the set's score (evalset_fresh.py SOURCES)",
    "unseen": "a sixth author's templates and sources (Faker and mimesis locales no other set used, "
    "hand-written lists), written blind while the detectors changed (evalset_unseen.py SOURCES)",
    "blind": "a seventh author's templates and sources (Faker fr_DZ/de_LI/de_LU, mimesis de-ch/nl-be, "
    "hand-written lists), written without reading the detectors, first scored by someone else "
    "(evalset_blind.py SOURCES)",
    "eighth": "an eighth author's templates and sources (Faker ru_RU/bg_BG/mk_MK/el_GR and mimesis kk/uk "
    "names transliterated, hand-written lists; MY, KR, CZ, HU, MA, AE, PE, RS addresses and phones), written "
    "without reading the detectors, first scored by someone else (evalset_eighth.py SOURCES)",
    "ninth": "a ninth author's templates and sources (Faker ka_GE/hy_AM and mimesis ko names put into "
    "Latin letters, hand-written lists; GE, AM, UY, EC, TN addresses and phones), written without reading "
    "the detectors, first scored by someone else (evalset_ninth.py SOURCES)",
    "tenth": "a tenth author's templates and sources (Faker mr_IN/gu_IN/or_IN names put into Latin "
    "letters, hand-written lists; MT, SI, CR, IS, NP addresses and phones), written without reading the "
    "detectors, first scored by someone else (evalset_tenth.py SOURCES)",
    "eleventh": "an eleventh author's templates and sources (hand-written names of origins no other set "
    "used, Kunrei-shiki romaji, old-form and Amami Japanese surnames; PT, GR, LT, KE addresses and phones), "
    "written without reading the detectors, first scored by someone else (evalset_eleventh.py SOURCES)",
    "generated": "templates and Faker lists (ja_JP, en_US, en_IN, pt_BR) written beside the detectors",
    "independent": "another author's templates and name/format sources the detectors never read; "
    "its misses were inspected while fixing the failure classes (evalset_independent.py SOURCES)",
}


def _render_set(report: dict[str, Any], systems: dict[str, Any]) -> list[str]:
    names = list(systems)
    lines: list[str] = []
    if "presidio" not in systems:
        lines.append(f"Presidio: {report['presidio']}")
    else:
        stats = systems["presidio"]["stats"]
        lines.append(
            f"Presidio {stats.get('version', '?')}: spaCy en_core_web_sm + GiNZA ja_ginza, its recognizers "
            "for both languages, plus JP postal code, My Number and the site formats as patterns; "
            "given each sentence's true language (edged runs with lang=auto)"
        )
    header = f"{'':34}" + "".join(f"{name:>13}" for name in names) + "   target"
    for lang in ("ja", "en"):
        scores = {name: systems[name]["scores"].get(lang) for name in names}
        if scores[names[0]] is not None:
            lines += ["", f"[{lang}]", header, *_render_lang(lang, names, scores)]
    return lines + _render_process(systems, names)


def _render_lang(lang: str, names: list[str], scores: dict[str, Any]) -> list[str]:
    """One language's rows: recall per type and form, then the summary figures."""
    first = scores[names[0]]
    lines: list[str] = []
    for entity_type, row in first["types"].items():
        cells = "".join(
            _pct(scores[n]["types"].get(entity_type, {}).get("recall") if scores[n] else None) for n in names
        )
        target = TARGETS.get(entity_type, {})
        goal = target.get(lang) if isinstance(target, dict) else None
        if goal is None and entity_type in STRUCTURED:
            goal = TARGETS["structured_recall"]
        leaks = f"  leaks {row['leaks']}" if row["leaks"] else ""
        suffix = f"   >= {goal:.1%}" if goal else ""
        lines.append(f"  {entity_type + ' recall':32}{cells}{suffix}{leaks}  (n={row['n']})")
    for form in first["forms"]:
        cells = "".join(
            _pct(scores[n]["forms"].get(form, {}).get("recall") if scores[n] else None) for n in names
        )
        lines.append(f"    {form[:30]:30}{cells}  (n={first['forms'][form]['n']})")
    rows = (
        ("structured recall, all", "structured_recall", _pct, f">= {TARGETS['structured_recall']:.1%} each"),
        (
            "hard negatives flagged",
            "negatives_flagged",
            _pct,
            f"<= {TARGETS['negatives_flagged']:.0%} (standard)",
        ),
        ("values left verbatim", "leak_rate", _pct, f"<= {TARGETS['leak_rate']:.1%}"),
        ("precision", "precision", _pct, ""),
        ("latency p50 ms/sentence", "p50_ms", _ms, f"<= {TARGETS['p50_ms']:.0f}, 5x faster"),
        ("latency p95 ms/sentence", "p95_ms", _ms, ""),
    )
    for title, key, fmt, goal in rows:
        cells = "".join(fmt(scores[n].get(key) if scores[n] else None) for n in names)
        lines.append(f"  {title:32}{cells}   {goal}")
    return lines


def _render_process(systems: dict[str, Any], names: list[str]) -> list[str]:
    """Memory, cold start and the speed-up over Presidio."""
    lines = ["", f"{'process':34}" + "".join(f"{name:>13}" for name in names)]
    lines.append(
        f"  {'peak memory MB':32}"
        + "".join(f"{systems[n]['stats'].get('max_rss_mb', 0):>13.0f}" for n in names)
    )
    lines.append(
        f"  {'cold start s':32}"
        + "".join(f"{systems[n]['stats'].get('cold_start_s', 0):>13.2f}" for n in names)
    )
    if "presidio" in systems:
        for lang in ("ja", "en"):
            e = systems["edged"]["scores"][lang]["p50_ms"]
            p = systems["presidio"]["scores"][lang]["p50_ms"]
            lines.append(f"  {'speed-up p50, ' + lang:32}{p / e if e else 0:>13.1f}x   >= 5x")
    return lines


def _pct(value: float | None) -> str:
    return f"{'-':>13}" if value is None else f"{value:>13.2%}"


def _ms(value: float | None) -> str:
    return f"{'-':>13}" if value is None else f"{value:>13.2f}"
