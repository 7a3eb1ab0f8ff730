"""The modeler's pages and JSON endpoints: who may edit, what the panels offer, deploys with a comment."""
import io
import json

from sqlalchemy import select

from engine.audit import trail
from engine.persistence.tables import AuditEvent
from tests.conftest import BPMN_DIR

JSON = {"Accept": "application/json"}
MODEL = ("web_form_task.bpmn", "gegevens-schema.json")


def _post(client, action, token, name, text, **form):
    data = {"csrf_token": token, "files": [(io.BytesIO(text.encode()), name)], **form}
    return client.post(f"/procesmodellen/modeler/{action}", data=data, headers=JSON, content_type="multipart/form-data")


def _choices(html: str) -> dict:
    start = html.index('id="modeler-keuzes">') + len('id="modeler-keuzes">')
    return json.loads(html[start:html.index("</script>", start)])


def test_editor_opens_the_newest_file_and_offers_forms_roles_handlers_and_statuses(client, web_login, deploy):
    deploy(*MODEL)
    web_login("proceseigenaar")
    html = client.get("/procesmodellen/web_form_task/bewerken").get_data(as_text=True)
    assert 'data-xml-url="/procesmodellen/web_form_task/versies/1/bestanden/web_form_task.bpmn"' in html
    assert 'href="/procesmodellen/web_form_task/bewerken/gegevens-schema.json"' in html
    choices = _choices(html)
    forms = {f["name"]: f for f in choices["forms"]}
    assert forms["gegevens"]["uischema"] is None
    assert forms["evaluatie"] == {"name": "evaluatie", "schema": "evaluatie-schema.json",
                                  "uischema": "evaluatie-uischema.json"}
    assert "aanmelder" in choices["roles"] and "proceseigenaar" not in choices["roles"]
    assert choices["processes"] == ["web_form_task"] and "in_zorg" in choices["casus_statuses"]
    assert "bed_reserveren" in {h["name"] for h in choices["handlers"]}


def test_form_and_unknown_files_of_the_version(client, web_login, deploy):
    deploy(*MODEL)
    web_login("proceseigenaar")
    assert 'id="schema-editor"' in client.get("/procesmodellen/web_form_task/bewerken/gegevens-schema.json").get_data(
        as_text=True)
    assert client.get("/procesmodellen/web_form_task/bewerken/ander.bpmn").status_code == 404
    assert client.get("/procesmodellen/bestaat_niet/bewerken").status_code == 404


def test_deploy_keeps_the_comment_with_the_deployment(rt, client, web_login, deploy):
    deploy(*MODEL)
    token = web_login("proceseigenaar")
    text = (BPMN_DIR / "web_form_task.bpmn").read_text().replace("Gegevens invullen", "Gegevens aanvullen")
    response = _post(client, "deployen", token, "web_form_task.bpmn", text, opmerking="Taaknaam verduidelijkt")
    assert response.status_code == 201, response.json
    assert [(p["id"], p["version"], p["status"], p["url"]) for p in response.json["processes"]] == [
        ("web_form_task", 2, "changed", "/procesmodellen/web_form_task/versies/2")]
    with rt.uow() as uow:
        event = uow.session.scalars(select(AuditEvent).where(AuditEvent.chain == trail.DEPLOYMENT_CHAIN)
                                    .order_by(AuditEvent.seq.desc())).first()
        assert event.inputs["comment"] == "Taaknaam verduidelijkt"


def test_a_file_that_cannot_deploy_answers_422_with_dutch_problems_in_json(rt, client, web_login, deploy):
    deploy(*MODEL)
    token = web_login("proceseigenaar")
    text = (BPMN_DIR / "web_form_task.bpmn").read_text().replace("gegevens-schema.json", "bestaat-niet-schema.json")
    response = _post(client, "deployen", token, "web_form_task.bpmn", text)
    assert response.status_code == 422 and response.is_json
    assert any(p["element_id"] == "web_fill" for p in response.json["errors"])
    too_long = _post(client, "deployen", token, "web_form_task.bpmn", text, opmerking="x" * 1001)
    assert too_long.status_code == 422 and too_long.json["fields"] == {"comment": "Maximaal 1000 tekens."}


def test_validate_lists_what_differs_from_the_deployed_version(client, web_login, deploy):
    deploy(*MODEL)
    token = web_login("proceseigenaar")
    text = (BPMN_DIR / "web_form_task.bpmn").read_text().replace('value="deadline"', 'value="deadline_nieuw"')
    body = _post(client, "valideren", token, "web_form_task.bpmn", text).json
    assert body["errors"] == []
    assert [(e["id"], e["aspects"]) for e in body["processes"][0]["elements"]["changed"]] == [
        ("web_fill", ["instellingen"])]


def test_without_the_csrf_token_nothing_happens_and_the_script_gets_json(rt, client, web_login, deploy):
    deploy(*MODEL)
    web_login("proceseigenaar")
    response = _post(client, "deployen", "verkeerd", "web_form_task.bpmn", (BPMN_DIR / "web_form_task.bpmn").read_text())
    assert response.status_code == 400 and response.json["error"] == "csrf"


def test_workers_may_not_edit_or_deploy(client, web_login, deploy):
    deploy(*MODEL)
    token = web_login("aanmelder")
    assert client.get("/procesmodellen/web_form_task/bewerken").status_code == 403
    assert client.get("/procesmodellen/nieuw").status_code == 403
    response = _post(client, "deployen", token, "web_form_task.bpmn", (BPMN_DIR / "web_form_task.bpmn").read_text())
    assert response.status_code == 403 and response.is_json
