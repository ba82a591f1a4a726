"""How many onnxruntime workers the CPU engines take: one per CPU the process may run on."""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

import pytest

from edged.engines import onnx_genai, onnx_slots


def test_one_worker_per_cpu_the_process_may_use(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(os, "sched_getaffinity", lambda _pid: {0, 3, 5}, raising=False)
    assert onnx_slots.default_threads() == 3
    monkeypatch.setattr(os, "sched_getaffinity", lambda _pid: set(range(64)), raising=False)
    assert onnx_slots.default_threads() == 16


def test_without_affinity_the_cpu_count_is_used(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delattr(os, "sched_getaffinity", raising=False)
    monkeypatch.setattr(os, "cpu_count", lambda: None)
    assert onnx_slots.default_threads() == 1
    monkeypatch.setattr(os, "cpu_count", lambda: 2)
    assert onnx_slots.default_threads() == 2


class _Config:
    def __init__(self, path: str) -> None:
        self.path = path
        self.overlays: list[dict[str, Any]] = []

    def overlay(self, text: str) -> None:
        self.overlays.append(json.loads(text))


class _Genai:
    Config = _Config


def _folder(tmp_path: Path, session_options: dict[str, Any]) -> Path:
    config = {"model": {"decoder": {"session_options": session_options, "filename": "model.onnx"}}}
    (tmp_path / "genai_config.json").write_text(json.dumps(config), encoding="utf-8")
    return tmp_path


def test_the_genai_engine_gets_the_same_workers_unless_its_folder_says(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(onnx_genai, "default_threads", lambda: 7)
    config = onnx_genai._config(_Genai, _folder(tmp_path, {"log_severity_level": 3}))
    assert config.overlays == [{"model": {"decoder": {"session_options": {"intra_op_num_threads": 7}}}}]
    config = onnx_genai._config(_Genai, _folder(tmp_path, {"intra_op_num_threads": 1}))
    assert config.overlays == []  # a folder that sets its own count keeps it
