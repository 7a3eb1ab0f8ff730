"""The scheduler tick: exactly one audited firing per due timer, catch-up in due order, and failing
timer steps retried with back-off until they become a visible incident — never a crash."""
from datetime import timedelta

from engine.instances import queries
from engine.instances import service as instances
from engine.notifications import outbox
from engine.persistence.tables import TimerRetry
from engine.security.actors import SYSTEM
from engine.spiff import compaction
from engine.timers import firing as timer_firing
from handlers.context import HandlerError
from tests.conftest import actor
from tests.timers.conftest import stored, trail

WORKER = actor("procesregisseur")


def fired_events(rt, instance_id):
    return [e for e in trail(rt, instance_id) if e.type == "timer_fired"]


def test_a_due_timer_fires_once_with_its_due_and_firing_time(rt, deploy, clock, tick):
    deploy("timer_boundary.bpmn")
    instance = instances.start(rt, "timer_boundary", {}, WORKER)["id"]
    due = stored(rt, instance).timer_due
    clock.set(due + timedelta(hours=5))
    report = tick()
    assert (report.fired, report.failed) == (1, 0)
    assert tick().fired == 0  # nothing left: the next timer is days away
    [event] = fired_events(rt, instance)
    assert event.inputs == compaction.mark({"type": "timer", "due": due.isoformat(), "fired_at": clock.now().isoformat()})
    assert event.at == clock.now()


def test_catch_up_after_a_30_day_outage_fires_every_overdue_timer_once_in_due_order(rt, deploy, clock, tick):
    deploy("timer_boundary.bpmn", "timer_date.bpmn")
    started = [instances.start(rt, "timer_date", {}, WORKER)["id"]]  # due last, though started first
    for _ in range(3):
        clock.advance(timedelta(hours=7))
        started.append(instances.start(rt, "timer_boundary", {}, WORKER)["id"])
    clock.advance(timedelta(days=30))
    outage_end = clock.now()
    assert tick().fired == 4  # one step per instance fires all its overdue timers
    assert tick().fired == 0
    firings = sorted((e.id, e.inputs["due"], e.chain) for i in started for e in fired_events(rt, i))
    assert [chain for *_, chain in firings] == started[1:] + started[:1]  # in due order
    assert [due for _, due, _ in firings] == sorted(due for _, due, _ in firings)
    for chain in started:
        [event] = fired_events(rt, chain)
        assert event.inputs["fired_at"] == outage_end.isoformat() > event.inputs["due"]
        assert stored(rt, chain).timer_due is None
    tasks = instances_ready(rt, started[1])
    assert tasks == ["escalatie", "herinnering"]  # the reminder and the escalation both happened


def instances_ready(rt, instance_id):
    view = queries.get_instance(rt, instance_id, actor("procesregisseur", "coordinator"))
    return sorted(t["element"] for t in view["ready_tasks"])


def test_a_crashing_timer_step_is_retried_with_back_off_then_becomes_an_incident(rt, deploy, clock, tick,
                                                                                 monkeypatch, caplog):
    deploy("timer_date.bpmn")
    instance = instances.start(rt, "timer_date", {}, WORKER)["id"]
    clock.set(stored(rt, instance).timer_due + timedelta(seconds=1))

    def crash(*_args, **_kwargs):
        raise RuntimeError("database weg")

    monkeypatch.setattr(timer_firing.steps, "execute", crash)
    waits = []
    for attempt in range(1, timer_firing.MAX_ATTEMPTS):
        assert tick().failed == 1
        with rt.uow() as uow:
            retry = uow.session.get(TimerRetry, instance)
            # the exception's text may hold data: only its kind is stored, the text is in the log
            assert retry.attempts == attempt and retry.last_error == "fout van het soort RuntimeError"
            waits.append(retry.next_attempt_at - clock.now())
        assert stored(rt, instance).status == "running"
        assert tick().failed == 0  # backing off: not tried again at once
        clock.advance(waits[-1])
    assert waits == [timedelta(minutes=m) for m in (1, 2, 4, 8)]
    assert tick().failed == 1
    row = stored(rt, instance)
    assert row.status == "error" and "na 5 pogingen" in row.incident_message
    assert "database weg" not in row.incident_message
    assert any(instance in r.getMessage() and "database weg" in r.exc_text for r in caplog.records if r.exc_text)
    assert [e.type for e in trail(rt, instance)] == ["started", "incident"]
    assert [n["kind"] for n in outbox.for_actor(rt, actor("beheerder")).items] == ["incident"]
    clock.advance(timedelta(days=1))
    assert tick().failed == 0  # an incident waits for a person, it is not retried forever

    monkeypatch.undo()
    instances.retry(rt, instance, actor("procesregisseur"))
    tick()
    assert stored(rt, instance).status == "completed", (stored(rt, instance).timer_due, tick())


def test_a_timer_step_that_ends_in_an_incident_is_retried_automatically(rt, deploy, clock, tick):
    calls = []

    def flaky(ctx):
        calls.append(ctx.now)
        if len(calls) < 3:
            raise HandlerError("dienst niet bereikbaar")
        return "ok"

    rt.handlers["timer_flaky"] = flaky
    deploy("timer_then_service.bpmn")
    instance = instances.start(rt, "timer_then_service", {}, WORKER)["id"]
    clock.advance(timedelta(days=1, seconds=1))
    assert tick().fired == 1
    assert stored(rt, instance).status == "error"  # visible as an incident meanwhile
    assert tick().retried == 0
    clock.advance(timedelta(minutes=1))
    assert tick().retried == 1 and stored(rt, instance).status == "error"
    clock.advance(timedelta(minutes=2))
    assert tick().retried == 1
    assert stored(rt, instance).status == "completed"
    assert [e.type for e in trail(rt, instance)] == [
        "started", "timer_fired", "incident", "retried", "incident", "retried"]
    with rt.uow() as uow:
        assert uow.session.get(TimerRetry, instance) is None


def test_the_system_actor_records_scheduler_steps(rt, deploy, clock, tick):
    deploy("timer_date.bpmn")
    instance = instances.start(rt, "timer_date", {}, WORKER)["id"]
    clock.set(stored(rt, instance).timer_due + timedelta(seconds=1))
    tick()
    assert fired_events(rt, instance)[0].actor == SYSTEM.username
