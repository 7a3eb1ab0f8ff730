"""Validation a process owner understands: each lint rule, errors apart from warnings, Dutch messages with
file, element and line; garbage uploads are refused with a 4xx, never a 5xx or a Python repr."""
import io
import re

import pytest

from tests.api.conftest import error

HEAD = ('<?xml version="1.0" encoding="UTF-8"?>\n<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" '
        'xmlns:spiffworkflow="http://spiffworkflow.org/bpmn/schema/1.0/core" id="d">\n'
        '<bpmn:process id="lint" name="Lint" isExecutable="true">\n')
FORM = ('<bpmn:extensionElements><spiffworkflow:properties><spiffworkflow:property name="formJsonSchemaFilename" '
        'value="{form}"/></spiffworkflow:properties></bpmn:extensionElements>')
SCHEMA = '{"type": "object", "properties": {"naam": {"type": "string"}}}'


def model(body: str, lanes: str = "") -> str:
    return f"{HEAD}{lanes}{body}\n</bpmn:process>\n</bpmn:definitions>\n"


def straight(task: str) -> str:
    """start -> the task (id t) -> end."""
    return ('<bpmn:startEvent id="s"/>\n' + task + '\n<bpmn:endEvent id="e"/>\n'
            '<bpmn:sequenceFlow id="f1" sourceRef="s" targetRef="t"/><bpmn:sequenceFlow id="f2" sourceRef="t" targetRef="e"/>')


def service(operator: str) -> str:
    return straight(f'<bpmn:serviceTask id="t" name="Dienst"><bpmn:extensionElements>{operator}</bpmn:extensionElements></bpmn:serviceTask>')


def user_task(form="vorm-schema.json") -> str:
    return f'<bpmn:userTask id="t" name="Invullen">{FORM.format(form=form) if form else ""}</bpmn:userTask>'


def timer(expression: str) -> str:
    return ('<bpmn:startEvent id="s"/><bpmn:intermediateCatchEvent id="t" name="Wachten"><bpmn:timerEventDefinition>'
            f'<bpmn:timeDuration>{expression}</bpmn:timeDuration></bpmn:timerEventDefinition></bpmn:intermediateCatchEvent>'
            '<bpmn:endEvent id="e"/><bpmn:sequenceFlow id="f1" sourceRef="s" targetRef="t"/>'
            '<bpmn:sequenceFlow id="f2" sourceRef="t" targetRef="e"/>')


def gateway(flows: str) -> str:
    return ('<bpmn:startEvent id="s"/><bpmn:exclusiveGateway id="g" name="Keuze?" default="nee"/>'
            '<bpmn:endEvent id="e"/><bpmn:endEvent id="e2"/><bpmn:sequenceFlow id="f1" sourceRef="s" targetRef="g"/>' + flows)


LANE = ('<bpmn:laneSet id="ls"><bpmn:lane id="baan" name="{role}"><bpmn:flowNodeRef>t</bpmn:flowNodeRef>'
        '</bpmn:lane></bpmn:laneSet>')
ECHO = '<spiffworkflow:serviceTaskOperator id="{name}" resultVariable="r"><spiffworkflow:parameters>{params}</spiffworkflow:parameters></spiffworkflow:serviceTaskOperator>'
PARAM = '<spiffworkflow:parameter id="{0}" type="str" value="1"/>'
RISICO = ECHO.format(name="risicotaxatie_volgende_datum", params="{params}")

