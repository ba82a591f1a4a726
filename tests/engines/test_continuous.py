"""The continuous-batching engine on the real SmolLM2 CPU model, held to the onnxruntime-genai
engine's answers: requests join a running batch, leave it early, and many threads share it."""

from __future__ import annotations

import json
import re
import shutil
import threading
import time
from pathlib import Path

import pytest

from edged.engines.base import ChatMessage, Engine, GenerationRequest, GenerationResult, Guidance, Sampling
from edged.engines.continuous import PREFILL_CHUNK, ContinuousOnnxEngine, chunk_end
from edged.engines.models import CONCISE
from edged.errors import EngineError, InputTooLong, StoreError

pytestmark = pytest.mark.engine

STORY = "Write a long story about a robot."
QUESTIONS = ("What is the capital of France?", "Which planet do we live on?",
             "Name the largest ocean on Earth, and say one thing about it.", "Say hello.",
             "Count from one to five.", "Tell me about machines.", "What colour is the sky?", STORY)
WAIT_S = 120.0


def ask(question: str, max_tokens: int = 32, **kwargs: object) -> GenerationRequest:
    return GenerationRequest.from_prompt(question, system=CONCISE, max_tokens=max_tokens, **kwargs)  # type: ignore[arg-type]


@pytest.fixture
def continuous(continuous_engine: ContinuousOnnxEngine) -> ContinuousOnnxEngine:
    return continuous_engine


def same_answer(got: GenerationResult, want: GenerationResult) -> None:
    assert got.token_ids == want.token_ids
    assert got.finish_reason == want.finish_reason
    assert got.logprobs == pytest.approx(want.logprobs, abs=1e-3)


def in_thread(work: object) -> tuple[threading.Thread, dict[str, object]]:
    box: dict[str, object] = {}

    def run() -> None:
        try:
            box["result"] = work()  # type: ignore[operator]
        except Exception as exc:  # noqa: BLE001 - handed to the test, which asserts on it
            box["error"] = exc
        box["ended"] = time.monotonic()
    thread = threading.Thread(target=run, daemon=True)
    thread.start()
    return thread, box


def test_greedy_answers_and_logprobs_equal_onnx_genai(
    continuous: ContinuousOnnxEngine, cpu_engine: Engine,
) -> None:
    assert isinstance(continuous, Engine)
    requests = [ask(q) for q in QUESTIONS[:5]]
    for request in requests:
        same_answer(continuous.generate([request])[0], cpu_engine.generate([request])[0])
    # several in one call: right-padded rows of different lengths in one step
    for got, request in zip(continuous.generate(requests), requests, strict=True):
        same_answer(got, cpu_engine.generate([request])[0])
    assert continuous.count_tokens(requests[0].messages) == cpu_engine.count_tokens(requests[0].messages)


def test_a_request_joins_a_running_batch_and_leaves_first(
    continuous: ContinuousOnnxEngine, cpu_engine: Engine,
) -> None:
    long, short = ask(STORY, max_tokens=120), ask(QUESTIONS[0], max_tokens=8)
    started = threading.Event()
    streamed: list[int] = []

    def on_token(index: int, token: int, text: str) -> None:
        streamed.append(token)
        if len(streamed) == 5:
            started.set()
    thread, box = in_thread(lambda: continuous.generate([long], on_token))
    assert started.wait(WAIT_S)
    short_result = continuous.generate([short])[0]
    short_ended = time.monotonic()
    thread.join(WAIT_S)
    assert "error" not in box
    long_result = box["result"][0]  # type: ignore[index]
    assert short_ended < box["ended"]  # type: ignore[operator]
    assert len(long_result.token_ids) == 120 and streamed == list(long_result.token_ids)
    same_answer(long_result, cpu_engine.generate([long])[0])
    same_answer(short_result, cpu_engine.generate([short])[0])


