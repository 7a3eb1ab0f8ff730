"""Resolving an incident: which data a correction may change, and which earlier user tasks a reset may
return to. Both are read from the model (what the failing step reads, what the process's forms declare,
the completed user tasks on the path to the failure), never from the data.

A correction is checked like the form that declares the field checked it: its schema (with the case's
choices) and the form's own check, so a retry cannot smuggle in what a worker could not have typed.
"""
from SpiffWorkflow.util.task import TaskState
from sqlalchemy import select

from engine.errors import Invalid
from engine.execution import stored_state
from engine.execution import step as steps
from engine.instances import task_forms
from engine.local_time import LOCAL_ZONE
from engine.persistence.tables import ProcessInstance
from engine.process_models import deployments, form_hooks, forms
from engine.process_models.references import FORM_PROPERTIES
from engine.process_models.reserved_names import RESERVED, RESERVED_NAMES
from engine.security import authorization, scope
from engine.security.authorization import FULL, NONE, RESOLVE
from engine.spiff.canonical import task_positions
from engine.spiff.commands import all_tasks
from engine.spiff.element_reads import names_read
from engine.spiff.scripting import ServiceLog
from engine.spiff.state_data import process_data

LIVE = TaskState.READY | TaskState.WAITING | TaskState.STARTED | TaskState.ERROR
NOT_READ = "De mislukte stap leest dit gegeven niet, of het is geen formulierveld van dit proces."
NOT_A_TARGET = "Dit is geen eerdere, afgeronde gebruikerstaak van deze zaak."


def load(rt, session, instance):
    """The instance's workflow, for reading only: no handlers, no ports."""
    return stored_state.load(rt, session, instance, steps.script_engine(rt, rt.clock.now(), instance.id, ServiceLog()))


def _form_fields(session, instance, workflow) -> dict[str, tuple[dict, str]]:
    """Top-level field → (its form's schema, the user task's element) for every form of the process."""
    found = {}
    for spec in [workflow.spec, *workflow.subprocess_specs.values()]:
        for task_spec in spec.task_specs.values():
            name = getattr(task_spec, "extensions", {}).get("properties", {}).get(FORM_PROPERTIES[0])
            if getattr(task_spec, "manual", False) and name:
                schema = deployments.form_file(session, instance.process_version_id, name)
                for field in (schema.get("properties") or {}):
                    found.setdefault(field, (schema, task_spec.bpmn_id))
    return found


def correctable(session, instance, workflow) -> dict[str, tuple[dict, str]]:
    """The fields a correction may set: read by a failing step, declared by a form, not the engine's own."""
    read = set().union(*[names_read(t.task_spec) for t in all_tasks(workflow) if t.state == TaskState.ERROR])
    return {name: form for name, form in _form_fields(session, instance, workflow).items()
            if name in read and name not in RESERVED_NAMES}


def check_correction(rt, session, instance, data) -> None:
    """Raise Invalid (Dutch, per field) unless every corrected field may be corrected and is valid."""
    if not isinstance(data, dict):
        raise Invalid("Een correctie is een object met gegevens.", {"data": "Verwacht een object."})
    allowed = correctable(session, instance, load(rt, session, instance))
    errors = {name: RESERVED if name in RESERVED_NAMES else NOT_READ for name in data if name not in allowed}
    known = process_data(instance)
    for name in set(data) - set(errors):
        schema, element = allowed[name]
        field = task_forms.with_case_choices(rt, session, instance, element, {
            "type": "object", "properties": {name: schema["properties"][name]}, "$defs": schema.get("$defs", {})}, known)
        errors.update(forms.submission_errors(field, {name: data[name]}, rt.clock.now().astimezone(LOCAL_ZONE).date()))
        if name not in errors:
            errors.update(form_hooks.check_errors(schema, rt.form_hooks, task_forms.context(rt, session, instance, element),
                                                  {name: data[name]}, known))
    if errors:
        raise Invalid("De correctie bevat fouten.", errors)


def _ancestors(task):
    """The task's ancestors, nearest first, across the subprocess boundary into the calling process."""
    while task is not None:
        parent = task.parent
        if parent is None and getattr(task.workflow, "parent_task_id", None) is not None:
            parent = task.workflow.top_workflow.get_task_from_id(task.workflow.parent_task_id)
        if parent is not None:
            yield parent
        task = parent


def reset_targets(workflow) -> dict[str, object]:
    """Element id → the nearest completed user task on the path to a live task: where a reset may go."""
    found = {}
    for live in (t for t in all_tasks(workflow) if t.state & LIVE):
        for task in _ancestors(live):
            if task.state == TaskState.COMPLETED and getattr(task.task_spec, "manual", False):
                found.setdefault(task.task_spec.bpmn_id, task)
    return found


def reset_command(rt, session, instance, element: str) -> dict:
    """The recorded command that takes the instance back to user task ``element`` (its canonical position,
    so replay finds the same task), or Invalid."""
    target = reset_targets(load(rt, session, instance)).get(element) if isinstance(element, str) else None
    if target is None:
        raise Invalid("Terugzetten kan alleen naar een eerdere gebruikerstaak.", {"to_element": NOT_A_TARGET})
    return {"type": "reset", "to_element": element, "task_id": str(target.id),
            "task_position": task_positions(instance.state)[str(target.id)]}


def incident_view(rt, session, instance) -> dict:
    """What the pages offer to resolve an incident: the fields to correct and the tasks to go back to."""
    workflow = load(rt, session, instance)
    fields = correctable(session, instance, workflow)
    return {
        "message": instance.incident_message, "element": instance.incident_element,
        "fields": [{"name": name, "title": schema["properties"][name].get("title") or name,
                    "type": schema["properties"][name].get("type")} for name, (schema, _) in sorted(fields.items())],
        "reset_targets": [{"element": element, "name": task.task_spec.bpmn_name or element}
                          for element, task in reset_targets(workflow).items()],
    }


def panel(rt, instance_id: str, actor) -> dict | None:
    """The incident panel of a page, for an actor who may resolve this incident (else None); the current
    values of the fields only for an actor who may read the case's data in full."""
    if instance_id is None or not authorization.allows(actor, RESOLVE):
        return None
    with rt.uow() as uow:
        found = uow.session.execute(select(ProcessInstance, scope.instance_view(actor, RESOLVE))
                                    .where(ProcessInstance.id == instance_id)).first()
        if found is None or found[1] == NONE or found[0].status != "error":
            return None
        view = {"instance_id": instance_id, **incident_view(rt, uow.session, found[0])}
        if scope.view_of_instance(uow.session, actor, instance_id) == FULL:
            data = process_data(found[0])
            for field in view["fields"]:
                field["value"] = data.get(field["name"])
        return view
