"""Deterministic replay: rebuild an instance from its trail through the same code as live steps.

Like Temporal's replayer, a replay builds the workflow from the recorded process version once, keeps it
in memory and re-runs every recorded command on it with ``engine.spiff.runner.run`` on a clock frozen at
the event's time, answering service tasks from the recorded results. After each event the state hash, in
the hash version the event recorded, must equal the recorded one; the first event where it does not is
reported with both hashes.
Recorded task ids are SpiffWorkflow's random UUIDs, so a completed task is found again by its
canonical position (``task_position``) in the state before the step. A ``migrated`` event moves the
replayed workflow onto the recorded target version with the live step's own migration function.
"""
from dataclasses import asdict, dataclass

from engine.audit import access_log, verify
from engine.audit import trail as audit
from engine.clock import FixedClock
from engine.errors import Conflict, NotFound
from engine.execution import step as steps
from engine.execution import worklist
from engine.instances import queries
from engine.instances.claims import CLAIM_EVENTS
from engine.persistence.lookups import instance_or_404
from engine.persistence.tables import AuditEvent, ProcessInstance, ProcessVersion
from engine.security.actors import Actor
from engine.spiff import diagrams, hash_versions, runner, serialization
from engine.spiff.canonical import task_positions
from engine.spiff.scripting import ServiceLog
from engine.spiff.state_data import state_data


class NotReplayable(Exception):
    """The trail lacks what a replay needs (a start command, a version, the inputs)."""


@dataclass(frozen=True)
class Divergence:
    seq: int
    type: str
    kind: str  # hash_mismatch | step_failed | not_replayable | service_calls_unused
    message: str
    expected: str | None = None
    actual: str | None = None


@dataclass
class Replayed:
    """The outcome of replaying a trail (or its first events)."""

    version: ProcessVersion | None = None
    replayed: int = 0
    divergence: Divergence | None = None
    workflow: object = None  # the replayed workflow after the last replayed event
    state: dict | None = None
    status: str | None = None
    state_hash: str | None = None


def replay_events(rt, session, instance_id: str, events: list[AuditEvent]) -> Replayed:
    """Re-run ``events`` in order; stop at the first divergence."""
    result = Replayed()
    for event in events:
        try:
            divergence = _replay_one(rt, session, instance_id, event, result)
        except NotReplayable as err:
            divergence = Divergence(event.seq, event.type, "not_replayable", str(err))
        except Exception as err:  # noqa: BLE001 — a corrupted trail is reported, never a traceback
            divergence = Divergence(event.seq, event.type, "step_failed",
                                    f"Gebeurtenis {event.seq} ({event.type}) kon niet opnieuw worden uitgevoerd: "
                                    f"{getattr(err, 'message', None) or f'{type(err).__name__}: {err}'}")
        if divergence:
            result.divergence = divergence
            return result
        result.replayed += 1
    return result


def _replay_one(rt, session, instance_id: str, event: AuditEvent, result: Replayed) -> Divergence | None:
    if event.type in ("incident", "cycle_chained", *CLAIM_EVENTS):  # these record the step's state: compare only
        return _compare(event, _replayed_hash(event, result))
    inputs = event.inputs
    if not isinstance(inputs, dict) or "type" not in inputs:
        raise NotReplayable(f"Gebeurtenis {event.seq} ({event.type}) heeft geen (leesbare) invoer meer; "
                            "herspelen kan niet verder.")
    log = ServiceLog(calls=list(inputs.get("service_calls") or []), replaying=True)
    engine = steps.script_engine(rt, event.at, instance_id, log)
    command = {k: v for k, v in inputs.items() if k != "service_calls"}
    if result.workflow is None:
        result.version = _recorded_version(session, command, event)
    version = rt.specs(session, result.version.id)
    if result.workflow is None:
        workflow = steps.new_workflow(version, engine)
    else:
        # the workflow stays in memory between events: only the script engine is the event's own
        workflow = result.workflow
        workflow.script_engine = engine
        if command["type"] in ("complete_task", "reset"):
            command["task_id"] = _task_at(result.state, command, event)
        elif command["type"] == "migrate":
            result.version = _migrate(rt, session, workflow, command, event)
            version = rt.specs(session, result.version.id)
    outcome = runner.run(workflow, command, FixedClock(event.at), log, version)
    result.workflow, result.state = workflow, outcome.state
    result.status, result.state_hash = outcome.status, outcome.state_hash
    divergence = _compare(event, _replayed_hash(event, result))
    if divergence is None and log.position < len(log.calls):
        divergence = Divergence(event.seq, event.type, "service_calls_unused",
                                f"Gebeurtenis {event.seq} legde {len(log.calls)} servicetaak-resultaten vast; "
                                f"het herspelen gebruikte er {log.position}.")
    return divergence


def _recorded_version(session, command: dict, event: AuditEvent) -> ProcessVersion:
    if command["type"] != "start":
        raise NotReplayable(f"Het spoor begint niet met een start (gebeurtenis {event.seq} is {event.type}).")
    version = session.get(ProcessVersion, command.get("process_version_id"))
    if version is None:
        raise NotReplayable(f"De vastgelegde procesversie {command.get('process_version_id')} bestaat niet.")
    return version


