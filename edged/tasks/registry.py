"""The task kinds, one line each. A task whose name is a kind's (``extract``, ``classify``) is of
that kind; every other task (``summarize``, ``ask``, a site's own) is text.

Adding a kind is one module (a ``TaskKind`` subclass: its request extra, prompt placeholder,
answer reader, cloud reader and shadow agreement) and one line in ``KINDS`` below.
"""

from __future__ import annotations

import string
from collections.abc import Mapping
from typing import Final

from edged.requests import Request
from edged.tasks.base import TaskConfig, TaskKind
from edged.tasks.classify import CLASSIFY_KIND
from edged.tasks.extract import EXTRACT_KIND
from edged.tasks.text import TEXT

KINDS: Final[tuple[TaskKind, ...]] = (
    TEXT,
    EXTRACT_KIND,
    CLASSIFY_KIND,
)


def kinds() -> dict[str, TaskKind]:
    """The registered kinds by name (``register`` may have added some)."""
    return {kind.name: kind for kind in (*KINDS, *_ADDED)}


_ADDED: list[TaskKind] = []


def register(kind: TaskKind) -> None:
    """Add a kind from outside this package (a site's plug-in); its name must be new."""
    if kind.name in kinds():
        raise ValueError(f"task kind {kind.name!r} is registered already")
    owners = request_keys()
    for key in kind.request_keys():
        if key in owners:
            raise ValueError(f"request key {key!r} belongs to kind {owners[key].name!r}")
    _ADDED.append(kind)


def kind_of(task: str) -> TaskKind:
    """The kind of the task named ``task``: the kind of that name, else text."""
    return kinds().get(task, TEXT)


def kind_named(name: str) -> TaskKind:
    """The registered kind called ``name`` (KeyError names the known ones)."""
    found = kinds().get(name)
    if found is None:
        raise KeyError(f"no task kind {name!r}; known: {', '.join(kinds())}")
    return found


def kind_for(task: str, config: TaskConfig | None) -> TaskKind:
    """The kind of ``task`` as configured: its table's ``kind``, else the kind of its name."""
    if config is not None and config.kind is not None:
        return kind_named(config.kind)
    return kind_of(task)


def request_kind(request: Request) -> TaskKind:
    """The kind a parsed request was parsed as."""
    return kind_named(request.kind) if request.kind is not None else kind_of(request.task)


def extras() -> dict[str, TaskKind]:
    """Each kind's extra (``fields``, ``labels``: a request key and a template placeholder), with its kind."""
    return {kind.extra: kind for kind in kinds().values() if kind.extra is not None}


def request_keys() -> dict[str, TaskKind]:
    """Every request key a kind owns (its extra and its other keys, such as ``schema``), with its kind."""
    return {key: kind for kind in kinds().values() for key in kind.request_keys()}


def placeholders() -> tuple[str, ...]:
    """The names a template may use: {input} and each kind's extra."""
    return ("input", *extras())


def default_tasks() -> dict[str, TaskConfig]:
    """Every kind's built-in tasks."""
    return {name: config for kind in kinds().values() for name, config in kind.defaults.items()}


def template_placeholders(template: str) -> set[str]:
    """The placeholders of ``template``; ValueError for anything but {input} and the kinds' extras.

    Attribute and index access ({input.__class__}), conversions and format specs are refused:
    a template only ever places text.
    """
    try:
        parsed = list(string.Formatter().parse(template))
    except ValueError as exc:
        raise ValueError(
            f"template is not a valid format string ({exc}): write {{{{ and }}}} for literal braces",
        ) from None
    known = placeholders()
    names: set[str] = set()
    for _literal, name, spec, conversion in parsed:
        if name is None:
            continue
        if name not in known or spec or conversion:
            shown = "{" + name + (f"!{conversion}" if conversion else "") + (f":{spec}" if spec else "") + "}"
            usable = ", ".join(f"{{{extra}}} ({kind.name})" for extra, kind in extras().items())
            raise ValueError(
                f"template has an unknown placeholder {shown}: use {{input}}, {usable}, "
                "and {{ }} for literal braces",
            )
        names.add(name)
    return names


DEFAULT_TASKS: Final[Mapping[str, TaskConfig]] = default_tasks()
