"""Scheduler cost, printed as a Markdown table: a tick with nothing due among 1,000 vs 100,000
waiting instances (it must not grow with the number waiting), the time to fire 1,000 due timers,
and timer lateness (due -> fired, p50/p99) of a running scheduler with default settings.

Waiting instances are inserted directly (copies of one real instance waiting on an intermediate
timer, with its state and audit position), so the set-up takes seconds, not hours. For lateness,
timers due 0.3-2 s ahead are started one by one while the scheduler sleeps; on PostgreSQL they are
started through a second runtime (its own connections), so only NOTIFY can wake the scheduler.
Run: ``.venv/bin/python bench/timers.py [lateness]`` (SQLite in a temporary directory, or the
database in ``BENCH_DATABASE_URL``, which is migrated and must be empty).
"""
import os
import random
import statistics
import sys
import tempfile
import time
import uuid
from datetime import datetime, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from sqlalchemy import insert, select, update  # noqa: E402

from bench import ephemeral_keys  # noqa: E402
from engine.bootstrap import build_runtime  # noqa: E402
from engine.audit import trail  # noqa: E402
from engine.clock import SimulatedClock, SystemClock  # noqa: E402
from engine.instances import service as instances  # noqa: E402
from engine.persistence.migrate import upgrade  # noqa: E402
from engine.persistence.tables import ProcessInstance  # noqa: E402
from engine.process_models import service as model_service  # noqa: E402
from engine.security.actors import Actor  # noqa: E402
from engine.timers import scheduler  # noqa: E402

MODEL = ROOT / "tests" / "bpmn" / "timer_date.bpmn"
MOMENT_MODEL = ROOT / "tests" / "bpmn" / "timer_moment.bpmn"
LATE_TIMERS = 100
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


def lateness(url: str) -> tuple[float, float]:
    """p50 and p99 seconds from due to fired, scheduler on default settings, timers started meanwhile."""
    rt = build_runtime(url, clock=SystemClock())
    model_service.deploy(rt, {MOMENT_MODEL.name: MOMENT_MODEL.read_text(encoding="utf-8")}, OWNER)
    starter = rt if url.startswith("sqlite") else build_runtime(url, clock=SystemClock())
    service = scheduler.TimerScheduler(rt)
    service.start()
    if service.listener is not None:
        service.listener.listening.wait(10)
    ids = []
    for _ in range(LATE_TIMERS):
        moment = SystemClock().now() + timedelta(seconds=random.uniform(0.3, 2.0))
        ids.append(instances.start(starter, "timer_moment", {"moment": moment.isoformat()}, WORKER)["id"])
        time.sleep(random.uniform(0.05, 0.4))
    time.sleep(3)
    service.shutdown()
    late = []
    with rt.uow() as uow:
        for instance_id in ids:
            [fired] = [e for e in trail.events_of(uow.session, instance_id) if e.type == "timer_fired"]
            late.append((datetime.fromisoformat(fired.inputs["fired_at"])
                         - datetime.fromisoformat(fired.inputs["due"])).total_seconds())
    percentiles = statistics.quantiles(late, n=100)
    return percentiles[49], percentiles[98]


def print_lateness(url: str) -> None:
    p50, p99 = lateness(url)
    print(f"| timer lateness, due -> fired, {LATE_TIMERS} timers (p50 / p99) | {p50 * 1000:.0f} / {p99 * 1000:.0f} ms |")


def main() -> None:
    url = os.environ.get("BENCH_DATABASE_URL") or f"sqlite:///{tempfile.mkdtemp()}/bench.sqlite3"
    upgrade(url)
    ephemeral_keys.install()
    if sys.argv[1:] == ["lateness"]:
        print_lateness(url)
        return
    clock = SimulatedClock()
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
    print_lateness(url)


if __name__ == "__main__":
    main()