CASES = [
    # (bpmn, severity, element id, words)
    (model(straight(user_task("ontbreekt-schema.json"))), "errors", "t", "formulier 'ontbreekt-schema.json' is onbekend"),
    (model(straight(user_task(None))), "warnings", "t", "gebruikerstaak zonder formulier"),
    (model(service("")), "errors", "t", "servicetaak zonder handler"),
    (model(service(ECHO.format(name="bestaat_niet", params=""))), "errors", "t", "onbekende handler 'bestaat_niet'"),
    (model(service(RISICO.format(params=PARAM.format("laatste_datum")))), "errors", "t", "mist parameter(s): uitkomst"),
    (model(service(RISICO.format(params=PARAM.format("laatste_datum") + PARAM.format("uitkomst") + PARAM.format("x")))),
     "errors", "t", "kent parameter(s) niet: x"),
    (model(straight(user_task()), LANE.format(role="schoonmaker")), "errors", "baan", "baan 'schoonmaker' is geen bekende rol"),
    (model(timer('"P3X"')), "errors", "t", "geen geldige ISO 8601"),
    (model(timer("3")), "errors", "t", "geen ISO 8601-tekst"),
    (model(straight(user_task()) + '<bpmn:task id="los" name="Los"/><bpmn:sequenceFlow id="f9" sourceRef="los" targetRef="e"/>'),
     "errors", "los", "onbereikbaar"),
    (model(straight(user_task()).replace('targetRef="e"/>', 'targetRef="e"/><bpmn:sequenceFlow id="f3" sourceRef="s" targetRef="lus"/>')
           + '<bpmn:task id="lus" name="Lus"/><bpmn:sequenceFlow id="f4" sourceRef="lus" targetRef="lus"/>'),
     "errors", "lus", "doodlopend"),
    (model('<bpmn:task id="t" name="Alleen"/><bpmn:endEvent id="e"/><bpmn:sequenceFlow id="f" sourceRef="t" targetRef="e"/>'),
     "errors", "lint", "geen startgebeurtenis"),
    (model('<bpmn:startEvent id="s"/><bpmn:task id="t" name="Alleen"/><bpmn:sequenceFlow id="f" sourceRef="s" targetRef="t"/>'),
     "errors", "lint", "geen eindgebeurtenis"),
    (model(straight(user_task()) + '<bpmn:sequenceFlow id="zwevend" sourceRef="t" targetRef="nergens"/>'),
     "errors", "zwevend", "stroom is niet verbonden"),
    (model(straight(user_task()) + '<bpmn:task id="eiland" name="Eiland"/>'), "errors", "eiland", "met niets verbonden"),
    (model(straight(user_task()) + '<bpmn:endEvent id="e3"/><bpmn:sequenceFlow id="f3" sourceRef="t" targetRef="e3"/>'),
     "errors", "t", "impliciete splitsing"),
    (model(gateway('<bpmn:sequenceFlow id="ja" sourceRef="g" targetRef="e"><bpmn:conditionExpression>x</bpmn:conditionExpression>'
                   '</bpmn:sequenceFlow><bpmn:sequenceFlow id="nee" sourceRef="g" targetRef="e2"/>')),
     "warnings", "ja", "zonder label"),
    (model(gateway('<bpmn:sequenceFlow id="ja" name="ja" sourceRef="g" targetRef="e"/>'
                   '<bpmn:sequenceFlow id="nee" name="nee" sourceRef="g" targetRef="e2"/>')),
     "errors", "ja", "zonder voorwaarde en niet de standaardstroom"),
    (model(straight('<bpmn:callActivity id="t" name="Aanroep" calledElement="onbekend"/>')),
     "errors", "t", "aangeroepen proces 'onbekend' bestaat niet"),
    (model(straight('<bpmn:businessRuleTask id="t" name="Besluit"><bpmn:extensionElements><spiffworkflow:calledDecisionId>'
                    'geen_tabel</spiffworkflow:calledDecisionId></bpmn:extensionElements></bpmn:businessRuleTask>')),
     "errors", "t", "beslissing 'geen_tabel' bestaat niet"),
    (model(gateway('<bpmn:sequenceFlow id="ja" name="ja" sourceRef="g" targetRef="e"><bpmn:conditionExpression>x'
                   '</bpmn:conditionExpression></bpmn:sequenceFlow><bpmn:sequenceFlow id="nee" name="nee" sourceRef="g" '
                   'targetRef="e2"/>').replace('name="Keuze?"', 'name="None"')),
     "warnings", "g", "element heet 'None'"),
]


def post(client, headers, files: dict, path="/api/v1/process-models/validate"):
    items = [(io.BytesIO(t if isinstance(t, bytes) else t.encode()), n) for n, t in files.items()]
    return client.post(path, data={"files": items}, headers=headers, content_type="multipart/form-data")


def test_a_clean_model_has_no_findings(client, owner):
    response = post(client, owner, {"lint.bpmn": model(straight(user_task())), "vorm-schema.json": SCHEMA})
    assert response.status_code == 200
    assert (response.json["errors"], response.json["warnings"]) == ([], [])
    assert [(p["id"], p["status"]) for p in response.json["processes"]] == [("lint", "new")]


@pytest.mark.parametrize(("bpmn", "severity", "element", "words"), CASES, ids=[c[3][:30] for c in CASES])
def test_each_lint_rule_names_file_element_and_line(client, owner, bpmn, severity, element, words):
    report = post(client, owner, {"lint.bpmn": bpmn, "vorm-schema.json": SCHEMA}).json
    hits = [p for p in report[severity] if words in p["message"]]
    assert hits, report
    assert (hits[0]["file"], hits[0]["element_id"]) == ("lint.bpmn", element)
    assert isinstance(hits[0]["line"], int) and hits[0]["line"] >= 3
    deploy = post(client, owner, {"lint.bpmn": bpmn, "vorm-schema.json": SCHEMA}, path="/api/v1/process-models")
    if severity == "errors":
        body = error(deploy, 422, "deployrefused")
        assert any(words in p["message"] for p in body["errors"])
    else:
        assert deploy.status_code == 201 and any(words in w["message"] for w in deploy.json["warnings"])


def test_element_name_is_reported(client, owner):
    report = post(client, owner, {"lint.bpmn": model(service(""))}).json
    assert report["errors"][0]["element_name"] == "Dienst"


