"""From a step's logits to tokens and their log-probabilities: shared by every backend that reads
logits itself (onnxruntime-genai's ``Generator``, the continuous-batching engine, TensorRT-LLM)."""

from __future__ import annotations

import numpy as np
import numpy.typing as npt

from edged.engines.base import Sampling


def log_softmax_rows(logits: npt.NDArray[np.float32]) -> npt.NDArray[np.float32]:
    """Row-wise log-softmax of a (rows, vocab) array, stable for large logits."""
    top = logits.max(axis=1, keepdims=True)
    shifted = logits - top
    result: npt.NDArray[np.float32] = shifted - np.log(np.exp(shifted).sum(axis=1, keepdims=True))
    return result


def token_logprobs(logits: npt.NDArray[np.float32], tokens: npt.NDArray[np.int32]) -> list[float]:
    """Log-probability of ``tokens[i]`` under row ``i`` of ``logits``, without a full log-softmax.

    log p(t) = x[t] - max - log(sum(exp(x - max))): one exp pass per row, no second array.
    """
    top = logits.max(axis=1)
    total = np.exp(logits - top[:, None]).sum(axis=1)
    picked = logits[np.arange(len(tokens)), tokens]
    return [float(v) for v in picked - top - np.log(total)]


def sample_token(row: npt.NDArray[np.float32], sampling: Sampling, rng: np.random.Generator) -> int:
    """One token from one row of logits: the ``top_k`` most likely, then the smallest set of them
    whose probability reaches ``top_p``, drawn at ``temperature`` (greedy: the arg-max)."""
    if sampling.greedy:
        return int(np.argmax(row))
    scaled = row.astype(np.float64) / sampling.temperature
    k = min(sampling.top_k, scaled.shape[0])
    candidates = np.argpartition(-scaled, k - 1)[:k]
    candidates = candidates[np.argsort(-scaled[candidates], kind="stable")]
    weights = np.exp(scaled[candidates] - scaled[candidates[0]])
    probabilities = weights / weights.sum()
    if sampling.top_p < 1.0:
        keep = int(np.searchsorted(np.cumsum(probabilities), sampling.top_p)) + 1
        candidates, probabilities = candidates[:keep], probabilities[:keep]
        probabilities = probabilities / probabilities.sum()
    return int(rng.choice(candidates, p=probabilities))
