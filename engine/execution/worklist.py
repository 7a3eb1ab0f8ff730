"""Keep the worklist table in step with the workflow: one row per user task that became ready."""
from SpiffWorkflow.util.task import TaskState
from sqlalchemy import bindparam, select

from engine.clock import FixedClock, clock_scope
from engine.persistence.tables import WorkTask
from engine.process_models.references import FORM_PROPERTIES
from engine.spiff.commands import all_tasks


def ready_user_tasks(workflow) -> list:
    return [t for t in all_tasks(workflow) if t.state == TaskState.READY and t.task_spec.manual]


def sync(session, instance, workflow, now, actor: str, completed_task_id: str | None = None,
         reopen: bool = False, open_rows: list[WorkTask] | None = None) -> tuple[list[WorkTask], list[WorkTask]]:
    """Insert newly ready tasks; mark vanished ones completed (the one just done) or cancelled (``open_rows``:
    the instance's ready rows, when the caller read them in this unit of work before the step).
    Returns the inserted rows and every ready row of the instance afterwards, in worklist order."""
    ready = {str(t.id): t for t in ready_user_tasks(workflow)} if instance.status == "running" else {}
    if open_rows is None:
        open_rows = session.scalars(_OPEN_ROWS, {"instance_id": instance.id})
    known, still_ready = set(), []
    for row in open_rows:
        known.add(row.id)
        if row.id in ready:
            still_ready.append(row)
            continue
        done = row.id == completed_task_id
        row.state = "completed" if done else "cancelled"
        row.completed_at = now
        row.completed_by = actor if done else None
    with clock_scope(FixedClock(now)):  # due_date expressions may call now(): the step's time
        added = [_row(instance, task, now) for task_id, task in ready.items() if task_id not in known]
    if reopen:  # a reset makes a completed task ready again under its own id: its row is reopened
        added = [session.merge(row) for row in added]
    else:
        session.add_all(added)
    return added, sorted(still_ready + added, key=lambda row: (row.created_at, row.id))


#: built once: constructing a statement costs more than running this one
_OPEN_ROWS = select(WorkTask).where(WorkTask.instance_id == bindparam("instance_id"), WorkTask.state == "ready")


def refresh_open(session, instance, workflow) -> None:
    """Open rows take what the task's (new) spec says: after a migration a task may have another name, lane or form."""
    ready = {str(t.id): t for t in ready_user_tasks(workflow)}
    for row in session.scalars(_OPEN_ROWS, {"instance_id": instance.id}):
        if row.id in ready:
            for key, value in _spec_fields(ready[row.id].task_spec).items():
                setattr(row, key, value)


def _properties(spec) -> dict:
    return getattr(spec, "extensions", {}).get("properties", {})


def _spec_fields(spec) -> dict:
    """What a worklist row shows of a task's spec."""
    props = _properties(spec)
    return {"element": spec.bpmn_id, "name": spec.bpmn_name or spec.bpmn_id, "lane": spec.lane,
            "form": props.get(FORM_PROPERTIES[0]), "ui_form": props.get(FORM_PROPERTIES[1])}


def _row(instance, task, now) -> WorkTask:
    return WorkTask(
        id=str(task.id), instance_id=instance.id, process_id=task.workflow.spec.name, **_spec_fields(task.task_spec),
        due_date=_due_date(task, _properties(task.task_spec).get("due_date")), state="ready", created_at=now,
        completed_at=None, completed_by=None, claimed_by=None, claimed_at=None,
    )


def _due_date(task, expression: str | None) -> str | None:
    """Evaluate the task's ``due_date`` property; a failing expression leaves no due date."""
    if not expression:
        return None
    try:
        value = task.workflow.script_engine.evaluate(task, expression)
    except Exception:
        return None
    return str(value) if value else None

