"""Moving running instances to a newer version: check, one, in bulk, dry run, refusals; replay crosses it."""
import io
import re
from datetime import timedelta

import pytest

from engine.audit import trail
from engine.persistence.tables import ProcessInstance
from engine.execution import stored_state
from engine.timers import scheduler

from tests.api.conftest import error, multipart
from tests.web.test_model_diff import MODEL, V1, second_version

INSTANCES = "/api/v1/process-instances"
SCHEMA = "gegevens-schema.json"
FORM = {"naam": "Proef", "datum": "2026-01-05"}



def _without_task(xml: str) -> str:
    """The user task taken out: start goes straight to the timer."""
    for pattern in (r'<bpmn:userTask id="web_fill".*?</bpmn:userTask>', r"<bpmn:flowNodeRef>web_fill</bpmn:flowNodeRef>",
                    r'<bpmn:sequenceFlow id="web_f2"[^>]*/>', r'<bpmndi:BPMN(Shape|Edge) id="web_(fill|f2)_di".*?</bpmndi:BPMN\1>'):
        xml = re.sub(pattern, "", xml, flags=re.S)
    return xml.replace('targetRef="web_fill"', 'targetRef="web_wait"').replace(">web_f2<", ">web_f1<")


WITHOUT_TASK = _without_task(V1)


@pytest.fixture
def deploy_xml(client, owner):
    """Deploy ``xml`` as the model (with its form): the next version."""
    def _deploy(xml: str):
        data = multipart(SCHEMA)
        data["files"].append((io.BytesIO(xml.encode()), MODEL))
        response = client.post("/api/v1/process-models", data=data, headers=owner, content_type="multipart/form-data")
        assert response.status_code in (200, 201), response.json
        return response.json

    return _deploy


@pytest.fixture
def start(client, worker):
    def _start():
        response = client.post(INSTANCES, json={"process_model": "web_form_task"}, headers=worker)
        assert response.status_code == 201, response.json
        return response.json

    return _start


@pytest.fixture
def waiting(deploy_xml, start):
    """An instance on version 1 waiting at its user task, and version 2 deployed."""
    deploy_xml(V1)
    instance = start()
    deploy_xml(second_version())
    return instance


def _instance(client, instance_id, headers):
    response = client.get(f"{INSTANCES}/{instance_id}", headers=headers)
    assert response.status_code == 200, response.json
    return response.json


def _events(client, instance_id, headers):
    return client.get(f"{INSTANCES}/{instance_id}/events", headers=headers).json


def test_check_says_it_can_move_and_what_changed(client, owner, waiting):
    response = client.get(f"{INSTANCES}/{waiting['id']}/migration-check?to_version=2", headers=owner)
    assert response.status_code == 200, response.json
    check = response.json
    assert (check["possible"], check["reasons"], check["from_version"], check["to_version"]) == (True, [], 1, 2)
    assert [n["id"] for n in check["changes"]["added"]] == ["web_einde"]
    assert [n["id"] for n in check["changes"]["removed"]] == ["web_end"]
    assert {n["id"] for n in check["changes"]["changed"]} == {"web_fill", "web_wait"}


def test_migrate_one_moves_the_instance_and_its_open_task(client, owner, worker, waiting):
    response = client.post(f"{INSTANCES}/{waiting['id']}/migrate", json={"to_version": 2}, headers=owner)
    assert response.status_code == 200, response.json
    assert response.json["mapping"] == {"web_fill": "web_fill"}
    moved = _instance(client, waiting["id"], worker)
    assert moved["version"] == 2
    assert [t["name"] for t in moved["ready_tasks"]] == ["Gegevens aanvullen"]
    assert [t["id"] for t in moved["ready_tasks"]] == [t["id"] for t in waiting["ready_tasks"]]
    task = client.get("/api/v1/tasks", headers=worker).json
    assert [t["name"] for t in (task["items"] if isinstance(task, dict) else task)] == ["Gegevens aanvullen"]
    event = _events(client, waiting["id"], worker)[-1]
    assert event["type"] == "migrated" and event["actor"] == "proceseigenaar"
    assert {k: event["inputs"][k] for k in ("from_version", "to_version", "mapping")} == {
        "from_version": 1, "to_version": 2, "mapping": {"web_fill": "web_fill"}}


