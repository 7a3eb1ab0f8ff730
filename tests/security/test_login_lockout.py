"""Repeated failed logins lock the account for a while, on the API and the web login alike."""
from datetime import timedelta

from engine.security import login_guard, users

PASSWORD = "geheim-wachtwoord"


def token(client, password):
    return client.post("/api/v1/auth/token", json={"username": "aanmelder", "password": password})


def test_the_fifth_wrong_password_locks_the_account_until_the_lock_expires(rt, client, clock):
    users.add_user(rt, "aanmelder", PASSWORD, ["aanmelder"])
    for _ in range(login_guard.MAX_FAILURES - 1):
        assert token(client, "fout").status_code == 401
    assert token(client, PASSWORD).status_code == 200  # a success resets the count
    for _ in range(login_guard.MAX_FAILURES):
        assert token(client, "fout").status_code == 401
    locked = token(client, PASSWORD)
    assert locked.status_code == 429
    assert "Te veel mislukte inlogpogingen" in locked.json["message"]
    clock.advance(login_guard.LOCK_DURATION + timedelta(seconds=1))
    assert token(client, PASSWORD).status_code == 200


def test_unknown_usernames_are_locked_too_so_guessing_names_gains_nothing(rt, client):
    for _ in range(login_guard.MAX_FAILURES):
        client.post("/api/v1/auth/token", json={"username": "bestaat_niet", "password": "x"})
    response = client.post("/api/v1/auth/token", json={"username": "bestaat_niet", "password": "x"})
    assert response.status_code == 429


def test_the_web_login_shows_the_lock_in_dutch(rt, client):
    users.add_user(rt, "aanmelder", PASSWORD, ["aanmelder"])
    for _ in range(login_guard.MAX_FAILURES):
        token(client, "fout")
    page = client.get("/inloggen").get_data(as_text=True)
    csrf = page.split('name="csrf_token" value="')[1].split('"')[0]
    response = client.post("/inloggen", data={"username": "aanmelder", "password": PASSWORD, "csrf_token": csrf})
    assert response.status_code == 429
    assert "Te veel mislukte inlogpogingen" in response.get_data(as_text=True)


def from_address(app, address: str):
    """A test client whose requests come from another client address."""
    client = app.test_client()
    client.environ_base["REMOTE_ADDR"] = address
    return client


def test_a_locked_out_stranger_does_not_lock_the_user_out_elsewhere(rt, app):
    users.add_user(rt, "aanmelder", PASSWORD, ["aanmelder"])
    stranger, owner = from_address(app, "203.0.113.9"), from_address(app, "192.0.2.1")
    for _ in range(login_guard.MAX_FAILURES):
        assert token(stranger, "fout").status_code == 401
    assert token(stranger, PASSWORD).status_code == 429
    assert token(owner, PASSWORD).status_code == 200


def test_guessing_from_many_addresses_locks_the_account_for_everyone(rt, app):
    users.add_user(rt, "aanmelder", PASSWORD, ["aanmelder"])
    addresses = login_guard.GLOBAL_MAX_FAILURES // login_guard.MAX_FAILURES
    for n in range(addresses):
        guesser = from_address(app, f"198.51.100.{n}")
        for _ in range(login_guard.MAX_FAILURES):
            assert token(guesser, "fout").status_code == 401
    locked = token(from_address(app, "192.0.2.1"), PASSWORD)
    assert locked.status_code == 429 and "Te veel mislukte inlogpogingen" in locked.json["message"]


def behind_proxy(rt, hops: int, forwarded_for: str):
    """A client behind ``hops`` trusted reverse proxies, all requests arriving from the proxy's address."""
    from api import create_app

    app = create_app({"TESTING": True, "TRUSTED_PROXIES": hops}, runtime=rt)
    client = app.test_client()
    client.environ_base.update({"REMOTE_ADDR": "10.0.0.2", "HTTP_X_FORWARDED_FOR": forwarded_for})
    return client


def test_behind_a_trusted_proxy_the_lockout_counts_per_forwarded_client(rt):
    users.add_user(rt, "aanmelder", PASSWORD, ["aanmelder"])
    stranger, owner = behind_proxy(rt, 1, "203.0.113.9"), behind_proxy(rt, 1, "192.0.2.1")
    for _ in range(login_guard.MAX_FAILURES):
        assert token(stranger, "fout").status_code == 401
    assert token(stranger, PASSWORD).status_code == 429
    assert token(owner, PASSWORD).status_code == 200  # the proxy's address is not the unit


def test_without_trusted_proxies_a_forged_forwarded_header_changes_nothing(rt):
    users.add_user(rt, "aanmelder", PASSWORD, ["aanmelder"])
    for attempt in range(login_guard.MAX_FAILURES):
        assert token(behind_proxy(rt, 0, f"198.51.100.{attempt}"), "fout").status_code == 401
    assert token(behind_proxy(rt, 0, "198.51.100.99"), PASSWORD).status_code == 429
