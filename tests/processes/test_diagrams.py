"""Every diagram parses, shows every element (DI), uses known roles, forms and handlers."""
import json
from pathlib import Path

import pytest
from jsonschema import Draft202012Validator
from lxml import etree
from SpiffWorkflow.bpmn.specs.mixins.service_task import ServiceTask
from SpiffWorkflow.bpmn.specs.mixins.user_task import UserTask
from SpiffWorkflow.spiff.parser.process import VALIDATOR

from engine.process_models.lint import PLACEHOLDER_NAMES
from engine.spiff.bpmn_files import parse_models
from handlers import HANDLERS

ROOT = Path(__file__).resolve().parents[2]
FILES = sorted((ROOT / "processes").glob("*.bpmn"))
DECISIONS = sorted((ROOT / "processes").glob("*.dmn"))
ROLES = {"aanmelder", "procesregisseur", "adviestafel", "casemanager_zorg", "casusregisseur_gemeente", "coordinator",
         "regiebehandelaar", "opnamecoordinator", "gedragsdeskundige", "sociaal_team", "casusregisseur_gezin", "verwijzer",
         "aanbieder"}
NS = {"bpmn": "http://www.omg.org/spec/BPMN/20100524/MODEL", "bpmndi": "http://www.omg.org/spec/BPMN/20100524/DI"}
FLOW_NODES = ("startEvent", "endEvent", "userTask", "serviceTask", "scriptTask", "businessRuleTask", "exclusiveGateway",
              "parallelGateway", "inclusiveGateway", "eventBasedGateway", "intermediateCatchEvent", "intermediateThrowEvent",
              "boundaryEvent", "callActivity", "subProcess", "sendTask", "receiveTask", "manualTask", "task")
EXPECTED = {"levensloop_intake", "levensloop_cyclus", "risicotaxatie", "opschaling", "overdracht", "casusregie_gezin",
            "wmo_traject"}


@pytest.fixture(scope="module")
def specs():
    """Parsed as a deployment parses them: business rule tasks need the .dmn files beside them."""
    parser = parse_models({f.name: f.read_text(encoding="utf-8") for f in FILES + DECISIONS})
    result = {}
    for pid in parser.get_process_ids():
        result[pid] = [parser.get_spec(pid), *parser.get_subprocess_specs(pid).values()]
    return result


@pytest.mark.parametrize("path", FILES, ids=lambda p: p.name)
def test_valid_against_the_bpmn_and_spiff_xsds(path):
    VALIDATOR.validate(etree.parse(str(path)), str(path))


def task_specs(specs):
    for spec_list in specs.values():
        for spec in spec_list:
            yield from spec.task_specs.values()


def test_all_processes_are_executable(specs):
    assert EXPECTED <= set(specs)


@pytest.mark.parametrize("path", FILES, ids=lambda p: p.name)
def test_every_node_and_flow_is_drawn(path):
    tree = etree.parse(str(path))
    drawn = set(tree.xpath("//bpmndi:BPMNShape/@bpmnElement | //bpmndi:BPMNEdge/@bpmnElement", namespaces=NS))
    nodes = {n.get("id") for tag in FLOW_NODES for n in tree.xpath(f"//bpmn:{tag}", namespaces=NS)}
    flows = set(tree.xpath("//bpmn:sequenceFlow/@id", namespaces=NS))
    containers = set(tree.xpath("//bpmn:lane/@id | //bpmn:participant/@id", namespaces=NS))
    assert nodes and flows and containers
    assert not (nodes | flows | containers) - drawn


@pytest.mark.parametrize("path", DECISIONS, ids=lambda p: p.name)
def test_every_decision_is_drawn_and_used(path, specs):
    tree = etree.parse(str(path))
    decisions = set(tree.xpath("//*[local-name()='decision']/@id"))
    drawn = set(tree.xpath("//*[local-name()='DMNShape']/@dmnElementRef"))
    called = {ts.dmnEngine.decision_id for ts in task_specs(specs) if hasattr(ts, "dmnEngine")}
    assert decisions and decisions <= drawn
    assert decisions & called


@pytest.mark.parametrize("path", FILES, ids=lambda p: p.name)
def test_lanes_are_roles_and_hold_every_top_level_node(path):
    tree = etree.parse(str(path))
    lanes = tree.xpath("//bpmn:lane", namespaces=NS)
    assert {lane.get("name") for lane in lanes} <= ROLES
    in_lanes = set(tree.xpath("//bpmn:lane/bpmn:flowNodeRef/text()", namespaces=NS))
    top = {n.get("id") for tag in FLOW_NODES for n in tree.xpath(f"/bpmn:definitions/bpmn:process/bpmn:{tag}", namespaces=NS)}
    assert top <= in_lanes


def test_every_task_has_a_role(specs):
    for ts in task_specs(specs):
        if isinstance(ts, UserTask):
            assert ts.lane in ROLES, ts.name


def test_user_task_forms_exist_and_are_json_schema(specs):
    for ts in task_specs(specs):
        if isinstance(ts, UserTask):
            props = ts.extensions["properties"]
            schema = json.loads((ROOT / "forms" / props["formJsonSchemaFilename"]).read_text(encoding="utf-8"))
            Draft202012Validator.check_schema(schema)
            json.loads((ROOT / "forms" / props["formUiSchemaFilename"]).read_text(encoding="utf-8"))


def test_service_tasks_name_registered_handlers(specs):
    operators = {ts.operation_name for ts in task_specs(specs) if isinstance(ts, ServiceTask)}
    assert operators and operators <= set(HANDLERS)


def test_signals_are_correlated_messages(specs):
    """The engine delivers signals by casus: every message correlates on casus_id."""
    wanted = {"signaal_zorg", "signaal_gemeente", "detentie", "klinische_opname", "niet_verschenen", "verblijf_elders", "terugkeer"}
    found = []
    for ts in task_specs(specs):
        definition = getattr(ts, "event_definition", None)
        for d in getattr(definition, "event_definitions", [definition]):  # event-based gateways hold several
            if type(d).__name__ == "MessageEventDefinition":
                found.append((d.name, [(p.name, p.correlation_keys) for p in d.correlation_properties]))
    assert wanted <= {name for name, _ in found}
    assert [n for n, _ in found].count("terugkeer") >= 2  # the cycle adjusts its plan and the overdracht watch stops
    assert all(props == [("casus_id", ["casus"])] for _, props in found)


@pytest.mark.parametrize("path", FILES + DECISIONS, ids=lambda p: p.name)
def test_no_element_is_named_none(path):
    """A name such as "None" is what a generator writes for no name; the diagram would show it as a label."""
    named = etree.parse(str(path)).xpath("//*[@name]")
    assert [e.get("id") for e in named if e.get("name").strip().lower() in PLACEHOLDER_NAMES] == []
