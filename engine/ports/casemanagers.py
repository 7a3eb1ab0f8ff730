"""CaseManagerDirectory over the users table and the case assignments.

The duo of a case is its open rows in ``case_assignments``, written here only, in the step of the
duo assignment: a new member closes the previous one's row, so access moves with a handover and the
history stays. The caseload is the number of distinct active cases a worker is assigned to,
counted in SQL: an intake and the casus's first cycle are one casus, not two.
"""
from collections import Counter

from sqlalchemy import distinct, exists, func, or_, select

from engine.persistence.tables import ACTIVE_STATUSES, CaseAssignment, ProcessInstance, User
from handlers.config import REGIO_NAAM
from handlers.context import HandlerError

DUO_ROLES = ("casemanager_zorg", "casusregisseur_gemeente")


def region_code(region: str | None) -> str | None:
    """Users store a region as its code or its name ('Gelderland-Zuid'); handlers use the code."""
    if region in REGIO_NAAM:
        return region
    by_name = {name.lower(): code for code, name in REGIO_NAAM.items()}
    return by_name.get((region or "").strip().lower())


def caseloads(session) -> Counter:
    """Worker id (username) → number of active cases in which the worker is in the duo now."""
    active = exists().where(ProcessInstance.status.in_(ACTIVE_STATUSES),
                            or_(ProcessInstance.casus_id == CaseAssignment.casus_id,
                                ProcessInstance.id == CaseAssignment.instance_id))
    case_key = func.coalesce(CaseAssignment.casus_id, CaseAssignment.instance_id)
    rows = session.execute(select(CaseAssignment.username, func.count(distinct(case_key)))
                           .where(CaseAssignment.assigned_until.is_(None), active).group_by(CaseAssignment.username))
    return Counter(dict(rows.all()))


def open_assignments(session, casus_id: str | None, instance_id: str) -> list[CaseAssignment]:
    """The duo in force for a case: its casus's, or (no casus) the instance's own."""
    case = CaseAssignment.casus_id == casus_id if casus_id else CaseAssignment.instance_id == instance_id
    return list(session.scalars(select(CaseAssignment).where(case, CaseAssignment.assigned_until.is_(None))
                                .order_by(CaseAssignment.role, CaseAssignment.id)))


class DatabaseCaseManagers:
    """Reads users and caseloads through the step's session; records the duo of the step's case."""

    def __init__(self, session, now=None, instance: ProcessInstance | None = None):
        self.session, self.now, self.instance = session, now, instance

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

    def _duo_member(self, worker_id: str) -> tuple[User, str] | None:
        """The user and the duo role they hold, or None."""
        user = self.session.scalars(select(User).where(User.username == worker_id)).first()
        role = next((r for r in DUO_ROLES if r in (user.roles or [])), None) if user is not None else None
        return (user, role) if role else None

    def find(self, worker_id: str) -> dict | None:
        member = self._duo_member(worker_id)
        return self._worker(*member, caseloads(self.session)) if member else None

    def assign(self, duo: dict) -> None:
        """Make ``duo`` ({role: worker id}) the case's duo from now on; a replaced member's row is closed."""
        if self.instance is None:
            raise RuntimeError("duo assignment outside a step")
        current = {row.role: row for row in open_assignments(self.session, self.instance.casus_id, self.instance.id)}
        for role, username in duo.items():
            member = self._duo_member(username)  # no caseload needed here: the handler checked the room
            if member is None or member[1] != role or region_code(member[0].region) != self.instance.region:
                raise HandlerError(f"'{username}' kan niet in het duo van deze casus: geen {role.replace('_', ' ')} "
                                   "in de regio van de casus.", shareable=True)  # a worker's name, not case data
            held = current.get(role)
            if held is not None and held.username == username:
                continue
            if held is not None:
                held.assigned_until = self.now
            self.session.add(CaseAssignment(casus_id=self.instance.casus_id, instance_id=self.instance.id,
                                            username=username, role=role, assigned_from=self.now))
