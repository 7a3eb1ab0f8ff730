"""Audit (auditor): an instance's event trail, its replay verdict, each event's state, and exports."""
from flask import Blueprint, Response, g, render_template, url_for

from api.web.session import login_required, runtime
from engine.audit import access_log, export, replay
from engine.instances import queries

bp = Blueprint("web_audit", __name__, url_prefix="/audit/zaken")

VERDICTS = {"verified": "geverifieerd", "diverged": "afwijking gevonden", "broken": "keten verbroken"}


def _trail_page(instance_id: str, report: dict | None = None):
    rt = runtime()
    access_log.require_auditor(g.actor)
    return render_template("audit_zaak.html", case=queries.get_instance(rt, instance_id, g.actor),
                           events=queries.events(rt, instance_id, g.actor), formats=export.FORMATS,
                           report=report, verdict=VERDICTS.get(report["status"]) if report else None)


@bp.get("/<instance_id>")
@login_required
def trail(instance_id):
    return _trail_page(instance_id)


@bp.get("/<instance_id>/herspelen")
@login_required
def replay_case(instance_id):
    return _trail_page(instance_id, replay.replay(runtime(), instance_id, g.actor))


@bp.get("/<instance_id>/stappen/<int:seq>")
@login_required
def step(instance_id, seq):
    rt = runtime()
    state = replay.state_at(rt, instance_id, seq, g.actor)
    markers = {"completed": state["completed_elements"], "current": state["active_elements"], "timers": []}
    return render_template("audit_stap.html", state=state, markers=markers,
                           events=queries.events(rt, instance_id, g.actor), instance_id=instance_id,
                           diagram_url=url_for("web_cases.diagram", instance_id=instance_id))


@bp.get("/<instance_id>/export.<fmt>")
@login_required
def download(instance_id, fmt):
    content, mimetype, filename = export.export(runtime(), instance_id, fmt, g.actor)
    return Response(content, mimetype=mimetype, headers={"Content-Disposition": f'attachment; filename="{filename}"'})
