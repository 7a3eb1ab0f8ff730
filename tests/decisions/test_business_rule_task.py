"""A BPMN business rule task calling a decision from a multi-decision DMN file with a requirement graph."""
import pytest

from engine.audit import replay
from engine.instances import service as instances
from engine.process_models import service as model_service
from tests.conftest import OWNER, actor
from tests.decisions.conftest import files
from tests.engine.conftest import WORKER

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
    assert "invoer 'Leeftijd' moet een getal zijn" in view["incident"]["message"]


def test_a_missing_input_is_an_incident_and_stays_one_on_retry(rt, deployed):
    view = instances.start(rt, "regie_advies", {"leeftijd": 10}, WORKER)
    assert view["status"] == "error"
    assert "'regiehouder'" in view["incident"]["message"] and "'kader' ontbreekt" in view["incident"]["message"]
    view = instances.retry(rt, view["id"], WORKER)
    assert view["status"] == "error" and "advies" not in view["data"]
