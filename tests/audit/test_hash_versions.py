"""Hash version 2 covers what a workflow holds — its data, each task's element, state and tree
position, its process version — not how SpiffWorkflow writes it down, so a new serialization layout
keeps every recorded hash; version 1, over the library's own serialization, did not."""
from SpiffWorkflow.bpmn.serializer.default.workflow import SimpleTaskConverter
from SpiffWorkflow.bpmn.serializer.workflow import BpmnWorkflowSerializer
from SpiffWorkflow.spiff.serializer.config import SPIFF_CONFIG
from SpiffWorkflow.spiff.specs.defaults import BusinessRuleTask
from SpiffWorkflow.task import Task
from SpiffWorkflow.util.task import TaskState

from engine.audit import trail
from engine.execution import stored_state
from engine.instances import service as instances
from engine.persistence.tables import ProcessInstance
from engine.spiff import canonical, hash_versions, serialization
from engine.spiff.decision_tasks import DecisionTaskConverter
from tests.audit.conftest import AANMELDER, START_DATA, complete, refer

#: SpiffWorkflow's serializer with another layout of the same workflow: every task's full data
#: instead of its changes against its parent.
FULL_DATA_SERIALIZER = BpmnWorkflowSerializer(BpmnWorkflowSerializer.configure(
    {**SPIFF_CONFIG, BusinessRuleTask: DecisionTaskConverter, Task: SimpleTaskConverter}))


def running_instance(rt, deploy) -> str:
    deploy("audit_scenario.bpmn", "audit-scenario-schema.json")
    view = instances.start(rt, "audit_scenario", dict(START_DATA), AANMELDER)
    refer(rt, view["id"])
    complete(rt, view, "intake", {"spoed": True}, AANMELDER)
    return view["id"]


def loaded(rt, instance_id: str):
    """The workflow, its process version id and the last event's (hash version, state hash)."""
    with rt.uow() as uow:
        instance = uow.session.get(ProcessInstance, instance_id)
        last = trail.last_event(uow.session, instance_id)
        return (stored_state.load(rt, uow.session, instance, None), instance.process_version_id,
                (last.state_hash_version, last.state_hash))


def test_a_new_serialization_layout_keeps_the_v2_hash_and_changed_the_v1_hash(rt, deploy, outside):
    workflow, version_id, (hash_version, recorded) = loaded(rt, running_instance(rt, deploy))
    assert (hash_version, recorded) == (hash_versions.V2, hash_versions.hash_v2(workflow, version_id))
    usual = serialization.serializer().to_dict(workflow)
    relaid = FULL_DATA_SERIALIZER.to_dict(workflow)
    assert relaid["tasks"] != usual["tasks"]
    again = FULL_DATA_SERIALIZER.from_dict(FULL_DATA_SERIALIZER.to_dict(workflow))
    assert hash_versions.hash_v2(again, version_id) == recorded
    version_key = {serialization.serializer().VERSION_KEY: serialization.serializer().VERSION}
    assert canonical.state_hash({**relaid, **version_key}) != canonical.state_hash({**usual, **version_key})


def test_the_v2_hash_covers_the_data_the_task_states_and_the_version(rt, deploy, outside):
    workflow, version_id, (_, recorded) = loaded(rt, running_instance(rt, deploy))
    assert hash_versions.hash_v2(workflow, version_id + 1) != recorded
    task = workflow.last_task
    task.data["toegevoegd"] = "anders"
    assert hash_versions.hash_v2(workflow, version_id) != recorded
    del task.data["toegevoegd"]
    assert hash_versions.hash_v2(workflow, version_id) == recorded
    waiting = workflow.get_tasks(state=TaskState.WAITING)[0]
    waiting.cancel()
    assert hash_versions.hash_v2(workflow, version_id) != recorded