def test_rows_leave_early_and_the_rest_go_on(continuous: ContinuousOnnxEngine, cpu_engine: Engine) -> None:
    """A row that ends frees its slot (the last row moves into it); the others are unharmed."""
    long = ask(STORY, max_tokens=60)
    stops = ask(QUESTIONS[3], max_tokens=60)
    short = ask(QUESTIONS[1], max_tokens=3)
    late = GenerationRequest.from_prompt(STORY, system=CONCISE, max_tokens=500)
    late = GenerationRequest(late.messages, max_tokens=500, deadline=time.monotonic() + 1.0)
    results = continuous.generate([short, long, late, stops])
    assert results[0].finish_reason == "length" and len(results[0].token_ids) == 3
    assert results[3].finish_reason == "stop"
    assert results[2].finish_reason == "deadline" and len(results[2].token_ids) < 500
    alone = cpu_engine.generate([GenerationRequest(late.messages, max_tokens=500)])[0]
    assert results[2].token_ids == alone.token_ids[: len(results[2].token_ids)]
    for got, request in zip(results, [short, long, late, stops], strict=True):
        if request is not late:
            same_answer(got, cpu_engine.generate([request])[0])


def test_a_long_prompt_is_prefilled_in_chunks_between_steps(
    continuous: ContinuousOnnxEngine, cpu_engine: Engine,
) -> None:
    """The running rows go on while a long prompt is prefilled, one slot ahead of them (and moved
    down when a running row leaves); every answer is still onnxruntime-genai's."""
    readings = " ".join(f"Reading {i}: pressure {i % 7} bar, temperature {20 + i % 5} C." for i in range(50))
    long = ask(readings + " Which reading was hottest?", max_tokens=6)
    assert continuous.count_tokens(long.messages) > 5 * PREFILL_CHUNK
    steady, brief = ask(STORY, max_tokens=40), ask(QUESTIONS[1], max_tokens=3)
    order: list[int] = []
    results = continuous.generate([steady, brief, long], lambda index, _, __: order.append(index))
    assert order.index(2) >= 5  # the steady row streamed while the long prompt went in
    for got, request in zip(results, [steady, brief, long], strict=True):
        same_answer(got, cpu_engine.generate([request])[0])


@pytest.mark.parametrize(("filled", "length", "budget", "end"), [
    (0, 40, 128, 40), (0, 300, 128, 128), (128, 300, 128, 256), (0, 129, 128, 129), (100, 229, 128, 229),
    (0, 130, 128, 128), (10, 12, 128, 12),
])
def test_a_prefill_chunk_never_leaves_one_token_behind(
    filled: int, length: int, budget: int, end: int,
) -> None:
    assert chunk_end(filled, length, budget) == end


def test_label_scores_equal_onnx_genai(continuous: ContinuousOnnxEngine, cpu_engine: Engine) -> None:
    messages = (ChatMessage("system", CONCISE),
                ChatMessage("user", "What is the capital of France? Answer with one word."))
    labels = ["Paris", "Tokyo", "Ottawa", "a city by the river Seine"]
    for complete in (True, False):
        got = continuous.score_labels(messages, labels, complete=complete)
        want = cpu_engine.score_labels(messages, labels, complete=complete)
        assert [s.token_count for s in got] == [s.token_count for s in want]
        assert [s.logprob for s in got] == pytest.approx([s.logprob for s in want], abs=1e-3)


LONG_INPUT = ("Line 3 stopped twice this morning: the hydraulic press lost pressure, the operator "
              "reset it, and the seal on pump P-7 was found leaking oil near the shaft. ") * 12
LABELS = ["hydraulic fault", "electrical fault", "operator error", "material shortage", "normal",
          "planned maintenance", "quality problem", "safety incident"]


def test_label_scores_after_a_long_prompt_in_chunks_equal_onnx_genai(
    continuous: ContinuousOnnxEngine, cpu_engine: Engine,
) -> None:
    """A prompt of several prefill chunks is scored a chunk at a time; the scores are those of
    one run (onnxruntime-genai's)."""
    messages = (ChatMessage("user", LONG_INPUT + "Which kind of problem is this?"),)
    assert continuous.count_tokens(messages) > 3 * PREFILL_CHUNK
    got = continuous.score_labels(messages, LABELS)
    want = cpu_engine.score_labels(messages, LABELS)
    assert [s.logprob for s in got] == pytest.approx([s.logprob for s in want], abs=1e-3)


