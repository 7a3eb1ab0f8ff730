"""Which elements a diagram highlights, read from stored workflow state."""
from engine.execution import stored_state
from engine.instances import service as instances
from engine.persistence.tables import ProcessInstance
from engine.spiff import diagrams
from tests.conftest import actor, bpmn_files

WORKER = actor("aanmelder")


def markers_of(rt, instance_id):
    with rt.uow() as uow:
        return stored_state.element_markers(rt, uow.session, uow.session.get(ProcessInstance, instance_id))


def test_ready_task_is_current_and_start_completed(rt, deploy):
    deploy("web_form_task.bpmn", "gegevens-schema.json")
    case = instances.start(rt, "web_form_task", {}, WORKER)
    assert markers_of(rt, case["id"]) == {
        "completed": ["web_start"], "current": ["web_fill"], "timers": []}


def test_boundary_timers_wait_beside_the_current_task(rt, deploy):
    deploy("eng_boundary_timer.bpmn")
    case = instances.start(rt, "eng_boundary_timer", {}, WORKER)
    found = markers_of(rt, case["id"])
    assert found["current"] == ["wait"]
    assert found["timers"] == ["deadline_timer", "reminder_timer"]


def test_process_xml_picks_the_file_defining_the_process():
    files = {**bpmn_files("eng_call_parent.bpmn", "eng_call_child.bpmn"), "form.json": "{}"}
    assert diagrams.process_xml(files, "eng_call_child") == files["eng_call_child.bpmn"]
    assert diagrams.process_xml(files, "bestaat_niet") is None
