"""Script tasks and DMN business-rule tasks write their results into the process data."""
from engine.instances import service as instances
from tests.engine.conftest import WORKER, ready


def test_script_task_sets_data(rt, deploy):
    deploy("eng_script_task.bpmn")
    view = instances.start(rt, "eng_script_task", {"a": 1, "b": 2}, WORKER)
    assert ready(view) == ["check"]
    assert view["data"] == {"a": 1, "b": 2, "total": 3, "label": "som 3"}


def test_failing_script_is_an_incident_naming_the_element(rt, deploy):
    deploy("eng_script_task.bpmn")
    view = instances.start(rt, "eng_script_task", {"a": 1}, WORKER)
    assert view["status"] == "error"
    assert view["incident"]["element"] == "compute"
    assert "b" in view["incident"]["message"]


def test_business_rule_task_evaluates_the_decision_table(rt, deploy):
    deploy("eng_dmn.bpmn", "eng_dmn.dmn")
    for score, urgentie in [(12, "hoog"), (9, "laag")]:
        view = instances.start(rt, "eng_dmn", {"score": score}, WORKER)
        assert (view["status"], view["data"]["urgentie"]) == ("completed", urgentie)
