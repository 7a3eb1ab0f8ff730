"""A task's form as its case shows it: the deployed schema with its choices filled in, and the checks
a submission must pass (the schema's, then the form's own check) before anything is written."""
from engine.errors import Invalid
from engine.persistence.tables import ProcessInstance, WorkTask
from engine.process_models import deployments, form_hooks, forms
from engine.spiff.state_data import task_data
from handlers import HandlerContext


def _context(rt, session, instance: ProcessInstance, row: WorkTask) -> HandlerContext:
    now = rt.clock.now()
    return HandlerContext(now=now, instance_id=instance.id, element=row.element,
                          ports=rt.ports(session, now, instance))


def schema(rt, session, instance: ProcessInstance, row: WorkTask) -> dict | None:
    """The form's JSON Schema with the choices of this case (None: the task has no form)."""
    if not row.form:
        return None
    deployed = deployments.form_file(session, instance.process_version_id, row.form)
    if not form_hooks.named(deployed)[0]:
        return deployed
    context, data = _context(rt, session, instance, row), task_data(instance.state, row.id)
    return form_hooks.with_choices(deployed, lambda name: rt.form_hooks.choices[name](context, data))


def validate(rt, session, instance: ProcessInstance, row: WorkTask, data) -> None:
    """Raise Invalid with Dutch field errors: the schema (choices included) first, then the form's check."""
    form = schema(rt, session, instance, row) or {}
    forms.validate(form, data)
    errors = form_hooks.check_errors(form, rt.form_hooks, _context(rt, session, instance, row), data,
                                     task_data(instance.state, row.id))
    if errors:
        raise Invalid("Het formulier bevat fouten.", errors)
