"""The cloud client against a real HTTPS server: answers, retries, timeouts, refusals, TLS."""

from __future__ import annotations

import json
import logging
import time
from pathlib import Path

import pytest

from edged.engines.base import ChatMessage
from edged.escalation.cloud import CloudClient, CloudError
from edged.escalation.config import CloudConfig
from tests.escalation.fake_cloud import FakeCloud, Received, Response, chat_answer

KEY = "sk-test-0123456789abcdef"


def client_for(cloud: FakeCloud, ca: Path, **overrides: object) -> CloudClient:
    settings: dict[str, object] = {"base_url": cloud.url, "model": "gpt-test", "ca_bundle": ca,
                                   "max_retries": 2}
    settings.update(overrides)
    return CloudClient(CloudConfig.model_validate(settings), api_key=KEY)


def payload(client: CloudClient) -> bytes:
    return client.encode(client.body((ChatMessage("user", "hi"),), 16))


def test_answer_usage_and_headers(fake_cloud: FakeCloud, cloud_certs: dict[str, Path],
                                  caplog: pytest.LogCaptureFixture) -> None:
    fake_cloud.behaviour = lambda r: chat_answer("Paris", 12, 3)
    client = client_for(fake_cloud, cloud_certs["ca"])
    with caplog.at_level(logging.DEBUG):
        answer = client.complete(payload(client), time.monotonic() + 5)
    assert (answer.text, answer.prompt_tokens, answer.completion_tokens) == ("Paris", 12, 3)
    [received] = fake_cloud.received
    assert received.path == "/v1/chat/completions"
    assert received.headers["authorization"] == f"Bearer {KEY}"
    assert received.json()["model"] == "gpt-test"
    assert KEY not in caplog.text


def test_azure_variant(fake_cloud: FakeCloud, cloud_certs: dict[str, Path]) -> None:
    client = client_for(fake_cloud, cloud_certs["ca"], kind="azure", model="my-deployment",
                        api_version="2024-10-21", base_url=fake_cloud.url.removesuffix("/v1"))
    client.complete(payload(client), time.monotonic() + 5)
    [received] = fake_cloud.received
    assert received.path == "/openai/deployments/my-deployment/chat/completions?api-version=2024-10-21"
    assert received.headers["api-key"] == KEY
    assert "authorization" not in received.headers
    assert "model" not in received.json()


def test_azure_takes_the_schema_as_response_format_only(cloud_certs: dict[str, Path]) -> None:
    from pydantic import ValidationError

    with pytest.raises(ValidationError, match="kind 'azure' takes the schema as response_format"):
        CloudConfig.model_validate({"base_url": "https://x.openai.azure.com", "model": "d", "kind": "azure",
                                    "api_version": "2024-10-21", "structured_output": "guided_json"})


def test_429_with_retry_after_then_success(fake_cloud: FakeCloud, cloud_certs: dict[str, Path]) -> None:
    replies: list[Response] = [(429, {"retry-after": "0.3"}, b"{}"), chat_answer("ok")]
    fake_cloud.behaviour = lambda r: replies.pop(0)
    client = client_for(fake_cloud, cloud_certs["ca"])
    started = time.monotonic()
    answer = client.complete(payload(client), started + 5)
    assert answer.attempts == 2
    assert time.monotonic() - started >= 0.3  # Retry-After honoured


def test_repeated_500s_give_up_within_the_deadline(
    fake_cloud: FakeCloud, cloud_certs: dict[str, Path],
) -> None:
    fake_cloud.behaviour = lambda r: (500, {}, b"oops")
    client = client_for(fake_cloud, cloud_certs["ca"])
    with pytest.raises(CloudError, match="HTTP 500") as failure:
        client.complete(payload(client), time.monotonic() + 5)
    assert failure.value.code == "cloud_unavailable"
    assert len(fake_cloud.received) == 3  # one try and two retries


def test_slow_cloud_is_cut_at_the_deadline(fake_cloud: FakeCloud, cloud_certs: dict[str, Path]) -> None:
    fake_cloud.delay_s = 3.0
    client = client_for(fake_cloud, cloud_certs["ca"])
    started = time.monotonic()
    with pytest.raises(CloudError) as failure:
        client.complete(payload(client), started + 0.8)
    assert failure.value.code == "cloud_timeout"
    assert time.monotonic() - started < 1.5


def test_retry_after_beyond_the_deadline_is_not_waited_for(
    fake_cloud: FakeCloud, cloud_certs: dict[str, Path],
) -> None:
    fake_cloud.behaviour = lambda r: (429, {"retry-after": "30"}, b"{}")
    client = client_for(fake_cloud, cloud_certs["ca"])
    started = time.monotonic()
    with pytest.raises(CloudError, match="429"):
        client.complete(payload(client), started + 2)
    assert time.monotonic() - started < 1.0


@pytest.mark.parametrize(
    "body", [b"not json", b'{"choices": []}', b'{"choices": [{"message": {"content": 5}}]}'],
)
def test_malformed_answers(fake_cloud: FakeCloud, cloud_certs: dict[str, Path], body: bytes) -> None:
    fake_cloud.behaviour = lambda r: (200, {"content-type": "application/json"}, body)
    client = client_for(fake_cloud, cloud_certs["ca"])
    with pytest.raises(CloudError) as failure:
        client.complete(payload(client), time.monotonic() + 5)
    assert failure.value.code == "cloud_bad_response"


def test_a_4xx_is_not_retried(fake_cloud: FakeCloud, cloud_certs: dict[str, Path]) -> None:
    fake_cloud.behaviour = lambda r: (401, {}, b'{"error": "bad key"}')
    client = client_for(fake_cloud, cloud_certs["ca"])
    with pytest.raises(CloudError) as failure:
        client.complete(payload(client), time.monotonic() + 5)
    assert failure.value.code == "cloud_refused"
    assert len(fake_cloud.received) == 1


def test_a_certificate_that_does_not_verify_is_refused(cloud_certs: dict[str, Path]) -> None:
    impostor = FakeCloud(cloud_certs["bad_cert"], cloud_certs["bad_key"]).start()
    try:
        client = client_for(impostor, cloud_certs["ca"], max_retries=0)
        with pytest.raises(CloudError, match=r"CERTIFICATE_VERIFY_FAILED|certificate verify failed"):
            client.complete(payload(client), time.monotonic() + 5)
        assert impostor.received == []  # nothing was sent to it
    finally:
        impostor.stop()


def test_the_body_is_canonical_json(fake_cloud: FakeCloud, cloud_certs: dict[str, Path]) -> None:
    client = client_for(fake_cloud, cloud_certs["ca"])
    sent = payload(client)
    assert json.loads(sent) == {"max_tokens": 16, "messages": [{"content": "hi", "role": "user"}],
                                "model": "gpt-test", "temperature": 0}
    seen: list[Received] = []
    fake_cloud.behaviour = lambda r: (seen.append(r), chat_answer("ok"))[1]
    client.complete(sent, time.monotonic() + 5)
    assert seen[0].body == sent
