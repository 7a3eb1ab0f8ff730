"""Notifications: deadlines reached and escalations, for the caller's roles."""
from flask import Blueprint, g, jsonify

from api.auth import login_required, runtime
from engine.notifications import outbox

bp = Blueprint("notifications", __name__, url_prefix="/api/v1")


@bp.get("/notifications")
@login_required
def list_notifications():
    """The newest 100 notifications addressed to one of the caller's roles or to the caller.
    ---
    get:
      tags: [notifications]
      responses:
        200: {content: {application/json: {schema: {type: array, items: Notification}}}}
        401: {content: {application/json: {schema: Error}}}
    """
    return jsonify(outbox.for_actor(runtime(), g.actor))
