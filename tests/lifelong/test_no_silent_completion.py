"""A loop in one instance grows SpiffWorkflow's task tree until its iterator stops seeing tasks and
the workflow claims to be completed. The engine turns that into an incident, never 'completed'."""
from SpiffWorkflow.bpmn.workflow import BpmnWorkflow
from SpiffWorkflow.spiff.parser.process import SpiffBpmnParser
from SpiffWorkflow.util.task import TaskState

from engine.instances import queries
from engine.instances import service as instances
from engine.spiff import compaction, runner
from tests.conftest import BPMN_DIR, actor

WORKER = actor("procesregisseur")


def test_raw_spiffworkflow_reports_a_never_ending_loop_as_completed():
    parser = SpiffBpmnParser()
    parser.add_bpmn_file(str(BPMN_DIR / "cycle_loop.bpmn"))
    workflow = BpmnWorkflow(parser.get_spec("cycle_loop"))
    workflow.do_engine_steps()
    iterations = 0
    while ready := workflow.get_tasks(state=TaskState.READY, manual=True):
        ready[0].data["klaar"] = False  # the loop never chooses its end event
        ready[0].run()
        workflow.do_engine_steps()
        iterations += 1
    assert runner.tree_depth(workflow) > 1000 and iterations > 90
    assert workflow.is_completed()  # the lie the engine must not pass on
    assert not [t for t in workflow.tasks.values() if t.task_spec.name == "end" and t.state == TaskState.COMPLETED]


def test_the_engine_turns_the_growing_loop_into_an_incident_never_completed(rt, deploy):
    """The safety net behind compaction (tests/compaction): a step run without it still stops the loop."""
    deploy("cycle_loop.bpmn", "klaar-schema.json")
    with compaction.disabled():
        _loop_until_incident(rt)


def _loop_until_incident(rt):
    view = instances.start(rt, "cycle_loop", {}, WORKER)
    statuses = set()
    while view["status"] == "running":
        [task] = view["ready_tasks"]
        view = instances.complete_task(rt, task["id"], {"klaar": False}, WORKER)
        statuses.add(view["status"])
    assert statuses == {"running", "error"}
    assert "taakboom" in view["incident"]["message"] and "chain_to" in view["incident"]["message"]
    assert str(runner.MAX_TREE_DEPTH) in view["incident"]["message"]
    again = instances.retry(rt, view["id"], WORKER)
    assert again["status"] == "error" and again["ready_tasks"] == []
    assert queries.list_instances(rt, WORKER, status="completed").items == []
