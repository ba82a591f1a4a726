"""Error codes are one vocabulary: ``ErrorCode`` in edged/errors.py. Every code has a meaning, no
module passes a code outside it, every code in it is used, and the README's table is the one
``python -m edged.errors`` prints."""

from __future__ import annotations

import ast
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import edged
from edged.errors import (
    ERROR_CODES,
    ERROR_MEANINGS,
    MQTT_REPLY_CODES,
    MQTT_UNANSWERED_CODES,
    PROTOCOL_ERROR_CODES,
    README_BEGIN,
    README_END,
    markdown_table,
)

PACKAGE = Path(edged.__file__).parent
README = PACKAGE.parent / "README.md"
_CODE_NAMES = frozenset({"code", "error_code"})
# Calls that take a code positionally: the function's name and the argument's position.
_POSITIONAL = {"_failure": 0, "error_reply": 0, "request_error_reply": 1, "fail": 1}


def _strings(node: ast.expr | None) -> Iterator[ast.Constant]:
    """The string literals an expression can evaluate to (through ``a if c else b`` and ``or``)."""
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        yield node
    elif isinstance(node, ast.IfExp):
        yield from _strings(node.body)
        yield from _strings(node.orelse)
    elif isinstance(node, ast.BoolOp):
        for value in node.values:
            yield from _strings(value)


def _named_code(node: ast.expr) -> bool:
    name = node.id if isinstance(node, ast.Name) else node.attr if isinstance(node, ast.Attribute) else ""
    return name in _CODE_NAMES


def _call_codes(node: ast.Call) -> Iterator[ast.Constant]:
    for keyword in node.keywords:
        if keyword.arg in _CODE_NAMES:
            yield from _strings(keyword.value)
    func = node.func
    name = func.id if isinstance(func, ast.Name) else func.attr if isinstance(func, ast.Attribute) else ""
    position = _POSITIONAL.get(name)
    # Replies.error(item, code, message): only on the replies object, not a logger's error().
    if name == "error" and isinstance(func, ast.Attribute) and ast.unparse(func.value).endswith("replies"):
        position = 1
    if position is not None and len(node.args) > position:
        yield from _strings(node.args[position])


def _targets(node: ast.Assign | ast.AnnAssign) -> list[ast.expr]:
    return node.targets if isinstance(node, ast.Assign) else [node.target]


def codes_in(source: str) -> Iterator[ast.Constant]:
    """Every string literal the source uses as an error code: passed as ``code=``/``error_code=``
    or to a reply helper, assigned to or compared with ``code``/``error_code``, or the ``"code"``
    of a dict (a reply body)."""
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Call):
            yield from _call_codes(node)
        elif isinstance(node, ast.Assign | ast.AnnAssign) and any(map(_named_code, _targets(node))):
            yield from _strings(node.value)
        elif isinstance(node, ast.Compare) and _named_code(node.left):
            for comparator in node.comparators:
                yield from _strings(comparator)
        elif isinstance(node, ast.Dict):
            for key, value in zip(node.keys, node.values, strict=True):
                if isinstance(key, ast.Constant) and key.value == "code":
                    yield from _strings(value)


def _uses() -> dict[str, list[str]]:
    found: dict[str, list[str]] = {}
    for path in sorted(PACKAGE.rglob("*.py")):
        for literal in codes_in(path.read_text(encoding="utf-8")):
            found.setdefault(literal.value, []).append(f"{path.relative_to(PACKAGE.parent)}:{literal.lineno}")
    return found


def test_every_code_has_a_one_line_meaning() -> None:
    assert set(ERROR_MEANINGS) == set(ERROR_CODES)
    assert len(set(ERROR_CODES)) == len(ERROR_CODES)
    for code, meaning in ERROR_MEANINGS.items():
        assert meaning.strip() and "\n" not in meaning and "|" not in meaning, code


def test_mqtt_codes_are_in_the_vocabulary() -> None:
    assert set(ERROR_CODES) >= MQTT_REPLY_CODES | MQTT_UNANSWERED_CODES | PROTOCOL_ERROR_CODES
    assert not MQTT_REPLY_CODES & MQTT_UNANSWERED_CODES


def test_no_module_uses_a_code_outside_the_vocabulary() -> None:
    loose = {code: where for code, where in _uses().items() if code not in ERROR_CODES}
    assert loose == {}, (
        "error codes not in edged/errors.py's ErrorCode (add each there with its meaning in "
        f"ERROR_MEANINGS, or use an existing one): {loose}"
    )


def test_every_code_in_the_vocabulary_is_used() -> None:
    unused = sorted(set(ERROR_CODES) - set(_uses()))
    assert unused == [], f"codes in edged/errors.py that no module emits: {unused}"


def test_the_walk_finds_a_loose_code() -> None:
    source = (
        'raise EdgedError("x", code="made_up")\n'
        'class E(EdgedError):\n    code = "also_made_up"\n'
        'self.replies.error(item, "third", "m")\n'
        'log.error("not", "a code")\n'
        'body = {"error": {"code": "fourth" if a else "fifth"}}\n'
    )
    found = sorted(c.value for c in codes_in(source))
    assert found == ["also_made_up", "fifth", "fourth", "made_up", "third"]


def test_the_readme_table_is_the_generated_one() -> None:
    text = README.read_text(encoding="utf-8")
    assert README_BEGIN in text and README_END in text, f"README.md lacks the markers {README_BEGIN!r}"
    held = text.split(README_BEGIN, 1)[1].split(README_END, 1)[0].strip("\n") + "\n"
    assert held == markdown_table(), (
        "README.md's error code table differs from edged/errors.py: run `python -m edged.errors` "
        "and put its output between the markers"
    )


def test_the_command_prints_the_table() -> None:
    done = subprocess.run(
        [sys.executable, "-m", "edged.errors", "--all"], capture_output=True, text=True, check=True
    )
    assert done.stdout == markdown_table(every=True)
    assert all(f"| `{code}` |" in done.stdout for code in ERROR_CODES)
