"""Process owner pages: which instances run which version, and the difference between two versions."""
import re

import pytest

from engine.casus import service as casus
from engine.process_models import service as model_service
from tests.conftest import OWNER, actor, bpmn_files
from tests.web.test_model_diff import MODEL, second_version

SCHEMA = "gegevens-schema.json"


@pytest.fixture
def two_versions(rt):
    files = bpmn_files(MODEL, SCHEMA)
    model_service.deploy(rt, files, OWNER)
    old = casus.register(rt, {"naam": "P. Proef"}, "gelderland_zuid", actor("aanmelder"), "web_form_task")
    model_service.deploy(rt, {**files, MODEL: second_version()}, OWNER)
    return old["current_instance"], old["pseudonym"]


def test_overview_shows_instances_per_version(client, web_login, two_versions):
    web_login("proceseigenaar")
    assert "/procesmodellen/web_form_task\"" in client.get("/procesmodellen").get_data(as_text=True)
    html = client.get("/procesmodellen/web_form_task").get_data(as_text=True)
    version_1 = html[html.index('id="versie-1"'):]
    assert "Geen zaken op deze versie." in html[html.index('id="versie-2"'):html.index('id="versie-1"')]
    instance_id, pseudonym = two_versions
    assert instance_id[:8] in version_1 and pseudonym in version_1 and "1 lopend" in version_1


def test_diff_page_lists_changed_nodes(client, web_login, two_versions):
    web_login("proceseigenaar")
    html = client.get("/procesmodellen/web_form_task/verschil?van=1&naar=2").get_data(as_text=True)
    table = re.search(r'id="verschil">(.*?)</table>', html, re.S).group(1)
    assert "1 toegevoegd, 1 verwijderd, 2 gewijzigd" in table
    added = re.search(r'class="verschil-added">(.*?)</tr>', table, re.S).group(1)
    assert "web_einde" in added and "Afgerond" in added and "eindgebeurtenis" in added
    changed = re.findall(r'class="verschil-changed">(.*?)</tr>', table, re.S)
    assert "Gegevens aanvullen" in changed[0] and "naam" in changed[0]


def test_same_version_has_no_difference(client, web_login, two_versions):
    web_login("proceseigenaar")
    html = client.get("/procesmodellen/web_form_task/verschil?van=2&naar=2").get_data(as_text=True)
    assert "Geen verschil in de processtappen" in html


def test_diff_needs_two_versions(client, web_login, two_versions):
    web_login("proceseigenaar")
    response = client.get("/procesmodellen/web_form_task/verschil?van=1")
    assert response.status_code == 422 and "Kies twee versies om te vergelijken." in response.get_data(as_text=True)


def test_workers_do_not_see_which_cases_run_a_version(client, web_login, two_versions):
    web_login("aanmelder")
    assert client.get("/procesmodellen/web_form_task").status_code == 403


def test_the_overview_offers_the_process_mining_log_to_owners_only(client, web_login, two_versions):
    web_login("proceseigenaar")
    html = client.get("/procesmodellen/web_form_task").get_data(as_text=True)
    assert 'action="/procesmodellen/web_form_task/procesmining"' in html
    log = client.get("/procesmodellen/web_form_task/procesmining?format=csv&version=1&from=&until=")
    assert log.status_code == 200 and log.mimetype == "text/csv"
    assert log.get_data(as_text=True).splitlines()[1].split(",")[1:3] == ["Gegevens invullen", "start"]  # version 1's name
    assert client.get("/procesmodellen/web_form_task/procesmining?version=nul").status_code == 422


def test_the_process_mining_log_is_refused_to_other_roles(client, web_login, two_versions):
    web_login("aanmelder")
    assert client.get("/procesmodellen/web_form_task/procesmining").status_code == 403


def _start(rt, count: int) -> list[str]:
    from engine.instances import service as instances

    return [instances.start(rt, "web_form_task", {}, actor("procesregisseur"))["id"] for _ in range(count)]


def test_a_versions_instances_come_in_pages_over_the_api(rt, client, login, two_versions):
    started = _start(rt, 3)  # on version 2, the newest
    headers = login("proceseigenaar")
    first = client.get("/api/v1/process-models/web_form_task/versions/2/instances?limit=2", headers=headers)
    assert first.status_code == 200 and first.headers["X-Total-Count"] == "3" and len(first.json) == 2
    following = first.headers["Link"].split(";")[0].strip("<>")
    rest = client.get(following, headers=headers).json
    assert {i["id"] for i in first.json + rest} == set(started) and "Link" not in client.get(following, headers=headers).headers
    assert client.get("/api/v1/process-models/web_form_task/versions/9/instances", headers=headers).status_code == 404
    assert client.get("/api/v1/process-models/web_form_task/versions/2/instances",
                      headers=login("aanmelder")).status_code == 403
    assert client.get("/api/v1/process-models/web_form_task/versions/2/instances?limit=0",
                      headers=headers).status_code == 422


def test_the_version_page_pages_its_instances(rt, client, web_login, two_versions):
    _start(rt, 51)
    web_login("proceseigenaar")
    first = client.get("/procesmodellen/web_form_task/versies/2").get_data(as_text=True)
    assert "Pagina 1 van 2" in first and first.count("<tr><td><code>") == 50
    second = client.get("/procesmodellen/web_form_task/versies/2?pagina=2").get_data(as_text=True)
    assert "Pagina 2 van 2" in second and second.count("<tr><td><code>") == 1
    overview = client.get("/procesmodellen/web_form_task").get_data(as_text=True)
    assert "De nieuwste 50 van 51 zaken" in overview
