"""Escalation end to end: real broker, real CPU engine, the real redactor, a real HTTPS 'cloud'."""

from __future__ import annotations

import json
import re
import threading
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

from edged.audit import verify
from edged.client import ClientConfig, EdgedClient
from edged.config import EdgedConfig
from edged.engines.base import Engine
from edged.engines.loader import usable_engine
from edged.engines.process import EngineProcess
from edged.engines.store import EngineStore
from edged.escalation.config import CloudConfig, EscalationConfig, TaskPolicy
from edged.hardware.facts import HardwareFacts
from edged.hardware.profiles import Profile
from edged.privacy import Redactor
from edged.service.daemon import Daemon
from edged.service.escalation_setup import build_escalator
from edged.service.main import build_daemon
from edged.service.transport import MqttTransport
from edged.tasks import build_messages, load_tasks
from tests.escalation.fake_cloud import FakeCloud, Received, chat_answer
from tests.service.conftest import daemon_config
from tests.support.broker import MosquittoBroker
from tests.support.fixtures import ProvisionedSite

pytestmark = pytest.mark.engine

NOTE = ("Operator taro.yamada@example.co.jp (+81 90-1234-5678) reports press P-7 leaking oil "
        "near 10.0.3.17.")
Serve = Callable[..., tuple[Daemon, EdgedClient]]


@pytest.fixture
def serve(site: ProvisionedSite, broker: MosquittoBroker, cpu_engine: Engine, fake_cloud: FakeCloud,
          cloud_certs: dict[str, Path], tmp_path: Path) -> Iterator[Serve]:
    running: list[tuple[Daemon, threading.Thread, EdgedClient]] = []
    (tmp_path / "api.key").write_text("sk-test-key\n")

    def start(
        *, tasks: dict[str, TaskPolicy] | None = None, redactor: Redactor | None = None,
        engine: Engine | None = None, **cloud: Any,
    ) -> tuple[Daemon, EdgedClient]:
        base = daemon_config(site, broker)
        cloud_config = CloudConfig.model_validate({
            "base_url": fake_cloud.url, "model": "gpt-test", "ca_bundle": cloud_certs["ca"],
            "api_key_file": tmp_path / "api.key", "max_retries": 1, **cloud,
        })
        escalation = EscalationConfig(
            tasks=tasks or {
                "ask": TaskPolicy(allow_fields=["text"]),
                "summarize": TaskPolicy(allow_fields=["note"]),
            },
            state_dir=tmp_path / "state",
        )
        config = EdgedConfig.model_validate({**base.model_dump(), "cloud": cloud_config,
                                             "escalation": escalation})
        escalator = build_escalator(config, redactor=redactor if redactor is not None else Redactor())
        daemon = build_daemon(config, engine or cpu_engine, escalator=escalator)
        daemon.start()
        # subscribed, not only connected: a request published before the broker has the daemon's
        # subscription goes to no one (the first of a burst were lost that way on a loaded machine)
        assert isinstance(daemon.transport, MqttTransport) and daemon.transport.wait_subscribed(5)
        thread = threading.Thread(target=daemon.serve_forever, daemon=True)
        thread.start()
        alice = site.identity("alice")
        client = EdgedClient(ClientConfig(host="localhost", port=broker.port, device="dev-1", ca=alice.ca,
                                          cert=alice.cert, key=alice.key))
        running.append((daemon, thread, client))
        return daemon, client

    yield start
    for daemon, thread, client in running:
        client.close()
        daemon.stop()
        thread.join(30)


def echo_placeholders(received: Received) -> tuple[int, dict[str, str], bytes]:
    """The 'cloud' answers with the placeholders it saw, so re-identification can be checked."""
    user = received.json()["messages"][-1]["content"]
    found = sorted({word for word in user.replace("(", " ").replace(")", " ").split()
                    if word.startswith("<") and word.rstrip(".,").endswith(">")})
    return chat_answer("Summary: " + " ".join(w.rstrip(".,") for w in found))