def test_replay_crosses_the_migration_and_verifies(rt, client, clock, login, owner, worker, waiting):
    client.post(f"{INSTANCES}/{waiting['id']}/migrate", json={"to_version": 2}, headers=owner)
    task_id = waiting["ready_tasks"][0]["id"]
    assert client.post(f"/api/v1/tasks/{task_id}/complete", json={"data": FORM}, headers=worker).status_code == 200
    # the new version's timer (P14D instead of P7D) runs
    assert _instance(client, waiting["id"], worker)["timer_due"] == (clock.now() + timedelta(days=14)).isoformat()
    clock.advance(timedelta(days=15))
    scheduler.tick(rt)
    assert _instance(client, waiting["id"], worker)["status"] == "completed"
    types = [e["type"] for e in _events(client, waiting["id"], worker)]
    assert types == ["started", "migrated", "task_completed", "timer_fired"]
    auditor = login("auditor")
    report = client.post(f"{INSTANCES}/{waiting['id']}/replay", headers=auditor).json
    assert (report["status"], report["version"], report["replayed"]) == ("verified", 2, 4)
    assert client.get(f"{INSTANCES}/{waiting['id']}/verify", headers=auditor).json["status"] == "verified"


def _stored(rt, instance_id):
    """What a refused migration must leave exactly as it was: the row, its state, its trail."""
    with rt.uow() as uow:
        row = uow.session.get(ProcessInstance, instance_id)
        events = [(e.seq, e.hash) for e in trail.events_of(uow.session, instance_id)]
        return (row.process_version_id, row.lock_version, row.state, row.timer_due, row.event_count, events)


def test_open_task_whose_element_is_gone_is_refused_and_nothing_changes(rt, client, owner, deploy_xml, start):
    deploy_xml(V1)
    instance = start()
    deploy_xml(WITHOUT_TASK)
    before = _stored(rt, instance["id"])
    check = client.get(f"{INSTANCES}/{instance['id']}/migration-check?to_version=2", headers=owner).json
    assert check["possible"] is False
    assert check["reasons"] == ["Stap 'Gegevens invullen' (web_fill) staat open, maar bestaat niet in versie 2."]
    assert [n["id"] for n in check["changes"]["removed"]] == ["web_fill"]
    body = error(client.post(f"{INSTANCES}/{instance['id']}/migrate", json={"to_version": 2}, headers=owner), 409)
    assert body["reasons"] == check["reasons"] and body["message"] == check["reasons"][0]
    assert _stored(rt, instance["id"]) == before


def test_waiting_timer_whose_definition_changed_is_refused(rt, client, owner, worker, deploy_xml, start):
    deploy_xml(V1)
    instance = start()
    client.post(f"/api/v1/tasks/{instance['ready_tasks'][0]['id']}/complete", json={"data": FORM}, headers=worker)
    deploy_xml(second_version())
    before = _stored(rt, instance["id"])
    body = error(client.post(f"{INSTANCES}/{instance['id']}/migrate", json={"to_version": 2}, headers=owner), 409)
    assert body["reasons"] == ["De zaak wacht bij 'Een week wachten' (web_wait) op een gebeurtenis die in versie 2 "
                               "anders is gedefinieerd (timer of bericht gewijzigd)."]
    assert _stored(rt, instance["id"]) == before


def test_waiting_timer_keeps_its_due_time(rt, client, clock, owner, worker, deploy_xml, start):
    deploy_xml(V1)
    instance = start()
    client.post(f"/api/v1/tasks/{instance['ready_tasks'][0]['id']}/complete", json={"data": FORM}, headers=worker)
    due = _instance(client, instance["id"], worker)["timer_due"]
    clock.advance(timedelta(days=3))
    deploy_xml(V1.replace('name="Klaar"', 'name="Afgerond"'))
    response = client.post(f"{INSTANCES}/{instance['id']}/migrate", json={"to_version": 2}, headers=owner)
    assert response.status_code == 200, response.json
    assert response.json["mapping"] == {"web_wait": "web_wait"}
    assert _instance(client, instance["id"], worker)["timer_due"] == due


