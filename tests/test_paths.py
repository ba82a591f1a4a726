"""Default paths are declared once in edged/paths.py; the shell scripts and systemd files that
must repeat them as literals agree with it. And the one path resolver: relative paths from the
configuration file's folder, secrets from $CREDENTIALS_DIRECTORY first."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from pydantic import Field

from edged import paths
from edged.basemodel import StrictModel
from edged.paths import CredentialPath, resolve_paths

REPO = Path(__file__).resolve().parents[1]


def _text(relative: str) -> str:
    return (REPO / relative).read_text(encoding="utf-8")


def _assignments(script: str) -> dict[str, str]:
    return dict(re.findall(r"^([A-Z_]+)=(\S+)$", _text(script), flags=re.MULTILINE))


def _directive(unit: str, key: str) -> list[str]:
    return re.findall(rf"^{key}=(.*)$", _text(unit), flags=re.MULTILINE)


def test_scripts_install_uses_the_python_defaults() -> None:
    values = _assignments("scripts/install")
    assert values["PREFIX"] == str(paths.INSTALL_PREFIX)
    assert values["ETC"] == str(paths.CONFIG_DIR)
    assert values["PKI"] == str(paths.PKI_DIR)
    assert values["STATE"] == str(paths.STATE_DIR)
    assert values["STORE"] == str(paths.ENGINE_STORE)
    assert values["UNITS"] == str(paths.UNIT_FILE.parent)


@pytest.mark.parametrize("script", ["provision-ca", "provision-broker", "provision-device",
                                    "provision-client"])
def test_provisioning_scripts_default_to_the_pki_folder(script: str) -> None:
    defaults = re.findall(r"\$\{EDGED_PKI_DIR:-([^}]+)\}", _text(f"scripts/{script}"))
    assert defaults, f"scripts/{script} no longer defaults EDGED_PKI_DIR"
    assert set(defaults) == {str(paths.PKI_DIR)}


def test_the_unit_uses_the_python_defaults() -> None:
    unit = "systemd/edged.service"
    (exec_start,) = _directive(unit, "ExecStart")
    assert exec_start == f"{paths.INSTALL_PREFIX}/bin/edged run --config {paths.CONFIG_FILE}"
    (environment,) = _directive(unit, "Environment")
    assert f"EDGED_ENGINE_STORE={paths.ENGINE_STORE}" in environment.split()
    # StateDirectory=NAME is /var/lib/NAME to systemd.
    assert [Path("/var/lib") / name for name in _directive(unit, "StateDirectory")] == [paths.STATE_DIR]
    for credential in _directive(unit, "LoadCredential"):
        assert Path(credential.partition(":")[2]).parent == paths.PKI_DIR


def test_the_crl_unit_uses_the_python_defaults() -> None:
    unit = "systemd/edged-crl.service"
    assert _directive(unit, "Environment") == [f"EDGED_CA_DIR={paths.PKI_DIR / 'ca'}"]
    assert _directive(unit, "ReadWritePaths") == [str(paths.PKI_DIR / "ca")]
    assert _directive(unit, "ExecStart")[0].startswith(f"{paths.INSTALL_PREFIX}/bin/edged ")


def test_tmpfiles_and_sysusers_use_the_python_defaults() -> None:
    folders = re.findall(r"^d (\S+)", _text("systemd/edged.tmpfiles"), flags=re.MULTILINE)
    assert folders == [str(p) for p in (paths.CONFIG_DIR, paths.PKI_DIR, paths.STATE_DIR, paths.ENGINE_STORE)]
    (home,) = re.findall(r'^u edged - "[^"]*" (\S+)', _text("systemd/edged.sysusers"), flags=re.MULTILINE)
    assert home == str(paths.STATE_DIR)


def test_no_python_module_writes_a_default_path_of_its_own() -> None:
    literal = re.compile(r"""["'](/etc/edged|/var/lib/edged|/opt/edged|/etc/systemd/system)[/"']""")
    offenders = [
        str(path.relative_to(REPO))
        for path in sorted((REPO / "edged").rglob("*.py"))
        if path.name != "paths.py" and literal.search(path.read_text(encoding="utf-8"))
    ]
    assert offenders == []


class _Inner(StrictModel):
    roster: Path | None = Field(default=None)
    secret: CredentialPath | None = Field(default=None)


class _Outer(StrictModel):
    ca: Path
    key: CredentialPath
    inner: _Inner = Field(default_factory=_Inner)
    by_name: dict[str, _Inner] = Field(default_factory=dict)


def test_relative_paths_come_from_the_config_folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv(paths.CREDENTIALS_ENV, raising=False)
    model = _Outer(ca=Path("certs/ca.crt"), key=Path("/abs/device.key"),
                   inner=_Inner(roster=Path("roster.txt")), by_name={"a": _Inner(secret=Path("s.key"))})
    resolved = resolve_paths(model, tmp_path)
    assert resolved.ca == tmp_path / "certs/ca.crt"
    assert resolved.key == Path("/abs/device.key")
    assert resolved.inner.roster == tmp_path / "roster.txt"
    assert resolved.inner.secret is None
    assert resolved.by_name["a"].secret == tmp_path / "s.key"
    assert model.ca == Path("certs/ca.crt")  # a new model; the validated one is frozen


def test_credentials_come_from_systemd_first(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    credentials = tmp_path / "credentials"
    credentials.mkdir()
    (credentials / "device.key").write_text("key")
    (credentials / "ca.crt").write_text("not a credential field")
    monkeypatch.setenv(paths.CREDENTIALS_ENV, str(credentials))
    base = tmp_path / "etc"
    model = _Outer(ca=Path("ca.crt"), key=Path("device.key"), inner=_Inner(secret=Path("device.key")))
    resolved = resolve_paths(model, base)
    assert resolved.key == credentials / "device.key"
    assert resolved.inner.secret == credentials / "device.key"  # CredentialPath | None too
    assert resolved.ca == base / "ca.crt"  # a plain path field never looks there
    missing = resolve_paths(_Outer(ca=Path("ca.crt"), key=Path("other.key")), base)
    assert missing.key == base / "other.key"
