"""Where a secret file named in configuration really is: systemd's LoadCredential= first."""

from __future__ import annotations

import os
from pathlib import Path

CREDENTIALS_ENV = "CREDENTIALS_DIRECTORY"


def resolve_credential(path: Path, base: Path) -> Path:
    """A bare file name comes from $CREDENTIALS_DIRECTORY when systemd provides it there;
    any other relative path is taken from ``base`` (the configuration file's folder)."""
    credentials = os.environ.get(CREDENTIALS_ENV)
    if credentials and len(path.parts) == 1 and (Path(credentials) / path).is_file():
        return Path(credentials) / path
    return path if path.is_absolute() else base / path
