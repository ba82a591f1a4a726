"""A new task kind is one module and one registration: the protocol, the prompt, the answer, the
cloud's answer and the shadow agreement all follow the kind, with no edit elsewhere."""

from __future__ import annotations

import importlib
import json
import textwrap
from pathlib import Path

import pytest

from edged.requests import Limits
from edged.service.protocol import ProtocolError, allowed_keys, parse_request
from edged.tasks import build_messages, kind_of, load_tasks, placeholders, registry

KIND_MODULE = '''
"""A site's kind: look up the given terms in the text."""

from collections.abc import Mapping, Sequence
from typing import ClassVar

from edged.requests import Limits
from edged.tasks.base import Show, TaskConfig, TaskKind, TaskOutcome, builtin_task, string_list

GLOSSARY = builtin_task(system="You explain plant terms.", template="Terms: {terms}\\n\\n{input}")


class GlossaryKind(TaskKind):
    name: ClassVar[str] = "glossary"
    extra: ClassVar[str | None] = "terms"
    extra_example: ClassVar[str] = 'the terms to explain, e.g. ["OEE"]'
    defaults: ClassVar[Mapping[str, TaskConfig]] = {"glossary": GLOSSARY}

    def parse_extra(self, value: object, limits: Limits, show: Show) -> tuple[str, ...]:
        return tuple(string_list(value, "terms", 1, 8, show))

    def render_extra(self, values: Sequence[str]) -> str:
        return " | ".join(values)

    def read_answer(self, text: str, extra: Sequence[str]) -> TaskOutcome:
        found = {term: term.lower() in text.lower() for term in extra}
        return TaskOutcome({"explained": found}, all(found.values()), None, None)


KIND = GlossaryKind()
'''


