"""Casus pseudonyms and process instances, either way round, for lists and filters.

The worklist names a task's casus by its pseudonym: it identifies the casus to those who work on
it without showing the person, which the Adviestafel may never see.
"""
from sqlalchemy import or_, select

from engine.persistence.tables import Casus, ProcessInstance


def of_instances(rt, instance_ids) -> dict[str, dict]:
    """instance id → {"id", "pseudonym"} of its casus; instances without a casus are left out."""
    ids = sorted(set(instance_ids))
    if not ids:
        return {}
    with rt.uow() as uow:
        rows = uow.session.execute(select(ProcessInstance.id, Casus.id, Casus.pseudonym)
                                   .join(Casus, Casus.id == ProcessInstance.casus_id)
                                   .where(ProcessInstance.id.in_(ids)))
        return {instance_id: {"id": casus_id, "pseudonym": pseudonym} for instance_id, casus_id, pseudonym in rows}


def instance_ids(rt, casus: str) -> list[str]:
    """The instances of the casus named by its pseudonym or id, in chain order (none when unknown)."""
    with rt.uow() as uow:
        return list(uow.session.scalars(
            select(ProcessInstance.id).join(Casus, Casus.id == ProcessInstance.casus_id)
            .where(or_(Casus.pseudonym == casus, Casus.id == casus)).order_by(ProcessInstance.cycle)))
