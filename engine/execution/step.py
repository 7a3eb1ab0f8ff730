"""One step, one transaction: load the workflow, run it, write state, worklist, routing and audit.

Every way of moving an instance (start, task, message, timer, retry, cancel) comes through
``execute``, a move to another version through ``migrate``; the caller commits the unit of work once afterwards.
"""
import logging
import uuid
from functools import partial

from SpiffWorkflow.bpmn.workflow import BpmnWorkflow

from engine.audit import trail
from engine.clock import FixedClock
from engine.events import InstanceCompleted, TimerScheduled
from engine.execution import stored_state, subscriptions, worklist
from engine.notifications import outbox
from engine.persistence.tables import Casus, ProcessInstance, ProcessVersion, WorkTask
from engine.ports.casemanagers import region_code
from engine.process_models.version_specs import VersionSpec
from engine.security.actors import Actor
from engine.spiff import compaction, runner, serialization
from engine.spiff import migration as spiff_migration
from engine.spiff.scripting import EngineScriptEngine, ServiceLog
from handlers import HandlerContext

log = logging.getLogger(__name__)


def script_engine(rt, now, instance_id: str, log: ServiceLog, ports=None) -> EngineScriptEngine:
    """Handlers get the step's ports; a replay passes none and calls no handler."""
    context = partial(HandlerContext, now=now, instance_id=instance_id, ports=ports or {})
    return EngineScriptEngine(rt.handlers, context, log)


def _live_engine(rt, session, now, instance: ProcessInstance, log: ServiceLog) -> EngineScriptEngine:
    """A live step's engine: ports bound to its session and its case, so what they write commits with it."""
    return script_engine(rt, now, instance.id, log, rt.ports(session, now, instance))


def new_workflow(version: VersionSpec, engine) -> BpmnWorkflow:
    spec, subprocess_specs = serialization.fresh_specs(version.serialized)
    return BpmnWorkflow(spec, subprocess_specs, script_engine=engine)


def start(rt, uow, version: ProcessVersion, data: dict, actor: Actor, extra_inputs: dict | None = None,
          casus_id: str | None = None, cycle: int | None = None) -> tuple[ProcessInstance, runner.StepOutcome]:
    """Create and run a new instance of ``version`` (as cycle ``cycle`` of a casus); the caller commits."""
    now = rt.clock.now()
    log = ServiceLog()
    instance = ProcessInstance(
        id=str(uuid.uuid4()), process_version_id=version.id, process_id=version.process_id, status="running",
        state={}, started_at=now, started_by=actor.username, updated_at=now, event_count=0,
        last_event_hash=trail.GENESIS, casus_id=casus_id, cycle=cycle, region=_region(uow.session, casus_id, actor),
    )
    uow.session.add(instance)
    version_spec = rt.specs(uow.session, version.id)
    workflow = new_workflow(version_spec, _live_engine(rt, uow.session, now, instance, log))
    command = compaction.mark({"type": "start", "data": data, "process_version_id": version.id, **(extra_inputs or {})})
    outcome = runner.run(workflow, command, FixedClock(now), log, version_spec)
    _persist(uow, instance, workflow, command, outcome, "started", actor, now, waits_before=frozenset())
    return instance, outcome


def _region(session, casus_id: str | None, actor: Actor) -> str | None:
    """A need-to-know fact the engine owns: the casus's region, else the region of whoever starts the instance."""
    if casus_id is not None:
        return session.get(Casus, casus_id).region
    return region_code(actor.region)


def execute(rt, uow, instance: ProcessInstance, command: dict, event_type: str, actor: Actor,
            completed_task_id: str | None = None, extra_inputs: dict | None = None,
            notify_incident: bool = True) -> runner.StepOutcome:
    """Apply ``command`` to a stored instance and write the result; the caller commits. A caller that retries
    a failing step by itself (the timer scheduler) notifies about its incident when it gives up."""
    return execute_for_view(rt, uow, instance, command, event_type, actor, completed_task_id, extra_inputs,
                            notify_incident)[0]


def execute_for_view(rt, uow, instance: ProcessInstance, command: dict, event_type: str, actor: Actor,
                     completed_task_id: str | None = None, extra_inputs: dict | None = None,
                     notify_incident: bool = True,
                     open_rows: list[WorkTask] | None = None) -> tuple[runner.StepOutcome, list[WorkTask]]:
    """``execute``, also returning the instance's ready worklist rows, so a response needs no second query
    (``open_rows``: the ready rows before the step, when the caller read them with the instance).

    The instance was loaded in this unit of work and the step replaces its state, so the decrypted
    state is the step's own to consume (no copy).
    """
    now = rt.clock.now()
    log = ServiceLog()
    command = compaction.mark(command)
    workflow = stored_state.load(rt, uow.session, instance, _live_engine(rt, uow.session, now, instance, log), owned=True)
    waits_before = subscriptions.stored(workflow, instance.status == "running")
    outcome = runner.run(workflow, command, FixedClock(now), log, rt.specs(uow.session, instance.process_version_id))
    ready = _persist(uow, instance, workflow, {**command, **(extra_inputs or {})}, outcome, event_type, actor, now,
                     waits_before, completed_task_id, notify_incident, open_rows)
    if outcome.status == "completed" and instance.casus_id is not None:
        uow.record(InstanceCompleted(instance, workflow, outcome, actor, now))
    return outcome, ready


