"""Task completions per second under gunicorn (deploy/gunicorn.conf.py) with 2 and 4 workers, 8 clients.

Each client has its own instance of tests/bpmn/loop_plain.bpmn and completes its ready task over a
kept-alive HTTP connection as fast as the answers come, for ``SECONDS`` per run; the figure counts
HTTP 200s only (any other status fails the run). Goal: >= 200 completions/s on PostgreSQL on 2 cores.

Run: ``BENCH_DATABASE_URL=postgresql+psycopg://… .venv/bin/python bench/throughput.py`` (the database
is migrated here and must be empty; without it a SQLite file in a temporary directory), on the port in
``BENCH_PORT`` (default 8765).
"""
import http.client
import json
import os
import signal
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench import ephemeral_keys  # noqa: E402

ephemeral_keys.install()
os.environ.setdefault("LEVENSLOOP_SECRET_KEY", "bench-" + os.urandom(16).hex())

from engine.bootstrap import build_runtime  # noqa: E402
from engine.persistence.migrate import upgrade  # noqa: E402
from engine.process_models import service as model_service  # noqa: E402
from engine.security import users  # noqa: E402
from engine.security.actors import Actor  # noqa: E402

BPMN = ROOT / "tests" / "bpmn"
FILES = ("loop_plain.bpmn", "loop-evaluatie-schema.json")
CLIENTS = 8
WORKERS = (2, 4)
SECONDS = 20
WARMUP_SECONDS = 3


def prepare(url: str) -> None:
    upgrade(url)
    rt = build_runtime(url)
    model_service.deploy(rt, {name: (BPMN / name).read_text("utf-8") for name in FILES},
                         Actor("bench", frozenset({"proceseigenaar"})))
    users.add_user(rt, "bench_pr", "bench-wachtwoord", ["procesregisseur"], "gelderland_zuid")
    rt.session_factory.kw["bind"].dispose()


def start_server(url: str, port: int, workers: int) -> subprocess.Popen:
    env = {**os.environ, "DATABASE_URL": url, "LEVENSLOOP_BIND": f"127.0.0.1:{port}",
           "LEVENSLOOP_WORKERS": str(workers), "LEVENSLOOP_ACCESS_LOG": "/dev/null"}
    server = subprocess.Popen([str(ROOT / ".venv" / "bin" / "gunicorn"), "-c", "deploy/gunicorn.conf.py"],
                              cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        try:
            call(http.client.HTTPConnection("127.0.0.1", port, timeout=5), "GET", "/api/v1/openapi.json")
            return server
        except OSError:
            time.sleep(0.2)
    server.kill()
    raise RuntimeError("gunicorn did not answer within 30 s")


def call(connection, method: str, path: str, body: dict | None = None, token: str | None = None) -> tuple[int, dict]:
    headers = {"Content-Type": "application/json"}
    if token:
        headers["Authorization"] = f"Bearer {token}"
    connection.request(method, path, body=json.dumps(body) if body is not None else None, headers=headers)
    response = connection.getresponse()
    return response.status, json.loads(response.read() or b"null")


class Client(threading.Thread):
    """One worker at a keyboard that never pauses: complete, read the next task from the answer, repeat."""

    def __init__(self, port: int, token: str, stop_at: float, count_from: float):
        super().__init__()
        self.port, self.token, self.stop_at, self.count_from = port, token, stop_at, count_from
        self.latencies: list[float] = []
        self.failure: str | None = None

    def run(self) -> None:
        connection = http.client.HTTPConnection("127.0.0.1", self.port, timeout=30)
        status, view = call(connection, "POST", "/api/v1/process-instances", {"process_model": "loop_plain"},
                            self.token)
        while status in (200, 201) and time.monotonic() < self.stop_at:
            started = time.monotonic()
            status, view = call(connection, "POST", f"/api/v1/tasks/{view['ready_tasks'][0]['id']}/complete",
                                {"data": {"afsluiten": False}}, self.token)
            if started >= self.count_from and status == 200:
                self.latencies.append(time.monotonic() - started)
        if status not in (200, 201):
            self.failure = f"HTTP {status}: {view}"


def measure(url: str, port: int, workers: int) -> dict:
    server = start_server(url, port, workers)
    try:
        _, answer = call(http.client.HTTPConnection("127.0.0.1", port), "POST", "/api/v1/auth/token",
                         {"username": "bench_pr", "password": "bench-wachtwoord"})
        now = time.monotonic()
        clients = [Client(port, answer["token"], now + WARMUP_SECONDS + SECONDS, now + WARMUP_SECONDS)
                   for _ in range(CLIENTS)]
        for client in clients:
            client.start()
        for client in clients:
            client.join()
    finally:
        server.send_signal(signal.SIGTERM)
        server.wait(timeout=60)
    failures = [c.failure for c in clients if c.failure]
    assert not failures, failures
    latencies = sorted(t for c in clients for t in c.latencies)
    return {"workers": workers, "per_second": len(latencies) / SECONDS,
            "p50": statistics.median(latencies) * 1000, "p99": latencies[int(len(latencies) * 0.99)] * 1000}


def main() -> None:
    url = os.environ.get("BENCH_DATABASE_URL") or f"sqlite:///{tempfile.mkdtemp()}/bench.sqlite3"
    port = int(os.environ.get("BENCH_PORT", 8765))
    prepare(url)
    rows = [measure(url, port, workers) for workers in WORKERS]
    print(f"| gunicorn gthread, {CLIENTS} clients ({url.split(':')[0].split('+')[0]}) "
          "| completions/s | latency p50 / p99 |")
    print("|---|---:|---:|")
    for row in rows:
        print(f"| {row['workers']} workers × {os.environ.get('LEVENSLOOP_THREADS', 4)} threads | {row['per_second']:.0f} | "
              f"{row['p50']:.0f} / {row['p99']:.0f} ms |")


if __name__ == "__main__":
    main()
