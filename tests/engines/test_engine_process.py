"""The engine in its own process, with the real CPU model: the same answers as in process, no GIL
stall for the caller's other threads, and a dead or hung child restarted while its call fails
with engine_error."""

from __future__ import annotations

import os
import signal
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from edged.engines.base import ChatMessage, Engine, GenerationRequest
from edged.engines.loader import usable_engine
from edged.engines.process import EngineProcess
from edged.engines.store import EngineStore
from edged.errors import DeadlineExceeded, EngineError, InputTooLong
from edged.hardware.facts import HardwareFacts
from edged.hardware.profiles import Profile

pytestmark = pytest.mark.engine


@pytest.fixture(scope="module")
def engine_folder(engine_store: EngineStore, cpu_profile: Profile, machine: HardwareFacts) -> Path:
    return usable_engine(engine_store, cpu_profile, machine).folder


@pytest.fixture
def process_engine(engine_folder: Path) -> Iterator[EngineProcess]:
    engine = EngineProcess(engine_folder)
    yield engine
    engine.close()


def wait_serving(engine: EngineProcess, timeout: float = 30.0) -> float:
    started = time.monotonic()
    while engine.state != "serving":
        assert time.monotonic() - started < timeout, f"still {engine.state}"
        time.sleep(0.05)
    return time.monotonic() - started


PROMPT = GenerationRequest.from_prompt("Name a colour.", max_tokens=12)


def test_answers_match_the_engine_in_process(process_engine: EngineProcess, cpu_engine: Engine) -> None:
    assert process_engine.info == cpu_engine.info
    [ours] = process_engine.generate([PROMPT])
    [theirs] = cpu_engine.generate([PROMPT])
    assert ours.text == theirs.text and ours.token_ids == theirs.token_ids
    assert ours.logprobs == pytest.approx(theirs.logprobs, abs=1e-5)
    pieces: list[str] = []
    [streamed] = process_engine.generate([PROMPT], lambda _i, _t, text: pieces.append(text))
    assert "".join(pieces) == streamed.text == ours.text
    messages = [ChatMessage("user", "Is the pump broken? Answer yes or no.")]
    assert process_engine.count_tokens(messages) == cpu_engine.count_tokens(messages)
    ours_scores = process_engine.score_labels(messages, ["yes", "no"])
    theirs_scores = cpu_engine.score_labels(messages, ["yes", "no"])
    assert [s.logprob for s in ours_scores] == pytest.approx([s.logprob for s in theirs_scores], abs=1e-5)
    assert process_engine.health().ok


