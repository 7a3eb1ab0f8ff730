"""The installation's audit key: chain hashes are HMAC-SHA-256 under it, so rewriting a chain and
recomputing its hashes takes the key, not only write access to the database."""
import os

from engine.errors import EngineError

AUDIT_KEY_ENV = "LEVENSLOOP_AUDIT_KEY"


def audit_key(environ=os.environ) -> bytes:
    """The key, read when a hash is made or checked; unset, nothing is hashed (no public fallback)."""
    value = environ.get(AUDIT_KEY_ENV, "").strip()
    if not value:
        raise EngineError(f"{AUDIT_KEY_ENV} is niet gezet: zonder auditsleutel wordt de audittrail niet bijgewerkt "
                          "of gecontroleerd.")
    return value.encode("utf-8")
