"""Process instances: start, list, get, events, cancel, retry, reset, migrate."""
from flask import Blueprint, g, jsonify, request

from api.auth import json_body, login_required, runtime
from api.paging import page_request, paged
from api.errors import ApiError
from api.schemas import VERSION_NUMBER, CancelRequest, MigrateRequest, ResetRequest, RetryRequest, StartInstanceRequest
from engine.instances import migration, queries
from engine.instances import service as instances

bp = Blueprint("instances", __name__, url_prefix="/api/v1/process-instances")


@bp.post("")
@login_required
def start():
    """Start an instance of the newest version of a process model.
    ---
    post:
      tags: [process-instances]
      requestBody: {content: {application/json: {schema: StartInstanceRequest}}}
      responses:
        201: {content: {application/json: {schema: Instance}}}
        401: {content: {application/json: {schema: Error}}}
        403: {content: {application/json: {schema: Error}}}
        404: {content: {application/json: {schema: Error}}}
        422: {content: {application/json: {schema: Error}}}
    """
    body = StartInstanceRequest().load(json_body())
    return jsonify(instances.start_over_api(runtime(), body["process_model"], body["data"], g.actor)), 201


@bp.get("")
@login_required
def list_instances():
    """List instances, newest first.
    ---
    get:
      tags: [process-instances]
      parameters:
        - {name: status, in: query, schema: {type: string, enum: [running, completed, error, cancelled]}}
        - {name: process_model, in: query, schema: {type: string}}
        - {name: limit, in: query, schema: {type: integer, minimum: 1, maximum: 500, default: 50}}
        - {name: offset, in: query, schema: {type: integer, minimum: 0, maximum: 1000000000, default: 0}}
      responses:
        200: {content: {application/json: {schema: {type: array, items: InstanceSummary}}}}
        401: {content: {application/json: {schema: Error}}}
        403: {content: {application/json: {schema: Error}}}
        422: {content: {application/json: {schema: Error}}}
    """
    return paged(queries.list_instances(runtime(), g.actor, request.args.get("status"),
                                        request.args.get("process_model"), page_request()))


@bp.get("/<instance_id>")
@login_required
def get_instance(instance_id):
    """One instance: status, data as far as the caller may see it, ready tasks, model version.
    ---
    get:
      tags: [process-instances]
      parameters: [{name: instance_id, in: path, required: true, schema: {type: string}}]
      responses:
        200: {content: {application/json: {schema: Instance}}}
        401: {content: {application/json: {schema: Error}}}
        403: {content: {application/json: {schema: Error}}}
        404: {content: {application/json: {schema: Error}}}
    """
    return jsonify(queries.get_instance(runtime(), instance_id, g.actor))


@bp.get("/<instance_id>/events")
@login_required
def events(instance_id):
    """The instance's audit trail, oldest first.
    ---
    get:
      tags: [process-instances]
      parameters: [{name: instance_id, in: path, required: true, schema: {type: string}}]
      responses:
        200: {content: {application/json: {schema: {type: array, items: Event}}}}
        401: {content: {application/json: {schema: Error}}}
        403: {content: {application/json: {schema: Error}}}
        404: {content: {application/json: {schema: Error}}}
    """
    return jsonify(queries.events(runtime(), instance_id, g.actor))


@bp.post("/<instance_id>/cancel")
@login_required
def cancel(instance_id):
    """Cancel a running instance. The running cycle of an open casus needs the casus decision in the body:
    ``{"casus_besluit": "afsluiten", "reden": "…"}`` or ``{"casus_besluit": "nieuwe_cyclus"}`` (else 409).
    ---
    post:
      tags: [process-instances]
      parameters: [{name: instance_id, in: path, required: true, schema: {type: string}}]
      requestBody: {required: false, content: {application/json: {schema: CancelRequest}}}
      responses:
        200: {content: {application/json: {schema: Instance}}}
        401: {content: {application/json: {schema: Error}}}
        403: {content: {application/json: {schema: Error}}}
        404: {content: {application/json: {schema: Error}}}
        409: {content: {application/json: {schema: Error}}}
        422: {content: {application/json: {schema: Error}}}
    """
    body = CancelRequest().load(json_body()) if request.get_data() else {}
    decision = {k: v for k, v in body.items() if v is not None} or None
    return jsonify(instances.cancel(runtime(), instance_id, g.actor, decision))


