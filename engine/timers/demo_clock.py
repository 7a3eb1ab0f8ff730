"""The demo clock: real time plus an offset kept in the database, so ``levensloop clock advance 30d``
moves time for the server and the scheduler alike. Only used when explicitly enabled."""
import os
import re
from datetime import timedelta

from sqlalchemy.orm import sessionmaker

from engine.clock import SystemClock
from engine.errors import Forbidden, Invalid
from engine.persistence.tables import DemoClockSetting

ENV_FLAG = "LEVENSLOOP_DEMO_CLOCK"
_UNITS = {"w": "weeks", "d": "days", "h": "hours", "m": "minutes", "s": "seconds"}


def enabled() -> bool:
    return os.environ.get(ENV_FLAG, "").lower() in ("1", "true", "yes", "ja")


class DemoClock:
    """Wall-clock time shifted by the stored offset; reads the offset on every call (demo use only)."""

    def __init__(self, session_factory: sessionmaker, system=None):
        self._session_factory = session_factory
        self._system = system or SystemClock()

    def offset(self) -> timedelta:
        with self._session_factory() as session:
            setting = session.get(DemoClockSetting, 1)
            return timedelta(seconds=setting.offset_seconds if setting else 0)

    def now(self):
        return self._system.now() + self.offset()

    def advance(self, delta: timedelta):
        """Move the demo time forward by ``delta``; returns the new demo time."""
        if delta <= timedelta(0):
            raise Invalid("De democlok kan alleen vooruit.", {"duur": "Geef een positieve duur op."})
        with self._session_factory() as session:
            setting = session.get(DemoClockSetting, 1, with_for_update=True)
            if setting is None:
                setting = DemoClockSetting(id=1, offset_seconds=0)
                session.add(setting)
            setting.offset_seconds += int(delta.total_seconds())
            session.commit()
        return self.now()


def from_environment(session_factory: sessionmaker) -> DemoClock | None:
    return DemoClock(session_factory) if enabled() else None


def require_enabled() -> None:
    if not enabled():
        raise Forbidden(f"De democlok staat uit: de tijd verzetten mag alleen in demomodus "
                        f"(zet {ENV_FLAG}=1 voor de server, de planner en dit commando).")


def parse_duration(text: str) -> timedelta:
    """'30d', '2w', '12h', '90m', '1d12h' -> timedelta; anything else is refused in Dutch."""
    compact = re.sub(r"\s", "", text.lower())
    if not re.fullmatch(r"(\d+[wdhms])+", compact):
        raise Invalid(f"Ongeldige duur '{text}'; gebruik bijvoorbeeld 30d, 2w, 12h of 90m.", {"duur": "Ongeldig."})
    return sum((timedelta(**{_UNITS[unit]: int(n)}) for n, unit in re.findall(r"(\d+)([wdhms])", compact)),
               timedelta(0))
