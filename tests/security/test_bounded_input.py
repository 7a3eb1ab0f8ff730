"""Input nested too deep is refused as invalid input (422, in Dutch), never a 5xx."""
import io
import json

import pytest

from engine.errors import DeployRefused
from engine.instances import service as instances
from engine.input_limits import MAX_NESTING, TOO_DEEP
from engine.process_models import service as model_service
from tests.conftest import OWNER, actor, bpmn_files
from tests.web.conftest import web_login  # noqa: F401 (fixture)

ROLES = ("proceseigenaar", "procesregisseur", "aanmelder", "auditor", "beheerder", "coordinator")


def nested_json(depth: int) -> str:
    """An object whose value nests objects ``depth`` levels deep in all."""
    return '{"a":' * depth + "1" + "}" * depth


def write_rules(app) -> list[str]:
    """Every POST/PUT/PATCH route of the API, with placeholder path parameters."""
    rules = [rule for rule in app.url_map.iter_rules()
             if rule.rule.startswith("/api/") and rule.methods & {"POST", "PUT", "PATCH"}]
    return [rule.rule.replace("<", "").replace(">", "") for rule in rules]


def json_operations(client) -> set[str]:
    """The API paths whose documented request body is JSON."""
    document = client.get("/api/v1/openapi.json").json
    return {path for path, item in document["paths"].items()
            for operation in item.values()
            if "application/json" in operation.get("requestBody", {}).get("content", {})}


@pytest.mark.parametrize("depth", [MAX_NESTING + 1, 1000, 100_000])
def test_every_json_write_endpoint_refuses_deep_json(app, client, login, depth):
    headers = {**login(*ROLES, username="diep"), "Content-Type": "application/json"}
    documented = {path.replace("{", "").replace("}", "") for path in json_operations(client)}
    rules = write_rules(app)
    assert documented and documented <= set(rules)
    for path in sorted(rules, key=lambda p: p.endswith("/auth/logout")):  # logging out ends the token: last
        response = client.post(path, data=nested_json(depth), headers=headers)
        assert response.status_code < 500, (path, response.json)
        if path in documented:
            assert response.status_code == 422, (path, response.json)
            assert response.json["message"] == TOO_DEEP


def test_json_at_the_limit_is_read(client, login):
    headers = {**login("aanmelder"), "Content-Type": "application/json"}
    body = '{"process_model": "onbekend", "data": ' + nested_json(MAX_NESTING - 1) + "}"
    response = client.post("/api/v1/process-instances", data=body, headers=headers)
    assert response.status_code == 404, response.json  # parsed; the model simply does not exist


def test_web_form_refuses_deep_json(rt, client, web_login, deploy):  # noqa: F811 (fixture)
    deploy("web_form_task.bpmn", "gegevens-schema.json")
    case = instances.start(rt, "web_form_task", {"deadline": "2027-01-01"}, actor("aanmelder"))
    token = web_login("aanmelder")
    response = client.post(f"/taken/{case['ready_tasks'][0]['id']}",
                           data={"csrf_token": token, "data": nested_json(1000)})
    assert response.status_code == 422
    assert TOO_DEEP in response.get_data(as_text=True)


def nested_bpmn(depth: int) -> str:
    [text] = bpmn_files("sec_script.bpmn").values()
    deep = "<bpmn:documentation>" + "<x>" * depth + "</x>" * depth + "</bpmn:documentation>"
    return text.replace('<bpmn:startEvent id="start">', f'<bpmn:startEvent id="start">{deep}')


@pytest.mark.parametrize("depth", [MAX_NESTING, 300, 20_000])
def test_deeply_nested_xml_is_refused_at_deploy(rt, depth):
    with pytest.raises(DeployRefused) as refused:
        model_service.deploy(rt, {"diep.bpmn": nested_bpmn(depth)}, OWNER)
    assert refused.value.errors == [{"file": "diep.bpmn", "element_id": None, "element_name": None, "line": None, "message": TOO_DEEP}]


def test_deploy_upload_of_deep_xml_is_a_422(client, login):
    upload = {"files": (io.BytesIO(nested_bpmn(300).encode()), "diep.bpmn")}
    response = client.post("/api/v1/process-models", data=upload, headers=login("proceseigenaar"),
                           content_type="multipart/form-data")
    assert response.status_code == 422, response.json
    assert TOO_DEEP in response.json["message"]


def test_deeply_nested_form_file_is_refused_at_deploy(rt):
    files = bpmn_files("web_form_task.bpmn")
    files["gegevens-schema.json"] = json.dumps({"type": "object"})[:-1] + ', "x": ' + nested_json(500) + "}"
    with pytest.raises(DeployRefused) as refused:
        model_service.deploy(rt, files, OWNER)
    assert any(TOO_DEEP in problem["message"] for problem in refused.value.errors)
