"""A BPMN business rule task calling a decision from a multi-decision DMN file with a requirement graph."""
import pytest
from SpiffWorkflow.bpmn.serializer.workflow import BpmnWorkflowSerializer
from SpiffWorkflow.bpmn.workflow import BpmnWorkflow
from SpiffWorkflow.spiff.parser.process import SpiffBpmnParser
from SpiffWorkflow.spiff.serializer.config import SPIFF_CONFIG

from engine.audit import replay
from engine.instances import service as instances
from engine.process_models import service as model_service
from engine.spiff import serialization
from engine.spiff.bpmn_files import load_specs, parse_models
from engine.spiff.sandbox import SandboxedScriptEngine
from tests.conftest import BPMN_DIR, OWNER, actor, bpmn_files
from tests.decisions.conftest import files
from tests.engine.conftest import RESOLVER, WORKER

AUDITOR = actor("auditor")


@pytest.fixture
def deployed(rt):
    return model_service.deploy(rt, files("regie_advies.bpmn", "regie_drg.dmn", "hit_policies.dmn"), OWNER)


@pytest.mark.parametrize(("data", "advies"), [
    ({"leeftijd": 10, "kader": "gedwongen"}, "overleg met de jeugdbeschermer"),
    ({"leeftijd": 10, "kader": "vrijwillig"}, "gezinsplan met het wijkteam"),
    ({"leeftijd": 30, "kader": "vrijwillig"}, "plan met het sociaal team"),
])
def test_the_task_evaluates_required_decisions_first_and_stores_only_its_own_outputs(rt, deployed, data, advies):
    view = instances.start(rt, "regie_advies", data, WORKER)
    assert view["status"] == "completed"
    assert view["data"] == {**data, "advies": advies}
    assert replay.replay(rt, view["id"], AUDITOR)["status"] == "verified"


def test_an_input_that_cannot_be_evaluated_is_an_incident_naming_decision_and_input(rt, deployed):
    view = instances.start(rt, "regie_advies", {"leeftijd": "tien", "kader": "vrijwillig"}, WORKER)
    assert view["status"] == "error"
    assert view["incident"]["element"] == "bepaal_advies"
    assert "'leeftijdscategorie'" in view["incident"]["message"]
    assert "'leeftijd' moet een getal zijn" in view["incident"]["message"]
    assert "tien" not in view["incident"]["message"]  # the value itself only in the server log


def test_a_missing_input_is_an_incident_and_stays_one_on_retry(rt, deployed):
    view = instances.start(rt, "regie_advies", {"leeftijd": 10}, WORKER)
    assert view["status"] == "error"
    assert "'regiehouder'" in view["incident"]["message"] and "'kader' ontbreekt" in view["incident"]["message"]
    view = instances.retry(rt, view["id"], RESOLVER)
    assert view["status"] == "error" and "advies" not in view["data"]


def test_a_state_written_with_spiffworkflows_own_dmn_engine_still_loads_and_runs():
    """Instances started before this engine carry SpiffWorkflow's decision table in their state; they run on
    it and keep it, as it is not the spec the version parses to now."""
    parser = SpiffBpmnParser()
    parser.add_bpmn_file(str(BPMN_DIR / "eng_dmn.bpmn"))
    parser.add_dmn_file(str(BPMN_DIR / "eng_dmn.dmn"))
    old = BpmnWorkflow(parser.get_spec("eng_dmn"), script_engine=SandboxedScriptEngine())
    old_serializer = BpmnWorkflowSerializer(BpmnWorkflowSerializer.configure(SPIFF_CONFIG))
    state = {**old_serializer.to_dict(old), old_serializer.VERSION_KEY: old_serializer.VERSION}
    assert "decision_table" in state["spec"]["task_specs"]["decide"]

    workflow = serialization.load(state, SandboxedScriptEngine())
    workflow.get_tasks()[0].data["score"] = 12
    workflow.do_engine_steps()
    assert workflow.is_completed() and workflow.data["urgentie"] == "hoog"
    version_specs = serialization.serialized_specs(*load_specs(parse_models(bpmn_files("eng_dmn.bpmn", "eng_dmn.dmn")),
                                                                "eng_dmn"))
    assert "decision_table" in serialization.dump(workflow, version_specs)["spec"]["task_specs"]["decide"]


def test_dotted_output_names_write_nested_data_as_in_spiffworkflow(rt):
    model_service.deploy(rt, {**bpmn_files("eng_dmn.bpmn"), **files("dotted_outputs.dmn")}, OWNER)
    view = instances.start(rt, "eng_dmn", {"score": 12}, WORKER)
    assert view["data"] == {"score": 12, "urgentie": {"niveau": "hoog", "termijn_dagen": 2}}