@bp.post("/<instance_id>/retry")
@login_required
def retry(instance_id):
    """Retry the failed step of an instance with an incident, optionally with corrected data.
    ---
    post:
      tags: [process-instances]
      parameters: [{name: instance_id, in: path, required: true, schema: {type: string}}]
      requestBody: {required: false, content: {application/json: {schema: RetryRequest}}}
      responses:
        200: {content: {application/json: {schema: Instance}}}
        401: {content: {application/json: {schema: Error}}}
        403: {content: {application/json: {schema: Error}}}
        404: {content: {application/json: {schema: Error}}}
        409: {content: {application/json: {schema: Error}}}
        422: {content: {application/json: {schema: Error}}}
    """
    body = RetryRequest().load(json_body()) if request.get_data() else {}
    return jsonify(instances.retry(runtime(), instance_id, g.actor, body.get("data")))


@bp.post("/<instance_id>/reset")
@login_required
def reset(instance_id):
    """Take an instance with an incident back to an earlier, completed user task.
    ---
    post:
      tags: [process-instances]
      parameters: [{name: instance_id, in: path, required: true, schema: {type: string}}]
      requestBody: {content: {application/json: {schema: ResetRequest}}}
      responses:
        200: {content: {application/json: {schema: Instance}}}
        401: {content: {application/json: {schema: Error}}}
        403: {content: {application/json: {schema: Error}}}
        404: {content: {application/json: {schema: Error}}}
        409: {content: {application/json: {schema: Error}}}
        422: {content: {application/json: {schema: Error}}}
    """
    body = ResetRequest().load(json_body())
    return jsonify(instances.reset(runtime(), instance_id, body["to_element"], g.actor))


def _to_version() -> int:
    number = request.args.get("to_version", type=int)
    if number is None or not VERSION_NUMBER.min <= number <= VERSION_NUMBER.max:
        raise ApiError(422, "invalid", "Geef de versie op waarnaar de zaak zou gaan.",
                       {"to_version": "Een versienummer van 1 of hoger."})
    return number


@bp.get("/<instance_id>/migration-check")
@login_required
def migration_check(instance_id):
    """Whether the instance can move to version ``to_version``, what changed between the versions, and why not.
    ---
    get:
      tags: [process-instances]
      parameters:
        - {name: instance_id, in: path, required: true, schema: {type: string}}
        - {name: to_version, in: query, required: true, schema: {type: integer, minimum: 1}}
      responses:
        200: {content: {application/json: {schema: MigrationCheck}}}
        401: {content: {application/json: {schema: Error}}}
        403: {content: {application/json: {schema: Error}}}
        404: {content: {application/json: {schema: Error}}}
        422: {content: {application/json: {schema: Error}}}
    """
    return jsonify(migration.check(runtime(), instance_id, _to_version(), g.actor))


@bp.post("/<instance_id>/migrate")
@login_required
def migrate(instance_id):
    """Move a running instance to a newer version of its model; refused (409, with ``reasons``) changes nothing.
    ---
    post:
      tags: [process-instances]
      parameters: [{name: instance_id, in: path, required: true, schema: {type: string}}]
      requestBody: {content: {application/json: {schema: MigrateRequest}}}
      responses:
        200: {content: {application/json: {schema: MigrationResult}}}
        401: {content: {application/json: {schema: Error}}}
        403: {content: {application/json: {schema: Error}}}
        404: {content: {application/json: {schema: Error}}}
        409: {description: refused, with the Dutch reasons, content: {application/json: {schema: Error}}}
        422: {content: {application/json: {schema: Error}}}
    """
    body = MigrateRequest().load(json_body())
    return jsonify(migration.migrate(runtime(), instance_id, body["to_version"], g.actor))
