"""What a step does to a workflow, as plain data: applied alike by live steps and by replay.

Each command is the ``inputs`` recorded with its audit event; ``apply`` is the only code that
turns one into SpiffWorkflow calls, so a replay cannot take a different path than the live run.
"""
import copy
from uuid import UUID

from SpiffWorkflow.bpmn.specs.event_definitions.message import MessageEventDefinition
from SpiffWorkflow.bpmn.util import BpmnEvent
from SpiffWorkflow.exceptions import WorkflowException
from SpiffWorkflow.util.task import TaskState

from engine.errors import Conflict, NotFound


def all_tasks(workflow):
    """Every task of the workflow and its subprocesses."""
    tasks = list(workflow.get_tasks())
    for sub in workflow.subprocesses.values():
        tasks.extend(sub.get_tasks())
    return tasks


def _uuid(task_id: str):
    return UUID(task_id)


def apply(workflow, command: dict) -> None:
    """Perform one command on the workflow (engine steps are run afterwards by the runner)."""
    kind = command["type"]
    if kind == "start":
        for task in workflow.get_tasks(state=TaskState.READY):
            task.data.update(copy.deepcopy(command.get("data") or {}))
    elif kind == "complete_task":
        _complete(workflow, command)
    elif kind == "message":
        _deliver(workflow, command)
    elif kind == "timer":
        workflow.refresh_timers()
    elif kind == "retry":
        for task in all_tasks(workflow):
            if task.state == TaskState.ERROR:
                task._set_state(TaskState.READY)
    elif kind == "cancel":
        workflow.cancel()
    else:
        raise ValueError(f"unknown command {kind}")


def _complete(workflow, command: dict) -> None:
    task = workflow.get_task_from_id(_uuid(command["task_id"]))
    if task is None:
        raise NotFound("Taak niet gevonden.")
    if task.state != TaskState.READY or not task.task_spec.manual:
        raise Conflict("Deze taak is al afgerond of staat niet (meer) open.")
    task.data.update(copy.deepcopy(command.get("data") or {}))
    task.run()


def _deliver(workflow, command: dict) -> None:
    event = BpmnEvent(
        MessageEventDefinition(command["name"]),
        payload=copy.deepcopy(command.get("payload") or {}),
        correlations=copy.deepcopy(workflow.correlations),
    )
    try:
        workflow.send_event(event)
    except WorkflowException as err:
        raise NotFound(f"Deze zaak wacht niet op bericht '{command['name']}'.") from err
