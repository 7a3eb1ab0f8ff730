"""A user task in a lane: form validation, lane authorization, worklist and audit trail."""
import pytest

from engine.errors import Conflict, Forbidden, Invalid
from engine.instances import queries, worklist_query
from engine.instances import service as instances
from tests.conftest import actor

AANMELDER = actor("aanmelder")


@pytest.fixture
def started(deploy, rt):
    deploy("user_task_lane.bpmn", "gegevens-schema.json")
    return instances.start(rt, "user_task_lane", {"deadline": "2027-02-01"}, AANMELDER)


def test_ready_task_appears_in_the_lane_worklist_with_due_date(rt, started):
    [task] = worklist_query.worklist(rt, AANMELDER).page.items
    assert (task["element"], task["lane"], task["due_date"]) == ("fill", "aanmelder", "2027-02-01")
    assert worklist_query.worklist(rt, actor("procesregisseur")).page.items == []


def test_invalid_form_data_is_refused_per_field_and_nothing_changes(rt, started):
    task_id = started["ready_tasks"][0]["id"]
    with pytest.raises(Invalid) as err:
        instances.complete_task(rt, task_id, {"naam": "", "datum": "31-02-2027"}, AANMELDER)
    assert set(err.value.fields) == {"naam", "datum"}
    assert queries.get_instance(rt, started["id"], AANMELDER)["ready_tasks"][0]["id"] == task_id
    assert [e["type"] for e in queries.events(rt, started["id"], AANMELDER)] == ["started"]


def test_only_the_lane_role_may_complete(rt, started):
    """The procesregisseur of the region sees the case, but the task is the aanmelder's."""
    with pytest.raises(Forbidden):
        instances.complete_task(rt, started["ready_tasks"][0]["id"], {"naam": "x", "datum": "2027-01-05"},
                                actor("procesregisseur"))


def test_completing_twice_is_a_conflict(rt, started):
    task_id = started["ready_tasks"][0]["id"]
    done = instances.complete_task(rt, task_id, {"naam": "x", "datum": "2027-01-05"}, AANMELDER)
    assert done["status"] == "completed"
    assert done["data"]["naam"] == "x"
    with pytest.raises(Conflict):
        instances.complete_task(rt, task_id, {"naam": "y", "datum": "2027-01-05"}, AANMELDER)
    trail = queries.events(rt, started["id"], AANMELDER)
    assert [e["type"] for e in trail] == ["started", "task_completed"]
    assert trail[1]["prev_hash"] == trail[0]["hash"]
    assert trail[1]["actor"] == "aanmelder"
