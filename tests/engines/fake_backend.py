"""A fake backend reached through the same seams as the real ones (BACKENDS' dotted paths)."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from edged.engines.base import (
    AdapterRef,
    ChatMessage,
    EngineHealth,
    EngineInfo,
    GenerationRequest,
    GenerationResult,
    LabelScore,
    Timings,
    TokenCallback,
)
from edged.engines.build import BuildPlan, BuildReporter
from edged.errors import BuildError

ANSWERS = {"France": "Paris", "planet": "Earth", "ocean": "Pacific"}
# Tests set these to steer the fake.
behaviour: dict[str, object] = {"answer_wrong": False, "fail_in_builder": False}


def fake_builder(
    plan: BuildPlan, out_dir: Path, work_dir: Path, log: Path, reporter: BuildReporter,
) -> dict[str, str]:
    reporter.start("convert", "fake conversion")
    out_dir.mkdir(parents=True)
    (out_dir / "weights.bin").write_bytes(b"\x01" * 1000)
    if behaviour["fail_in_builder"]:
        raise BuildError("the fake builder was told to fail")
    (out_dir / "config.json").write_text('{"fake": true}')
    reporter.done("convert", "done")
    return {"fake-tool": "1.0"}


class FakeEngine:
    def __init__(self, path: Path, info: EngineInfo) -> None:
        assert (path / "weights.bin").is_file()
        self._info = info

    @property
    def info(self) -> EngineInfo:
        return self._info

    def count_tokens(self, messages: Sequence[ChatMessage]) -> int:
        return sum(len(m.content.split()) for m in messages)

    def generate(
        self, requests: Sequence[GenerationRequest], on_token: TokenCallback | None = None,
    ) -> list[GenerationResult]:
        results = []
        for request in requests:
            question = request.messages[-1].content
            text = "I do not know."
            if not behaviour["answer_wrong"]:
                text = next((a for k, a in ANSWERS.items() if k in question), "A long story.")
            results.append(GenerationResult(
                text=text, token_ids=(1, 2, 3), logprobs=(-0.1, -0.2, -0.3), finish_reason="stop",
                prompt_tokens=self.count_tokens(request.messages),
                timings=Timings(prefill_ms=1.0, ttft_ms=1.0, decode_ms=2.0, total_ms=3.0),
            ))
        return results

    def score_labels(
        self, messages: Sequence[ChatMessage], labels: Sequence[str], *, complete: bool = True,
        deadline: float | None = None, adapter: AdapterRef | None = None,
    ) -> list[LabelScore]:
        return [LabelScore(label, -1.0, 1) for label in labels]

    def health(self) -> EngineHealth:
        return EngineHealth(True, "fake", 0.0)

    def close(self) -> None:
        pass
