"""Web UI fixtures: a logged-in test client (session cookie + CSRF token), on the shared app fixture."""
import re

import pytest

from engine import users

PASSWORD = "geheim-wachtwoord"


def csrf_of(html: str) -> str:
    return re.search(r'name="csrf_token" value="([^"]+)"', html).group(1)


@pytest.fixture
def web_login(rt, client):
    """Create a user with the given roles, log in through the form; returns the CSRF token."""

    def _login(*roles: str, username: str | None = None) -> str:
        name = username or "_".join(roles)
        users.add_user(rt, name, PASSWORD, list(roles), "Gelderland-Zuid")
        token = csrf_of(client.get("/inloggen").get_data(as_text=True))
        response = client.post("/inloggen", data={"username": name, "password": PASSWORD, "csrf_token": token})
        assert response.status_code == 303, response.get_data(as_text=True)
        return csrf_of(client.get("/taken" if any(r not in ("proceseigenaar", "auditor") for r in roles)
                                  else "/procesmodellen").get_data(as_text=True))

    return _login
