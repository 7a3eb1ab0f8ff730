"""The checks before anyone acts on a ready task, in the order that reveals nothing: the case's scope
(out of scope the task does not exist), the lane, the task's state, and who holds it."""
from functools import lru_cache
from typing import NamedTuple

from sqlalchemy import bindparam, or_, select
from sqlalchemy.orm import undefer

from engine.errors import Conflict, Forbidden, NotFound
from engine.persistence.tables import ProcessInstance, User, WorkTask
from engine.security import scope
from engine.security.actors import Actor
from engine.security.authorization import COMPLETE, NONE


class ReadyTask(NamedTuple):
    """A task someone may act on now, with what the step needs of its instance (no second query)."""

    row: WorkTask
    instance: ProcessInstance
    view: int  # the actor's view of the instance (for COMPLETE)
    open_rows: list[WorkTask]  # every ready row of the instance, in worklist order


def ready_task(session, task_id: str, actor: Actor) -> ReadyTask:
    """The ready task, its instance and the actor's view of it, for an actor who may complete tasks of that
    lane on that case; with the instance's other ready rows, read in the same query."""
    found = session.execute(_ready_task_query(actor), {"task_id": task_id}).all()
    asked = next((r for r in found if r[0].id == task_id), None)
    if asked is None or asked[2] == NONE:
        raise NotFound(f"Taak '{task_id}' bestaat niet.")
    row, instance, view = asked
    if row.lane and not actor.has(row.lane):
        raise Forbidden(f"Deze taak hoort bij rol '{row.lane}'; die rol heeft u niet.")
    if row.state != "ready":
        raise Conflict("Deze taak is al afgerond.")
    return ReadyTask(row, instance, view, [r[0] for r in found if r[0].state == "ready"])


@lru_cache(maxsize=1024)
def _ready_task_query(actor: Actor):
    """Built once per actor (its scope clauses carry its name and region), run for every task it acts on: the
    task asked for, whatever its state, and the ready rows of its instance."""
    instance_of_task = select(WorkTask.instance_id).where(WorkTask.id == bindparam("task_id")).scalar_subquery()
    return (select(WorkTask, ProcessInstance, scope.instance_view(actor, COMPLETE))
            .join(ProcessInstance, ProcessInstance.id == WorkTask.instance_id)
            .where(WorkTask.instance_id == instance_of_task,
                   or_(WorkTask.id == bindparam("task_id"), WorkTask.state == "ready"))
            .order_by(WorkTask.created_at, WorkTask.id).options(undefer(ProcessInstance.state)))


def require_holder(session, row: WorkTask, actor: Actor) -> None:
    """A claimed task is done by whoever holds it; anyone else must have it assigned first."""
    if row.claimed_by and row.claimed_by != actor.username:
        raise Conflict(f"Deze taak is in behandeling bij {holder_name(session, row.claimed_by)}. Vraag die collega "
                       "de taak vrij te geven, of wijs de taak eerst aan uzelf toe.")


def holder_name(session, username: str) -> str:
    return session.scalar(select(User.full_name).where(User.username == username)) or username
