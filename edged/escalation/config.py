"""The [cloud] and [escalation] tables of edged.toml: pure data, validated at load."""

from __future__ import annotations

from pathlib import Path
from typing import Literal

from pydantic import Field, HttpUrl, field_validator, model_validator

from edged.basemodel import StrictModel
from edged.paths import STATE_DIR, CredentialPath

Mode = Literal["local", "auto", "cloud"]


class Prices(StrictModel):
    prompt_per_1k: float = Field(default=0.0, ge=0, description="Price of 1,000 prompt tokens.")
    completion_per_1k: float = Field(default=0.0, ge=0, description="Price of 1,000 completion tokens.")
    currency: str = Field(default="USD", description="Currency of the prices and the spend budget.")


class Budgets(StrictModel):
    requests_per_day: int | None = Field(default=None, ge=0, description="Cloud requests per UTC day.")
    tokens_per_day: int | None = Field(default=None, ge=0, description="Cloud tokens per UTC day.")
    spend_per_day: float | None = Field(
        default=None, ge=0, description="Money per UTC day, in the prices' currency."
    )


class CloudConfig(StrictModel):
    """An OpenAI-compatible Chat Completions endpoint (OpenAI, Azure OpenAI, NVIDIA NIM, vLLM)."""

    kind: Literal["openai", "azure"] = Field(
        default="openai", description="'azure' uses the deployment path, api-version and the api-key header."
    )
    base_url: HttpUrl = Field(
        description="e.g. https://api.openai.com/v1, https://NAME.openai.azure.com, "
        "https://nim.plant.local/v1"
    )
    model: str = Field(description="Model name sent in the body (Azure: the deployment name).")
    structured_output: Literal["response_format", "guided_json", "nvext"] = Field(
        default="response_format",
        description="How an extract's JSON Schema is asked for: 'response_format' (OpenAI Structured "
        "Outputs, json_schema: OpenAI, Azure, and NIM and vLLM's OpenAI servers), 'guided_json' (a "
        "top-level guided_json: vLLM's guided decoding extension, NIM 1.10 and later) or 'nvext' "
        "(nvext.guided_json: NIM's extension in its earlier releases).",
    )
    api_version: str | None = Field(default=None, description="Azure only: the api-version query value.")
    api_key_file: CredentialPath | None = Field(
        default=None,
        description="File holding the API key. A bare name is looked up in $CREDENTIALS_DIRECTORY first. "
        "The key itself never goes into this file or the logs.",
    )
    ca_bundle: Path | None = Field(
        default=None,
        description="Extra CA bundle (PEM) to verify the endpoint; verification is never switched off.",
    )
    client_cert: Path | None = Field(default=None, description="Client certificate for mTLS to the endpoint.")
    client_key: Path | None = Field(default=None, description="Key of the client certificate.")
    connect_timeout_s: float = Field(default=3.0, gt=0, le=60, description="TCP+TLS connect timeout.")
    read_timeout_s: float = Field(
        default=30.0,
        gt=0,
        le=600,
        description="Longest wait for the answer; also capped by the request's deadline.",
    )
    max_retries: int = Field(default=2, ge=0, le=10, description="Retries on 429/5xx/connection errors.")
    circuit_failures: int = Field(
        default=5, ge=1, le=1000, description="Consecutive failures that open the circuit."
    )
    circuit_reset_s: float = Field(
        default=30.0, gt=0, le=3600, description="How long the circuit stays open before one probe."
    )
    prices: Prices = Field(default_factory=Prices, description="Token prices for spend accounting.")
    budgets: Budgets = Field(default_factory=Budgets, description="Daily limits; none by default.")
    max_concurrent: int = Field(default=4, ge=1, le=64, description="Escalations in flight at once.")
    allow_insecure_http: bool = Field(
        default=False,
        description="Development only: accept an http:// base_url. The API key and every request "
        "body would then travel in clear.",
    )

    @field_validator("base_url")
    @classmethod
    def _no_credentials_in_url(cls, url: HttpUrl) -> HttpUrl:
        if url.username or url.password:
            # the message never repeats the URL: it holds a secret
            raise ValueError(
                "carries credentials (user:password@host); remove them from the URL and put the key "
                "in api_key_file (0600), which edged sends as a header"
            )
        return url

    @model_validator(mode="after")
    def _https_unless_development(self) -> CloudConfig:
        if self.base_url.scheme != "https" and not self.allow_insecure_http:
            raise ValueError(
                f"base_url must start with https:// (it is {self.base_url.scheme}://): the API key and "
                "the request bodies travel to it. For a development server only, set "
                "allow_insecure_http = true in [cloud]."
            )
        return self

    @model_validator(mode="after")
    def _azure_takes_response_format(self) -> CloudConfig:
        if self.kind == "azure" and self.structured_output != "response_format":
            raise ValueError(
                f"kind 'azure' takes the schema as response_format, not {self.structured_output}: "
                "remove structured_output",
            )
        return self

    @model_validator(mode="after")
    def _azure_needs_version(self) -> CloudConfig:
        if self.kind == "azure" and not self.api_version:
            raise ValueError("kind 'azure' needs api_version (e.g. '2024-10-21')")
        if (self.client_cert is None) != (self.client_key is None):
            raise ValueError("client_cert and client_key go together")
        return self


class TaskPolicy(StrictModel):
    """How one task may use the cloud."""

    mode: Mode = Field(
        default="auto",
        description="local: never escalate; auto: on triggers; "
        "cloud: always ask the cloud (local answer as fallback).",
    )
    threshold: float = Field(default=0.5, ge=0, le=1, description="Escalate when confidence is below this.")
    allow_fields: list[str] = Field(
        default_factory=lambda: ["text"],
        description="Input fields that may leave the appliance; all others are dropped, not masked.",
    )
    on_invalid: bool = Field(default=True, description="Escalate an answer that fails validation.")
    on_too_long: bool = Field(default=True, description="Escalate input longer than the local context.")
    on_engine_error: bool = Field(default=True, description="Escalate when the local engine fails.")
    on_busy: bool = Field(
        default=False, description="Escalate instead of answering 'busy' when the local queue is full."
    )
    reidentify: bool = Field(default=True, description="Put the real values back into the cloud's answer.")
    shadow_target: float = Field(default=0.9, ge=0, le=1, description="Agreement with the cloud that "
                                 "`edged eval shadow` picks a confidence threshold for.")
    shadow_fraction: float = Field(
        default=0.0,
        ge=0,
        le=1,
        description="Share of local answers also sent "
        "to the cloud (minimized, redacted, audited) to measure agreement.",
    )

    @field_validator("allow_fields")
    @classmethod
    def _names(cls, fields: list[str]) -> list[str]:
        if len(set(fields)) != len(fields):
            raise ValueError("allow_fields must not repeat a field")
        return fields


class EscalationConfig(StrictModel):
    default: TaskPolicy = Field(default_factory=TaskPolicy, description="Policy of tasks not listed.")
    tasks: dict[str, TaskPolicy] = Field(default_factory=dict, description="Policy per task name.")
    state_dir: Path = Field(
        default=STATE_DIR, description="Where budgets, the audit log and its signing key live."
    )
    audit_max_bytes: int = Field(default=10 << 20, ge=4096, description="Rotate the audit log at this size.")

    def policy(self, task: str) -> TaskPolicy:
        return self.tasks.get(task, self.default)
