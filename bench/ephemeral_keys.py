"""Random keys for one benchmark run: its database is thrown away, so no key needs keeping."""
import os
import secrets

from cryptography.fernet import Fernet


def install() -> None:
    """Set the data and pseudonym keys for this process unless the caller set them."""
    os.environ.setdefault("LEVENSLOOP_DATA_KEYS", Fernet.generate_key().decode("ascii"))
    os.environ.setdefault("LEVENSLOOP_PSEUDONYM_KEY", secrets.token_urlsafe(32))
    os.environ.setdefault("LEVENSLOOP_AUDIT_KEY", secrets.token_urlsafe(32))
