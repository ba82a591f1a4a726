"""A Phi-3-shaped tiny checkpoint for tests: microsoft/Phi-3-mini-4k-instruct's config.json scaled
down, random weights from a fixed seed, and a small tokenizer trained here that carries Phi-3's
special tokens, chat template and stop tokens. The real weights never reach CI; this puts the
Phi-3 conversion path, chat format and stop tokens through the same builder and backend.

    python -m tests.support.tiny_phi3 DIR    writes the checkpoint folder (for `edged engine build
                                             --model phi-3-tiny-test --checkpoint DIR`)

What differs from the real tokenizer (Llama's SentencePiece BPE, 32,000 pieces): the pieces here
are the few hundred (330 with tokenizers 0.23) that BPE learns from the plant sentences below, so
every id from 259 on differs, and Phi-3's eleven added tokens follow the learned pieces (589..599)
instead of starting at 32000; the model's vocab is padded to a multiple of 64 (640), as 32011 is
to 32064. The same: ``<unk>`` 0, ``<s>`` 1, ``</s>`` 2, the 256 byte-fallback pieces
``<0x00>``..``<0xFF>`` from 3, ``▁`` for spaces (Prepend + Replace normalizer, no pre-tokenizer),
the added tokens' order and flags (all but ``<|endoftext|>`` strip the whitespace after them),
the bos/eos/pad/unk names, the chat template of Phi-3-mini-4k-instruct's tokenizer_config.json
and the stop ids of its generation_config.json. Not checked against the real files (offline):
whether the real tokenizer prepends ``<s>`` to a prompt; this one does not.
"""

from __future__ import annotations

import argparse
import itertools
import json
import sys
from pathlib import Path
from typing import Any

# Phi-3-mini-4k-instruct's tokenizer_config.json "chat_template", verbatim (onnxruntime-extensions
# carries the same string as its PHI3_CHAT_TEMPLATE).
PHI3_CHAT_TEMPLATE = (
    "{% for message in messages %}{% if message['role'] == 'system' %}"
    "{{'<|system|>\n' + message['content'] + '<|end|>\n'}}"
    "{% elif message['role'] == 'user' %}{{'<|user|>\n' + message['content'] + '<|end|>\n'}}"
    "{% elif message['role'] == 'assistant' %}{{'<|assistant|>\n' + message['content'] + '<|end|>\n'}}"
    "{% endif %}{% endfor %}{% if add_generation_prompt %}{{ '<|assistant|>\n' }}"
    "{% else %}{{ eos_token }}{% endif %}"
)
# Phi-3's added tokens in id order (32000..32010 in the real tokenizer).
ADDED_TOKENS = (
    "<|endoftext|>", "<|assistant|>", "<|placeholder1|>", "<|placeholder2|>", "<|placeholder3|>",
    "<|placeholder4|>", "<|system|>", "<|end|>", "<|placeholder5|>", "<|placeholder6|>", "<|user|>",
)
# generation_config.json of Phi-3-mini-4k-instruct stops at <|endoftext|>, <|assistant|>, <|end|>.
STOP_TOKENS = ("<|endoftext|>", "<|assistant|>", "<|end|>")
BASE_SPECIALS = ("<unk>", "<s>", "</s>")
BYTE_PIECES = tuple(f"<0x{b:02X}>" for b in range(256))
LEARNED_PIECES = 700
SEED = 1234
# The real config's geometry, scaled down: 32 -> 2 layers, hidden 3072 -> 128, 32 -> 4 heads
# (no GQA, as in Phi-3-mini), intermediate 8192 -> 256.
TINY_GEOMETRY = {"num_hidden_layers": 2, "hidden_size": 128, "num_attention_heads": 4,
                 "num_key_value_heads": 4, "intermediate_size": 256}

_MACHINES = ("Press P-7", "Motor M3", "Pump 4", "Conveyor C2", "Robot R1", "Oven 2", "Lathe L5",
             "Compressor K1", "Welder W3", "Mixer 6")
_SYMPTOMS = ("grinds since 03:00", "overheated and tripped", "leaks oil at the seal",
             "stops every ten minutes", "runs at half speed", "vibrates at high load",
             "shows alarm 42", "smells of burnt insulation", "makes a knocking noise",
             "lost pressure during the night shift")
_ACTIONS = ("Check the bearing.", "Replace the filter.", "Call maintenance.", "Log it for the morning.",
            "Stop the line and inspect it.", "Clean the sensor.", "Tighten the belt.")


def plant_sentences() -> list[str]:
    """A few hundred shop-floor sentences: the tokenizer's training text."""
    lines = [f"{m} {s}. {a}" for (m, s), a in zip(
        itertools.product(_MACHINES, _SYMPTOMS), itertools.cycle(_ACTIONS), strict=False)]
    lines += [f"What is wrong with {m}? It {s}." for m in _MACHINES for s in _SYMPTOMS[:4]]
    lines += ["You are a concise assistant.", "Ready.", "The line is running normally.",
              "Shift report: no faults.", "Temperature is 85 degrees Celsius."]
    return lines


