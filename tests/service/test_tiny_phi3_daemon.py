"""`edged ask` against the tiny Phi-3: the daemon, the real broker over mTLS and the Phi-3-shaped
engine built by the cpu builder (tests/support/tiny_phi3.py). Random weights: the answers are
nonsense, the replies must still be well formed and name the model."""

from __future__ import annotations

import pytest

from edged.engines.base import Engine
from tests.conftest import TINY_PHI3
from tests.service.conftest import MakeClient, StartDaemon

pytestmark = pytest.mark.engine


def test_ask_and_classify_through_the_daemon(
    start_daemon: StartDaemon, make_client: MakeClient, tiny_phi3_engine: Engine,
) -> None:
    start_daemon(engine=tiny_phi3_engine)
    client = make_client()
    ask = client.request({"task": "ask", "input": "Pump 4 leaks oil. What now?", "max_tokens": 16}).body
    assert ask["status"] == "ok", ask
    assert ask["model"] == f"{TINY_PHI3}@cpu"
    assert (ask["source"], ask["escalated"]) == ("edge", False)
    assert 0 < ask["usage"]["completion_tokens"] <= 16
    assert isinstance(ask["output"]["text"], str)
    classify = client.request({"task": "classify", "input": "Motor M3 overheated and tripped.",
                               "labels": ["fault", "normal"]}).body
    assert classify["status"] == "ok", classify
    assert classify["output"]["label"] in {"fault", "normal"}
    assert sum(classify["output"]["scores"].values()) == pytest.approx(1.0, abs=1e-3)
