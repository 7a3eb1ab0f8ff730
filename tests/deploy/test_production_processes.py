"""Production processes: gunicorn serves with deploy/gunicorn.conf.py and stops gracefully on SIGTERM;
``levensloop scheduler`` starts and stops cleanly; both refuse to start without their secrets."""
import os
import signal
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest

from api.secrets_config import REQUIRED

ROOT = Path(__file__).resolve().parents[2]
BIN = Path(sys.executable).parent
PORT = int(os.environ.get("LEVENSLOOP_TEST_PORT", 5105))


def environment(database_url, **extra) -> dict:
    env = {**os.environ, "DATABASE_URL": str(database_url), "PYTHONUNBUFFERED": "1", **extra}
    env.pop("LEVENSLOOP_MODE", None)
    return env


def without_secrets(env: dict) -> dict:
    return {name: value for name, value in env.items() if name not in REQUIRED}


def gunicorn(env):
    return subprocess.Popen([BIN / "gunicorn", "-c", "deploy/gunicorn.conf.py"], cwd=ROOT, env=env,
                            stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)


def answer(url: str, within: float = 60):
    """The first answer of ``url`` once the server accepts connections."""
    give_up = time.monotonic() + within
    while True:
        try:
            with urllib.request.urlopen(url, timeout=5) as response:
                return response.status, response.read().decode()
        except (ConnectionError, urllib.error.URLError):
            if time.monotonic() > give_up:
                raise
            time.sleep(0.2)


def test_gunicorn_serves_the_login_page_with_the_config_and_stops_gracefully_on_sigterm(database_url):
    server = gunicorn(environment(database_url, LEVENSLOOP_BIND=f"127.0.0.1:{PORT}", LEVENSLOOP_WORKERS="2",
                                  LEVENSLOOP_THREADS="2"))
    try:
        status, body = answer(f"http://127.0.0.1:{PORT}/inloggen")
        assert status == 200 and "Inloggen" in body
    finally:
        server.send_signal(signal.SIGTERM)
        output, _ = server.communicate(timeout=60)
    assert server.returncode == 0, output
    assert "Shutting down: Master" in output and "Booting worker" in output


def test_gunicorn_refuses_to_start_without_secrets(database_url):
    server = gunicorn(without_secrets(environment(database_url, LEVENSLOOP_BIND=f"127.0.0.1:{PORT}")))
    output, _ = server.communicate(timeout=60)
    assert server.returncode == 1
    assert "Niet gestart: zet eerst LEVENSLOOP_SECRET_KEY" in output and "Booting worker" not in output


def scheduler(env):
    return subprocess.Popen([BIN / "levensloop", "scheduler"], cwd=ROOT, env=env, stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, text=True)


@pytest.mark.parametrize("signum", [signal.SIGTERM, signal.SIGINT])
def test_the_scheduler_process_starts_and_stops_cleanly(database_url, signum):
    process = scheduler(environment(database_url))
    try:
        assert "Planner gestart" in process.stdout.readline()
    finally:
        process.send_signal(signum)
        try:
            output, log = process.communicate(timeout=60)
        except subprocess.TimeoutExpired:
            process.kill()  # never leave a scheduler running into the next tests' database
            output, log = process.communicate()
    assert process.returncode == 0, (output, log)
    assert "Planner gestopt." in output and "Traceback" not in log


def test_the_scheduler_process_refuses_to_start_without_secrets(database_url):
    process = scheduler(without_secrets(environment(database_url)))
    output, errors = process.communicate(timeout=60)
    assert process.returncode != 0
    assert "Niet gestart: zet eerst LEVENSLOOP_SECRET_KEY, LEVENSLOOP_DATA_KEYS, LEVENSLOOP_PSEUDONYM_KEY" in errors
    assert "Planner gestart" not in output
