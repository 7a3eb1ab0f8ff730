"""Process-mining event logs that show the process: per process model and per casus, in XES and CSV.

A case (trace) is one instance, or for a casus all its cycles together. Each user task gives two
events: lifecycle ``start`` when it became ready and ``complete`` when it was done (``ate_abort``
when it was withdrawn), with the element's Dutch name as activity and the task's lane (a role) as
resource — never a person, so the log holds no personal data and needs no case view. The events
come from the worklist's history rows, filtered in SQL.
"""
import csv
import io
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta, timezone

from sqlalchemy import or_, select

from engine.audit import xes
from engine.errors import Invalid, NotFound
from engine.local_time import LOCAL_ZONE
from engine.persistence.tables import Casus, ProcessInstance, ProcessVersion, WorkTask
from engine.security import authorization
from engine.security.actors import Actor

FORMATS = {"xes": "application/xml", "csv": "text/csv"}
CSV_COLUMNS = ["case", "activity", "lifecycle", "timestamp", "resource", "process_model", "version", "cycle"]
ENDINGS = {"completed": "complete", "cancelled": "ate_abort"}


@dataclass(frozen=True)
class Period:
    """Which events count: a version of the model and/or a period of local calendar days (inclusive)."""
    version: int | None = None
    start: date | None = None
    until: date | None = None

    def bounds(self) -> tuple[datetime | None, datetime | None]:
        low = datetime.combine(self.start, time(), LOCAL_ZONE) if self.start else None
        high = datetime.combine(self.until + timedelta(days=1), time(), LOCAL_ZONE) if self.until else None
        if low and high and low >= high:
            raise Invalid("De periode is leeg.", {"until": "Kies een einddatum op of na de begindatum."})
        return low, high


def for_model(rt, process_id: str, fmt: str, actor: Actor, period: Period = Period()) -> tuple[str, str, str]:
    """(content, media type, file name): every instance of ``process_id`` as one trace each."""
    authorization.require(actor, authorization.MINING)
    _check_format(fmt)
    with rt.uow() as uow:
        versions = select(ProcessVersion.id).where(ProcessVersion.process_id == process_id)
        if period.version is not None:
            versions = versions.where(ProcessVersion.version == period.version)
        if not uow.session.scalars(versions.limit(1)).first():
            raise NotFound("Dit procesmodel (of deze versie) bestaat niet.")
        rows = _rows(uow.session, ProcessInstance.process_version_id.in_(versions), period)
    traces = _traces(rows, case=lambda row: row.instance_id)
    suffix = f"-v{period.version}" if period.version is not None else ""
    return _render(fmt, f"Levensloop {process_id}{suffix}", traces), FORMATS[fmt], f"procesmining-{process_id}{suffix}.{fmt}"


def for_casus(rt, casus_id: str, fmt: str, actor: Actor) -> tuple[str, str, str]:
    """(content, media type, file name): all cycles of one casus as one trace, named by its pseudonym."""
    authorization.require(actor, authorization.MINING)
    _check_format(fmt)
    with rt.uow() as uow:
        pseudonym = uow.session.scalar(select(Casus.pseudonym).where(Casus.id == casus_id))
        if pseudonym is None:
            raise NotFound("Deze casus bestaat niet.")
        rows = _rows(uow.session, ProcessInstance.casus_id == casus_id, Period())
    traces = _traces(rows, case=lambda row: pseudonym)
    return _render(fmt, f"Levensloop casus {pseudonym}", traces), FORMATS[fmt], f"procesmining-{pseudonym}.{fmt}"


def _check_format(fmt: str) -> None:
    if fmt not in FORMATS:
        raise Invalid("Onbekend exportformaat.", {"format": "Kies xes of csv."})


def _rows(session, which, period: Period):
    low, high = period.bounds()
    query = (select(WorkTask.instance_id, WorkTask.name, WorkTask.lane, WorkTask.state, WorkTask.created_at,
                    WorkTask.completed_at, ProcessVersion.process_id, ProcessVersion.version, ProcessInstance.cycle)
             .join(ProcessInstance, ProcessInstance.id == WorkTask.instance_id)
             .join(ProcessVersion, ProcessVersion.id == ProcessInstance.process_version_id)
             .where(which))
    if low:
        query = query.where(or_(WorkTask.created_at >= low, WorkTask.completed_at >= low))
    if high:
        query = query.where(WorkTask.created_at < high)
    return session.execute(query.order_by(WorkTask.created_at, WorkTask.id)).all()


def _traces(rows, case) -> dict[str, list[dict]]:
    """Case -> its events in time order. At one moment, what ended did so in the step that began what
    starts then (so it comes first) — unless it began at that moment itself."""
    keyed: dict[str, list[tuple]] = {}
    for row in rows:
        common = {"activity": row.name, "resource": row.lane or "", "process_model": row.process_id,
                  "version": row.version, "cycle": row.cycle}
        events = keyed.setdefault(case(row), [])
        events.append(((row.created_at, 1, row.name), {**common, "lifecycle": "start", "timestamp": _utc(row.created_at)}))
        if row.state in ENDINGS and row.completed_at is not None:
            rank = 2 if row.completed_at == row.created_at else 0
            events.append(((row.completed_at, rank, row.name),
                           {**common, "lifecycle": ENDINGS[row.state], "timestamp": _utc(row.completed_at)}))
    return {name: [event for _, event in sorted(events, key=lambda pair: pair[0])] for name, events in keyed.items()}


def _utc(moment: datetime) -> str:
    return moment.astimezone(timezone.utc).isoformat()


def _render(fmt: str, name: str, traces: dict[str, list[dict]]) -> str:
    return _xes(name, traces) if fmt == "xes" else _csv(traces)


def _csv(traces: dict[str, list[dict]]) -> str:
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=CSV_COLUMNS, lineterminator="\n")
    writer.writeheader()
    for case, events in traces.items():
        for event in events:
            writer.writerow({"case": case, **{key: event[key] for key in CSV_COLUMNS[1:]}})
    return out.getvalue()


def _xes(name: str, traces: dict[str, list[dict]]) -> str:
    log = xes.log(name)
    for case, events in traces.items():
        trace = xes.element(log, "trace", [("string", "concept:name", case)])
        for event in events:
            attributes = [("string", "concept:name", event["activity"]), ("date", "time:timestamp", event["timestamp"]),
                          ("string", "org:resource", event["resource"]), ("string", "org:role", event["resource"]),
                          ("string", "lifecycle:transition", event["lifecycle"]),
                          ("string", "process_model", event["process_model"]), ("int", "version", str(event["version"]))]
            if event["cycle"] is not None:
                attributes.append(("int", "cycle", str(event["cycle"])))
            xes.element(trace, "event", attributes)
    return xes.text(log)
