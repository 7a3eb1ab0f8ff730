"""Read a workflow's waiting timers, so their earliest due time can live in an indexed column."""
from datetime import datetime, timezone

from SpiffWorkflow.bpmn.specs.event_definitions.timer import TimerEventDefinition

TIMER_TYPES = {"TimeDateEventDefinition", "DurationTimerEventDefinition", "CycleTimerEventDefinition"}


def waiting_timers(workflow) -> list[tuple[str, datetime]]:
    """(timer name, due time) for every timer the workflow waits on."""
    timers = []
    for pending in workflow.waiting_events():
        if pending.event_type not in TIMER_TYPES or pending.value is None:
            continue
        value = pending.value
        if isinstance(value, dict):  # a cycle that has not computed its next firing yet
            value = value.get("next")
        due = TimerEventDefinition.parse_time_or_duration(value) if isinstance(value, str) else None
        if isinstance(due, datetime):
            timers.append((pending.name, due.astimezone(timezone.utc)))
    return timers


def earliest_timer_due(workflow) -> datetime | None:
    timers = waiting_timers(workflow)
    return min(due for _, due in timers) if timers else None
