"""Process models: deploy (multipart upload), list, show, migrate their running instances."""
from flask import Blueprint, Response, current_app, g, jsonify, request

from api.auth import json_body, login_required, runtime
from api.errors import ApiError
from api.paging import page_request, paged
from api.schemas import BulkMigrateRequest
from engine.instances import migration, queries
from engine.process_models import service as model_service
from engine.process_models import usage as version_usage

bp = Blueprint("models", __name__, url_prefix="/api/v1/process-models")


def uploaded_files() -> dict[str, str]:
    """The uploaded files as text, within the per-deployment file-count and per-file size limits."""
    items = [item for field_name in request.files for item in request.files.getlist(field_name)]
    max_files, max_size = current_app.config["MAX_DEPLOY_FILES"], current_app.config["MAX_DEPLOY_FILE_SIZE"]
    if len(items) > max_files:
        raise ApiError(422, "invalid", f"Te veel bestanden: maximaal {max_files} per deployment.",
                       {"files": f"Maximaal {max_files} bestanden."})
    files = {}
    for item in items:
        name = (item.filename or "").rsplit("/", 1)[-1]
        if not name:  # an empty file input in a browser form
            continue
        content = item.read(max_size + 1)
        if len(content) > max_size:
            raise ApiError(422, "invalid", f"{name}: bestand is groter dan {max_size // 1024} kB.",
                           {name: f"Maximaal {max_size // 1024} kB per bestand."})
        try:
            files[name] = content.decode("utf-8")
        except UnicodeDecodeError:
            raise ApiError(422, "invalid", f"{name}: geen UTF-8-tekst.", {name: "Geen UTF-8-tekst."})
    return files


@bp.post("")
@login_required
def deploy():
    """Deploy BPMN/DMN and form files as a new immutable version.
    ---
    post:
      tags: [process-models]
      requestBody:
        content:
          multipart/form-data:
            schema:
              type: object
              properties:
                files: {type: array, items: {type: string, format: binary}}
                comment: {type: string, maxLength: 1000, description: why this version (optional)}
      responses:
        201: {content: {application/json: {schema: DeployResponse}}}
        200: {description: identical content was already deployed, content: {application/json: {schema: DeployResponse}}}
        401: {content: {application/json: {schema: Error}}}
        403: {content: {application/json: {schema: Error}}}
        422: {description: errors per element (file, element_id, element_name, line, message) and warnings, content: {application/json: {schema: Error}}}
    """
    result = model_service.deploy(runtime(), uploaded_files(), g.actor, request.form.get("comment"))
    body = {"id": result.process_id, "version": result.version, "created": result.created,
            "processes": result.processes, "warnings": result.warnings}
    return jsonify(body), 201 if result.created else 200


@bp.get("")
@login_required
def list_models():
    """List deployed process models with their versions.
    ---
    get:
      tags: [process-models]
      responses:
        200: {content: {application/json: {schema: {type: array, items: ProcessModel}}}}
        401: {content: {application/json: {schema: Error}}}
    """
    return jsonify(queries.process_models(runtime()))


@bp.get("/<process_id>")
@login_required
def get_model(process_id):
    """One process model with its versions.
    ---
    get:
      tags: [process-models]
      parameters: [{name: process_id, in: path, required: true, schema: {type: string}}]
      responses:
        200: {content: {application/json: {schema: ProcessModel}}}
        401: {content: {application/json: {schema: Error}}}
        404: {content: {application/json: {schema: Error}}}
    """
    return jsonify(queries.process_model(runtime(), process_id))


@bp.post("/validate")
@login_required
def validate():
    """Check uploaded files without deploying: Dutch errors and warnings per element.
    ---
    post:
      tags: [process-models]
      requestBody:
        content:
          multipart/form-data:
            schema: {type: object, properties: {files: {type: array, items: {type: string, format: binary}}}}
      responses:
        200: {content: {application/json: {schema: ValidationReport}}}
        401: {content: {application/json: {schema: Error}}}
        403: {content: {application/json: {schema: Error}}}
        413: {content: {application/json: {schema: Error}}}
        422: {content: {application/json: {schema: Error}}}
    """
    files = uploaded_files()
    if not files:
        raise ApiError(422, "invalid", "Geen bestanden ontvangen.", {"files": "Lever minstens één bestand aan."})
    return jsonify(model_service.validate(runtime(), files, g.actor))


@bp.get("/<process_id>/versions/<int:version>/files/<name>")
@login_required
def version_file(process_id, version, name):
    """Download one file deployed with a version (BPMN, DMN or form), as it was deployed.
    ---
    get:
      tags: [process-models]
      parameters:
        - {name: process_id, in: path, required: true, schema: {type: string}}
        - {name: version, in: path, required: true, schema: {type: integer}}
        - {name: name, in: path, required: true, schema: {type: string}}
      responses:
        200: {description: the file, content: {application/xml: {schema: {type: string}}, application/json: {schema: {type: object}}}}
        401: {content: {application/json: {schema: Error}}}
        404: {content: {application/json: {schema: Error}}}
    """
    text, content_type = model_service.version_file(runtime(), process_id, version, name)
    return Response(text, content_type=f"{content_type}; charset=utf-8",
                    headers={"Content-Disposition": f'attachment; filename="{name}"'})


@bp.get("/<process_id>/versions/<int:version>/instances")
@login_required
def version_instances(process_id, version):
    """The instances of one version, newest first (ids, status, casus pseudonym; never case data), paginated.
    ---
    get:
      tags: [process-models]
      parameters:
        - {name: process_id, in: path, required: true, schema: {type: string}}
        - {name: version, in: path, required: true, schema: {type: integer}}
        - {name: limit, in: query, schema: {type: integer, minimum: 1, maximum: 500, default: 50}}
        - {name: offset, in: query, schema: {type: integer, minimum: 0, default: 0}}
      responses:
        200: {description: one page, total in X-Total-Count, content: {application/json: {schema: {type: array, items: {type: object}}}}}
        401: {content: {application/json: {schema: Error}}}
        403: {content: {application/json: {schema: Error}}}
        404: {content: {application/json: {schema: Error}}}
        422: {content: {application/json: {schema: Error}}}
    """
    return paged(version_usage.instances_of_version(runtime(), process_id, version, g.actor, page_request()))


@bp.post("/<process_id>/migrate")
@login_required
def migrate(process_id):
    """Move every unfinished instance of ``from_version`` (in the caller's scope) to ``to_version``, each in its
    own transaction; ``dry_run`` says what would move and what would be refused, and changes nothing.
    ---
    post:
      tags: [process-models]
      parameters: [{name: process_id, in: path, required: true, schema: {type: string}}]
      requestBody: {content: {application/json: {schema: BulkMigrateRequest}}}
      responses:
        200: {content: {application/json: {schema: BulkMigrationReport}}}
        401: {content: {application/json: {schema: Error}}}
        403: {content: {application/json: {schema: Error}}}
        404: {content: {application/json: {schema: Error}}}
        422: {content: {application/json: {schema: Error}}}
    """
    body = BulkMigrateRequest().load(json_body())
    return jsonify(migration.migrate_all(runtime(), process_id, body["from_version"], body["to_version"],
                                         body["dry_run"], g.actor))
