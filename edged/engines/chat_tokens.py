"""A model folder's tokenizer and chat template (onnxruntime-genai's ``Tokenizer``): prompts as
tokens, the stop tokens and the token that ends an assistant turn. Shared by the engines that run
an ONNX Runtime GenAI folder."""

from __future__ import annotations

import json
import threading
from collections import OrderedDict
from collections.abc import Sequence
from typing import Any

import numpy as np

from edged.engines.base import ChatMessage

PROMPT_CACHE_SIZE = 256


class ChatTokenizer:
    """Wraps an ``og.Tokenizer``; safe to call from several threads."""

    def __init__(self, tokenizer: Any) -> None:
        self._tokenizer = tokenizer
        self._cache_lock = threading.Lock()
        self._prompt_cache: OrderedDict[tuple[ChatMessage, ...], list[int]] = OrderedDict()
        self._prefix_cache: OrderedDict[tuple[ChatMessage, ...], list[int]] = OrderedDict()
        self.eos = frozenset(int(t) for t in tokenizer.eos_token_ids)
        self.pad = int(tokenizer.pad_token_id)
        self.end_of_turn = self._turn_end_token()

    def render(self, messages: Sequence[ChatMessage]) -> str:
        payload = json.dumps([{"role": m.role, "content": m.content} for m in messages])
        return str(self._tokenizer.apply_chat_template(payload, add_generation_prompt=True))

    def _turn_end_token(self) -> int:
        """The stop token the chat template closes an assistant turn with: SmolLM2's only one,
        <|im_end|>; Phi-3's <|end|>, not its lowest stop id <|endoftext|>, which the template
        writes only after the last turn. The lowest stop id when the template does not say."""
        user = [ChatMessage("user", "ping")]
        try:
            prompt = self.render(user)
            finished = [*user, ChatMessage("assistant", "pong")]
            payload = json.dumps([{"role": m.role, "content": m.content} for m in finished])
            turn = str(self._tokenizer.apply_chat_template(payload, add_generation_prompt=False))
        except Exception:  # a template that cannot render a finished turn
            return min(self.eos)
        if turn.startswith(prompt):
            ends = [t for t in self.encode(turn[len(prompt):]) if t in self.eos]
            if ends:
                return ends[0]
        return min(self.eos)

    def encode(self, text: str) -> list[int]:
        return [int(t) for t in self._tokenizer.encode(text)]

    def prompt_tokens(self, messages: Sequence[ChatMessage]) -> list[int]:
        """The chat-templated prompt as tokens. The daemon counts a prompt's tokens and then
        generates from it; the small cache saves tokenizing it twice."""
        key = tuple(messages)
        with self._cache_lock:
            cached = self._prompt_cache.get(key)
            if cached is not None:
                self._prompt_cache.move_to_end(key)
                return cached
        tokens = self.encode(self.render(messages))
        with self._cache_lock:
            self._prompt_cache[key] = tokens
            while len(self._prompt_cache) > PROMPT_CACHE_SIZE:
                self._prompt_cache.popitem(last=False)
        return tokens

    def prefix_length(self, messages: Sequence[ChatMessage]) -> int:
        """How many leading tokens of the prompt are the turns before the last message (the
        system prompt, for edged's tasks): the same for every request of a task, so an engine may
        reuse their KV cache. 0 where there are none, or where their tokens are not a prefix of the
        prompt's (a template that renders earlier turns differently once more follow)."""
        if len(messages) < 2:
            return 0
        earlier = tuple(messages[:-1])
        with self._cache_lock:
            cached = self._prefix_cache.get(earlier)
        if cached is None:
            payload = json.dumps([{"role": m.role, "content": m.content} for m in earlier])
            try:
                turns = self._tokenizer.apply_chat_template(payload, add_generation_prompt=False)
                cached = self.encode(str(turns))
            except Exception:  # a template that cannot render the earlier turns alone
                cached = []
            with self._cache_lock:
                self._prefix_cache[earlier] = cached
                while len(self._prefix_cache) > PROMPT_CACHE_SIZE:
                    self._prefix_cache.popitem(last=False)
        prompt = self.prompt_tokens(messages)
        # at least two tokens after it: a run of one token computes with other kernels
        fits = len(cached) < len(prompt) - 1 and prompt[: len(cached)] == cached
        return len(cached) if fits else 0

    def decode(self, tokens: Sequence[int]) -> str:
        if not tokens:
            return ""
        return str(self._tokenizer.decode(np.asarray(tokens, dtype=np.int32)))

    def label_tokens(self, labels: Sequence[str], *, complete: bool) -> list[list[int]]:
        """Each label's tokens as the assistant's answer, then (``complete``) the end of the turn."""
        end = [self.end_of_turn] if complete else []
        return [[*self.encode(label), *end] for label in labels]


class ChatTextSide:
    """The Engine protocol's text side, over a ``ChatTokenizer`` in ``self._chat``: what both CPU
    engines answer the same way."""

    _chat: ChatTokenizer

    def render(self, messages: Sequence[ChatMessage]) -> str:
        return self._chat.render(messages)

    def encode(self, text: str) -> list[int]:
        return self._chat.encode(text)

    def prompt_tokens(self, messages: Sequence[ChatMessage]) -> list[int]:
        return self._chat.prompt_tokens(messages)

    def count_tokens(self, messages: Sequence[ChatMessage]) -> int:
        return len(self._chat.prompt_tokens(messages))

    def decode(self, tokens: Sequence[int]) -> str:
        return self._chat.decode(tokens)
