"""Casussen: the list, registering one, and one casus with its person (as need-to-know allows),
duo, phase, chain of cycles, timeline, current diagram and a form to report a signal."""
from flask import Blueprint, flash, g, redirect, render_template, request, url_for

from api.web import present, signals
from api.web.session import login_required, runtime
from engine.casus import access, views
from engine.casus import service as casus
from engine.errors import Conflict, Invalid, NotFound
from engine.instances import queries, resolution
from engine.persistence.pages import WHOLE_LIST
from handlers.config import REGIO_NAAM

bp = Blueprint("web_casus", __name__, url_prefix="/casussen")
PERSON_FORM = ("naam", "bsn", "geboortedatum")


@bp.get("")
@login_required
def index():
    return _list_page()


@bp.post("")
@login_required
def register():
    person = {key: request.form.get(key, "").strip() for key in PERSON_FORM}
    person = {key: value for key, value in person.items() if value}
    region = request.form.get("regio", "")
    try:
        view = casus.register(runtime(), person, region, g.actor, data={"persoon": person})
    except Invalid as err:
        return _list_page(error=err.message, fields=err.fields, values=request.form, status=422)
    flash(f"Casus {view['pseudonym']} is aangemeld. Vul nu de aanmelding in.", "melding")
    return redirect(url_for("web_casus.show", casus_id=view["id"]), code=303)


@bp.get("/<casus_id>")
@login_required
def show(casus_id):
    return casus_page(casus_id)


@bp.post("/<casus_id>/signaal")
@login_required
def report_signal(casus_id):
    try:
        name, payload = signals.message(request.form)
        reached = casus.deliver_message(runtime(), casus_id, name, payload, g.actor)
    except Invalid as err:
        return casus_page(casus_id, error=err.message, fields=err.fields, values=request.form, status=422)
    except (NotFound, Conflict) as err:  # no instance waits for this signal now: say so on the page itself
        return casus_page(casus_id, error=err.message, values=request.form,
                           status=404 if isinstance(err, NotFound) else 409)
    flash(f"Signaal '{signals.SIGNALS[name]}' verstuurd naar {len(reached)} lopend proces.", "melding")
    return redirect(url_for("web_casus.show", casus_id=casus_id), code=303)


def _list_page(status=200, **context):
    rt = runtime()
    return render_template("casussen.html", casussen=views.list_casussen(rt, g.actor, request.args.get("status"), WHOLE_LIST).items,
                           may_register=access.may_register(g.actor), regions=REGIO_NAAM,
                           **context), status


def casus_page(casus_id, status=200, error=None, fields=None, values=None, refused=None):
    """The casus page; ``refused``: a correction or reset refused on its incident panel, shown at its fields."""
    rt = runtime()
    view = views.get(rt, casus_id, g.actor)
    current = view["current_instance"]
    diagram = queries.instance_diagram(rt, current, g.actor) if current else None
    data = queries.get_instance(rt, current, g.actor)["data"] if current else {}
    may_signal = current is not None and access.may_signal(rt, casus_id, g.actor)
    return render_template("casus.html", casus=view, sections=present.data_sections(current, data) if current else [],
                           signals=signals.SIGNALS if may_signal else None, error=error, fields=fields or {},
                           values=values or {}, regions=REGIO_NAAM,
                           incident=resolution.panel(rt, current, g.actor), refused=refused or {},
                           markers={k: diagram[k] for k in ("completed", "current", "timers")} if diagram else None,
                           diagram_url=url_for("web_cases.diagram", instance_id=current) if current else None), status
