"""Where an installed edged keeps its files, and how a path named in a configuration file is
found: the one place for both (scripts/ and systemd/ repeat the literals; tests/test_paths.py
checks that they agree with these)."""

from __future__ import annotations

import os
import typing
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any, TypeVar

if TYPE_CHECKING:  # pydantic stays out of `edged --help`, which reads the default paths
    from pydantic import BaseModel

CONFIG_DIR = Path("/etc/edged")
CONFIG_FILE = CONFIG_DIR / "edged.toml"
PKI_DIR = CONFIG_DIR / "pki"  # the appliance's certificate and key; on the CA's machine, the site PKI
STATE_DIR = Path("/var/lib/edged")  # budgets, the audit log and its signing key, shadow records
ENGINE_STORE = STATE_DIR / "engines"
AUDIT_DIR = STATE_DIR / "audit"  # escalation.state_dir / "audit" with the default state_dir
INSTALL_PREFIX = Path("/opt/edged")  # the virtual environment scripts/install makes
UNIT_FILE = Path("/etc/systemd/system/edged.service")

CREDENTIALS_ENV = "CREDENTIALS_DIRECTORY"


class _CredentialMarker:
    """Marks a path field as a secret that systemd may hand over through LoadCredential=."""

    def __repr__(self) -> str:
        return "CREDENTIAL"


CREDENTIAL = _CredentialMarker()
# A file that a bare name finds in $CREDENTIALS_DIRECTORY first (see ``resolve_credential``).
CredentialPath = Annotated[Path, CREDENTIAL]

ModelT = TypeVar("ModelT", bound="BaseModel")


def resolve_path(path: Path, base: Path) -> Path:
    """A relative path named in a configuration file is taken from ``base``, that file's folder."""
    return path if path.is_absolute() else base / path


def resolve_credential(path: Path, base: Path) -> Path:
    """A bare file name comes from $CREDENTIALS_DIRECTORY when systemd provides it there;
    any other relative path is taken from ``base`` (the configuration file's folder)."""
    credentials = os.environ.get(CREDENTIALS_ENV)
    if not credentials or len(path.parts) != 1:
        return resolve_path(path, base)
    try:
        if (Path(credentials) / path).is_file():
            return Path(credentials) / path
    except PermissionError as exc:
        from edged.errors import ConfigError

        # Seen when systemd set the folder up in a mount namespace that the service could not
        # see (a container whose root mount is not shared): the service got an empty, locked folder.
        raise ConfigError(
            f"the credentials folder ${CREDENTIALS_ENV} ({credentials}) cannot be read by this user "
            f"({exc.strerror}), so the credential '{path}' cannot be loaded. systemd makes it readable "
            "by the unit's User=: check the unit with `systemctl cat edged` and the journal "
            "(`journalctl -u edged`); in a container, the root mount needs shared propagation "
            "(mount --make-rshared /) for LoadCredential= to work",
            code="config_files",
        ) from None
    return resolve_path(path, base)


def resolve_paths(model: ModelT, base: Path) -> ModelT:
    """The same model with every path field, in it and in the models it holds, taken from
    ``base``; fields typed ``CredentialPath`` look in $CREDENTIALS_DIRECTORY first."""
    from pydantic import BaseModel

    update: dict[str, Any] = {}
    for name, field in type(model).model_fields.items():
        value = getattr(model, name)
        if isinstance(value, Path):
            credential = CREDENTIAL in field.metadata or _is_credential(field.annotation)
            resolved = resolve_credential(value, base) if credential else resolve_path(value, base)
            if resolved != value:
                update[name] = resolved
        elif isinstance(value, BaseModel):
            inner = resolve_paths(value, base)
            if inner is not value:
                update[name] = inner
        elif isinstance(value, dict) and any(isinstance(v, BaseModel) for v in value.values()):
            inner_dict = {k: resolve_paths(v, base) if isinstance(v, BaseModel) else v
                          for k, v in value.items()}
            if any(inner_dict[k] is not value[k] for k in value):
                update[name] = inner_dict
    return model.model_copy(update=update) if update else model


def _is_credential(annotation: Any) -> bool:
    """``CredentialPath | None``: the marker sits on the union's member, not on the field."""
    return any(
        CREDENTIAL in getattr(arg, "__metadata__", ()) for arg in typing.get_args(annotation)
    )
