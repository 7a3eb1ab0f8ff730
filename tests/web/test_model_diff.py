"""The difference between two model versions as flow nodes, and which instances run which version."""
import pytest

from engine.errors import Forbidden
from engine.instances import service as instances
from engine.process_models import diff, usage
from engine.process_models import service as model_service
from tests.conftest import OWNER, actor, bpmn_files

MODEL = "web_form_task.bpmn"
V1 = bpmn_files(MODEL)[MODEL]


def second_version(xml: str = V1) -> str:
    """Renamed task, longer timer, a different end event: what a process owner changes."""
    return (xml.replace('name="Gegevens invullen"', 'name="Gegevens aanvullen"')
               .replace('"P7D"', '"P14D"')
               .replace('id="web_end" name="Klaar"', 'id="web_einde" name="Afgerond"')
               .replace('targetRef="web_end"', 'targetRef="web_einde"')
               .replace('bpmnElement="web_end"', 'bpmnElement="web_einde"'))


def test_added_removed_and_changed_nodes_by_id_and_name():
    found = diff.diff(V1, second_version(), "web_form_task")
    assert found["added"] == [{"id": "web_einde", "name": "Afgerond", "type": "endEvent", "lane": None}]
    assert found["removed"] == [{"id": "web_end", "name": "Klaar", "type": "endEvent", "lane": "aanmelder"}]
    assert {c["id"]: c["aspects"] for c in found["changed"]} == {
        "web_fill": ["naam"], "web_wait": ["uitgaande stromen", "instellingen"]}


def test_layout_only_changes_nothing():
    moved = V1.replace('<dc:Bounds x="290" y="120"', '<dc:Bounds x="300" y="140"')
    assert diff.diff(V1, moved, "web_form_task") == {"added": [], "removed": [], "changed": []}


@pytest.mark.parametrize("old, new, aspect", [
    ('<bpmn:flowNodeRef>web_fill</bpmn:flowNodeRef>', "", "rol"),
    ('value="gegevens-schema.json"', 'value="ander-schema.json"', "instellingen"),
    ('<bpmn:userTask id="web_fill"', '<bpmn:manualTask id="web_fill"', "soort"),
])
def test_each_kind_of_change_is_named(old, new, aspect):
    changed = V1.replace(old, new)
    if "manualTask" in new:
        changed = changed.replace("</bpmn:userTask>", "</bpmn:manualTask>")
    found = diff.diff(V1, changed, "web_form_task")["changed"]
    assert [(c["id"], c["aspects"]) for c in found] == [("web_fill", [aspect])]


def test_compare_reads_two_deployed_versions(rt):
    model_service.deploy(rt, bpmn_files(MODEL, "gegevens-schema.json"), OWNER)
    model_service.deploy(rt, {MODEL: second_version(), "gegevens-schema.json": bpmn_files("gegevens-schema.json")
                              ["gegevens-schema.json"]}, OWNER)
    found = model_service.compare(rt, "web_form_task", 1, 2)
    assert (found["from"], found["to"]) == (1, 2)
    assert [n["id"] for n in found["added"]] == ["web_einde"]


def test_usage_lists_instances_per_version(rt):
    model_service.deploy(rt, bpmn_files(MODEL, "gegevens-schema.json"), OWNER)
    old = instances.start(rt, "web_form_task", {}, actor("aanmelder"))
    model_service.deploy(rt, {MODEL: second_version(), "gegevens-schema.json": bpmn_files("gegevens-schema.json")
                              ["gegevens-schema.json"]}, OWNER)
    new = instances.start(rt, "web_form_task", {}, actor("aanmelder"))
    found = usage.usage(rt, "web_form_task", OWNER)
    assert [(v["version"], [i["id"] for i in v["instances"]]) for v in found] == [(2, [new["id"]]), (1, [old["id"]])]
    assert found[1]["instances"][0]["casus"] is None and found[1]["counts"] == {"running": 1}  # no casus


def test_usage_is_not_for_workers(rt):
    with pytest.raises(Forbidden):
        usage.usage(rt, "web_form_task", actor("aanmelder"))
