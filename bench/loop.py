"""A plain BPMN loop (tests/bpmn/loop_plain.bpmn: evaluate, adjust, evaluate again) in ONE instance, with
the engine compacting the task tree after every step: step latency (complete the user task; wall / CPU,
median of 5 steps from the iteration named) and the stored state at iteration 1, 100, 1,000 and 10,000.
Goal: iteration-1,000 / iteration-1 latency <= 1.5 and a bounded state.
Run: ``.venv/bin/python bench/loop.py`` (SQLite in a temporary directory, or the empty database in
``BENCH_DATABASE_URL``); ``--last N`` stops earlier.
"""
import json
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench import ephemeral_keys  # noqa: E402
from engine.bootstrap import build_runtime  # noqa: E402  (first: engine.security.authorization must not load first)
from engine.clock import SimulatedClock  # noqa: E402
from engine.instances import service as instances  # noqa: E402
from engine.persistence.migrate import upgrade  # noqa: E402
from engine.persistence.tables import ProcessInstance  # noqa: E402
from engine.process_models import service as model_service  # noqa: E402
from engine.security.actors import Actor  # noqa: E402

BPMN = ROOT / "tests" / "bpmn"
OWNER = Actor("bench", frozenset({"proceseigenaar"}))
WORKER = Actor("bench_pr", frozenset({"procesregisseur"}), "gelderland_zuid")
POINTS = (1, 100, 1000, 10000)
SAMPLES = 5


def state_size(rt, instance_id: str) -> int:
    with rt.uow() as uow:
        return len(json.dumps(uow.session.get(ProcessInstance, instance_id).state))


def run(url: str, last: int) -> dict:
    upgrade(url)
    ephemeral_keys.install()
    rt = build_runtime(url, clock=SimulatedClock())
    files = {name: (BPMN / name).read_text(encoding="utf-8") for name in ("loop_plain.bpmn", "loop-evaluatie-schema.json")}
    model_service.deploy(rt, files, OWNER)
    view = instances.start(rt, "loop_plain", {}, WORKER)
    points = [p for p in POINTS if p <= last]
    measured = {p: {"wall": [], "cpu": []} for p in points}
    for iteration in range(1, max(points) + SAMPLES):
        [task] = view["ready_tasks"]
        wall, cpu = time.perf_counter(), time.process_time()
        view = instances.complete_task(rt, task["id"], {"afsluiten": False}, WORKER)
        wall, cpu = time.perf_counter() - wall, time.process_time() - cpu
        assert view["status"] == "running", view
        for point in points:
            if point <= iteration < point + SAMPLES:
                measured[point]["wall"].append(wall)
                measured[point]["cpu"].append(cpu)
                measured[point].setdefault("size", state_size(rt, view["id"]))
    return {"dialect": rt.session_factory.kw["bind"].dialect.name, "points": measured}


def median_ms(values: list[float]) -> float:
    return statistics.median(values) * 1000


def main() -> None:
    last = int(sys.argv[sys.argv.index("--last") + 1]) if "--last" in sys.argv else POINTS[-1]
    url = os.environ.get("BENCH_DATABASE_URL") or f"sqlite:///{tempfile.mkdtemp()}/bench.sqlite3"
    result = run(url, last)
    print(f"| plain loop, one instance ({result['dialect']}) | step (wall / CPU) | stored state |")
    print("|---|---|---|")
    for point, sample in result["points"].items():
        print(f"| iteration {point:,} | {median_ms(sample['wall']):.1f} / {median_ms(sample['cpu']):.1f} ms "
              f"| {sample['size']:,} bytes |")
    first = result["points"][POINTS[0]]
    for point in (1000, 10000):
        if point in result["points"]:
            later = result["points"][point]
            print(f"\niteration {point:,} / iteration 1: {median_ms(later['wall']) / median_ms(first['wall']):.2f} wall, "
                  f"{median_ms(later['cpu']) / median_ms(first['cpu']):.2f} CPU (goal <= 1.5)")


if __name__ == "__main__":
    main()
