"""Who holds a ready task: a worker claims it, releases it, or assigns it to a colleague who has the task's
lane and reaches the case; then only the holder completes it. Each change is one unit of work and an
event on the case's trail (the state does not change: replay compares, engine.audit.replay)."""
from sqlalchemy import select

from engine.errors import Conflict, Invalid
from engine.audit import trail
from engine.instances import queries, task_access
from engine.persistence.tables import User
from engine.security import authorization, scope
from engine.security.actors import WORKER_ROLES, Actor
from engine.security.authorization import COMPLETE, NONE

CLAIM_EVENTS = ("task_claimed", "task_released", "task_assigned")


def claim(rt, task_id: str, actor: Actor) -> dict:
    """Take an unclaimed task (again: a no-op); one held by a colleague is theirs until released or assigned."""
    return _change(rt, task_id, actor, "task_claimed", lambda session, row: actor.username)


def release(rt, task_id: str, actor: Actor) -> dict:
    """Give back a task one holds, so anyone of its lane may take it."""
    def nobody(session, row):
        if row.claimed_by != actor.username:
            raise Conflict("U kunt alleen een taak vrijgeven die u zelf in behandeling heeft.")
        return None
    return _change(rt, task_id, actor, "task_released", nobody)


def assign(rt, task_id: str, username: str, actor: Actor) -> dict:
    """Hand the task to a colleague (or to oneself: take it over), who must be able to complete it."""
    def colleague(session, row):
        if username not in {c["username"] for c in _colleagues(session, row)}:
            raise Invalid("Deze collega kan de taak niet krijgen.",
                          {"username": f"Kies een collega met de rol '{row.lane or 'medewerker'}' die deze casus "
                                       "mag behandelen."})
        return username
    return _change(rt, task_id, actor, "task_assigned", colleague, check_holder=False)


def colleagues(rt, task_id: str, actor: Actor) -> list[dict]:
    """Who the task can be assigned to: users with its lane's role who may complete tasks of this case."""
    authorization.require(actor, COMPLETE)
    with rt.uow() as uow:
        row, *_ = task_access.ready_task(uow.session, task_id, actor)
        return _colleagues(uow.session, row)


def _colleagues(session, row) -> list[dict]:
    roles = {row.lane} if row.lane else WORKER_ROLES
    found = []
    for user in session.scalars(select(User).order_by(User.full_name, User.username)):
        if not roles & set(user.roles):
            continue
        candidate = Actor(user.username, frozenset(user.roles), user.region)
        if scope.view_of_instance(session, candidate, row.instance_id, COMPLETE) != NONE:
            found.append({"username": user.username, "name": user.full_name or user.username})
    return found


def _change(rt, task_id: str, actor: Actor, event: str, holder, check_holder: bool = True) -> dict:
    authorization.require(actor, COMPLETE)
    with rt.uow() as uow:
        row, instance, *_ = task_access.ready_task(uow.session, task_id, actor)
        if check_holder:
            task_access.require_holder(uow.session, row, actor)
        new_holder = holder(uow.session, row)
        if new_holder != row.claimed_by:
            now = rt.clock.now()
            row.claimed_by, row.claimed_at = new_holder, now if new_holder else None
            last = trail.last_event(uow.session, instance.id)
            trail.append_to_instance(uow.session, instance, event, actor.username, now,
                                     {"task_id": row.id, "element": row.element, "holder": new_holder},
                                     last.state_hash if last else None,
                                     last.state_hash_version if last else None)  # the state did not change
            uow.commit()
        return queries.task_view(row)
