"""edged's own exception tree and its one vocabulary of error codes; every error a user or client
can see carries a stable code from ``ErrorCode``, explained in ``ERROR_MEANINGS``.

    EdgedError                 base; ``code`` is stable, ``message`` says what to fix
    ├── ConfigError            a config or profile file is invalid (names file and key)
    ├── HardwareError          detection failed in a way that is not "no GPU"
    ├── CheckpointError        the model checkpoint is missing or unreadable
    ├── BuildError             an engine build failed; nothing was written to the store
    ├── StoreError             the engine store holds something unusable
    │   ├── FingerprintMismatch  the stored engine was built for other hardware/software
    │   └── AdapterError         a LoRA adapter is missing, damaged or built for another base
    ├── EngineError            the engine failed at run time
    │   ├── InputTooLong         the prompt does not fit the engine's context
    │   └── DeadlineExceeded     the request's deadline passed inside the engine
    ├── SchemaError            an answer schema was refused (invalid, too large or deep, unsupported)
    ├── MissingExtra           an optional dependency is not installed
    └── PkiError               site CA, certificate, CSR or CRL operation refused or failed

A code's string is a promise to clients (they branch on it): never rename one. A new code is one
line in ``ErrorCode`` and one in ``ERROR_MEANINGS``; mypy refuses a code missing from the first,
and tests/test_error_codes.py one missing from the second, a loose string passed as ``code=`` and
a README table that is not what ``python -m edged.errors`` prints.
"""

from __future__ import annotations

import sys
import typing
from collections.abc import Mapping
from typing import Final, Literal

ErrorCode = Literal[
    # A request refused by the MQTT protocol (edged/service/protocol/).
    "bad_request",
    "too_large",
    "bad_encoding",
    "unknown_task",
    "forbidden",
    "no_reply_topic",
    "schema_invalid",
    "schema_too_large",
    "schema_too_deep",
    "schema_unsupported",
    "schema_pattern",
    # A parsed request that could not be answered (edged/service/).
    "busy",
    "shutting_down",
    "deadline_exceeded",
    "input_too_long",
    "engine_error",
    # The cloud path (edged/escalation/, edged/privacy/).
    "cloud_unavailable",
    "cloud_timeout",
    "cloud_refused",
    "cloud_bad_response",
    "nothing_to_send",
    "redaction_failed",
    "bad_text",
    # edged's own MQTT client (edged/client.py).
    "client_error",
    "unreachable",
    "timeout",
    "bad_reply",
    # Start-up, configuration and the host.
    "edged_error",
    "config_invalid",
    "config_files",
    "profile_mismatch",
    "hardware_error",
    "missing_extra",
    "missing_dependency",
    "transport_error",
    "audit_error",
    # Checkpoints, engine builds and the engine store (edged/engines/).
    "checkpoint_invalid",
    "checkpoint_missing",
    "unknown_model",
    "build_failed",
    "build_oom",
    "bad_quantization",
    "plan_refused",
    "backend_unavailable",
    "smoke_failed",
    "store_invalid",
    "store_version",
    "fingerprint_mismatch",
    "engine_missing",
    "engine_corrupt",
    # LoRA adapters in the engine store (edged/engines/adapters.py).
    "adapter_missing",
    "adapter_invalid",
    "adapter_mismatch",
    # The site CA and the broker (edged/provisioning/, edged/certificates.py).
    "pki_error",
    "exists",
    "not_found",
    "not_ours",
    "bad_id",
    "bad_san",
    "bad_csr",
    "bad_kind",
    "bad_validity",
    "role_conflict",
    "ca_invalid",
    "broker_unavailable",
    # Commands that measure: edged redact, edged privacy eval, edged bench.
    "bad_input",
    "eval_failed",
    "bench_failed",
]
ERROR_CODES: Final[tuple[ErrorCode, ...]] = typing.get_args(ErrorCode)

# The codes edged/service/protocol/ refuses a request with (a narrower type for ProtocolError).
ProtocolErrorCode = Literal[
    "bad_request", "too_large", "bad_encoding", "unknown_task", "forbidden", "no_reply_topic",
    "schema_invalid", "schema_too_large", "schema_too_deep", "schema_unsupported", "schema_pattern",
]
# The codes a refused answer schema gets (edged/tasks/schema.py): a narrower type for SchemaError.
SchemaErrorCode = Literal[
    "schema_invalid", "schema_too_large", "schema_too_deep", "schema_unsupported", "schema_pattern",
]
PROTOCOL_ERROR_CODES: Final[frozenset[ProtocolErrorCode]] = frozenset(typing.get_args(ProtocolErrorCode))

