"""The scheduler sleeps until the earliest due time and is woken by a committing step: a timer due in
2 s fires within 1 s of its due time, with the safety-net interval (60 s) far away. The one timed
assertion the suite allows; on PostgreSQL also when another connection commits the timer (NOTIFY)."""
import threading
from dataclasses import replace
from datetime import datetime, timedelta

import pytest
from apscheduler.events import EVENT_JOB_EXECUTED

from engine.bootstrap import build_runtime
from engine.clock import SystemClock
from engine.instances import service as instances
from engine.timers.scheduler import TimerScheduler
from tests.conftest import ON_POSTGRES, actor
from tests.timers.conftest import stored, trail

SAFETY_INTERVAL = 60


class Running:
    """A started scheduler on real time, counting its ticks; stopped when the test ends."""

    def __init__(self, rt):
        self.service, self.ticks, self.ticked = TimerScheduler(rt, interval=SAFETY_INTERVAL), 0, threading.Event()
        self.service.scheduler.add_listener(self._count, EVENT_JOB_EXECUTED)

    def _count(self, _event):
        self.ticks += 1
        self.ticked.set()

    def next_tick(self, timeout=20):
        assert self.ticked.wait(timeout), "the scheduler did not tick"
        self.ticked.clear()


@pytest.fixture
def live(rt, deploy):
    deploy("timer_moment.bpmn")
    live_rt = replace(rt, clock=SystemClock())
    running = Running(live_rt)
    running.service.start()
    running.next_tick()  # the catch-up tick at start-up: nothing is due yet
    yield live_rt, running
    running.service.shutdown()


def fired_in_time(rt, running, instance_id):
    running.next_tick()
    [event] = [e for e in trail(rt, instance_id) if e.type == "timer_fired"]
    due, fired = (datetime.fromisoformat(event.inputs[k]) for k in ("due", "fired_at"))
    assert stored(rt, instance_id).status == "completed"
    assert timedelta(0) < fired - due <= timedelta(seconds=1), (due, fired)
    assert running.ticks == 2  # start-up and the wake-up: no safety-net tick in between


def start_due_in_two_seconds(rt):
    moment = (SystemClock().now() + timedelta(seconds=2)).isoformat()
    return instances.start(rt, "timer_moment", {"moment": moment}, actor("procesregisseur"))["id"]


def test_a_step_in_this_process_wakes_the_scheduler_for_its_earlier_timer(live):
    rt, running = live
    fired_in_time(rt, running, start_due_in_two_seconds(rt))


def test_the_scheduler_sleeps_until_the_earliest_due_time_it_found(rt, deploy):
    deploy("timer_moment.bpmn")
    live_rt = replace(rt, clock=SystemClock())
    due = SystemClock().now() + timedelta(seconds=30)
    instances.start(live_rt, "timer_moment", {"moment": due.isoformat()}, actor("procesregisseur"))
    running = Running(live_rt)
    running.service.start()
    try:
        running.next_tick()
        planned = running.service.scheduler.get_job("levensloop-timers").next_run_time
        assert due < planned < due + timedelta(seconds=1)  # not the safety net, 60 s after the tick
    finally:
        running.service.shutdown()


@pytest.mark.skipif(not ON_POSTGRES, reason="LISTEN/NOTIFY is PostgreSQL's")
def test_a_step_committed_by_another_connection_wakes_the_scheduler_through_notify(live, database_url):
    rt, running = live
    assert running.service.listener.listening.wait(10)
    other = build_runtime(database_url, clock=SystemClock())  # its own engine, pool and (unheard) alarm
    try:
        fired_in_time(rt, running, start_due_in_two_seconds(other))
    finally:
        other.session_factory.kw["bind"].dispose()
