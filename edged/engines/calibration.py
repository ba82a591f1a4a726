"""The local calibration text a quantizing TensorRT-LLM build reads, checked without `datasets`.

TensorRT-LLM's loader (``get_calib_dataloader`` in tensorrt_llm/quantization/quantize_by_modelopt.py)
treats a local folder as ``datasets.load_dataset(folder, split="train")`` and takes its ``text``
column. So the folder must be one ``load_dataset`` reads as data files, not a ``save_to_disk``
folder (``load_dataset`` refuses a folder holding state.json: "Please use `load_from_disk`"), and
its path must not contain "cnn_dailymail" or "scienceqa"/"science_qa", which that loader checks
first and reads with other columns. edged writes and checks one shape: ``train.jsonl``, one JSON
object ``{"text": "..."}`` per line (the json builder; the file name makes the split "train").

    write_calibration(files, out) -> rows   (`edged engine calib-data FILE... --out DIR`)
    inspect_calibration(folder) -> CalibrationCheck
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

from edged.errors import ConfigError

CALIBRATION_DIR = "calibration"
DATA_FILE = "train.jsonl"
# CalibConfig's default: 512 batches of 1 sample (tensorrt_llm/llmapi/llm_args.py, CalibConfig);
# edged passes the same. quantize_and_export uses at most 32 samples for AWQ.
CALIBRATION_SAMPLES = 512
MIN_ROWS = 32
# Paragraphs shorter than this carry too few tokens to calibrate activation ranges on.
MIN_CHARS = 40
_READ_BY_LOADER_FIRST = ("cnn_dailymail", "scienceqa", "science_qa")
_DATASET_SUFFIXES = (".jsonl", ".json", ".parquet", ".arrow", ".csv", ".txt")


@dataclass(frozen=True)
class CalibrationCheck:
    folder: Path
    rows: int
    problems: list[str]
    notes: list[str]


def paragraphs(text: str) -> list[str]:
    """Blank-line separated paragraphs, whitespace collapsed, the short ones dropped."""
    blocks = [" ".join(block.split()) for block in text.replace("\r\n", "\n").split("\n\n")]
    return [block for block in blocks if len(block) >= MIN_CHARS]


def write_calibration(files: list[Path], out: Path, *, force: bool = False) -> int:
    """Write ``out/train.jsonl`` from plain-text files, one row per paragraph; the row count."""
    rows: list[str] = []
    for file in files:
        try:
            rows.extend(paragraphs(file.read_text(encoding="utf-8")))
        except (OSError, UnicodeDecodeError) as exc:
            raise ConfigError(f"Cannot read {file} as UTF-8 text ({exc}). Pass plain-text files.") from None
    if len(rows) < MIN_ROWS:
        raise ConfigError(
            f"{', '.join(map(str, files))} hold {len(rows)} paragraphs of {MIN_CHARS}+ characters; "
            f"calibration needs at least {MIN_ROWS} ({CALIBRATION_SAMPLES} are used). Add more of "
            "the text this plant sends (manuals, shift notes, tickets), paragraphs separated by blank lines.",
            code="bad_request",
        )
    target = out / DATA_FILE
    if target.exists() and not force:
        raise ConfigError(f"{target} exists; pass --force to replace it.", code="bad_request")
    out.mkdir(parents=True, exist_ok=True)
    target.write_text("".join(json.dumps({"text": row}, ensure_ascii=False) + "\n" for row in rows),
                      encoding="utf-8")
    return len(rows)


def inspect_calibration(folder: Path) -> CalibrationCheck:
    """What TensorRT-LLM would read from ``folder``, and every reason it would fail or mislead."""
    problems: list[str] = []
    notes: list[str] = []
    if any(word in str(folder).lower() for word in _READ_BY_LOADER_FIRST):
        problems.append(
            f"the path {folder} contains 'cnn_dailymail' or 'scienceqa', which TensorRT-LLM's loader "
            "reads with another column: move the folder",
        )
    if (folder / "state.json").is_file():
        problems.append(
            f"{folder} was written by datasets' save_to_disk, which load_dataset refuses "
            "(it asks for load_from_disk): write it with `edged engine calib-data`",
        )
    data = folder / DATA_FILE
    others = sorted(p.name for p in folder.iterdir() if p.is_file() and p.suffix in _DATASET_SUFFIXES
                    and p.name != DATA_FILE) if folder.is_dir() else []
    if others:
        problems.append(
            f"{folder} holds other data files ({', '.join(others[:5])}), which load_dataset would "
            f"mix in or prefer: keep only {DATA_FILE}",
        )
    if not data.is_file():
        problems.append(f"{folder} has no {DATA_FILE}")
        return CalibrationCheck(folder, 0, problems, notes)
    rows, bad = _count_rows(data)
    if bad:
        problems.append(f"{data} line {bad[0]} is not a JSON object with a string 'text' "
                        f"({len(bad)} such lines)")
    if rows < MIN_ROWS:
        problems.append(f"{data} holds {rows} rows; calibration needs at least {MIN_ROWS}")
    elif rows < CALIBRATION_SAMPLES:
        notes.append(f"calibration uses the {rows} rows of {data} (up to {CALIBRATION_SAMPLES} "
                     "would be used)")
    return CalibrationCheck(folder, rows, problems, notes)


def _count_rows(data: Path) -> tuple[int, list[int]]:
    rows, bad = 0, []
    with data.open(encoding="utf-8", errors="replace") as lines:
        for number, line in enumerate(lines, start=1):
            if not line.strip():
                continue
            try:
                row = json.loads(line)
            except ValueError:
                row = None
            if isinstance(row, dict) and isinstance(row.get("text"), str) and row["text"].strip():
                rows += 1
            else:
                bad.append(number)
    return rows, bad
