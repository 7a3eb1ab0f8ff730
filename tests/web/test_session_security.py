"""Login, session expiry, CSRF and security headers of the web UI."""
from datetime import timedelta

import pytest

from engine.security import users
from tests.web.conftest import PASSWORD, csrf_of


def test_pages_need_login_and_remember_the_page(client):
    response = client.get("/taken?rol=aanmelder")
    assert response.status_code == 302
    assert response.headers["Location"] == "/inloggen?next=/taken?rol%3Daanmelder"


def test_login_returns_to_remembered_page(rt, client):
    users.add_user(rt, "anna", PASSWORD, ["aanmelder"])
    token = csrf_of(client.get("/inloggen?next=/zaken").get_data(as_text=True))
    response = client.post("/inloggen", data={"username": "anna", "password": PASSWORD, "csrf_token": token,
                                              "next": "/zaken"})
    assert response.status_code == 303 and response.headers["Location"] == "/zaken"


@pytest.mark.parametrize("target", ["//evil.example/x", "https://evil.example/", "javascript:alert(1)"])
def test_login_never_redirects_off_site(rt, client, target):
    users.add_user(rt, "anna", PASSWORD, ["aanmelder"])
    token = csrf_of(client.get("/inloggen").get_data(as_text=True))
    response = client.post("/inloggen", data={"username": "anna", "password": PASSWORD, "csrf_token": token,
                                              "next": target})
    assert response.headers["Location"] == "/"  # home: the first page the role may use


def test_idle_session_expires_back_to_login(client, web_login, clock, app):
    web_login("aanmelder")
    assert client.get("/taken").status_code == 200
    clock.advance(timedelta(seconds=app.config["WEB_SESSION_IDLE_SECONDS"] + 1))
    response = client.get("/zaken")
    assert response.headers["Location"] == "/inloggen?next=/zaken"
    assert "Uw sessie is verlopen" in client.get(response.headers["Location"]).get_data(as_text=True)


def test_post_without_csrf_token_does_nothing(client, web_login):
    web_login("aanmelder")
    response = client.post("/uitloggen", data={"csrf_token": "verkeerd"})
    assert response.status_code == 303 and response.headers["Location"] == "/uitloggen"
    assert client.get("/taken").status_code == 200  # still logged in


def test_logout_ends_the_session(client, web_login):
    token = web_login("aanmelder")
    client.post("/uitloggen", data={"csrf_token": token})
    assert client.get("/taken").status_code == 302


def test_session_cookie_and_security_headers(rt, client):
    users.add_user(rt, "anna", PASSWORD, ["aanmelder"])
    page = client.get("/inloggen")
    cookie = page.headers["Set-Cookie"]
    assert "HttpOnly" in cookie and "SameSite=Lax" in cookie
    for response in (page, client.get("/api/v1/process-models")):
        assert response.headers["X-Frame-Options"] == "DENY"
        assert response.headers["X-Content-Type-Options"] == "nosniff"
        assert response.headers["Referrer-Policy"] == "same-origin"
        assert "default-src 'self'" in response.headers["Content-Security-Policy"]
        assert "unsafe-inline" not in response.headers["Content-Security-Policy"]


def test_wrong_password_is_refused_in_dutch(rt, client):
    users.add_user(rt, "anna", PASSWORD, ["aanmelder"])
    token = csrf_of(client.get("/inloggen").get_data(as_text=True))
    response = client.post("/inloggen", data={"username": "anna", "password": "fout", "csrf_token": token})
    assert response.status_code == 401
    assert "Onjuiste gebruikersnaam of wachtwoord." in response.get_data(as_text=True)
