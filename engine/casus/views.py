"""Read-only views of casussen: the list, one casus with its chain of instances, its timeline.

Straight from tables, never a workflow run; every view passes need-to-know in SQL
(engine.security.scope) and shows the person only in the FULL view; reading a casus is access-logged.
"""
from sqlalchemy import select

from engine.audit import access_log
from engine.casus import person as casus_person
from engine.errors import NotFound
from engine.instances import queries
from engine.persistence import pages
from engine.persistence.pages import Page, PageRequest
from engine.persistence.tables import (ACTIVE_STATUSES, AuditEvent, CaseAssignment, Casus, ProcessInstance,
                                       ProcessVersion, WorkTask)
from engine.ports.casemanagers import DUO_ROLES
from engine.security import authorization, scope
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


def summary(casus: Casus, current: tuple | None, duo: dict) -> dict:
    """``current``: (id, cycle) of the newest instance; ``duo``: role → username of the open assignments."""
    return {
        "id": casus.id, "pseudonym": casus.pseudonym, "region": casus.region, "status": casus.status,
        "duo": {role: duo.get(role) for role in DUO_ROLES},
        "aanmelder": casus.aanmelder, "created_at": casus.created_at.isoformat(),
        "current_instance": current[0] if current else None, "cycle": current[1] if current else None,
    }


def _duos(session, casus_ids: list[str]) -> dict[str, dict]:
    """casus id → {role: username} of the assignments in force."""
    duos: dict[str, dict] = {}
    for row in session.scalars(select(CaseAssignment).where(CaseAssignment.casus_id.in_(casus_ids),
                                                            CaseAssignment.assigned_until.is_(None))):
        duos.setdefault(row.casus_id, {})[row.role] = row.username
    return duos


def _newest_instances(session, casus_ids: list[str]) -> dict[str, tuple]:
    """casus id → (id, cycle) of its newest instance; ids and numbers only, no state is read."""
    newest: dict[str, tuple] = {}
    for casus_id, instance_id, cycle in session.execute(
            select(ProcessInstance.casus_id, ProcessInstance.id, ProcessInstance.cycle)
            .where(ProcessInstance.casus_id.in_(casus_ids)).order_by(ProcessInstance.cycle)):
        newest[casus_id] = (instance_id, cycle)
    return newest


def list_casussen(rt, actor: Actor, status: str | None = None, page: PageRequest = PageRequest()) -> Page:
    """The casussen ``actor`` may see, newest first, without personal data; filtered in SQL."""
    authorization.require(actor, authorization.READ)
    query = (select(Casus).where(scope.casus_visible(actor))
             .order_by(Casus.created_at.desc(), Casus.id))
    if status:
        query = query.where(Casus.status == status)
    with rt.uow() as uow:
        found, total = pages.rows(uow.session, query, page)
        ids = [casus.id for casus, in found]
        current, duos = _newest_instances(uow.session, ids), _duos(uow.session, ids)
        items = [summary(casus, current.get(casus.id), duos.get(casus.id, {})) for casus, in found]
    return Page(items, total, page.limit, page.offset)


def get(rt, casus_id: str, actor: Actor) -> dict:
    """One casus: the person (FULL view only), its chain of instances, current tasks, timeline."""
    with rt.uow() as uow:
        casus, case_view = scope.casus_in_scope(uow.session, actor, casus_id)
        chain = list(uow.session.execute(
            select(ProcessInstance, ProcessVersion.version).join(ProcessVersion)
            .where(ProcessInstance.casus_id == casus_id).order_by(ProcessInstance.cycle)))
        current = (chain[-1][0].id, chain[-1][0].cycle) if chain else None
        view = summary(casus, current, _duos(uow.session, [casus_id]).get(casus_id, {}))
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
