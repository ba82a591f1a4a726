"""Continuous batching at the service: the daemon over the real broker with the continuous engine,
in the daemon's process and in its own. A request that arrives while a long one runs starts at
once and is answered first; with the static engine it waits for the long one's batch to end (the
same test, run on both, shows the difference). The README's `mosquitto_rr` extract with a schema
gets a schema-valid object."""

from __future__ import annotations

import json
import shutil
import subprocess
import threading
import time
from pathlib import Path

import jsonschema
import pytest

from edged.engines.base import Engine, GenerationRequest
from edged.engines.continuous import ContinuousOnnxEngine
from edged.engines.process import EngineProcess
from edged.errors import EngineError
from tests.service.conftest import MakeClient, StartDaemon
from tests.support.broker import MosquittoBroker
from tests.support.fixtures import ProvisionedSite

pytestmark = pytest.mark.engine

LONG = {"task": "ask", "input": "Write a long story about a conveyor belt.", "max_tokens": 160,
        "deadline_ms": 120000, "stream": True}
SHORT = {"task": "ask", "input": "Name a colour.", "max_tokens": 6, "deadline_ms": 120000}


def _short_during_long(
    start_daemon: StartDaemon, make_client: MakeClient, engine: Engine,
) -> tuple[list[str], dict[str, float]]:
    """The order in which a long request (sent first) and a short one (sent once the long one
    streams) were answered, and the short one's timings."""
    start_daemon(engine=engine)
    alice, bob = make_client("alice"), make_client("bob")
    order: list[str] = []
    streaming = threading.Event()

    def long_request() -> None:
        reply = alice.request(LONG, timeout=120, on_chunk=lambda _chunk: streaming.set())
        assert reply.ok, reply.body
        order.append("long")

    thread = threading.Thread(target=long_request)
    thread.start()
    assert streaming.wait(60)
    reply = bob.request(SHORT, timeout=120)
    assert reply.ok, reply.body
    order.append("short")
    thread.join(120)
    return order, reply.body["timings_ms"]


def test_a_request_joins_the_running_batch_and_is_answered_first(
    start_daemon: StartDaemon, make_client: MakeClient, continuous_engine: ContinuousOnnxEngine,
) -> None:
    assert continuous_engine.info.concurrent
    order, timings = _short_during_long(start_daemon, make_client, continuous_engine)
    assert order == ["short", "long"]
    assert timings["queue"] < 500, timings


def test_with_static_batches_it_waits_for_the_long_one(
    start_daemon: StartDaemon, make_client: MakeClient, cpu_engine: Engine,
) -> None:
    assert not cpu_engine.info.concurrent
    _order, timings = _short_during_long(start_daemon, make_client, cpu_engine)
    # It waited in the queue for the rest of the long batch (~150 tokens; the order of the two
    # replies' threads is a race on a loaded machine, the queue time is not).
    assert timings["queue"] > 1000, timings


def test_the_readme_mosquitto_rr_extract_with_a_schema_is_schema_valid(
    start_daemon: StartDaemon, site: ProvisionedSite, broker: MosquittoBroker,
    continuous_engine: ContinuousOnnxEngine,
) -> None:
    rr = shutil.which("mosquitto_rr")
    if rr is None:
        pytest.skip("mosquitto_rr is not installed (Debian's mosquitto-clients; scripts/setup installs it)")
    start_daemon(engine=continuous_engine)
    alice = site.identity("alice")
    schema = {"type": "object", "required": ["machine", "symptom"],
              "properties": {"machine": {"type": "string"}, "symptom": {"type": "string"}}}
    body = {"task": "extract", "input": "Press P-7 makes a grinding noise since the night shift.",
            "schema": schema}
    done = subprocess.run(
        [rr, "-V", "5", "-h", "localhost", "-p", str(broker.port), "--cafile", str(alice.ca),
         "--cert", str(alice.cert), "--key", str(alice.key), "-t", "edged/dev-1/req/alice",
         "-e", "edged/dev-1/resp/alice/rr", "-m", json.dumps(body), "-W", "60"],
        capture_output=True, text=True, timeout=90, check=False,
    )
    assert done.returncode == 0, done.stderr
    reply = json.loads(done.stdout)
    assert reply["status"] == "ok", reply
    jsonschema.validate(reply["output"], schema)


