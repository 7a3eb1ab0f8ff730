"""Deploy what changed: one changed file of the levensloop model set is enough; what it calls comes from the
deployed versions, only changed processes get a version, and every deployed file can be downloaded."""
import io
import json
from pathlib import Path

import pytest

from tests.api.conftest import error

PROCESSES = Path(__file__).resolve().parents[2] / "processes"
CYCLUS = "levensloop_cyclus.bpmn"


def post(client, headers, files: dict[str, str | bytes], path="/api/v1/process-models"):
    items = [(io.BytesIO(t.encode() if isinstance(t, str) else t), n) for n, t in files.items()]
    return client.post(path, data={"files": items}, headers=headers, content_type="multipart/form-data")


def model_set() -> dict[str, str]:
    """The processes with the decisions they use (forms come from forms/ when not uploaded)."""
    return {p.name: p.read_text(encoding="utf-8") for p in sorted(PROCESSES.iterdir()) if p.suffix in (".bpmn", ".dmn")}


@pytest.fixture
def deployed(client, owner):
    response = post(client, owner, model_set())
    assert response.status_code == 201, response.json
    assert {p["status"] for p in response.json["processes"]} == {"new"}
    return response.json


def renamed_cyclus() -> str:
    text = model_set()[CYCLUS]
    assert 'name="Plan van aanpak: zorg en veiligheidsrisico\'s"' in text
    return text.replace('name="Plan van aanpak: zorg en veiligheidsrisico\'s"', 'name="Plan van aanpak zorg"')


def versions(client, headers) -> dict[str, int]:
    return {m["id"]: m["latest_version"] for m in client.get("/api/v1/process-models", headers=headers).json}


def test_one_changed_file_makes_one_new_version_calling_the_deployed_processes(client, owner, deployed):
    response = post(client, owner, {CYCLUS: renamed_cyclus()})
    assert response.status_code == 201, response.json
    [proc] = response.json["processes"]
    assert (proc["id"], proc["status"], proc["version"], proc["previous_version"]) == ("levensloop_cyclus", "changed", 2, 1)
    assert proc["changed_parts"] == ["model"]
    assert [(c["id"], c["aspects"]) for c in proc["elements"]["changed"]] == [("plan_zorg", ["naam"])]
    assert versions(client, owner) == {"levensloop_cyclus": 2, "levensloop_intake": 1, "opschaling": 1,
                                       "overdracht": 1, "risicotaxatie": 1, "casusregie_gezin": 1, "wmo_traject": 1}
    # the new version runs with the called processes pinned from the deployed ones
    called = client.get("/api/v1/process-models/levensloop_cyclus/versions/2/files/risicotaxatie.bpmn", headers=owner)
    assert called.status_code == 200 and called.get_data(as_text=True) == model_set()["risicotaxatie.bpmn"]


def test_an_unchanged_file_is_a_no_op(client, owner, deployed):
    response = post(client, owner, {CYCLUS: model_set()[CYCLUS]})
    assert response.status_code == 200
    assert response.json["created"] is False
    assert [(p["id"], p["status"], p["version"]) for p in response.json["processes"]] == [("levensloop_cyclus", "unchanged", 1)]


def test_the_whole_set_again_with_one_change_versions_only_that_one(client, owner, deployed):
    response = post(client, owner, {**model_set(), CYCLUS: renamed_cyclus()})
    assert response.status_code == 201
    statuses = {p["id"]: p["status"] for p in response.json["processes"]}
    assert statuses.pop("levensloop_cyclus") == "changed" and set(statuses.values()) == {"unchanged"}
    assert versions(client, owner)["risicotaxatie"] == 1


def test_a_changed_called_process_gives_its_callers_a_new_version(client, owner, deployed):
    text = model_set()["risicotaxatie.bpmn"] + "\n<!-- bijgewerkt -->\n"
    response = post(client, owner, {"risicotaxatie.bpmn": text})
    assert response.status_code == 201, response.json
    statuses = {p["id"]: (p["status"], p.get("changed_parts")) for p in response.json["processes"]}
    assert statuses["risicotaxatie"] == ("changed", ["model"])
    assert statuses["levensloop_cyclus"] == ("changed", ["aangeroepen proces risicotaxatie"])
    assert versions(client, owner)["opschaling"] == 1


def test_a_broken_file_is_422_in_dutch_and_nothing_is_deployed(client, owner, deployed):
    broken = renamed_cyclus().replace('serviceTaskOperator id="escalatie_termijnen"', 'serviceTaskOperator id="bestaat_niet"', 1)
    body = error(post(client, owner, {CYCLUS: broken}), 422, "deployrefused")
    [problem] = [p for p in body["errors"] if "bestaat_niet" in p["message"]]
    assert problem["file"] == CYCLUS and problem["element_id"] == "termijnen_cyclus" and problem["line"] > 1
    assert problem["message"].startswith("onbekende handler 'bestaat_niet'")
    assert versions(client, owner)["levensloop_cyclus"] == 1


def test_duplicate_process_ids_across_uploaded_files_are_named(client, owner):
    text = model_set()["overdracht.bpmn"]
    body = error(post(client, owner, {"overdracht.bpmn": text, "kopie.bpmn": text}), 422, "deployrefused")
    assert any(p["file"] == "overdracht.bpmn" and p["element_id"] == "overdracht" and "al gedefinieerd" in p["message"]
               for p in body["errors"]), body
    assert versions(client, owner) == {}


def test_deployed_files_are_downloadable_with_their_content_type(client, owner, worker, deployed):
    url = "/api/v1/process-models/levensloop_cyclus/versions/1/files"
    bpmn = client.get(f"{url}/{CYCLUS}", headers=worker)
    assert bpmn.status_code == 200 and bpmn.mimetype == "application/xml"
    assert bpmn.get_data(as_text=True) == model_set()[CYCLUS]
    form = client.get(f"{url}/plan_zorg-schema.json", headers=worker)
    assert form.status_code == 200 and form.mimetype == "application/json" and "properties" in form.json
    assert error(client.get(f"{url}/geen.bpmn", headers=worker), 404, "notfound")["message"].startswith("Bestand 'geen.bpmn'")
    assert "Versie 9" in error(client.get(url.replace("/1/", "/9/") + f"/{CYCLUS}", headers=worker), 404)["message"]
    error(client.get(f"{url}/{CYCLUS}"), 401)


def test_a_changed_form_alone_gives_the_processes_using_it_a_new_version(client, owner, deployed):
    forms = Path(__file__).resolve().parents[2] / "forms"
    schema = json.loads((forms / "plan_zorg-schema.json").read_text(encoding="utf-8"))
    schema["title"] = "Plan van aanpak zorg (bijgewerkt)"
    response = post(client, owner, {"plan_zorg-schema.json": json.dumps(schema)})
    assert response.status_code == 201, response.json
    [proc] = response.json["processes"]
    assert (proc["id"], proc["status"], proc["changed_parts"]) == ("levensloop_cyclus", "changed",
                                                                  ["formulier plan_zorg-schema.json"])
    form = client.get("/api/v1/process-models/levensloop_cyclus/versions/2/files/plan_zorg-schema.json", headers=owner)
    assert form.json["title"] == "Plan van aanpak zorg (bijgewerkt)"
