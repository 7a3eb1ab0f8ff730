"""Which instances (and casussen) run which version of a process model.

A process owner deploying a new version needs to know what still runs on the old one; only
ids, status and casus pseudonyms are shown, never case data.
"""
from sqlalchemy import func, select

from engine.persistence import pages
from engine.persistence.lookups import version_or_404
from engine.persistence.pages import Page, PageRequest
from engine.persistence.tables import Casus, ProcessInstance, ProcessVersion
from engine.security import authorization
from engine.security.actors import Actor

def usage(rt, process_id: str, actor: Actor, listed: PageRequest = PageRequest()) -> list[dict]:
    """Per version (newest first): a count per status, the number of instances, and the first page of its
    instances, newest first (ids, status, casus pseudonym)."""
    authorization.require(actor, authorization.USAGE)
    with rt.uow() as uow:
        versions = uow.session.scalars(select(ProcessVersion).where(ProcessVersion.process_id == process_id)
                                       .order_by(ProcessVersion.version.desc())).all()
        result = []
        for version in versions:
            counts = uow.session.execute(select(ProcessInstance.status, func.count()).where(
                ProcessInstance.process_version_id == version.id).group_by(ProcessInstance.status))
            page = _instances(uow.session, version.id, listed)
            result.append({"version": version.version, "deployed_at": version.deployed_at.isoformat(),
                           "counts": dict(counts.all()), "total": page.total, "instances": page.items})
        return result


def instances_of_version(rt, process_id: str, number: int, actor: Actor, page: PageRequest) -> Page:
    """One page of the instances running (or having run) version ``number``, newest first."""
    authorization.require(actor, authorization.USAGE)
    with rt.uow() as uow:
        version = version_or_404(uow.session, process_id, number)
        return _instances(uow.session, version.id, page)


def _instances(session, version_id: int, page: PageRequest) -> Page:
    query = (select(ProcessInstance.id, ProcessInstance.status, ProcessInstance.started_at, Casus.pseudonym)
             .outerjoin(Casus, Casus.id == ProcessInstance.casus_id)
             .where(ProcessInstance.process_version_id == version_id)
             .order_by(ProcessInstance.started_at.desc(), ProcessInstance.id))
    found, total = pages.rows(session, query, page)
    return Page([{"id": row.id, "status": row.status, "started_at": row.started_at.isoformat(), "casus": row.pseudonym}
                 for row in found], total, page.limit, page.offset)