def test_forced_escalation_sends_the_minimum_and_puts_values_back(
    serve: Serve, fake_cloud: FakeCloud, tmp_path: Path,
) -> None:
    fake_cloud.behaviour = echo_placeholders
    daemon, client = serve()
    reply = client.request({"task": "summarize", "escalation": "force",
                            "input": {"note": NOTE, "operator": "SECRET-OPERATOR-FIELD", "line": "L3"}}).body
    assert reply["status"] == "ok", reply
    assert reply["source"] == "cloud"
    assert reply["escalated"] is True
    assert reply["reason"] == "client_force"
    assert reply["usage"]["cloud_tokens"] > 0
    # The cloud saw placeholders; the client gets the real values back.
    assert "taro.yamada@example.co.jp" in reply["output"]["text"]
    [received] = fake_cloud.received
    user = received.json()["messages"][-1]["content"]
    assert "<EMAIL" in user and "P-7" in user
    assert "operator" not in user and "L3" not in user  # fields outside the allowlist are dropped
    result = verify(tmp_path / "state" / "audit")
    assert result.ok and result.records == 2
    # the chain's head goes out with the status, so an observer can later catch a cut tail
    head = json.loads(daemon.reporter.status_payload("online"))["audit_head"]
    assert head["seq"] == 2
    assert verify(tmp_path / "state" / "audit", expect_head=(head["seq"], head["hash"])).ok
    log_text = (tmp_path / "state" / "audit" / "audit.jsonl").read_text()
    records = [json.loads(line) for line in log_text.splitlines()]
    assert records[0]["event"] == "escalation"
    assert records[0]["dropped_fields"] == ["line", "operator"]
    assert records[0]["placeholders"].get("EMAIL_ADDRESS", records[0]["placeholders"].get("EMAIL")) == 1
    assert records[1]["outcome"] == "ok"
    audit_text = (tmp_path / "state" / "audit" / "audit.jsonl").read_text()
    assert "taro.yamada" not in audit_text and "1234-5678" not in audit_text
    metrics = daemon.metrics.render()
    assert 'edged_escalations_total{trigger="client_force"} 1' in metrics
    assert 'edged_redactions_total{type="EMAIL"} 1' in metrics


def test_golden_body(serve: Serve, fake_cloud: FakeCloud) -> None:
    """The exact bytes that leave, compared with the body we expect to leave."""
    _, client = serve()
    client.request({"task": "summarize", "escalation": "force", "max_tokens": 64,
                    "input": {"note": NOTE, "operator": "SECRET-OPERATOR-FIELD"}})
    [received] = fake_cloud.received
    redacted, _ = Redactor().redact(NOTE)
    messages = build_messages("summarize", {"note": redacted}, config=load_tasks())
    expected = {"max_tokens": 64, "model": "gpt-test", "temperature": 0,
                "messages": [{"role": m.role, "content": m.content} for m in messages]}
    assert received.body == json.dumps(expected, ensure_ascii=False, separators=(",", ":"),
                                       sort_keys=True).encode()


def test_local_answers_count_the_cost_they_avoided(serve: Serve) -> None:
    daemon, client = serve(prices={"prompt_per_1k": 1.0, "completion_per_1k": 2.0})
    reply = client.request({"task": "ask", "input": "Say hi.", "max_tokens": 4, "escalation": "never"}).body
    usage = reply["usage"]
    expected = (usage["prompt_tokens"] * 1.0 + usage["completion_tokens"] * 2.0) / 1000
    assert daemon.escalator is not None and daemon.escalator.budget is not None
    budget = daemon.escalator.budget
    # The cost is booked just after the reply is published: give that thread a moment.
    deadline = time.monotonic() + 5
    while budget.snapshot().avoided == 0 and time.monotonic() < deadline:
        time.sleep(0.01)
    assert budget.snapshot().avoided == pytest.approx(expected)
    [line] = [x for x in daemon.metrics.render().splitlines() if x.startswith("edged_cost_avoided_total ")]
    assert float(line.split()[1]) == pytest.approx(expected)


