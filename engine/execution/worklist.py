"""Keep the worklist table in step with the workflow: one row per user task that became ready."""
from SpiffWorkflow.util.task import TaskState
from sqlalchemy import select

from engine.clock import FixedClock, clock_scope
from engine.persistence.tables import WorkTask
from engine.process_models.references import FORM_PROPERTIES
from engine.spiff.commands import all_tasks


def ready_user_tasks(workflow) -> list:
    return [t for t in all_tasks(workflow) if t.state == TaskState.READY and t.task_spec.manual]


def sync(session, instance, workflow, now, actor: str, completed_task_id: str | None = None) -> list[WorkTask]:
    """Insert newly ready tasks (returned); mark vanished ones completed (the one just done) or cancelled."""
    ready = {str(t.id): t for t in ready_user_tasks(workflow)} if instance.status == "running" else {}
    open_rows = session.scalars(select(WorkTask).where(WorkTask.instance_id == instance.id, WorkTask.state == "ready"))
    known = set()
    for row in open_rows:
        known.add(row.id)
        if row.id in ready:
            continue
        done = row.id == completed_task_id
        row.state = "completed" if done else "cancelled"
        row.completed_at = now
        row.completed_by = actor if done else None
    with clock_scope(FixedClock(now)):  # due_date expressions may call now(): the step's time
        added = [_row(instance, task, now) for task_id, task in ready.items() if task_id not in known]
    for row in added:  # merge: a reset makes a completed task ready again under its own id, reopening its row
        session.merge(row)
    return added


def _row(instance, task, now) -> WorkTask:
    spec = task.task_spec
    props = getattr(spec, "extensions", {}).get("properties", {})
    return WorkTask(
        id=str(task.id), instance_id=instance.id, process_id=task.workflow.spec.name,
        element=spec.bpmn_id, name=spec.bpmn_name or spec.bpmn_id, lane=spec.lane,
        form=props.get(FORM_PROPERTIES[0]), ui_form=props.get(FORM_PROPERTIES[1]),
        due_date=_due_date(task, props.get("due_date")), state="ready", created_at=now, completed_at=None,
        completed_by=None,
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

