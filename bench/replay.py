"""Replay time of one instance with 1,000 audit events, printed as a Markdown table.

The instance waits on a user task with a non-interrupting hourly cycle timer: each firing is one
``timer_fired`` event and spawns a short branch, so the task tree stays shallow (far under
SpiffWorkflow's depth limit) while the trail grows to 1,000 events. SpiffWorkflow keeps every
completed task, so the state grows with each firing and so does the cost of a step, live or replayed.

Run: ``.venv/bin/python bench/replay.py [EVENTS]`` (SQLite in a temporary directory, or the
database in ``BENCH_DATABASE_URL``, which is migrated and must be empty).
"""
import json
import os
import sys
import tempfile
import time
from datetime import timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from engine.audit import replay
from engine.audit import trail as audit
from bench import ephemeral_keys  # noqa: E402
from engine.bootstrap import build_runtime  # noqa: E402
from engine.clock import SimulatedClock  # noqa: E402
from engine.instances import service as instances
from engine.persistence.migrate import upgrade  # noqa: E402
from engine.persistence.tables import ProcessInstance  # noqa: E402
from engine.process_models import service as model_service
from engine.security.actors import Actor  # noqa: E402
from engine.timers import firing

MODEL = ROOT / "tests" / "bpmn" / "audit_hourly_check.bpmn"
OWNER = Actor("bench", frozenset({"proceseigenaar"}))
WORKER = Actor("bench", frozenset({"coordinator"}))
AUDITOR = Actor("bench", frozenset({"auditor"}))
CHECKPOINTS = (100, 500)


def build(rt, clock, events: int) -> tuple[str, float, int]:
    """Run one instance live until its trail holds ``events`` events; (id, seconds, state bytes)."""
    model_service.deploy(rt, {MODEL.name: MODEL.read_text(encoding="utf-8")}, OWNER)
    started = time.perf_counter()
    instance_id = instances.start(rt, "audit_hourly_check", {}, WORKER)["id"]
    for _ in range(events - 1):
        clock.advance(timedelta(hours=1, seconds=1))
        firing.fire(rt, instance_id, rt.clock.now())
    seconds = time.perf_counter() - started
    with rt.uow() as uow:
        instance = uow.session.get(ProcessInstance, instance_id)
        assert instance.event_count == events and instance.status == "running"
        return instance_id, seconds, len(json.dumps(instance.state))


def time_prefix(rt, instance_id: str, count: int) -> float:
    with rt.uow() as uow:
        events = audit.events_of(uow.session, instance_id)[:count]
        started = time.perf_counter()
        result = replay.replay_events(rt, uow.session, instance_id, events)
        seconds = time.perf_counter() - started
    assert result.divergence is None and result.replayed == count, result.divergence
    return seconds


def main(events: int) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        url = os.environ.get("BENCH_DATABASE_URL") or f"sqlite:///{tmp}/bench.sqlite3"
        upgrade(url)
        clock = SimulatedClock()
        ephemeral_keys.install()
        rt = build_runtime(url, clock=clock)
        instance_id, live_seconds, state_bytes = build(rt, clock, events)
        rows = [(n, time_prefix(rt, instance_id, n)) for n in CHECKPOINTS if n < events]
        started = time.perf_counter()
        report = replay.replay(rt, instance_id, AUDITOR)
        rows.append((events, time.perf_counter() - started))
        assert report["status"] == "verified", report
        rt.session_factory.kw["bind"].dispose()
    print(f"Database: {url.split(':')[0]}; live run of {events} events took {live_seconds:.1f} s; "
          f"final live state {state_bytes / 1024:.0f} KB.\n")
    print("| events replayed | replay time (s) | mean per event (ms) | result |")
    print("|---:|---:|---:|---|")
    for count, seconds in rows:
        result = "verified (chain + hashes)" if count == events else "verified (hashes)"
        print(f"| {count} | {seconds:.2f} | {1000 * seconds / count:.1f} | {result} |")


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 1000)
