"""A loop through an interrupting boundary timer that offers the task again, a parallel multi-instance task, a call activity
and a message catch: with compaction the same as without, and bounded over many passes."""
import json
from datetime import timedelta

from engine.audit import replay
from engine.instances import service as instances
from engine.persistence.tables import ProcessInstance
from engine.spiff import compaction
from engine.timers import firing
from tests.compaction import drive
from tests.scenarios.conftest import AUDITOR

MODELS = ("loop_rich.bpmn", "eng_call_child.bpmn", "loop-evaluatie-schema.json")


def _pass(rt, clock, view: dict, number: int, close: bool = False) -> list[dict]:
    """One round: a week passes (the reminder fires), evaluate, the subprocess's task, the signal."""
    instance_id, seen = view["id"], []
    clock.advance(timedelta(days=8))
    fired = firing.fire(rt, instance_id, clock.now())
    seen.append({**drive.snapshot(rt, instance_id, "timer"), "fired": fired.outcome})
    [task] = [t for t in instances_ready(rt, instance_id) if t["element"] == "evalueren"]
    instances.complete_task(rt, task["id"], {"afsluiten": close, "toelichting": f"ronde {number}"}, drive.EVERYONE)
    seen.append(drive.snapshot(rt, instance_id, "evalueren"))
    if close:
        return seen
    assert len(instances_ready(rt, instance_id)) == 1, seen
    [child] = instances_ready(rt, instance_id)
    instances.complete_task(rt, child["id"], {}, drive.EVERYONE)
    seen.append(drive.snapshot(rt, instance_id, child["element"]))
    instances.deliver_message(rt, "loop_signaal", {}, drive.EVERYONE, instance_id=instance_id)
    seen.append(drive.snapshot(rt, instance_id, "signaal"))
    return seen


def instances_ready(rt, instance_id: str) -> list[dict]:
    return drive.queries.get_instance(rt, instance_id, drive.EVERYONE)["ready_tasks"]


def _run(rt, clock, passes: int, sizes: dict | None = None) -> tuple[str, list[dict]]:
    clock.set(drive.START)
    view = instances.start(rt, "loop_rich", {}, drive.EVERYONE)
    seen = [drive.snapshot(rt, view["id"], "start")]
    for number in range(1, passes + 1):
        seen += _pass(rt, clock, view, number)
        if sizes is not None and number in sizes:
            with rt.uow() as uow:
                sizes[number] = len(json.dumps(uow.session.get(ProcessInstance, view["id"]).state))
    seen += _pass(rt, clock, view, passes + 1, close=True)
    return view["id"], seen


def test_the_rich_loop_behaves_the_same_with_compaction(rt, clock, deploy):
    deploy(*MODELS)
    compacted_id, compacted = _run(rt, clock, 6)
    with compaction.disabled():
        plain_id, plain = _run(rt, clock, 6)
    assert compacted == plain
    last = compacted[-1]
    assert last["status"] == "completed" and last["data"]["rondes"] == 6
    assert [s["fired"] for s in compacted if s["action"] == "timer"] == ["fired"] * 7  # the weekly reminder
    assert last["data"]["herinneringen"] == 7
    assert last["data"]["input_value"] == 2 ** 6  # the subprocess doubled it each pass
    assert last["data"]["vorige_bijdragen"] == ["GGNet ronde 6", "Politie ronde 6"]
    for instance_id in (compacted_id, plain_id):
        assert replay.replay(rt, instance_id, AUDITOR)["status"] == "verified"


def test_the_rich_loop_stays_bounded_over_many_passes(rt, clock, deploy):
    deploy(*MODELS)
    sizes = {20: None, 150: None}
    instance_id, seen = _run(rt, clock, 150, sizes)
    assert {s["status"] for s in seen[:-1]} == {"running"} and seen[-1]["status"] == "completed"
    assert sizes[150] < 1.5 * sizes[20], sizes
    assert replay.replay(rt, instance_id, AUDITOR)["status"] == "verified"
