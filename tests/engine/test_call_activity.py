"""A call activity runs a called process deployed with it, or one deployed earlier."""
import pytest

from engine.errors import DeployRefused
from engine.instances import service as instances
from tests.engine.conftest import WORKER, ready


def run_through(rt, complete):
    view = instances.start(rt, "eng_call_parent", {"input_value": 4}, WORKER)
    assert (view["process_model"], ready(view)) == ("eng_call_parent", ["child_task"])
    view = complete(view, "child_task")
    assert ready(view) == ["after_call"]
    assert view["data"]["child_result"] == 8
    assert complete(view, "after_call")["status"] == "completed"


def test_called_process_in_the_same_upload(rt, deploy, complete):
    result = deploy("eng_call_parent.bpmn", "eng_call_child.bpmn")
    assert result.process_id == "eng_call_parent"
    assert sorted(p["id"] for p in result.processes) == ["eng_call_child", "eng_call_parent"]
    run_through(rt, complete)


def test_called_process_from_an_earlier_deployment(rt, deploy, complete):
    deploy("eng_call_child.bpmn")
    result = deploy("eng_call_parent.bpmn")
    assert [p["id"] for p in result.processes] == ["eng_call_parent"]
    run_through(rt, complete)


def test_calling_a_process_that_was_never_deployed_is_refused(deploy):
    with pytest.raises(DeployRefused) as err:
        deploy("eng_call_parent.bpmn")
    [problem] = err.value.errors
    assert (problem["file"], problem["element_id"]) == ("eng_call_parent.bpmn", "call")
    assert "'eng_call_child' bestaat niet" in problem["message"]
