"""Exclusive, parallel and inclusive gateways route by process data and join correctly."""
import pytest

from engine.instances import service as instances
from tests.engine.conftest import WORKER, ready


@pytest.mark.parametrize(("score", "branch"), [(12, "review_high"), (10, "review_high"), (3, "review_low")])
def test_exclusive_gateway_takes_the_branch_whose_condition_holds(rt, deploy, complete, score, branch):
    deploy("gw_exclusive.bpmn", "door-schema.json")
    view = instances.start(rt, "gw_exclusive", {"score": score}, WORKER)
    assert ready(view) == [branch]
    assert complete(view, branch)["status"] == "completed"


def test_parallel_join_waits_for_both_branches(rt, deploy, complete):
    deploy("gw_parallel.bpmn", "waarde-schema.json")
    view = instances.start(rt, "gw_parallel", {}, WORKER)
    assert ready(view) == ["task_a", "task_b"]
    view = complete(view, "task_b", {"b": 2})
    assert ready(view) == ["task_a"]
    view = complete(view, "task_a", {"a": 1})
    assert ready(view) == ["after"]
    assert view["data"] == {"a": 1, "b": 2}
    assert complete(view, "after")["status"] == "completed"


def test_inclusive_gateway_with_one_true_condition_runs_one_branch(rt, deploy, complete):
    deploy("gw_inclusive.bpmn")
    view = instances.start(rt, "gw_inclusive", {"need_a": True, "need_b": False}, WORKER)
    assert ready(view) == ["task_a"]
    done = complete(view, "task_a")
    assert done["status"] == "completed"
    assert done["data"]["joined"] is True


def test_inclusive_gateway_with_two_true_conditions_joins_both(rt, deploy, complete):
    deploy("gw_inclusive.bpmn")
    view = instances.start(rt, "gw_inclusive", {"need_a": True, "need_b": True}, WORKER)
    assert ready(view) == ["task_a", "task_b"]
    view = complete(view, "task_a")
    assert (view["status"], ready(view)) == ("running", ["task_b"])
    done = complete(view, "task_b")
    assert done["status"] == "completed"
    assert done["data"]["joined"] is True