# What each code means, one line each: the single source of the README's table.
ERROR_MEANINGS: Final[Mapping[ErrorCode, str]] = {
    "bad_request": "the request (or a command's arguments) is invalid; the message says what is allowed",
    "too_large": "the payload, or a text given to redaction, is over its size limit",
    "bad_encoding": "the payload is not UTF-8",
    "unknown_task": "the task is not one this appliance serves; the message lists those it does",
    "forbidden": "the reply topic lies outside the sender's response tree: edged will not write there",
    "no_reply_topic": "the request names no reply topic (MQTT v5 Response Topic, or reply_to for 3.1.1)",
    "schema_invalid": "the extract schema is not a valid JSON Schema of an object, or a value in it is wrong",
    "schema_too_large": "the extract schema is over its size, property or enum limit ([limits])",
    "schema_too_deep": "the extract schema nests objects and arrays deeper than max_schema_depth",
    "schema_unsupported": "the extract schema uses a keyword or format constrained decoding does not "
    "support; the message names it",
    "schema_pattern": "a pattern in the extract schema is invalid, too long, or too complex "
    "(backreferences, lookaround, nested quantifiers)",
    "busy": "the queue is full and the cloud did not take the request; retry later or send to a pool",
    "shutting_down": "the appliance is stopping; send the request again",
    "deadline_exceeded": "the deadline passed in the queue or the engine; cut free text is in `partial`",
    "input_too_long": "the input with max_tokens does not fit the local model's context",
    "engine_error": "the local engine failed (it is restarted); retry",
    "cloud_unavailable": "the request needed the cloud: none is set up, its circuit is open, or it failed",
    "cloud_timeout": "the cloud did not answer before the request's deadline",
    "cloud_refused": "the cloud answered with an HTTP error",
    "cloud_bad_response": "the cloud's answer is not a Chat Completions response",
    "nothing_to_send": "the task's allow_fields let no field of this input leave the site",
    "redaction_failed": "a privacy detector failed, so the text cannot be shown free of personal values",
    "bad_text": "a text given to redaction holds unpaired surrogates (not valid Unicode)",
    "client_error": "edged's client could not complete the request",
    "unreachable": "edged's client could not connect to the broker",
    "timeout": "edged's client got no reply in time (is edged running and subscribed?)",
    "bad_reply": "the reply edged's client received is not JSON",
    "edged_error": "an error without a more specific code",
    "config_invalid": "a config or profile file is invalid; the message names file, key and what is valid",
    "config_files": "a file the config names is missing, unreadable, or readable by others",
    "profile_mismatch": "this machine does not match the hardware profile asked for (--force builds anyway)",
    "hardware_error": "hardware detection failed in a way that is not 'no GPU'",
    "missing_extra": "an optional dependency is not installed; the message names the extra to install",
    "missing_dependency": "a core dependency (fugashi, unidic-lite) is missing; reinstall edged",
    "transport_error": "the MQTT connection failed or was refused",
    "audit_error": "the audit log cannot be written, read or verified",
    "checkpoint_invalid": "the model checkpoint is unreadable or not the expected model",
    "checkpoint_missing": "the model checkpoint folder or one of its files is missing",
    "unknown_model": "the model is not one edged can build",
    "build_failed": "an engine build failed; nothing was stored",
    "build_oom": "an engine build was killed, most likely for memory; nothing was stored",
    "bad_quantization": "the backend cannot build the profile's quantization",
    "plan_refused": "the build plan breaks one of the profile's limits (--dry-run shows it)",
    "backend_unavailable": "this machine cannot build or run the profile's backend",
    "smoke_failed": "the built engine failed its smoke test; nothing was stored",
    "store_invalid": "the engine store holds something unusable",
    "store_version": "the engine store was written by another edged version; rebuild with --force",
    "fingerprint_mismatch": "the stored engine was built for other hardware or software; rebuild it",
    "engine_missing": "no engine is built for this profile and model; run edged engine build",
    "engine_corrupt": "the stored engine's files are damaged or incomplete; rebuild it",
    "adapter_missing": "the task's LoRA adapter is not in the engine store; build it with "
    "`edged adapter build`",
    "adapter_invalid": "a LoRA adapter (or the PEFT folder it is built from) is damaged, incomplete or "
    "of a kind edged cannot serve; the message says which file and what to do",
    "adapter_mismatch": "the LoRA adapter was built for another base engine (both fingerprints are "
    "named) or another model shape; rebuild the adapter for this engine",
    "pki_error": "a site CA, certificate, CSR or CRL operation failed",
    "exists": "the file or CA exists already with other content; --force replaces a file",
    "not_found": "a file, certificate, CSR or plugin the command needs does not exist",
    "not_ours": "the certificate was not issued by this CA",
    "bad_id": "a CN or CA name is not allowed",
    "bad_san": "a subject alternative name is invalid or not allowed for this kind",
    "bad_csr": "the CSR (or a key) is unreadable, badly signed or of an unsupported type",
    "bad_kind": "the certificate kind is not one the CA issues",
    "bad_validity": "the validity period is empty, reversed, not timezone-aware or outside the CA's",
    "role_conflict": "the CN already names an identity of another kind, whose broker rights it would get",
    "ca_invalid": "the CA's files, its index or its CRL are damaged or do not match",
    "broker_unavailable": "Mosquitto is not installed or could not be run",
    "bad_input": "a line edged redact read on stdin is invalid",
    "eval_failed": "the privacy evaluation could not run",
    "bench_failed": "a benchmark could not run",
}

