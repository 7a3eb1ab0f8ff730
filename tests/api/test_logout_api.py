"""POST /api/v1/auth/logout, and a beheerder revoking another user's tokens (API and CLI)."""
import pytest

from tests.api.conftest import error

PASSWORD = "geheim-wachtwoord"


def test_logout_revokes_the_token_with_a_dutch_message(client, login):
    headers = login("aanmelder")
    assert client.get("/api/v1/tasks", headers=headers).status_code == 200
    assert client.post("/api/v1/auth/logout", headers=headers).status_code == 204
    body = error(client.get("/api/v1/tasks", headers=headers), 401, "token_revoked")
    assert "ingetrokken" in body["message"]
    error(client.post("/api/v1/auth/logout", headers=headers), 401, "token_revoked")


def test_a_new_token_after_logout_works(client, login):
    headers = login("aanmelder")
    client.post("/api/v1/auth/logout", headers=headers)
    fresh = client.post("/api/v1/auth/token", json={"username": "aanmelder", "password": PASSWORD}).json["token"]
    assert client.get("/api/v1/tasks", headers={"Authorization": f"Bearer {fresh}"}).status_code == 200


def test_logout_without_a_token_is_401(client):
    error(client.post("/api/v1/auth/logout"), 401, "unauthorized")


def test_a_beheerder_revokes_every_token_of_a_user(client, login):
    anna = login("aanmelder", username="anna")
    other_device = {"Authorization": "Bearer " + client.post(
        "/api/v1/auth/token", json={"username": "anna", "password": PASSWORD}).json["token"]}
    beheerder = login("beheerder")
    assert client.post("/api/v1/users/anna/revoke-sessions", headers=beheerder).status_code == 204
    for headers in (anna, other_device):
        error(client.get("/api/v1/tasks", headers=headers), 401, "token_revoked")
    assert client.get("/api/v1/process-models", headers=beheerder).status_code == 200  # own token untouched


@pytest.mark.parametrize("role", ["aanmelder", "auditor", "proceseigenaar"])
def test_only_a_beheerder_may_revoke(client, login, role):
    login("aanmelder", username="anna")
    error(client.post("/api/v1/users/anna/revoke-sessions", headers=login(role)), 403)


def test_revoking_an_unknown_user_is_404(client, login):
    error(client.post("/api/v1/users/niemand/revoke-sessions", headers=login("beheerder")), 404)


def test_cli_revoke_ends_the_users_tokens(app, client, login):
    headers = login("aanmelder", username="anna")
    result = app.test_cli_runner().invoke(args=["users", "revoke", "anna"])
    assert result.exit_code == 0 and "ingetrokken" in result.output
    error(client.get("/api/v1/tasks", headers=headers), 401, "token_revoked")


def test_cli_revoke_of_an_unknown_user_exits_1_in_dutch(app):
    result = app.test_cli_runner().invoke(args=["users", "revoke", "niemand"])
    assert result.exit_code == 1 and "bestaat niet" in result.output and "Traceback" not in result.output
