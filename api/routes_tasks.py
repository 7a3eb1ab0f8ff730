"""Tasks (the worklist) and message delivery."""
from flask import Blueprint, g, jsonify

from api.auth import json_body, login_required, runtime
from api.paging import filters, page_request, paged
from api.schemas import CompleteTaskRequest, MessageRequest, WorklistArgs
from api.web import present
from engine.instances import queries, worklist_query
from engine.instances.worklist_query import WorklistFilter
from engine.instances import service as instances

bp = Blueprint("tasks", __name__, url_prefix="/api/v1")


@bp.get("/tasks")
@login_required
def worklist():
    """The caller's worklist: ready user tasks in the caller's lanes.
    ---
    get:
      tags: [tasks]
      description: >-
        Filters: process (the task's process or subprocess id), overdue, holder (mij: claimed by the caller;
        vrij: claimed by nobody); sort: created, -created, due, process. The number of overdue tasks (same
        lane and case filters) is in the X-Overdue-Count header.
      parameters:
        - {name: process_instance, in: query, schema: {type: string}}
        - {name: casus, in: query, schema: {type: string}, description: pseudonym or id}
        - {name: lane, in: query, schema: {type: string}}
        - {name: process, in: query, schema: {type: string}}
        - {name: overdue, in: query, schema: {type: boolean, default: false}}
        - {name: holder, in: query, schema: {type: string, enum: [mij, vrij]}}
        - {name: sort, in: query, schema: {type: string, enum: [created, -created, due, process], default: created}}
        - {name: limit, in: query, schema: {type: integer, minimum: 1, maximum: 500, default: 50}}
        - {name: offset, in: query, schema: {type: integer, minimum: 0, maximum: 1000000000, default: 0}}
      responses:
        200: {content: {application/json: {schema: {type: array, items: Task}}}}
        401: {content: {application/json: {schema: Error}}}
        422: {content: {application/json: {schema: Error}}}
    """
    found = worklist_query.worklist(runtime(), g.actor, WorklistFilter(**WorklistArgs().load(filters())), page_request())
    response = paged(found.page)
    response.headers["X-Overdue-Count"] = str(found.overdue)
    return response


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
