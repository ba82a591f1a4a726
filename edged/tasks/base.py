"""What every task kind shares: a task's configuration (``[tasks.NAME]``), what a kind made of an
answer (``TaskOutcome``), and ``TaskKind``, the base each kind module fills in.

A *task* is a name a request asks for (``summarize``, ``extract``, a site's ``translate``); its
*kind* says how it is asked and how its answer is read. Text is the default kind; a kind that
takes a list from the request (``fields``, ``labels``) names that key once, as ``extra``, and the
protocol, the prompt, the escalation path and the shadow runs all follow it.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import ClassVar, Final

from pydantic import Field, field_validator, model_validator

from edged.basemodel import StrictModel
from edged.engines.base import LabelScore
from edged.requests import AnswerSchema, LabelSet, Limits

# A task name, as ``[tasks.NAME]`` and a request's ``task``.
TASK_NAME: Final = re.compile(r"[a-z][a-z0-9_-]{0,31}")
# Renders a client's value for an error message (the protocol's, short and printable).
Show = Callable[[object], str]
_WORD = re.compile(r"\w+", re.UNICODE)


class TaskConfig(StrictModel):
    """One task: the ``[tasks.NAME]`` table of edged.toml."""

    system: str = Field(
        min_length=1,
        description="The system prompt: the model's role and rules for this task. Plain text, "
        "no placeholders.",
    )
    template: str = Field(
        min_length=1,
        description="The user message, with str.format placeholders: {input} (required; the "
        "request's input as labelled <<< >>> blocks), {fields} (extract only; the field names "
        "as a quoted list) and {labels} (classify only; one '- label' line each). Write {{ and }} "
        "for literal braces.",
    )
    default_max_tokens: int | None = Field(
        default=None,
        ge=1,
        description="max_tokens for this task's requests that set none; capped at the "
        "protocol's max_tokens_limit. Unset: the protocol's default_max_tokens.",
    )
    kind: str | None = Field(
        default=None,
        description="How the task is asked and read: text, extract or classify (or a registered "
        "kind). Unset: the kind of the task's name (extract, classify), else text.",
    )
    answer_schema: dict[str, object] | None = Field(
        default=None,
        alias="schema",
        description="extract-kind tasks: the JSON Schema of the answer, used when a request "
        "gives neither fields nor a schema (e.g. alarm_triage returning severity, machine and "
        "action). Checked like a request's schema.",
    )

    schema_file: Path | None = Field(
        default=None,
        description="extract-kind tasks: a JSON file holding the answer's JSON Schema, instead of "
        "schema (not both); relative to the configuration file's folder. Read and checked when "
        "the file is loaded.",
    )
    threshold: float | None = Field(
        default=None,
        gt=0.0,
        lt=1.0,
        description="classify-kind tasks: the probability a label needs to be answered when a "
        "request sets \"multi\": true and no threshold of its own. Unset: 0.5.",
    )

    adapter: str | None = Field(
        default=None,
        pattern=r"^[a-z0-9][a-z0-9_-]{0,63}$",
        description="A LoRA adapter in the engine store (`edged adapter build`, `edged adapter "
        "list`) that this task's requests run with. A missing or mismatched adapter fails this "
        "task's requests with its code; the other tasks keep serving. Read again on reload.",
    )

    @model_validator(mode="after")
    def _one_schema(self) -> TaskConfig:
        # load_config fills schema from schema_file after validation: both set here came from the file.
        if self.answer_schema is not None and self.schema_file is not None:
            raise ValueError("give schema or schema_file, not both")
        return self

    @field_validator("template")
    @classmethod
    def _placeholders_known(cls, template: str) -> str:
        # The placeholders are {input} and the registered kinds' extras: ask the registry (which
        # imports the kind modules, which import this one: hence the import here).
        from edged.tasks.registry import template_placeholders

        if "input" not in template_placeholders(template):
            raise ValueError("template must contain {input}, where the request's input goes")
        return template


def builtin_task(system: str, template: str) -> TaskConfig:
    """A kind's built-in task. Its template may use the kind's own placeholder, which is known
    only once the kind is registered, so it is checked then, by ``load_tasks``, with every task."""
    return TaskConfig.model_construct(system=system, template=template)


@dataclass(frozen=True)
class TaskOutcome:
    """What a task made of the model's answer; the router escalates on ``valid=False``."""

    # text: {"text": str}; extract: {field: str | None} for exactly the asked fields;
    # classify: {"label": str, "scores": {label: probability}}.
    output: object
    valid: bool
    problem: str | None
    # classify: the winning label's probability over the label set. Generation: None here; the
    # router computes it from the token log-probs.
    confidence: float | None


@dataclass(frozen=True)
class TaskArgs:
    """What a kind took from a request's own keys: its list (fields, labels) and, for a kind
    whose answer is an object, the JSON Schema that answer must match."""

    extra: tuple[str, ...] = ()
    schema: AnswerSchema | None = None
    labels: LabelSet | None = None


