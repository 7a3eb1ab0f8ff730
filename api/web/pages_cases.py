"""Zaken: the list, starting one, and one zaak with its data, tasks, timeline and diagram."""
from flask import Blueprint, Response, g, redirect, render_template, request, url_for

from api.document_response import document_response
from api.web import present
from api.web.session import login_required, runtime
from engine.errors import Invalid
from engine.instances import documents, queries, resolution
from engine.instances import service as instances
from engine.persistence.pages import WHOLE_LIST

bp = Blueprint("web_cases", __name__, url_prefix="/zaken")


@bp.get("")
@login_required
def index():
    return _list_page()


@bp.post("")
@login_required
def start():
    try:
        view = instances.start_by_hand(runtime(), request.form.get("process_model", ""), g.actor)
    except Invalid as err:
        return _list_page(error=err.fields["process_model"], status=422)
    return redirect(url_for("web_cases.show", instance_id=view["id"]), code=303)


def _list_page(error=None, status=200):
    rt = runtime()
    return render_template("zaken.html", cases=queries.list_instances(rt, g.actor, request.args.get("status"),
                                                                      page=WHOLE_LIST).items,
                           models=queries.startable_models(rt, g.actor), error=error), status


@bp.get("/<instance_id>")
@login_required
def show(instance_id):
    return case_page(instance_id)


def case_page(instance_id, refused: dict | None = None, status: int = 200):
    """The zaak page; ``refused``: a correction or reset refused on its incident panel, shown at its fields."""
    rt = runtime()
    diagram = queries.instance_diagram(rt, instance_id, g.actor)
    markers = {key: diagram[key] for key in ("completed", "current", "timers")}
    case = queries.get_instance(rt, instance_id, g.actor)
    return render_template("zaak.html", case=case, sections=present.data_sections(instance_id, case["data"]),
                           events=queries.events(rt, instance_id, g.actor), markers=markers,
                           diagram_url=url_for("web_cases.diagram", instance_id=instance_id),
                           incident=resolution.panel(rt, instance_id, g.actor), refused=refused or {}), status


@bp.get("/<instance_id>/diagram.bpmn")
@login_required
def diagram(instance_id):
    xml = queries.instance_diagram(runtime(), instance_id, g.actor)["xml"]
    return Response(xml, mimetype="application/xml")


@bp.get("/<instance_id>/documenten/<name>.<any(pdf, html):kind>")
@login_required
def document(instance_id, name, kind):
    return document_response(documents.read(runtime(), instance_id, name, g.actor, kind), kind)


@bp.get("/<instance_id>/documenten/<name>")
@login_required
def document_view(instance_id, name):
    """The HTML document for the sandboxed frame on the zaak, casus and task pages."""
    return document_response(documents.read(runtime(), instance_id, name, g.actor, "html"), "html", inline=True)
