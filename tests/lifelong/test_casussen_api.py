"""The casussen API: register, list, one casus with its chain, a message to a casus."""
import pytest

from tests.lifelong.conftest import INCLUSION, MODELS, PERSON, add_duo_workers

REGISTRATION = {"person": PERSON, "region": "Gelderland-Zuid", "process_model": "cycle_intake"}


@pytest.fixture
def registered(rt, client, login, deploy):
    deploy(*MODELS)
    add_duo_workers(rt)
    headers = login("procesregisseur")
    response = client.post("/api/v1/casussen", json=REGISTRATION, headers=headers)
    assert response.status_code == 201, response.json
    return response.json, headers


def test_register_then_read_the_casus_with_its_chain(client, registered):
    created, headers = registered
    assert created["status"] == "aangemeld" and created["person"] == PERSON
    [task] = created["current_tasks"]
    done = client.post(f"/api/v1/tasks/{task['id']}/complete", json={"data": INCLUSION}, headers=headers)
    assert done.status_code == 200, done.json
    casus = client.get(f"/api/v1/casussen/{created['id']}", headers=headers).json
    assert casus["status"] == "geincludeerd" and casus["cycle"] == 1
    assert [(i["cycle"], i["process_model"]) for i in casus["instances"]] == [(0, "cycle_intake"), (1, "cycle_monthly")]
    assert [t["element"] for t in casus["current_tasks"]] == ["evaluatie"]
    assert casus["timeline"][-1]["type"] == "started" and casus["timeline"][-1]["cycle"] == 1
    listed = client.get("/api/v1/casussen", headers=headers).json
    assert [c["id"] for c in listed] == [created["id"]] and "person" not in listed[0]


def test_a_message_to_the_casus(client, login, registered):
    created, headers = registered
    url = f"/api/v1/casussen/{created['id']}/messages"
    refused = client.post(url, json={"name": "signaal", "payload": {}}, headers=headers)
    assert refused.status_code == 404 and "signaal" in refused.json["message"]
    client.post(f"/api/v1/tasks/{created['current_tasks'][0]['id']}/complete", json={"data": INCLUSION},
                headers=headers)
    delivered = client.post(url, json={"name": "signaal", "payload": {"tekst": "x"}}, headers=headers)
    assert delivered.status_code == 200 and len(delivered.json["delivered_to"]) == 1


@pytest.mark.parametrize("body, field", [
    ({"region": "Gelderland-Zuid"}, "person"),
    ({**REGISTRATION, "person": {"naam": ""}}, "person.naam"),
    ({**REGISTRATION, "extra": 1}, "extra"),
])
def test_register_refuses_bad_input_with_field_errors(client, registered, body, field):
    _, headers = registered
    response = client.post("/api/v1/casussen", json=body, headers=headers)
    assert response.status_code == 422 and field in response.json["fields"]


def test_other_regions_and_the_adviestafel_see_only_what_they_may(client, login, registered):
    created, _ = registered
    elsewhere = login("casemanager_zorg", username="cm_ellen", region="Gelderland-Midden")
    hidden = client.get(f"/api/v1/casussen/{created['id']}", headers=elsewhere)
    assert hidden.status_code == 404 and hidden.json["message"] == f"Casus '{created['id']}' bestaat niet."
    assert client.get("/api/v1/casussen", headers=elsewhere).json == []
    not_referred = client.get(f"/api/v1/casussen/{created['id']}", headers=login("adviestafel"))
    assert not_referred.status_code == 404
    assert client.get("/api/v1/casussen/onbekend", headers=login("coordinator")).status_code == 404


def test_the_casussen_endpoints_are_documented(client):
    paths = client.get("/api/v1/openapi.json").json["paths"]
    assert {"post", "get"} <= set(paths["/api/v1/casussen"])
    assert "get" in paths["/api/v1/casussen/{casus_id}"] and "post" in paths["/api/v1/casussen/{casus_id}/messages"]


def test_cancelling_the_running_cycle_over_http_asks_for_the_casus_decision(client, registered):
    created, headers = registered
    url = f"/api/v1/process-instances/{created['current_instance']}/cancel"
    refused = client.post(url, headers=headers)
    assert refused.status_code == 409 and "afsluiten" in refused.json["message"]
    wrong = client.post(url, json={"casus_besluit": "afsluiten"}, headers=headers)
    assert (wrong.status_code, list(wrong.json["fields"])) == (422, ["reden"])
    done = client.post(url, json={"casus_besluit": "afsluiten", "reden": "Overleden"}, headers=headers)
    assert (done.status_code, done.json["status"]) == (200, "cancelled")
    assert client.get(f"/api/v1/casussen/{created['id']}", headers=headers).json["status"] == "afgesloten"
