"""Read a workflow's timers, so their earliest due time can live in an indexed column."""
from datetime import datetime, timezone

from SpiffWorkflow.bpmn.specs.event_definitions.timer import TimerEventDefinition
from SpiffWorkflow.util.task import TaskState

from engine.spiff.commands import all_tasks

TIMER_TYPES = {"TimeDateEventDefinition", "DurationTimerEventDefinition", "CycleTimerEventDefinition"}


def waiting_timers(workflow) -> list[tuple[str, datetime]]:
    """(timer name, due time) for every timer the workflow waits on."""
    timers = []
    for pending in _pending_events(workflow):
        if pending.event_type not in TIMER_TYPES or pending.value is None:
            continue
        value = pending.value
        if isinstance(value, dict):  # a cycle: SpiffWorkflow reports the dict once no cycles are left
            if value.get("cycles") == 0:
                continue
            value = value.get("next")
        due = TimerEventDefinition.parse_time_or_duration(value) if isinstance(value, str) else None
        if isinstance(due, datetime):
            timers.append((pending.name, due.astimezone(timezone.utc)))
    return timers


def _pending_events(workflow):
    """Like ``workflow.waiting_events()``, but an event-based gateway (one task waiting on a
    multiple definition) yields each of its events, so a timer behind the gateway is seen too."""
    for task in workflow.event_manager.tasks.values():
        definition = task.task_spec.event_definition
        for item in getattr(definition, "event_definitions", None) or [definition]:
            yield item.details(task)


def fired_unrun_timers(workflow) -> list[tuple[str, datetime]]:
    """Timer events that fell due at the end of another step: SpiffWorkflow's final timer refresh
    makes them READY but does not run them, so no waiting event reports them any more. Listing them
    keeps their (past) due time in the column, and the scheduler's timer step runs them."""
    timers = []
    for task in all_tasks(workflow):
        definition = getattr(task.task_spec, "event_definition", None)
        if task.state != TaskState.READY or not isinstance(definition, TimerEventDefinition):
            continue
        value = task._get_internal_data("event_value")
        due = TimerEventDefinition.get_datetime(value) if isinstance(value, str) else None
        timers.append((definition.name, due or datetime.min.replace(tzinfo=timezone.utc)))
    return timers


def earliest_timer_due(workflow) -> datetime | None:
    timers = waiting_timers(workflow) + fired_unrun_timers(workflow)
    return min(due for _, due in timers) if timers else None