def string_list(value: object, key: str, low: int, high: int, show: Show) -> list[str]:
    """A request's list of unique strings, ``low`` to ``high`` of them; ValueError says what to fix."""
    if not isinstance(value, list):
        raise ValueError(f"{key} must be an array of strings, got {show(value)}")  # noqa: TRY004 - a reply
    if not low <= len(value) <= high:
        raise ValueError(f"{key} must hold {low} to {high} entries, got {len(value)}")
    for item in value:
        if not isinstance(item, str):
            raise ValueError(f"each entry of {key} must be a string, got {show(item)}")  # noqa: TRY004
    seen: set[str] = set()
    for item in value:
        if item in seen:
            raise ValueError(f"{key} repeats {show(item)}: each entry must be unique")
        seen.add(item)
    return value


class TaskKind:
    """How a kind of task is asked and read. This base is the text kind: no extra list, a
    generated answer read as text, agreement by shared words. A kind module subclasses it,
    overrides what differs and is listed once in ``edged/tasks/registry.py``."""

    name: ClassVar[str] = "text"
    # The request key this kind takes (also its template placeholder), or None.
    extra: ClassVar[str | None] = None
    # Request keys the kind takes besides ``extra`` (extract's "schema"); ``parse_args`` reads them.
    other_keys: ClassVar[tuple[str, ...]] = ()
    # Shown when a request lacks the extra, e.g. '["machine", "symptom"]'.
    extra_example: ClassVar[str] = ""
    # Answered by scoring the extra (the labels) instead of generating text.
    scored: ClassVar[bool] = False
    # An answer cut at its deadline still reads (text does; a cut JSON object would mislead).
    partial_readable: ClassVar[bool] = True
    # The tasks this kind serves out of the box, with their prompts: DEFAULT_TASKS is their union.
    defaults: ClassVar[Mapping[str, TaskConfig]] = {}

    @classmethod
    def request_keys(cls) -> tuple[str, ...]:
        """Every request key this kind owns: its extra, then its other keys."""
        return (*((cls.extra,) if cls.extra is not None else ()), *cls.other_keys)

    def parse_args(self, task: str, values: Mapping[str, object], limits: Limits, show: Show) -> TaskArgs:
        """The request's values of this kind's keys (those present), checked; ValueError (or
        SchemaError, with its own code) says what to fix. The base takes its extra list alone."""
        if self.extra is None:
            return TaskArgs()
        raw = values.get(self.extra)
        if raw is None:
            raise ValueError(f'task {task} needs "{self.extra}": {self.extra_example}')
        return TaskArgs(self.parse_extra(raw, limits, show))

    def task_defaults(self, config: TaskConfig, values: Mapping[str, object]) -> dict[str, object]:  # noqa: ARG002
        """Request values the task's table gives when the request (``values``) does not."""
        return {}

    def parse_extra(self, value: object, limits: Limits, show: Show) -> tuple[str, ...]:  # noqa: ARG002 - a kind's
        """The request's extra list, checked; ValueError with what to fix (``show`` renders a
        client's value in the message)."""
        raise ValueError(f"{self.name} tasks take no extra list")

    def check_extra(self, values: Sequence[str]) -> None:
        """Before a prompt is built: ValueError when the list cannot make one."""

    def render_extra(self, values: Sequence[str]) -> str:  # noqa: ARG002 - a kind's
        """The extra list as its placeholder shows it in the prompt."""
        return ""

    def render_request_extra(self, values: Sequence[str], labels: LabelSet | None) -> str:  # noqa: ARG002 - a kind's
        """The placeholder's text for one request (classify adds its labels' descriptions)."""
        return self.render_extra(values)

    def prompt_config(self, config: TaskConfig, labels: LabelSet | None) -> TaskConfig:  # noqa: ARG002 - a kind's
        """The system prompt and template a request is asked with: the task's own, unless the
        request asks another question (classify's multi)."""
        return config

    def read_answer(
        self, text: str, extra: Sequence[str], schema: AnswerSchema | None = None,  # noqa: ARG002 - a kind's
    ) -> TaskOutcome:
        """The engine's generated answer (``schema``: what an object answer must match)."""
        answer = text.strip()
        if not answer:
            return TaskOutcome({"text": ""}, False, "the model's answer is empty", None)
        return TaskOutcome({"text": answer}, True, None, None)

    def read_scores(self, scores: Sequence[LabelScore]) -> TaskOutcome:  # noqa: ARG002 - a kind's
        """A scored kind's answer from the engine's label scores."""
        raise ValueError(f"{self.name} tasks are generated, not scored")

    def read_cloud_answer(
        self, text: str, extra: Sequence[str], schema: AnswerSchema | None = None,
        labels: LabelSet | None = None,  # noqa: ARG002 - a kind's
    ) -> TaskOutcome:
        """The cloud's answer (always generated text), read and checked as the engine's is."""
        return self.read_answer(text, extra, schema)

    def agreement(self, local: object, cloud: object) -> float:
        """1.0 for the same answer, 0.0 for unrelated ones (shadow runs)."""
        a = set(_WORD.findall(_text(local).lower()))
        b = set(_WORD.findall(_text(cloud).lower()))
        return len(a & b) / len(a | b) if a | b else 1.0


def _text(output: object) -> str:
    if isinstance(output, dict):
        return str(output.get("text", ""))
    return str(output or "")
