"""Boundary and intermediate timers on the simulated clock: the due time is stored, listed when
due, and firing moves the instance as BPMN says (interrupting or not)."""
from datetime import timedelta

import pytest

from engine.instances import queries
from engine.instances import service as instances
from engine.persistence.tables import ProcessInstance
from engine.timers import firing
from tests.engine.conftest import WORKER, ready

SECOND = timedelta(seconds=1)


def stored_timer_due(rt, instance_id):
    with rt.uow() as uow:
        return uow.session.get(ProcessInstance, instance_id).timer_due


def fire_when_due(rt, clock, instance_id, due):
    """Advance to the due time (not yet due), then just past it, and fire."""
    assert stored_timer_due(rt, instance_id) == due
    clock.set(due)
    assert instance_id not in instances.due_instances(rt)
    clock.advance(SECOND)
    assert instances.due_instances(rt) == [instance_id]
    assert firing.fire(rt, instance_id, rt.clock.now()).outcome == "fired"
    return queries.get_instance(rt, instance_id, WORKER)


@pytest.fixture
def boundary(rt, deploy, clock):
    deploy("eng_boundary_timer.bpmn")
    start = clock.now()
    return start, instances.start(rt, "eng_boundary_timer", {}, WORKER)


def test_non_interrupting_timer_adds_a_task_and_keeps_the_original(rt, clock, boundary):
    start, view = boundary
    assert instances.due_instances(rt) == []
    view = fire_when_due(rt, clock, view["id"], start + timedelta(minutes=30))
    assert ready(view) == ["remind", "wait"]
    assert stored_timer_due(rt, view["id"]) == start + timedelta(hours=2)
    assert instances.due_instances(rt) == []


def test_interrupting_timer_cancels_the_task_and_takes_its_path(rt, clock, boundary):
    start, view = boundary
    view = fire_when_due(rt, clock, view["id"], start + timedelta(minutes=30))
    view = fire_when_due(rt, clock, view["id"], start + timedelta(hours=2))
    assert ready(view) == ["escalate", "remind"]
    assert stored_timer_due(rt, view["id"]) is None
    trail = queries.events(rt, view["id"], WORKER)
    assert [e["type"] for e in trail] == ["started", "timer_fired", "timer_fired"]
    assert [e["at"] for e in trail[1:]] == [(start + timedelta(minutes=30, seconds=1)).isoformat(),
                                           (start + timedelta(hours=2, seconds=1)).isoformat()]


def test_completing_the_task_first_clears_its_timers(rt, complete, boundary):
    _, view = boundary
    done = complete(view, "wait")
    assert done["status"] == "completed"
    assert stored_timer_due(rt, view["id"]) is None


def test_intermediate_timer_waits_then_continues(rt, deploy, clock):
    deploy("eng_intermediate_timer.bpmn")
    view = instances.start(rt, "eng_intermediate_timer", {}, WORKER)
    assert (view["status"], view["ready_tasks"]) == ("running", [])
    view = fire_when_due(rt, clock, view["id"], clock.now() + timedelta(days=1))
    assert view["status"] == "completed"
    assert view["data"]["woken"] is True
    assert instances.due_instances(rt) == []
