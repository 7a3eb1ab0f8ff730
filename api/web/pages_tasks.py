"""Mijn taken (the worklist) and Taak (one task's form, submitted to the service layer)."""
import json

from flask import Blueprint, flash, g, redirect, render_template, request, url_for

from api.web.session import login_required, runtime
from engine import instances, queries
from engine.errors import Conflict, Invalid

bp = Blueprint("web_tasks", __name__)


@bp.get("/")
def home():
    return redirect(url_for("web_tasks.worklist"))


@bp.get("/taken")
@login_required
def worklist():
    role, case = request.args.get("rol") or None, request.args.get("zaak") or None
    tasks = queries.worklist(runtime(), g.actor, case, role)
    return render_template("taken.html", tasks=tasks, now=runtime().clock.now(), role=role, case=case,
                           roles=sorted(g.actor.roles))


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
    except Conflict as err:
        return _task_page(task_id, error=err.message, stale=True, status=409)
    flash("De taak is afgerond.", "melding")
    return redirect(url_for("web_tasks.worklist"), code=303)


def _submitted_data() -> dict:
    try:
        data = json.loads(request.form.get("data") or "{}")
    except ValueError:
        data = None
    if not isinstance(data, dict):
        raise Invalid("Het formulier kon niet worden gelezen.", {"_": "Verwacht formuliergegevens."})
    return data


def _task_page(task_id, values=None, error=None, fields=None, stale=False, status=200):
    view = queries.get_task(runtime(), task_id, g.actor)
    return render_template("taak.html", task=view, values=values or {}, error=error, fields=fields or {},
                           stale=stale or view["state"] != "ready"), status
