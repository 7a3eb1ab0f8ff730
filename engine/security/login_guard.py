"""Lock an account after repeated failed logins: password guessing gets slow, then stops."""
from datetime import timedelta

from engine.errors import Locked
from engine.persistence.tables import LoginFailure

MAX_FAILURES = 5
LOCK_DURATION = timedelta(minutes=15)


def check_not_locked(session, username: str, now) -> None:
    row = session.get(LoginFailure, username)
    if row is not None and row.locked_until is not None and row.locked_until > now:
        until = row.locked_until.astimezone().strftime("%H:%M")
        raise Locked(f"Te veel mislukte inlogpogingen; probeer het na {until} opnieuw.")


def record_failure(session, username: str, now) -> None:
    """Count a failure; the MAX_FAILURES-th in a row locks the account for LOCK_DURATION."""
    row = session.get(LoginFailure, username) or LoginFailure(username=username, failures=0)
    row.failures += 1
    if row.failures >= MAX_FAILURES:
        row.locked_until = now + LOCK_DURATION
        row.failures = 0
    session.add(row)


def record_success(session, username: str) -> None:
    row = session.get(LoginFailure, username)
    if row is not None:
        session.delete(row)
