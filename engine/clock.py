"""The one clock every step reads: real time in production, simulated in tests and demos."""
from contextlib import contextmanager
from contextvars import ContextVar
from datetime import datetime, timedelta, timezone
from typing import Protocol


class Clock(Protocol):
    def now(self) -> datetime:
        """Current time, timezone-aware UTC."""


class SystemClock:
    """Wall-clock time; the only place the engine may read it."""

    def now(self) -> datetime:
        return datetime.now(timezone.utc)


class SimulatedClock:
    """A clock that only moves when told to, so timers can be tested in milliseconds."""

    def __init__(self, start: datetime | None = None):
        self._now = start or datetime(2027, 1, 4, 9, 0, tzinfo=timezone.utc)

    def now(self) -> datetime:
        return self._now

    def advance(self, delta: timedelta) -> datetime:
        if delta < timedelta(0):
            raise ValueError("a simulated clock does not go back")
        self._now += delta
        return self._now

    def set(self, moment: datetime) -> None:
        self._now = moment.astimezone(timezone.utc)


class FixedClock:
    """A clock frozen at one moment: replay re-runs each event at its recorded time."""

    def __init__(self, moment: datetime):
        self._moment = moment

    def now(self) -> datetime:
        return self._moment


_current: ContextVar[Clock | None] = ContextVar("levensloop_clock", default=None)


def current_clock() -> Clock:
    """The clock of the step running in this context (system time outside a step)."""
    return _current.get() or SystemClock()


@contextmanager
def clock_scope(clock: Clock):
    """Make ``clock`` the time source for SpiffWorkflow code running inside this block."""
    token = _current.set(clock)
    try:
        yield clock
    finally:
        _current.reset(token)
