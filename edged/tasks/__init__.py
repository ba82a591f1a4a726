"""Tasks: the prompt each task sends to the model, and how its answer is read back.

Pure logic, one module per task kind (``text``, ``extract``, ``classify``) listed in
``registry.py``. Input is rendered as labelled, delimited blocks with control characters and
chat-template markers neutralised (``clean.py``); extraction answers are read leniently.
"""

from __future__ import annotations

from edged.tasks.base import TaskConfig, TaskKind, TaskOutcome
from edged.tasks.classify import classify_outcome
from edged.tasks.clean import render_input
from edged.tasks.extract import find_json_object
from edged.tasks.prompts import build_messages, load_tasks, parse_output
from edged.tasks.registry import DEFAULT_TASKS, kind_of, placeholders, register, template_placeholders

__all__ = [
    "DEFAULT_TASKS",
    "TaskConfig",
    "TaskKind",
    "TaskOutcome",
    "build_messages",
    "classify_outcome",
    "find_json_object",
    "kind_of",
    "load_tasks",
    "parse_output",
    "placeholders",
    "register",
    "render_input",
    "template_placeholders",
]
