"""No public secrets: servers refuse to start without installation keys; documented keys sign nothing."""
import json
from pathlib import Path

import pytest
from flask.sessions import SecureCookieSessionInterface
from itsdangerous import URLSafeTimedSerializer

from api import create_app, secrets_config
from engine.security import users

PROJECT = Path(__file__).resolve().parents[2]
#: Every secret key value ever documented or defaulted in this project.
DOCUMENTED_KEYS = ["dev-only-change-me", "test-secret", "screenshots", "een-andere-sleutel"]


def forged_token(key: str, username: str) -> str:
    return URLSafeTimedSerializer(key, salt="levensloop-api-token").dumps({"u": username, "g": 0})  # a new user is at generation 0


def signed_cookie(rt, key: str, username: str) -> str:
    """A web session cookie for ``username`` as Flask would sign it with ``key``."""
    signer = type("Signer", (), {"secret_key": key, "config": {"SECRET_KEY_FALLBACKS": []}})()
    session = {"user": username, "gen": 0, "seen": rt.clock.now().timestamp()}
    return SecureCookieSessionInterface().get_signing_serializer(signer).dumps(session)


@pytest.fixture
def auditor(rt):
    users.add_user(rt, "auditor", "geheim-wachtwoord", ["auditor"], "Gelderland-Zuid")
    return "auditor"


@pytest.mark.parametrize("key", DOCUMENTED_KEYS)
def test_a_token_forged_with_a_documented_key_is_401(client, auditor, key):
    response = client.get("/api/v1/access-log", headers={"Authorization": f"Bearer {forged_token(key, auditor)}"})
    assert response.status_code == 401


def test_a_session_cookie_signed_with_the_installation_key_is_logged_in(rt, app, client, auditor):
    client.set_cookie(app.config["SESSION_COOKIE_NAME"], signed_cookie(rt, app.secret_key, auditor))
    assert client.get("/audit/toegang").status_code == 200


@pytest.mark.parametrize("key", DOCUMENTED_KEYS)
def test_a_session_cookie_forged_with_a_documented_key_is_not_logged_in(rt, app, client, auditor, key):
    client.set_cookie(app.config["SESSION_COOKIE_NAME"], signed_cookie(rt, key, auditor))
    response = client.get("/audit/toegang")
    assert response.status_code == 302 and "/inloggen" in response.headers["Location"]


def test_without_a_configured_key_the_app_signs_with_a_random_one(rt, monkeypatch):
    monkeypatch.delenv("LEVENSLOOP_SECRET_KEY", raising=False)
    first = create_app({"TESTING": True}, runtime=rt).config["SECRET_KEY"]
    second = create_app({"TESTING": True}, runtime=rt).config["SECRET_KEY"]
    assert first != second and first not in DOCUMENTED_KEYS and len(first) >= 32


def test_an_old_key_in_the_fallbacks_still_verifies_a_token(rt, auditor, monkeypatch):
    monkeypatch.setenv("LEVENSLOOP_SECRET_KEY", "nieuwe-installatiesleutel-0123456789")
    monkeypatch.setenv("LEVENSLOOP_SECRET_KEY_FALLBACKS", "oude-installatiesleutel-0123456789")
    client = create_app({"TESTING": True}, runtime=rt).test_client()
    old = forged_token("oude-installatiesleutel-0123456789", auditor)
    assert client.get("/api/v1/access-log", headers={"Authorization": f"Bearer {old}"}).status_code == 200
    monkeypatch.delenv("LEVENSLOOP_SECRET_KEY_FALLBACKS")
    client = create_app({"TESTING": True}, runtime=rt).test_client()
    assert client.get("/api/v1/access-log", headers={"Authorization": f"Bearer {old}"}).status_code == 401


@pytest.mark.parametrize("command", [["serve"], ["scheduler"]])
@pytest.mark.parametrize("unset", secrets_config.REQUIRED)
def test_servers_refuse_to_start_naming_the_missing_variable(app, monkeypatch, command, unset):
    monkeypatch.delenv("LEVENSLOOP_MODE", raising=False)
    monkeypatch.delenv(unset)
    result = app.test_cli_runner().invoke(args=command)
    assert result.exit_code == 1
    assert "Niet gestart" in result.output and unset in result.output
    assert "Traceback" not in result.output


def test_demo_mode_creates_random_installation_keys_once(tmp_path):
    first, second, other = {}, {}, {}
    secrets_config.load_demo_secrets(str(tmp_path), first)
    secrets_config.load_demo_secrets(str(tmp_path), second)
    secrets_config.load_demo_secrets(str(tmp_path / "elders"), other)
    assert first == second and set(first) == set(secrets_config.REQUIRED)
    assert all(first[name] != other[name] for name in secrets_config.REQUIRED)
    assert (tmp_path / "secrets.json").stat().st_mode & 0o077 == 0
    assert json.loads((tmp_path / "secrets.json").read_text()) == first
    secrets_config.require_secrets({**first})  # complete: no refusal


def test_an_older_demo_secrets_file_gains_the_missing_audit_key(tmp_path):
    old = {"LEVENSLOOP_SECRET_KEY": "s", "LEVENSLOOP_DATA_KEYS": "d",
           "LEVENSLOOP_PSEUDONYM_KEY": "p"}
    (tmp_path / "secrets.json").write_text(json.dumps(old))
    loaded = {}
    secrets_config.load_demo_secrets(str(tmp_path), loaded)
    assert loaded == {**old, "LEVENSLOOP_AUDIT_KEY": loaded["LEVENSLOOP_AUDIT_KEY"]}
    assert len(loaded["LEVENSLOOP_AUDIT_KEY"]) >= 32
    assert json.loads((tmp_path / "secrets.json").read_text()) == loaded
    assert (tmp_path / "secrets.json").stat().st_mode & 0o077 == 0


def test_demo_mode_lets_servers_start_without_environment_keys():
    secrets_config.require_secrets({"LEVENSLOOP_MODE": "demo"})


@pytest.mark.parametrize("folder", ["api", "engine"])
def test_no_public_default_key_remains_in_the_code(folder):
    for path in (PROJECT / folder).rglob("*.py"):
        text = path.read_text()
        assert "dev-only-change-me" not in text and "ontwikkelsleutel" not in text, path
