"""A burst of parallel wrong passwords: at most five are checked, none gives a 5xx (SQLite and PostgreSQL)."""
import threading

import pytest
from argon2 import PasswordHasher

from engine.security import login_guard, users
from tests.security.test_login_lockout import PASSWORD, from_address, token

PARALLEL = 30


class CountingHasher(PasswordHasher):
    """Real argon2 that counts the passwords it checks; costly enough that parallel checks overlap."""

    def __init__(self):
        super().__init__(time_cost=2, memory_cost=8192, parallelism=1)
        self.checked = 0
        self._lock = threading.Lock()

    def verify(self, hash, password):
        with self._lock:
            self.checked += 1
        return super().verify(hash, password)


@pytest.fixture
def hasher(monkeypatch):
    counting = CountingHasher()
    monkeypatch.setattr(users, "_hasher", counting)
    return counting


def burst(app, password: str, address: str) -> list[int]:
    """PARALLEL logins from one address, released at the same moment; their statuses."""
    start, statuses = threading.Barrier(PARALLEL), []

    def attempt():
        client = from_address(app, address)
        start.wait()
        statuses.append(token(client, password).status_code)

    threads = [threading.Thread(target=attempt) for _ in range(PARALLEL)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return statuses


def test_parallel_wrong_passwords_get_at_most_five_checks_and_no_server_error(rt, app, hasher):
    users.add_user(rt, "aanmelder", PASSWORD, ["aanmelder"])
    statuses = burst(app, "fout", "203.0.113.9")
    assert len(statuses) == PARALLEL
    assert set(statuses) <= {401, 429}, statuses
    assert hasher.checked <= login_guard.MAX_FAILURES
    assert statuses.count(401) == hasher.checked  # every checked guess was refused, the rest were locked out
    assert token(from_address(app, "203.0.113.9"), PASSWORD).status_code == 429
    assert token(from_address(app, "192.0.2.1"), PASSWORD).status_code == 200  # the owner elsewhere


def test_parallel_guesses_for_an_unknown_user_never_give_a_server_error(rt, app):
    statuses = burst(app, "fout", "203.0.113.9")
    assert set(statuses) <= {401, 429} and statuses.count(401) <= login_guard.MAX_FAILURES, statuses