def test_never_and_local_policy_block_and_say_why(serve: Serve, fake_cloud: FakeCloud) -> None:
    _, client = serve(tasks={"ask": TaskPolicy(mode="cloud"), "summarize": TaskPolicy(mode="local")})
    reply = client.request({"task": "ask", "input": "Say hi.", "max_tokens": 4, "escalation": "never"}).body
    assert reply["source"] == "edge" and reply["degraded"] is True
    assert reply["reason"] == "policy_cloud; not escalated: client said never"
    reply = client.request({"task": "summarize", "input": {"note": "x"}, "max_tokens": 4,
                            "escalation": "force"}).body
    assert reply["reason"] == "client_force; not escalated: task policy is local"
    assert fake_cloud.received == []


def test_spent_budget_sends_nothing(serve: Serve, fake_cloud: FakeCloud) -> None:
    _, client = serve(budgets={"requests_per_day": 0})
    reply = client.request({"task": "ask", "input": "Say hi.", "max_tokens": 4, "escalation": "force"}).body
    assert reply["source"] == "edge"
    assert "daily request budget spent" in reply["reason"]
    assert fake_cloud.received == []


def test_cloud_down_gives_the_local_answer_within_the_deadline(serve: Serve, fake_cloud: FakeCloud) -> None:
    fake_cloud.stop()
    _, client = serve()
    started = time.monotonic()
    reply = client.request({"task": "ask", "input": "Say hi.", "max_tokens": 4, "escalation": "force",
                            "deadline_ms": 3000}).body
    assert time.monotonic() - started < 3.0
    assert reply["status"] == "ok" and reply["source"] == "edge" and reply["degraded"] is True
    assert "cloud failed: cloud_unavailable" in reply["reason"]


def test_slow_cloud_past_the_deadline(serve: Serve, fake_cloud: FakeCloud) -> None:
    """A forced request's cloud call gets half the time left; when it runs out, the engine answers
    in the other half, degraded, and the reply still comes before the deadline."""
    fake_cloud.delay_s = 10.0
    _, client = serve()
    started = time.monotonic()
    reply = client.request({"task": "ask", "input": "Say hi.", "max_tokens": 4, "escalation": "force",
                            "deadline_ms": 6000}).body
    elapsed = time.monotonic() - started
    assert 2.5 < elapsed < 6.5, elapsed  # the cloud had ~3 s, not all 6
    assert reply["source"] == "edge" and "cloud_timeout" in reply["reason"], reply


def test_circuit_opens_after_repeated_failures(serve: Serve, fake_cloud: FakeCloud) -> None:
    fake_cloud.behaviour = lambda r: (503, {}, b"down")
    daemon, client = serve(max_retries=0, circuit_failures=2, circuit_reset_s=60)
    reasons = [client.request({"task": "ask", "input": f"Say hi {i}.", "max_tokens": 3,
                               "escalation": "force"}).body["reason"] for i in range(4)]
    assert len(fake_cloud.received) == 2
    assert reasons[-1] == "client_force; not escalated: cloud circuit open after repeated failures"
    assert daemon.escalator is not None and daemon.escalator.circuit is not None
    assert daemon.escalator.circuit.state == "open"


def test_unknown_placeholder_in_the_answer_is_passed_through(
    serve: Serve, fake_cloud: FakeCloud, caplog: pytest.LogCaptureFixture,
) -> None:
    fake_cloud.behaviour = lambda r: chat_answer("Ask <PERSON_9> about it.")
    _, client = serve()
    with caplog.at_level("WARNING"):
        reply = client.request({"task": "ask", "input": "Who knows?", "escalation": "force"}).body
    assert reply["output"]["text"] == "Ask <PERSON_9> about it."
    assert any("<PERSON_9>" in r.message for r in caplog.records)


