"""Scheduler cost, printed as a Markdown table: a tick with nothing due among 1,000 vs 100,000
waiting instances (it must not grow with the number waiting), and the time to fire 1,000 due timers.

Waiting instances are inserted directly (copies of one real instance waiting on an intermediate
timer, with its state and audit position), so the set-up takes seconds, not hours.
Run: ``.venv/bin/python bench/timers.py`` (SQLite in a temporary directory, or the database in
``BENCH_DATABASE_URL``, which is migrated and must be empty).
"""
import os
import statistics
import sys
import tempfile
import time
import uuid
from datetime import timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from sqlalchemy import insert, select, update  # noqa: E402

from bench import ephemeral_keys  # noqa: E402
from engine.bootstrap import build_runtime  # noqa: E402
from engine.clock import SimulatedClock  # noqa: E402
from engine.instances import service as instances
from engine.persistence.migrate import upgrade  # noqa: E402
from engine.persistence.tables import ProcessInstance  # noqa: E402
from engine.process_models import service as model_service
from engine.security.actors import Actor  # noqa: E402
from engine.timers import scheduler

MODEL = ROOT / "tests" / "bpmn" / "timer_date.bpmn"
OWNER = Actor("bench", frozenset({"proceseigenaar"}))
WORKER = Actor("bench", frozenset({"procesregisseur"}))
COLUMNS = [c.key for c in ProcessInstance.__table__.columns if c.key != "id"]
TICKS = 50


def grow(rt, template: dict, total: int) -> None:
    """Add copies of the template row until ``total`` instances wait."""
    with rt.uow() as uow:
        have = uow.session.query(ProcessInstance).count()
        for start in range(have, total, 5000):
            rows = [{**template, "id": str(uuid.uuid4())} for _ in range(min(5000, total - start))]
            uow.session.execute(insert(ProcessInstance), rows)
        uow.commit()


def tick_cost(rt) -> float:
    """Median seconds of a tick that finds nothing due."""
    timings = []
    for _ in range(TICKS):
        started = time.perf_counter()
        report = scheduler.tick(rt)
        timings.append(time.perf_counter() - started)
        assert report.fired == 0
    return statistics.median(timings)


def main() -> None:
    url = os.environ.get("BENCH_DATABASE_URL") or f"sqlite:///{tempfile.mkdtemp()}/bench.sqlite3"
    upgrade(url)
    clock = SimulatedClock()
    ephemeral_keys.install()
    rt = build_runtime(url, clock=clock)
    model_service.deploy(rt, {MODEL.name: MODEL.read_text(encoding="utf-8")}, OWNER)
    first = instances.start(rt, "timer_date", {}, WORKER)["id"]
    with rt.uow() as uow:
        row = uow.session.get(ProcessInstance, first)
        template = {key: getattr(row, key) for key in COLUMNS}
    grow(rt, template, 1_000)
    small = tick_cost(rt)
    grow(rt, template, 100_000)
    large = tick_cost(rt)
    with rt.uow() as uow:  # make 1,000 of them due
        ids = list(uow.session.scalars(select(ProcessInstance.id).limit(1_000)))
        uow.session.execute(update(ProcessInstance).where(ProcessInstance.id.in_(ids))
                            .values(timer_due=clock.now() - timedelta(hours=1)))
        uow.commit()
    started = time.perf_counter()
    report = scheduler.tick(rt)
    fire_seconds = time.perf_counter() - started
    assert report.fired == 1_000, report
    dialect = rt.session_factory.kw["bind"].dialect.name
    print(f"| measure ({dialect}) | value |\n|---|---|")
    print(f"| tick, 0 due, 1,000 waiting (median of {TICKS}) | {small * 1000:.2f} ms |")
    print(f"| tick, 0 due, 100,000 waiting (median of {TICKS}) | {large * 1000:.2f} ms |")
    print(f"| ratio 100k / 1k | {large / small:.2f} |")
    print(f"| fire 1,000 due timers (one tick) | {fire_seconds:.2f} s ({fire_seconds:.2f} ms per timer) |")


if __name__ == "__main__":
    main()
