"""Read-only views for the API: straight from tables, never a workflow run."""
from sqlalchemy import or_, select

from engine.audit import access_log
from engine.audit import trail as audit
from engine.errors import Forbidden, NotFound
from engine.persistence.lookups import instance_or_404
from engine.persistence.tables import Casus, Deployment, ProcessInstance, ProcessVersion, WorkTask
from engine.process_models import deployments
from engine.security import authorization
from engine.security.actors import Actor
from engine.security.authorization import NONE
from engine.spiff import diagrams
from engine.spiff.state_data import process_data, stored_task_data

PERSONAL_KEYS = {"persoon"}
MAX_LISTED = 500


def case_facts(session, instance: ProcessInstance, data: dict | None = None) -> authorization.CaseFacts:
    """What need-to-know decides on: the instance's data and, when it has one, its casus row."""
    casus = session.get(Casus, instance.casus_id) if instance.casus_id else None
    return authorization.case_facts(instance, process_data(instance) if data is None else data, casus)


def case_view(session, instance: ProcessInstance, actor: Actor) -> int:
    """The actor's view of the instance's case (Forbidden when none)."""
    return authorization.require_case(actor, case_facts(session, instance))


def task_view(row: WorkTask) -> dict:
    return {
        "id": row.id, "process_instance": row.instance_id, "process_model": row.process_id,
        "element": row.element, "name": row.name, "lane": row.lane, "form": row.form,
        "due_date": row.due_date, "state": row.state, "created_at": row.created_at.isoformat(),
    }


def instance_view(session, instance: ProcessInstance, actor: Actor, required: bool = True) -> dict:
    """The instance as the actor may see it; after the actor's own step (``required=False``) an
    actor who may not read the case (task completion is lane-based) gets it without data or tasks."""
    data = process_data(instance)
    facts = case_facts(session, instance, data)
    view = authorization.require_case(actor, facts) if required else authorization.case_view(actor, facts)
    version = session.get(ProcessVersion, instance.process_version_id)
    ready = session.scalars(select(WorkTask).where(WorkTask.instance_id == instance.id, WorkTask.state == "ready")
                            .order_by(WorkTask.created_at, WorkTask.id))
    return {
        "id": instance.id, "process_model": instance.process_id, "version": version.version,
        "status": instance.status, "data": authorization.visible_data(data, view),
        "ready_tasks": [task_view(r) for r in ready] if view != NONE else [],
        "timer_due": instance.timer_due.isoformat() if instance.timer_due else None,
        "incident": ({"message": instance.incident_message, "element": instance.incident_element}
                     if instance.status == "error" else None),
        "started_at": instance.started_at.isoformat(), "updated_at": instance.updated_at.isoformat(),
    }


def get_instance(rt, instance_id: str, actor: Actor) -> dict:
    with rt.uow() as uow:
        instance = instance_or_404(uow.session, instance_id)
        view = instance_view(uow.session, instance, actor)
    access_log.record(rt, actor, instance_id, "zaak", [view["data"]], PERSONAL_KEYS)
    return view


def list_instances(rt, actor: Actor, status: str | None = None, process_model: str | None = None) -> list[dict]:
    """The newest instances whose case the actor may see (no case data in the summary)."""
    authorization.require(actor, authorization.READ, "Uw rol heeft geen toegang tot zaakgegevens.")
    sees_all = authorization.case_view(actor, None) != NONE
    with rt.uow() as uow:
        query = select(ProcessInstance).order_by(ProcessInstance.started_at.desc(), ProcessInstance.id)
        if status:
            query = query.where(ProcessInstance.status == status)
        if process_model:
            query = query.where(ProcessInstance.process_id == process_model)
        listed = []
        for i in uow.session.scalars(query.limit(MAX_LISTED) if sees_all else query):
            if sees_all or authorization.case_view(actor, case_facts(uow.session, i)) != NONE:
                listed.append({"id": i.id, "process_model": i.process_id, "status": i.status,
                               "started_at": i.started_at.isoformat(), "updated_at": i.updated_at.isoformat()})
            if len(listed) == MAX_LISTED:
                break
        return listed


def worklist(rt, actor: Actor, process_instance: str | None = None, lane: str | None = None) -> list[dict]:
    """Ready tasks in the caller's lanes (tasks without a lane are everyone's) of cases the caller may see."""
    with rt.uow() as uow:
        query = select(WorkTask).where(WorkTask.state == "ready").order_by(WorkTask.created_at, WorkTask.id)
        lanes = sorted(actor.roles if lane is None else (actor.roles & {lane}))
        visible = [WorkTask.lane.in_(lanes)]
        if lane is None and actor.is_worker:
            visible.append(WorkTask.lane.is_(None))
        query = query.where(or_(*visible))
        if process_instance:
            query = query.where(WorkTask.instance_id == process_instance)
        rows, views = uow.session.scalars(query).all(), {}
        for row in rows:
            if row.instance_id not in views:
                instance = uow.session.get(ProcessInstance, row.instance_id)
                views[row.instance_id] = authorization.case_view(actor, case_facts(uow.session, instance))
        return [task_view(r) for r in rows if views[r.instance_id] != NONE]


