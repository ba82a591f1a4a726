"""The runner's token bound, which spares most requests a tokenizer round trip to the engine
process, is never below the real count: on the CPU model (byte-level BPE) and on the tiny Phi-3
(SentencePiece with byte fallback), for text in several scripts, odd characters and repeats."""

from __future__ import annotations

import random

import pytest

from edged.engines.base import ChatMessage, Engine
from edged.service.runner import prompt_token_bound

pytestmark = pytest.mark.engine

TEXTS = [
    "", " ", "a", "Press P-7 makes a grinding noise since the night shift.",
    "ライン3のプレス機から異音。夜勤の田中さんが確認済み。", "🙂🔧⚙️ 👩🏽‍🔧", "e\u0301\u0301\u0301 ñ ǅ ﬁ",
    "\t\n\r  \u3000 \u200b", "word " * 300, "x" * 500, "¶" * 200, "0123456789" * 40,
    "Ünïcödé ÀÉÎÕÜ ąęłńśźż ğış ЖЩЯ ελληνικά עברית العربية हिन्दी ไทย 한국어 中文",
]


def _random_texts(count: int) -> list[str]:
    rng = random.Random(7)  # noqa: S311 - test data, not secrets
    ranges = [(0x20, 0x7E), (0xA0, 0x24F), (0x3040, 0x30FF), (0x4E00, 0x4FFF), (0x1F300, 0x1F64F),
              (0x0300, 0x036F), (0xAC00, 0xAD00)]
    texts = []
    for _ in range(count):
        pieces = []
        for _ in range(rng.randint(1, 120)):
            low, high = rng.choice(ranges)
            pieces.append(chr(rng.randint(low, high)))
        texts.append("".join(pieces))
    return texts


@pytest.mark.parametrize("which", ["cpu_engine", "tiny_phi3_engine"])
def test_the_bound_is_never_below_the_real_count(which: str, request: pytest.FixtureRequest) -> None:
    engine: Engine = request.getfixturevalue(which)
    empty = engine.count_tokens((ChatMessage("user", ""),))
    for text in TEXTS + _random_texts(150):
        system = ChatMessage("system", "You answer briefly. " + text[:40])
        for messages in ((ChatMessage("user", text),), (system, ChatMessage("user", text))):
            exact = engine.count_tokens(messages)
            assert prompt_token_bound(messages, empty) >= exact, (text[:40], exact)