def test_calls_from_several_threads_each_get_their_own_answer(
    process_engine: EngineProcess, cpu_engine: Engine,
) -> None:
    """Calls are numbered on the pipe: three threads at once, each with its own prompt and stream,
    get exactly what the engine in process answers them one by one."""
    prompts = [GenerationRequest.from_prompt(f"Name a {thing}.", max_tokens=10)
               for thing in ("colour", "fruit", "tool")]
    expected = [cpu_engine.generate([p])[0].text for p in prompts]
    answers: dict[int, str] = {}
    streams: dict[int, list[str]] = {i: [] for i in range(3)}

    def ask(i: int) -> None:
        [result] = process_engine.generate([prompts[i]], lambda _b, _t, text: streams[i].append(text))
        answers[i] = result.text

    threads = [threading.Thread(target=ask, args=(i,)) for i in range(3)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(60)
    assert [answers[i] for i in range(3)] == expected
    assert ["".join(streams[i]) for i in range(3)] == expected


def test_errors_keep_their_type_across_the_pipe(process_engine: EngineProcess) -> None:
    too_long = GenerationRequest.from_prompt("word " * 5000, max_tokens=8)
    with pytest.raises(InputTooLong):
        process_engine.generate([too_long])
    assert process_engine.state == "serving" and process_engine.restarts == 0


def test_a_long_prefill_does_not_stall_the_callers_other_threads(process_engine: EngineProcess) -> None:
    """In process, onnxruntime-genai holds the GIL through a prefill: every other thread of the
    daemon (MQTT keep-alives, /healthz, signals, the watchdog) stopped for seconds."""
    long = GenerationRequest.from_prompt("the pump on line three is leaking oil again " * 120, max_tokens=2)
    gaps: list[float] = []
    done = threading.Event()

    def tick() -> None:
        last = time.perf_counter()
        while not done.is_set():
            time.sleep(0.01)
            now = time.perf_counter()
            gaps.append(now - last)
            last = now

    ticker = threading.Thread(target=tick)
    ticker.start()
    started = time.perf_counter()
    process_engine.generate([long])
    elapsed = time.perf_counter() - started
    done.set()
    ticker.join()
    assert elapsed > 1.0, "the prompt must be long enough for a stall to show"
    assert max(gaps) < 0.5, f"the caller's threads stalled for {max(gaps) * 1e3:.0f} ms"


def test_a_killed_engine_fails_its_call_and_is_serving_again_within_seconds(
    process_engine: EngineProcess,
) -> None:
    pid = process_engine.pid
    assert pid is not None
    errors: list[Exception] = []
    started = threading.Event()

    def run() -> None:
        request = GenerationRequest.from_prompt("Write a long story about pumps.", max_tokens=400)
        try:
            process_engine.generate([request], lambda *_: started.set())
        except EngineError as exc:
            errors.append(exc)

    worker = threading.Thread(target=run)
    worker.start()
    assert started.wait(30)
    os.kill(pid, signal.SIGKILL)
    worker.join(30)
    assert len(errors) == 1 and "died" in str(errors[0])
    back = wait_serving(process_engine)
    assert back < 10.0
    assert process_engine.pid != pid and process_engine.restarts == 1
    [result] = process_engine.generate([PROMPT])
    assert result.completion_tokens > 0


def test_a_hung_engine_is_killed_after_the_step_timeout_and_restarted(engine_folder: Path) -> None:
    engine = EngineProcess(engine_folder, step_timeout_s=1.0)
    try:
        pid = engine.pid
        assert pid is not None
        os.kill(pid, signal.SIGSTOP)  # frozen mid-life: no token, no answer
        started = time.monotonic()
        with pytest.raises(EngineError, match="no sign of progress"):
            engine.generate([PROMPT])
        assert time.monotonic() - started < 5.0
        wait_serving(engine)
        assert engine.pid != pid
        [result] = engine.generate([PROMPT])
        assert result.completion_tokens > 0
    finally:
        engine.close()


def test_an_engine_that_cannot_come_back_is_down_and_the_watchdog_stops(
    engine_folder: Path, tmp_path: Path
) -> None:
    """Three failed starts in a row: the daemon stops pinging the watchdog, so systemd restarts
    the whole service instead of leaving it up with no engine."""
    link = tmp_path / "engine"
    link.symlink_to(engine_folder, target_is_directory=True)
    engine = EngineProcess(link)
    try:
        assert engine.alive()
        link.unlink()  # the model is gone from under it
        pid = engine.pid
        assert pid is not None
        os.kill(pid, signal.SIGKILL)
        with pytest.raises(EngineError):
            engine.generate([PROMPT])
        deadline = time.monotonic() + 40
        while engine.state != "down" and time.monotonic() < deadline:
            assert engine.state in ("restarting", "down")
            time.sleep(0.1)
        assert engine.state == "down" and not engine.alive()
    finally:
        engine.close()


def test_an_engine_that_cannot_load_says_why(tmp_path: Path) -> None:
    with pytest.raises(EngineError, match="could not load the engine"):
        EngineProcess(tmp_path, start_timeout_s=30)


def test_close_during_a_streamed_call_fails_it_and_no_thread_dies(engine_folder: Path) -> None:
    """close() while a call streams (a daemon's worker still in the engine after the stop timeout):
    the call fails with engine_error; the pipe's reader, whose pipe was closed under its read,
    ends quietly (it died of a TypeError, which pytest reports for the thread)."""
    engine = EngineProcess(engine_folder)
    streaming = threading.Event()
    failed: list[EngineError] = []

    def run() -> None:
        request = GenerationRequest.from_prompt("Write a long story about a pump.", max_tokens=300)
        try:
            engine.generate([request], lambda _row, _token, _text: streaming.set())
        except EngineError as exc:
            failed.append(exc)

    thread = threading.Thread(target=run)
    thread.start()
    assert streaming.wait(30)
    engine.close()
    thread.join(30)
    assert len(failed) == 1 and engine.state == "down"


def test_close_ends_the_child(engine_folder: Path) -> None:
    engine = EngineProcess(engine_folder)
    pid = engine.pid
    assert pid is not None
    engine.close()
    gone = False
    for _ in range(50):
        try:
            os.kill(pid, 0)
        except ProcessLookupError:
            gone = True
            break
        time.sleep(0.1)
    assert gone and engine.state == "down"


def test_deadlines_cross_the_pipe(process_engine: EngineProcess) -> None:
    request = GenerationRequest.from_prompt("Write a very long story about pumps.", max_tokens=400)
    started = time.monotonic()
    [result] = process_engine.generate(
        [GenerationRequest(request.messages, max_tokens=400, deadline=started + 0.4)]
    )
    assert result.finish_reason == "deadline" and time.monotonic() - started < 2.0
    with pytest.raises(DeadlineExceeded):
        process_engine.score_labels([ChatMessage("user", "x")], ["a", "b"], deadline=started - 1)
    assert process_engine.state == "serving"


def test_a_failing_stream_callback_leaves_the_next_call_its_own_answer(process_engine: EngineProcess) -> None:
    """A reply that cannot be published mid-stream must not leave tokens on the pipe for the next
    caller: that would hand one client's answer to another."""
    seen = [0]

    def broken(_i: int, _t: int, _text: str) -> None:
        seen[0] += 1
        if seen[0] == 2:
            raise RuntimeError("the broker went away")

    long = GenerationRequest.from_prompt("Say hello to the line three operators.", max_tokens=32)
    with pytest.raises(RuntimeError, match="broker went away"):
        process_engine.generate([long], broken)
    short = GenerationRequest.from_prompt("Count to five.", max_tokens=8)
    [result] = process_engine.generate([short])
    assert result.completion_tokens <= 8
    assert process_engine.count_tokens([ChatMessage("user", "hi")]) > 0
    assert process_engine.state == "serving"


def test_a_child_that_dies_while_idle_is_replaced_without_costing_a_request(
    process_engine: EngineProcess,
) -> None:
    pid = process_engine.pid
    assert pid is not None
    os.kill(pid, signal.SIGKILL)
    deadline = time.monotonic() + 30
    while (
        process_engine.pid in (None, pid) or process_engine.state != "serving"
    ) and time.monotonic() < deadline:
        time.sleep(0.05)
    assert process_engine.state == "serving" and process_engine.pid != pid
    assert process_engine.restarts == 1
    [result] = process_engine.generate([PROMPT])
    assert result.completion_tokens > 0


def test_close_during_a_restart_leaves_no_child(engine_folder: Path) -> None:
    engine = EngineProcess(engine_folder)
    pid = engine.pid
    assert pid is not None
    os.kill(pid, signal.SIGKILL)
    time.sleep(0.3)  # the watcher has begun loading a new child
    engine.close()  # stops the child that is loading, not only once it has loaded
    time.sleep(1.0)
    assert engine_children() == [] and engine.state == "down"


def engine_children() -> list[str]:
    """This process's live engine children (any thread may have started them)."""
    return [
        child
        for task in Path(f"/proc/{os.getpid()}/task").iterdir()
        for child in (task / "children").read_text().split()
        if Path(f"/proc/{child}/cmdline").exists()
        and b"edged.engines.process" in Path(f"/proc/{child}/cmdline").read_bytes()
    ]


def test_engine_children_sees_a_running_child(process_engine: EngineProcess) -> None:
    assert engine_children() == [str(process_engine.pid)]  # so the test above cannot pass blind
