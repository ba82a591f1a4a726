"""Text on its way into a prompt: control characters and chat-template markers neutralised, the
input rendered as labelled, delimited blocks that the text cannot close from inside."""

from __future__ import annotations

import re
from collections.abc import Mapping

# Everything but \n and \t among C0, DEL and C1; bidi embeddings/overrides/isolates, which can
# make text read differently from what the model sees.
_CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")
_NEWLINES = re.compile("\r\n|[\r\u2028\u2029\x85]")
# Runs of three angle brackets would close or open an input block early.
_DELIMITER_RUN = re.compile(r"<{3,}|>{3,}")
# Chat-template markers (ChatML/SmolLM2 <|im_end|>, Phi-3 <|end|>, Llama <s>) that a tokenizer
# may turn into special tokens, ending the user turn from inside the input.
_TEMPLATE_MARKER = re.compile(r"<\||\|>|</?s>")


def clean_text(text: str) -> str:
    text = _NEWLINES.sub("\n", text)
    text = _CONTROL.sub("", text)
    text = _DELIMITER_RUN.sub(lambda match: match.group(0)[:2], text)
    return _TEMPLATE_MARKER.sub(lambda match: " ".join(match.group(0)), text).strip()


def clean_line(text: str) -> str:
    """A name or label: one line, cleaned like input text."""
    return " ".join(clean_text(text).split())


def render_input(request_input: Mapping[str, str]) -> str:
    """Each input field as ``name:\\n<<<\\ntext\\n>>>``; the text cannot contain the markers."""
    return "\n\n".join(
        f"{clean_line(name)}:\n<<<\n{clean_text(text)}\n>>>" for name, text in request_input.items()
    )
