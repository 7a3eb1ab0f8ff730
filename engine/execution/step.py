"""One step, one transaction: load the workflow, run it, write state, worklist, routing and audit.

Every way of moving an instance (start, task, message, timer, retry, cancel) comes through
``execute``; the caller commits the unit of work once afterwards.
"""
import uuid
from functools import partial

from SpiffWorkflow.bpmn.workflow import BpmnWorkflow

from engine.audit import trail
from engine.clock import FixedClock
from engine.events import InstanceCompleted
from engine.execution import subscriptions, worklist
from engine.notifications import outbox
from engine.persistence.tables import ProcessInstance, ProcessVersion
from engine.process_models.deployments import specs_for
from engine.security.actors import Actor
from engine.spiff import compaction, runner, serialization
from engine.spiff.scripting import EngineScriptEngine, ServiceLog
from handlers import HandlerContext


def script_engine(rt, now, instance_id: str, log: ServiceLog, session=None) -> EngineScriptEngine:
    """Handlers get ports bound to the step's session; a replay (no session) calls no handler."""
    ports = rt.ports(session, now) if session is not None else {}
    context = partial(HandlerContext, now=now, instance_id=instance_id, ports=ports)
    return EngineScriptEngine(rt.handlers, context, log)


def new_workflow(session, version: ProcessVersion, engine) -> BpmnWorkflow:
    spec, subprocess_specs = specs_for(session, version)
    return BpmnWorkflow(spec, subprocess_specs, script_engine=engine)


def start(rt, uow, version: ProcessVersion, data: dict, actor: Actor, extra_inputs: dict | None = None,
          casus_id: str | None = None, cycle: int | None = None) -> tuple[ProcessInstance, runner.StepOutcome]:
    """Create and run a new instance of ``version`` (as cycle ``cycle`` of a casus); the caller commits."""
    now = rt.clock.now()
    instance_id = str(uuid.uuid4())
    log = ServiceLog()
    workflow = new_workflow(uow.session, version, script_engine(rt, now, instance_id, log, uow.session))
    instance = ProcessInstance(
        id=instance_id, process_version_id=version.id, process_id=version.process_id, status="running",
        state={}, started_at=now, started_by=actor.username, updated_at=now, event_count=0,
        last_event_hash=trail.GENESIS, casus_id=casus_id, cycle=cycle,
    )
    uow.session.add(instance)
    command = compaction.mark({"type": "start", "data": data, "process_version_id": version.id, **(extra_inputs or {})})
    outcome = runner.run(workflow, command, FixedClock(now), log)
    _persist(uow, instance, workflow, command, outcome, "started", actor, now)
    return instance, outcome


def execute(rt, uow, instance: ProcessInstance, command: dict, event_type: str, actor: Actor,
            completed_task_id: str | None = None, extra_inputs: dict | None = None) -> runner.StepOutcome:
    """Apply ``command`` to a stored instance and write the result; the caller commits."""
    now = rt.clock.now()
    log = ServiceLog()
    command = compaction.mark(command)
    workflow = serialization.load(instance.state, script_engine(rt, now, instance.id, log, uow.session))
    outcome = runner.run(workflow, command, FixedClock(now), log)
    _persist(uow, instance, workflow, {**command, **(extra_inputs or {})}, outcome, event_type, actor, now,
             completed_task_id)
    if outcome.status == "completed" and instance.casus_id is not None:
        uow.record(InstanceCompleted(instance, workflow, outcome, actor, now))
    return outcome


def _persist(uow, instance, workflow, command, outcome, event_type, actor, now, completed_task_id=None):
    instance.state = outcome.state
    instance.status = outcome.status
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
    uow.flush()
    new_tasks = worklist.sync(uow.session, instance, workflow, now, actor.username, completed_task_id)
    outbox.on_step(uow.session, instance, event_type, new_tasks, now)
    subscriptions.sync(uow.session, instance.id, workflow, running=instance.status == "running")
