"""Audit (auditor): replay a zaak from its trail and show the verdict."""
from flask import Blueprint, g, render_template

from api.web.session import login_required, runtime
from engine import replay

bp = Blueprint("web_audit", __name__, url_prefix="/zaken")

VERDICTS = {"verified": "geverifieerd", "diverged": "afwijking gevonden", "broken": "keten verbroken"}


@bp.post("/<instance_id>/herspelen")
@login_required
def replay_case(instance_id):
    report = replay.replay(runtime(), instance_id, g.actor)
    return render_template("herspelen.html", report=report, verdict=VERDICTS.get(report["status"], report["status"]))
