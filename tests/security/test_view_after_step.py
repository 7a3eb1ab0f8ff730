"""The response to a step shows the case as the actor may see it after the step: the view checked before the
step holds unless the step changed a scope fact, then it is looked up again (engine.security.scope_changes)."""
from sqlalchemy import select
from sqlalchemy.orm import Session

from engine.instances import queries
from engine.instances import service as instances
from engine.persistence.tables import CaseAssignment, ProcessInstance, WorkTask
from engine.security import scope
from engine.security.authorization import COMPLETE, FULL, NONE
from tests.conftest import actor

CASEMANAGER = actor("casemanager_zorg")


def assigned_instance(rt, deploy) -> str:
    deploy("loop_plain.bpmn", "loop-evaluatie-schema.json")
    instance_id = instances.start(rt, "loop_plain", {}, actor("procesregisseur"))["id"]
    with rt.uow() as uow:
        uow.session.add(CaseAssignment(instance_id=instance_id, username=CASEMANAGER.username, role="casemanager",
                                       assigned_from=rt.clock.now()))
        uow.commit()
    return instance_id


def test_a_step_by_the_duo_answers_with_the_case_and_its_next_task(rt, deploy):
    instance_id = assigned_instance(rt, deploy)
    [task] = queries.get_instance(rt, instance_id, CASEMANAGER)["ready_tasks"]
    view = instances.complete_task(rt, task["id"], {"afsluiten": False}, CASEMANAGER)
    assert view["id"] == instance_id and view["data"]["afsluiten"] is False
    assert [t["element"] for t in view["ready_tasks"]] == [task["element"]] and view["ready_tasks"][0]["id"] != task["id"]


def test_a_step_that_ends_the_actors_assignment_answers_without_the_case(rt, deploy):
    instance_id = assigned_instance(rt, deploy)
    with rt.uow() as uow:
        instance = uow.session.get(ProcessInstance, instance_id)
        held = uow.session.scalars(select(CaseAssignment).where(CaseAssignment.instance_id == instance_id)).one()
        held.assigned_until = rt.clock.now()
        uow.commit()
        assert scope.view_after_step(uow.session, CASEMANAGER, instance, FULL, COMPLETE) == NONE


def test_a_view_checked_earlier_holds_while_only_tasks_and_state_changed(rt, deploy):
    instance_id = assigned_instance(rt, deploy)
    with rt.uow() as uow:
        instance = uow.session.get(ProcessInstance, instance_id)
        row = uow.session.scalars(select(WorkTask).where(WorkTask.instance_id == instance_id)).one()
        row.claimed_by = CASEMANAGER.username
        instance.status = "error"
        uow.commit()
        assert scope.view_after_step(uow.session, CASEMANAGER, instance, FULL, COMPLETE) == FULL


def test_a_session_nobody_tracks_looks_the_view_up_again(rt, deploy):
    instance_id = assigned_instance(rt, deploy)
    with Session(rt.session_factory.kw["bind"]) as session:
        instance = session.get(ProcessInstance, instance_id)
        assert scope.view_after_step(session, actor("casemanager_zorg", region="Elders"), instance, FULL, COMPLETE) \
            == FULL  # still in the duo: the lookup agrees
        assert scope.view_after_step(session, actor("verwijzer"), instance, FULL, COMPLETE) == NONE