@pytest.fixture
def glossary(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> object:
    package = tmp_path / "site_kinds"
    package.mkdir()
    (package / "__init__.py").write_text("")
    (package / "glossary.py").write_text(textwrap.dedent(KIND_MODULE))
    monkeypatch.syspath_prepend(str(tmp_path))
    monkeypatch.setattr(registry, "_ADDED", [])
    module = importlib.import_module("site_kinds.glossary")
    registry.register(module.KIND)  # the one line
    return module.KIND


def _parse(document: str) -> object:
    return parse_request(
        document.encode(), topic="edged/dev-1/req/bob", response_topic="edged/dev-1/resp/bob/1",
        correlation=None, prefix="edged", tasks=load_tasks().keys(), limits=Limits(), received_at=0.0,
    )


def test_a_kind_added_in_its_own_module_is_served_end_to_end(glossary: object) -> None:
    assert kind_of("glossary") is glossary
    assert "terms" in allowed_keys() and "terms" in placeholders()
    assert "glossary" in load_tasks()  # its default prompt, checked like the others
    request = _parse('{"task": "glossary", "input": "OEE fell on L3", "terms": ["OEE", "L3"]}')
    assert request.extra == ("OEE", "L3")  # type: ignore[attr-defined]
    _, user = build_messages("glossary", {"text": "OEE fell"}, extra=("OEE", "L3"), config=load_tasks())
    assert user.content.startswith("Terms: OEE | L3\n\n")
    outcome = kind_of("glossary").read_answer("OEE is overall equipment effectiveness", ("OEE", "L3"))
    assert outcome.output == {"explained": {"OEE": True, "L3": False}} and not outcome.valid


def test_the_new_kinds_key_is_refused_elsewhere_and_required_on_its_task(glossary: object) -> None:
    with pytest.raises(ProtocolError, match="terms applies to task glossary only, not summarize"):
        _parse('{"task": "summarize", "input": "x", "terms": ["OEE"]}')
    with pytest.raises(ProtocolError, match='task glossary needs "terms": the terms to explain'):
        _parse('{"task": "glossary", "input": "x"}')
    with pytest.raises(ProtocolError, match="terms must hold 1 to 8 entries"):
        _parse('{"task": "glossary", "input": "x", "terms": []}')


def test_without_the_registration_the_key_is_unknown() -> None:
    assert "terms" not in allowed_keys()
    with pytest.raises(ProtocolError, match=r"unknown key\(s\) 'terms'"):
        _parse('{"task": "summarize", "input": "x", "terms": ["OEE"]}')


def test_a_kind_cannot_take_a_name_or_key_that_is_taken(glossary: object) -> None:
    with pytest.raises(ValueError, match="registered already"):
        registry.register(glossary)  # type: ignore[arg-type]
    clash = type("Clash", (type(kind_of("extract")),), {"name": "clash"})()
    with pytest.raises(ValueError, match="request key 'fields' belongs to kind 'extract'"):
        registry.register(clash)


def test_a_configured_kind_and_schema_are_checked_when_loaded() -> None:
    from edged.errors import ConfigError

    base = {"system": "s", "template": "{input} {fields}"}
    tasks = load_tasks({"triage": {**base, "kind": "extract", "schema": {
        "type": "object", "properties": {"severity": {"enum": ["low", "high"]}}, "required": ["severity"]}}})
    assert registry.kind_for("triage", tasks["triage"]).name == "extract"
    with pytest.raises(ConfigError, match=r"\[tasks.triage\] kind: no task kind 'triaging'"):
        load_tasks({"triage": {**base, "kind": "triaging"}})
    with pytest.raises(ConfigError, match=r"schema applies to tasks of a kind that takes one"):
        load_tasks({"note": {"system": "s", "template": "{input}", "schema": {"type": "object"}}})
    with pytest.raises(ConfigError, match=r"\[tasks.triage\] schema: "):
        load_tasks({"triage": {**base, "kind": "extract", "schema": {"type": "object", "$ref": "#"}}})


def test_a_request_to_a_configured_extract_task_takes_fields_and_refuses_labels() -> None:
    tasks = load_tasks({"parts": {"system": "s", "template": "{input} {fields}", "kind": "extract"}})
    request = parse_request(
        b'{"task": "parts", "input": "P-7 leaks", "fields": ["machine"]}', topic="edged/dev-1/req/bob",
        response_topic="edged/dev-1/resp/bob/1", correlation=None, prefix="edged", tasks=tasks.keys(),
        limits=Limits(), received_at=0.0, task_table=tasks,
    )
    assert request.kind == "extract" and request.extra == ("machine",)
    with pytest.raises(ProtocolError, match='task parts needs "fields"'):
        parse_request(
            b'{"task": "parts", "input": "P-7 leaks"}', topic="edged/dev-1/req/bob",
            response_topic="edged/dev-1/resp/bob/1", correlation=None, prefix="edged", tasks=tasks.keys(),
            limits=Limits(), received_at=0.0, task_table=tasks,
        )


def test_a_task_schema_is_checked_against_the_sites_limits_when_loaded(tmp_path: Path) -> None:
    """A task's schema deeper than the site's [limits] passed the load (checked against the
    defaults) and then refused every request of the task as if the client had sent it."""
    from edged.config import EdgedConfig
    from edged.errors import ConfigError

    inner = {"type": "object", "properties": {"b": {"type": "string"}}}
    deep = {"type": "object", "properties": {"a": inner}}
    table = {"system": "s", "template": "{input} {fields}", "kind": "extract", "schema": deep}
    tasks = load_tasks({"triage": table})
    assert "triage" in tasks
    mqtt = {"host": "localhost", "ca": tmp_path / "ca", "cert": tmp_path / "c", "key": tmp_path / "k"}
    config = EdgedConfig.model_validate({
        "device_id": "dev-1", "mqtt": mqtt, "limits": {"max_schema_depth": 1}, "tasks": {"triage": table},
    })
    with pytest.raises(ConfigError, match=r"\[tasks.triage\] schema: .*max_schema_depth"):
        config.task_table()


def write_config(folder: Path, task: str) -> Path:
    config = folder / "edged.toml"
    config.write_text(textwrap.dedent("""
        device_id = "dev-1"
        [mqtt]
        host = "localhost"
        ca = "ca.pem"
        cert = "dev-1.pem"
        key = "dev-1.key"
        [tasks.triage]
        kind = "extract"
        system = "You triage alarms into JSON."
        template = "Alarm: {input} Give {fields}."
    """) + task)
    return config


def test_a_tasks_schema_file_is_read_from_the_config_files_folder(tmp_path: Path) -> None:
    from edged.config import load_config

    (tmp_path / "schemas").mkdir()
    schema = {"type": "object", "properties": {"severity": {"enum": ["low", "high"]}},
              "required": ["severity"]}
    (tmp_path / "schemas" / "triage.json").write_text(json.dumps(schema))
    config = load_config(write_config(tmp_path, 'schema_file = "schemas/triage.json"\n'))
    tasks = config.task_table()
    assert tasks["triage"].answer_schema == schema
    assert tasks["triage"].schema_file == tmp_path / "schemas" / "triage.json"
    request = parse_request(
        b'{"task": "triage", "input": "Spindle overload"}', topic="edged/dev-1/req/bob",
        response_topic="edged/dev-1/resp/bob/1", correlation=None, prefix="edged", tasks=tasks.keys(),
        limits=Limits(), received_at=0.0, task_table=tasks,
    )
    assert request.extra == ("severity",) and request.schema is not None


@pytest.mark.parametrize(
    ("content", "line", "message"),
    [
        (None, 'schema_file = "missing.json"\n', r"schema_file: .*missing.json does not exist"),
        ("{not json", 'schema_file = "s.json"\n', r"schema_file: .*s.json is not a JSON file"),
        ("[1, 2]", 'schema_file = "s.json"\n', r"schema_file: .*s.json holds a JSON list, not a schema"),
        ('{"type": "object", "properties": {"a": {"$ref": "#"}}}', 'schema_file = "s.json"\n',
         r"\[tasks.triage\] schema_file .*s.json: .*'\$ref'"),
        ("{}", 'schema_file = "s.json"\nschema = { type = "object" }\n', r"schema or schema_file, not both"),
    ],
)
def test_a_bad_schema_file_is_a_config_error_that_names_it(
    tmp_path: Path, content: str | None, line: str, message: str,
) -> None:
    from edged.config import load_config
    from edged.errors import ConfigError

    if content is not None:
        (tmp_path / "s.json").write_text(content)
    with pytest.raises(ConfigError, match=message) as info:
        load_config(write_config(tmp_path, line))
    assert str(tmp_path / "edged.toml") in info.value.message
