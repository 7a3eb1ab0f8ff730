"""The worklist: completing, claiming and assigning tasks; a task with its form and context; notifications."""

from marshmallow import Schema, fields, validate

from api.schemas.common import Strict
from engine.instances.worklist_query import HOLDERS, SORTS


class CompleteTaskRequest(Strict):
    data = fields.Dict(load_default=dict)


class WorklistArgs(Strict):
    """The worklist's filters and order (``limit``/``offset`` are the page's, api.paging)."""
    process_instance = fields.String(load_default=None, validate=validate.Length(max=36))
    casus = fields.String(load_default=None, validate=validate.Length(max=36))
    lane = fields.String(load_default=None, validate=validate.Length(max=100))
    process = fields.String(load_default=None, validate=validate.Length(max=200))
    overdue = fields.Boolean(load_default=False, error_messages={"invalid": "Verwacht true of false."})
    holder = fields.String(load_default=None, validate=validate.OneOf(HOLDERS, error="Kies 'mij' of 'vrij'."))
    sort = fields.String(load_default="created",
                         validate=validate.OneOf(list(SORTS), error=f"Kies uit: {', '.join(SORTS)}."))


class AssignTaskRequest(Strict):
    username = fields.String(required=True, validate=validate.Length(min=1, max=100),
                             error_messages={"required": "Kies een collega."})


class Colleague(Schema):
    username = fields.String()
    name = fields.String()


class Task(Schema):
    id = fields.String()
    process_instance = fields.String()
    process_model = fields.String()
    element = fields.String()
    name = fields.String()
    lane = fields.String(allow_none=True)
    form = fields.String(allow_none=True)
    due_date = fields.String(allow_none=True)
    state = fields.String()
    created_at = fields.String()
    claimed_by = fields.String(allow_none=True)
    process_name = fields.String()


class ContextItem(Schema):
    """What the worker needs to decide: a Dutch label and the value in Dutch (the form's ``ui:context``)."""
    label = fields.String()
    value = fields.String()


class TaskDetail(Task):
    schema = fields.Dict(allow_none=True)
    ui_schema = fields.Dict(allow_none=True)
    data = fields.Dict()
    context = fields.List(fields.Nested(ContextItem))


class Notification(Schema):
    id = fields.Integer()
    created_at = fields.String()
    kind = fields.String(metadata={"description": "taak_door_termijn | incident"})
    instance_id = fields.String(allow_none=True)
    task_id = fields.String(allow_none=True)
    role = fields.String(allow_none=True)
    user = fields.String(allow_none=True)
    subject = fields.String()
    body = fields.String()
    sent_at = fields.String(allow_none=True, metadata={"description": "when e-mailed; null if not (yet)"})
