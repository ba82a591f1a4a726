"""The closed vocabularies several layers share, one ``Literal`` each, with their runtime lists from
``typing.get_args``: metric label values, config choices and tests all come from here, so a name
cannot drift between the module that emits it and the one that counts it. Imports nothing of
edged's."""

from __future__ import annotations

import typing
from typing import Literal

# Why an answer went to the cloud (edged/escalation/router.py decides; metrics count each).
Trigger = Literal[
    "client_force",
    "policy_cloud",
    "input_too_long",
    "engine_error",
    "busy",
    "invalid_output",
    "low_confidence",
]
TRIGGERS: tuple[Trigger, ...] = typing.get_args(Trigger)

# The engine backends edged ships (edged/backends.py declares what each supports; a backend added
# at run time through edged.backends.register extends the registry, not this list).
BackendName = Literal["trtllm", "onnx-genai-cuda", "onnx-genai-cpu"]
BACKEND_NAMES: tuple[BackendName, ...] = typing.get_args(BackendName)

# The engines `edged bench engine --peer` runs beside edged's, on the checkpoint edged's engine was
# built from (edged/bench/peer.py); the command line offers these.
PeerName = Literal["llama.cpp"]
PEERS: tuple[PeerName, ...] = typing.get_args(PeerName)
