"""Process mining shows the process: the log of a model's runs names the Dutch tasks, has start and complete
per task and roles as resources, and the directly-follows graph mined from it only has edges the model's
sequence flows allow (from one user task to the next, through gateways, events and automatic tasks)."""
import csv
import io
from collections import defaultdict
from datetime import timedelta
from pathlib import Path

import pytest
from defusedxml import ElementTree
from lxml import etree

from engine.audit import mining
from engine.errors import Forbidden, Invalid, NotFound
from tests.conftest import actor
from tests.scenarios import formdata_wmo as w
from tests.scenarios.test_wmo_traject import PROCESS, asked, indicated

BPMN = Path(__file__).resolve().parents[2] / "processes" / "wmo_traject.bpmn"
SCHEMA = etree.XMLSchema(etree.parse(str(Path(__file__).resolve().parents[1] / "audit" / "xes_ieee_1849_2016.xsd")))
NS = {"bpmn": "http://www.omg.org/spec/BPMN/20100524/MODEL"}
OWNER = actor("proceseigenaar")


def user_task_graph() -> set[tuple[str, str]]:
    """(name, name) of every pair of user tasks the model lets follow each other directly."""
    process = ElementTree.parse(BPMN).getroot().find("bpmn:process", NS)
    names = {t.get("id"): t.get("name") for t in process.findall("bpmn:userTask", NS)}
    flows = defaultdict(set)
    for flow in process.findall("bpmn:sequenceFlow", NS):
        flows[flow.get("sourceRef")].add(flow.get("targetRef"))
    for boundary in process.findall("bpmn:boundaryEvent", NS):
        flows[boundary.get("attachedToRef")].add(boundary.get("id"))

    def next_tasks(node: str, seen: set) -> set[str]:
        found = set()
        for target in flows[node] - seen:
            seen.add(target)
            found |= {target} if target in names else next_tasks(target, seen)
        return found

    return {(names[a], names[b]) for a in names for b in next_tasks(a, set())}


def directly_follows(traces: dict[str, list[dict]]) -> set[tuple[str, str]]:
    edges = set()
    for events in traces.values():
        done = [e["activity"] for e in events if e["lifecycle"] == "complete"]
        edges |= set(zip(done, done[1:]))
    return edges


@pytest.fixture
def runs(driver):
    """Four wmo trajects along different paths, each task done some minutes after the one before."""
    d = driver
    complete = d.complete

    def later(*args, **kwargs):
        d.clock.advance(timedelta(minutes=7))
        return complete(*args, **kwargs)

    d.complete = later
    stopped = d.start(PROCESS, {"regio": "gelderland_zuid"}, role="sociaal_team")
    d.complete(stopped, "vraagverheldering", w.VRAAGVERHELDERING)
    d.complete(stopped, "voorliggend_veld", w.VOORLIGGEND_VOLSTAAT)
    indicated(d, w.behoefte(w.TWEE_BEHOUDEN, [w.omstandigheid()]))
    oneens = asked(d)
    d.complete(oneens, "ondersteuningsbehoefte", w.behoefte(w.TWEE_BEHOUDEN))
    d.complete(oneens, "beschikking", w.beschikking())
    d.complete(oneens, "ondersteuningsplan", w.PLAN_ONEENS)
    d.complete(oneens, "onenigheid_overleg", w.onenigheid("indicatie_blijft"))
    d.complete(oneens, "ondersteuningsplan", w.PLAN_AKKOORD)
    open_one = asked(d)
    return d, [stopped, oneens, open_one]


def parse_csv(content: str) -> dict[str, list[dict]]:
    traces = defaultdict(list)
    for row in csv.DictReader(io.StringIO(content)):
        traces[row["case"]].append(row)
    return traces


def test_the_mined_graph_follows_the_models_sequence_flows(runs):
    d, _ = runs
    content, media_type, filename = mining.for_model(d.rt, PROCESS, "csv", OWNER)
    assert (media_type, filename) == ("text/csv", "procesmining-wmo_traject.csv")
    traces = parse_csv(content)
    mined = directly_follows(traces)
    model = user_task_graph()
    assert mined <= model, mined - model
    assert len(traces) == 4 and len(mined) >= 6
    names = {e["activity"] for events in traces.values() for e in events}
    assert "vraagverheldering" not in names and all(name[0].isupper() for name in names)  # Dutch names, no ids


def test_each_task_starts_before_it_completes_and_the_resource_is_its_role(runs):
    d, (stopped, _, open_one) = runs
    traces = parse_csv(mining.for_model(d.rt, PROCESS, "csv", OWNER)[0])
    assert [(e["lifecycle"], e["resource"]) for e in traces[stopped]] == [
        ("start", "sociaal_team"), ("complete", "sociaal_team"), ("start", "sociaal_team"), ("complete", "sociaal_team")]
    assert traces[open_one][-1]["lifecycle"] == "start"  # the task still open has begun, not ended
    resources = {e["resource"] for events in traces.values() for e in events}
    assert resources <= {"sociaal_team", "aanbieder"}  # roles, never a person


def test_the_xes_log_validates_and_has_one_trace_per_instance(runs):
    d, (stopped, _, _) = runs
    content, media_type, _ = mining.for_model(d.rt, PROCESS, "xes", OWNER)
    document = etree.fromstring(content.encode("utf-8"))
    SCHEMA.assertValid(document)
    assert media_type == "application/xml"
    traces = {t.find("string[@key='concept:name']").get("value"): t for t in document.findall("trace")}
    assert len(traces) == 4
    events = [{a.get("key"): a.get("value") for a in e} for e in traces[stopped].findall("event")]
    assert [e["lifecycle:transition"] for e in events] == ["start", "complete"] * 2
    assert events[0]["org:role"] == events[0]["org:resource"] == "sociaal_team"


def test_filters_by_version_and_period(runs):
    d, _ = runs
    assert len(parse_csv(mining.for_model(d.rt, PROCESS, "csv", OWNER, mining.Period(version=1))[0])) == 4
    today = d.clock.now().date()
    assert parse_csv(mining.for_model(d.rt, PROCESS, "csv", OWNER, mining.Period(until=today.replace(year=2000)))[0]) == {}
    assert len(parse_csv(mining.for_model(d.rt, PROCESS, "csv", OWNER, mining.Period(start=today.replace(year=2000)))[0])) == 4
    with pytest.raises(NotFound):
        mining.for_model(d.rt, PROCESS, "csv", OWNER, mining.Period(version=9))
    with pytest.raises(Invalid):
        mining.for_model(d.rt, PROCESS, "csv", OWNER, mining.Period(start=today, until=today.replace(year=2000)))


def test_only_process_owners_and_auditors_export(runs):
    d, _ = runs
    assert mining.for_model(d.rt, PROCESS, "csv", actor("auditor"))[1] == "text/csv"
    for role in ("sociaal_team", "procesregisseur", "adviestafel"):
        with pytest.raises(Forbidden):
            mining.for_model(d.rt, PROCESS, "csv", actor(role))
    with pytest.raises(Invalid):
        mining.for_model(d.rt, PROCESS, "pdf", OWNER)
