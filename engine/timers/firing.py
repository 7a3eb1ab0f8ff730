"""Fire due timers exactly once: claim an instance row, run its timer step, commit — one unit of work.

On PostgreSQL the claim is ``SELECT … FOR UPDATE SKIP LOCKED`` in the very transaction that runs
the step, so several schedulers and API workers never fire the same timer twice; the instance's
optimistic ``lock_version`` guards against a concurrent task completion as well. SQLite has no row
locks: run one scheduler per SQLite database. A step that crashes is retried with back-off; after
``MAX_ATTEMPTS`` the instance becomes an incident (status ``error``) and the beheerder is told. A
timer step that ends in an incident (e.g. a failing handler) is retried the same way.
"""
import logging
from dataclasses import dataclass, replace
from datetime import datetime, timedelta

from sqlalchemy import exists, func, select

from engine.audit import trail
from engine.clock import FixedClock
from engine.errors import Conflict
from engine.execution import step as steps
from engine.notifications import outbox
from engine.persistence.tables import ACTIVE_STATUSES, ProcessInstance, TimerRetry
from engine.security.actors import SYSTEM

log = logging.getLogger(__name__)
MAX_ATTEMPTS = 5
FIRST_BACKOFF = timedelta(minutes=1)
MAX_BACKOFF = timedelta(hours=1)


def backoff(attempts: int) -> timedelta:
    """1, 2, 4, 8 … minutes after the n-th failure, at most an hour."""
    return min(FIRST_BACKOFF * 2 ** (attempts - 1), MAX_BACKOFF)


def _waiting_retry(now):
    return exists().where(TimerRetry.instance_id == ProcessInstance.id, TimerRetry.next_attempt_at > now)


def _waiting(now):
    return ProcessInstance.status == "running", ~_waiting_retry(now)


def _due(now):
    return *_waiting(now), ProcessInstance.timer_due < now


def due_ids(session, now: datetime, limit: int) -> list[tuple[str, datetime]]:
    """(instance id, due time) of timers due, oldest first (an index range scan on ``timer_due``)."""
    return [tuple(row) for row in session.execute(
        select(ProcessInstance.id, ProcessInstance.timer_due).where(*_due(now))
        .order_by(ProcessInstance.timer_due, ProcessInstance.id).limit(limit))]


def retry_ids(session, now: datetime, limit: int) -> list[str]:
    """Instances in error after a timer step whose next automatic retry is due."""
    in_error = exists().where(ProcessInstance.id == TimerRetry.instance_id, ProcessInstance.status == "error")
    return list(session.scalars(  # driven by the small retry table, whatever the number of instances
        select(TimerRetry.instance_id).where(TimerRetry.next_attempt_at <= now, in_error)
        .order_by(TimerRetry.next_attempt_at).limit(limit)))


def next_due(session, now: datetime) -> datetime | None:
    """The earliest moment something may fall due: a waiting timer (possibly already past ``now``,
    when a tick at ``now`` could not claim it) or an automatic retry after ``now``."""
    timer = session.scalar(select(ProcessInstance.timer_due)
                           .where(*_waiting(now), ProcessInstance.timer_due.is_not(None))
                           .order_by(ProcessInstance.timer_due).limit(1))
    retry = session.scalar(select(func.min(TimerRetry.next_attempt_at)).where(TimerRetry.next_attempt_at > now))
    return min((moment for moment in (timer, retry) if moment is not None), default=None)


def _claim(session, instance_id: str, conditions) -> ProcessInstance | None:
    return session.scalars(select(ProcessInstance).where(ProcessInstance.id == instance_id, *conditions)
                           .with_for_update(skip_locked=True, of=ProcessInstance)).first()


@dataclass
class Fired:
    outcome: str  # fired | retried | skipped | failed
    incident: bool = False


def fire(rt, instance_id: str, now: datetime) -> Fired:
    """Claim one due instance and fire its timers; ``skipped`` when another worker has it."""
    return _attempt(rt, instance_id, now, _due(now), {"type": "timer"}, "timer_fired")