def test_shadow_mode_compares_after_the_reply(
    serve: Serve, fake_cloud: FakeCloud, tmp_path: Path, capsys: pytest.CaptureFixture[str],
) -> None:
    from edged.cli import main

    fake_cloud.behaviour = lambda r: chat_answer("Hello there")
    _, client = serve(tasks={"ask": TaskPolicy(threshold=0.0, shadow_fraction=1.0)})
    reply = client.request({"task": "ask", "input": "Say hello.", "max_tokens": 6}).body
    assert reply["source"] == "edge"
    assert reply["degraded"] is False
    shadow = tmp_path / "state" / "shadow.jsonl"
    deadline = time.monotonic() + 10
    while not shadow.exists() and time.monotonic() < deadline:
        time.sleep(0.05)
    [record] = [json.loads(line) for line in shadow.read_text().splitlines()]
    assert record["task"] == "ask"
    assert 0.0 <= record["agreement"] <= 1.0
    assert set(record) == {"time", "task", "confidence", "agreement"}  # never the texts
    assert len(fake_cloud.received) == 1
    assert main(["eval", "shadow", "--state", str(tmp_path / "state")]) == 0
    assert "ask" in capsys.readouterr().out


# One note per language with a value of every failure class the independent evaluation found
# (addresses in both English styles, North American phones with extensions and international
# prefixes, ZIP+4 and the postal mark, cards outside the brand tables, names from everywhere,
# Japanese names that used to be cut short). None of them may reach the cloud.
CLASS_VALUES = {
    "en": [
        "1234 Maple Heights Ave, Apt. 5B, Springfield, IL 62704-1234",
        "Flat 8, Gerard Haven, New Jeanberg L6U 4FH",
        "1-2-3 Kita-Aoyama, Minato-ku, Tokyo 107-0061",
        "(212) 010-4477 ext. 12",
        "001-1-212-555-0199",
        "00 44 20 7946 0958",
        "03-1234-5678",
        "6011 0009 9013 9424",
        "Chukwuemeka Obi",
        "Nguyen Thi Mai",
        "Siobhan O'Sullivan",
        "SATO Hiroshi",
        "LIN MEI-CHU",
        "Giuseppe Esposito Jr.",
        # the tenth round's classes: a national number of any country after a phone word, a
        # Latin-American street with its unit, a town-first address, a postcode with its
        # country's letters, a name tied to its e-mail, a lowercase name listed beside an e-mail
        "71 552 907",
        "Av. Los Robles 1450, apto. 3, 12000 Rivera",
        "3300 Kutaisi, Ninoshvili Street 14",
        "LV-1050",
        "Tamuna",
        "ilkka vaara",
    ],
    "ja": [
        "勅使河原悠真",
        "グエン・ヴァン・アン",
        "〒107-0061",
        "東京都港区北青山1-2-3",
        "髙橋一郎",
        "五百旗頭 真",
        "090-1234-5678",
        "鷲巣　ちさと",
        "猪狩　蒼真",
        "71 552 907",
    ],
}
CLASS_NOTES = {
    "en": (
        "Ship the pump to 1234 Maple Heights Ave, Apt. 5B, Springfield, IL 62704-1234 for Chukwuemeka Obi. "
        "Return address: Flat 8, Gerard Haven, New Jeanberg L6U 4FH. Japan office: 1-2-3 Kita-Aoyama, "
        "Minato-ku, Tokyo 107-0061, attn. SATO Hiroshi. Call (212) 010-4477 ext. 12, 001-1-212-555-0199, "
        "00 44 20 7946 0958 or Tokyo 03-1234-5678. Ref 6011 0009 9013 9424 noted. Nguyen Thi Mai is "
        "covering the line today; Siobhan O'Sullivan's badge expired; LIN MEI-CHU and Giuseppe "
        "Esposito Jr. swapped the bearing. Demo unit back to Av. Los Robles 1450, apto. 3, 12000 Rivera, "
        "Uruguay; spares from 3300 Kutaisi, Ninoshvili Street 14; Riga invoices go to postcode LV-1050. "
        "Please reach Tamuna at tamuna.k@example.ge or mobile 71 552 907; results to ops@example.com "
        "and ilkka vaara."
    ),
    "ja": (
        "本日の点検は勅使河原悠真さんが担当、グエン・ヴァン・アンさんが補助。送付先〒107-0061 "
        "東京都港区北青山1-2-3、髙橋一郎課長宛て。担当：五百旗頭 真（携帯090-1234-5678）"
        "設備変更申請の承認 鷲巣　ちさと、起票 猪狩　蒼真。海外窓口は携帯 71 552 907 まで。"
    ),
}


