"""A trail exports as JSON, CSV and XES; the XES validates against the IEEE 1849-2016 schema and
carries what process-mining tools read (activity, timestamp, resource, lifecycle)."""
import csv
import io
import json
from datetime import datetime
from pathlib import Path

import pytest
from lxml import etree

from engine.audit import export
from engine.errors import Forbidden, Invalid
from engine.instances import queries
from tests.audit.conftest import AUDITOR, REGISSEUR

SCHEMA = etree.XMLSchema(etree.parse(str(Path(__file__).with_name("xes_ieee_1849_2016.xsd"))))
STANDARD_EXTENSIONS = {"concept", "time", "org", "lifecycle"}


def test_json_export_is_the_trail_with_its_model_version(rt, scenario):
    instance_id = scenario()
    content, media_type, filename = export.export(rt, instance_id, "json", AUDITOR)
    body = json.loads(content)
    assert (media_type, filename) == ("application/json", f"audittrail-{instance_id}.json")
    assert (body["process_model"], body["version"]) == ("audit_scenario", 1)
    assert body["events"] == queries.events(rt, instance_id, AUDITOR)


def test_csv_export_has_one_row_per_event_with_its_activity(rt, scenario):
    instance_id = scenario()
    content, media_type, _ = export.export(rt, instance_id, "csv", AUDITOR)
    rows = list(csv.DictReader(io.StringIO(content)))
    assert media_type == "text/csv"
    assert [r["activity"] for r in rows] == [
        "started", "intake", "message_delivered:signaal", "timer_fired", "incident:controleren", "retried", "afronden"]
    assert json.loads(rows[1]["inputs"])["data"] == {"spoed": True}
    assert rows[6]["actor"] == "procesregisseur"


def test_xes_export_validates_and_reads_as_an_event_log(rt, scenario):
    instance_id = scenario()
    content, media_type, _ = export.export(rt, instance_id, "xes", AUDITOR)
    document = etree.fromstring(content.encode("utf-8"))
    SCHEMA.assertValid(document)
    assert media_type == "application/xml"

    declared = {e.get("prefix") for e in document.findall("extension")}
    assert STANDARD_EXTENSIONS <= declared
    used = {a.get("key").split(":")[0] for a in document.iter() if a.get("key") and ":" in a.get("key")}
    assert used <= declared  # every prefixed key belongs to a declared extension
    [classifier] = document.findall("classifier")
    global_event_keys = {a.get("key") for a in document.find("global[@scope='event']")}
    assert set(classifier.get("keys").split()) <= global_event_keys

    [trace] = document.findall("trace")
    assert trace.find("string[@key='concept:name']").get("value") == instance_id
    events = [{a.get("key"): a.get("value") for a in e} for e in trace.findall("event")]
    assert [e["concept:name"] for e in events][:2] == ["started", "intake"]
    assert [e["lifecycle:transition"] for e in events].count("ate_abort") == 1  # the incident
    assert events[-1]["org:resource"] == "procesregisseur"
    stamps = [datetime.fromisoformat(e["time:timestamp"]) for e in events]
    assert stamps == sorted(stamps) and all(s.utcoffset().total_seconds() == 0 for s in stamps)


def test_unknown_format_and_non_auditors_are_refused(rt, scenario):
    instance_id = scenario()
    with pytest.raises(Invalid):
        export.export(rt, instance_id, "pdf", AUDITOR)
    with pytest.raises(Forbidden):
        export.export(rt, instance_id, "json", REGISSEUR)
