"""Toegangslog (auditor): who read which case data, filtered by user, zaak or casus, and period."""
from datetime import date, datetime, time, timedelta

from flask import Blueprint, g, render_template, request

from api.web.present import LOCAL
from api.web.session import login_required, runtime
from engine.audit import access_log
from engine.casus import labels
from engine.persistence.pages import WHOLE_LIST

bp = Blueprint("web_access_log", __name__, url_prefix="/audit")


def _day(value: str | None, field: str, errors: dict) -> date | None:
    if not value:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        errors[field] = "Vul een datum in als jjjj-mm-dd."
        return None


def _period(first: date | None, last: date | None) -> tuple[datetime | None, datetime | None]:
    """Whole days in Dutch local time: from the start of ``first`` to the end of ``last``."""
    start = datetime.combine(first, time.min, LOCAL) if first else None
    end = datetime.combine(last + timedelta(days=1), time.min, LOCAL) - timedelta(microseconds=1) if last else None
    return start, end


@bp.get("/toegang")
@login_required
def index():
    access_log.require_auditor(g.actor)
    args = {key: (request.args.get(key) or "").strip() for key in ("gebruiker", "zaak", "casus", "van", "tot")}
    errors: dict[str, str] = {}
    first, last = _day(args["van"], "van", errors), _day(args["tot"], "tot", errors)
    if first and last and first > last:
        errors["tot"] = "De einddatum ligt voor de begindatum."
    instances = [args["zaak"] or None]
    if args["casus"]:
        instances = [i for i in labels.instance_ids(runtime(), args["casus"]) if args["zaak"] in ("", i)]
        if not instances:
            errors["casus"] = "Geen casus met dit pseudoniem (of deze zaak hoort er niet bij)."
    entries = [] if errors else sorted(
        (e for i in instances for e in access_log.query(runtime(), g.actor, args["gebruiker"] or None, i,
                                                         *_period(first, last), WHOLE_LIST).items),
        key=lambda e: e["at"], reverse=True)[:WHOLE_LIST.limit]
    return render_template("toegangslog.html", entries=entries, args=args, errors=errors,
                           limit=WHOLE_LIST.limit), 422 if errors else 200
