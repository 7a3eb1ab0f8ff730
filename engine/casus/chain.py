"""Cycles of a casus: an instance that ends through a ``chain_to`` end event hands over to a new
instance of the newest version of that process, within the same unit of work.

Each cycle is its own small instance, so a step costs the same in year 30 as in year 1; the
history stays in the audit trails of the chain's instances, linked by ``cycle_chained`` events.
"""
from engine.audit import trail
from engine.casus.endings import Ending, ending
from engine.errors import Invalid, NotFound
from engine.execution import step as steps
from engine.execution import stored_state
from engine.persistence.tables import Casus, ProcessInstance
from engine.process_models import deployments

#: Instances that complete during their own start, chained within one step: more is a loop.
MAX_HOPS = 20


def on_completed(rt, uow, instance: ProcessInstance, workflow, outcome, actor, now) -> None:
    """Apply the ending to the casus and start the next cycle (again, while one ends at once).

    A missing target process refuses the whole step (NotFound, not Conflict: a timer step then
    becomes an incident after its retries instead of being skipped), so no casus silently stops.
    """
    for _ in range(MAX_HOPS):
        casus = uow.session.get(Casus, instance.casus_id)
        end = ending(workflow)
        _update_casus(casus, end)
        if end.chain_to is None:
            return
        instance, outcome = _chain(rt, uow, casus, instance, outcome, end, actor, now)
        if outcome.status != "completed":
            return
        workflow = stored_state.load(rt, uow.session, instance, script_engine=None)
    raise Invalid(f"Proces '{instance.process_id}' start zichzelf steeds opnieuw zonder wachtmoment; "
                  "de proceseigenaar moet het model aanpassen.")


def _update_casus(casus: Casus, end: Ending) -> None:
    if end.casus_status:
        casus.status = end.casus_status


def _chain(rt, uow, casus: Casus, previous: ProcessInstance, previous_outcome, end: Ending, actor, now):
    data = {name: end.data[name] for name in end.carry_over if name in end.data}
    return start_cycle(rt, uow, casus, previous, previous_outcome.state_hash, end.chain_to, data, actor, now,
                       end_event=end.element)


def start_cycle(rt, uow, casus: Casus, previous: ProcessInstance, previous_state_hash: str, process_id: str,
                data: dict, actor, now, end_event: str | None):
    """Start the casus's next cycle in ``process_id`` (newest version) and link it from ``previous``'s trail."""
    version = deployments.latest_version(uow.session, process_id, required=False)
    if version is None:
        raise NotFound(f"Deze casus gaat verder in proces '{process_id}', maar dat proces is niet gedeployed; "
                       "vraag de proceseigenaar het te deployen.")
    data = {**data, "casus_id": casus.id}
    instance, outcome = steps.start(rt, uow, version, data, actor, extra_inputs={"chained_from": previous.id},
                                    casus_id=casus.id, cycle=previous.cycle + 1)
    inputs = {"next_instance": instance.id, "process_model": version.process_id, "version": version.version,
              "cycle": instance.cycle, "end_event": end_event, "carried_over": sorted(data)}
    trail.append_to_instance(uow.session, previous, "cycle_chained", actor.username, now, inputs,
                             previous_state_hash)
    return instance, outcome
