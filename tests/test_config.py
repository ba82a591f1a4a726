"""edged.toml: what loads, and what each mistake is told."""

from __future__ import annotations

from pathlib import Path

import pytest
from pydantic import ValidationError

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


def test_limits_are_the_object_the_service_parses_with(tmp_path: Path) -> None:
    """[limits] is edged.requests.Limits itself: its defaults and cross-checks are declared once."""
    from edged.requests import Limits
    from edged.service import protocol

    config = load_config(write(tmp_path, MINIMAL))
    assert type(config.limits) is Limits is protocol.Limits
    assert config.limits == Limits()
    table = "[limits]\nmax_labels = 5\nmax_payload_bytes = 4096\n"
    limits = load_config(write(tmp_path, MINIMAL + table)).limits
    assert (limits.max_labels, limits.max_payload_bytes, limits.max_fields) == (5, 4096, Limits().max_fields)
    # The cross-check of the file is the model's own, word for word.
    with pytest.raises(ValidationError) as direct:
        Limits(default_max_tokens=5000)
    with pytest.raises(ConfigError) as loaded:
        load_config(write(tmp_path, MINIMAL + "[limits]\ndefault_max_tokens = 5000\n"))
    (error,) = direct.value.errors()
    assert error["msg"] == "Value error, default_max_tokens (5000) is above max_tokens_limit (1024)"
    assert f"key 'limits': {error['msg'].removeprefix('Value error, ')}." in loaded.value.message


def test_every_model_derives_from_the_one_strict_base() -> None:
    """extra='forbid', frozen: declared in edged/basemodel.py only; no model restates or skips it."""
    import ast

    import edged

    root = Path(edged.__file__).parent
    own_config, loose = [], []
    for path in sorted(root.rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if isinstance(node, ast.Call) and getattr(node.func, "id", None) == "ConfigDict":
                own_config.append(f"{path.relative_to(root)}:{node.lineno}")
            if isinstance(node, ast.ClassDef) and any(
                getattr(base, "id", getattr(base, "attr", None)) == "BaseModel" for base in node.bases
            ):
                loose.append(f"{path.relative_to(root)}:{node.name}")
    assert own_config == ["basemodel.py:13"]
    assert loose == ["basemodel.py:StrictModel"]


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


CLOUD = '\n[cloud]\nmodel = "m"\napi_key_file = "cloud.key"\n'


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        ("http://api.example.com/v1", "must start with https://"),
        ("https://user:s3cr3t-pass@api.example.com/v1", "carries credentials"),
    ],
)
def test_cloud_url_must_be_https_and_carry_no_credentials(tmp_path: Path, url: str, expected: str) -> None:
    path = write(tmp_path, MINIMAL + CLOUD + f'base_url = "{url}"\n')
    with pytest.raises(ConfigError) as error:
        load_config(path)
    assert expected in error.value.message
    assert "s3cr3t" not in error.value.message  # the refusal never repeats the secret


def test_an_http_cloud_only_with_the_development_flag(tmp_path: Path) -> None:
    dev = 'base_url = "http://vllm.local:8000/v1"\nallow_insecure_http = true\n'
    path = write(tmp_path, MINIMAL + CLOUD + dev)
    assert load_config(path).cloud is not None


def test_the_cloud_key_file_must_exist_and_be_private_at_validate(tmp_path: Path) -> None:
    path = write(tmp_path, MINIMAL + CLOUD + 'base_url = "https://api.example.com/v1"\n')
    (tmp_path / "certs").mkdir()
    for name in ("certs/ca.crt", "certs/dev-1.crt", "dev-1.key"):
        (tmp_path / name).write_text("x")
        (tmp_path / name).chmod(0o600)
    config = load_config(path)
    [problem] = check_files(config, path)
    assert "cloud.api_key_file" in problem and "does not exist" in problem
    (tmp_path / "cloud.key").write_text("sk-test\n")
    (tmp_path / "cloud.key").chmod(0o644)
    [problem] = check_files(config, path)
    assert "cloud.api_key_file" in problem and "chmod 600" in problem
    (tmp_path / "cloud.key").chmod(0o600)
    assert check_files(config, path) == []
