"""A request's prompt and the reading of its answer, through the request's task kind; and the
served tasks, ``DEFAULT_TASKS`` with edged.toml's ``[tasks.NAME]`` tables on top."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from pydantic import ValidationError

from edged.engines.base import ChatMessage
from edged.errors import ConfigError, SchemaError
from edged.requests import LabelSet, Limits
from edged.tasks.base import TASK_NAME, TaskConfig, TaskOutcome
from edged.tasks.clean import render_input
from edged.tasks.registry import default_tasks, extras, kind_for, kind_of, template_placeholders
from edged.tasks.schema import check_schema


def _check_task(name: str, config: TaskConfig, limits: Limits) -> None:
    where = f"[tasks.{name}]"
    if not TASK_NAME.fullmatch(name):
        raise ConfigError(
            f"{where}: a task name is 1 to 32 characters of a-z, 0-9, '_' or '-', starting with a letter",
        )
    names = template_placeholders(config.template)
    try:
        kind = kind_for(name, config)
    except KeyError as exc:
        raise ConfigError(f"{where} kind: {exc.args[0]}") from None
    if config.answer_schema is not None:
        if "schema" not in kind.request_keys():
            raise ConfigError(
                f"{where} {'schema_file' if config.schema_file else 'schema'} applies to tasks of a kind "
                f"that takes one (extract), not {kind.name}",
            )
        try:
            check_schema(config.answer_schema, limits)
        except SchemaError as exc:
            named = f"schema_file {config.schema_file}" if config.schema_file is not None else "schema"
            raise ConfigError(f"{where} {named}: {exc.message}") from None
    if config.threshold is not None and "threshold" not in kind.request_keys():
        raise ConfigError(f"{where} threshold applies to classify-kind tasks, not {kind.name}")
    own = kind.extra
    if own is not None and own not in names:
        raise ConfigError(f"{where} template must contain {{{own}}}: the model needs to see the {own}")
    for placeholder, kind in extras().items():
        if placeholder != own and placeholder in names:
            raise ConfigError(
                f"{where} template uses {{{placeholder}}}, which only task {kind.name!r} has: remove it",
            )


def load_tasks(
    table: Mapping[str, Mapping[str, object] | TaskConfig] | None = None, limits: Limits | None = None,
) -> dict[str, TaskConfig]:
    """The served tasks: DEFAULT_TASKS with the ``[tasks.NAME]`` tables of edged.toml on top
    (a table replaces that task whole). Every problem is a ConfigError naming the task. A task's
    schema is checked against the site's ``limits``, as every request of the task will be."""
    tasks = default_tasks()  # DEFAULT_TASKS and the tasks of kinds registered since
    for name, raw in (table or {}).items():
        try:
            config = raw if isinstance(raw, TaskConfig) else TaskConfig.model_validate(raw)
        except ValidationError as exc:
            problems = "; ".join(
                f"{'.'.join(str(part) for part in error['loc']) or 'table'}: {error['msg']}"
                for error in exc.errors()
            )
            raise ConfigError(f"[tasks.{name}] is invalid: {problems}") from None
        tasks[name] = config
    for name, config in tasks.items():
        _check_task(name, config, limits or Limits())
    return tasks


def build_messages(
    task: str,
    request_input: Mapping[str, str],
    *,
    extra: Sequence[str] = (),
    config: Mapping[str, TaskConfig],
    labels: LabelSet | None = None,
) -> tuple[ChatMessage, ...]:
    """The system and user messages for one request; ``extra`` is its kind's list (the fields
    of extract, the labels of classify), ``labels`` classify's descriptions and multi."""
    found = config.get(task)
    if found is None:
        raise ValueError(f"unknown task {task!r}; configured: {', '.join(sorted(config))}")
    kind = kind_for(task, found)
    task_config = kind.prompt_config(found, labels)
    kind.check_extra(extra)
    values = dict.fromkeys(extras(), "")
    if kind.extra is not None:
        values[kind.extra] = kind.render_request_extra(extra, labels)
    user = task_config.template.format(input=render_input(request_input), **values)
    return (ChatMessage("system", task_config.system), ChatMessage("user", user))


def parse_output(task: str, text: str, *, extra: Sequence[str] = ()) -> TaskOutcome:
    """Read a generated answer by the task's kind: extract's JSON object, or the text of
    summarize, ask and any other text task."""
    return kind_of(task).read_answer(text, extra)
