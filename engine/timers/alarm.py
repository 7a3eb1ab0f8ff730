"""Telling a sleeping scheduler that a step committed a due time, so it need not wait for its next tick.

In this process the alarm rings after the commit (``UnitOfWork.after_commit``); on PostgreSQL the
step also sends ``NOTIFY levensloop_timers`` inside its own transaction, so PostgreSQL delivers it
to schedulers in other processes exactly when (and only if) the step commits.
"""
import logging
import threading
from datetime import datetime
from typing import Callable

from sqlalchemy import func, select

log = logging.getLogger(__name__)
CHANNEL = "levensloop_timers"


class TimerAlarm:
    """The in-process listeners for committed due times (a scheduler running in this process)."""

    def __init__(self):
        self._lock = threading.Lock()
        self._listeners: list[Callable[[datetime], None]] = []

    def subscribe(self, listener: Callable[[datetime], None]) -> None:
        with self._lock:
            self._listeners.append(listener)

    def unsubscribe(self, listener: Callable[[datetime], None]) -> None:
        with self._lock:
            self._listeners.remove(listener)

    def ring(self, due: datetime) -> None:
        """Tell every listener; the step has committed already, so a failing listener is only logged."""
        with self._lock:
            listeners = list(self._listeners)
        for listener in listeners:
            try:
                listener(due)
            except Exception:  # noqa: BLE001 — a committed step must not fail for a wake-up
                log.exception("timer alarm listener failed")


def announce(alarm: TimerAlarm, uow, due: datetime) -> None:
    """Within the step's transaction: NOTIFY on PostgreSQL, and ring ``alarm`` once it has committed."""
    if uow.session.get_bind().dialect.name == "postgresql":
        uow.session.execute(select(func.pg_notify(CHANNEL, due.isoformat())))
    uow.after_commit(lambda: alarm.ring(due))
