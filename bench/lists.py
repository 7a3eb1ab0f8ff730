"""List latency under need-to-know, at 100, 2,000 and 20,000 casussen in one region, as a Markdown table.

Each casus has one running instance with one ready task; a casemanager is in the duo of 6 of them and
an aanmelder registered 10 (not yet included). The rows are inserted directly (the lists read only
columns, so what the states hold does not matter), then each list endpoint is called over HTTP with a
real token; the figure is the median of 15 calls of the first page.

Run: ``.venv/bin/python bench/lists.py`` (SQLite in a temporary directory, or the empty database in
``BENCH_DATABASE_URL``, which is reset per size).
"""
import os
import statistics
import sys
import tempfile
import time
import uuid
from datetime import datetime, timedelta, timezone
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench import ephemeral_keys  # noqa: E402

ephemeral_keys.install()
os.environ.setdefault("LEVENSLOOP_SECRET_KEY", "bench-" + uuid.uuid4().hex)

from sqlalchemy import select  # noqa: E402

from api import create_app  # noqa: E402
from engine.bootstrap import build_runtime  # noqa: E402
from engine.persistence.migrate import upgrade  # noqa: E402
from engine.persistence.tables import Base, CaseAssignment, Casus, ProcessInstance, ProcessVersion, WorkTask  # noqa: E402
from engine.process_models import service as model_service  # noqa: E402
from engine.security import users  # noqa: E402
from engine.security.actors import Actor  # noqa: E402

SIZES = (100, 2_000, 20_000)
REGION, CODE = "Gelderland-Zuid", "gelderland_zuid"
MODEL = ROOT / "tests" / "bpmn" / "user_task_lane.bpmn"
FORM = ROOT / "tests" / "bpmn" / "gegevens-schema.json"
READERS = {"casemanager": ["casemanager_zorg"], "procesregisseur": ["procesregisseur"], "aanmelder": ["aanmelder"]}
LISTS = ("/api/v1/casussen", "/api/v1/process-instances", "/api/v1/tasks")
CALLS = 15


def populate(rt, count: int) -> None:
    model_service.deploy(rt, {MODEL.name: MODEL.read_text(encoding="utf-8"), FORM.name: FORM.read_text(encoding="utf-8")},
                         Actor("bench", frozenset({"proceseigenaar"})))
    for username, roles in READERS.items():
        users.add_user(rt, username, "bench-wachtwoord", roles, REGION)
    start = datetime(2027, 1, 4, 9, tzinfo=timezone.utc)
    with rt.uow() as uow:
        version = uow.session.scalars(select(ProcessVersion)).first()
        cases = []
        for n in range(count):
            at = start + timedelta(minutes=n)
            casus_id, instance_id = str(uuid.uuid4()), str(uuid.uuid4())
            registrant = "aanmelder" if n < 10 else "iemand_anders"
            uow.session.add(Casus(id=casus_id, pseudonym=f"LL-{n:010d}", person={"naam": f"Persoon {n}"}, region=CODE,
                                  status="aangemeld" if n < 10 else "geincludeerd", created_at=at,
                                  aanmelder=registrant))
            uow.session.add(ProcessInstance(
                id=instance_id, process_version_id=version.id, process_id=version.process_id, status="running",
                state={"data": {"persoon": {"naam": f"Persoon {n}"}}}, lock_version=1, started_at=at,
                started_by=registrant, updated_at=at, event_count=1, last_event_hash="0" * 64, casus_id=casus_id,
                cycle=0, region=CODE))
            cases.append((n, at, casus_id, instance_id))
        uow.flush()  # casussen and instances first: the tasks and assignments refer to them
        for n, at, casus_id, instance_id in cases:
            uow.session.add(WorkTask(id=str(uuid.uuid4()), instance_id=instance_id, process_id=version.process_id,
                                     element="fill", name="Gegevens invullen",
                                     lane="casemanager_zorg" if n % 2 else "procesregisseur", state="ready",
                                     created_at=at))
            if 10 <= n < 16:
                uow.session.add(CaseAssignment(casus_id=casus_id, instance_id=instance_id, username="casemanager",
                                               role="casemanager_zorg", assigned_from=at))
        uow.commit()


def measure(client, token: str, path: str) -> float:
    headers = {"Authorization": f"Bearer {token}"}
    timings = []
    for _ in range(CALLS):
        started = time.perf_counter()
        response = client.get(path, headers=headers)
        timings.append(time.perf_counter() - started)
        assert response.status_code == 200, response.json
    return statistics.median(timings) * 1000


def run_size(database_url: str, count: int) -> dict:
    upgrade(database_url)
    rt = build_runtime(database_url)
    with rt.uow() as uow:  # an empty database per size (PostgreSQL is reused)
        for table in reversed(Base.metadata.sorted_tables):
            if table.name != "alembic_version":
                uow.session.execute(table.delete())
        uow.commit()
    populate(rt, count)
    client = create_app({"TESTING": True, "DATABASE_URL": database_url}, runtime=rt).test_client()
    figures = {}
    for username in READERS:
        token = client.post("/api/v1/auth/token", json={"username": username, "password": "bench-wachtwoord"}).json["token"]
        for path in LISTS:
            figures[(username, path)] = measure(client, token, path)
    rt.session_factory.kw["bind"].dispose()
    return figures


def main() -> None:
    results = {}
    with tempfile.TemporaryDirectory() as tmp:
        for count in SIZES:
            url = os.environ.get("BENCH_DATABASE_URL") or f"sqlite:///{tmp}/lists-{count}.db"
            results[count] = run_size(url, count)
    print("| reader | list | " + " | ".join(f"{n:,} casussen" for n in SIZES) + " | 2,000 / 100 |")
    print("|---|---|" + "---:|" * (len(SIZES) + 1))
    for username in READERS:
        for path in LISTS:
            row = [results[n][(username, path)] for n in SIZES]
            print(f"| {username} | `{path.removeprefix('/api/v1')}` | " + " | ".join(f"{ms:.1f} ms" for ms in row)
                  + f" | {row[1] / row[0]:.2f} |")


if __name__ == "__main__":
    main()
