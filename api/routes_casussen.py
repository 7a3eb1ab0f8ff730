"""Casussen: register one, list them, one with its chain of instances, a message to a casus."""
from flask import Blueprint, g, jsonify, request

from api.auth import json_body, login_required, runtime
from api.paging import page_request, paged
from api.schemas import CasusMessageRequest, RegisterCasusRequest
from engine.casus import service as casus
from engine.casus import views

bp = Blueprint("casussen", __name__, url_prefix="/api/v1/casussen")


@bp.post("")
@login_required
def register():
    """Register a casus: stores the person and starts its first process (default levensloop_intake).
    ---
    post:
      tags: [casussen]
      requestBody: {content: {application/json: {schema: RegisterCasusRequest}}}
      responses:
        201: {content: {application/json: {schema: CasusDetail}}}
        401: {content: {application/json: {schema: Error}}}
        403: {content: {application/json: {schema: Error}}}
        404: {content: {application/json: {schema: Error}}}
        422: {content: {application/json: {schema: Error}}}
    """
    body = RegisterCasusRequest().load(json_body())
    view = casus.register(runtime(), body["person"], body["region"], g.actor, body["process_model"], body["data"])
    return jsonify(view), 201


@bp.get("")
@login_required
def list_casussen():
    """The casussen the caller may see (own region, or in the duo), newest first; no personal data.
    ---
    get:
      tags: [casussen]
      parameters:
        - name: status
          in: query
          schema: {type: string, enum: [aangemeld, geincludeerd, in_zorg, overgedragen, afgesloten]}
        - {name: limit, in: query, schema: {type: integer, minimum: 1, maximum: 500, default: 50}}
        - {name: offset, in: query, schema: {type: integer, minimum: 0, maximum: 1000000000, default: 0}}
      responses:
        200: {content: {application/json: {schema: {type: array, items: CasusSummary}}}}
        401: {content: {application/json: {schema: Error}}}
        403: {content: {application/json: {schema: Error}}}
        422: {content: {application/json: {schema: Error}}}
    """
    return paged(views.list_casussen(runtime(), g.actor, request.args.get("status"), page_request()))


@bp.get("/<casus_id>")
@login_required
def get_casus(casus_id):
    """One casus: person (not for the Adviestafel), its instances in chain order, current tasks, timeline.
    ---
    get:
      tags: [casussen]
      parameters: [{name: casus_id, in: path, required: true, schema: {type: string}}]
      responses:
        200: {content: {application/json: {schema: CasusDetail}}}
        401: {content: {application/json: {schema: Error}}}
        403: {content: {application/json: {schema: Error}}}
        404: {content: {application/json: {schema: Error}}}
    """
    return jsonify(views.get(runtime(), casus_id, g.actor))


@bp.post("/<casus_id>/messages")
@login_required
def deliver_message(casus_id):
    """Deliver a message (signal) to the casus: it reaches each of its running instances waiting for it.
    ---
    post:
      tags: [casussen]
      parameters: [{name: casus_id, in: path, required: true, schema: {type: string}}]
      requestBody: {content: {application/json: {schema: CasusMessageRequest}}}
      responses:
        200: {content: {application/json: {schema: MessageResponse}}}
        401: {content: {application/json: {schema: Error}}}
        403: {content: {application/json: {schema: Error}}}
        404: {content: {application/json: {schema: Error}}}
        409: {content: {application/json: {schema: Error}}}
        422: {content: {application/json: {schema: Error}}}
    """
    body = CasusMessageRequest().load(json_body())
    return jsonify({"delivered_to": casus.deliver_message(runtime(), casus_id, body["name"], body["payload"], g.actor)})
