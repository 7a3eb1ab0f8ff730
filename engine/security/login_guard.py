"""Lock out password guessing: per (account, client address), and more slowly per account over all clients.

Every attempt is counted *before* its password is checked, with one atomic
``INSERT … ON CONFLICT DO UPDATE … RETURNING`` per counter (the same statement on SQLite and PostgreSQL),
committed at once. So N parallel guesses from one client get at most ``MAX_FAILURES`` checks, and two first
failures never collide on the key. Counting per client means a stranger who guesses locks out only
themselves; the account-wide counter (``GLOBAL_MAX_FAILURES``) stops guessing spread over many addresses.
A success resets both counters; an expired lock starts the count afresh.
"""
from datetime import timedelta

from sqlalchemy import and_, case, delete, literal, update
from sqlalchemy.dialects import postgresql, sqlite

from engine.errors import Locked
from engine.persistence.tables import LoginFailure, UTCDateTime

MAX_FAILURES = 5  # in a row, from one client address
GLOBAL_MAX_FAILURES = 25  # in a row, from all client addresses together
LOCK_DURATION = timedelta(minutes=15)
ALL_CLIENTS = "*"

_INSERT = {"postgresql": postgresql.insert, "sqlite": sqlite.insert}
_TABLE = LoginFailure.__table__


def _counters(client: str) -> tuple[tuple[str, int], ...]:
    return (client, MAX_FAILURES), (ALL_CLIENTS, GLOBAL_MAX_FAILURES)


def claim(session, username: str, client: str, now) -> Locked | None:
    """Count one attempt; the refusal to raise (after the caller commits the count) if it may not be checked."""
    for key, limit in _counters(client):
        locked_until = _count_attempt(session, username, key, limit, now)
        if locked_until is not None and locked_until > now:
            until = locked_until.astimezone().strftime("%H:%M")
            return Locked(f"Te veel mislukte inlogpogingen; probeer het na {until} opnieuw.")
    return None


def _count_attempt(session, username: str, client: str, limit: int, now):
    """Add one to the counter and return its lock; an attempt beyond the limit locks it (also mid-burst)."""
    locked, failures = _TABLE.c.locked_until, _TABLE.c.failures
    expired = and_(locked.is_not(None), locked <= now)
    statement = _INSERT[session.get_bind().dialect.name](_TABLE).values(
        username=username, client=client, failures=1, locked_until=None)
    statement = statement.on_conflict_do_update(
        index_elements=[_TABLE.c.username, _TABLE.c.client],
        set_={"failures": case((expired, 1), else_=failures + 1),
              "locked_until": case((expired, None),
                                   (and_(locked.is_(None), failures >= limit), literal(now + LOCK_DURATION, UTCDateTime)),
                                   else_=locked)},
    ).returning(locked)
    return session.execute(statement).scalar_one()


def record_failure(session, username: str, client: str, now) -> None:
    """A wrong password: a counter that reached its limit locks for LOCK_DURATION."""
    for key, limit in _counters(client):
        session.execute(update(LoginFailure)
                        .where(LoginFailure.username == username, LoginFailure.client == key,
                               LoginFailure.failures >= limit, LoginFailure.locked_until.is_(None))
                        .values(locked_until=now + LOCK_DURATION))


def record_success(session, username: str, client: str) -> None:
    session.execute(delete(LoginFailure).where(LoginFailure.username == username,
                                               LoginFailure.client.in_([client, ALL_CLIENTS])))
