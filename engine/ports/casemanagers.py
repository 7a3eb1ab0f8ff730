"""CaseManagerDirectory over the users table: who holds a duo role in a region, and their caseload.

The caseload is the number of distinct active casussen whose duo names the worker, counted from
the running (or stuck) process instances' data: an intake still waiting on its melding and the
casus' first cycle are one casus, not two.
"""
from collections import Counter

from sqlalchemy import select

from engine.persistence.tables import ACTIVE_STATUSES, ProcessInstance, User
from engine.spiff.state_data import process_data
from handlers.config import REGIO_NAAM

DUO_ROLES = ("casemanager_zorg", "casusregisseur_gemeente")


def region_code(region: str | None) -> str | None:
    """Users store a region as its code or its name ('Gelderland-Zuid'); handlers use the code."""
    if region in REGIO_NAAM:
        return region
    by_name = {name.lower(): code for code, name in REGIO_NAAM.items()}
    return by_name.get((region or "").strip().lower())


def caseloads(session) -> Counter:
    """Worker id (username) → number of active casussen in which the worker is in the duo."""
    casussen: dict[str, set] = {}
    for instance in session.scalars(select(ProcessInstance).where(ProcessInstance.status.in_(ACTIVE_STATUSES))):
        data = process_data(instance)
        duo = data.get("duo")
        if not isinstance(duo, dict):
            continue
        casus = str(data.get("casus_id") or instance.id)
        for role in DUO_ROLES:
            worker_id = (duo.get(role) or {}).get("id") if isinstance(duo.get(role), dict) else None
            if worker_id:
                casussen.setdefault(worker_id, set()).add(casus)
    return Counter({worker_id: len(ids) for worker_id, ids in casussen.items()})


class DatabaseCaseManagers:
    """Reads users and caseloads through the step's session (never writes)."""

    def __init__(self, session):
        self.session = session

    def _worker(self, user: User, role: str, load: Counter) -> dict:
        return {"id": user.username, "naam": user.full_name or user.username,
                "organisatie": user.organisation or "", "regio": region_code(user.region),
                "rol": role, "caseload": load[user.username]}

    def candidates(self, rol: str, regio: str) -> list[dict]:
        users = [u for u in self.session.scalars(select(User).order_by(User.username))
                 if rol in (u.roles or []) and region_code(u.region) == regio]
        if not users:
            return []
        load = caseloads(self.session)
        return [self._worker(u, rol, load) for u in users]

    def find(self, worker_id: str) -> dict | None:
        user = self.session.scalars(select(User).where(User.username == worker_id)).first()
        if user is None:
            return None
        role = next((r for r in DUO_ROLES if r in (user.roles or [])), None)
        return self._worker(user, role, caseloads(self.session)) if role else None
