"""Loading a row or refusing with NotFound: one wording for every caller."""
from sqlalchemy import select

from engine.errors import NotFound
from engine.persistence.tables import ProcessInstance, ProcessVersion

#: Version numbers are database integers; a larger number from a URL names no version.
MAX_VERSION = 2**31 - 1


def instance_or_404(session, instance_id: str) -> ProcessInstance:
    """The stored instance, or NotFound (HTTP 404) naming the id."""
    instance = session.get(ProcessInstance, instance_id)
    if instance is None:
        raise NotFound(f"Procesinstantie '{instance_id}' bestaat niet.")
    return instance


def version_or_404(session, process_id: str, version: int) -> ProcessVersion:
    """One deployed version of a process model, or NotFound (also for numbers no version can have)."""
    row = None
    if 0 < version <= MAX_VERSION:
        row = session.scalars(select(ProcessVersion).where(ProcessVersion.process_id == process_id,
                                                           ProcessVersion.version == version)).first()
    if row is None:
        raise NotFound(f"Versie {version} van procesmodel '{process_id}' bestaat niet.")
    return row
