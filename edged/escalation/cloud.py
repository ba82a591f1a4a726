"""OpenAI-compatible Chat Completions over HTTPS (OpenAI, Azure OpenAI, NVIDIA NIM, vLLM).

Verification is always on (a site CA bundle may be added); every call fits inside the request's
deadline; 429 and 5xx are retried with jitter, honouring Retry-After when it fits the deadline.
The API key is read from a file (or a systemd credential) and never logged. httpx's transport is
injectable: unit tests use httpx.MockTransport, integration tests a real HTTPS server.
"""

from __future__ import annotations

import json
import logging
import random
import ssl
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import httpx

from edged.engines.base import ChatMessage
from edged.errors import ConfigError, EdgedError, ErrorCode
from edged.escalation.config import CloudConfig
from edged.requests import AnswerSchema

log = logging.getLogger(__name__)
RETRYABLE = {429, 500, 502, 503, 504}


class CloudError(EdgedError):
    """The cloud gave no usable answer. ``code``: cloud_unavailable, cloud_timeout, cloud_bad_response,
    cloud_refused (4xx other than 429: our request or key is wrong; not retried)."""

    code: ErrorCode = "cloud_unavailable"


@dataclass(frozen=True)
class CloudAnswer:
    text: str
    prompt_tokens: int
    completion_tokens: int
    model: str
    attempts: int


def read_secret(path: Path) -> str:
    """A secret from a file (load_config has already resolved $CREDENTIALS_DIRECTORY)."""
    try:
        secret = path.read_text(encoding="utf-8").strip()
    except OSError as exc:
        raise ConfigError(
            f"Cannot read the cloud API key file {path} ({exc.strerror}): check "
            "cloud.api_key_file or the systemd LoadCredential= line.",
            code="config_files",
        ) from None
    if not secret:
        raise ConfigError(f"The cloud API key file {path} is empty.", code="config_files")
    return secret


def ssl_context(config: CloudConfig) -> ssl.SSLContext:
    context = ssl.create_default_context()
    if config.ca_bundle is not None:
        context.load_verify_locations(cafile=str(config.ca_bundle))
    if config.client_cert is not None and config.client_key is not None:
        context.load_cert_chain(str(config.client_cert), str(config.client_key))
    return context


