"""Who read which case data (NEN 7513 style), and who may read the audit side of the engine.

Every read that returns case or personal data calls ``record`` from the service layer, after the
data was gathered and before it is returned, so no response leaves without its log entry. The
purpose is derived from the role the data was read in: auditors check, workers carry out the case.
"""
from datetime import datetime

from sqlalchemy import select

from engine.errors import Invalid
from engine.persistence import pages
from engine.persistence.pages import Page, PageRequest
from engine.persistence.tables import AccessLogEntry
from engine.security import authorization
from engine.security.actors import Actor

PERSONAL = "persoonsgegevens"
CATEGORY = {"zaak": "zaakgegevens", "taak": "taakgegevens", "audittrail": "audittrail",
            "toestand": "zaakgegevens", "export": "audittrail", "document": "zaakgegevens"}


def require_auditor(actor: Actor) -> None:
    authorization.require(actor, authorization.AUDIT)


def purpose_of(actor: Actor) -> str:
    if actor.has("auditor"):
        return "controle en verantwoording (auditor)"
    if actor.has("beheerder"):
        return "beheer"
    return "uitvoering van de casus"


def categories(resource: str, shown: list, personal_keys) -> list[str]:
    """The resource's category, plus ``persoonsgegevens`` when anything shown holds a personal key."""
    return [CATEGORY[resource], PERSONAL] if _holds(shown, set(personal_keys)) else [CATEGORY[resource]]


def _holds(value, keys: set[str]) -> bool:
    if isinstance(value, dict):
        return bool(keys & set(value)) or any(_holds(v, keys) for v in value.values())
    if isinstance(value, list):
        return any(_holds(v, keys) for v in value)
    return False


def record(rt, actor: Actor, instance_id: str | None, resource: str, shown: list, personal_keys) -> None:
    """Log that ``actor`` was shown the dicts in ``shown``; its own unit of work (a read commits nothing else)."""
    with rt.uow() as uow:
        uow.session.add(AccessLogEntry(
            at=rt.clock.now(), username=actor.username, roles=",".join(sorted(actor.roles)),
            instance_id=instance_id, resource=resource, categories=categories(resource, shown, personal_keys),
            purpose=purpose_of(actor),
        ))
        uow.commit()


def query(rt, actor: Actor, user: str | None = None, instance: str | None = None,
          start: datetime | None = None, end: datetime | None = None, page: PageRequest = PageRequest()) -> Page:
    """Entries newest first, filtered by user, instance and period [start, end]."""
    require_auditor(actor)
    if start and end and start > end:
        raise Invalid("Ongeldige periode.", {"from": "Het begin ligt na het einde."})
    stmt = select(AccessLogEntry).order_by(AccessLogEntry.at.desc(), AccessLogEntry.id.desc())
    if user:
        stmt = stmt.where(AccessLogEntry.username == user)
    if instance:
        stmt = stmt.where(AccessLogEntry.instance_id == instance)
    if start:
        stmt = stmt.where(AccessLogEntry.at >= start)
    if end:
        stmt = stmt.where(AccessLogEntry.at <= end)
    with rt.uow() as uow:
        found, total = pages.rows(uow.session, stmt, page)
        return Page([_view(entry) for entry, in found], total, page.limit, page.offset)


def _view(entry: AccessLogEntry) -> dict:
    return {"at": entry.at.isoformat(), "user": entry.username, "roles": entry.roles.split(",") if entry.roles else [],
            "process_instance": entry.instance_id, "resource": entry.resource, "categories": entry.categories,
            "purpose": entry.purpose}
