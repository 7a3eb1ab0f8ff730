"""Which instances (and casussen) run which version of a process model.

A process owner deploying a new version needs to know what still runs on the old one; only
ids, status and casus pseudonyms are shown, never case data.
"""
from collections import Counter

from sqlalchemy import select

from engine.errors import Forbidden
from engine.instances import queries
from engine.persistence.tables import Casus, ProcessInstance, ProcessVersion
from engine.security.actors import Actor

MAX_LISTED = 200


def usage(rt, process_id: str, actor: Actor) -> list[dict]:
    """Per version (newest first): its instances, newest first, and a count per status."""
    if not actor.has("proceseigenaar", "beheerder", "auditor"):
        raise Forbidden("Alleen een proceseigenaar, beheerder of auditor ziet welke zaken een versie gebruiken.")
    with rt.uow() as uow:
        versions = uow.session.scalars(select(ProcessVersion).where(ProcessVersion.process_id == process_id)
                                       .order_by(ProcessVersion.version.desc())).all()
        result = []
        for version in versions:
            rows = uow.session.scalars(
                select(ProcessInstance).where(ProcessInstance.process_version_id == version.id)
                .order_by(ProcessInstance.started_at.desc(), ProcessInstance.id)).all()
            result.append({
                "version": version.version, "deployed_at": version.deployed_at.isoformat(),
                "counts": dict(Counter(row.status for row in rows)),
                "instances": [{"id": row.id, "status": row.status, "started_at": row.started_at.isoformat(),
                               "casus": _casus_label(uow.session, row)} for row in rows[:MAX_LISTED]],
            })
        return result


def _casus_label(session, row: ProcessInstance) -> str | None:
    """A registered casus by its pseudonym (never the person); else the casus number in the data, if any."""
    casus = session.get(Casus, row.casus_id) if row.casus_id else None
    return casus.pseudonym if casus else queries.process_data(row).get("casus_id")
