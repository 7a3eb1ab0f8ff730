"""Give SpiffWorkflow's timer events the engine's clock.

SpiffWorkflow's timer event definitions call ``datetime.now(timezone.utc)`` on the ``datetime``
name of their own module. We rebind that one name to a ``datetime`` subclass whose ``now``
reads the clock of the current step (a context variable, so threads and requests do not
share it). ``install()`` is called by the engine's composition root, never at import time.
"""
from datetime import datetime

from SpiffWorkflow.bpmn.specs.event_definitions import timer as spiff_timer

from engine.clock import current_clock


class EngineDatetime(datetime):
    """``datetime`` whose ``now()`` is the engine clock of the running step."""

    @classmethod
    def now(cls, tz=None):
        moment = current_clock().now()
        return moment.astimezone(tz) if tz else moment.replace(tzinfo=None)


def install() -> None:
    """Route SpiffWorkflow timer evaluation through the engine clock (idempotent)."""
    spiff_timer.datetime = EngineDatetime
