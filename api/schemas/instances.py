"""Process instances: start, cancel, retry, reset, messages, and the instance with its events."""

from marshmallow import Schema, ValidationError, fields, validate

from api.schemas.common import Strict
from api.schemas.tasks import Task
from engine.process_models.reserved_names import RESERVED, reserved_in


def _no_reserved_names(data: dict) -> None:
    """Start data over HTTP may not hold what the engine writes itself (casus, region, duo, dossier)."""
    found = reserved_in(data)
    if found:
        raise ValidationError(f"{RESERVED} ({', '.join(found)})")


class StartInstanceRequest(Strict):
    process_model = fields.String(required=True, validate=validate.Length(min=1, max=200))
    data = fields.Dict(load_default=dict, validate=_no_reserved_names)


class CancelRequest(Strict):
    """Only for the running cycle of an open casus: what becomes of the casus."""
    casus_besluit = fields.String(load_default=None, allow_none=True)
    reden = fields.String(load_default=None, allow_none=True, validate=validate.Length(max=1000))


class RetryRequest(Strict):
    """Optional: a correction of data the failing step reads (fields of the process's forms)."""
    data = fields.Dict(load_default=dict)


class ResetRequest(Strict):
    """The element id of an earlier, completed user task of the instance."""
    to_element = fields.String(required=True, validate=validate.Length(min=1, max=200))


class MessageRequest(Strict):
    name = fields.String(required=True, validate=validate.Length(min=1, max=200))
    process_instance = fields.String(load_default=None, allow_none=True)
    correlation = fields.Dict(load_default=None, allow_none=True)
    payload = fields.Dict(load_default=dict)


class MessageResponse(Schema):
    delivered_to = fields.List(fields.String())


class Incident(Schema):
    message = fields.String(allow_none=True)
    element = fields.String(allow_none=True)


class Instance(Schema):
    id = fields.String()
    process_model = fields.String()
    version = fields.Integer()
    status = fields.String(validate=validate.OneOf(["running", "completed", "error", "cancelled"]))
    data = fields.Dict()
    ready_tasks = fields.List(fields.Nested(Task))
    timer_due = fields.String(allow_none=True)
    incident = fields.Nested(Incident, allow_none=True)
    started_at = fields.String()
    updated_at = fields.String()


class InstanceSummary(Schema):
    id = fields.String()
    process_model = fields.String()
    status = fields.String()
    started_at = fields.String()
    updated_at = fields.String()


class Event(Schema):
    seq = fields.Integer()
    type = fields.String()
    actor = fields.String()
    at = fields.String()
    inputs = fields.Raw(allow_none=True)
    state_hash = fields.String(allow_none=True)
    prev_hash = fields.String()
    hash = fields.String()
