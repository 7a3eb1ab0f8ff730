"""Read-only views for the API: straight from tables, never a workflow run."""
from sqlalchemy import select

from engine.audit import access_log
from engine.audit import trail as audit
from engine.errors import NotFound
from engine.execution import stored_state
from engine.instances import task_forms
from engine.persistence import pages
from engine.persistence.lookups import version_or_404
from engine.persistence.pages import Page, PageRequest
from engine.persistence.tables import Deployment, ProcessInstance, ProcessVersion, WorkTask
from engine.process_models import deployments, element_names, form_context, starts, version_forms
from engine.security import authorization, scope
from engine.security.actors import Actor
from engine.security.authorization import NONE, READ, START
from engine.spiff import diagrams
from engine.spiff.state_data import process_data, task_data

PERSONAL_KEYS = {"persoon"}


def task_view(row: WorkTask) -> dict:
    return {
        "id": row.id, "process_instance": row.instance_id, "process_model": row.process_id,
        "element": row.element, "name": row.name, "lane": row.lane, "form": row.form,
        "due_date": row.due_date, "state": row.state, "created_at": row.created_at.isoformat(),
        "claimed_by": row.claimed_by,
    }


def instance_view(session, instance: ProcessInstance, actor: Actor, view: int | None = None,
                  ready: list[WorkTask] | None = None) -> dict:
    """The instance as ``view`` (default: the actor's view of it) shows it; after the actor's own step an
    actor whose step took the case out of its scope (an aanmelder's at inclusion) gets it without data or tasks.
    A step passes its ``ready`` worklist rows, so they are not queried again."""
    if view is None:
        view = scope.view_of_instance(session, actor, instance.id)
    data = process_data(instance) if view != NONE else {}
    if ready is None:
        ready = session.scalars(select(WorkTask).where(WorkTask.instance_id == instance.id, WorkTask.state == "ready")
                                .order_by(WorkTask.created_at, WorkTask.id))
    return {
        "id": instance.id, "process_model": instance.process_id,
        "version": deployments.version_number(session, instance.process_version_id),
        "status": instance.status, "data": authorization.visible_data(data, view),
        "ready_tasks": [task_view(r) for r in ready] if view != NONE else [],
        "timer_due": instance.timer_due.isoformat() if instance.timer_due else None,
        "incident": ({"message": instance.incident_message, "element": instance.incident_element}
                     if instance.status == "error" else None),
        "started_at": instance.started_at.isoformat(), "updated_at": instance.updated_at.isoformat(),
    }


def get_instance(rt, instance_id: str, actor: Actor) -> dict:
    with rt.uow() as uow:
        instance, case = scope.instance_in_scope(uow.session, actor, instance_id)
        view = instance_view(uow.session, instance, actor, case)
    access_log.record(rt, actor, instance_id, "zaak", [view["data"]], PERSONAL_KEYS)
    return view


def list_instances(rt, actor: Actor, status: str | None = None, process_model: str | None = None,
                   page: PageRequest = PageRequest()) -> Page:
    """The newest instances whose case the actor may see (no case data in the summary), filtered in SQL."""
    authorization.require(actor, READ)
    query = (select(ProcessInstance.id, ProcessInstance.process_id, ProcessInstance.status,
                    ProcessInstance.started_at, ProcessInstance.updated_at)
             .where(scope.instance_visible(actor))
             .order_by(ProcessInstance.started_at.desc(), ProcessInstance.id))
    if status:
        query = query.where(ProcessInstance.status == status)
    if process_model:
        query = query.where(ProcessInstance.process_id == process_model)
    with rt.uow() as uow:
        found, total = pages.rows(uow.session, query, page)
    items = [{"id": i.id, "process_model": i.process_id, "status": i.status,
              "started_at": i.started_at.isoformat(), "updated_at": i.updated_at.isoformat()} for i in found]
    return Page(items, total, page.limit, page.offset)


def get_task(rt, task_id: str, actor: Actor) -> dict:
    with rt.uow() as uow:
        row = uow.session.get(WorkTask, task_id)
        view = scope.view_of_instance(uow.session, actor, row.instance_id) if row is not None else NONE
        if view == NONE:
            authorization.require(actor, READ)
            raise NotFound(f"Taak '{task_id}' bestaat niet.")
        instance = uow.session.get(ProcessInstance, row.instance_id)
        task = task_view(row)
        task["schema"] = task_forms.schema(rt, uow.session, instance, row)
        task["ui_schema"] = (deployments.form_file(uow.session, instance.process_version_id, row.ui_form)
                             if row.ui_form else None)
        task["data"] = authorization.visible_data(task_data(instance.state, row.id), view)
        names = element_names.of_version(uow.session, uow.session.get(ProcessVersion, instance.process_version_id))
        task["process_name"] = names.get(row.process_id, row.process_id)
        task["context"] = (form_context.resolve(task["ui_schema"], task["data"],
                                                deployments.form_schemas(uow.session, instance.process_version_id))
                           if task["ui_schema"] else [])
    access_log.record(rt, actor, task["process_instance"], "taak", [task["data"]], PERSONAL_KEYS)
    return task


def events(rt, instance_id: str, actor: Actor) -> list[dict]:
    with rt.uow() as uow:
        _, view = scope.instance_in_scope(uow.session, actor, instance_id)
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
            entry["versions"].append({"version": v.version, "deployed_at": v.deployed_at.isoformat(),
                                      "deployed_by": v.deployed_by, "comment": v.comment})
        for entry in models.values():
            entry["latest_version"] = entry["versions"][-1]["version"]
        return list(models.values())


def startable_models(rt, actor: Actor) -> list[dict]:
    """The models the actor starts by hand ("Nieuwe zaak"): the role holds the lane of the start event."""
    if not authorization.allows(actor, START):
        return []
    with rt.uow() as uow:
        return [{"id": found.id, "name": found.name} for found in starts.manual_starts(uow.session)
                if actor.has(found.lane) or (found.lane is None and actor.is_worker)]


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
        instance, _ = scope.instance_in_scope(uow.session, actor, instance_id)
        version = uow.session.get(ProcessVersion, instance.process_version_id)
        return {"xml": _version_xml(uow.session, version), **stored_state.element_markers(rt, uow.session, instance)}


def version_diagram(rt, process_id: str, version: int) -> str:
    """The BPMN XML of one deployed version of a process model."""
    with rt.uow() as uow:
        return _version_xml(uow.session, version_or_404(uow.session, process_id, version))


def forms_of_instance(rt, instance_id: str) -> list[tuple[str, dict]]:
    """(task name, JSON Schema) of every form of the instance's version, in flow order: model data, no case data."""
    with rt.uow() as uow:
        instance = uow.session.get(ProcessInstance, instance_id)
        if instance is None:
            return []
        return version_forms.of_version(uow.session, uow.session.get(ProcessVersion, instance.process_version_id))


def names_of_elements(rt, instance_ids) -> dict[str, str]:
    """Element and (sub)process id → Dutch name over the versions of these instances (model data, no case data)."""
    with rt.uow() as uow:
        by_instance = element_names.of_instances(uow.session, instance_ids)
    return {element: name for names in by_instance.values() for element, name in names.items()}
