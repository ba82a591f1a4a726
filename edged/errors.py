"""edged's own exception tree; every error a user or client can see carries a stable code.

    EdgedError                 base; ``code`` is stable, ``message`` says what to fix
    ├── ConfigError            a config or profile file is invalid (names file and key)
    ├── HardwareError          detection failed in a way that is not "no GPU"
    ├── CheckpointError        the model checkpoint is missing or unreadable
    ├── BuildError             an engine build failed; nothing was written to the store
    ├── StoreError             the engine store holds something unusable
    │   └── FingerprintMismatch  the stored engine was built for other hardware/software
    ├── EngineError            the engine failed at run time
    │   ├── InputTooLong         the prompt does not fit the engine's context
    │   └── DeadlineExceeded     the request's deadline passed inside the engine
    ├── MissingExtra           an optional dependency is not installed
    └── PkiError               site CA, certificate, CSR or CRL operation refused or failed
                               (codes: exists, bad_id, bad_san, bad_csr, bad_validity, bad_kind,
                               role_conflict, bad_request, not_found, not_ours, ca_invalid)
"""

from __future__ import annotations


class EdgedError(Exception):
    """Base of edged's errors. ``code`` is stable; the message says what to do next."""

    code = "edged_error"

    def __init__(self, message: str, *, code: str | None = None) -> None:
        super().__init__(message)
        self.message = message
        if code is not None:
            self.code = code

    def __str__(self) -> str:
        return self.message


class ConfigError(EdgedError):
    code = "config_invalid"


class HardwareError(EdgedError):
    code = "hardware_error"


class CheckpointError(EdgedError):
    code = "checkpoint_invalid"


class BuildError(EdgedError):
    code = "build_failed"


class StoreError(EdgedError):
    code = "store_invalid"


class FingerprintMismatch(StoreError):
    code = "fingerprint_mismatch"


class EngineError(EdgedError):
    code = "engine_error"


class InputTooLong(EngineError):
    code = "input_too_long"


class DeadlineExceeded(EngineError):
    code = "deadline_exceeded"


class MissingExtra(EdgedError):
    code = "missing_extra"

    def __init__(self, module: str, extra: str, purpose: str) -> None:
        super().__init__(
            f"{purpose} needs the Python module '{module}', which is not installed. "
            f"Install it with: pip install 'edged[{extra}]' (scripts/setup does this for you).",
        )
        self.module = module
        self.extra = extra


class PkiError(EdgedError):
    code = "pki_error"
