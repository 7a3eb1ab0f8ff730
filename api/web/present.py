"""How values read on a Dutch page: times in Dutch local time, Dutch labels, overdue deadlines."""
from datetime import date, datetime, timezone
from zoneinfo import ZoneInfo

LOCAL = ZoneInfo("Europe/Amsterdam")
STATUS = {"running": "Lopend", "completed": "Afgerond", "error": "Storing", "cancelled": "Geannuleerd"}
EVENTS = {"started": "Gestart", "task_completed": "Taak afgerond", "message_delivered": "Bericht ontvangen",
          "timer_fired": "Termijn verstreken", "retried": "Opnieuw geprobeerd", "cancelled": "Geannuleerd",
          "migrated": "Gemigreerd"}


def moment(value) -> date | datetime | None:
    """Read an ISO date or date-time (as stored in due dates and views); None when it is neither."""
    if isinstance(value, (date, datetime)):
        return value
    try:
        parsed = datetime.fromisoformat(str(value))
    except ValueError:
        return None
    if len(str(value)) == 10:
        return parsed.date()
    return parsed if parsed.tzinfo else parsed.replace(tzinfo=timezone.utc)


def dutch_time(value) -> str:
    when = moment(value)
    if when is None:
        return str(value or "")
    if isinstance(when, datetime):
        return when.astimezone(LOCAL).strftime("%d-%m-%Y %H:%M")
    return when.strftime("%d-%m-%Y")


def is_overdue(due, now: datetime) -> bool:
    when = moment(due)
    if isinstance(when, datetime):
        return when < now
    if isinstance(when, date):
        return when < now.astimezone(LOCAL).date()
    return False


def init_app(app) -> None:
    app.jinja_env.filters.update(tijd=dutch_time, status=lambda s: STATUS.get(s, s),
                                 gebeurtenis=lambda t: EVENTS.get(t, t))
    app.jinja_env.globals["is_overdue"] = is_overdue
