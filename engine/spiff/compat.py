"""Every patch Levensloop applies to SpiffWorkflow, in one place, for the one version it was written for.

- The engine clock: SpiffWorkflow's timer event definitions call ``datetime.now(timezone.utc)`` on
  the ``datetime`` name of their own module; we rebind that one name to a ``datetime`` subclass whose
  ``now`` reads the clock of the current step (a context variable, so threads do not share it).
- Timer errors: a computed timer that fails when reached lets a plain ``ValueError`` escape the
  step; we wrap the evaluation so it raises an ``ExplainedError``, which the runner records as an
  incident naming the element and expression.
- Time zone: SpiffWorkflow reads an ISO date-time without offset in the host's zone, frozen at import
  (so winter time all year on a host started in winter); we replace ``get_datetime``, which every timer
  path uses, so it reads such a date-time as Europe/Amsterdam wall-clock time. A computed ``timeDate``
  that gives a ``datetime`` object is stored as ISO text by the same rule.

``install()`` is called by the composition root (``engine.bootstrap``), never at import time.
"""
from datetime import datetime, timezone
from functools import wraps
from importlib.metadata import version

from SpiffWorkflow.bpmn.specs.event_definitions import timer as spiff_timer

from engine.clock import current_clock
from engine.local_time import as_local
from engine.spiff.incidents import ExplainedError

PINNED_VERSION = "3.2.0"


class EngineDatetime(datetime):
    """``datetime`` whose ``now()`` is the engine clock of the running step."""

    @classmethod
    def now(cls, tz=None):
        moment = current_clock().now()
        return moment.astimezone(tz) if tz else moment.replace(tzinfo=None)


def _get_datetime(expression: str) -> datetime:
    """SpiffWorkflow's ``get_datetime``, with a naive date-time read as Amsterdam time, not the host's.

    It builds on the module's own ``datetime`` name (``EngineDatetime``), which its ``isinstance`` checks use."""
    return as_local(spiff_timer.datetime.fromisoformat(expression)).astimezone(timezone.utc)


def _dates_as_text(has_fired):
    """A computed ``timeDate`` may evaluate to a ``datetime``: store it as ISO text read like a literal."""
    if getattr(has_fired, "_levensloop_dates", False):
        return has_fired

    @wraps(has_fired)
    def evaluate(self, my_task):
        if my_task._get_internal_data("event_value") is None:
            value = my_task.workflow.script_engine.evaluate(my_task, self.expression)
            if isinstance(value, datetime):
                value = as_local(value).astimezone(timezone.utc).isoformat()
            my_task._set_internal_data(event_value=value)
        return has_fired(self, my_task)

    evaluate._levensloop_dates = True
    return evaluate


def _explained(method):
    if getattr(method, "_levensloop_wrapped", False):
        return method

    @wraps(method)
    def evaluate(self, my_task, *args, **kwargs):
        try:
            return method(self, my_task, *args, **kwargs)
        except Exception as err:  # noqa: BLE001 — every failure of a timer expression is an incident
            element = my_task.task_spec.bpmn_id
            raise ExplainedError(  # the value it gave is data: the server log has it, the incident not
                f"Timerexpressie {self.expression!r} van '{element}' geeft geen geldige ISO 8601-datum, "
                "-duur of -herhaling.", task=my_task, exception=err) from err

    evaluate._levensloop_wrapped = True
    return evaluate


def install() -> None:
    """Apply every patch (idempotent); refuse to run on a SpiffWorkflow the patches were not checked on."""
    installed = version("SpiffWorkflow")
    if installed != PINNED_VERSION:
        raise RuntimeError(f"engine.spiff.compat is written for SpiffWorkflow {PINNED_VERSION}, not {installed}: "
                           "check every patch in this module against the new version, then update PINNED_VERSION.")
    spiff_timer.datetime = EngineDatetime
    spiff_timer.TimerEventDefinition.get_datetime = staticmethod(_get_datetime)
    time_date = spiff_timer.TimeDateEventDefinition
    time_date.has_fired = _dates_as_text(time_date.has_fired)
    for cls, name in ((spiff_timer.TimeDateEventDefinition, "has_fired"),
                      (spiff_timer.DurationTimerEventDefinition, "has_fired"),
                      (spiff_timer.CycleTimerEventDefinition, "cycle_complete")):
        setattr(cls, name, _explained(getattr(cls, name)))
