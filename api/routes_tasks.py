"""Tasks (the worklist) and message delivery."""
from flask import Blueprint, g, jsonify, request

from api.auth import json_body, login_required, runtime
from api.paging import page_request, paged
from api.schemas import CompleteTaskRequest, MessageRequest
from api.web import present
from engine.instances import queries
from engine.instances import service as instances

bp = Blueprint("tasks", __name__, url_prefix="/api/v1")


@bp.get("/tasks")
@login_required
def worklist():
    """The caller's worklist: ready user tasks in the caller's lanes.
    ---
    get:
      tags: [tasks]
      parameters:
        - {name: process_instance, in: query, schema: {type: string}}
        - {name: lane, in: query, schema: {type: string}}
        - {name: limit, in: query, schema: {type: integer, minimum: 1, maximum: 500, default: 50}}
        - {name: offset, in: query, schema: {type: integer, minimum: 0, maximum: 1000000000, default: 0}}
      responses:
        200: {content: {application/json: {schema: {type: array, items: Task}}}}
        401: {content: {application/json: {schema: Error}}}
        422: {content: {application/json: {schema: Error}}}
    """
    return paged(queries.worklist(runtime(), g.actor, request.args.get("process_instance"), request.args.get("lane"),
                                  page_request()))


@bp.get("/tasks/<task_id>")
@login_required
def get_task(task_id):
    """One task with its JSON Schema form (choices filled for its case), UI schema and the context to decide on.
    ---
    get:
      tags: [tasks]
      parameters: [{name: task_id, in: path, required: true, schema: {type: string}}]
      responses:
        200: {content: {application/json: {schema: TaskDetail}}}
        401: {content: {application/json: {schema: Error}}}
        403: {content: {application/json: {schema: Error}}}
        404: {content: {application/json: {schema: Error}}}
    """
    view = queries.get_task(runtime(), task_id, g.actor)
    return jsonify({**view, "context": present.context_items(view["context"])})


@bp.post("/tasks/<task_id>/complete")
@login_required
def complete(task_id):
    """Complete a user task with form data (validated against its JSON Schema).
    ---
    post:
      tags: [tasks]
      parameters: [{name: task_id, in: path, required: true, schema: {type: string}}]
      requestBody: {content: {application/json: {schema: CompleteTaskRequest}}}
      responses:
        200: {content: {application/json: {schema: Instance}}}
        401: {content: {application/json: {schema: Error}}}
        403: {content: {application/json: {schema: Error}}}
        404: {content: {application/json: {schema: Error}}}
        409: {content: {application/json: {schema: Error}}}
        422: {content: {application/json: {schema: Error}}}
    """
    body = CompleteTaskRequest().load(json_body())
    return jsonify(instances.complete_task(runtime(), task_id, body["data"], g.actor))


@bp.post("/messages")
@login_required
def deliver():
    """Deliver a BPMN message to one instance or to all waiting with a correlation.
    ---
    post:
      tags: [messages]
      requestBody: {content: {application/json: {schema: MessageRequest}}}
      responses:
        202: {content: {application/json: {schema: MessageResponse}}}
        401: {content: {application/json: {schema: Error}}}
        403: {content: {application/json: {schema: Error}}}
        404: {content: {application/json: {schema: Error}}}
        409: {content: {application/json: {schema: Error}}}
        422: {content: {application/json: {schema: Error}}}
    """
    body = MessageRequest().load(json_body())
    reached = instances.deliver_message(runtime(), body["name"], body["payload"], g.actor,
                                        instance_id=body["process_instance"], correlation=body["correlation"])
    return jsonify({"delivered_to": reached}), 202
