"""The web modeler: edit a deployed model's BPMN (bpmn-js), decision (dmn-js) or form files, validate and
deploy them. The browser posts the edited file with the page's CSRF token and asks for JSON, errors included."""
from flask import Blueprint, g, jsonify, render_template, request, url_for

from api.routes_models import uploaded_files
from api.web.security import csp_with_style_hashes
from api.web.session import login_required, runtime
from engine.errors import NotFound
from engine.process_models import modeling
from engine.process_models import service as model_service
from engine.security import authorization
from handlers.descriptions import describe

bp = Blueprint("web_modeler", __name__, url_prefix="/procesmodellen")
EDITORS = {".bpmn": "modeler.html", ".dmn": "modeler_dmn.html", ".json": "modeler_formulier.html"}
# Fixed style attributes the pinned editors write: bpmn-js-properties-panel 5.65.3 ("height: 100%",
# "flex: none; height: auto") and dmn-js 17.10.2 ("vertical-align:middle", its logo's position). Only these
# exact values are allowed; scripts stay as strict as elsewhere.
EDITOR_STYLES = ("nR5hyLltSjfvi2rqC26RbcredWrJvTaPA1yqPX96jpY=", "LIWyuNLBDBQuKJLr4mOx2cFEzHX9lM0BrbfcAAzCvSU=",
                 "CA/eh4+2R0J7cEQ14gBMtx834RIOjzMUqCM+evtrkp4=", "r3vOsuepBDg6tz/cOusiNJ9Y4Lp9hGQTT7pzDks1Xxc=")


@bp.after_request
def _editor_styles(response):
    response.headers["Content-Security-Policy"] = csp_with_style_hashes(*EDITOR_STYLES)
    return response


def _choices() -> dict:
    return {**modeling.choices(runtime(), g.actor), "handlers": describe(runtime().handlers)}


@bp.get("/nieuw")
@login_required
def new():
    """An empty diagram; its file is named after the process id when deployed."""
    return render_template("modeler.html", model=None, file=None, xml_url=None, choices=_choices())


@bp.get("/<process_id>/bewerken")
@login_required
def edit(process_id):
    return edit_file(process_id, None)


@bp.get("/<process_id>/bewerken/<name>")
@login_required
def edit_file(process_id, name):
    """The model's BPMN file (``name`` None) or another file of its newest version, in the editor for its kind."""
    model = modeling.newest_files(runtime(), process_id, g.actor)
    name = name or model["file"]
    template = EDITORS.get(name[name.rfind("."):]) if "." in name else None
    if name not in model["files"] or template is None:
        raise NotFound(f"Bestand '{name}' hoort niet bij de nieuwste versie van procesmodel '{process_id}'.")
    def file_url(file):
        return url_for("web_models.version_file", process_id=process_id, version=model["version"], name=file)

    partner = _form_partner(name)
    return render_template(template, model=model, file=name, xml_url=file_url(name),
                           partner_url=file_url(partner) if partner in model["files"] else None,
                           choices=_choices() if template == "modeler.html" else None)


def _form_partner(name: str) -> str | None:
    """The other half of a form: a JSON Schema's UI schema, or a UI schema's JSON Schema (for the preview)."""
    if name.endswith("-uischema.json"):
        return name.removesuffix("-uischema.json") + "-schema.json"
    if name.endswith("-schema.json"):
        return name.removesuffix("-schema.json") + "-uischema.json"
    return None


@bp.post("/modeler/valideren")
@login_required
def validate():
    """Errors and warnings per element, and per process what differs from its newest deployed version."""
    authorization.require(g.actor, authorization.MODELS)
    return jsonify(model_service.validate(runtime(), uploaded_files(), g.actor))


@bp.post("/modeler/deployen")
@login_required
def deploy():
    """A one-file deploy of the edited file (errors answer 422 in the API's JSON shape)."""
    result = model_service.deploy(runtime(), uploaded_files(), g.actor, request.form.get("opmerking"))
    return jsonify({"created": result.created, "processes": [
        {**p, "url": url_for("web_models.version", process_id=p["id"], version=p["version"])}
        for p in result.processes], "warnings": result.warnings}), 201 if result.created else 200