GARBAGE = {
    "leeg": {"a.bpmn": b""},
    "geen xml": {"a.bpmn": b"dit is geen XML"},
    "binair": {"a.bpmn": bytes(range(256))},
    "andere namespace": {"a.bpmn": b'<definitions xmlns="http://example.org/x"><process id="p"/></definitions>'},
    "geen namespace": {"a.bpmn": b"<definitions><process id='p' isExecutable='true'/></definitions>"},
    "dmn als bpmn": {"a.bpmn": b'<definitions xmlns="https://www.omg.org/spec/DMN/20191111/MODEL/"/>'},
    "bpmn als dmn": {"a.dmn": HEAD.encode() + b"</bpmn:process></bpmn:definitions>"},
    "lege process": {"a.bpmn": HEAD.encode() + b"</bpmn:process></bpmn:definitions>"},
    "json rommel": {"a.json": b"{niet: json", "b.bpmn": model(straight(user_task("a.json"))).encode()},
    "diep genest": {"a.bpmn": HEAD.encode() + b"<x>" * 5000 + b"</x>" * 5000 + b"</bpmn:process></bpmn:definitions>"},
    "data zonder object": {"a.bpmn": model(straight('<bpmn:task id="t" name="T"><bpmn:dataOutputAssociation id="o">'
                                                    '<bpmn:targetRef>weg</bpmn:targetRef></bpmn:dataOutputAssociation>'
                                                    '</bpmn:task>')).encode()},
    "verkeerde extensie": {"a.exe": b"MZ"},
    "niet uitvoerbaar": {"a.bpmn": model(straight(user_task(None))).replace('isExecutable="true"', 'isExecutable="false"').encode()},
    "alleen een formulier": {"vorm-schema.json": SCHEMA.encode()},
}
PYTHON_LEAKS = re.compile(r"0x[0-9a-f]{6,}|Error\(|Exception|Traceback|<Element|object has no attribute|not found|must have")


@pytest.mark.parametrize("files", GARBAGE.values(), ids=GARBAGE.keys())
@pytest.mark.parametrize("path", ["/api/v1/process-models", "/api/v1/process-models/validate"])
def test_garbage_is_never_a_5xx_and_never_leaks_python(client, owner, worker, files, path):
    response = post(client, owner, files, path=path)
    assert response.status_code < 500, response.get_data(as_text=True)
    text = response.get_data(as_text=True)
    assert not PYTHON_LEAKS.search(text), text
    if path.endswith("validate") and response.status_code == 200:
        assert response.json["errors"], response.json
    else:
        assert 400 <= response.status_code < 500
    assert client.get("/api/v1/process-models", headers=worker).json == []


def test_validate_is_for_process_owners(client, worker):
    error(post(client, worker, {"lint.bpmn": model(straight(user_task(None)))}), 403, "forbidden")


UI_FORM = ('<bpmn:extensionElements><spiffworkflow:properties><spiffworkflow:property name="formJsonSchemaFilename" '
           'value="vorm-schema.json"/><spiffworkflow:property name="formUiSchemaFilename" value="vorm-uischema.json"/>'
           '</spiffworkflow:properties></bpmn:extensionElements>')


@pytest.mark.parametrize("schema, ui, words", [
    ('{"type": "object", "x-check": "bestaat_niet", "properties": {}}', "{}", "onbekende controle 'bestaat_niet'"),
    ('{"type": "object", "properties": {"wie": {"type": "string", "x-choices": "niemand"}}}', "{}",
     "onbekende keuzelijst 'niemand'"),
    (SCHEMA, '{"ui:context": [{"pad": "duo voorstel", "label": "Duo"}]}',
     "pad 'duo voorstel' is geen geldig gegevenspad"),
    (SCHEMA, '{"ui:context": [{"pad": "duo_voorstel..naam", "label": "Duo"}]}', "is geen geldig gegevenspad"),
    (SCHEMA, '{"ui:context": [{"pad": "duo", "label": ""}]}', "item 1 heeft geen label"),
    (SCHEMA, '{"ui:context": {"pad": "duo"}}', "'ui:context' is geen lijst"),
])
def test_form_hooks_and_context_are_checked_at_deploy(client, owner, schema, ui, words):
    files = {"lint.bpmn": model(straight(f'<bpmn:userTask id="t" name="Invullen">{UI_FORM}</bpmn:userTask>')),
             "vorm-schema.json": schema, "vorm-uischema.json": ui}
    body = error(post(client, owner, files, path="/api/v1/process-models"), 422, "deployrefused")
    assert any(words in p["message"] and p["element_id"] == "t" for p in body["errors"]), body["errors"]


def test_known_hooks_and_a_well_formed_context_deploy(client, owner):
    ui = '{"ui:context": [{"pad": "duo_voorstel.casemanager_zorg.naam", "label": "Duo"}, {"pad": "lijst.0", "label": "Eerste"}]}'
    schema = '{"type": "object", "x-check": "anoniem_dossier", "properties": {"wie": {"type": "string", "x-choices": "casemanager_zorg_keuzes"}}}'
    files = {"lint.bpmn": model(straight(f'<bpmn:userTask id="t" name="Invullen">{UI_FORM}</bpmn:userTask>')),
             "vorm-schema.json": schema, "vorm-uischema.json": ui}
    assert post(client, owner, files, path="/api/v1/process-models").status_code == 201
