"""The auditor's HTTP endpoints: replay, verify, state as of an event, export and access log;
auditors read but never act, others may not replay, unknown instances are 404."""
import pytest

from engine.instances import service as instances
from tests.audit.conftest import AANMELDER, stored_event, tamper


@pytest.fixture
def case(scenario):
    return scenario()


@pytest.fixture
def auditor(login):
    return login("auditor")


def test_replay_reports_verified(client, case, auditor):
    response = client.post(f"/api/v1/process-instances/{case}/replay", headers=auditor)
    assert response.status_code == 200
    assert (response.json["status"], response.json["replayed"], response.json["version"]) == ("verified", 7, 1)


def test_replay_of_a_corrupted_trail_is_a_report_not_an_error(rt, client, case, auditor):
    tamper(rt, lambda session: setattr(stored_event(session, case, 4), "inputs", ["geen", "opdracht"]))
    response = client.post(f"/api/v1/process-instances/{case}/replay", headers=auditor)
    assert response.status_code == 200
    assert response.json["status"] == "broken"
    assert (response.json["divergence"]["seq"], response.json["divergence"]["kind"]) == (4, "not_replayable")
    assert response.json["chain_break"]["seq"] == 4


@pytest.mark.parametrize("method, path", [
    ("post", "/api/v1/process-instances/onbekend/replay"),
    ("get", "/api/v1/process-instances/onbekend/verify"),
    ("get", "/api/v1/process-instances/onbekend/events/1/state"),
    ("get", "/api/v1/process-instances/onbekend/events/export"),
])
def test_unknown_instances_are_404(client, auditor, method, path):
    response = getattr(client, method)(path, headers=auditor)
    assert response.status_code == 404
    assert "bestaat niet" in response.json["message"]


@pytest.mark.parametrize("method, path", [
    ("post", "/api/v1/process-instances/{id}/replay"),
    ("get", "/api/v1/process-instances/{id}/verify"),
    ("get", "/api/v1/process-instances/{id}/events/1/state"),
    ("get", "/api/v1/process-instances/{id}/events/export"),
    ("get", "/api/v1/access-log"),
])
def test_workers_may_not_use_the_auditor_endpoints(client, case, login, method, path):
    response = getattr(client, method)(path.format(id=case), headers=login("procesregisseur"))
    assert response.status_code == 403


def test_an_auditor_cannot_complete_a_task(rt, client, deploy, auditor):
    deploy("user_task_lane.bpmn", "gegevens-schema.json")
    view = instances.start(rt, "user_task_lane", {}, AANMELDER)
    response = client.post(f"/api/v1/tasks/{view['ready_tasks'][0]['id']}/complete",
                           json={"data": {"naam": "x", "datum": "2027-01-05"}}, headers=auditor)
    assert response.status_code == 403


def test_verify_and_point_in_time_state(client, case, auditor):
    verified = client.get(f"/api/v1/process-instances/{case}/verify", headers=auditor)
    assert (verified.status_code, verified.json["status"], verified.json["events"]) == (200, "verified", 7)
    state = client.get(f"/api/v1/process-instances/{case}/events/6/state", headers=auditor)
    assert state.status_code == 200
    assert state.json["ready_tasks"] == [{"name": "Afronden", "element": "afronden", "lane": "procesregisseur"}]


@pytest.mark.parametrize("fmt, media_type", [("json", "application/json"), ("csv", "text/csv"),
                                             ("xes", "application/xml")])
def test_export_downloads_as_an_attachment(client, case, auditor, fmt, media_type):
    response = client.get(f"/api/v1/process-instances/{case}/events/export?format={fmt}", headers=auditor)
    assert response.status_code == 200
    assert response.mimetype == media_type
    assert response.headers["Content-Disposition"] == f'attachment; filename="audittrail-{case}.{fmt}"'


def test_export_in_an_unknown_format_is_422(client, case, auditor):
    response = client.get(f"/api/v1/process-instances/{case}/events/export?format=pdf", headers=auditor)
    assert (response.status_code, list(response.json["fields"])) == (422, ["format"])


def test_access_log_lists_reads_filtered_by_user_and_period(client, case, auditor, login):
    regisseur = login("procesregisseur", username="petra")
    assert client.get(f"/api/v1/process-instances/{case}", headers=regisseur).status_code == 200
    assert client.get(f"/api/v1/process-instances/{case}/events", headers=regisseur).status_code == 200
    response = client.get("/api/v1/access-log?user=petra&from=2027-01-01T00:00:00Z", headers=auditor)
    assert response.status_code == 200
    assert [(e["resource"], e["process_instance"]) for e in response.json] == [("audittrail", case), ("zaak", case)]
    assert client.get("/api/v1/access-log?from=2030-01-01", headers=auditor).json == []


def test_access_log_with_a_bad_date_is_422(client, auditor):
    response = client.get("/api/v1/access-log?from=gisteren", headers=auditor)
    assert (response.status_code, list(response.json["fields"])) == (422, ["from"])


def test_the_openapi_document_describes_the_audit_endpoints(client):
    paths = client.get("/api/v1/openapi.json").json["paths"]
    for path in ("/api/v1/process-instances/{instance_id}/replay", "/api/v1/process-instances/{instance_id}/verify",
                 "/api/v1/process-instances/{instance_id}/events/{seq}/state",
                 "/api/v1/process-instances/{instance_id}/events/export", "/api/v1/access-log"):
        assert path in paths
