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

from engine.errors import Conflict, Invalid, NotFound
from engine.spiff.data_cap import data_problem


def all_tasks(workflow):
    """Every task of the workflow and its subprocesses."""
    tasks = list(workflow.get_tasks())
    for sub in workflow.subprocesses.values():
        tasks.extend(sub.get_tasks())
    return tasks


def message_catchers(workflow) -> list[tuple]:
    """(event definition, data) of every event the workflow can catch now: its waiting catch events,
    plus the start events of its event subprocesses, which SpiffWorkflow keeps as triggers of the
    process rather than as waiting tasks (their data: that of the process's live tasks)."""
    catchers = [(definition, t.data) for t in workflow.event_manager.tasks.values()
                for definition in _alternatives(t.task_spec.event_definition)]
    live = next(iter(workflow.get_tasks(state=TaskState.READY | TaskState.WAITING)), None)
    for name in getattr(workflow.spec.start, "trigger_specs", []):
        for start in workflow.subprocess_specs[name].bpmn_start_events:
            catchers.append((start.event_definition, live.data if live else {}))
    return catchers


def _alternatives(definition) -> list:
    """An event-based gateway waits on a multiple definition: any one of its events."""
    return list(getattr(definition, "event_definitions", None) or [definition])


def _check_input(command: dict) -> None:
    """Data from outside (start data, a form, a message payload) within the data cap, or nothing is written."""
    for key in ("data", "payload"):
        if problem := data_problem(command.get(key) or {}):
            raise Invalid(f"Invoer geweigerd: {problem}.", {key: problem})


def _uuid(task_id: str):
    return UUID(task_id)


def apply(workflow, command: dict) -> None:
    """Perform one command on the workflow (engine steps are run afterwards by the runner)."""
    kind = command["type"]
    _check_input(command)
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
                task.data.update(copy.deepcopy(command.get("data") or {}))  # the correction, checked by the service
                task._set_state(TaskState.READY)
    elif kind == "reset":
        _reset(workflow, command)
    elif kind == "cancel":
        workflow.cancel()
    elif kind == "migrate":
        pass  # the new spec is already in place (engine.execution.step.migrate); the run only settles it
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


def _reset(workflow, command: dict) -> None:
    """Back to an earlier, completed user task: what came after it is dropped, the task is ready again."""
    task = workflow.get_task_from_id(_uuid(command["task_id"]))
    if task is None or task.state != TaskState.COMPLETED or not task.task_spec.manual:
        raise Invalid("Terugzetten kan alleen naar een eerdere gebruikerstaak.", {"to_element": "Geen afgeronde taak."})
    workflow.reset_from_task_id(task.id)


def _deliver(workflow, command: dict) -> None:
    event = BpmnEvent(
        _waiting_definition(workflow, command["name"]),
        payload=copy.deepcopy(command.get("payload") or {}),
        correlations=copy.deepcopy(workflow.correlations),
    )
    try:
        workflow.send_event(event)
    except WorkflowException as err:
        raise NotFound(f"Deze zaak wacht niet op bericht '{command['name']}'.") from err
    except Exception as err:  # a correlation expression the payload cannot satisfy
        raise Invalid(f"Bericht '{command['name']}' mist gegevens voor de correlatie: {err}",
                      {"payload": str(err)}) from err


def _waiting_definition(workflow, name: str):
    """The definition of a catch event waiting for message ``name``: SpiffWorkflow only lets an
    event be caught by a definition of the very same class (the spiff parser makes a subclass)."""
    for definition, _data in message_catchers(workflow):
        if isinstance(definition, MessageEventDefinition) and definition.name == name:
            return definition
    raise NotFound(f"Deze zaak wacht niet op bericht '{name}'.")