def stream_in_background(engine: ContinuousOnnxEngine) -> tuple[threading.Thread, list[float]]:
    """A long streamed request in a thread, once it streams; the times its tokens came."""
    stamps: list[float] = []
    streaming = threading.Event()

    def on_token(_row: int, _token: int, _text: str) -> None:
        stamps.append(time.monotonic())
        streaming.set()

    thread, _box = in_thread(lambda: engine.generate([ask(STORY, max_tokens=400)], on_token))
    assert streaming.wait(WAIT_S)
    return thread, stamps


def test_label_scoring_runs_a_piece_between_two_decode_steps(continuous: ContinuousOnnxEngine) -> None:
    """A classify of a long input with many labels no longer holds a running stream up for its
    whole length: the stream gets tokens while the scoring runs, one step per piece (a prompt
    chunk or a label); before, it got none until the scoring ended."""
    long_call, stamps = stream_in_background(continuous)
    messages = (ChatMessage("user", LONG_INPUT + "Which kind of problem is this?"),)
    began = time.monotonic()
    continuous.score_labels(messages, LABELS)
    ended = time.monotonic()
    long_call.join(WAIT_S)
    during = sum(began <= stamp <= ended for stamp in stamps)
    pieces = -(-continuous.count_tokens(messages) // PREFILL_CHUNK) + len(LABELS) - 1
    assert during >= pieces - 2, (during, pieces)


def test_a_guided_request_runs_beside_the_running_batch(continuous: ContinuousOnnxEngine) -> None:
    """A guided answer (on the onnxruntime-genai engine) no longer holds a running stream up for
    its whole length: the stream gets tokens while it is decoded."""
    long_call, stamps = stream_in_background(continuous)
    schema = {"type": "object", "properties": {"machine": {"type": "string", "maxLength": 60},
                                               "symptom": {"type": "string", "maxLength": 120}},
              "required": ["machine", "symptom"], "additionalProperties": False}
    prompt = GenerationRequest.from_prompt(
        "Extract machine and symptom as JSON: Press P-7 makes a grinding noise since the night shift.")
    guided = GenerationRequest(prompt.messages, max_tokens=64,
                               guidance=Guidance("json_schema", json.dumps(schema)))
    continuous.generate([guided])  # loads the guided engine on first use, outside the timing
    began = time.monotonic()
    [result] = continuous.generate([guided])
    ended = time.monotonic()
    long_call.join(WAIT_S)
    during = sum(began <= stamp <= ended for stamp in stamps)
    assert result.completion_tokens >= 8
    assert during >= result.completion_tokens // 4, (during, result.completion_tokens)


def test_eight_concurrent_callers_get_their_own_answers(
    continuous: ContinuousOnnxEngine, cpu_engine: Engine,
) -> None:
    requests = [ask(q, max_tokens=12 + 6 * i) for i, q in enumerate(QUESTIONS)]
    streams: list[list[int]] = [[] for _ in requests]

    def caller(i: int) -> object:
        return continuous.generate([requests[i]], lambda _, token, __: streams[i].append(token))
    threads = [in_thread(lambda i=i: caller(i)) for i in range(len(requests))]  # type: ignore[misc]
    for thread, _ in threads:
        thread.join(WAIT_S)
    for i, (_, box) in enumerate(threads):
        assert "error" not in box, box.get("error")
        [result] = box["result"]  # type: ignore[misc]
        same_answer(result, cpu_engine.generate([requests[i]])[0])
        assert streams[i] == list(result.token_ids)


def test_seeded_sampling_is_reproducible(continuous: ContinuousOnnxEngine) -> None:
    sampling = Sampling(temperature=0.9, top_p=0.95, top_k=40, seed=1234)
    request = ask("Tell me about machines.", max_tokens=12, sampling=sampling)
    first, again = continuous.generate([request, request])
    assert first.token_ids == again.token_ids
    assert all(lp <= 0.0 for lp in first.logprobs)


def test_a_raising_callback_fails_its_call_only(continuous: ContinuousOnnxEngine, cpu_engine: Engine) -> None:
    other = ask(QUESTIONS[2], max_tokens=40)
    thread, box = in_thread(lambda: continuous.generate([other]))

    def cancel(index: int, token: int, text: str) -> None:
        raise RuntimeError("the client went away")
    with pytest.raises(RuntimeError, match="went away"):
        continuous.generate([ask(STORY, max_tokens=100)], cancel)
    thread.join(WAIT_S)
    same_answer(box["result"][0], cpu_engine.generate([other])[0])  # type: ignore[index]


def test_guided_requests_are_constrained(continuous: ContinuousOnnxEngine) -> None:
    request = GenerationRequest(ask("Is the line running? Answer yes or no.").messages, max_tokens=8,
                                guidance=Guidance("regex", "(yes|no)"))
    free = ask(QUESTIONS[0])
    guided, plain = continuous.generate([request, free])
    assert re.fullmatch("(yes|no)", guided.text)
    assert "Paris" in plain.text


PREAMBLE = ("You are the maintenance assistant of a bottling plant. Answer in one short sentence. The "
            "plant has four lines (L1 to L4), each with a filler, a capper, a labeller and a palletiser. "
            "Severity is low when production continues, medium when a line slows, and high when a line "
            "stops or someone could be hurt. Always name the machine and the line.")


def test_a_shared_system_prompt_is_prefilled_once(
    continuous: ContinuousOnnxEngine, cpu_engine: Engine,
) -> None:
    questions = ["The capper on L2 jams every ten minutes.", "Filler L1 leaks water.",
                 "Labeller L3 prints crooked labels.", "Palletiser L4 stopped with an error."]
    requests = [GenerationRequest((ChatMessage("system", PREAMBLE), ChatMessage("user", q)), max_tokens=16)
                for q in questions]
    assert continuous._chat.prefix_length(requests[0].messages) > 80
    hits = continuous._model.prefixes.hits
    results = [continuous.generate([r])[0] for r in requests] + continuous.generate(requests[1:])
    assert continuous._model.prefixes.hits - hits == len(requests) + len(requests) - 2
    for got, request in zip(results, requests + requests[1:], strict=True):
        same_answer(got, cpu_engine.generate([request])[0])


def test_a_guidance_that_fails_fails_its_call_and_the_engine_goes_on(
    continuous: ContinuousOnnxEngine, cpu_engine: Engine,
) -> None:
    broken = GenerationRequest(ask("Give JSON.").messages, guidance=Guidance("json_schema", "{not json"))
    with pytest.raises(EngineError, match="guidance"):
        continuous.generate([ask(STORY, max_tokens=200), broken])
    after = ask(QUESTIONS[1])
    same_answer(continuous.generate([after])[0], cpu_engine.generate([after])[0])
    assert not [row for row in continuous._active if row.request.max_tokens == 200]  # the story left


def test_prompt_longer_than_the_context_is_refused(continuous: ContinuousOnnxEngine) -> None:
    with pytest.raises(InputTooLong, match="context"):
        continuous.generate([ask("word " * (continuous.info.context_length + 10))])


def test_health_check_generates(continuous: ContinuousOnnxEngine) -> None:
    assert continuous.health().ok


def test_close_while_running_fails_the_callers(cpu_engine: Engine) -> None:
    engine = ContinuousOnnxEngine(cpu_engine.info.path, cpu_engine.info)
    started = threading.Event()
    callers = [in_thread(lambda: engine.generate([ask(STORY, max_tokens=400)], lambda *_: started.set()))
               for _ in range(2)]
    assert started.wait(WAIT_S)
    engine.close()
    for thread, box in callers:
        thread.join(10.0)
        assert not thread.is_alive()
        assert isinstance(box.get("error"), EngineError)
    with pytest.raises(EngineError, match="closed"):
        engine.generate([ask(QUESTIONS[0])])


def test_a_corrupt_model_file_is_a_clear_store_error(cpu_engine: Engine, tmp_path: Path) -> None:
    folder = tmp_path / "engine"
    shutil.copytree(cpu_engine.info.path, folder)
    for graph in folder.glob("*.onnx"):  # the graph with LoRA inputs and the one without
        graph.write_bytes(b"not a model")
    with pytest.raises(StoreError, match="corrupt"):
        ContinuousOnnxEngine(folder, cpu_engine.info)


def test_the_kv_buffers_grow_for_a_long_request(cpu_engine: Engine) -> None:
    engine = ContinuousOnnxEngine(cpu_engine.info.path, cpu_engine.info, slots=2, prefix_tokens=0)
    try:
        prompt = " ".join(json.dumps({"reading": i}) for i in range(60)) + " Summarise."
        request = ask(prompt, max_tokens=20)
        short = ask(QUESTIONS[0], max_tokens=20)
        results = engine.generate([short, request])
        assert engine._model.capacity > 256  # the prompt alone is past the initial capacity
        same_answer(results[0], cpu_engine.generate([short])[0])
        same_answer(results[1], cpu_engine.generate([request])[0])
    finally:
        engine.close()


def test_prefill_time_excludes_waiting_for_the_other_prompts(continuous: ContinuousOnnxEngine) -> None:
    """Four long prompts at once are prefilled one after another: the last one's prefill_ms is its
    own prompt's, not its wait (the daemon learns its prefill rate from it; with the wait in it, a
    burst of 8 made the CPU seem to read 40-230 tokens/s instead of ~320 and refused requests)."""
    text = " ".join(f"word{i}" for i in range(200))
    threads = [in_thread(lambda i=i: continuous.generate([ask(f"{i} {text}", max_tokens=2)]))  # type: ignore[misc]
               for i in range(4)]
    for thread, _ in threads:
        thread.join(WAIT_S)
    results = [box["result"][0] for _, box in threads]  # type: ignore[index]
    last = max(results, key=lambda r: r.timings.ttft_ms)
    assert last.timings.prefill_ms < 0.6 * last.timings.ttft_ms, last.timings
    assert all(0 < r.timings.prefill_ms <= r.timings.ttft_ms <= r.timings.total_ms for r in results)


def test_decode_steps_are_timed_by_their_rows(continuous: ContinuousOnnxEngine) -> None:
    before = continuous.decode_step_ms()
    results = continuous.generate([ask(STORY, max_tokens=12), ask("Say hello.", max_tokens=12)])
    assert all(r.completion_tokens > 1 for r in results)
    after = continuous.decode_step_ms()
    assert 2 in after and after[2] > 0  # both rows stepped together at least once
    assert all(ms > 0 for ms in after.values()) and set(before) <= set(after)


def test_teacher_forced_on_its_own_greedy_answer_picks_every_token(continuous: ContinuousOnnxEngine) -> None:
    """The forced path the peer bench measures agreement on: fed its own greedy answer, the engine's
    top-1 is that answer's token at every position, and the log-probabilities are the answer's."""
    request = ask(STORY, max_tokens=16)
    answer = continuous.generate([request])[0]
    prompt = continuous.prompt_tokens(request.messages)
    tops, logprobs = continuous.teacher_forced(prompt, answer.token_ids)
    assert tops == list(answer.token_ids)
    assert logprobs == pytest.approx(answer.logprobs, abs=1e-3)
    # forced off its own path, the top-1 follows the forced tokens' context, not its own answer
    other = continuous.encode(" The warehouse was quiet that night, and the forklifts slept.")
    tops, logprobs = continuous.teacher_forced(prompt, other)
    assert len(tops) == len(other) and tops != list(answer.token_ids[: len(other)])
    assert all(p <= 0 for p in logprobs)
