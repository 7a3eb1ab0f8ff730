"""The natural BPMN loop (evaluate, adjust, evaluate again) in one instance: a thousand passes with no
incident, never 'completed' while the loop is open, a stored state that stays the same size, a
diagram that still shows what was done, and a trail that replays verified."""
import json

from engine.audit import replay
from engine.execution import stored_state
from engine.instances import service as instances
from engine.persistence.tables import ProcessInstance
from tests.conftest import actor
from tests.scenarios.conftest import AUDITOR

WORKER = actor("procesregisseur")
PASSES = 1000


def _state(rt, instance_id: str) -> dict:
    with rt.uow() as uow:
        return uow.session.get(ProcessInstance, instance_id).state


def test_a_plain_loop_runs_a_thousand_passes_in_one_instance(rt, deploy):
    deploy("loop_plain.bpmn", "loop-evaluatie-schema.json")
    view = instances.start(rt, "loop_plain", {}, WORKER)
    sizes, statuses = {}, set()
    for number in range(1, PASSES + 1):
        [task] = view["ready_tasks"]
        assert task["element"] == "evalueren"
        view = instances.complete_task(rt, task["id"], {"afsluiten": False, "toelichting": f"ronde {number}"}, WORKER)
        statuses.add(view["status"])
        if number in (50, PASSES):
            sizes[number] = len(json.dumps(_state(rt, view["id"])))
    assert statuses == {"running"} and view["incident"] is None
    assert view["data"]["rondes"] == PASSES and view["data"]["toelichting"] == f"ronde {PASSES}"
    assert sizes[PASSES] < 1.5 * sizes[50], sizes
    with rt.uow() as uow:
        markers = stored_state.element_markers(rt, uow.session, uow.session.get(ProcessInstance, view["id"]))
    assert {"start", "voorbereiden", "verder", "bijstellen"} <= set(markers["completed"])
    assert markers["current"] == ["evalueren"]
    [task] = view["ready_tasks"]
    view = instances.complete_task(rt, task["id"], {"afsluiten": True}, WORKER)
    assert view["status"] == "completed" and view["data"]["rondes"] == PASSES
    result = replay.replay(rt, view["id"], AUDITOR)
    assert result["status"] == "verified" and result["replayed"] == result["events"] == PASSES + 2, result
