"""The auditor's endpoints: replay, verify, the state as of an event, trail export, access log."""
from flask import Blueprint, Response, g, jsonify, request

from api.auth import login_required, runtime
from api.paging import filters, page_request, paged
from api.schemas import AccessLogQuery, ExportQuery, MiningQuery
from engine.audit import access_log, export, mining, replay
from engine.audit import verify as audit_verify

bp = Blueprint("audit", __name__, url_prefix="/api/v1")


@bp.post("/process-instances/<instance_id>/replay")
@login_required
def replay_instance(instance_id):
    """Replay an instance from its trail on its recorded model version and compare every state hash.
    ---
    post:
      tags: [audit]
      parameters: [{name: instance_id, in: path, required: true, schema: {type: string}}]
      responses:
        200: {content: {application/json: {schema: ReplayReport}}}
        401: {content: {application/json: {schema: Error}}}
        403: {content: {application/json: {schema: Error}}}
        404: {content: {application/json: {schema: Error}}}
    """
    return jsonify(replay.replay(runtime(), instance_id, g.actor))


@bp.get("/process-instances/<instance_id>/verify")
@login_required
def verify_instance(instance_id):
    """Check an instance's hash chain and that its stored state matches its last event.
    ---
    get:
      tags: [audit]
      parameters: [{name: instance_id, in: path, required: true, schema: {type: string}}]
      responses:
        200: {content: {application/json: {schema: VerifyReport}}}
        401: {content: {application/json: {schema: Error}}}
        403: {content: {application/json: {schema: Error}}}
        404: {content: {application/json: {schema: Error}}}
    """
    return jsonify(audit_verify.verify_instance(runtime(), instance_id, g.actor))


@bp.get("/process-instances/<instance_id>/events/<int:seq>/state")
@login_required
def state_at(instance_id, seq):
    """The instance as of event ``seq``: data, ready tasks, active and completed elements (replayed).
    ---
    get:
      tags: [audit]
      parameters:
        - {name: instance_id, in: path, required: true, schema: {type: string}}
        - {name: seq, in: path, required: true, schema: {type: integer}}
      responses:
        200: {content: {application/json: {schema: PointInTimeState}}}
        401: {content: {application/json: {schema: Error}}}
        403: {content: {application/json: {schema: Error}}}
        404: {content: {application/json: {schema: Error}}}
        409: {content: {application/json: {schema: Error}}}
    """
    return jsonify(replay.state_at(runtime(), instance_id, seq, g.actor))


@bp.get("/process-instances/<instance_id>/events/export")
@login_required
def export_events(instance_id):
    """Download the trail as JSON, CSV or XES (IEEE 1849, for process-mining tools).
    ---
    get:
      tags: [audit]
      parameters:
        - {name: instance_id, in: path, required: true, schema: {type: string}}
        - {name: format, in: query, schema: {type: string, enum: [json, csv, xes], default: json}}
      responses:
        200:
          content:
            application/json: {schema: {type: object}}
            text/csv: {schema: {type: string}}
            application/xml: {schema: {type: string}}
        401: {content: {application/json: {schema: Error}}}
        403: {content: {application/json: {schema: Error}}}
        404: {content: {application/json: {schema: Error}}}
        422: {content: {application/json: {schema: Error}}}
    """
    fmt = ExportQuery().load(request.args.to_dict())["format"]
    return _download(*export.export(runtime(), instance_id, fmt, g.actor))


@bp.get("/process-models/<process_id>/mining-export")
@login_required
def mining_export_model(process_id):
    """A process-mining log of every instance of a model: user tasks by Dutch name, start and complete, role.
    ---
    get:
      tags: [audit]
      parameters:
        - {name: process_id, in: path, required: true, schema: {type: string}}
        - {name: format, in: query, schema: {type: string, enum: [xes, csv], default: xes}}
        - {name: version, in: query, schema: {type: integer, minimum: 1}}
        - {name: from, in: query, schema: {type: string, format: date}}
        - {name: until, in: query, schema: {type: string, format: date}}
      responses:
        200:
          content:
            application/xml: {schema: {type: string}}
            text/csv: {schema: {type: string}}
        401: {content: {application/json: {schema: Error}}}
        403: {content: {application/json: {schema: Error}}}
        404: {content: {application/json: {schema: Error}}}
        422: {content: {application/json: {schema: Error}}}
    """
    query = MiningQuery().load(request.args.to_dict())
    period = mining.Period(query["version"], query["from_"], query["until"])
    return _download(*mining.for_model(runtime(), process_id, query["format"], g.actor, period))


@bp.get("/casussen/<casus_id>/mining-export")
@login_required
def mining_export_casus(casus_id):
    """A process-mining log of one casus: all its cycles as one case, named by the casus pseudonym.
    ---
    get:
      tags: [audit]
      parameters:
        - {name: casus_id, in: path, required: true, schema: {type: string}}
        - {name: format, in: query, schema: {type: string, enum: [xes, csv], default: xes}}
      responses:
        200:
          content:
            application/xml: {schema: {type: string}}
            text/csv: {schema: {type: string}}
        401: {content: {application/json: {schema: Error}}}
        403: {content: {application/json: {schema: Error}}}
        404: {content: {application/json: {schema: Error}}}
        422: {content: {application/json: {schema: Error}}}
    """
    query = MiningQuery(only=["format"]).load(request.args.to_dict())
    return _download(*mining.for_casus(runtime(), casus_id, query["format"], g.actor))


def _download(content: str, mimetype: str, filename: str) -> Response:
    return Response(content, mimetype=mimetype, headers={"Content-Disposition": f'attachment; filename="{filename}"'})


@bp.get("/access-log")
@login_required
def access_log_entries():
    """Who read which case data, when, in which role and why; newest first (auditors only).
    ---
    get:
      tags: [audit]
      parameters:
        - {name: user, in: query, schema: {type: string}}
        - {name: instance, in: query, schema: {type: string}}
        - {name: from, in: query, schema: {type: string, format: date-time}}
        - {name: to, in: query, schema: {type: string, format: date-time}}
        - {name: limit, in: query, schema: {type: integer, minimum: 1, maximum: 500, default: 50}}
        - {name: offset, in: query, schema: {type: integer, minimum: 0, maximum: 1000000000, default: 0}}
      responses:
        200: {content: {application/json: {schema: {type: array, items: AccessLogEntry}}}}
        401: {content: {application/json: {schema: Error}}}
        403: {content: {application/json: {schema: Error}}}
        422: {content: {application/json: {schema: Error}}}
    """
    args = AccessLogQuery().load(filters())
    return paged(access_log.query(runtime(), g.actor, args["user"], args["instance"], args["from_"], args["to"],
                                  page_request()))
