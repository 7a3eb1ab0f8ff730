"""Service-task handlers a process model may call, for the modeler and other clients."""
from flask import Blueprint, jsonify

from api.auth import login_required, runtime
from handlers.descriptions import describe

bp = Blueprint("handlers", __name__, url_prefix="/api/v1/handlers")


@bp.get("")
@login_required
def list_handlers():
    """The handlers service tasks can call: name, Dutch description and parameters with their types.
    ---
    get:
      tags: [process-models]
      responses:
        200: {content: {application/json: {schema: {type: array, items: Handler}}}}
        401: {content: {application/json: {schema: Error}}}
    """
    return jsonify(describe(runtime().handlers))
