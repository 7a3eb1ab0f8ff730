"""Marshmallow schemas: request parsing and the shapes published in the OpenAPI document."""
from datetime import timezone

from marshmallow import RAISE, Schema, ValidationError, fields, validate

from engine.instances.worklist_query import HOLDERS, SORTS
from engine.process_models.reserved_names import RESERVED, reserved_in


class Strict(Schema):
    class Meta:
        unknown = RAISE


class TokenRequest(Strict):
    username = fields.String(required=True, validate=validate.Length(min=1, max=100))
    password = fields.String(required=True, validate=validate.Length(min=1, max=200))


class TokenResponse(Schema):
    token = fields.String()
    username = fields.String()
    roles = fields.List(fields.String())


def _no_reserved_names(data: dict) -> None:
    """Start data over HTTP may not hold what the engine writes itself (casus, region, duo, dossier)."""
    found = reserved_in(data)
    if found:
        raise ValidationError(f"{RESERVED} ({', '.join(found)})")


class StartInstanceRequest(Strict):
    process_model = fields.String(required=True, validate=validate.Length(min=1, max=200))
    data = fields.Dict(load_default=dict, validate=_no_reserved_names)


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


class ModelVersion(Schema):
    version = fields.Integer()
    deployed_at = fields.String()
    deployed_by = fields.String(allow_none=True)
    comment = fields.String(allow_none=True, metadata={"description": "the deploy comment"})


class ProcessModel(Schema):
    id = fields.String()
    name = fields.String()
    latest_version = fields.Integer()
    versions = fields.List(fields.Nested(ModelVersion))


class DeployResponse(Schema):
    id = fields.String()
    version = fields.Integer()
    created = fields.Boolean()
    processes = fields.List(fields.Dict())
    warnings = fields.List(fields.Dict())


VERSION_NUMBER = validate.Range(min=1, max=2**31 - 1, error="Een versienummer van 1 of hoger.")


class MigrateRequest(Strict):
    to_version = fields.Integer(required=True, strict=True, validate=VERSION_NUMBER)


class BulkMigrateRequest(MigrateRequest):
    from_version = fields.Integer(required=True, strict=True, validate=VERSION_NUMBER)
    dry_run = fields.Boolean(load_default=False)


class ElementChange(Schema):
    id = fields.String()
    name = fields.String()
    type = fields.String()
    lane = fields.String(allow_none=True)
    aspects = fields.List(fields.String())


class VersionChanges(Schema):
    added = fields.List(fields.Nested(ElementChange))
    removed = fields.List(fields.Nested(ElementChange))
    changed = fields.List(fields.Nested(ElementChange))


class _MigrationVersions(Schema):
    process_model = fields.String()
    from_version = fields.Integer()
    to_version = fields.Integer()


class MigrationCheck(_MigrationVersions):
    process_instance = fields.String()
    possible = fields.Boolean()
    reasons = fields.List(fields.String(), metadata={"description": "why not, in Dutch"})
    changes = fields.Nested(VersionChanges)


class MigrationResult(_MigrationVersions):
    process_instance = fields.String()
    mapping = fields.Dict(keys=fields.String(), values=fields.String(),
                          metadata={"description": "element of each live task in the old version -> in the new"})


class RefusedMigration(Schema):
    id = fields.String()
    reason = fields.String()


class BulkMigrationReport(_MigrationVersions):
    dry_run = fields.Boolean()
    migrated = fields.List(fields.String(), metadata={"description": "moved (dry run: would move)"})
    refused = fields.List(fields.Nested(RefusedMigration))


class EvaluateDecisionRequest(Strict):
    variables = fields.Dict(keys=fields.String(), load_default=dict)


class MatchedRule(Schema):
    id = fields.String()
    row = fields.Integer()
    description = fields.String()


class RequiredDecisionResult(Schema):
    decision = fields.String()
    outputs = fields.Dict()
    matched_rules = fields.List(fields.Nested(MatchedRule))
    required_decisions = fields.List(fields.Dict())


class DecisionResult(RequiredDecisionResult):
    required_decisions = fields.List(fields.Nested(RequiredDecisionResult))


class ModelProblem(Schema):
    file = fields.String(allow_none=True)
    element_id = fields.String(allow_none=True)
    element_name = fields.String(allow_none=True)
    line = fields.Integer(allow_none=True)
    message = fields.String()


class HandlerParameter(Schema):
    name = fields.String()
    type = fields.String(metadata={"description": "Dutch kind of value: tekst, datum (ISO 8601), getal, ..."})
    required = fields.Boolean()


class Handler(Schema):
    name = fields.String()
    description = fields.String(metadata={"description": "Dutch, for process owners"})
    open = fields.Boolean(metadata={"description": "accepts parameters beyond the listed ones"})
    parameters = fields.List(fields.Nested(HandlerParameter))


class ValidationReport(Schema):
    processes = fields.List(fields.Dict())
    errors = fields.List(fields.Nested(ModelProblem))
    warnings = fields.List(fields.Nested(ModelProblem))


class Error(Schema):
    error = fields.String()
    message = fields.String()
    fields_ = fields.Dict(data_key="fields")
    errors = fields.List(fields.Dict())
    warnings = fields.List(fields.Dict())
    reasons = fields.List(fields.String(), metadata={"description": "a refused migration: why, one Dutch sentence each"})


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


CASUS_STATUSES = ["aangemeld", "geincludeerd", "in_zorg", "overgedragen", "afgesloten"]


class Person(Schema):
    naam = fields.String()
    bsn = fields.String()
    geboortedatum = fields.String()
    adres = fields.String()
    telefoon = fields.String()


class RegisterCasusRequest(Strict):
    person = fields.Dict(required=True, metadata={"description": "naam (verplicht), bsn, geboortedatum, adres, telefoon"})
    region = fields.String(required=True, validate=validate.Length(min=1, max=100))
    process_model = fields.String(load_default=None, allow_none=True, validate=validate.Length(min=1, max=200),
                                  metadata={"description": "first process of the casus; default levensloop_intake"})
    data = fields.Dict(load_default=dict)


class CasusMessageRequest(Strict):
    name = fields.String(required=True, validate=validate.Length(min=1, max=200))
    payload = fields.Dict(load_default=dict)


class Duo(Schema):
    casemanager_zorg = fields.String(allow_none=True)
    casusregisseur_gemeente = fields.String(allow_none=True)


class CasusSummary(Schema):
    id = fields.String()
    pseudonym = fields.String()
    region = fields.String()
    status = fields.String(validate=validate.OneOf(CASUS_STATUSES))
    duo = fields.Nested(Duo)
    aanmelder = fields.String()
    created_at = fields.String()
    current_instance = fields.String(allow_none=True)
    cycle = fields.Integer(allow_none=True, metadata={"description": "place of the current instance in the chain (0 = first)"})


class CasusInstance(Schema):
    id = fields.String()
    process_model = fields.String()
    version = fields.Integer()
    cycle = fields.Integer()
    status = fields.String()
    started_at = fields.String()
    updated_at = fields.String()
    incident = fields.String(allow_none=True)


class TimelineEvent(Event):
    process_instance = fields.String()
    cycle = fields.Integer()


class CasusDetail(CasusSummary):
    person = fields.Nested(Person, metadata={"description": "left out for the Adviestafel"})
    instances = fields.List(fields.Nested(CasusInstance))
    current_tasks = fields.List(fields.Nested(Task))
    timeline = fields.List(fields.Nested(TimelineEvent))
