"""Each kind of BPMN timer, fired by the scheduler on the simulated clock (one small model each)."""
from datetime import datetime, timedelta, timezone

from engine.instances import queries
from engine.instances import service as instances
from tests.conftest import actor
from tests.timers.conftest import stored, trail

WORKER = actor("procesregisseur", "coordinator", "casemanager_zorg")


def ready(rt, instance_id) -> list[str]:
    return sorted(t["element"] for t in queries.get_instance(rt, instance_id, WORKER)["ready_tasks"])


def test_non_interrupting_then_interrupting_boundary_timer(rt, deploy, clock, tick):
    deploy("timer_boundary.bpmn")
    start = clock.now()
    instance = instances.start(rt, "timer_boundary", {}, WORKER)["id"]
    assert stored(rt, instance).timer_due == start + timedelta(days=3)
    clock.advance(timedelta(days=3, seconds=1))
    assert tick().fired == 1
    assert ready(rt, instance) == ["herinnering", "plan"]  # the reminder comes next to the task
    assert stored(rt, instance).timer_due == start + timedelta(days=10)
    clock.advance(timedelta(days=7))
    assert tick().fired == 1
    assert ready(rt, instance) == ["escalatie", "herinnering"]  # the escalation replaces the task
    assert stored(rt, instance).timer_due is None


def test_intermediate_timer_on_an_iso_date(rt, deploy, clock, tick):
    deploy("timer_date.bpmn")
    view = instances.start(rt, "timer_date", {}, WORKER)
    due = datetime(2027, 2, 1, 8, 0, tzinfo=timezone.utc)
    assert stored(rt, view["id"]).timer_due == due
    clock.set(due)
    assert tick().fired == 0
    clock.advance(timedelta(seconds=1))
    assert tick().fired == 1
    assert stored(rt, view["id"]).status == "completed"


def test_cycle_timer_fires_each_occurrence_and_moves_the_due_time(rt, deploy, clock, tick):
    deploy("timer_cycle.bpmn")
    instance = instances.start(rt, "timer_cycle", {}, WORKER)["id"]
    first = datetime(2027, 2, 1, 9, 0, tzinfo=timezone.utc)
    # SpiffWorkflow turns P1M into the length of the first month (February 2027: 28 days) once
    dues = [first, first + timedelta(days=28), first + timedelta(days=56)]
    assert stored(rt, instance).timer_due == dues[0]
    for count, due in enumerate(dues, start=1):
        assert stored(rt, instance).timer_due == due
        clock.set(due + timedelta(seconds=1))
        assert tick().fired == 1
        assert ready(rt, instance) == ["contact"] * count + ["monitoren"]
    assert stored(rt, instance).timer_due is None  # R3: three occurrences, then done


def test_timer_on_a_business_day_date_computed_by_a_handler(rt, deploy, clock, tick):
    deploy("timer_computed.bpmn")
    view = instances.start(rt, "timer_computed", {}, WORKER)
    deadline = datetime.fromisoformat(view["data"]["termijnen"]["plan_procesregisseur"])
    assert deadline.weekday() < 5 and deadline > clock.now() + timedelta(days=20)
    assert stored(rt, view["id"]).timer_due == deadline
    clock.set(deadline + timedelta(seconds=1))
    assert tick().fired == 1
    assert stored(rt, view["id"]).status == "completed"


def test_computed_expression_that_is_not_a_date_is_an_incident_naming_element_and_expression(rt, deploy, caplog):
    deploy("timer_bad_expression.bpmn")
    view = instances.start(rt, "timer_bad_expression", {"uitstel_tot": "na de zomer"}, WORKER)
    row = stored(rt, view["id"])
    assert row.status == "error"
    assert row.incident_element == "wacht_uitstel"
    assert "uitstel_tot" in row.incident_message and "na de zomer" not in row.incident_message
    assert any(view["id"] in r.getMessage() and "na de zomer" in r.getMessage() for r in caplog.records)
    assert [e.type for e in trail(rt, view["id"])] == ["started", "incident"]
