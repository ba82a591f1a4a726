"""Imports point one way: every module of edged imports only its own package and the layers below
(imports inside functions included). A change that makes a lower layer reach up fails here, with
the line to move."""

from __future__ import annotations

import ast
from pathlib import Path

import edged

ROOT = Path(edged.__file__).parent
# Lowest first. A module may import its own package (edged.<name>) and anything in a lower layer.
LAYERS: tuple[tuple[str, ...], ...] = (
    ("edged", "edged.vocabulary", "edged.backends", "edged.errors", "edged.requests", "edged.certificates",
     "edged.paths", "edged.basemodel", "edged.tomlfile"),
    ("edged.hardware", "edged.audit", "edged.privacy"),
    ("edged.engines",),
    ("edged.tasks",),
    ("edged.escalation", "edged.provisioning"),
    ("edged.config",),
    ("edged.service",),
    ("edged.client", "edged.doctor"),
    ("edged.bench",),
    ("edged.cli", "edged.__main__", "edged.commands"),
)
# Command-line front ends inside a package sit with the CLI: they parse arguments, load the
# configuration and call down into their package.
CLI_MODULES = ("edged.privacy.cli", "edged.provisioning.cli")


def _package(module: str) -> str:
    parts = module.split(".")
    return ".".join(parts[:2])


def _layer(module: str) -> int:
    if module in CLI_MODULES:
        return len(LAYERS) - 1
    package = _package(module)
    for index, members in enumerate(LAYERS):
        if package in members:
            return index
    raise AssertionError(f"{module} is in no layer of tests/test_layers.py: add its package to one")


def _module_name(path: Path) -> str:
    parts = list(path.relative_to(ROOT.parent).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts = parts[:-1]
    return ".".join(parts)


def _imports(path: Path) -> list[tuple[int, str]]:
    found: list[tuple[int, str]] = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            found.append((node.lineno, node.module))
        elif isinstance(node, ast.Import):
            found.extend((node.lineno, alias.name) for alias in node.names)
    return [(line, name) for line, name in found if name == "edged" or name.startswith("edged.")]


def test_no_module_imports_a_layer_above_its_own() -> None:
    upward = []
    for path in sorted(ROOT.rglob("*.py")):
        module = _module_name(path)
        mine = _layer(module)
        for line, target in _imports(path):
            if _package(target) == _package(module) and module not in CLI_MODULES:
                continue
            if _layer(target) > mine:
                upward.append(f"{path.relative_to(ROOT.parent)}:{line}: {module} imports {target}")
    assert upward == [], "imports that point up:\n" + "\n".join(upward)


def test_the_layer_table_knows_every_package() -> None:
    packages = {_package(_module_name(p)) for p in ROOT.rglob("*.py")}
    known = {member for layer in LAYERS for member in layer}
    assert packages <= known, sorted(packages - known)
