"""Moving running instances to a newer version: check, one, in bulk, dry run, refusals; replay crosses it."""
import io
from datetime import timedelta

import pytest

from engine.timers import scheduler

from tests.api.conftest import error, multipart
from tests.web.test_model_diff import MODEL, V1, second_version

INSTANCES = "/api/v1/process-instances"
SCHEMA = "gegevens-schema.json"
FORM = {"naam": "Proef", "datum": "2026-01-05"}
WITHOUT_TASK = (V1.replace('targetRef="web_fill"', 'targetRef="web_wait"')
                .replace('sourceRef="web_fill" targetRef="web_wait"', 'sourceRef="web_start" targetRef="web_end"'))


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
    report = client.post(f"{INSTANCES}/{waiting['id']}/replay", headers=login("auditor")).json
    assert (report["status"], report["version"], report["replayed"]) == ("verified", 2, 4)
