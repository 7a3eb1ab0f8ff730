"""Web logout ends the session on the server: a copy of the cookie taken before is refused afterwards."""
from tests.web.conftest import PASSWORD


def _replay(app, cookie: str):
    """A second browser holding a copy of the session cookie."""
    thief = app.test_client()
    thief.set_cookie("session", cookie)
    return thief


def test_a_session_cookie_replayed_after_logout_is_refused(app, client, web_login):
    token = web_login("aanmelder")
    copied = client.get_cookie("session").value
    assert _replay(app, copied).get("/taken").status_code == 200  # the copy works while logged in
    client.post("/uitloggen", data={"csrf_token": token})
    response = _replay(app, copied).get("/taken")
    assert response.status_code == 302 and response.headers["Location"].startswith("/inloggen")


def test_web_logout_also_ends_the_users_api_tokens(client, web_login):
    token = web_login("aanmelder")
    api = client.post("/api/v1/auth/token", json={"username": "aanmelder", "password": PASSWORD}).json["token"]
    client.post("/uitloggen", data={"csrf_token": token})
    assert client.get("/api/v1/tasks", headers={"Authorization": f"Bearer {api}"}).status_code == 401


def test_logging_in_again_after_logout_works(client, web_login):
    token = web_login("aanmelder")
    client.post("/uitloggen", data={"csrf_token": token})
    web_login(username="aanmelder")
    assert client.get("/taken").status_code == 200


def test_a_beheerder_revocation_ends_a_web_session(app, client, web_login):
    web_login("aanmelder")
    result = app.test_cli_runner().invoke(args=["users", "revoke", "aanmelder"])
    assert result.exit_code == 0, result.output
    assert client.get("/taken").status_code == 302
