"""POST /api/v1/auth/token and the bearer token every other endpoint needs."""
import pytest
from sqlalchemy import delete

from engine.persistence.tables import User
from tests.api.conftest import error


def test_token_for_valid_credentials(client, login):
    login("aanmelder", "procesregisseur", username="anna")
    response = client.post("/api/v1/auth/token", json={"username": "anna", "password": "geheim-wachtwoord"})
    assert response.status_code == 200
    assert (response.json["username"], response.json["roles"]) == ("anna", ["aanmelder", "procesregisseur"])
    tasks = client.get("/api/v1/tasks", headers={"Authorization": f"Bearer {response.json['token']}"})
    assert tasks.status_code == 200


@pytest.mark.parametrize("credentials", [
    {"username": "anna", "password": "fout"},
    {"username": "niemand", "password": "geheim-wachtwoord"},
])
def test_wrong_credentials_are_401(client, login, credentials):
    login("aanmelder", username="anna")
    error(client.post("/api/v1/auth/token", json=credentials), 401, "unauthorized")


@pytest.mark.parametrize("body", [{"username": "anna"}, {"username": "", "password": "x"},
                                  {"username": "anna", "password": "x", "rol": "beheerder"}])
def test_malformed_token_request_is_422_with_fields(client, body):
    assert error(client.post("/api/v1/auth/token", json=body), 422, "invalid")["fields"]


@pytest.mark.parametrize("kwargs", [{"data": "niet-json", "content_type": "application/json"},
                                    {"json": ["anna", "geheim"]}, {"data": "username=anna"}])
def test_a_body_that_is_not_a_json_object_is_422(client, kwargs):
    error(client.post("/api/v1/auth/token", **kwargs), 422, "invalid")


@pytest.mark.parametrize("path", ["/api/v1/tasks", "/api/v1/process-models", "/api/v1/process-instances",
                                  "/api/v1/process-instances/x", "/api/v1/tasks/x"])
@pytest.mark.parametrize("header", [None, "Bearer", "Bearer onzin", "Basic YW5uYTpnZWhlaW0=", "onzin"])
def test_reads_without_a_valid_token_are_401(client, path, header):
    headers = {"Authorization": header} if header else {}
    error(client.get(path, headers=headers), 401)


@pytest.mark.parametrize("path", ["/api/v1/process-models", "/api/v1/process-instances", "/api/v1/messages",
                                  "/api/v1/tasks/x/complete", "/api/v1/process-instances/x/cancel",
                                  "/api/v1/process-instances/x/retry"])
def test_writes_without_a_token_are_401(client, path):
    error(client.post(path, json={}), 401, "unauthorized")


def test_token_signed_with_another_key_is_401(app, client, login):
    headers = login("aanmelder")
    app.config["SECRET_KEY"] = "een-andere-sleutel"
    error(client.get("/api/v1/tasks", headers=headers), 401, "unauthorized")


def test_expired_token_is_401(app, client, login):
    headers = login("aanmelder")
    app.config["TOKEN_MAX_AGE"] = -1
    error(client.get("/api/v1/tasks", headers=headers), 401, "token_expired")


def test_token_of_a_removed_user_is_401(rt, client, login):
    headers = login("aanmelder")
    with rt.uow() as uow:
        uow.session.execute(delete(User))
        uow.commit()
    error(client.get("/api/v1/tasks", headers=headers), 401, "unauthorized")
