"""Mijn taken (the worklist) and Taak (one task's form, submitted to the service layer)."""

from flask import Blueprint, flash, g, redirect, render_template, request, url_for

from api.web import form_errors, pager, permissions, present, worklist_page
from api.web.pages_task_claims import claim_panel
from api.web.session import login_required, runtime
from engine.casus import access
from engine.casus import labels as casus_labels
from engine.errors import Conflict, Invalid
from engine.input_limits import load_json
from engine.instances import queries, worklist_query
from engine.instances import service as instances
from engine.notifications import outbox
from engine.persistence.pages import PageRequest

bp = Blueprint("web_tasks", __name__)
NOTIFICATIONS_SHOWN = 10


@bp.get("/")
@login_required
def home():
    return redirect(permissions.landing())


@bp.get("/taken")
@login_required
def worklist():
    rt = runtime()
    filters, page_number = worklist_page.filters_from(request.args)
    found = worklist_query.worklist(rt, g.actor, filters, pager.page_of(page_number))
    tasks = found.page.items
    return render_template("taken.html", tasks=tasks, found=found, filters=filters,
                           labels=casus_labels.of_instances(rt, [t["process_instance"] for t in tasks]),
                           pager=pager.pager(found.page, request.args), sorts=worklist_page.SORT_LABELS,
                           now=rt.clock.now(), roles=sorted(g.actor.roles), shows_case=access.shows_person(g.actor),
                           notes=outbox.for_actor(rt, g.actor, PageRequest(limit=NOTIFICATIONS_SHOWN)).items)


@bp.get("/taken/<task_id>")
@login_required
def task(task_id):
    return _task_page(task_id)


@bp.post("/taken/<task_id>")
@login_required
def complete(task_id):
    data = {}
    try:
        data = _submitted_data()
        instances.complete_task(runtime(), task_id, data, g.actor)
    except Invalid as err:
        return _task_page(task_id, values=data, error=err.message, fields=err.fields, status=422)
    except Conflict as err:  # done meanwhile (the page says so), or held by a colleague: the input is kept
        return _task_page(task_id, values=data, error=err.message, status=409)
    flash("De taak is afgerond.", "melding")
    return redirect(url_for("web_tasks.worklist"), code=303)


def _submitted_data() -> dict:
    try:
        data = load_json(request.form.get("data") or "{}")
    except ValueError:
        data = None
    if not isinstance(data, dict):
        raise Invalid("Het formulier kon niet worden gelezen.", {"_": "Verwacht formuliergegevens."})
    return data


def _task_page(task_id, values=None, error=None, fields=None, stale=False, status=200):
    rt = runtime()
    view = queries.get_task(rt, task_id, g.actor)
    instance_id = view["process_instance"]
    return render_template("taak.html", task=view, values=values or {}, error=error, fields=fields or {},
                           context=present.context_items(view["context"]),
                           casus=casus_labels.of_instances(rt, [instance_id]).get(instance_id),
                           sections=present.data_sections(instance_id, view["data"]),
                           claim=claim_panel(task_id, view),
                           shows_case=access.shows_person(g.actor),
                           problems=form_errors.summary(view["schema"] or {}, fields or {}),
                           stale=stale or view["state"] != "ready"), status
