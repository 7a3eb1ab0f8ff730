"""Export an instance's audit trail as JSON, CSV or XES (IEEE 1849-2016, for ProM and pm4py).

In XES the instance is one trace and each audit event one event: ``concept:name`` is the BPMN
element for a completed task (else the event type), ``org:resource`` the actor, ``time:timestamp``
the engine-clock time and ``lifecycle:transition`` ``complete`` (``ate_abort`` for an incident).
"""
import csv
import io
import json

from lxml import etree

from engine.audit import access_log
from engine.audit import trail as audit
from engine.errors import Invalid
from engine.instances import queries
from engine.persistence.lookups import instance_or_404
from engine.persistence.tables import ProcessVersion
from engine.security.actors import Actor

FORMATS = {"json": "application/json", "csv": "text/csv", "xes": "application/xml"}
XES_NS = "http://www.xes-standard.org/"
XES_VERSION = "1849.2016"  # the standard's schema types xes.version as a decimal; its elements have no namespace
EXTENSIONS = [("Concept", "concept"), ("Time", "time"), ("Organizational", "org"), ("Lifecycle", "lifecycle")]
XES_GLOBALS = {  # attributes every trace/event has (the classifier's keys must be among them)
    "trace": [("string", "concept:name", "")],
    "event": [("string", "concept:name", ""), ("date", "time:timestamp", "1970-01-01T00:00:00+00:00"),
              ("string", "org:resource", ""), ("string", "lifecycle:transition", "complete")],
}
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
    log = etree.Element("log", attrib={"xes.version": XES_VERSION, "xes.features": ""})
    for name, prefix in EXTENSIONS:
        etree.SubElement(log, "extension", name=name, prefix=prefix, uri=f"{XES_NS}{prefix}.xesext")
    for scope, defaults in XES_GLOBALS.items():
        glob = etree.SubElement(log, "global", scope=scope)
        for tag, key, value in defaults:
            _attr(glob, tag, key, value)
    etree.SubElement(log, "classifier", name="Activity", keys="concept:name")
    _attr(log, "string", "concept:name", f"Levensloop audittrail {header['process_instance']}")
    trace = etree.SubElement(log, "trace")
    _attr(trace, "string", "concept:name", header["process_instance"])
    _attr(trace, "string", "process_model", header["process_model"])
    _attr(trace, "int", "version", str(header["version"]))
    for event in trail:
        node = etree.SubElement(trace, "event")
        _attr(node, "string", "concept:name", activity(event))
        _attr(node, "date", "time:timestamp", event["at"])
        _attr(node, "string", "org:resource", event["actor"])
        _attr(node, "string", "lifecycle:transition", "ate_abort" if event["type"] == "incident" else "complete")
        _attr(node, "int", "seq", str(event["seq"]))
        _attr(node, "string", "event_type", event["type"])
        _attr(node, "string", "hash", event["hash"])
    return etree.tostring(log, xml_declaration=True, encoding="UTF-8", pretty_print=True).decode("utf-8")


def _attr(parent, tag: str, key: str, value: str) -> None:
    etree.SubElement(parent, tag, key=key, value=value)
