"""The timer scheduler: an APScheduler job that fires what is due, retries failures and sends mail.

It runs as its own process (``levensloop scheduler``) or as a background thread of
``levensloop serve --scheduler``; it never starts by itself (not in tests, not in the Flask test
client). Its first tick runs at start-up, so timers that fell due while nothing ran catch up
at once, in due order; then it sleeps until the earliest due time. APScheduler only paces the
ticks on real time; what is due is decided by the engine clock (``rt.clock``), which may be the
demo clock.
"""
import logging
import os
import threading
from dataclasses import dataclass, field
from datetime import datetime, timedelta, timezone

from apscheduler.executors.pool import ThreadPoolExecutor
from apscheduler.schedulers.background import BackgroundScheduler

from engine.clock import SystemClock
from engine.notifications import sender
from engine.timers import firing
from engine.timers.listener import NotifyListener

log = logging.getLogger(__name__)
DEFAULT_INTERVAL = 10.0  # seconds: the safety net between ticks when nothing falls due sooner
BATCH = 100
JOB_ID = "levensloop-timers"
PAST_DUE = timedelta(milliseconds=5)  # a timer fires once the clock is *past* its due time
RECHECK = timedelta(seconds=1)


@dataclass
class TickReport:
    fired: int = 0
    retried: int = 0
    skipped: int = 0
    failed: int = 0
    delivered: int = 0
    fired_ids: list[str] = field(default_factory=list)


def tick(rt, smtp: sender.SmtpConfig | None = None, batch: int = BATCH) -> TickReport:
    """Fire every due timer (oldest due first, each in its own unit of work), then due retries and mail.

    An instance comes back within one tick only when its timer moved (a cycle catching up); one
    that fired without moving is left for the next tick, so a tick always ends.
    """
    now, report, attempted = rt.clock.now(), TickReport(), set()
    while True:
        with rt.uow() as uow:
            due = [(i, d) for i, d in firing.due_ids(uow.session, now, batch + len(attempted))
                   if (i, d) not in attempted][:batch]
        if not due:
            break
        attempted.update(due)
        for instance_id, _ in due:
            result = firing.fire(rt, instance_id, now)
            _count(report, result)
            if result.outcome == "fired":
                report.fired_ids.append(instance_id)
    with rt.uow() as uow:
        retry_ids = firing.retry_ids(uow.session, now, batch)
    for instance_id in retry_ids:
        _count(report, firing.retry(rt, instance_id, now))
    if smtp is not None:
        report.delivered = sender.deliver_pending(rt, smtp, now)
    if report.fired or report.retried or report.failed:
        log.info("tick at %s: %s", now.isoformat(), report)
    return report


def _count(report: TickReport, result: firing.Fired) -> None:
    setattr(report, result.outcome, getattr(report, result.outcome) + 1)


def interval_from_environment() -> float:
    return float(os.environ.get("LEVENSLOOP_SCHEDULER_INTERVAL", DEFAULT_INTERVAL))


class TimerScheduler:
    """The tick as an APScheduler job, run at the earliest due time rather than on a fixed beat.

    The first run is immediate (catch-up). After each tick the job is moved to the earliest waiting
    due time; the interval trigger stays as a safety net (a missed notification, the demo clock
    moved by another process). ``wake`` moves it earlier when a step commits an earlier due time —
    rung in-process by the runtime's alarm and, on PostgreSQL, from other processes by LISTEN/NOTIFY.
    One worker thread runs the ticks one after another; a run that falls due during a tick waits for
    it (``max_instances=2``) instead of being dropped.
    """

    def __init__(self, rt, interval: float | None = None, smtp: sender.SmtpConfig | None = None):
        self._rt, self._smtp = rt, smtp
        self._lock = threading.Lock()
        self.scheduler = BackgroundScheduler(timezone=timezone.utc, executors={"default": ThreadPoolExecutor(1)})
        self.scheduler.add_job(self._run, "interval", seconds=interval or interval_from_environment(), id=JOB_ID,
                               max_instances=2, coalesce=True, misfire_grace_time=None,
                               next_run_time=SystemClock().now())
        bind = rt.session_factory.kw["bind"]
        self.listener = NotifyListener(bind.url, rt.alarm) if bind.dialect.name == "postgresql" else None

    def start(self) -> None:
        self._rt.alarm.subscribe(self.wake)
        if self.listener is not None:
            self.listener.start()
        self.scheduler.start()

    def shutdown(self) -> None:
        """Stop waking, let a running tick finish its unit of work, then stop."""
        self._rt.alarm.unsubscribe(self.wake)
        if self.listener is not None:
            self.listener.stop()
        self.scheduler.shutdown(wait=True)

    def wake(self, due: datetime) -> None:
        """Run the tick just after ``due`` (engine time), unless it will run sooner anyway."""
        at = SystemClock().now() + (due - self._rt.clock.now()) + PAST_DUE
        with self._lock:
            job = self.scheduler.get_job(JOB_ID)
            if job is not None and job.next_run_time is not None and at < job.next_run_time:
                self.scheduler.modify_job(JOB_ID, next_run_time=at)

    def _run(self) -> TickReport:
        started = self._rt.clock.now()
        report = tick(self._rt, self._smtp)
        with self._rt.uow() as uow:
            due = firing.next_due(uow.session, started)
        if due is not None:  # a due time before ``started`` was one this tick could not claim: look again soon
            self.wake(due if due >= started else self._rt.clock.now() + RECHECK)
        return report
