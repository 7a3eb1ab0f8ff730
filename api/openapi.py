"""The OpenAPI document, built from the views' docstrings and the marshmallow schemas."""
import re

from apispec import APISpec
from apispec.ext.marshmallow import MarshmallowPlugin
from apispec.yaml_utils import load_operations_from_docstring
from flask import Blueprint, current_app, jsonify

from api import schemas

bp = Blueprint("openapi", __name__, url_prefix="/api/v1")

SCHEMAS = [
    "TokenRequest", "TokenResponse", "StartInstanceRequest", "CompleteTaskRequest", "CancelRequest", "RetryRequest",
    "ResetRequest", "MessageRequest", "MessageResponse", "Task", "ContextItem", "TaskDetail", "Instance", "InstanceSummary", "Event", "ProcessModel",
    "DeployResponse", "ModelProblem", "ValidationReport", "Error",
    "ChainBreak", "Divergence", "ReplayReport", "VerifyReport", "ReadyTaskAt", "EventSummary", "PointInTimeState",
    "AccessLogEntry", "Notification",
    "Person", "RegisterCasusRequest", "CasusMessageRequest", "Duo", "CasusSummary", "CasusInstance", "TimelineEvent",
    "CasusDetail", "EvaluateDecisionRequest", "MatchedRule", "RequiredDecisionResult", "DecisionResult",
    "HandlerParameter", "Handler", "AssignTaskRequest", "Colleague",
    "MigrateRequest", "BulkMigrateRequest", "ElementChange", "VersionChanges", "MigrationCheck", "MigrationResult",
    "RefusedMigration", "BulkMigrationReport",
]


def build_spec(app) -> dict:
    spec = APISpec(title="Levensloop API", version="1", openapi_version="3.0.3", plugins=[MarshmallowPlugin()])
    spec.components.security_scheme("bearer", {"type": "http", "scheme": "bearer"})
    for name in SCHEMAS:
        spec.components.schema(name, schema=getattr(schemas, name))
    for rule in sorted(app.url_map.iter_rules(), key=lambda r: r.rule):
        if not rule.rule.startswith("/api/v1") or rule.endpoint.startswith("openapi."):
            continue
        operations = load_operations_from_docstring(app.view_functions[rule.endpoint].__doc__ or "")
        if operations:
            spec.path(path=re.sub(r"<(?:\w+:)?(\w+)>", r"{\1}", rule.rule), operations=operations)
    document = spec.to_dict()
    document["security"] = [{"bearer": []}]
    return document


@bp.get("/openapi.json")
def openapi_json():
    app = current_app._get_current_object()
    if "openapi" not in app.extensions:
        app.extensions["openapi"] = build_spec(app)
    return jsonify(app.extensions["openapi"])
