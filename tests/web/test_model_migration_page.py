"""The version page: who deployed it, when and why, its diff and cases, and moving older cases to it."""
import html
import io
import re

import pytest

from engine.instances import queries
from engine.instances import service as instances
from engine.process_models import service as model_service
from tests.conftest import OWNER, actor, bpmn_files
from tests.web.test_model_diff import MODEL, second_version

SCHEMA = "gegevens-schema.json"
FORM = {"naam": "Proef", "datum": "2026-01-05"}
WORKER = actor("aanmelder")


@pytest.fixture
def cases(rt):
    """Two cases on version 1 at their task, one waiting at the timer version 2 changes; version 2 deployed."""
    files = bpmn_files(MODEL, SCHEMA)
    model_service.deploy(rt, files, OWNER)
    at_task = [instances.start(rt, "web_form_task", {}, WORKER)["id"] for _ in range(2)]
    timer = instances.start(rt, "web_form_task", {}, WORKER)
    instances.complete_task(rt, timer["ready_tasks"][0]["id"], FORM, WORKER)
    model_service.deploy(rt, {**files, MODEL: second_version()}, OWNER, "Taak hernoemd, twee weken wachten")
    return at_task, timer["id"]


def _version(rt, instance_id):
    return queries.get_instance(rt, instance_id, WORKER)["version"]


def test_version_page_says_who_when_why_and_what_changed(client, web_login, cases):
    web_login("proceseigenaar")
    html = client.get("/procesmodellen/web_form_task/versies/2").get_data(as_text=True)
    assert re.search(r'id="versie-herkomst">Gedeployed .+ door proceseigenaar\.', html)
    assert "Taak hernoemd, twee weken wachten" in html[html.index('id="versie-toelichting"'):]
    diff = html[html.index('id="verschil-kop"'):]
    assert "1 toegevoegd, 1 verwijderd, 2 gewijzigd" in diff
    assert "Geen zaken op deze versie." in html[html.index('id="zaken-kop"'):]
    assert 'action="/procesmodellen/web_form_task/versies/2" aria-label="Proefmigratie"' in html
    assert re.search(r'<select id="van" name="van"><option value="1"', html)


def test_dry_run_then_run_from_the_version_page(rt, client, web_login, cases):
    at_task, timer = cases
    token = web_login("proceseigenaar")
    response = client.post("/procesmodellen/web_form_task/versies/2",
                           data={"van": "1", "actie": "proef", "csrf_token": token})
    assert response.status_code == 200
    html = response.get_data(as_text=True)
    report = html[html.index('id="migratierapport"'):]
    assert "Proefmigratie van versie 1 naar versie 2 (er is niets veranderd): 2 zaken kunnen mee, 1 geweigerd." in report
    refused = re.search(r'id="migratie-geweigerd">(.*?)</table>', report, re.S).group(1)
    assert timer[:8] in refused and "anders is gedefinieerd" in refused
    assert [_version(rt, i) for i in at_task + [timer]] == [1, 1, 1]
    assert 'name="actie" value="migreren">Zaken migreren naar versie 2</button>' in report

    html = client.post("/procesmodellen/web_form_task/versies/2",
                       data={"van": "1", "actie": "migreren", "csrf_token": token}).get_data(as_text=True)
    assert "Gemigreerd van versie 1 naar versie 2: 2 zaken, 1 geweigerd." in html
    assert [_version(rt, i) for i in at_task + [timer]] == [2, 2, 1]
    cases_here = re.search(r'id="zaken-op-versie">(.*?)</table>', html, re.S).group(1)
    assert all(i[:8] in cases_here for i in at_task) and timer[:8] not in cases_here


def test_migration_form_needs_the_csrf_token(rt, client, web_login, cases):
    web_login("proceseigenaar")
    response = client.post("/procesmodellen/web_form_task/versies/2", data={"van": "1", "actie": "migreren"})
    assert (response.status_code, response.location) == (303, "/procesmodellen/web_form_task/versies/2")
    assert "niet verwerkt" in client.get(response.location).get_data(as_text=True)
    assert [_version(rt, i) for i in cases[0]] == [1, 1]


def test_migration_needs_a_source_version(client, web_login, cases):
    token = web_login("proceseigenaar")
    response = client.post("/procesmodellen/web_form_task/versies/2", data={"csrf_token": token})
    assert response.status_code == 422 and "Kies de versie waarvan de zaken komen." in response.get_data(as_text=True)


def test_auditor_sees_the_cases_but_no_migration(client, web_login, cases):
    token = web_login("auditor")
    html = client.get("/procesmodellen/web_form_task/versies/2").get_data(as_text=True)
    assert 'id="zaken-kop"' in html and "migreren" not in html
    response = client.post("/procesmodellen/web_form_task/versies/2",
                           data={"van": "1", "actie": "migreren", "csrf_token": token})
    assert response.status_code == 403


def test_overview_links_older_versions_to_the_migration(client, web_login, cases):
    web_login("proceseigenaar")
    html = client.get("/procesmodellen/web_form_task").get_data(as_text=True)
    version_1 = html[html.index('id="versie-1"'):]
    assert 'href="/procesmodellen/web_form_task/versies/2#migreren-kop">zaken migreren naar versie 2' in version_1


def test_deploy_form_keeps_the_comment_through_validation_and_shows_it_on_the_version(client, web_login):
    token = web_login("proceseigenaar")
    files = [(io.BytesIO(text.encode()), name) for name, text in bpmn_files(MODEL, SCHEMA).items()]
    checked = client.post("/procesmodellen", content_type="multipart/form-data",
                          data={"csrf_token": token, "actie": "valideren", "files": files,
                                "comment": "Voor de pilot"}).get_data(as_text=True)
    assert '<textarea id="comment" name="comment" rows="2" maxlength="1000">Voor de pilot</textarea>' in checked
    kept = dict(zip(re.findall(r'name="bewaard_naam" value="([^"]*)"', checked),
                    re.findall(r'name="bewaard_inhoud" value="([^"]*)"', checked)))
    response = client.post("/procesmodellen", data={"csrf_token": token, "actie": "deployen", "comment": "Voor de pilot",
                                                    "bewaard_naam": list(kept), "bewaard_inhoud": [
                                                        html.unescape(v) for v in kept.values()]})
    assert response.status_code == 303
    page = client.get("/procesmodellen/web_form_task/versies/1").get_data(as_text=True)
    assert '<blockquote id="versie-toelichting">Voor de pilot</blockquote>' in page
    assert 'id="verschil-kop"' not in page  # version 1 has nothing before it
