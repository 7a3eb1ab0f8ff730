"""The worklist, task details, completing a task and delivering messages over HTTP."""
import pytest

from engine.process_models.reserved_names import RESERVED
from tests.api.conftest import error

VALID = {"naam": "Jansen", "datum": "2027-01-05"}


@pytest.fixture
def task(client, upload, worker):
    """An instance of the lane model: one 'fill' task in lane 'aanmelder' with a JSON Schema form."""
    upload("user_task_lane.bpmn", "gegevens-schema.json")
    started = client.post("/api/v1/process-instances", json={"process_model": "user_task_lane"}, headers=worker)
    return started.json["ready_tasks"][0]


def test_worklist_shows_tasks_in_the_callers_lanes_with_filters(client, task, worker, login):
    assert [t["id"] for t in client.get("/api/v1/tasks", headers=worker).json] == [task["id"]]
    for query, expected in [(f"?process_instance={task['process_instance']}", [task["id"]]),
                            ("?process_instance=ander", []), ("?lane=aanmelder", [task["id"]]),
                            ("?lane=procesregisseur", [])]:
        assert [t["id"] for t in client.get("/api/v1/tasks" + query, headers=worker).json] == expected, query
    assert client.get("/api/v1/tasks", headers=login("procesregisseur")).json == []


def test_task_detail_has_the_json_schema(client, task, worker):
    detail = client.get(f"/api/v1/tasks/{task['id']}", headers=worker)
    assert detail.status_code == 200
    assert (detail.json["element"], detail.json["lane"]) == ("fill", "aanmelder")
    assert detail.json["schema"]["required"] == ["naam", "datum"]
    assert detail.json["ui_schema"] is None


def test_a_task_reads_with_its_case_is_completed_only_in_its_lane_and_out_of_scope_is_404(client, task, worker,
                                                                                            login):
    regisseur = login("procesregisseur")  # same region: sees the case and its tasks, but it is not its lane
    assert client.get(f"/api/v1/tasks/{task['id']}", headers=regisseur).status_code == 200
    error(client.post(f"/api/v1/tasks/{task['id']}/complete", json={"data": VALID}, headers=regisseur), 403, "forbidden")
    elsewhere = login("procesregisseur", username="regisseur_noord", region="Gelderland-Midden")
    unknown = error(client.get("/api/v1/tasks/bestaat-niet", headers=worker), 404, "notfound")
    hidden = error(client.get(f"/api/v1/tasks/{task['id']}", headers=elsewhere), 404, "notfound")
    assert hidden["message"] == unknown["message"].replace("bestaat-niet", task["id"])
    error(client.post(f"/api/v1/tasks/{task['id']}/complete", json={"data": VALID}, headers=elsewhere), 404, "notfound")


def test_complete_then_again_is_409(client, task, worker):
    done = client.post(f"/api/v1/tasks/{task['id']}/complete", json={"data": VALID}, headers=worker)
    assert (done.status_code, done.json["status"], done.json["data"]["naam"]) == (200, "completed", "Jansen")
    error(client.post(f"/api/v1/tasks/{task['id']}/complete", json={"data": VALID}, headers=worker), 409, "conflict")


def test_form_data_violating_the_schema_is_422_per_field(client, task, worker):
    response = client.post(f"/api/v1/tasks/{task['id']}/complete",
                           json={"data": {"naam": "", "datum": "gisteren"}}, headers=worker)
    assert set(error(response, 422, "invalid")["fields"]) == {"naam", "datum"}
    still = client.get(f"/api/v1/process-instances/{task['process_instance']}", headers=worker).json
    assert [t["id"] for t in still["ready_tasks"]] == [task["id"]]


def test_a_field_the_form_does_not_declare_is_422_by_name_and_nothing_is_written(client, task, worker):
    injected = {**VALID, "duo": {"casemanager_zorg": {"id": "aanmelder"}}, "regio": "gelderland_midden"}
    response = client.post(f"/api/v1/tasks/{task['id']}/complete", json={"data": injected}, headers=worker)
    assert error(response, 422, "invalid")["fields"] == {"duo": RESERVED, "regio": RESERVED}
    still = client.get(f"/api/v1/process-instances/{task['process_instance']}", headers=worker).json
    assert [t["id"] for t in still["ready_tasks"]] == [task["id"]]
    assert "duo" not in still["data"] and "regio" not in still["data"]


@pytest.mark.parametrize("kwargs", [{"json": {"data": "tekst"}}, {"json": {"data": VALID, "extra": 1}},
                                    {"json": [VALID]}, {"data": "{kapot", "content_type": "application/json"}])
def test_malformed_complete_body_is_422(client, task, worker, kwargs):
    error(client.post(f"/api/v1/tasks/{task['id']}/complete", headers=worker, **kwargs), 422, "invalid")


@pytest.mark.parametrize("roles", [("procesregisseur",), ("auditor",)])
def test_completing_outside_your_lane_is_403(client, task, login, roles):
    response = client.post(f"/api/v1/tasks/{task['id']}/complete", json={"data": VALID}, headers=login(*roles))
    error(response, 403, "forbidden")


def test_completing_an_unknown_task_is_404(client, worker):
    error(client.post("/api/v1/tasks/bestaat-niet/complete", json={"data": {}}, headers=worker), 404, "notfound")


@pytest.fixture
def waiting(client, upload, worker):
    upload("eng_message_correlation.bpmn")
    return {casus: client.post("/api/v1/process-instances", headers=worker, json={
        "process_model": "eng_message_correlation", "data": {"dossier_id": casus}}).json["id"] for casus in "AB"}


def test_message_by_correlation_is_202_with_the_instances_reached(client, waiting, worker):
    response = client.post("/api/v1/messages", headers=worker, json={
        "name": "antwoord", "correlation": {"dossier_id": "B"}, "payload": {"dossier_id": "B"}})
    assert (response.status_code, response.json) == (202, {"delivered_to": [waiting["B"]]})


def test_message_by_instance_id_is_202(client, waiting, worker):
    response = client.post("/api/v1/messages", headers=worker, json={
        "name": "antwoord", "process_instance": waiting["A"], "payload": {"dossier_id": "A"}})
    assert (response.status_code, response.json["delivered_to"]) == (202, [waiting["A"]])


@pytest.mark.parametrize("body", [{"name": "onbekend", "correlation": {"dossier_id": "A"}},
                                  {"name": "antwoord", "correlation": {"dossier_id": "Z"}},
                                  {"name": "antwoord", "process_instance": "bestaat-niet"}])
def test_message_nobody_waits_for_is_404(client, waiting, worker, body):
    error(client.post("/api/v1/messages", headers=worker, json=body), 404, "notfound")


@pytest.mark.parametrize("body", [{}, {"name": ""}, {"name": "antwoord", "payload": "tekst"},
                                  {"name": "antwoord", "ontvanger": "x"}])
def test_malformed_message_is_422(client, worker, body):
    error(client.post("/api/v1/messages", headers=worker, json=body), 422, "invalid")


def test_message_missing_its_correlation_data_is_422(client, waiting, worker):
    response = client.post("/api/v1/messages", headers=worker,
                           json={"name": "antwoord", "process_instance": waiting["A"], "payload": {}})
    error(response, 422, "invalid")


def test_auditor_may_not_send_messages(client, waiting, login):
    response = client.post("/api/v1/messages", headers=login("auditor"),
                           json={"name": "antwoord", "correlation": {"dossier_id": "A"}})
    error(response, 403, "forbidden")
