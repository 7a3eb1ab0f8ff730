"""Who holds a task: claim, release, assign to a colleague of the same lane who reaches the case."""
from flask import Blueprint, g, jsonify

from api.auth import json_body, login_required, runtime
from api.schemas import AssignTaskRequest
from engine.instances import claims

bp = Blueprint("task_claims", __name__, url_prefix="/api/v1/tasks")


@bp.post("/<task_id>/claim")
@login_required
def claim(task_id):
    """Take the task: from now on only you complete it (409 when a colleague holds it).
    ---
    post:
      tags: [tasks]
      parameters: [{name: task_id, in: path, required: true, schema: {type: string}}]
      responses:
        200: {content: {application/json: {schema: Task}}}
        401: {content: {application/json: {schema: Error}}}
        403: {content: {application/json: {schema: Error}}}
        404: {content: {application/json: {schema: Error}}}
        409: {content: {application/json: {schema: Error}}}
    """
    return jsonify(claims.claim(runtime(), task_id, g.actor))


@bp.post("/<task_id>/release")
@login_required
def release(task_id):
    """Give back a task you hold.
    ---
    post:
      tags: [tasks]
      parameters: [{name: task_id, in: path, required: true, schema: {type: string}}]
      responses:
        200: {content: {application/json: {schema: Task}}}
        401: {content: {application/json: {schema: Error}}}
        403: {content: {application/json: {schema: Error}}}
        404: {content: {application/json: {schema: Error}}}
        409: {content: {application/json: {schema: Error}}}
    """
    return jsonify(claims.release(runtime(), task_id, g.actor))


@bp.post("/<task_id>/assign")
@login_required
def assign(task_id):
    """Assign the task to a colleague with its lane's role who may handle the case (422 otherwise).
    ---
    post:
      tags: [tasks]
      parameters: [{name: task_id, in: path, required: true, schema: {type: string}}]
      requestBody: {content: {application/json: {schema: AssignTaskRequest}}}
      responses:
        200: {content: {application/json: {schema: Task}}}
        401: {content: {application/json: {schema: Error}}}
        403: {content: {application/json: {schema: Error}}}
        404: {content: {application/json: {schema: Error}}}
        409: {content: {application/json: {schema: Error}}}
        422: {content: {application/json: {schema: Error}}}
    """
    body = AssignTaskRequest().load(json_body())
    return jsonify(claims.assign(runtime(), task_id, body["username"], g.actor))


@bp.get("/<task_id>/colleagues")
@login_required
def colleagues(task_id):
    """Who the task can be assigned to.
    ---
    get:
      tags: [tasks]
      parameters: [{name: task_id, in: path, required: true, schema: {type: string}}]
      responses:
        200: {content: {application/json: {schema: {type: array, items: Colleague}}}}
        401: {content: {application/json: {schema: Error}}}
        403: {content: {application/json: {schema: Error}}}
        404: {content: {application/json: {schema: Error}}}
        409: {content: {application/json: {schema: Error}}}
    """
    return jsonify(claims.colleagues(runtime(), task_id, g.actor))
