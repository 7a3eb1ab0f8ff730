"""Installation secrets: required outside demo/test mode, generated per installation in demo mode.

No documented value ever signs or encrypts anything: ``serve`` and ``scheduler`` refuse to start
unless every variable in ``REQUIRED`` is set, except with ``LEVENSLOOP_MODE=demo`` (``make run``),
which creates random keys once under ``instance/secrets.json`` (git-ignored) and uses those.
"""
import json
import os
import secrets
from pathlib import Path

import click
from cryptography.fernet import Fernet

from engine.audit.audit_key import AUDIT_KEY_ENV

SECRET_KEY_ENV = "LEVENSLOOP_SECRET_KEY"
#: Older secret keys, comma-separated: still accepted for tokens and cookies during a rotation.
SECRET_KEY_FALLBACKS_ENV = "LEVENSLOOP_SECRET_KEY_FALLBACKS"
MODE_ENV = "LEVENSLOOP_MODE"
REQUIRED = (SECRET_KEY_ENV, "LEVENSLOOP_DATA_KEYS", "LEVENSLOOP_PSEUDONYM_KEY", AUDIT_KEY_ENV)


def demo_mode(environ=os.environ) -> bool:
    return environ.get(MODE_ENV, "").strip().lower() == "demo"


def _generated() -> dict[str, str]:
    return {SECRET_KEY_ENV: secrets.token_urlsafe(48),
            "LEVENSLOOP_DATA_KEYS": Fernet.generate_key().decode("ascii"),
            "LEVENSLOOP_PSEUDONYM_KEY": secrets.token_urlsafe(48),
            AUDIT_KEY_ENV: secrets.token_urlsafe(48)}


def load_demo_secrets(instance_path: str, environ=os.environ) -> None:
    """Fill unset secrets from ``instance/secrets.json``, creating it (mode 0600) on first use.

    A file of an older version lacks keys added since (the audit key): those are generated and added,
    the keys it holds stay as they are.
    """
    path = Path(instance_path) / "secrets.json"
    stored = json.loads(path.read_text()) if path.exists() else {}
    if not set(REQUIRED) <= set(stored):
        _write_private(path, {**_generated(), **stored})
        stored = json.loads(path.read_text())
    for name, value in stored.items():
        environ.setdefault(name, value)


def _write_private(path: Path, values: dict[str, str]) -> None:
    """Write ``values`` to ``path`` readable by the owner only (mode 0600), replacing it whole."""
    path.parent.mkdir(parents=True, exist_ok=True)
    partial = path.with_suffix(".tmp")
    partial.unlink(missing_ok=True)
    fd = os.open(partial, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(fd, "w") as out:
        json.dump(values, out)
    os.replace(partial, path)


def missing(environ=os.environ) -> list[str]:
    return [name for name in REQUIRED if not environ.get(name, "").strip()]


def refusal(environ=os.environ) -> str | None:
    """Why a server may not start (each unset variable named, in Dutch and English), or None."""
    absent = missing(environ)
    if not absent or demo_mode(environ):
        return None
    names = ", ".join(absent)
    return (f"Niet gestart: zet eerst {names} (geheime sleutels; zie README, 'levensloop keys generate'), "
            f"of {MODE_ENV}=demo voor een demo. / Not started: set {names} first, or {MODE_ENV}=demo.")


def require_secrets(environ=os.environ) -> None:
    """Stop a server command (``serve``, ``scheduler``) unless every secret is set."""
    reason = refusal(environ)
    if reason:
        raise click.ClickException(reason)


def secret_key(environ=os.environ) -> str:
    """The configured secret key; unset, a random per-process key (nothing public signs a token)."""
    return environ.get(SECRET_KEY_ENV, "").strip() or secrets.token_urlsafe(48)


def secret_key_fallbacks(environ=os.environ) -> list[str]:
    return [k.strip() for k in environ.get(SECRET_KEY_FALLBACKS_ENV, "").split(",") if k.strip()]
