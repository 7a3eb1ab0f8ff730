"""A task's form as its case shows it: the deployed schema with its choices filled in, and the checks
a submission must pass (the schema's, then the form's own check) before anything is written."""
from engine.errors import Invalid
from engine.local_time import LOCAL_ZONE
from engine.persistence.tables import ProcessInstance, WorkTask
from engine.process_models import deployments, form_hooks, forms
from engine.spiff.state_data import task_data
from handlers import HandlerContext


def context(rt, session, instance: ProcessInstance, element: str) -> HandlerContext:
    """What a form hook is handed: the engine clock and the ports bound to this session and case."""
    now = rt.clock.now()
    return HandlerContext(now=now, instance_id=instance.id, element=element, ports=rt.ports(session, now, instance))


def with_case_choices(rt, session, instance: ProcessInstance, element: str, form: dict, data: dict) -> dict:
    """``form`` with the choices its fields name, as the providers give them for this case."""
    if not form_hooks.named(form)[0]:
        return form
    hook_context = context(rt, session, instance, element)
    return form_hooks.with_choices(form, lambda name: rt.form_hooks.choices[name](hook_context, data))


def schema(rt, session, instance: ProcessInstance, row: WorkTask) -> dict | None:
    """The form's JSON Schema with the choices of this case (None: the task has no form)."""
    if not row.form:
        return None
    deployed = deployments.form_file(session, instance.process_version_id, row.form)
    return with_case_choices(rt, session, instance, row.element, deployed, task_data(instance.state, row.id))


def validate(rt, session, instance: ProcessInstance, row: WorkTask, data) -> None:
    """Raise Invalid with Dutch field errors: the schema (choices included) first, then the form's check."""
    form = schema(rt, session, instance, row) or {}
    forms.validate(form, data, rt.clock.now().astimezone(LOCAL_ZONE).date())
    errors = form_hooks.check_errors(form, rt.form_hooks, context(rt, session, instance, row.element), data,
                                     task_data(instance.state, row.id))
    if errors:
        raise Invalid("Het formulier bevat fouten.", errors)
