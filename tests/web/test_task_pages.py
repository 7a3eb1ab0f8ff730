"""The worklist and the task form: server-side validation per field, stale forms refused."""
import json
import re

import pytest

from engine.instances import queries
from engine.instances import service as instances
from tests.conftest import actor

WORKER = actor("aanmelder")


@pytest.fixture
def case(rt, deploy):
    deploy("web_form_task.bpmn", "gegevens-schema.json")
    return instances.start(rt, "web_form_task", {"deadline": "2027-01-01"}, WORKER)


def form_config(html: str) -> dict:
    return json.loads(re.search(r'id="form-config">(.*?)</script>', html, re.S).group(1))


def test_worklist_marks_overdue_and_filters_by_role(client, web_login, case):
    web_login("aanmelder", "casemanager_zorg", username="aanmelder")  # the one who started the case
    page = client.get("/taken").get_data(as_text=True)
    assert "Gegevens invullen" in page and "te laat" in page
    assert "Gegevens invullen" not in client.get("/taken?rol=casemanager_zorg").get_data(as_text=True)
    assert "Gegevens invullen" not in client.get("/taken?zaak=onbekend").get_data(as_text=True)


def test_task_page_shows_schema_and_known_data(client, web_login, case):
    web_login("aanmelder")
    html = client.get(f"/taken/{case['ready_tasks'][0]['id']}").get_data(as_text=True)
    config = form_config(html)
    assert config["schema"]["required"] == ["naam", "datum"]
    assert config["known"] == {"deadline": "2027-01-01"}
    assert "<dt>Deadline</dt><dd>01-01-2027</dd>" in html  # humanised key, Dutch date


def test_invalid_field_comes_back_at_its_path_with_the_input_kept(client, web_login, case):
    token = web_login("aanmelder")
    task_id = case["ready_tasks"][0]["id"]
    response = client.post(f"/taken/{task_id}", data={"csrf_token": token, "data": json.dumps({"naam": "Jan"})})
    assert response.status_code == 422
    config = form_config(response.get_data(as_text=True))
    assert config["errors"] == {"datum": "Dit veld is verplicht."}
    assert config["values"] == {"naam": "Jan"}


def test_valid_form_completes_the_task(rt, client, web_login, case):
    token = web_login("aanmelder")
    task_id = case["ready_tasks"][0]["id"]
    response = client.post(f"/taken/{task_id}", data={"csrf_token": token,
                                                       "data": json.dumps({"naam": "Jan", "datum": "2027-02-01"})})
    assert response.status_code == 303
    assert queries.get_task(rt, task_id, WORKER)["state"] == "completed"


def test_stale_form_is_refused_and_overwrites_nothing(rt, client, web_login, case):
    token = web_login("aanmelder")
    task_id = case["ready_tasks"][0]["id"]
    instances.complete_task(rt, task_id, {"naam": "Eerste", "datum": "2027-02-01"}, WORKER)
    before = queries.events(rt, case["id"], WORKER)
    response = client.post(f"/taken/{task_id}", data={"csrf_token": token,
                                                       "data": json.dumps({"naam": "Tweede", "datum": "2027-03-01"})})
    assert response.status_code == 409
    assert "Deze taak is al afgerond, mogelijk door een collega." in response.get_data(as_text=True)
    assert queries.events(rt, case["id"], WORKER) == before
    assert queries.get_instance(rt, case["id"], WORKER)["data"]["naam"] == "Eerste"


def test_unreadable_form_data_is_a_form_error(client, web_login, case):
    token = web_login("aanmelder")
    response = client.post(f"/taken/{case['ready_tasks'][0]['id']}", data={"csrf_token": token, "data": "[1"})
    assert response.status_code == 422
    assert "Het formulier kon niet worden gelezen." in response.get_data(as_text=True)


def test_worklist_shows_the_notifications_of_my_roles(rt, clock, client, web_login, deploy):
    from datetime import timedelta

    from engine.timers import scheduler

    deploy("timer_boundary.bpmn")
    instances.start(rt, "timer_boundary", {}, actor("procesregisseur"))
    clock.advance(timedelta(days=10, seconds=1))
    scheduler.tick(rt)
    web_login("coordinator")
    page = client.get("/taken").get_data(as_text=True)
    section = re.search(r'id="meldingen-kop">(.*?)</section>', page, re.S).group(1)
    assert "Escalatie: plan te laat" in section and "/taken/" in section
    web_login("aanmelder")
    assert 'id="meldingen-kop"' not in client.get("/taken").get_data(as_text=True)


def test_error_summary_names_fields_by_title_and_links_to_them(client, web_login, case):
    token = web_login("aanmelder")
    response = client.post(f"/taken/{case['ready_tasks'][0]['id']}", data={"csrf_token": token, "data": "{}"})
    summary = re.search(r'id="foutoverzicht".*?</ul>', response.get_data(as_text=True), re.S).group(0)
    assert '<a class="veld" href="#veld-datum">Datum</a>: Dit veld is verplicht.' in summary
    assert "root." not in summary and ">datum<" not in summary