@pytest.mark.parametrize("to_version, reason", [
    (1, "Versie 1 is niet nieuwer dan versie 1, waarop deze zaak loopt."),
    (9, "Versie 9 van procesmodel 'web_form_task' is niet gedeployed."),
])
def test_version_not_newer_or_not_deployed_is_refused(client, owner, waiting, to_version, reason):
    check = client.get(f"{INSTANCES}/{waiting['id']}/migration-check?to_version={to_version}", headers=owner).json
    assert (check["possible"], check["reasons"]) == (False, [reason])
    body = error(client.post(f"{INSTANCES}/{waiting['id']}/migrate", json={"to_version": to_version},
                             headers=owner), 409)
    assert body["reasons"] == [reason]


def test_instance_that_is_not_running_is_refused(client, owner, login, waiting):
    regisseur = login("procesregisseur")
    assert client.post(f"{INSTANCES}/{waiting['id']}/cancel", headers=regisseur).status_code == 200
    body = error(client.post(f"{INSTANCES}/{waiting['id']}/migrate", json={"to_version": 2}, headers=owner), 409)
    assert body["reasons"] == ["Deze zaak heeft status 'cancelled'; alleen een lopende zaak kan worden gemigreerd."]


@pytest.mark.parametrize("body", [{}, {"to_version": "2"}, {"to_version": 0}, {"to_version": 2, "extra": 1}])
def test_malformed_migrate_request_is_422(client, owner, waiting, body):
    error(client.post(f"{INSTANCES}/{waiting['id']}/migrate", json=body, headers=owner), 422)


@pytest.mark.parametrize("query", ["", "?to_version=nul", "?to_version=0"])
def test_check_without_a_version_is_422(client, owner, waiting, query):
    error(client.get(f"{INSTANCES}/{waiting['id']}/migration-check{query}", headers=owner), 422)


def test_a_process_owner_without_a_region_migrates_every_region(rt, client, login, waiting):
    """Models serve the whole chain: their owner moves the cases of every region (it sees ids, never case data)."""
    chain_owner = login("proceseigenaar", username="eigenaar_keten", region=None)
    check = client.get(f"{INSTANCES}/{waiting['id']}/migration-check?to_version=2", headers=chain_owner)
    assert check.status_code == 200 and check.json["possible"] is True
    report = client.post("/api/v1/process-models/web_form_task/migrate",
                         json={"from_version": 1, "to_version": 2}, headers=chain_owner).json
    assert (report["migrated"], report["refused"]) == ([waiting["id"]], [])


@pytest.mark.parametrize("role", ["aanmelder", "procesregisseur", "auditor"])
def test_roles_without_the_migrate_action_are_403(client, login, waiting, role):
    headers = login(role, username=f"zonder_{role}")
    error(client.get(f"{INSTANCES}/{waiting['id']}/migration-check?to_version=2", headers=headers), 403)
    error(client.post(f"{INSTANCES}/{waiting['id']}/migrate", json={"to_version": 2}, headers=headers), 403)
    error(client.post("/api/v1/process-models/web_form_task/migrate", json={"from_version": 1, "to_version": 2},
                      headers=headers), 403)


def test_beheerder_may_migrate(client, login, waiting):
    response = client.post(f"{INSTANCES}/{waiting['id']}/migrate", json={"to_version": 2}, headers=login("beheerder"))
    assert response.status_code == 200, response.json


@pytest.fixture
def mixed(client, worker, deploy_xml, start):
    """Three instances on version 1: two at their task, one waiting at its timer; version 2 changes the timer."""
    deploy_xml(V1)
    at_task = [start()["id"], start()["id"]]
    timer = start()
    client.post(f"/api/v1/tasks/{timer['ready_tasks'][0]['id']}/complete", json={"data": FORM}, headers=worker)
    deploy_xml(second_version())
    return at_task, timer["id"]


