"""The decision replay rests on: state hashes are taken over a canonical form in which
SpiffWorkflow's random task UUIDs become depth-first positions and wall-clock stamps are dropped,
and a completed task is recorded by that position as well as by its UUID."""
from uuid import UUID

from engine.audit import replay, trail
from engine.instances import service as instances
from engine.persistence.tables import ProcessInstance
from engine.spiff.canonical import canonical_state, task_positions
from tests.audit.conftest import AANMELDER, START_DATA, complete


def stored(rt, instance_id):
    """The stored state and the (state_hash, inputs) of each event."""
    with rt.uow() as uow:
        instance = uow.session.get(ProcessInstance, instance_id)
        return instance.state, [(e.state_hash, e.inputs) for e in trail.events_of(uow.session, instance_id)]


def test_same_inputs_at_the_same_time_give_the_same_hash_despite_random_task_ids(rt, deploy, outside):
    deploy("audit_scenario.bpmn", "audit-scenario-schema.json")
    first = instances.start(rt, "audit_scenario", dict(START_DATA), AANMELDER)
    second = instances.start(rt, "audit_scenario", dict(START_DATA), AANMELDER)
    (state_1, [(hash_1, _)]), (state_2, [(hash_2, _)]) = stored(rt, first["id"]), stored(rt, second["id"])
    assert set(state_1["tasks"]) != set(state_2["tasks"])  # SpiffWorkflow picked different UUIDs
    assert hash_1 == hash_2
    assert canonical_state(state_1) == canonical_state(state_2)
    assert "last_state_change" not in str(canonical_state(state_1))


def test_a_completed_task_is_recorded_by_its_canonical_position(rt, deploy, outside):
    deploy("audit_scenario.bpmn", "audit-scenario-schema.json")
    view = instances.start(rt, "audit_scenario", dict(START_DATA), AANMELDER)
    state_before, _ = stored(rt, view["id"])
    task_id = view["ready_tasks"][0]["id"]
    complete(rt, view, "intake", {"spoed": True}, AANMELDER)
    _, [_, (_, inputs)] = stored(rt, view["id"])
    assert (inputs["task_id"], inputs["task_position"]) == (task_id, task_positions(state_before)[task_id])

    with rt.uow() as uow:  # in a replay the position finds the same task under another UUID
        replayed = replay.replay_events(rt, uow.session, view["id"], trail.events_of(uow.session, view["id"])[:1])
    by_position = {p: t for t, p in task_positions(replayed.state).items()}
    replay_task = replayed.workflow.get_task_from_id(UUID(by_position[inputs["task_position"]]))
    assert replay_task.task_spec.bpmn_id == "intake"
    assert str(replay_task.id) != task_id