def get_task(rt, task_id: str, actor: Actor) -> dict:
    with rt.uow() as uow:
        row = uow.session.get(WorkTask, task_id)
        if row is None:
            raise NotFound(f"Taak '{task_id}' bestaat niet.")
        if not actor.has("auditor") and row.lane and not actor.has(row.lane):
            raise Forbidden(f"Deze taak hoort bij rol '{row.lane}'.")
        instance = uow.session.get(ProcessInstance, row.instance_id)
        case = case_view(uow.session, instance, actor)
        view = task_view(row)
        view["schema"] = deployments.form_file(uow.session, instance.process_version_id, row.form) if row.form else None
        view["ui_schema"] = deployments.form_file(uow.session, instance.process_version_id, row.ui_form) if row.ui_form else None
        view["data"] = authorization.visible_data(_task_data(instance, row.id), case)
    access_log.record(rt, actor, view["process_instance"], "taak", [view["data"]], PERSONAL_KEYS)
    return view


def _task_data(instance: ProcessInstance, task_id: str) -> dict:
    state = instance.state
    for tasks in [state.get("tasks", {})] + [s.get("tasks", {}) for s in state.get("subprocesses", {}).values()]:
        if task_id in tasks:
            return stored_task_data(tasks, task_id)
    return {}


def events(rt, instance_id: str, actor: Actor) -> list[dict]:
    with rt.uow() as uow:
        instance = instance_or_404(uow.session, instance_id)
        view = case_view(uow.session, instance, actor)
        trail = [event_view(e, actor, view) for e in audit.events_of(uow.session, instance_id)]
    access_log.record(rt, actor, instance_id, "audittrail", [e["inputs"] for e in trail], PERSONAL_KEYS)
    return trail


def event_view(event, actor: Actor, view: int | None = None) -> dict:
    """An audit event as ``view`` shows it; without one, as the actor's roles show any case they may see."""
    inputs = authorization.visible_inputs(event.inputs, authorization.role_view(actor) if view is None else view)
    return {"seq": event.seq, "type": event.type, "actor": event.actor, "at": event.at.isoformat(),
            "inputs": inputs, "state_hash": event.state_hash, "prev_hash": event.prev_hash, "hash": event.hash}


def process_models(rt) -> list[dict]:
    with rt.uow() as uow:
        rows = uow.session.scalars(select(ProcessVersion).order_by(ProcessVersion.process_id, ProcessVersion.version))
        models: dict[str, dict] = {}
        for v in rows:
            entry = models.setdefault(v.process_id, {"id": v.process_id, "name": v.name, "versions": []})
            entry["name"] = v.name
            entry["versions"].append({"version": v.version, "deployed_at": v.deployed_at.isoformat()})
        for entry in models.values():
            entry["latest_version"] = entry["versions"][-1]["version"]
        return list(models.values())


def process_model(rt, process_id: str) -> dict:
    for model in process_models(rt):
        if model["id"] == process_id:
            return model
    raise NotFound(f"Procesmodel '{process_id}' bestaat niet.")


def _version_xml(session, version: ProcessVersion) -> str:
    deployment = session.get(Deployment, version.deployment_id)
    xml = diagrams.process_xml({**deployment.resolved, **deployment.files}, version.process_id)
    if xml is None:
        raise NotFound(f"Geen diagram gevonden voor procesmodel '{version.process_id}'.")
    return xml


def instance_diagram(rt, instance_id: str, actor: Actor) -> dict:
    """The BPMN XML of the instance's version with the ids to highlight (for bpmn-js markers)."""
    with rt.uow() as uow:
        instance = instance_or_404(uow.session, instance_id)
        case_view(uow.session, instance, actor)
        version = uow.session.get(ProcessVersion, instance.process_version_id)
        return {"xml": _version_xml(uow.session, version), **diagrams.element_markers(instance.state or {})}


def version_diagram(rt, process_id: str, version: int) -> str:
    """The BPMN XML of one deployed version of a process model."""
    with rt.uow() as uow:
        row = uow.session.scalars(select(ProcessVersion).where(ProcessVersion.process_id == process_id,
                                                               ProcessVersion.version == version)).first()
        if row is None:
            raise NotFound(f"Versie {version} van procesmodel '{process_id}' bestaat niet.")
        return _version_xml(uow.session, row)