def _migrate(rt, session, workflow, command: dict, event: AuditEvent) -> ProcessVersion:
    """Redo a recorded migration on the replayed workflow; the recorded mapping must come out again."""
    version = session.get(ProcessVersion, command.get("to_version_id"))
    if version is None:
        raise NotReplayable(f"De vastgelegde doelversie {command.get('to_version_id')} bestaat niet.")
    moved = steps.migrate_workflow(rt, session, workflow, version, FixedClock(event.at))
    if not moved.possible or moved.mapping != command.get("mapping"):
        raise NotReplayable(f"Gebeurtenis {event.seq}: de migratie naar versie {version.version} verloopt bij "
                            f"het herspelen anders dan vastgelegd. {' '.join(moved.reasons)}".strip())
    return version


def _task_at(state: dict, command: dict, event: AuditEvent) -> str:
    """The replay's task id at the recorded canonical position."""
    by_position = {position: task_id for task_id, position in task_positions(state).items()}
    task_id = by_position.get(command.get("task_position"))
    if task_id is None:
        raise NotReplayable(f"Gebeurtenis {event.seq}: taakpositie {command.get('task_position')} "
                            "bestaat niet in de herspeelde toestand.")
    return task_id


def _replayed_hash(event: AuditEvent, result: Replayed) -> str | None:
    """The replayed state's hash in the version ``event`` recorded (version 1 for older trails)."""
    if result.workflow is not None and hash_versions.version_of(event.state_hash_version) == hash_versions.V1:
        return hash_versions.hash_v1(result.state, serialization.workflow_specs(result.workflow))
    return result.state_hash


def _compare(event: AuditEvent, actual: str | None) -> Divergence | None:
    if actual == event.state_hash:
        return None
    return Divergence(event.seq, event.type, "hash_mismatch",
                      f"Na gebeurtenis {event.seq} ({event.type}) wijkt de herspeelde toestand af van de vastgelegde.",
                      expected=event.state_hash, actual=actual)


def report(instance_id: str, events: list[AuditEvent], replayed: Replayed, chain_break: dict | None) -> dict:
    """The auditor's verdict: ``verified`` only when the chain holds and every hash was reproduced."""
    status = "broken" if chain_break else "diverged" if replayed.divergence else "verified"
    version = replayed.version
    return {
        "process_instance": instance_id, "status": status,
        "process_model": version.process_id if version else None, "version": version.version if version else None,
        "events": len(events), "replayed": replayed.replayed,
        "divergence": asdict(replayed.divergence) if replayed.divergence else None,
        "chain_break": chain_break,
    }


def replay(rt, instance_id: str, actor: Actor) -> dict:
    """Replay one instance for an auditor: the chain check and the step-by-step hash comparison."""
    access_log.require_auditor(actor)
    with rt.uow() as uow:
        instance = instance_or_404(uow.session, instance_id)
        events = audit.events_of(uow.session, instance_id)
        chain_break = verify.check_instance(rt, uow.session, instance, events)
        replayed = _purged(instance, events) or replay_events(rt, uow.session, instance_id, events)
        return report(instance_id, events, replayed, asdict(chain_break) if chain_break else None)


def _purged(instance: ProcessInstance, events: list[AuditEvent]) -> Replayed | None:
    """A purged instance's trail has no inputs left: say so instead of failing at event 1."""
    if instance.purged_at is None or not events:
        return None
    first = events[0]
    return Replayed(divergence=Divergence(
        first.seq, first.type, "not_replayable",
        f"Deze zaak is op {instance.purged_at.date().isoformat()} na de bewaartermijn opgeschoond: de invoer "
        "van de gebeurtenissen is gewist, dus herspelen is niet meer mogelijk. De hashketen blijft controleerbaar."))


def state_at(rt, instance_id: str, seq: int, actor: Actor) -> dict:
    """The instance as it was right after event ``seq``, rebuilt by replaying events 1..seq."""
    access_log.require_auditor(actor)
    with rt.uow() as uow:
        instance_or_404(uow.session, instance_id)
        events = [e for e in audit.events_of(uow.session, instance_id) if e.seq <= seq]
        if seq < 1 or not events or events[-1].seq != seq:
            raise NotFound(f"Gebeurtenis {seq} van deze zaak bestaat niet.")
        replayed = replay_events(rt, uow.session, instance_id, events)
        if replayed.divergence:
            raise Conflict(f"Deze toestand is niet betrouwbaar te herstellen: {replayed.divergence.message}")
        last = events[-1]
        view = _point_view(instance_id, last, replayed)
    access_log.record(rt, actor, instance_id, "toestand", [view["data"]], queries.PERSONAL_KEYS)
    return view


def _point_view(instance_id: str, event: AuditEvent, replayed: Replayed) -> dict:
    markers = diagrams.element_markers(replayed.state, serialization.workflow_specs(replayed.workflow))
    running = replayed.status == "running"
    ready = worklist.ready_user_tasks(replayed.workflow) if running else []
    return {
        "process_instance": instance_id, "seq": event.seq,
        "event": {"seq": event.seq, "type": event.type, "actor": event.actor, "at": event.at.isoformat()},
        "status": replayed.status, "data": state_data(replayed.state),
        "ready_tasks": [{"name": t.task_spec.bpmn_name or t.task_spec.bpmn_id, "element": t.task_spec.bpmn_id,
                         "lane": t.task_spec.lane} for t in ready],
        "active_elements": sorted(set(markers["current"]) | set(markers["timers"])),
        "completed_elements": markers["completed"],
    }
