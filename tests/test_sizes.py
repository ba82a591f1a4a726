"""The house plan's size figures, kept: no module over ~400 lines of code (top-level data tables
aside), no function over ~60 lines, no class over ~300. A change that grows past them fails here
and says where; the labeled evaluation sets (generators of data) are exempt."""

from __future__ import annotations

import ast
from pathlib import Path

import edged

ROOT = Path(edged.__file__).parent
MODULE_CODE_LINES = 420
FUNCTION_LINES = 65
CLASS_LINES = 300
# Generators of labeled evaluation data: templates and lists, written as code.
EXEMPT = ("privacy/evalset",)


def _sources() -> list[tuple[str, ast.Module]]:
    found = []
    for path in sorted(ROOT.rglob("*.py")):
        name = path.relative_to(ROOT).as_posix()
        if not name.startswith(EXEMPT):
            found.append((name, ast.parse(path.read_text(encoding="utf-8"))))
    return found


def _length(node: ast.AST) -> int:
    return int(node.end_lineno or 0) - int(getattr(node, "lineno", 0)) + 1  # type: ignore[attr-defined]


def test_no_module_over_its_size_in_code() -> None:
    over = []
    for name, tree in _sources():
        code = sum(_length(n) for n in tree.body if not isinstance(n, (ast.Assign, ast.AnnAssign, ast.Expr)))
        if code > MODULE_CODE_LINES:
            over.append(f"edged/{name}: {code} lines of code")
    assert not over, f"split these by job (limit {MODULE_CODE_LINES}): {over}"


def test_no_function_or_class_over_its_size() -> None:
    over = []
    for name, tree in _sources():
        for node in ast.walk(tree):
            if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)) and _length(node) > FUNCTION_LINES:
                over.append(f"edged/{name}:{node.lineno} {node.name}() {_length(node)} lines")
            if isinstance(node, ast.ClassDef) and _length(node) > CLASS_LINES:
                over.append(f"edged/{name}:{node.lineno} class {node.name} {_length(node)} lines")
    assert not over, f"split these (functions <= {FUNCTION_LINES}, classes <= {CLASS_LINES} lines): {over}"