@pytest.mark.parametrize("lang", ["en", "ja"])
def test_no_value_of_any_failure_class_reaches_the_cloud(
    serve: Serve, fake_cloud: FakeCloud, lang: str
) -> None:
    fake_cloud.behaviour = echo_placeholders
    _, client = serve()
    reply = client.request({"task": "summarize", "escalation": "force", "max_tokens": 8,
                            "input": {"note": CLASS_NOTES[lang]}}).body
    assert reply["status"] == "ok", reply
    [received] = fake_cloud.received
    body = received.body.decode("utf-8")
    left = [value for value in CLASS_VALUES[lang] if value in body]
    assert left == [], f"sent to the cloud in clear: {left}"
    for value in CLASS_VALUES[lang]:  # and no piece of one either (a cut-short name leaks too)
        for piece in value.replace(",", " ").split():
            if len(piece) < 4 or piece.isdigit() or "." in piece or piece in ("Heights", "Haven", "Tokyo"):
                continue
            pattern = rf"(?<![A-Za-z]){re.escape(piece)}(?![A-Za-z])" if piece.isascii() else re.escape(piece)
            assert re.search(pattern, body) is None, f"{piece!r} of {value!r} left in clear"


class _BrokenDetector:
    name = "broken"
    types = ("PERSON",)
    priority = 8
    strict_only = False

    def find(self, view: object) -> list[object]:
        raise RuntimeError("dictionary file vanished")


def test_a_failing_detector_keeps_the_text_home(serve: Serve, fake_cloud: FakeCloud) -> None:
    """Fail closed: the escalation is blocked and the local answer comes back degraded, with why."""
    redactor = Redactor(detectors=[*Redactor().detectors, _BrokenDetector()])
    _, client = serve(redactor=redactor)
    reply = client.request({"task": "summarize", "escalation": "force", "max_tokens": 8,
                            "input": {"note": NOTE}}).body
    assert fake_cloud.received == []
    assert reply["status"] == "ok" and reply["source"] == "edge", reply
    assert reply["degraded"] is True
    assert "redaction_failed" in reply["reason"]


class GatedEngine:
    """The CPU engine behind a gate: generate waits until the test opens it, and counts its calls."""

    def __init__(self, engine: Engine) -> None:
        self.engine = engine
        self.gate = threading.Event()
        self.generated: list[int] = []

    def __getattr__(self, name: str) -> Any:
        return getattr(self.engine, name)

    def generate(self, requests: Any, on_token: Any = None) -> Any:
        self.generated.append(len(requests))
        self.gate.wait(30)
        return self.engine.generate(requests, on_token)


def test_forced_escalations_do_not_wait_for_a_busy_engine(serve: Serve, cpu_engine: Engine) -> None:
    """A forced request goes to the cloud at intake: with the engine held by another request, it is
    answered by the cloud at once, and the engine never sees it."""
    gated = GatedEngine(cpu_engine)
    _, client = serve(engine=gated)  # type: ignore[arg-type]
    waiting: list[dict[str, Any]] = []
    held = {"task": "ask", "input": "Say hi.", "max_tokens": 4, "escalation": "never", "deadline_ms": 60000}
    local = threading.Thread(target=lambda: waiting.append(client.request(held).body))
    local.start()
    deadline = time.monotonic() + 10
    while not gated.generated and time.monotonic() < deadline:
        time.sleep(0.01)
    assert gated.generated == [1]  # the engine holds the local request
    started = time.monotonic()
    replies = [client.request({"task": "ask", "input": f"Say hi {n}.", "max_tokens": 4,
                               "escalation": "force", "deadline_ms": 20000}).body for n in range(5)]
    elapsed = time.monotonic() - started
    assert all(r["status"] == "ok" and r["source"] == "cloud" for r in replies), replies
    assert elapsed < 5.0, elapsed  # not behind the engine, which is still held
    assert gated.generated == [1] and not waiting
    gated.gate.set()
    local.join(30)
    assert waiting and waiting[0]["source"] == "edge"


