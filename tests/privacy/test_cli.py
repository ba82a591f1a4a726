"""`edged redact` end to end through edged.cli.main."""

from __future__ import annotations

import argparse
import io
import json

import pytest

from edged.cli import build_parser, main
from edged.privacy.cli import eval_subparsers


def run(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], stdin: str, *argv: str
) -> tuple[int, str, str]:
    monkeypatch.setattr("sys.stdin", io.StringIO(stdin))
    code = main(list(argv))
    out = capsys.readouterr()
    return code, out.out, out.err


def test_redact_jsonl(monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    lines = [
        {"text": "メールはtaro@example.co.jpまで。担当：山田太郎さん（０９０－１２３４－５６７８）", "id": 1},
        {"text": "Operator Tyler Williams called (415) 867-5309", "lang": "en"},
        {"text": "nothing to see"},
    ]
    stdin = "\n".join(json.dumps(x, ensure_ascii=False) for x in lines) + "\n\n"
    code, out, _ = run(monkeypatch, capsys, stdin, "redact", "--jsonl")
    assert code == 0
    records = [json.loads(line) for line in out.splitlines()]
    assert len(records) == 3
    first = records[0]
    assert first["id"] == 1
    assert first["redacted"] == "メールは<EMAIL_1>まで。担当：<PERSON_1>さん（<PHONE_1>）"
    for record in records:
        for e in record["entities"]:
            assert set(e) >= {"type", "start", "end"}
            assert record["text"][e["start"] : e["end"]]
    assert [e["type"] for e in first["entities"]] == ["EMAIL", "PERSON", "PHONE"]
    phone = first["entities"][2]
    assert first["text"][phone["start"] : phone["end"]] == "０９０－１２３４－５６７８"
    assert records[1]["redacted"] == "Operator <PERSON_1> called <PHONE_1>"  # a vault per line
    assert records[2]["entities"] == [] and records[2]["redacted"] == "nothing to see"


def test_redact_plain_text(monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(monkeypatch, capsys, "佐藤さんと佐藤さん\nmail a@b.jp\n", "redact", "--lang", "ja")
    assert code == 0
    assert out == "<PERSON_1>さんと<PERSON_1>さん\nmail <EMAIL_1>\n"


def test_redact_with_config(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], tmp_path: object
) -> None:
    from pathlib import Path

    toml = Path(str(tmp_path)) / "edged.toml"
    toml.write_text('[privacy]\n[[privacy.site_patterns]]\nname = "employee_id"\npattern = "EMP-[0-9]{6}"\n')
    code, out, _ = run(
        monkeypatch, capsys, '{"text": "社員番号EMP-123456"}\n', "redact", "--jsonl", "--config", str(toml)
    )
    assert code == 0
    assert json.loads(out)["redacted"] == "社員番号<EMPLOYEE_ID_1>"


def test_redact_bad_input_names_the_line(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    stdin = '{"text": "ok"}\nnot json\n{"text": "b"}\n'
    code, out, err = run(monkeypatch, capsys, stdin, "redact", "--jsonl")
    assert code == 1
    assert "line 2" in err and "bad_input" in err
    records = [json.loads(line) for line in out.splitlines()]
    assert [r.get("redacted") for r in records] == ["ok", None, "b"]  # the refused line in its place
    assert records[1]["error"]["code"] == "bad_input" and records[1]["line"] == 2
    code, _, err = run(monkeypatch, capsys, '{"txt": "x"}\n', "redact", "--jsonl")
    assert code == 1 and '"text"' in err


def test_eval_group_is_shared() -> None:
    parser = argparse.ArgumentParser()
    commands = parser.add_subparsers(dest="command")
    first = eval_subparsers(commands)
    first.add_parser("router")
    assert eval_subparsers(commands) is first
    assert {"router"} <= set(first.choices)
    # edged's own parser has `eval redact`
    args = build_parser().parse_args(["eval", "redact", "--per-lang", "5", "--no-presidio"])
    assert args.per_lang == 5 and args.no_presidio


def test_eval_redact_offers_every_set_the_evaluation_knows() -> None:
    from edged.privacy.evaluate import SETS

    for name in SETS:
        args = build_parser().parse_args(["eval", "redact", "--set", name])
        assert args.sets == [name]
    with pytest.raises(SystemExit):
        build_parser().parse_args(["eval", "redact", "--set", "twelfth"])
