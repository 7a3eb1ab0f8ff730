"""Procesmodellen: versions, upload with validate or deploy (errors per element), each version's page
(diagram, files, diff, cases) with the migration of older versions' cases to it."""
from flask import Blueprint, Response, flash, g, redirect, render_template, request, url_for

from api.routes_models import uploaded_files
from api.schemas import MiningQuery
from api.web import pager
from api.web.session import login_required, runtime
from engine.audit import mining
from engine.decisions import service as decision_service
from engine.errors import DeployRefused, Invalid
from engine.instances import migration, queries
from engine.persistence.tables import ACTIVE_STATUSES
from engine.process_models import deployments
from engine.process_models import service as model_service
from engine.process_models import usage as version_usage
from engine.security import authorization

STATUS = {"new": "nieuw", "changed": "gewijzigd", "unchanged": "ongewijzigd"}
bp = Blueprint("web_models", __name__, url_prefix="/procesmodellen")


@bp.get("")
@login_required
def index():
    return _page()


def _kept_files() -> dict[str, str]:
    """Files chosen before "Valideren", carried in the page: a browser cannot keep a file input's selection."""
    names, texts = request.form.getlist("bewaard_naam"), request.form.getlist("bewaard_inhoud")
    return dict(zip(names, texts))


@bp.post("")
@login_required
def upload():
    files = uploaded_files() or _kept_files()
    comment = request.form.get("comment")
    try:
        if request.form.get("actie") == "deployen":
            result = model_service.deploy(runtime(), files, g.actor, comment)
            versions = ", ".join(f"{p['id']} versie {p['version']} ({STATUS[p['status']]})" for p in result.processes)
            flash(("Gedeployed: " if result.created else "Deze bestanden waren al gedeployed: ") + versions, "melding")
            return redirect(url_for("web_models.index"), code=303)
        checked = model_service.validate(runtime(), files, g.actor)
        if checked["errors"]:
            return _page(error=deployments.summary(checked["errors"]), problems=checked["errors"],
                         warnings=checked["warnings"], kept=files, comment=comment, status=422)
        return _page(checked=checked, warnings=checked["warnings"], kept=files, comment=comment)
    except DeployRefused as err:
        return _page(error=err.message, problems=err.errors, warnings=err.warnings, kept=files, comment=comment,
                     status=422)
    except Invalid as err:
        return _page(error=err.message, problems=[{"file": None, "element": None, "message": m}
                                                  for m in err.fields.values()], kept=files, comment=comment,
                     status=422)


@bp.get("/<process_id>")
@login_required
def overview(process_id):
    return render_template("procesmodel_overzicht.html", model=queries.process_model(runtime(), process_id),
                           usage=version_usage.usage(runtime(), process_id, g.actor),
                           decisions=decision_service.of_process(runtime(), process_id, g.actor),
                           may_edit=authorization.allows(g.actor, authorization.MODELS),
                           may_mine=authorization.allows(g.actor, authorization.MINING),
                           may_migrate=authorization.allows(g.actor, authorization.MIGRATE))


@bp.get("/<process_id>/procesmining")
@login_required
def mining_export(process_id):
    """The process-mining log of the model, filtered as chosen on the overview page (empty fields: no filter)."""
    query = MiningQuery().load({k: v for k, v in request.args.items() if v})
    period = mining.Period(query["version"], query["from_"], query["until"])
    content, mimetype, filename = mining.for_model(runtime(), process_id, query["format"], g.actor, period)
    return Response(content, mimetype=mimetype, headers={"Content-Disposition": f'attachment; filename="{filename}"'})


@bp.get("/<process_id>/verschil")
@login_required
def difference(process_id):
    model = queries.process_model(runtime(), process_id)
    old, new = request.args.get("van", type=int), request.args.get("naar", type=int)
    if old is None or new is None:
        raise Invalid("Kies twee versies om te vergelijken.", {"van": "Verplicht.", "naar": "Verplicht."})
    return render_template("procesmodel_verschil.html", model=model,
                           diff=model_service.compare(runtime(), process_id, old, new))


@bp.get("/<process_id>/versies/<int:version>")
@login_required
def version(process_id, version):
    return _version_page(process_id, version)


@bp.post("/<process_id>/versies/<int:version>")
@login_required
def migrate(process_id, version):
    """A dry run (``actie=proef``) or the real run of moving the unfinished cases of version ``van`` here."""
    source = request.form.get("van", type=int)
    if source is None:
        raise Invalid("Kies de versie waarvan de zaken komen.", {"van": "Verplicht."})
    report = migration.migrate_all(runtime(), process_id, source, version, request.form.get("actie") != "migreren",
                                   g.actor)
    return _version_page(process_id, version, report)


def _version_page(process_id: str, number: int, report: dict | None = None):
    """Who deployed the version, when and why; its files, its diff with the one before, its cases, and the
    older versions whose unfinished cases may be moved here."""
    rt = runtime()
    model = queries.process_model(rt, process_id)
    files = model_service.version_file_names(rt, process_id, number)  # NotFound for an unknown version
    version = next(v for v in model["versions"] if v["version"] == number)
    usage = sources = usage_pager = None
    if authorization.allows(g.actor, authorization.USAGE):
        versions = version_usage.usage(rt, process_id, g.actor)
        listed = version_usage.instances_of_version(rt, process_id, number, g.actor,
                                                    pager.page_of(pager.page_number(request.args)))
        usage = {**next(v for v in versions if v["version"] == number), "instances": listed.items}
        usage_pager = pager.pager(listed, request.args)
        if authorization.allows(g.actor, authorization.MIGRATE):
            sources = [v["version"] for v in versions if v["version"] < number and _unfinished(v["counts"])]
    return render_template("procesmodel.html", model=model, version=version, files=files, usage=usage,
                           usage_pager=usage_pager, sources=sources, report=report,
                           previous=model_service.compare(rt, process_id, number - 1, number) if number > 1 else None,
                           diagram_url=url_for("web_models.diagram", process_id=process_id, version=number),
                           may_edit=authorization.allows(g.actor, authorization.MODELS))


def _unfinished(counts: dict) -> bool:
    return any(counts.get(status) for status in ACTIVE_STATUSES)


@bp.get("/<process_id>/versies/<int:version>/diagram.bpmn")
@login_required
def diagram(process_id, version):
    return Response(queries.version_diagram(runtime(), process_id, version), mimetype="application/xml")


@bp.get("/<process_id>/versies/<int:version>/bestanden/<name>")
@login_required
def version_file(process_id, version, name):
    text, content_type = model_service.version_file(runtime(), process_id, version, name)
    return Response(text, content_type=f"{content_type}; charset=utf-8",
                    headers={"Content-Disposition": f'attachment; filename="{name}"'})


def _page(status=200, **context):
    may_deploy = authorization.allows(g.actor, authorization.MODELS)
    return render_template("procesmodellen.html", models=queries.process_models(runtime()), may_deploy=may_deploy,
                           may_see_usage=authorization.allows(g.actor, authorization.USAGE), **context), status
