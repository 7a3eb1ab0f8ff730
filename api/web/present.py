"""How values read on a Dutch page: times in Dutch local time, Dutch labels, overdue deadlines."""
import re
from datetime import date, datetime, timezone

from flask import g

from api.web import data_view
from api.web.session import runtime
from engine.instances import queries
from engine.local_time import LOCAL_ZONE as LOCAL
from engine.security import users
from handlers.config import REGIO_NAAM

ISO_MOMENT = re.compile(r"\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})?)?")

STATUS = {"running": "Lopend", "completed": "Afgerond", "error": "Storing", "cancelled": "Geannuleerd"}
EVENTS = {"started": "Gestart", "task_completed": "Taak afgerond", "message_delivered": "Bericht ontvangen",
          "timer_fired": "Termijn verstreken", "retried": "Opnieuw geprobeerd", "reset": "Teruggezet naar een eerdere taak",
          "cancelled": "Geannuleerd",
          "migrated": "Gemigreerd", "incident": "Storing", "cycle_chained": "Volgende cyclus gestart",
          "notification_sent": "Melding verstuurd", "task_claimed": "Taak opgepakt",
          "task_released": "Taak vrijgegeven", "task_assigned": "Taak toegewezen"}
CASUS_STATUS = {"aangemeld": "Aangemeld", "geincludeerd": "Geïncludeerd", "in_zorg": "In zorg",
                "overgedragen": "Overgedragen", "afgesloten": "Afgesloten"}
PHASES = {"levensloop_intake": "Aanmelding tot inclusie", "levensloop_cyclus": "Cyclus: plan, uitvoering en evaluatie"}
NODE_TYPES = {"userTask": "gebruikerstaak", "manualTask": "handmatige taak", "serviceTask": "servicetaak",
              "scriptTask": "scripttaak", "businessRuleTask": "beslistaak", "sendTask": "verzendtaak",
              "receiveTask": "ontvangsttaak", "task": "taak", "callActivity": "deelproces (aanroep)",
              "subProcess": "deelproces", "startEvent": "startgebeurtenis", "endEvent": "eindgebeurtenis",
              "intermediateCatchEvent": "tussengebeurtenis (wacht)", "intermediateThrowEvent": "tussengebeurtenis",
              "boundaryEvent": "randgebeurtenis", "exclusiveGateway": "exclusieve splitsing",
              "inclusiveGateway": "inclusieve splitsing", "parallelGateway": "parallelle splitsing",
              "eventBasedGateway": "splitsing op gebeurtenis"}


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


def event_subject(inputs, instance_id: str | None = None) -> str:
    """What an audit event was about: the task's element, the message's name, or the incident's element;
    with the instance, an element by its Dutch name from the instance's version."""
    if not isinstance(inputs, dict):
        return ""
    subject = str(inputs.get("element") or inputs.get("name") or "")
    return element_name(instance_id, subject) if instance_id and subject else subject


def element_name(instance_id: str, element: str) -> str:
    """The name the instance's version gives an element (read once per instance and request), else its id."""
    known = g.setdefault("element_names", {})
    if instance_id not in known:
        known[instance_id] = queries.names_of_elements(runtime(), [instance_id])
    return known[instance_id].get(element, element)


def data_sections(instance_id: str, data: dict) -> list:
    """The data view (api.web.data_view) of an instance's data: labels from its version's forms, names for usernames."""
    context = data_view.Context(forms=queries.forms_of_instance(runtime(), instance_id), regions=REGIO_NAAM,
                                people=users.display_names(runtime(), data_view.strings(data)))
    return data_view.sections(data, context)


def person_name(username) -> str:
    """A user's full name where the page would show a username (looked up once per request)."""
    if not username:
        return "—"
    known = g.setdefault("display_names", {})
    if username not in known:
        known.update(users.display_names(runtime(), [username]))
        known.setdefault(username, username)
    return known[username]


def dutch_value(value, pad: str = "") -> str:
    """A data value as a Dutch reader expects it: Ja/Nee, dd-mm-jjjj, a region's name, lists joined."""
    if value is None:
        return "—"
    if isinstance(value, bool):
        return "Ja" if value else "Nee"
    if isinstance(value, list):
        return ", ".join(dutch_value(item, pad) for item in value) or "—"
    if isinstance(value, dict):
        return ", ".join(dutch_value(item, pad) for item in value.values()) or "—"
    if isinstance(value, str) and pad.rsplit(".", 1)[-1] == "regio" and value in REGIO_NAAM:
        return REGIO_NAAM[value]
    if isinstance(value, str) and ISO_MOMENT.fullmatch(value):
        return dutch_time(value)
    return str(value)


def context_items(items: list[dict]) -> list[dict]:
    """A task's declared context (engine.process_models.form_context) as ``[{label, value}]`` in Dutch."""
    return [{"label": item["label"], "value": dutch_value(item["value"], item["pad"])} for item in items]


def init_app(app) -> None:
    app.jinja_env.filters.update(tijd=dutch_time, status=lambda s: STATUS.get(s, s),
                                 gebeurtenis=lambda t: EVENTS.get(t, t), onderdeel=event_subject,
                                 soort=lambda t: NODE_TYPES.get(t, t), casusstatus=lambda s: CASUS_STATUS.get(s, s),
                                 fase=lambda p: PHASES.get(p, p), naam=person_name)
    app.jinja_env.globals["is_overdue"] = is_overdue
