"""The site CA: issues broker, appliance and client certificates, signs CSRs, revokes into a CRL.

EC P-256 keys and SHA-256 throughout. A CA directory holds ``ca.crt``, ``ca.key`` (0600),
``crl.pem``, ``index.json`` (every certificate issued, so one can be revoked by CN) and a copy of
each issued certificate under ``issued/``. Private keys are never logged or printed.

One module per job: ``records`` (file names, defaults, the index's records), ``checks`` (ids,
SANs, validity), ``files`` (atomic writes of key material), ``ca`` (the CA directory, its index
and CRL signing), ``issue`` (a key and certificate made here), ``csr`` (signing requests, made and
signed) and ``crl`` (revocation). Callers import from here.
"""

from __future__ import annotations

from edged.provisioning.pki.ca import init_ca, list_certs
from edged.provisioning.pki.checks import parse_san, validate_id
from edged.provisioning.pki.crl import parse_serial, read_crl, renew_crl, revoke
from edged.provisioning.pki.csr import create_csr, renew_csr, sign_csr
from edged.provisioning.pki.files import write_file_atomic
from edged.provisioning.pki.issue import issue
from edged.provisioning.pki.records import (
    CA_CERT,
    CA_KEY,
    CLOCK_SKEW,
    CRL_FILE,
    DEFAULT_CA_DAYS,
    DEFAULT_CA_NAME,
    DEFAULT_CRL_DAYS,
    DEFAULT_LEAF_DAYS,
    INDEX_FILE,
    INDEX_FORMAT,
    ISSUED_DIR,
    KINDS,
    CaFiles,
    CertKind,
    CertRecord,
    CrlInfo,
    CsrFiles,
    IssuedCert,
)

__all__ = [
    "CA_CERT",
    "CA_KEY",
    "CLOCK_SKEW",
    "CRL_FILE",
    "DEFAULT_CA_DAYS",
    "DEFAULT_CA_NAME",
    "DEFAULT_CRL_DAYS",
    "DEFAULT_LEAF_DAYS",
    "INDEX_FILE",
    "INDEX_FORMAT",
    "ISSUED_DIR",
    "KINDS",
    "CaFiles",
    "CertKind",
    "CertRecord",
    "CrlInfo",
    "CsrFiles",
    "IssuedCert",
    "create_csr",
    "init_ca",
    "issue",
    "list_certs",
    "parse_san",
    "parse_serial",
    "read_crl",
    "renew_crl",
    "renew_csr",
    "revoke",
    "sign_csr",
    "validate_id",
    "write_file_atomic",
]
