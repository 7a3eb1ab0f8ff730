"""Export an instance's audit trail as JSON, CSV or XES (IEEE 1849-2016, for ProM and pm4py).

In XES the instance is one trace and each audit event one event: ``concept:name`` is the BPMN
element for a completed task (else the event type), ``org:resource`` the actor, ``time:timestamp``
the engine-clock time and ``lifecycle:transition`` ``complete`` (``ate_abort`` for an incident).
"""
import csv
import io
import json

from engine.audit import access_log
from engine.audit import trail as audit
from engine.audit import xes
from engine.errors import Invalid
from engine.instances import queries
from engine.persistence.lookups import instance_or_404
from engine.persistence.tables import ProcessVersion
from engine.security.actors import Actor

FORMATS = {"json": "application/json", "csv": "text/csv", "xes": "application/xml"}
CSV_COLUMNS = ["seq", "type", "activity", "actor", "at", "inputs", "state_hash", "prev_hash", "hash"]


def export(rt, instance_id: str, fmt: str, actor: Actor) -> tuple[str, str, str]:
    """(content, media type, file name) of the trail in ``fmt``; the read is access-logged."""
    access_log.require_auditor(actor)
    if fmt not in FORMATS:
        raise Invalid("Onbekend exportformaat.", {"format": "Kies json, csv of xes."})
    with rt.uow() as uow:
        instance = instance_or_404(uow.session, instance_id)
        version = uow.session.get(ProcessVersion, instance.process_version_id)
        header = {"process_instance": instance_id, "process_model": version.process_id, "version": version.version}
        trail = [queries.event_view(e, actor) for e in audit.events_of(uow.session, instance_id)]
    content = {"json": _json, "csv": _csv, "xes": _xes}[fmt](header, trail)
    access_log.record(rt, actor, instance_id, "export", [e["inputs"] for e in trail], queries.PERSONAL_KEYS)
    return content, FORMATS[fmt], f"audittrail-{instance_id}.{fmt}"


def activity(event: dict) -> str:
    """The activity a process-mining tool groups on: the element for tasks, else the event type."""
    inputs = event["inputs"] if isinstance(event["inputs"], dict) else {}
    if event["type"] == "task_completed" and inputs.get("element"):
        return inputs["element"]
    if event["type"] == "message_delivered" and inputs.get("name"):
        return f"message_delivered:{inputs['name']}"
    if event["type"] == "incident" and inputs.get("element"):
        return f"incident:{inputs['element']}"
    return event["type"]


def _json(header: dict, trail: list[dict]) -> str:
    return json.dumps({**header, "events": trail}, ensure_ascii=False, indent=2)


def _csv(header: dict, trail: list[dict]) -> str:
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=CSV_COLUMNS, lineterminator="\n")
    writer.writeheader()
    for event in trail:
        row = {key: event.get(key) for key in CSV_COLUMNS}
        row["activity"] = activity(event)
        row["inputs"] = json.dumps(event["inputs"], ensure_ascii=False, sort_keys=True)
        writer.writerow(row)
    return out.getvalue()


def _xes(header: dict, trail: list[dict]) -> str:
    log = xes.log(f"Levensloop audittrail {header['process_instance']}")
    trace = xes.element(log, "trace", [("string", "concept:name", header["process_instance"]),
                                       ("string", "process_model", header["process_model"]),
                                       ("int", "version", str(header["version"]))])
    for event in trail:
        xes.element(trace, "event", [
            ("string", "concept:name", activity(event)), ("date", "time:timestamp", event["at"]),
            ("string", "org:resource", event["actor"]),
            ("string", "lifecycle:transition", "ate_abort" if event["type"] == "incident" else "complete"),
            ("int", "seq", str(event["seq"])), ("string", "event_type", event["type"]), ("string", "hash", event["hash"])])
    return xes.text(log)
