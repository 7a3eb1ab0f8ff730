"""One step, one transaction: load the workflow, run it, write state, worklist, routing and audit.

Every way of moving an instance (start, task, message, timer, retry, cancel) comes through
``execute``; the caller commits the unit of work once afterwards.
"""
import logging
import uuid
from functools import partial

from SpiffWorkflow.bpmn.workflow import BpmnWorkflow

from engine.audit import trail
from engine.clock import FixedClock
from engine.events import InstanceCompleted, TimerScheduled
from engine.execution import subscriptions, worklist
from engine.notifications import outbox
from engine.persistence.tables import Casus, ProcessInstance, ProcessVersion
from engine.ports.casemanagers import region_code
from engine.process_models.deployments import specs_for
from engine.security.actors import Actor
from engine.spiff import compaction, runner, serialization
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


def new_workflow(session, version: ProcessVersion, engine) -> BpmnWorkflow:
    spec, subprocess_specs = specs_for(session, version)
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
    workflow = new_workflow(uow.session, version, _live_engine(rt, uow.session, now, instance, log))
    command = compaction.mark({"type": "start", "data": data, "process_version_id": version.id, **(extra_inputs or {})})
    outcome = runner.run(workflow, command, FixedClock(now), log)
    _persist(uow, instance, workflow, command, outcome, "started", actor, now)
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
    now = rt.clock.now()
    log = ServiceLog()
    command = compaction.mark(command)
    workflow = serialization.load(instance.state, _live_engine(rt, uow.session, now, instance, log))
    outcome = runner.run(workflow, command, FixedClock(now), log)
    _persist(uow, instance, workflow, {**command, **(extra_inputs or {})}, outcome, event_type, actor, now,
             completed_task_id, notify_incident)
    if outcome.status == "completed" and instance.casus_id is not None:
        uow.record(InstanceCompleted(instance, workflow, outcome, actor, now))
    return outcome


def _persist(uow, instance, workflow, command, outcome, event_type, actor, now, completed_task_id=None,
             notify_incident=True):
    instance.state = outcome.state
    instance.status = outcome.status
    if outcome.timer_due is not None and outcome.timer_due != instance.timer_due:
        uow.record(TimerScheduled(instance.id, outcome.timer_due))
    instance.timer_due = outcome.timer_due
    instance.updated_at = now
    instance.incident_message = outcome.incident["message"] if outcome.incident else None
    instance.incident_element = outcome.incident["element"] if outcome.incident else None
    # The instance UPDATE checks lock_version here, before the audit INSERT: a concurrent step must
    # fail as a Conflict on the row lock, not as a duplicate (chain, seq) on the audit table.
    uow.flush()
    inputs = {**command, "service_calls": outcome.service_calls} if outcome.service_calls else command
    trail.append_to_instance(uow.session, instance, event_type, actor.username, now, inputs, outcome.state_hash)
    if outcome.incident:
        trail.append_to_instance(uow.session, instance, "incident", actor.username, now, outcome.incident, outcome.state_hash)
        # the incident itself names no data value; the exception text is for the server log only
        log.error("Incident in zaak %s bij element %s (%s): %s\n%s", instance.id, outcome.incident["element"],
                  outcome.incident["kind"], outcome.incident["message"], outcome.incident_detail or "")
    uow.flush()
    new_tasks = worklist.sync(uow.session, instance, workflow, now, actor.username, completed_task_id)
    outbox.on_step(uow.session, instance, event_type, new_tasks, now, outcome.incident if notify_incident else None)
    subscriptions.sync(uow.session, instance.id, workflow, running=instance.status == "running")
