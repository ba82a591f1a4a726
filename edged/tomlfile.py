"""Reading a TOML file into a strict pydantic model, with errors a person can act on.

Shared by the hardware profiles, edged.toml and client.toml: ``load_model`` is the one loader;
every problem becomes one ``ConfigError`` that names the file, the dotted key, what is wrong and
what would be valid.
"""

from __future__ import annotations

import difflib
import sys
import typing
from pathlib import Path
from typing import Any, TypeVar

from pydantic import BaseModel, ValidationError

from edged.errors import ConfigError
from edged.paths import resolve_paths

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover - exercised on 3.10 only
    import tomli as tomllib  # type: ignore[import-not-found, unused-ignore]

ModelT = TypeVar("ModelT", bound=BaseModel)


def read_toml(path: Path, what: str) -> dict[str, Any]:
    """Parse a TOML file; ``what`` names it in errors ("profile", "configuration")."""
    try:
        with path.open("rb") as handle:
            data: dict[str, Any] = tomllib.load(handle)
            return data
    except FileNotFoundError:
        raise ConfigError(f"{path}: no such {what} file. Check the path.") from None
    except OSError as err:
        raise ConfigError(
            f"{path}: cannot be read ({err.strerror}). Make it readable by the edged user.",
        ) from None
    except UnicodeDecodeError:
        raise ConfigError(f"{path}: is not UTF-8 text. Save it as UTF-8 TOML.") from None
    except tomllib.TOMLDecodeError as err:
        raise ConfigError(f"{path}: is not valid TOML: {err}. Fix the syntax there.") from None


def load_model(
    model: type[ModelT], path: Path, what: str, fix_hint: str, *, table: str | None = None
) -> ModelT:
    """Read ``path``, validate it (or its ``[table]``; absent: the defaults) as ``model``, and take
    the relative paths it names from the file's folder (``edged.paths.resolve_paths``)."""
    data: Any = read_toml(path, what)
    if table is not None:
        data = data.get(table, {})
        if not isinstance(data, dict):
            raise ConfigError(f"{path}: key '{table}' must be a table ([{table}]). Fix it there.")
    return resolve_paths(validate(model, data, path, fix_hint), path.parent)


def validate(model: type[ModelT], data: Any, path: Path, fix_hint: str) -> ModelT:
    try:
        return model.model_validate(data)
    except ValidationError as err:
        problems = "; ".join(describe_error(error, model) for error in err.errors(include_url=False))
        raise ConfigError(f"{path}: {problems}. {fix_hint}") from None


def describe_error(error: Any, root: type[BaseModel]) -> str:
    """One pydantic error as 'what is wrong with which key, and what would be valid'."""
    loc: tuple[int | str, ...] = tuple(error["loc"])
    key = dotted(loc)
    kind = error["type"]
    if kind == "extra_forbidden":
        parent = _model_at(root, loc[:-1])
        valid = list(parent.model_fields) if parent is not None else []
        hint = difflib.get_close_matches(str(loc[-1]), valid, n=1)
        did_you_mean = f"did you mean '{hint[0]}'? " if hint else ""
        return f"unknown key '{key}' ({did_you_mean}valid keys: {', '.join(valid)})"
    if kind == "missing":
        return f"missing key '{key}' ({_field_description(root, loc)})"
    message = str(error["msg"]).removeprefix("Value error, ")
    if not loc:
        return message
    if (
        kind.endswith("_type")
        or kind in {"literal_error", "int_parsing", "float_parsing"}
        or (kind.startswith(("greater", "less")))
    ):
        return f"key '{key}' is {error['input']!r}: {message} ({_field_description(root, loc)})"
    return f"key '{key}': {message}"


def dotted(loc: tuple[int | str, ...]) -> str:
    text = ""
    for part in loc:
        text += f"[{part}]" if isinstance(part, int) else (f".{part}" if text else str(part))
    return text


def _submodel(annotation: Any) -> type[BaseModel] | None:
    """The model a field holds directly, or as the values of a dict (``tasks.summarize``)."""
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation
    if typing.get_origin(annotation) is dict:
        args = typing.get_args(annotation)
        if len(args) == 2:
            return _submodel(args[1])
    for arg in typing.get_args(annotation):  # Optional[Model]
        found = _submodel(arg) if arg is not type(None) else None
        if found is not None:
            return found
    return None


def _model_at(root: type[BaseModel], loc: tuple[int | str, ...]) -> type[BaseModel] | None:
    model: type[BaseModel] = root
    dict_key_next = False
    for part in loc:
        if isinstance(part, int):
            continue
        if dict_key_next:  # a dict key ("summarize"): the model stays the dict's value model
            dict_key_next = False
            continue
        field = model.model_fields.get(part)
        if field is None:
            return None
        sub = _submodel(field.annotation)
        if sub is None:
            return None
        dict_key_next = typing.get_origin(field.annotation) is dict
        model = sub
    return model


def _field_description(root: type[BaseModel], loc: tuple[int | str, ...]) -> str:
    names = [part for part in loc if isinstance(part, str)]
    if not names:
        return "see the schema"
    parent = _model_at(root, tuple(names[:-1]))
    field = parent.model_fields.get(names[-1]) if parent is not None else None
    if field is None or not field.description:
        return "see the schema"
    return field.description.rstrip(".")
