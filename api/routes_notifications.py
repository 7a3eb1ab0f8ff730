"""Notifications: deadlines reached and escalations, for the caller's roles."""
from flask import Blueprint, g

from api.auth import login_required, runtime
from api.paging import page_request, paged
from engine.notifications import outbox

bp = Blueprint("notifications", __name__, url_prefix="/api/v1")


@bp.get("/notifications")
@login_required
def list_notifications():
    """The newest notifications addressed to one of the caller's roles or to the caller, about cases the
    caller may see.
    ---
    get:
      tags: [notifications]
      parameters:
        - {name: limit, in: query, schema: {type: integer, minimum: 1, maximum: 500, default: 50}}
        - {name: offset, in: query, schema: {type: integer, minimum: 0, maximum: 1000000000, default: 0}}
      responses:
        200: {content: {application/json: {schema: {type: array, items: Notification}}}}
        401: {content: {application/json: {schema: Error}}}
        422: {content: {application/json: {schema: Error}}}
    """
    return paged(outbox.for_actor(runtime(), g.actor, page_request()))
