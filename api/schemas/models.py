"""Process models: versions, deploys, validation, handlers, and moving instances between versions."""

from marshmallow import Schema, fields

from api.schemas.common import VERSION_NUMBER, Strict


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