def test_the_engine_process_runs_concurrent_calls_in_one_batch(engine_folder_for_process: Path) -> None:
    """With batching = continuous the child gets each call on its own thread: a short call made
    while a long one runs comes back first, across the pipe."""
    engine = EngineProcess(engine_folder_for_process, batching="continuous")
    try:
        assert engine.info.concurrent and engine.info.max_batch_size >= 8
        finished: list[str] = []
        started = threading.Event()

        def long_call() -> None:
            request = GenerationRequest.from_prompt("Write a long story about a pump.", max_tokens=160)
            engine.generate([request], lambda *_: started.set())
            finished.append("long")

        thread = threading.Thread(target=long_call)
        thread.start()
        assert started.wait(60)
        [short] = engine.generate([GenerationRequest.from_prompt("Name a colour.", max_tokens=6)])
        finished.append("short")
        thread.join(120)
        assert finished == ["short", "long"] and short.completion_tokens <= 6
    finally:
        engine.close()


def test_a_killed_continuous_child_fails_every_call_in_it_and_serves_again(
    engine_folder_for_process: Path,
) -> None:
    engine = EngineProcess(engine_folder_for_process, batching="continuous", step_timeout_s=30)
    try:
        errors: list[str] = []
        generating = [threading.Event() for _ in range(4)]

        def call(n: int) -> None:
            request = GenerationRequest.from_prompt(f"Write a long story about pump {n}.", max_tokens=300)
            try:
                engine.generate([request], lambda *_: generating[n].set())
            except EngineError as exc:
                errors.append(exc.message)

        threads = [threading.Thread(target=call, args=(n,)) for n in range(4)]
        for thread in threads:
            thread.start()
        for event in generating:  # every call is in the child's running batch
            assert event.wait(60)
        pid = engine.pid
        assert pid is not None
        subprocess.run(["kill", "-KILL", str(pid)], check=True)
        for thread in threads:
            thread.join(60)
        assert len(errors) == 4, errors
        deadline = time.monotonic() + 60
        while engine.state != "serving" and time.monotonic() < deadline:
            time.sleep(0.1)
        [again] = engine.generate([GenerationRequest.from_prompt("Name a colour.", max_tokens=4)])
        assert again.completion_tokens > 0 and engine.restarts == 1
    finally:
        engine.close()


@pytest.fixture(scope="module")
def engine_folder_for_process(cpu_engine: Engine) -> Path:
    return cpu_engine.info.path


def test_a_stream_nobody_reads_leaves_the_childs_batch(engine_folder_for_process: Path) -> None:
    """A stream whose reply cannot be published (its callback raises) is cancelled in the child:
    the call ends at once with the callback's error, not after its 300 tokens, and the next call
    gets its own answer."""
    engine = EngineProcess(engine_folder_for_process, batching="continuous")
    try:
        seen: list[int] = []

        def broken(_row: int, token: int, _text: str) -> None:
            seen.append(token)
            if len(seen) == 3:
                raise ConnectionError("the reply could not be published")

        request = GenerationRequest.from_prompt("Write a long story about a pump.", max_tokens=300)
        began = time.monotonic()
        [whole] = engine.generate([request])
        whole_s = time.monotonic() - began
        assert whole.completion_tokens > 100
        began = time.monotonic()
        with pytest.raises(ConnectionError):
            engine.generate([request], broken)
        # Without the cancel the child ran all the tokens before answering (as long as the whole run).
        assert time.monotonic() - began < whole_s / 3
        [again] = engine.generate([GenerationRequest.from_prompt("Name a colour.", max_tokens=4)])
        assert again.completion_tokens > 0 and engine.restarts == 0
    finally:
        engine.close()
