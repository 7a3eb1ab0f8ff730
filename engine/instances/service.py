"""The instance service: start, complete a task, deliver a message, fire timers, retry, reset, cancel.

Each public function is one unit of work: it loads what it needs, runs one step through
``engine.steps`` and commits once. Authorization for these actions lives here, not in routes.
"""
from sqlalchemy import and_, or_, select

from engine.casus import cancellation
from engine.errors import Conflict, Invalid, NotFound
from engine.execution import step as steps
from engine.execution import subscriptions
from engine.instances import queries, resolution, task_access, task_forms
from engine.persistence.tables import ACTIVE_STATUSES, ProcessInstance
from engine.process_models import deployments, starts
from engine.security import authorization, scope
from engine.security.actors import Actor
from engine.security.authorization import ACT, CANCEL, COMPLETE, RESOLVE, SIGNAL, START
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


def start_over_api(rt, process_id: str, data: dict | None, actor: Actor) -> dict:
    """A start asked for over the REST API: any process the role may start, except a casus's own processes
    (an intake starts by registering its casus, a cycle by the chain)."""
    with rt.uow() as uow:
        refused = process_id in starts.casus_processes(uow.session)
    if refused:
        raise Invalid("Dit proces hoort bij een casus en start niet los.",
                      {"process_model": "Meld een casus aan (POST /api/v1/casussen); de casus start zijn intake en cycli zelf."})
    return start(rt, process_id, data, actor)


def start_by_hand(rt, process_id: str, actor: Actor) -> dict:
    """A new zaak from the "Nieuwe zaak" list: only a model the actor's role starts (never an intake without a
    casus, a cycle or a called process)."""
    if process_id not in {model["id"] for model in queries.startable_models(rt, actor)}:
        raise Invalid("Dit proces kunt u niet starten.",
                      {"process_model": "Kies een proces uit de lijst; een intake begint met het aanmelden van een casus."})
    return start(rt, process_id, {}, actor)


def complete_task(rt, task_id: str, data: dict, actor: Actor) -> dict:
    """Scope, lane, state and holder first (engine.instances.task_access), then the data."""
    authorization.require(actor, COMPLETE)
    with rt.uow() as uow:
        row, instance, view, open_rows = task_access.ready_task(uow.session, task_id, actor)
        task_access.require_holder(uow.session, row, actor)
        _require_status(instance, "running")
        task_forms.validate(rt, uow.session, instance, row, data)
        command = {"type": "complete_task", "task_id": task_id,
                   "task_position": task_positions(instance.state)[task_id], "element": row.element, "data": data}
        _, ready = steps.execute_for_view(rt, uow, instance, command, "task_completed", actor, completed_task_id=task_id,
                                          open_rows=open_rows)
        uow.commit()
        return queries.instance_view(uow.session, instance, actor, scope.view_after_step(uow.session, actor, instance,
                                                                                         view, COMPLETE), ready)


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
    reachable = or_(and_(ProcessInstance.casus_id.is_(None), scope.instance_visible(actor, ACT)),
                    and_(ProcessInstance.casus_id.is_not(None), scope.instance_visible(actor, SIGNAL)))
    reached = set(session.scalars(select(ProcessInstance.id).where(ProcessInstance.id.in_(instance_ids), reachable)))
    return [instance_id for instance_id in instance_ids if instance_id in reached]


def retry(rt, instance_id: str, actor: Actor, data: dict | None = None) -> dict:
    """Run the failed step again, with ``data`` (checked by engine.instances.resolution) set on it first;
    the correction is the recorded command, so replay applies it through the same code."""
    with rt.uow() as uow:
        instance, _ = scope.instance_in_scope(uow.session, actor, instance_id, RESOLVE)
        _require_status(instance, "error")
        command = {"type": "retry"}
        if data:
            resolution.check_correction(rt, uow.session, instance, data)
            command["data"] = data
        steps.execute(rt, uow, instance, command, "retried", actor)
        uow.commit()
        return queries.instance_view(uow.session, instance, actor)


def reset(rt, instance_id: str, to_element: str, actor: Actor) -> dict:
    """Take an instance with an incident back to an earlier, completed user task, which is ready again."""
    with rt.uow() as uow:
        instance, _ = scope.instance_in_scope(uow.session, actor, instance_id, RESOLVE)
        _require_status(instance, "error")
        steps.execute(rt, uow, instance, resolution.reset_command(rt, uow.session, instance, to_element), "reset", actor)
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