# How a code reaches an MQTT client: in an error reply, or not at all (the request is logged and
# counted as `refused`: answering would mean writing where the sender may not read).
MQTT_REPLY_CODES: Final[frozenset[ErrorCode]] = frozenset({
    "bad_request", "too_large", "bad_encoding", "unknown_task", "schema_invalid", "schema_too_large",
    "schema_too_deep", "schema_unsupported", "schema_pattern", "busy", "shutting_down",
    "deadline_exceeded", "input_too_long", "engine_error", "cloud_unavailable", "cloud_timeout",
    "cloud_refused", "cloud_bad_response", "nothing_to_send", "redaction_failed",
    "adapter_missing", "adapter_invalid", "adapter_mismatch",
})
MQTT_UNANSWERED_CODES: Final[frozenset[ErrorCode]] = frozenset({"forbidden", "no_reply_topic"})

README_BEGIN: Final = "<!-- error codes: printed by `python -m edged.errors`; edit edged/errors.py -->"
README_END: Final = "<!-- end of error codes -->"


def markdown_table(*, every: bool = False) -> str:
    """The codes an MQTT client meets (``every``: all of them) as a markdown table, in
    vocabulary order: what the README holds between ``README_BEGIN`` and ``README_END``."""
    lines = ["| code | over MQTT | meaning |", "| --- | --- | --- |"]
    for code in ERROR_CODES:
        if code in MQTT_REPLY_CODES:
            mqtt = "reply"
        elif code in MQTT_UNANSWERED_CODES:
            mqtt = "no reply (logged)"
        elif every:
            mqtt = "-"
        else:
            continue
        lines.append(f"| `{code}` | {mqtt} | {ERROR_MEANINGS[code]} |")
    return "\n".join(lines) + "\n"


class EdgedError(Exception):
    """Base of edged's errors. ``code`` is stable; the message says what to do next."""

    code: ErrorCode = "edged_error"

    def __init__(self, message: str, *, code: ErrorCode | None = None) -> None:
        super().__init__(message)
        self.message = message
        if code is not None:
            self.code = code

    def __str__(self) -> str:
        return self.message


class ConfigError(EdgedError):
    code: ErrorCode = "config_invalid"


class HardwareError(EdgedError):
    code: ErrorCode = "hardware_error"


class CheckpointError(EdgedError):
    code: ErrorCode = "checkpoint_invalid"


class BuildError(EdgedError):
    code: ErrorCode = "build_failed"


class StoreError(EdgedError):
    code: ErrorCode = "store_invalid"


class FingerprintMismatch(StoreError):
    code: ErrorCode = "fingerprint_mismatch"


class AdapterError(StoreError):
    code: ErrorCode = "adapter_invalid"


class EngineError(EdgedError):
    code: ErrorCode = "engine_error"


class InputTooLong(EngineError):
    code: ErrorCode = "input_too_long"


class DeadlineExceeded(EngineError):
    code: ErrorCode = "deadline_exceeded"


class SchemaError(EdgedError):
    """An answer schema was refused before it reached the model; ``code`` says why."""

    code: ErrorCode = "schema_invalid"

    def __init__(self, message: str, *, code: SchemaErrorCode = "schema_invalid") -> None:
        super().__init__(message, code=code)
        self.schema_code: SchemaErrorCode = code


class MissingExtra(EdgedError):
    code: ErrorCode = "missing_extra"

    def __init__(self, module: str, extra: str, purpose: str) -> None:
        super().__init__(
            f"{purpose} needs the Python module '{module}', which is not installed. "
            f"Install it with: pip install 'edged[{extra}]' (scripts/setup does this for you).",
        )
        self.module = module
        self.extra = extra


class PkiError(EdgedError):
    code: ErrorCode = "pki_error"



def main(argv: list[str]) -> int:
    """``python -m edged.errors [--all]``: print the table (of every code with --all)."""
    if argv not in ([], ["--all"]):
        sys.stderr.write("usage: python -m edged.errors [--all]\n")
        return 2
    sys.stdout.write(markdown_table(every=bool(argv)))
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
