"""Turn a timer expression that fails at run time into an incident naming the element and expression.

SpiffWorkflow evaluates a computed timer (``termijnen["plan"]``) when the timer is reached and
lets a plain ``ValueError`` or ``Exception('Invalid duration')`` escape the engine step, which
would crash the step instead of recording an incident. ``install()`` (called by the composition
root, like ``spiff_clock.install``) wraps the evaluation so it raises a ``WorkflowTaskException``,
which the runner records as an incident.
"""
from functools import wraps

from SpiffWorkflow.bpmn.exceptions import WorkflowTaskException
from SpiffWorkflow.bpmn.specs.event_definitions import timer as spiff_timer


def _explained(method):
    if getattr(method, "_levensloop_wrapped", False):
        return method

    @wraps(method)
    def evaluate(self, my_task, *args, **kwargs):
        try:
            return method(self, my_task, *args, **kwargs)
        except Exception as err:  # noqa: BLE001 — every failure of a timer expression is an incident
            element = my_task.task_spec.bpmn_id
            raise WorkflowTaskException(
                f"Timerexpressie {self.expression!r} van '{element}' geeft geen geldige ISO 8601-datum, "
                f"-duur of -herhaling: {err}", task=my_task, exception=err) from err

    evaluate._levensloop_wrapped = True
    return evaluate


def install() -> None:
    """Wrap SpiffWorkflow's timer evaluation (idempotent)."""
    for cls, name in ((spiff_timer.TimeDateEventDefinition, "has_fired"),
                      (spiff_timer.DurationTimerEventDefinition, "has_fired"),
                      (spiff_timer.CycleTimerEventDefinition, "cycle_complete")):
        setattr(cls, name, _explained(getattr(cls, name)))
