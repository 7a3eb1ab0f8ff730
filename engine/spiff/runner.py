"""Run one step of a workflow to its next wait state; the same code serves live steps and replay.

The runner applies a command, runs SpiffWorkflow's engine steps on the step's clock, and reports
the outcome: the new state, its hash, the status, an incident if a task failed, the next timer,
and the service-task results recorded for the audit trail.
"""
import logging
from dataclasses import dataclass, field
from datetime import datetime

from SpiffWorkflow.exceptions import WorkflowException
from SpiffWorkflow.task import Task
from SpiffWorkflow.util.task import TaskState

from engine.clock import Clock, clock_scope
from engine.errors import EngineError, Invalid
from engine.spiff import compaction, incidents, serialization
from engine.spiff.canonical import state_hash
from engine.spiff.commands import all_tasks, apply
from engine.spiff.timers import earliest_timer_due

# SpiffWorkflow's task iterator stops at depth 1000 (TaskIterator max_depth) and then reports a
# workflow as completed. Compaction keeps loops far from it; this guard stays as the safety net.
MAX_TREE_DEPTH = 800
log = logging.getLogger(__name__)


@dataclass
class StepOutcome:
    state: dict
    state_hash: str
    status: str  # running | completed | error | cancelled
    timer_due: datetime | None
    incident: dict | None = None
    service_calls: list = field(default_factory=list)
    incident_detail: str | None = None  # exception text and traceback: for the server log, never stored


def run(workflow, command: dict, clock: Clock, service_log) -> StepOutcome:
    """Apply ``command`` and run to the next wait state; a failing task becomes an incident."""
    incident = detail = None
    with clock_scope(clock):
        try:
            apply(workflow, command)
            workflow.do_engine_steps()
        except WorkflowException as err:
            incident, detail = _incident(workflow, err), incidents.detail(err)
        except EngineError:
            raise
        except Exception as err:  # noqa: BLE001 — SpiffWorkflow let a model or data error through unwrapped
            raise _refused(err) from err
        if incident is None:
            compaction.compact(workflow, command)
            incident = _depth_incident(workflow)
        timer_due = earliest_timer_due(workflow)
    state = serialization.dump(workflow)
    return StepOutcome(
        state=state,
        state_hash=state_hash(state),
        status=_status(workflow, command, incident),
        timer_due=None if incident else timer_due,
        incident=incident,
        service_calls=list(service_log.calls),
        incident_detail=detail,
    )


def _status(workflow, command, incident) -> str:
    if command["type"] == "cancel":
        return "cancelled"
    if incident:
        return "error"
    return "completed" if workflow.is_completed() else "running"


def _incident(workflow, err: WorkflowException) -> dict:
    task = getattr(err, "task", None)
    failed = [t for t in all_tasks(workflow) if t.state == TaskState.ERROR]
    if task is None and failed:
        task = failed[0]
    return incidents.describe(err, task).record()


def _refused(err: Exception) -> Invalid:
    """A step SpiffWorkflow broke off halfway with an error it did not wrap (e.g. a multi-instance input that
    is missing, a correlation expression over data that is not there): the workflow object is half-changed,
    so the step is refused as a whole — nothing is stored — with the value-free explanation."""
    task = _task_in_traceback(err)
    log.warning("Stap geweigerd: %s", incidents.detail(err))
    return Invalid(f"Deze stap kan niet worden uitgevoerd: {incidents.describe(err, task).message}")


def _task_in_traceback(err: Exception) -> Task | None:
    """The innermost SpiffWorkflow task the failing code was working on."""
    found, frame = None, err.__traceback__
    while frame is not None:
        for name in ("my_task", "task"):
            if isinstance(frame.tb_frame.f_locals.get(name), Task):
                found = frame.tb_frame.f_locals[name]
        frame = frame.tb_next
    return found


def tree_depth(workflow) -> int:
    """Deepest task tree among the workflow and its subprocesses (each has a tree of its own)."""
    return max([_depth(workflow)] + [_depth(sub) for sub in workflow.subprocesses.values()])


def _depth(workflow) -> int:
    deepest, stack = 0, [(workflow.task_tree, 1)]
    while stack:
        task, depth = stack.pop()
        deepest = max(deepest, depth)
        stack.extend((child, depth + 1) for child in task.children)
    return deepest


def _depth_incident(workflow) -> dict | None:
    depth = tree_depth(workflow)
    if depth <= MAX_TREE_DEPTH:
        return None
    return incidents.Incident(None, None, "taakboom", None, (
        f"De taakboom van deze zaak is {depth} niveaus diep (grens {MAX_TREE_DEPTH}); "
        "SpiffWorkflow zou de zaak ten onrechte als afgerond melden. Modelleer de herhaling "
        "als opeenvolgende cycli (chain_to) in plaats van een lus.")).record()
