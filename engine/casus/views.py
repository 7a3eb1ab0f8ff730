"""Read-only views of casussen: the list, one casus with its chain of instances, its timeline.

Straight from tables, never a workflow run; every view passes need-to-know (engine.casus_access)
and shows the person only in the FULL view; reading a casus is access-logged.
"""
from sqlalchemy import func, select

from engine.audit import access_log
from engine.casus import access as casus_access
from engine.casus import person as casus_person
from engine.errors import NotFound
from engine.instances import queries
from engine.persistence.tables import ACTIVE_STATUSES, AuditEvent, Casus, ProcessInstance, ProcessVersion, WorkTask
from engine.security import authorization
from engine.security.actors import Actor

PERSONAL_KEYS = queries.PERSONAL_KEYS | {"person"}


def load(session, casus_id: str) -> Casus:
    casus = session.get(Casus, casus_id)
    if casus is None:
        raise NotFound(f"Casus '{casus_id}' bestaat niet.")
    return casus


def current_instance(session, casus_id: str) -> ProcessInstance | None:
    """The newest instance of the casus's chain."""
    return session.scalars(select(ProcessInstance).where(ProcessInstance.casus_id == casus_id)
                           .order_by(ProcessInstance.cycle.desc()).limit(1)).first()


def active_instance_ids(session, casus_id: str) -> list[str]:
    """Running (or stuck) instances of the casus, in chain order."""
    return list(session.scalars(select(ProcessInstance.id).where(
        ProcessInstance.casus_id == casus_id, ProcessInstance.status.in_(ACTIVE_STATUSES))
        .order_by(ProcessInstance.cycle)))


def summary(casus: Casus, current: ProcessInstance | None) -> dict:
    return {
        "id": casus.id, "pseudonym": casus.pseudonym, "region": casus.region, "status": casus.status,
        "duo": {"casemanager_zorg": casus.casemanager_zorg, "casusregisseur_gemeente": casus.casusregisseur_gemeente},
        "aanmelder": casus.aanmelder, "created_at": casus.created_at.isoformat(),
        "current_instance": current.id if current else None, "cycle": current.cycle if current else None,
    }


def list_casussen(rt, actor: Actor, status: str | None = None) -> list[dict]:
    """The casussen ``actor`` may see, newest first, without personal data."""
    authorization.require(actor, authorization.READ, "Uw rol heeft geen toegang tot casussen.")
    newest = (select(ProcessInstance.casus_id, func.max(ProcessInstance.cycle).label("cycle"))
              .where(ProcessInstance.casus_id.is_not(None)).group_by(ProcessInstance.casus_id).subquery())
    is_newest = (ProcessInstance.casus_id == Casus.id) & (ProcessInstance.cycle == newest.c.cycle)
    query = (select(Casus, ProcessInstance).outerjoin(newest, newest.c.casus_id == Casus.id)
             .outerjoin(ProcessInstance, is_newest).order_by(Casus.created_at.desc(), Casus.id))
    if status:
        query = query.where(Casus.status == status)
    listed = []
    with rt.uow() as uow:
        for casus, current in uow.session.execute(query):
            if casus_access.view(actor, casus, current) != authorization.NONE:
                listed.append(summary(casus, current))
            if len(listed) == queries.MAX_LISTED:
                break
    return listed


def get(rt, casus_id: str, actor: Actor) -> dict:
    """One casus: the person (FULL view only), its chain of instances, current tasks, timeline."""
    with rt.uow() as uow:
        casus = load(uow.session, casus_id)
        chain = list(uow.session.execute(
            select(ProcessInstance, ProcessVersion.version).join(ProcessVersion)
            .where(ProcessInstance.casus_id == casus_id).order_by(ProcessInstance.cycle)))
        current = chain[-1][0] if chain else None
        case_view = casus_access.require_view(actor, casus, current)
        view = summary(casus, current)
        if case_view == authorization.FULL:
            view["person"] = casus_person.read(casus)
        view["instances"] = [_instance(instance, version) for instance, version in chain]
        view["current_tasks"] = _ready_tasks(uow.session, [i.id for i, _ in chain if i.status in ACTIVE_STATUSES])
        view["timeline"] = timeline(uow.session, casus_id, actor, case_view)
    access_log.record(rt, actor, view["current_instance"], "zaak", [view], PERSONAL_KEYS)
    return view


def _instance(instance: ProcessInstance, version: int) -> dict:
    return {"id": instance.id, "process_model": instance.process_id, "version": version, "cycle": instance.cycle,
            "status": instance.status, "started_at": instance.started_at.isoformat(),
            "updated_at": instance.updated_at.isoformat(),
            "incident": instance.incident_message if instance.status == "error" else None}


def _ready_tasks(session, instance_ids: list[str]) -> list[dict]:
    if not instance_ids:
        return []
    rows = session.scalars(select(WorkTask).where(WorkTask.instance_id.in_(instance_ids), WorkTask.state == "ready")
                           .order_by(WorkTask.created_at, WorkTask.id))
    return [queries.task_view(row) for row in rows]


def timeline(session, casus_id: str, actor: Actor, case_view: int) -> list[dict]:
    """The audit events of all the casus's instances, in chain order, as ``case_view`` shows them."""
    rows = session.execute(select(AuditEvent, ProcessInstance.id, ProcessInstance.cycle)
                           .join(ProcessInstance, ProcessInstance.id == AuditEvent.chain)
                           .where(ProcessInstance.casus_id == casus_id)
                           .order_by(ProcessInstance.cycle, AuditEvent.seq))
    return [{**queries.event_view(event, actor, case_view), "process_instance": instance_id, "cycle": cycle}
            for event, instance_id, cycle in rows]