def migrate_workflow(rt, session, workflow, version: ProcessVersion, clock) -> spiff_migration.Migration:
    """Move a loaded workflow onto ``version``: the one function a dry run, a live migration and replay share.
    The workflow gets spec objects of its own (SpiffWorkflow changes them as it runs)."""
    spec, subprocess_specs = serialization.fresh_specs(rt.specs(session, version.id).serialized)
    return spiff_migration.migrate(workflow, spec, subprocess_specs, f"versie {version.version}", clock)


def try_migration(rt, session, instance: ProcessInstance, version: ProcessVersion) -> spiff_migration.Migration:
    """A dry run: migrate a loaded copy of the instance, write nothing; no handler is reachable."""
    now = rt.clock.now()
    workflow = stored_state.load(rt, session, instance, script_engine(rt, now, instance.id, ServiceLog()))
    return migrate_workflow(rt, session, workflow, version, FixedClock(now))


def migrate(rt, uow, instance: ProcessInstance, version: ProcessVersion, command: dict,
            actor: Actor) -> spiff_migration.Migration:
    """Move a stored instance onto ``version`` and write it as a step (event ``migrated``, the mapping in its
    inputs); a refused migration writes nothing. The caller commits."""
    now = rt.clock.now()
    log = ServiceLog()
    workflow = stored_state.load(rt, uow.session, instance, _live_engine(rt, uow.session, now, instance, log))
    waits_before = subscriptions.stored(workflow, instance.status == "running")
    moved = migrate_workflow(rt, uow.session, workflow, version, FixedClock(now))
    if not moved.possible:
        return moved
    command = compaction.mark({**command, "mapping": moved.mapping})
    outcome = runner.run(workflow, command, FixedClock(now), log, rt.specs(uow.session, version.id))
    instance.process_version_id = version.id
    _persist(uow, instance, workflow, command, outcome, "migrated", actor, now, waits_before)
    worklist.refresh_open(uow.session, instance, workflow)
    return moved


def _persist(uow, instance, workflow, command, outcome, event_type, actor, now, waits_before: frozenset,
             completed_task_id=None, notify_incident=True, open_rows=None):
    """Write the step: one UPDATE of the instance row (state and trail head), its events, worklist, routing
    (``waits_before``: the routing rows of the state the step started from)."""
    instance.state = outcome.state
    instance.status = outcome.status
    if outcome.timer_due is not None and outcome.timer_due != instance.timer_due:
        uow.record(TimerScheduled(instance.id, outcome.timer_due))
    instance.timer_due = outcome.timer_due
    instance.updated_at = now
    instance.incident_message = outcome.incident["message"] if outcome.incident else None
    instance.incident_element = outcome.incident["element"] if outcome.incident else None
    inputs = {**command, "service_calls": outcome.service_calls} if outcome.service_calls else command
    events = [trail.next_instance_event(instance, event_type, actor.username, now, inputs, outcome.state_hash)]
    if outcome.incident:
        events.append(trail.next_instance_event(instance, "incident", actor.username, now, outcome.incident,
                                                outcome.state_hash))
        # the incident itself names no data value; the exception text is for the server log only
        log.error("Incident in zaak %s bij element %s (%s): %s\n%s", instance.id, outcome.incident["element"],
                  outcome.incident["kind"], outcome.incident["message"], outcome.incident_detail or "")
    # The instance UPDATE checks lock_version here, before the audit INSERT: a concurrent step must
    # fail as a Conflict on the row lock, not as a duplicate (chain, seq) on the audit table. The events,
    # worklist and routing rows then go in one flush, at commit.
    uow.flush()
    new_tasks, ready = worklist.sync(uow.session, instance, workflow, now, actor.username, completed_task_id,
                                     reopen=command["type"] == "reset", open_rows=open_rows)
    uow.session.add_all(events)
    outbox.on_step(uow.session, instance, event_type, new_tasks, now, outcome.incident if notify_incident else None)
    subscriptions.sync(uow.session, instance.id, workflow, instance.status == "running", waits_before)
    return ready
