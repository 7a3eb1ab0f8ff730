"""Taking, giving back and handing over a task from its page; the panel that shows who holds it."""
from flask import Blueprint, flash, g, redirect, request, url_for

from api.web.session import login_required, runtime
from engine.errors import Conflict, Forbidden, Invalid, NotFound
from engine.instances import claims

bp = Blueprint("web_task_claims", __name__)


def claim_panel(task_id: str, view: dict) -> dict | None:
    """Who holds the task and who it can go to; None where the actor cannot act on it (a reader, a done task)."""
    if view["state"] != "ready":
        return None
    try:
        colleagues = claims.colleagues(runtime(), task_id, g.actor)
    except (Forbidden, NotFound, Conflict):
        return None
    return {"holder": view["claimed_by"], "mine": view["claimed_by"] == g.actor.username,
            "colleagues": [c for c in colleagues if c["username"] != view["claimed_by"]]}


@bp.post("/taken/<task_id>/oppakken")
@login_required
def claim(task_id):
    return _act(task_id, lambda: claims.claim(runtime(), task_id, g.actor), "U heeft de taak opgepakt.")


@bp.post("/taken/<task_id>/vrijgeven")
@login_required
def release(task_id):
    return _act(task_id, lambda: claims.release(runtime(), task_id, g.actor),
                "De taak is vrijgegeven: iedereen met deze rol kan hem oppakken.")


@bp.post("/taken/<task_id>/toewijzen")
@login_required
def assign(task_id):
    username = request.form.get("username", "")
    return _act(task_id, lambda: claims.assign(runtime(), task_id, username, g.actor), "De taak is toegewezen.")


def _act(task_id: str, action, done: str):
    """Do it and say so on the task page; a refusal (held by a colleague, not a colleague) is said there too."""
    try:
        action()
    except (Conflict, Invalid) as err:
        flash(" ".join([err.message, *err.fields.values()]), "fout")
    else:
        flash(done, "melding")
    return redirect(url_for("web_tasks.task", task_id=task_id), code=303)
