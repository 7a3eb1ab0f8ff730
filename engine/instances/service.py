"""The instance service: start, complete a task, deliver a message, fire timers, retry, cancel.

Each public function is one unit of work: it loads what it needs, runs one step through
``engine.steps`` and commits once. Authorization for these actions lives here, not in routes.
"""
from sqlalchemy import case, select

from engine.casus import cancellation
from engine.errors import Conflict, Forbidden, Invalid, NotFound
from engine.execution import step as steps
from engine.execution import subscriptions
from engine.instances import queries
from engine.persistence.tables import ACTIVE_STATUSES, ProcessInstance, WorkTask
from engine.process_models import deployments, forms
from engine.security import authorization, scope
from engine.security.actors import Actor
from engine.security.authorization import ACT, CANCEL, COMPLETE, NONE, SIGNAL, START
from engine.spiff.canonical import task_positions
from engine.timers import firing


def _require_status(instance: ProcessInstance, *allowed: str) -> None:
    if instance.status not in allowed:
        raise Conflict(f"Deze zaak heeft status '{instance.status}'; deze actie kan nu niet.")


def check_start_data(data) -> None:
    """Start data is an object."""
    if data is not None and not isinstance(data, dict):
        raise Invalid("Ongeldige startgegevens.", {"data": "Verwacht een object."})


def start(rt, process_id: str, data: dict | None, actor: Actor) -> dict:
    authorization.require(actor, START)
    check_start_data(data)
    with rt.uow() as uow:
        version = deployments.latest_version(uow.session, process_id)
        instance, _ = steps.start(rt, uow, version, data or {}, actor)
        uow.commit()
        return queries.instance_view(uow.session, instance, actor)


def start_by_hand(rt, process_id: str, actor: Actor) -> dict:
    """A new zaak from the "Nieuwe zaak" list: only a model the actor's role starts (never an intake without a
    casus, a cycle or a called process)."""
    if process_id not in {model["id"] for model in queries.startable_models(rt, actor)}:
        raise Invalid("Dit proces kunt u niet starten.",
                      {"process_model": "Kies een proces uit de lijst; een intake begint met het aanmelden van een casus."})
    return start(rt, process_id, {}, actor)


def complete_task(rt, task_id: str, data: dict, actor: Actor) -> dict:
    """Scope first (a task of a case out of scope does not exist for the actor), then lane, then state and data."""
    authorization.require(actor, COMPLETE)
    with rt.uow() as uow:
        found = uow.session.execute(
            select(WorkTask, ProcessInstance, scope.instance_view(actor, COMPLETE))
            .join(ProcessInstance, ProcessInstance.id == WorkTask.instance_id).where(WorkTask.id == task_id)).first()
        if found is None or found[2] == NONE:
            raise NotFound(f"Taak '{task_id}' bestaat niet.")
        row, instance, _ = found
        if row.lane and not actor.has(row.lane):
            raise Forbidden(f"Deze taak hoort bij rol '{row.lane}'; die rol heeft u niet.")
        if row.state != "ready":
            raise Conflict("Deze taak is al afgerond.")
        _require_status(instance, "running")
        schema = deployments.form_file(uow.session, instance.process_version_id, row.form) if row.form else None
        forms.validate(schema or {}, data)
        command = {"type": "complete_task", "task_id": task_id,
                   "task_position": task_positions(instance.state)[task_id], "element": row.element, "data": data}
        steps.execute(rt, uow, instance, command, "task_completed", actor, completed_task_id=task_id)
        uow.commit()
        return queries.instance_view(uow.session, instance, actor)


def deliver_message(rt, name: str, payload: dict | None, actor: Actor, instance_id: str | None = None,
                    correlation: dict | None = None) -> list[str]:
    """Deliver to one instance, or to every instance in the actor's scope waiting with this correlation;
    each its own step. Instances out of scope are never reached nor named. A message to an instance of a casus
    is a signal: only the casus's duo and its region's workers send one."""
    authorization.require(actor, ACT)
    if not name:
        raise Invalid("Bericht zonder naam.", {"name": "Verplicht."})
    with rt.uow() as uow:
        if instance_id is not None:
            if not _reachable(uow.session, actor, [instance_id]):
                raise NotFound(f"Procesinstantie '{instance_id}' bestaat niet.")
            waiting = [instance_id] if instance_id in subscriptions.waiting_instances(uow.session, name, None) else []
        else:
            waiting = subscriptions.waiting_instances(uow.session, name, correlation or {})
        targets = _reachable(uow.session, actor, waiting)
    if not targets:
        raise NotFound(f"Geen zaak wacht op bericht '{name}'.")
    for target in targets:
        with rt.uow() as uow:
            if not _reachable(uow.session, actor, [target]):
                raise NotFound(f"Procesinstantie '{target}' bestaat niet.")
            instance = uow.session.get(ProcessInstance, target)
            _require_status(instance, "running")
            command = {"type": "message", "name": name, "payload": payload or {}, "correlation": correlation}
            steps.execute(rt, uow, instance, command, "message_delivered", actor)
            uow.commit()
    return targets


def _reachable(session, actor: Actor, instance_ids: list[str]) -> list[str]:
    """Those of ``instance_ids`` the actor may send a message to, in the given order: an instance of a casus
    as a signal (SIGNAL), any other as an act on the zaak (ACT)."""
    if not instance_ids:
        return []
    view = case((ProcessInstance.casus_id.is_(None), scope.instance_view(actor, ACT)),
                else_=scope.instance_view(actor, SIGNAL))
    reached = set(session.scalars(select(ProcessInstance.id).where(ProcessInstance.id.in_(instance_ids), view > NONE)))
    return [instance_id for instance_id in instance_ids if instance_id in reached]


def retry(rt, instance_id: str, actor: Actor) -> dict:
    with rt.uow() as uow:
        instance, _ = scope.instance_in_scope(uow.session, actor, instance_id, ACT)
        _require_status(instance, "error")
        steps.execute(rt, uow, instance, {"type": "retry"}, "retried", actor)
        uow.commit()
        return queries.instance_view(uow.session, instance, actor)


def cancel(rt, instance_id: str, actor: Actor, casus_decision: dict | None = None) -> dict:
    """Cancel an instance; the last running cycle of an open casus also needs the casus decision
    (engine.casus.cancellation), applied in the same unit of work and kept in the ``cancelled`` event."""
    with rt.uow() as uow:
        instance, _ = scope.instance_in_scope(uow.session, actor, instance_id, CANCEL)
        _require_status(instance, *ACTIVE_STATUSES)
        decision = cancellation.check(uow.session, instance, casus_decision)
        outcome = steps.execute(rt, uow, instance, {"type": "cancel"}, "cancelled", actor, extra_inputs=decision)
        if decision is not None:
            cancellation.apply(rt, uow, instance, decision, outcome.state_hash, actor, rt.clock.now())
        uow.commit()
        return queries.instance_view(uow.session, instance, actor)


def due_instances(rt, limit: int = 100) -> list[str]:
    """Running instances whose earliest timer is due now (read from the indexed column).

    SpiffWorkflow fires a timer once the clock is strictly past its due time, so do we: an
    instance listed here always has a timer that fires. One waiting for a retry back-off is left out.
    """
    with rt.uow() as uow:
        return [instance_id for instance_id, _ in firing.due_ids(uow.session, rt.clock.now(), limit)]
