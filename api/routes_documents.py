"""Documents of a process instance (the toewijzingsbrief), downloadable as PDF and HTML, scoped like the instance."""
from flask import Blueprint, g

from api.auth import login_required, runtime
from api.document_response import document_response
from engine.instances import documents

bp = Blueprint("documents", __name__, url_prefix="/api/v1/process-instances")


@bp.get("/<instance_id>/documents/<name>.<any(pdf, html):kind>")
@login_required
def download(instance_id, name, kind):
    """A document the process made, as PDF or as HTML (served with a sandboxing Content-Security-Policy).
    ---
    get:
      tags: [instances]
      parameters:
        - {name: instance_id, in: path, required: true, schema: {type: string}}
        - {name: name, in: path, required: true, schema: {type: string}}
        - {name: kind, in: path, required: true, schema: {type: string, enum: [pdf, html]}}
      responses:
        200: {content: {application/pdf: {}, text/html: {}}}
        401: {content: {application/json: {schema: Error}}}
        403: {content: {application/json: {schema: Error}}}
        404: {content: {application/json: {schema: Error}}}
    """
    return document_response(documents.read(runtime(), instance_id, name, g.actor, kind), kind)
