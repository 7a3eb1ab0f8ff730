"""Decisions: try a deployed DMN decision with given inputs (process owners)."""
from flask import Blueprint, g, jsonify

from api.auth import json_body, login_required, runtime
from api.schemas import EvaluateDecisionRequest
from engine.decisions import service as decisions

bp = Blueprint("decisions", __name__, url_prefix="/api/v1/decisions")


@bp.post("/<decision_id>/evaluate")
@login_required
def evaluate(decision_id):
    """Evaluate a deployed decision (and the decisions it requires) with the given variables.
    ---
    post:
      tags: [decisions]
      parameters: [{name: decision_id, in: path, required: true, schema: {type: string}}]
      requestBody: {content: {application/json: {schema: EvaluateDecisionRequest}}}
      responses:
        200: {content: {application/json: {schema: DecisionResult}}}
        401: {content: {application/json: {schema: Error}}}
        403: {content: {application/json: {schema: Error}}}
        404: {content: {application/json: {schema: Error}}}
        422: {content: {application/json: {schema: Error}}}
    """
    body = EvaluateDecisionRequest().load(json_body())
    return jsonify(decisions.try_decision(runtime(), decision_id, body["variables"], g.actor))