def _train_pieces(sentences: list[str]) -> tuple[list[str], list[list[str]]]:
    """Learned BPE pieces (characters first) and merges, SentencePiece-style with ``▁``."""
    from tokenizers import Tokenizer, models, normalizers, pre_tokenizers, trainers

    trainer_tokenizer = Tokenizer(models.BPE())
    trainer_tokenizer.normalizer = normalizers.Sequence(
        [normalizers.Prepend("▁"), normalizers.Replace(" ", "▁")])
    # SentencePiece never learns a piece across a space, a change of script or a digit
    # (split_by_whitespace, split_by_unicode_script, split_digits), and onnxruntime-extensions
    # splits the text there before merging; pieces learned the same way tokenize alike in both.
    trainer_tokenizer.pre_tokenizer = pre_tokenizers.Sequence([
        pre_tokenizers.Metaspace(prepend_scheme="never"),
        pre_tokenizers.Digits(individual_digits=True),
        pre_tokenizers.Punctuation(behavior="isolated"),
    ])
    trainer = trainers.BpeTrainer(vocab_size=LEARNED_PIECES, show_progress=False, special_tokens=[])
    trainer_tokenizer.train_from_iterator(sentences, trainer=trainer)
    model = json.loads(trainer_tokenizer.to_str())["model"]
    vocab: dict[str, int] = model["vocab"]
    return sorted(vocab, key=vocab.__getitem__), model["merges"]


def tokenizer_json(sentences: list[str]) -> dict[str, Any]:
    """tokenizer.json in the form of Phi-3's (Llama's): normalizer, byte fallback, decoder."""
    pieces, merges = _train_pieces(sentences)
    vocab = {token: i for i, token in enumerate((*BASE_SPECIALS, *BYTE_PIECES, *pieces))}
    added = [{"id": i, "content": token, "single_word": False, "lstrip": False, "rstrip": False,
              "normalized": False, "special": True}
             for i, token in enumerate(BASE_SPECIALS)]
    # As in Phi-3's tokenizer.json: every added token but <|endoftext|> eats the space after it.
    added += [{"id": len(vocab) + i, "content": token, "single_word": False, "lstrip": False,
               "rstrip": i > 0, "normalized": False, "special": True}
              for i, token in enumerate(ADDED_TOKENS)]
    return {
        "version": "1.0", "truncation": None, "padding": None, "added_tokens": added,
        "normalizer": {"type": "Sequence", "normalizers": [
            {"type": "Prepend", "prepend": "▁"},
            {"type": "Replace", "pattern": {"String": " "}, "content": "▁"}]},
        "pre_tokenizer": None, "post_processor": None,
        "decoder": {"type": "Sequence", "decoders": [
            {"type": "Replace", "pattern": {"String": "▁"}, "content": " "},
            {"type": "ByteFallback"}, {"type": "Fuse"},
            {"type": "Strip", "content": " ", "start": 1, "stop": 0}]},
        "model": {"type": "BPE", "dropout": None, "unk_token": "<unk>", "continuing_subword_prefix": None,
                  "end_of_word_suffix": None, "fuse_unk": True, "byte_fallback": True,
                  "ignore_merges": False, "vocab": vocab, "merges": merges},
    }


def write_tokenizer(folder: Path) -> dict[str, int]:
    """Write tokenizer.json and tokenizer_config.json; return the special tokens' ids."""
    data = tokenizer_json(plant_sentences())
    (folder / "tokenizer.json").write_text(json.dumps(data, ensure_ascii=False, indent=1), encoding="utf-8")
    config = {
        "tokenizer_class": "LlamaTokenizer", "add_bos_token": False, "add_eos_token": False,
        "bos_token": "<s>", "eos_token": "<|endoftext|>", "pad_token": "<|endoftext|>",
        "unk_token": "<unk>", "chat_template": PHI3_CHAT_TEMPLATE, "model_max_length": 4096,
        "clean_up_tokenization_spaces": False, "legacy": False,
    }
    (folder / "tokenizer_config.json").write_text(json.dumps(config, indent=1), encoding="utf-8")
    return {entry["content"]: entry["id"] for entry in data["added_tokens"]}


def special_ids(folder: Path) -> dict[str, int]:
    """The ids of the special tokens in a checkpoint (or engine) folder's tokenizer.json."""
    data = json.loads((folder / "tokenizer.json").read_text(encoding="utf-8"))
    return {entry["content"]: entry["id"] for entry in data["added_tokens"]}


def write_tiny_phi3(folder: Path) -> Path:
    """Write the checkpoint into ``folder`` (created); byte-identical on every run with the same
    torch, transformers and tokenizers, so an engine built from it is cached by fingerprint."""
    import torch
    from transformers import GenerationConfig, Phi3Config, Phi3ForCausalLM

    folder.mkdir(parents=True, exist_ok=True)
    ids = write_tokenizer(folder)
    vocab_size = -(-(max(ids.values()) + 1) // 64) * 64  # padded up, as 32011 is to 32064
    config = Phi3Config(
        vocab_size=vocab_size, **TINY_GEOMETRY, hidden_act="silu", max_position_embeddings=4096,
        original_max_position_embeddings=4096,
        rope_parameters={"rope_type": "default", "rope_theta": 10000.0},
        sliding_window=2047, rms_norm_eps=1e-5, tie_word_embeddings=False, attention_bias=False,
        bos_token_id=ids["<s>"], eos_token_id=ids["<|endoftext|>"], pad_token_id=ids["<|endoftext|>"],
        architectures=["Phi3ForCausalLM"], dtype="bfloat16",
    )
    torch.manual_seed(SEED)
    model = Phi3ForCausalLM(config).to(torch.bfloat16).eval()
    model.generation_config = GenerationConfig(
        bos_token_id=ids["<s>"], eos_token_id=[ids[t] for t in STOP_TOKENS],
        pad_token_id=ids["<|endoftext|>"],
    )
    model.save_pretrained(folder)
    return folder


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m tests.support.tiny_phi3",
                                     description="Write the tiny Phi-3 checkpoint into FOLDER.")
    parser.add_argument("folder", type=Path)
    args = parser.parse_args(argv)
    sys.stdout.write(f"{write_tiny_phi3(args.folder)}\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
