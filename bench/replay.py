"""Replay per event against the live step per event, for two instances, printed as Markdown tables.

- ``audit_hourly_check``: a user task with a non-interrupting hourly cycle timer; each firing is one
  ``timer_fired`` event whose branch ends on its own, and the final join keeps the data of every ended
  token, so the state (and each step, live or replayed) grows with the trail.
- ``loop_plain``: a user task with a form in a loop, compacted after every step: a state that stays small.

Live time is the engine's step through the service layer (unit of work, commit included); replay is
``replay_events`` from the trail, the workflow kept in memory between events, each event's state hash
checked. Goal: replay at most half the cost of living.

Run: ``.venv/bin/python bench/replay.py [EVENTS]`` (SQLite in a temporary directory, or the database in
``BENCH_DATABASE_URL``, which is migrated and must be empty).
"""
import os
import sys
import tempfile
import time
from datetime import timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench import ephemeral_keys  # noqa: E402
from engine.audit import replay  # noqa: E402
from engine.audit import trail as audit  # noqa: E402
from engine.bootstrap import build_runtime  # noqa: E402
from engine.clock import SimulatedClock  # noqa: E402
from engine.instances import service as instances  # noqa: E402
from engine.persistence.migrate import upgrade  # noqa: E402
from engine.process_models import service as model_service  # noqa: E402
from engine.security.actors import Actor  # noqa: E402
from engine.timers import firing  # noqa: E402

BPMN = ROOT / "tests" / "bpmn"
OWNER = Actor("bench", frozenset({"proceseigenaar"}))
AUDITOR = Actor("bench", frozenset({"auditor"}))
HOURLY_WORKER = Actor("bench", frozenset({"coordinator"}))
LOOP_WORKER = Actor("bench_pr", frozenset({"procesregisseur"}), "gelderland_zuid")
CHECKPOINTS = (100, 500)


def deploy(rt, *names: str) -> None:
    model_service.deploy(rt, {name: (BPMN / name).read_text(encoding="utf-8") for name in names}, OWNER)


def hourly(rt, clock, events: int) -> tuple[str, dict[int, float]]:
    """One instance fired until its trail holds ``events`` events; (id, live seconds at each checkpoint)."""
    deploy(rt, "audit_hourly_check.bpmn")
    started = time.perf_counter()
    instance_id = instances.start(rt, "audit_hourly_check", {}, HOURLY_WORKER)["id"]
    live = {}
    for seq in range(2, events + 1):
        clock.advance(timedelta(hours=1, seconds=1))
        firing.fire(rt, instance_id, rt.clock.now())
        if seq in CHECKPOINTS or seq == events:
            live[seq] = time.perf_counter() - started
    return instance_id, live


def loop(rt, _clock, events: int) -> tuple[str, dict[int, float]]:
    """One loop instance whose task is completed until its trail holds ``events`` events."""
    deploy(rt, "loop_plain.bpmn", "loop-evaluatie-schema.json")
    started = time.perf_counter()
    view = instances.start(rt, "loop_plain", {}, LOOP_WORKER)
    live = {}
    for seq in range(2, events + 1):
        view = instances.complete_task(rt, view["ready_tasks"][0]["id"], {"afsluiten": False}, LOOP_WORKER)
        if seq in CHECKPOINTS or seq == events:
            live[seq] = time.perf_counter() - started
    return view["id"], live


def time_replay(rt, instance_id: str, count: int) -> float:
    with rt.uow() as uow:
        events = audit.events_of(uow.session, instance_id)[:count]
        started = time.perf_counter()
        result = replay.replay_events(rt, uow.session, instance_id, events)
        seconds = time.perf_counter() - started
    assert result.divergence is None and result.replayed == count, result.divergence
    return seconds


def measure(url: str, build, events: int) -> list[tuple[int, float, float]]:
    """(events, live seconds, replay seconds) per checkpoint; the last one is a full auditor's replay."""
    clock = SimulatedClock()
    rt = build_runtime(url, clock=clock)
    instance_id, live = build(rt, clock, events)
    rows = [(n, live[n], time_replay(rt, instance_id, n)) for n in CHECKPOINTS if n < events]
    started = time.perf_counter()
    report = replay.replay(rt, instance_id, AUDITOR)
    rows.append((events, live[events], time.perf_counter() - started))
    assert report["status"] == "verified", report
    rt.session_factory.kw["bind"].dispose()
    return rows


def main(events: int) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        url = os.environ.get("BENCH_DATABASE_URL") or f"sqlite:///{tmp}/bench.sqlite3"
        upgrade(url)
        ephemeral_keys.install()
        tables = [(name, measure(url, build, events)) for name, build in (("audit_hourly_check", hourly),
                                                                         ("loop_plain", loop))]
    print(f"Database: {url.split(':')[0]}; mean milliseconds per event over the first N events.\n")
    print("| instance | events | live per event | replay per event | replay / live | result |")
    print("|---|---:|---:|---:|---:|---|")
    for name, rows in tables:
        for count, live, replayed in rows:
            result = "verified (chain + hashes)" if count == events else "verified (hashes)"
            print(f"| `{name}` | {count} | {1000 * live / count:.1f} | {1000 * replayed / count:.1f} | "
                  f"{replayed / live:.2f} | {result} |")


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 1000)