def test_a_forced_request_falls_back_to_the_engine_when_the_cloud_fails(
    serve: Serve, fake_cloud: FakeCloud, cpu_engine: Engine,
) -> None:
    """The engine answers a cloud-first request only after the cloud failed, degraded, with why."""
    fake_cloud.behaviour = lambda r: (503, {}, b"down")
    gated = GatedEngine(cpu_engine)
    gated.gate.set()
    _, client = serve(engine=gated)  # type: ignore[arg-type]
    reply = client.request({"task": "ask", "input": "Say hi.", "max_tokens": 4, "escalation": "force",
                            "deadline_ms": 20000}).body
    assert reply["status"] == "ok" and reply["source"] == "edge" and reply["degraded"] is True
    assert "cloud failed" in reply["reason"]
    assert gated.generated == [1] and len(fake_cloud.received) >= 1


TICKET_SCHEMA: dict[str, Any] = {
    "type": "object",
    "properties": {"machine": {"type": "string"}, "reporter": {"type": "string"},
                   "severity": {"enum": ["low", "high"]}},
    "required": ["machine", "reporter", "severity"],
}


def test_an_extract_escalates_with_its_schema_and_gets_values_back_in_strings_only(
    serve: Serve, fake_cloud: FakeCloud,
) -> None:
    def answer(received: Received) -> tuple[int, dict[str, str], bytes]:
        user = received.json()["messages"][-1]["content"]
        email = re.search(r"<EMAIL[^>]*>", user)
        assert email is not None
        # The placeholder inside a value comes back; the same text as a key would not.
        return chat_answer(json.dumps({"machine": "P-7", "reporter": email.group(0), "severity": "high"}))

    fake_cloud.behaviour = answer
    _, client = serve(tasks={"extract": TaskPolicy(allow_fields=["note"])})
    reply = client.request({"task": "extract", "escalation": "force", "schema": TICKET_SCHEMA,
                            "input": {"note": NOTE}}).body
    assert reply["status"] == "ok", reply
    assert reply["output"] == {"machine": "P-7", "reporter": "taro.yamada@example.co.jp", "severity": "high"}
    [received] = fake_cloud.received
    response_format = received.json()["response_format"]
    assert response_format["type"] == "json_schema"
    assert response_format["json_schema"]["strict"] is True
    assert response_format["json_schema"]["schema"]["properties"] == TICKET_SCHEMA["properties"]


@pytest.mark.parametrize("how", ["guided_json", "nvext"])
def test_a_nim_or_vllm_endpoint_gets_the_schema_as_guided_json(
    serve: Serve, fake_cloud: FakeCloud, how: str,
) -> None:
    """structured_output = "guided_json" (vLLM, NIM 1.10+) or "nvext" (NIM's extension before):
    the schema travels there instead of response_format; the answer is checked the same way."""
    fake_cloud.behaviour = lambda _received: chat_answer(
        '{"machine": "P-7", "reporter": "someone", "severity": "urgent"}')
    _, client = serve(tasks={"extract": TaskPolicy(allow_fields=["note"])}, structured_output=how)
    reply = client.request({"task": "extract", "escalation": "force", "schema": TICKET_SCHEMA,
                            "input": {"note": NOTE}}).body
    [received] = fake_cloud.received
    body = received.json()
    assert "response_format" not in body
    sent = body["guided_json"] if how == "guided_json" else body["nvext"]["guided_json"]
    assert sent["properties"] == TICKET_SCHEMA["properties"] and sent["required"] == TICKET_SCHEMA["required"]
    assert reply.get("degraded") is True and "does not match the schema at severity" in reply["reason"]


