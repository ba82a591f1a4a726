"""edged.toml: what loads, and what each mistake is told."""

from __future__ import annotations

from pathlib import Path

import pytest

from edged.cli import main
from edged.config import check_files, load_config
from edged.errors import ConfigError

MINIMAL = """
device_id = "dev-1"
[mqtt]
host = "localhost"
ca = "certs/ca.crt"
cert = "certs/dev-1.crt"
key = "dev-1.key"
"""


def write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "edged.toml"
    path.write_text(text)
    return path


def test_minimal_config_gets_defaults_and_resolved_paths(tmp_path: Path) -> None:
    config = load_config(write(tmp_path, MINIMAL))
    assert config.mqtt.port == 8883
    assert config.mqtt.ca == tmp_path / "certs" / "ca.crt"
    assert config.mqtt.key == tmp_path / "dev-1.key"
    assert set(config.task_table()) >= {"summarize", "extract", "classify", "ask"}
    assert config.scheduler.queue_size == 64


def test_key_comes_from_the_credentials_directory(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    credentials = tmp_path / "creds"
    credentials.mkdir()
    (credentials / "dev-1.key").write_text("key")
    monkeypatch.setenv("CREDENTIALS_DIRECTORY", str(credentials))
    assert load_config(write(tmp_path, MINIMAL)).mqtt.key == credentials / "dev-1.key"


@pytest.mark.parametrize(
    ("change", "expected"),
    [
        (('port = 8883', 'prot = 8883'), "unknown key 'mqtt.prot' (did you mean 'port'?"),
        (('host = "localhost"', 'host = "localhost"\nport = 70000'), "key 'mqtt.port' is 70000"),
        (('device_id = "dev-1"', 'device_id = "dev/1"'), "key 'device_id'"),
        (('host = "localhost"', 'host = "localhost"\npools = ["a+b"]'), "pool name 'a+b'"),
        (('key = "dev-1.key"', 'key = "dev-1.key"\ntls_insecure_dev_only = true'), "EDGED_DEV=1"),
        (('device_id = "dev-1"', 'device_id = "dev-1"\n[tasks.ask]\nsystem = "s"\ntemplate = "no input"'),
         "{input}"),
        (('device_id = "dev-1"', 'device_id = "dev-1"\n[limits]\ndefault_max_tokens = 5000'),
         "default_max_tokens"),
    ],
)
def test_mistakes_name_file_key_and_fix(tmp_path: Path, change: tuple[str, str], expected: str) -> None:
    text = MINIMAL.replace("[mqtt]\n", "[mqtt]\nport = 8883\n") if change[0] == "port = 8883" else MINIMAL
    path = write(tmp_path, text.replace(*change))
    with pytest.raises(ConfigError) as error:
        load_config(path)
    assert str(path) in error.value.message
    assert expected in error.value.message


def test_toml_syntax_error_names_the_file(tmp_path: Path) -> None:
    path = write(tmp_path, "device_id = \n")
    with pytest.raises(ConfigError, match="not valid TOML"):
        load_config(path)


def test_files_and_key_permissions_are_checked(tmp_path: Path) -> None:
    path = write(tmp_path, MINIMAL)
    config = load_config(path)
    problems = check_files(config, path)
    assert len(problems) == 3
    (tmp_path / "certs").mkdir()
    for name in ("certs/ca.crt", "certs/dev-1.crt", "dev-1.key"):
        (tmp_path / name).write_text("x")
    (tmp_path / "dev-1.key").chmod(0o644)
    [problem] = check_files(config, path)
    assert "chmod 600" in problem
    (tmp_path / "dev-1.key").chmod(0o600)
    assert check_files(config, path) == []


def test_config_validate_command(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = write(tmp_path, MINIMAL)
    assert main(["config", "validate", str(path)]) == 2
    assert "does not exist" in capsys.readouterr().err