class CloudClient:
    def __init__(
        self,
        config: CloudConfig,
        *,
        api_key: str | None = None,
        transport: httpx.BaseTransport | None = None,
        clock: Callable[[], float] = time.monotonic,
        sleep: Callable[[float], None] = time.sleep,
        rng: Callable[[], float] = random.random,
    ) -> None:
        self.config = config
        key = (
            api_key
            if api_key is not None
            else (read_secret(config.api_key_file) if config.api_key_file is not None else None)
        )
        headers = {"content-type": "application/json"}
        if key is not None:
            headers["api-key" if config.kind == "azure" else "authorization"] = (
                key if config.kind == "azure" else f"Bearer {key}"
            )
        base = str(config.base_url).rstrip("/")
        if config.kind == "azure":
            self.url = f"{base}/openai/deployments/{config.model}/chat/completions"
            self.params: dict[str, str] = {"api-version": config.api_version or ""}
        else:
            self.url = f"{base}/chat/completions"
            self.params = {}
        self._client = httpx.Client(
            headers=headers,
            verify=ssl_context(config) if transport is None else True,
            transport=transport,
            follow_redirects=False,
        )
        self.clock = clock
        self.sleep = sleep
        self.rng = rng

    def body(
        self, messages: Sequence[ChatMessage], max_tokens: int, schema: AnswerSchema | None = None,
    ) -> dict[str, Any]:
        """The exact JSON body sent (the audit log records its hash). An answer with a schema asks
        for it as the endpoint takes it (``structured_output``): Structured Outputs
        (``response_format`` json_schema, strict only where OpenAI's strict mode allows it: every
        property required), or guided decoding's ``guided_json`` (vLLM, NIM), top level or
        under NIM's ``nvext``."""
        body: dict[str, Any] = {
            "messages": [{"role": m.role, "content": m.content} for m in messages],
            "max_tokens": max_tokens,
            "temperature": 0,
        }
        if schema is not None:
            document = schema.document()
            how = self.config.structured_output
            if how == "guided_json":
                body["guided_json"] = document
            elif how == "nvext":
                body["nvext"] = {"guided_json": document}
            else:
                body["response_format"] = {
                    "type": "json_schema",
                    "json_schema": {"name": "answer", "schema": document, "strict": _strict_ok(document)},
                }
        if self.config.kind != "azure":
            body["model"] = self.config.model
        return body

    @staticmethod
    def encode(body: dict[str, Any]) -> bytes:
        return json.dumps(body, ensure_ascii=False, separators=(",", ":"), sort_keys=True).encode()

    def complete(self, payload: bytes, deadline: float) -> CloudAnswer:
        """Send ``payload`` (from ``encode``) and return the answer, within ``deadline`` (monotonic)."""
        attempt = 0
        while True:
            attempt += 1
            remaining = deadline - self.clock()
            if remaining <= 0.05:
                raise CloudError(
                    "the request's deadline passed before the cloud answered", code="cloud_timeout"
                )
            timeout = httpx.Timeout(
                min(self.config.read_timeout_s, remaining),
                connect=min(self.config.connect_timeout_s, remaining),
            )
            retry_after: float | None = None
            try:
                response = self._client.post(self.url, params=self.params, content=payload, timeout=timeout)
            except httpx.TimeoutException:
                error = CloudError("the cloud did not answer in time", code="cloud_timeout")
            except httpx.HTTPError as exc:  # connection refused, TLS verification failed, ...
                error = CloudError(f"cannot reach the cloud: {type(exc).__name__}: {exc}")
            else:
                if response.status_code == 200:
                    return self._parse(response, attempt)
                if response.status_code not in RETRYABLE:
                    raise CloudError(
                        f"the cloud refused the request: HTTP {response.status_code}", code="cloud_refused"
                    )
                error = CloudError(f"the cloud answered HTTP {response.status_code}")
                retry_after = _retry_after(response.headers.get("retry-after"))
            if attempt > self.config.max_retries:
                raise error
            delay = retry_after if retry_after is not None else min(8.0, 0.25 * 2 ** (attempt - 1))
            delay = delay * (0.5 + self.rng() / 2) if retry_after is None else delay
            if self.clock() + delay >= deadline:
                raise error
            log.warning("cloud attempt %d failed (%s); retrying in %.2f s", attempt, error.message, delay)
            self.sleep(delay)

    def _parse(self, response: httpx.Response, attempts: int) -> CloudAnswer:
        try:
            data = response.json()
            text = data["choices"][0]["message"]["content"]
            usage = data.get("usage") or {}
            if not isinstance(text, str):
                raise TypeError("content is not a string")  # noqa: TRY301 - one handler for every malformed shape
            return CloudAnswer(
                text=text,
                prompt_tokens=int(usage.get("prompt_tokens", 0)),
                completion_tokens=int(usage.get("completion_tokens", 0)),
                model=str(data.get("model") or self.config.model),
                attempts=attempts,
            )
        except (ValueError, KeyError, IndexError, TypeError) as exc:
            raise CloudError(
                f"the cloud's answer is not a Chat Completions response ({exc})", code="cloud_bad_response"
            ) from None

    def close(self) -> None:
        self._client.close()


def _strict_ok(node: object) -> bool:
    """OpenAI's strict mode wants every object closed and every property required."""
    if not isinstance(node, dict):
        return True
    properties = node.get("properties")
    if isinstance(properties, dict):
        if node.get("additionalProperties") is not False or set(node.get("required", [])) != set(properties):
            return False
        return all(_strict_ok(child) for child in properties.values())
    return _strict_ok(node.get("items"))


def _retry_after(value: str | None) -> float | None:
    if value is None:
        return None
    try:
        return max(0.0, float(value))
    except ValueError:
        return None  # an HTTP date: fall back to our own backoff
