"""Every error at start-up is one clean paragraph and exit status 2, never a traceback: systemd
does not restart status 2 (RestartPreventExitStatus=2), so the reason stays on screen.

The unreadable cases drop the capabilities that let root read anything (CAP_DAC_OVERRIDE and
CAP_DAC_READ_SEARCH), so they mean the same when the suite runs as root, as CI does.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from edged.engines.store import EngineStore
from tests.ops.conftest import REPO, child_env
from tests.ops.test_run import write_config
from tests.support.fixtures import ProvisionedSite


def _as_the_service(command: list[str]) -> list[str]:
    if os.geteuid() != 0:
        return command
    if shutil.which("setpriv") is None:
        pytest.skip("setpriv (util-linux) is needed to drop root's file-reading capabilities")
    return ["setpriv", "--bounding-set", "-dac_override,-dac_read_search", *command]


def start(config: Path, **env: str) -> subprocess.CompletedProcess[str]:
    command = _as_the_service([sys.executable, "-m", "edged", "run", "--config", str(config)])
    return subprocess.run(command, capture_output=True, text=True, env=child_env(**env), cwd=REPO,
                          timeout=120, check=False)


def assert_refused(result: subprocess.CompletedProcess[str], *expected: str) -> None:
    assert result.returncode == 2, result.stderr
    assert "Traceback" not in result.stderr, result.stderr
    # One paragraph, the last line: the error with its fix (log lines before it are progress).
    error = result.stderr.strip().splitlines()[-1]
    assert error.startswith("edged: error ["), result.stderr
    assert result.stderr.count("edged: error") == 1, result.stderr
    for text in expected:
        assert text in error, error


@pytest.fixture
def credentials(site: ProvisionedSite, tmp_path: Path) -> Iterator[Path]:
    """A $CREDENTIALS_DIRECTORY holding the device key, as systemd makes it (0500, key 0400)."""
    folder = tmp_path / "credentials"
    folder.mkdir()
    shutil.copyfile(site.identity("dev-1").key, folder / "device.key")
    (folder / "device.key").chmod(0o400)
    folder.chmod(0o500)
    yield folder
    folder.chmod(0o700)  # so that pytest can remove it


def test_an_unreadable_credentials_folder_is_refused_with_the_reason(
    site: ProvisionedSite, tmp_path: Path, credentials: Path,
) -> None:
    # What systemd leaves a service when it set the credentials up where the service cannot see.
    config = write_config(tmp_path, site, 1, key="device.key")
    credentials.chmod(0o000)
    result = start(config, CREDENTIALS_DIRECTORY=str(credentials))
    assert_refused(result, "[config_files]", f"credentials folder $CREDENTIALS_DIRECTORY ({credentials})",
                   "cannot be read", "mount --make-rshared /")


def test_an_unreadable_credential_is_refused(
    site: ProvisionedSite, tmp_path: Path, credentials: Path,
) -> None:
    config = write_config(tmp_path, site, 1, key="device.key")
    credentials.chmod(0o700)
    (credentials / "device.key").chmod(0o000)
    result = start(config, CREDENTIALS_DIRECTORY=str(credentials))
    assert_refused(result, "[config_files]", f"{credentials / 'device.key'} cannot be read by this user")


def test_an_empty_credentials_folder_names_the_missing_credential(
    site: ProvisionedSite, tmp_path: Path,
) -> None:
    config = write_config(tmp_path, site, 1, key="device.key")
    empty = tmp_path / "empty"
    empty.mkdir()
    result = start(config, CREDENTIALS_DIRECTORY=str(empty))
    assert_refused(result, "the credential 'device.key' is not in $CREDENTIALS_DIRECTORY",
                   "LoadCredential=device.key:/etc/edged/pki/device.key")


def test_a_missing_certificate_is_refused(site: ProvisionedSite, tmp_path: Path) -> None:
    config = write_config(tmp_path, site, 1)
    text = config.read_text().replace(str(site.identity("dev-1").ca), str(tmp_path / "gone.crt"))
    config.write_text(text)
    assert_refused(start(config), f"key 'mqtt.ca': {tmp_path / 'gone.crt'} does not exist")


def test_an_unreadable_certificate_is_refused(site: ProvisionedSite, tmp_path: Path) -> None:
    cert = tmp_path / "dev-1.crt"
    shutil.copyfile(site.identity("dev-1").cert, cert)
    cert.chmod(0o000)
    config = write_config(tmp_path, site, 1)
    config.write_text(config.read_text().replace(str(site.identity("dev-1").cert), str(cert)))
    assert_refused(start(config), f"key 'mqtt.cert': {cert} cannot be read by this user")


def test_a_key_readable_by_others_is_refused(site: ProvisionedSite, tmp_path: Path) -> None:
    key = tmp_path / "dev-1.key"
    shutil.copyfile(site.identity("dev-1").key, key)
    key.chmod(0o644)
    config = write_config(tmp_path, site, 1, key=str(key))
    assert_refused(start(config), "has mode 0o644", f"chmod 600 {key}")


def test_an_unreadable_configuration_is_refused(site: ProvisionedSite, tmp_path: Path) -> None:
    config = write_config(tmp_path, site, 1)
    config.chmod(0o000)
    assert_refused(start(config), "[config_invalid]", "cannot be read (Permission denied)")


def test_a_missing_or_broken_configuration_is_refused(site: ProvisionedSite, tmp_path: Path) -> None:
    assert_refused(start(tmp_path / "nowhere.toml"), "no such configuration file")
    config = write_config(tmp_path, site, 1)
    config.write_text(config.read_text() + "\nnonsense = [\n")
    assert_refused(start(config), "is not valid TOML")
    config = write_config(tmp_path, site, 1)
    config.write_text(config.read_text().replace('profile = "cpu"', 'profile = "no-such-profile"'))
    assert_refused(start(config), "[config_invalid]")


@pytest.mark.engine
def test_a_key_that_is_not_a_key_is_refused_once_the_engine_is_loaded(
    site: ProvisionedSite, tmp_path: Path, engine_store: EngineStore,
) -> None:
    key = tmp_path / "dev-1.key"
    key.write_text("not a PEM key\n")
    key.chmod(0o600)
    config = write_config(tmp_path, site, 1, key=str(key), store=engine_store.root)
    assert_refused(start(config), "Cannot load the TLS files", "Check that the certificate matches the key")
