"""The one class of loops the engine does not compact (a loop through a parallel or inclusive join) is
named at deploy and keeps growing, so the depth guard (tests/lifelong/test_no_silent_completion.py)
stops it with an incident, never a silent 'completed'."""
from engine.instances import service as instances
from engine.persistence.tables import ProcessInstance
from engine.process_models import checks
from tests.conftest import actor

WORKER = actor("procesregisseur")


def loop_warnings(result) -> list[dict]:
    """The deploy warnings about loops the engine cannot keep bounded (not the other lint warnings)."""
    return [w for w in result.warnings if w["message"] in (checks.JOIN_IN_LOOP, checks.ENDED_TOKEN_IN_LOOP)]


def _task_count(rt, instance_id: str) -> int:
    with rt.uow() as uow:
        return len(uow.session.get(ProcessInstance, instance_id).state["tasks"])


def _pass(rt, view: dict) -> dict:
    for task in sorted(view["ready_tasks"], key=lambda t: t["element"]):
        view = instances.complete_task(rt, task["id"], {"klaar": False}, WORKER)
    return view


def test_a_loop_through_a_parallel_join_is_named_at_deploy_and_not_compacted(rt, deploy):
    result = deploy("loop_parallel.bpmn", "klaar-schema.json")
    assert [w["element_id"] for w in loop_warnings(result)] == ["samenvoegen"]
    assert "niet ingekort" in loop_warnings(result)[0]["message"]
    view = instances.start(rt, "loop_parallel", {}, WORKER)
    counts = []
    for _ in range(6):
        view = _pass(rt, view)
        assert sorted(t["element"] for t in view["ready_tasks"]) == ["gemeente", "zorg"]
        counts.append(_task_count(rt, view["id"]))
    assert counts == sorted(counts) and counts[-1] > counts[0]  # growing: left as SpiffWorkflow keeps it


def test_a_plain_loop_is_not_warned_about_at_deploy(rt, deploy):
    assert loop_warnings(deploy("loop_plain.bpmn", "loop-evaluatie-schema.json")) == []


def test_a_loop_whose_reminder_ends_on_its_own_is_named_at_deploy(rt, deploy):
    """cycle_raw_loop: a non-interrupting boundary timer on the looping task leads to an end event."""
    result = deploy("cycle_raw_loop.bpmn")
    assert [w["element_id"] for w in loop_warnings(result)] == ["herinnering"]
    assert "eindigt telkens opnieuw een tak apart" in loop_warnings(result)[0]["message"]


def test_an_interrupting_reminder_that_offers_the_task_again_is_not_warned_about(rt, deploy):
    assert loop_warnings(deploy("loop_rich.bpmn", "eng_call_child.bpmn", "loop-evaluatie-schema.json")) == []


def test_an_hourly_non_interrupting_check_that_ends_on_its_own_is_named_at_deploy(rt, deploy):
    result = deploy("audit_hourly_check.bpmn")
    assert [w["element_id"] for w in loop_warnings(result)] == ["elk_uur"]


def test_a_loop_through_a_join_inside_an_embedded_subprocess_is_named_at_deploy_too(deploy):
    result = deploy("loop_parallel_embedded.bpmn", "klaar-schema.json")
    assert [(w["element_id"], w["file"]) for w in loop_warnings(result)] == [
        ("samenvoegen", "loop_parallel_embedded.bpmn")]
