"""Web UI fixtures: a logged-in test client (session cookie + CSRF token), on the shared app fixture."""
import re

import pytest

from engine.security import users
from tests.scenarios.conftest import PASSWORD, driver  # noqa: F401 (fixture shared with the scenarios)


def csrf_of(html: str) -> str:
    return re.search(r'name="csrf_token" value="([^"]+)"', html).group(1)


@pytest.fixture
def web_login(rt, client):
    """Create a user with the given roles, log in through the form; returns the CSRF token."""

    def _login(*roles: str, username: str | None = None) -> str:
        name = username or "_".join(roles)
        if roles:  # without roles: an existing user, e.g. a duo worker of the driver
            users.add_user(rt, name, PASSWORD, list(roles), "Gelderland-Zuid")
        token = csrf_of(client.get("/inloggen").get_data(as_text=True))
        response = client.post("/inloggen", data={"username": name, "password": PASSWORD, "csrf_token": token})
        assert response.status_code == 303, response.get_data(as_text=True)
        return csrf_of(client.get("/procesmodellen").get_data(as_text=True))

    return _login

