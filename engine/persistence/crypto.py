"""Personal data at rest: JSON columns encrypted with Fernet under a key ring from the environment.

``LEVENSLOOP_DATA_KEYS`` holds comma-separated Fernet keys, newest first: new values are encrypted
with the first, and every key still decrypts, so keys can be rotated without downtime (see
``engine.key_rotation``). The ring is installed explicitly by ``build_runtime``; a column read or
written before that is an error rather than a silent plaintext write.
"""
import json
import os

from cryptography.fernet import Fernet, InvalidToken, MultiFernet
from sqlalchemy import Text, TypeDecorator

ENV_KEYS = "LEVENSLOOP_DATA_KEYS"


class KeyRingError(RuntimeError):
    """The key ring is missing, malformed, or lacks the key a stored value was encrypted with."""


class KeyRing:
    """Fernet keys, newest first: the first encrypts, all decrypt."""

    def __init__(self, keys: list[str]):
        if not keys:
            raise KeyRingError(f"{ENV_KEYS} bevat geen sleutels.")
        try:
            self._fernets = [Fernet(key.encode()) for key in keys]
        except (ValueError, TypeError) as err:
            raise KeyRingError(f"{ENV_KEYS} bevat een ongeldige Fernet-sleutel: {err}") from err
        self._ring = MultiFernet(self._fernets)

    def encrypt(self, plaintext: bytes) -> str:
        return self._ring.encrypt(plaintext).decode("ascii")

    def decrypt(self, token: str) -> bytes:
        try:
            return self._ring.decrypt(token.encode("ascii"))
        except InvalidToken as err:
            raise KeyRingError("Een versleutelde waarde past bij geen van de sleutels in "
                               f"{ENV_KEYS}; is een oude sleutel te vroeg verwijderd?") from err

    def is_current(self, token: str) -> bool:
        """Whether ``token`` was encrypted with the newest key (rotation skips it)."""
        try:
            self._fernets[0].decrypt(token.encode("ascii"))
        except InvalidToken:
            return False
        return True

    def rotate(self, token: str) -> str:
        """The same plaintext encrypted with the newest key (keeps the token's timestamp)."""
        try:
            return self._ring.rotate(token.encode("ascii")).decode("ascii")
        except InvalidToken as err:
            raise KeyRingError(f"Een waarde past bij geen van de sleutels in {ENV_KEYS}.") from err


_installed: KeyRing | None = None


def generate_key() -> str:
    return Fernet.generate_key().decode("ascii")


def keys_from_environment(environ=os.environ) -> list[str]:
    """The configured keys; none set is an empty list (there is no public fallback key)."""
    return [k.strip() for k in environ.get(ENV_KEYS, "").split(",") if k.strip()]


def install(keys: list[str]) -> KeyRing | None:
    """Make ``keys`` the ring every encrypted column uses in this process; no keys: none (reads fail)."""
    global _installed
    _installed = KeyRing(keys) if keys else None
    return _installed


def key_ring() -> KeyRing:
    if _installed is None:
        raise KeyRingError(f"Geen sleutelring: zet {ENV_KEYS} (levensloop keys generate) en bouw de runtime.")
    return _installed


class EncryptedJSON(TypeDecorator):
    """A JSON value stored as one Fernet token in a text column; NULL stays NULL (a purged value)."""

    impl = Text
    cache_ok = True

    def process_bind_param(self, value, dialect):
        if value is None:
            return None
        plaintext = json.dumps(value, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
        return key_ring().encrypt(plaintext)

    def process_result_value(self, value, dialect):
        if value is None:
            return None
        return json.loads(key_ring().decrypt(value))
