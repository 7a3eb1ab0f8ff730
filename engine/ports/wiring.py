"""The handler ports (handlers/ports.py) as the engine provides them, bound to one step's session.

A step builds its ports with ``rt.ports(session, now, instance)``: whatever a port writes (a bed
reservation, a duo assignment, a referral) commits or rolls back with the step itself. Replays never call handlers, so they get no ports.
"""
import os
from dataclasses import dataclass
from typing import Mapping

from engine.ports.bedden import DatabaseBeds
from engine.ports.casemanagers import DatabaseCaseManagers
from engine.ports.referrals import DatabaseReferrals
from handlers.ports import BEDDEN, CASEMANAGERS, PSEUDONIEM_SLEUTEL, VERWIJZING

PSEUDONYM_KEY_ENV = "LEVENSLOOP_PSEUDONYM_KEY"


@dataclass(frozen=True)
class EnvironmentKey:
    """PseudonymKey: the secret behind stable pseudonyms, read once when the runtime is built."""

    secret: bytes

    @classmethod
    def from_environment(cls, environ: Mapping[str, str] = os.environ) -> "EnvironmentKey":
        return cls(environ.get(PSEUDONYM_KEY_ENV, "").encode())

    def key(self) -> bytes:
        if not self.secret:  # no public fallback: a pseudonym needs the installation's own key
            raise RuntimeError(f"{PSEUDONYM_KEY_ENV} is niet gezet.")
        return self.secret


@dataclass(frozen=True)
class DatabasePorts:
    """``Runtime.ports``: called with a step's session and clock time, returns that step's ports."""

    pseudonym_key: EnvironmentKey

    def __call__(self, session, now, instance=None) -> dict:
        """``instance``: the process instance of the step, whose case the ports record facts for."""
        return {
            CASEMANAGERS: DatabaseCaseManagers(session, now, instance),
            BEDDEN: DatabaseBeds(session, now),
            PSEUDONIEM_SLEUTEL: self.pseudonym_key,
            VERWIJZING: DatabaseReferrals(session, now, instance),
        }


def database_ports(environ: Mapping[str, str] = os.environ) -> DatabasePorts:
    return DatabasePorts(EnvironmentKey.from_environment(environ))


def no_ports(_session, _now, _instance=None) -> dict:
    """For runtimes without handlers that need ports (and for replay)."""
    return {}
