"""Which instances (and casussen) run which version of a process model.

A process owner deploying a new version needs to know what still runs on the old one; only
ids, status and casus pseudonyms are shown, never case data.
"""
from sqlalchemy import func, select

from engine.persistence.tables import Casus, ProcessInstance, ProcessVersion
from engine.security import authorization
from engine.security.actors import Actor

MAX_LISTED = 200


def usage(rt, process_id: str, actor: Actor) -> list[dict]:
    """Per version (newest first): a count per status and its newest instances (ids, status, casus pseudonym)."""
    authorization.require(actor, authorization.USAGE)
    with rt.uow() as uow:
        versions = uow.session.scalars(select(ProcessVersion).where(ProcessVersion.process_id == process_id)
                                       .order_by(ProcessVersion.version.desc())).all()
        result = []
        for version in versions:
            counts = uow.session.execute(select(ProcessInstance.status, func.count()).where(
                ProcessInstance.process_version_id == version.id).group_by(ProcessInstance.status))
            rows = uow.session.execute(
                select(ProcessInstance.id, ProcessInstance.status, ProcessInstance.started_at, Casus.pseudonym)
                .outerjoin(Casus, Casus.id == ProcessInstance.casus_id)
                .where(ProcessInstance.process_version_id == version.id)
                .order_by(ProcessInstance.started_at.desc(), ProcessInstance.id).limit(MAX_LISTED))
            result.append({
                "version": version.version, "deployed_at": version.deployed_at.isoformat(),
                "counts": dict(counts.all()),
                "instances": [{"id": row.id, "status": row.status, "started_at": row.started_at.isoformat(),
                               "casus": row.pseudonym} for row in rows],
            })
        return result
