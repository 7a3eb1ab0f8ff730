"""The timer scheduler: an APScheduler job that fires what is due, retries failures and sends mail.

It runs as its own process (``levensloop scheduler``) or as a background thread of
``levensloop serve --scheduler``; it never starts by itself (not in tests, not in the Flask test
client). Its first tick runs at start-up, so timers that fell due while nothing ran catch up
at once, in due order. APScheduler only paces the ticks on real time; what is due is decided by
the engine clock (``rt.clock``), which may be the demo clock.
"""
import logging
import os
from dataclasses import dataclass, field
from datetime import timezone

from apscheduler.schedulers.background import BackgroundScheduler
from apscheduler.schedulers.blocking import BlockingScheduler

from engine.clock import SystemClock
from engine.notifications import sender
from engine.timers import firing

log = logging.getLogger(__name__)
DEFAULT_INTERVAL = 10.0  # seconds between ticks
BATCH = 100


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


def build(rt, blocking: bool, interval: float | None = None):
    """An APScheduler scheduler with the tick job; its first run is immediate (catch-up)."""
    scheduler = (BlockingScheduler if blocking else BackgroundScheduler)(timezone=timezone.utc)
    scheduler.add_job(tick, "interval", args=[rt, sender.from_environment()],
                      seconds=interval or interval_from_environment(), id="levensloop-timers",
                      max_instances=1, coalesce=True, next_run_time=SystemClock().now())
    return scheduler
