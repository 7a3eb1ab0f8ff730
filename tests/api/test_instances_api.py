"""Process instances over HTTP: start, list, show, audit trail, cancel and retry."""
import pytest

from handlers import HandlerError
from tests.api.conftest import error

PATH = "/api/v1/process-instances"


@pytest.fixture
def started(client, upload, worker):
    upload("gw_parallel.bpmn", "waarde-schema.json")
    response = client.post(PATH, json={"process_model": "gw_parallel", "data": {"dossier": 7}}, headers=worker)
    assert response.status_code == 201
    return response.json


def test_start_returns_the_instance_with_its_ready_tasks(started):
    assert (started["status"], started["version"], started["process_model"]) == ("running", 1, "gw_parallel")
    assert sorted(t["element"] for t in started["ready_tasks"]) == ["task_a", "task_b"]
    assert started["data"] == {"dossier": 7}


def test_show_and_list_with_filters(client, started, worker):
    shown = client.get(f"{PATH}/{started['id']}", headers=worker)
    assert (shown.status_code, shown.json["id"]) == (200, started["id"])
    for query, expected in [("", [started["id"]]), ("?status=running", [started["id"]]),
                            ("?status=completed", []), ("?process_model=gw_parallel", [started["id"]]),
                            ("?process_model=iets_anders", [])]:
        listed = client.get(PATH + query, headers=worker)
        assert [i["id"] for i in listed.json] == expected, query


def test_events_show_type_actor_clock_time_inputs_and_state_hash(client, clock, started, worker):
    [event] = client.get(f"{PATH}/{started['id']}/events", headers=worker).json
    assert (event["type"], event["actor"], event["at"]) == ("started", "aanmelder", clock.now().isoformat())
    assert event["inputs"]["data"] == {"dossier": 7}
    assert len(event["state_hash"]) == 64


@pytest.mark.parametrize("body", [{}, {"process_model": ""}, {"process_model": "gw_parallel", "data": [1]},
                                  {"process_model": "gw_parallel", "extra": 1}])
def test_malformed_start_is_422(client, upload, worker, body):
    upload("gw_parallel.bpmn", "waarde-schema.json")
    assert error(client.post(PATH, json=body, headers=worker), 422, "invalid")["fields"]


def test_start_of_unknown_model_is_404(client, worker):
    error(client.post(PATH, json={"process_model": "bestaat_niet"}, headers=worker), 404, "notfound")


@pytest.mark.parametrize("suffix", ["", "/events"])
def test_unknown_instance_is_404(client, worker, suffix):
    error(client.get(f"{PATH}/bestaat-niet{suffix}", headers=worker), 404, "notfound")


@pytest.mark.parametrize("action", ["cancel", "retry"])
def test_action_on_unknown_instance_is_404(client, login, action):
    error(client.post(f"{PATH}/bestaat-niet/{action}", headers=login("procesregisseur")), 404, "notfound")


def test_roles_without_case_access_are_403(client, started, owner, login):
    error(client.get(f"{PATH}/{started['id']}", headers=owner), 403, "forbidden")
    error(client.get(f"{PATH}/{started['id']}/events", headers=owner), 403)
    error(client.get(PATH, headers=owner), 403)
    error(client.post(PATH, json={"process_model": "gw_parallel"}, headers=login("auditor")), 403)


def test_cancel(client, started, worker, login):
    error(client.post(f"{PATH}/{started['id']}/cancel", headers=worker), 403, "forbidden")
    regisseur = login("procesregisseur")
    cancelled = client.post(f"{PATH}/{started['id']}/cancel", headers=regisseur)
    assert (cancelled.status_code, cancelled.json["status"], cancelled.json["ready_tasks"]) == (200, "cancelled", [])
    error(client.post(f"{PATH}/{started['id']}/cancel", headers=regisseur), 409, "conflict")


def test_retry_is_409_without_an_incident(client, started, login):
    error(client.post(f"{PATH}/{started['id']}/retry", headers=login("procesregisseur")), 409, "conflict")


def test_retry_after_fixing_a_failing_handler(rt, client, upload, worker, login):
    available = {"ok": False}

    def eng_lookup(ctx, code, factor):
        if not available["ok"]:
            raise HandlerError("Register niet bereikbaar")
        return {"code": code}

    rt.handlers["eng_lookup"] = eng_lookup
    upload("eng_service_task.bpmn")
    failed = client.post(PATH, json={"process_model": "eng_service_task", "data": {"code": "A1"}}, headers=worker)
    assert (failed.status_code, failed.json["status"], failed.json["incident"]["element"]) == (201, "error", "lookup")
    available["ok"] = True
    error(client.post(f"{PATH}/{failed.json['id']}/retry", headers=worker), 403, "forbidden")  # only who resolves
    retried = client.post(f"{PATH}/{failed.json['id']}/retry", headers=login("procesregisseur"))
    assert (retried.status_code, retried.json["status"]) == (200, "completed")
    types = [e["type"] for e in client.get(f"{PATH}/{failed.json['id']}/events", headers=worker).json]
    assert types == ["started", "incident", "retried"]


@pytest.mark.parametrize("process_model", ["cycle_intake", "cycle_monthly"])
def test_a_casus_process_does_not_start_bare(client, deploy, worker, process_model):
    """The intake starts by registering its casus, a cycle by the chain: a bare start is a Dutch 422."""
    deploy("cycle_intake.bpmn", "cycle_monthly.bpmn", "inclusie-schema.json", "evaluatie-keuze-schema.json")
    body = error(client.post("/api/v1/process-instances", json={"process_model": process_model}, headers=worker), 422)
    assert "casus" in body["fields"]["process_model"]
    assert client.get("/api/v1/process-instances", headers=worker).json == []
