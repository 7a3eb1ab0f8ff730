"""Cancelling an instance closes its open tasks and stops every further step."""
import pytest

from engine.errors import Conflict, Forbidden
from engine.instances import queries, worklist_query
from engine.instances import service as instances
from tests.conftest import actor
from tests.engine.conftest import WORKER

REGISSEUR = actor("procesregisseur")


@pytest.fixture
def running(rt, deploy):
    deploy("gw_parallel.bpmn", "waarde-schema.json")
    return instances.start(rt, "gw_parallel", {}, WORKER)


def test_cancel_closes_open_tasks_and_is_audited(rt, running):
    view = instances.cancel(rt, running["id"], REGISSEUR)
    assert (view["status"], view["ready_tasks"]) == ("cancelled", [])
    assert worklist_query.worklist(rt, WORKER).page.items == []
    trail = queries.events(rt, running["id"], WORKER)
    assert [(e["type"], e["actor"]) for e in trail] == [("started", "aanmelder"), ("cancelled", "procesregisseur")]


def test_a_cancelled_instance_takes_no_further_steps(rt, running):
    task_id = running["ready_tasks"][0]["id"]
    instances.cancel(rt, running["id"], REGISSEUR)
    with pytest.raises(Conflict):
        instances.complete_task(rt, task_id, {}, WORKER)
    with pytest.raises(Conflict):
        instances.cancel(rt, running["id"], REGISSEUR)


def test_only_a_coordinating_role_may_cancel(rt, running):
    with pytest.raises(Forbidden):
        instances.cancel(rt, running["id"], WORKER)
    assert queries.get_instance(rt, running["id"], WORKER)["status"] == "running"
