"""The auditor's reports: verify, replay, the state at an event, exports, the access log."""
from datetime import timezone

from marshmallow import Schema, fields, validate

from api.schemas.common import Strict


class ChainBreak(Schema):
    chain = fields.String()
    seq = fields.Integer(allow_none=True)
    kind = fields.String(validate=validate.OneOf(
        ["missing", "inputs_changed", "inputs_erased", "hash_alg", "anchor_invalid", "anchor_mismatch", "link_broken", "hash_mismatch", "state_changed", "model_changed", "orphaned"]))
    message = fields.String()


class Divergence(Schema):
    seq = fields.Integer()
    type = fields.String()
    kind = fields.String(validate=validate.OneOf(
        ["hash_mismatch", "step_failed", "not_replayable", "service_calls_unused"]))
    message = fields.String()
    expected = fields.String(allow_none=True)
    actual = fields.String(allow_none=True)


class ReplayReport(Schema):
    process_instance = fields.String()
    status = fields.String(validate=validate.OneOf(["verified", "diverged", "broken"]))
    process_model = fields.String(allow_none=True)
    version = fields.Integer(allow_none=True)
    events = fields.Integer()
    replayed = fields.Integer()
    divergence = fields.Nested(Divergence, allow_none=True)
    chain_break = fields.Nested(ChainBreak, allow_none=True)


class VerifyReport(Schema):
    status = fields.String(validate=validate.OneOf(["verified", "broken"]))
    chains = fields.Integer()
    events = fields.Integer()
    breaks = fields.List(fields.Nested(ChainBreak))


class ReadyTaskAt(Schema):
    name = fields.String()
    element = fields.String()
    lane = fields.String(allow_none=True)


class EventSummary(Schema):
    seq = fields.Integer()
    type = fields.String()
    actor = fields.String()
    at = fields.String()


class PointInTimeState(Schema):
    process_instance = fields.String()
    seq = fields.Integer()
    event = fields.Nested(EventSummary)
    status = fields.String()
    data = fields.Dict()
    ready_tasks = fields.List(fields.Nested(ReadyTaskAt))
    active_elements = fields.List(fields.String())
    completed_elements = fields.List(fields.String())


class ExportQuery(Strict):
    format = fields.String(load_default="json", validate=validate.OneOf(["json", "csv", "xes"]))


class MiningQuery(Strict):
    format = fields.String(load_default="xes", validate=validate.OneOf(["xes", "csv"]))
    version = fields.Integer(load_default=None, strict=False, validate=validate.Range(min=1))
    from_ = fields.Date(data_key="from", load_default=None)
    until = fields.Date(load_default=None)


class AccessLogQuery(Strict):
    user = fields.String(load_default=None)
    instance = fields.String(load_default=None)
    from_ = fields.AwareDateTime(data_key="from", load_default=None, default_timezone=timezone.utc)
    to = fields.AwareDateTime(load_default=None, default_timezone=timezone.utc)


class AccessLogEntry(Schema):
    at = fields.String()
    user = fields.String()
    roles = fields.List(fields.String())
    process_instance = fields.String(allow_none=True)
    resource = fields.String()
    categories = fields.List(fields.String())
    purpose = fields.String()