def test_a_cloud_answer_that_breaks_the_schema_is_not_passed_as_valid(
    serve: Serve, fake_cloud: FakeCloud,
) -> None:
    fake_cloud.behaviour = lambda _received: chat_answer(
        '{"machine": "P-7", "reporter": "x", "severity": "urgent"}')
    _, client = serve(tasks={"extract": TaskPolicy(allow_fields=["note"])})
    reply = client.request({"task": "extract", "escalation": "force", "schema": TICKET_SCHEMA,
                            "input": {"note": NOTE}}).body
    assert reply.get("degraded") is True, reply
    assert "does not match the schema at severity" in reply["reason"]


def _counting(client: EdgedClient) -> dict[bytes, int]:
    """Every final reply the client's connection receives, by correlation (duplicates included)."""
    counts: dict[bytes, int] = {}
    transport: Any = client._transport  # the test counts what arrives, below the client
    deliver = transport._on_message_cb

    def count(message: Any) -> None:
        if message.correlation is not None and b'"chunk"' not in message.payload:
            counts[message.correlation] = counts.get(message.correlation, 0) + 1
        deliver(message)

    transport._on_message_cb = count
    return counts


@pytest.fixture(scope="module")
def engine_process(
    engine_store: EngineStore, cpu_profile: Profile, machine: HardwareFacts,
) -> Iterator[Engine]:
    """The engine as edged serves it by default: in its own process, with continuous batching (the
    runtime holds the GIL while it computes, so an engine in the daemon's process starves the MQTT
    intake on a loaded machine: a burst's last requests were queued 20 s late that way)."""
    engine = EngineProcess(usable_engine(engine_store, cpu_profile, machine).folder, batching="continuous")
    yield engine
    engine.close()


@pytest.mark.parametrize("cloud", ["failing", "slow"])
def test_a_burst_of_forced_requests_each_get_one_reply_before_the_deadline(
    serve: Serve, fake_cloud: FakeCloud, cloud: str, engine_process: Engine,
) -> None:
    """100 forced requests at once against a failing or slow cloud, more than the engine queue
    (64) holds: the fallbacks overflow it, and each request still gets exactly one reply."""
    if cloud == "failing":
        fake_cloud.behaviour = lambda r: (503, {}, b"down")
    else:
        fake_cloud.delay_s = 5.0
    _, client = serve(max_retries=0, circuit_failures=1000, max_concurrent=4, engine=engine_process)
    counts = _counting(client)
    deadline_ms = 4000
    replies: list[tuple[float, dict[str, Any]]] = []

    def one(n: int) -> None:
        started = time.monotonic()
        body = client.request({"task": "ask", "input": f"Say hi {n}.", "max_tokens": 2,
                               "escalation": "force", "deadline_ms": deadline_ms}, timeout=20).body
        replies.append((time.monotonic() - started, body))

    threads = [threading.Thread(target=one, args=(n,)) for n in range(100)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(30)
    time.sleep(1.0)  # a second reply to any of them would have come by now
    assert len(replies) == 100
    # Each by its deadline, with a margin for the machine: with the engine in its own process the
    # last of 100 came 4.6 s after a 4 s deadline's start under a load of 3.7 on 2 cores (with the
    # engine in the daemon's process, 21-24 s: the intake waited for the GIL).
    assert all(t < deadline_ms / 1000 + 4 for t, _ in replies), sorted(t for t, _ in replies)[-5:]
    assert len(counts) == 100 and set(counts.values()) == {1}, counts
    codes = {b.get("error", {}).get("code") if b["status"] == "error" else b["status"] for _, b in replies}
    assert codes <= {"ok", "busy", "cloud_unavailable", "cloud_timeout", "deadline_exceeded"}, codes