def retry(rt, instance_id: str, now: datetime) -> Fired:
    """Claim one instance in error with a due automatic retry and retry its failed task."""
    conditions = (ProcessInstance.status == "error",
                  exists().where(TimerRetry.instance_id == ProcessInstance.id, TimerRetry.next_attempt_at <= now))
    return _attempt(rt, instance_id, now, conditions, {"type": "retry"}, "retried")


def _attempt(rt, instance_id, now, conditions, command, event_type) -> Fired:
    clocked = replace(rt, clock=FixedClock(now))  # the event time and ``fired_at`` are one moment
    try:
        with rt.uow() as uow:
            instance = _claim(uow.session, instance_id, conditions)
            if instance is None:
                return Fired("skipped")
            extra = {"due": instance.timer_due.isoformat(), "fired_at": now.isoformat()} \
                if event_type == "timer_fired" else None
            outcome = steps.execute(clocked, uow, instance, command, event_type, SYSTEM, extra_inputs=extra,
                                    notify_incident=False)
            _after_step(uow.session, instance, outcome, now)
            uow.commit()
            return Fired("fired" if event_type == "timer_fired" else "retried", incident=bool(outcome.incident))
    except Conflict:
        return Fired("skipped")  # a concurrent step moved the instance; its new timer_due decides
    except Exception as err:  # noqa: BLE001 — a failing step is retried later, never a crash loop
        log.exception("timer step of instance %s failed", instance_id)
        _record_crash(rt, instance_id, now, err)
        return Fired("failed")


def _after_step(session, instance, outcome, now) -> None:
    """Schedule an automatic retry while a timer step's incident has attempts left; else clear it."""
    pending = session.get(TimerRetry, instance.id)
    if not outcome.incident:
        if pending is not None:
            session.delete(pending)
        return
    attempts = (pending.attempts if pending else 0) + 1
    if attempts >= MAX_ATTEMPTS:
        if pending is not None:
            session.delete(pending)
        outbox.incident(session, instance, outcome.incident["message"], now,
                        outcome.incident.get("element_name") or outcome.incident.get("element"))
        return
    if pending is None:
        pending = TimerRetry(instance_id=instance.id)
        session.add(pending)
    pending.attempts, pending.next_attempt_at = attempts, now + backoff(attempts)
    pending.last_error = outcome.incident["message"]


def _record_crash(rt, instance_id: str, now: datetime, err: Exception) -> None:
    """Count a crashed attempt (the step itself was rolled back); the last one becomes an incident."""
    message = f"fout van het soort {type(err).__name__}"  # its text may hold data: the log has it
    with rt.uow() as uow:
        instance = uow.session.scalars(select(ProcessInstance).where(ProcessInstance.id == instance_id)
                                       .with_for_update(of=ProcessInstance)).first()
        if instance is None or instance.status not in ACTIVE_STATUSES:
            return
        pending = uow.session.get(TimerRetry, instance_id)
        attempts = (pending.attempts if pending else 0) + 1
        if attempts < MAX_ATTEMPTS:
            if pending is None:
                pending = TimerRetry(instance_id=instance_id)
                uow.session.add(pending)
            pending.attempts, pending.next_attempt_at, pending.last_error = attempts, now + backoff(attempts), message
        else:
            if pending is not None:
                uow.session.delete(pending)
            _raise_incident(uow, instance, f"Termijn kon na {attempts} pogingen niet afgaan: {message}", now)
        uow.commit()


def _raise_incident(uow, instance, message: str, now) -> None:
    """Put the instance in error without changing its workflow state, recorded on its chain."""
    instance.status, instance.incident_message, instance.incident_element = "error", message, None
    instance.updated_at = now
    uow.flush()
    last = trail.last_event(uow.session, instance.id)  # the state is unchanged: so is its hash
    trail.append_to_instance(uow.session, instance, "incident", SYSTEM.username, now,
                             {"element": None, "message": message}, last.state_hash, last.state_hash_version)
    outbox.incident(uow.session, instance, message, now)