def _bulk(client, owner, **body):
    response = client.post("/api/v1/process-models/web_form_task/migrate",
                           json={"from_version": 1, "to_version": 2, **body}, headers=owner)
    assert response.status_code == 200, response.json
    return response.json


def test_bulk_dry_run_reports_and_changes_nothing(rt, client, owner, mixed):
    at_task, timer = mixed
    before = [_stored(rt, i) for i in at_task + [timer]]
    report = _bulk(client, owner, dry_run=True)
    assert report["dry_run"] is True
    assert sorted(report["migrated"]) == sorted(at_task)
    assert [r["id"] for r in report["refused"]] == [timer]
    assert "anders is gedefinieerd" in report["refused"][0]["reason"]
    assert [_stored(rt, i) for i in at_task + [timer]] == before


def test_bulk_migrates_each_and_refuses_the_unsafe(rt, client, owner, worker, login, mixed):
    at_task, timer = mixed
    before = _stored(rt, timer)
    report = _bulk(client, owner)
    assert (report["dry_run"], sorted(report["migrated"]), [r["id"] for r in report["refused"]]) == (
        False, sorted(at_task), [timer])
    assert [_instance(client, i, worker)["version"] for i in at_task] == [2, 2]
    assert _stored(rt, timer) == before
    auditor = login("auditor")
    assert all(client.post(f"{INSTANCES}/{i}/replay", headers=auditor).json["status"] == "verified"
               for i in at_task + [timer])
    assert _bulk(client, owner)["migrated"] == []  # nothing left on version 1 that can move


def test_bulk_of_unknown_versions_is_404(client, owner, waiting):
    error(client.post("/api/v1/process-models/web_form_task/migrate", json={"from_version": 1, "to_version": 7},
                      headers=owner), 404)
    error(client.post("/api/v1/process-models/onbekend/migrate", json={"from_version": 1, "to_version": 2},
                      headers=owner), 404)


def test_waiting_timer_whose_next_step_is_gone_takes_the_new_path(rt, client, clock, login, owner, worker,
                                                                   deploy_xml, start):
    deploy_xml(V1)
    instance = start()
    client.post(f"/api/v1/tasks/{instance['ready_tasks'][0]['id']}/complete", json={"data": FORM}, headers=worker)
    new_end = (V1.replace('id="web_end" name="Klaar"', 'id="web_einde" name="Afgerond"')
                 .replace('targetRef="web_end"', 'targetRef="web_einde"').replace(">web_end<", ">web_einde<")
                 .replace('bpmnElement="web_end"', 'bpmnElement="web_einde"'))
    deploy_xml(new_end)
    assert client.post(f"{INSTANCES}/{instance['id']}/migrate", json={"to_version": 2}, headers=owner).status_code == 200
    clock.advance(timedelta(days=8))
    scheduler.tick(rt)
    assert _instance(client, instance["id"], worker)["status"] == "completed"
    with rt.uow() as uow:
        row = uow.session.get(ProcessInstance, instance["id"])
        assert "web_einde" in stored_state.element_markers(rt, uow.session, row)["completed"]
    assert client.post(f"{INSTANCES}/{instance['id']}/replay", headers=login("auditor")).json["status"] == "verified"


def test_completed_step_that_is_gone_is_refused(rt, client, owner, worker, deploy_xml, start):
    deploy_xml(V1)
    instance = start()
    client.post(f"/api/v1/tasks/{instance['ready_tasks'][0]['id']}/complete", json={"data": FORM}, headers=worker)
    deploy_xml(WITHOUT_TASK)
    before = _stored(rt, instance["id"])
    body = error(client.post(f"{INSTANCES}/{instance['id']}/migrate", json={"to_version": 2}, headers=owner), 409)
    assert body["reasons"] == ["Stap 'Gegevens invullen' (web_fill) hoort bij deze zaak (doorlopen of verwacht), maar "
                               "bestaat niet in versie 2; de zaak zou daarna niet meer te laden zijn."]
    assert _stored(rt, instance["id"]) == before
