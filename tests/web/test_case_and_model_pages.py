"""The zaak page (diagram markers, timeline) and the procesmodellen pages (upload, errors, diagram)."""
import html
import io
import json
import re

from engine.instances import service as instances
from tests.conftest import actor, bpmn_files

WORKER = actor("aanmelder")


def markers(html: str) -> dict:
    return json.loads(re.search(r'id="diagram-markers">(.*?)</script>', html, re.S).group(1))


def test_case_page_has_markers_timeline_and_diagram_xml(rt, client, web_login, deploy):
    deploy("web_form_task.bpmn", "gegevens-schema.json")
    case = instances.start(rt, "web_form_task", {}, WORKER)
    instances.complete_task(rt, case["ready_tasks"][0]["id"], {"naam": "Jan", "datum": "2027-02-01"}, WORKER)
    web_login("aanmelder")
    html = client.get(f"/zaken/{case['id']}").get_data(as_text=True)
    assert markers(html) == {"completed": ["web_fill", "web_start"], "current": [], "timers": ["web_wait"]}
    assert "Taak afgerond" in html and "Gestart" in html
    xml = client.get(f"/zaken/{case['id']}/diagram.bpmn")
    assert xml.mimetype == "application/xml" and 'id="web_fill"' in xml.get_data(as_text=True)


def test_worker_starts_a_case_from_the_list(client, web_login, deploy):
    deploy("web_form_task.bpmn", "gegevens-schema.json")
    token = web_login("aanmelder")
    response = client.post("/zaken", data={"csrf_token": token, "process_model": "web_form_task"})
    assert response.status_code == 303 and response.headers["Location"].startswith("/zaken/")
    assert "Gegevens invullen" in client.get(response.headers["Location"]).get_data(as_text=True)


def upload(client, token, action, files):
    data = {"csrf_token": token, "actie": action,
            "files": [(io.BytesIO(text.encode()), name) for name, text in files.items()]}
    return client.post("/procesmodellen", data=data, content_type="multipart/form-data")


def test_owner_deploys_and_sees_the_version_diagram(client, web_login):
    token = web_login("proceseigenaar")
    files = bpmn_files("web_form_task.bpmn", "gegevens-schema.json")
    assert "Geen fouten gevonden" in upload(client, token, "valideren", files).get_data(as_text=True)
    response = upload(client, token, "deployen", files)
    assert response.status_code == 303
    page = client.get("/procesmodellen").get_data(as_text=True)
    assert "Gedeployed: web_form_task versie 1" in page
    assert "/procesmodellen/web_form_task/versies/1" in page
    assert 'id="web_wait"' in client.get("/procesmodellen/web_form_task/versies/1/diagram.bpmn").get_data(as_text=True)


def test_refused_upload_lists_errors_per_element(client, web_login):
    token = web_login("proceseigenaar")
    broken = bpmn_files("web_form_task.bpmn")["web_form_task.bpmn"].replace(
        'value="gegevens-schema.json"', 'value="ontbreekt-schema.json"')
    response = upload(client, token, "deployen", {"web_form_task.bpmn": broken})
    assert response.status_code == 422
    table = re.search(r'id="modelfouten">(.*?)</table>', response.get_data(as_text=True), re.S).group(1)
    assert "web_fill" in table and "ontbreekt-schema.json" in table


def test_worker_may_not_deploy(client, web_login):
    token = web_login("aanmelder")
    response = upload(client, token, "deployen", bpmn_files("web_form_task.bpmn", "gegevens-schema.json"))
    assert response.status_code == 403
    assert "Alleen een proceseigenaar mag procesmodellen beheren." in response.get_data(as_text=True)


def test_auditor_replays_a_case_and_sees_it_verified(rt, client, web_login, deploy):
    deploy("web_form_task.bpmn", "gegevens-schema.json")
    case = instances.start(rt, "web_form_task", {}, WORKER)
    instances.complete_task(rt, case["ready_tasks"][0]["id"], {"naam": "Jan", "datum": "2027-02-01"}, WORKER)
    web_login("auditor")
    assert f"/audit/zaken/{case['id']}" in client.get(f"/zaken/{case['id']}").get_data(as_text=True)
    html = client.get(f"/audit/zaken/{case['id']}/herspelen").get_data(as_text=True)
    assert "Uitkomst: geverifieerd" in html and "2 van 2 gebeurtenissen opnieuw uitgevoerd" in html


def test_validating_keeps_the_chosen_files_for_deploying(client, web_login):
    token = web_login("proceseigenaar")
    files = bpmn_files("web_form_task.bpmn", "gegevens-schema.json")
    page = upload(client, token, "valideren", files).get_data(as_text=True)
    assert "Gekozen bestanden (bewaard): gegevens-schema.json, web_form_task.bpmn" in page
    kept = {"csrf_token": token, "actie": "deployen",
            "bewaard_naam": re.findall(r'name="bewaard_naam" value="([^"]+)"', page),
            "bewaard_inhoud": [html.unescape(v) for v in re.findall(r'name="bewaard_inhoud" value="([^"]*)"', page)]}
    assert kept["bewaard_naam"] == ["gegevens-schema.json", "web_form_task.bpmn"]
    response = client.post("/procesmodellen", data=kept, content_type="multipart/form-data")
    assert response.status_code == 303
    assert "Gedeployed: web_form_task versie 1 (nieuw)" in client.get("/procesmodellen").get_data(as_text=True)


def test_the_version_page_links_every_deployed_file(client, web_login, deploy):
    deploy("web_form_task.bpmn", "gegevens-schema.json")
    web_login("proceseigenaar")
    page = client.get("/procesmodellen/web_form_task/versies/1").get_data(as_text=True)
    link = "/procesmodellen/web_form_task/versies/1/bestanden/gegevens-schema.json"
    assert link in page and "/bestanden/web_form_task.bpmn" in page
    download = client.get(link)
    assert download.status_code == 200 and download.mimetype == "application/json"
    assert download.json == json.loads(bpmn_files("gegevens-schema.json")["gegevens-schema.json"])
    assert client.get("/procesmodellen/web_form_task/versies/1/bestanden/geen.json").status_code == 404
