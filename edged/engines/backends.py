"""Reaching a registered backend's code and libraries: import the dotted paths its
``edged.backends.BackendSpec`` names (only the chosen backend's heavy libraries are ever imported)
and read the versions of the libraries that bind its engines."""

from __future__ import annotations

import importlib
import importlib.metadata


def library_versions(names: tuple[str, ...]) -> dict[str, str]:
    versions = {}
    for name in names:
        try:
            versions[name] = importlib.metadata.version(name)
        except importlib.metadata.PackageNotFoundError:
            versions[name] = "absent"
    return versions


def resolve(target: str) -> object:
    """Import "module:attr" and return the attribute."""
    module_name, _, attr = target.partition(":")
    module = importlib.import_module(module_name)
    return getattr(module, attr)
