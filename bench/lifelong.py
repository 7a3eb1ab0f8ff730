"""Lifelong casus cost, printed as Markdown tables: casussen of monthly cycles (each cycle its own
instance, chained), against a loop inside one raw SpiffWorkflow 3.2.0 workflow.

Engine: per cycle the evaluation step (complete the user task) and the chain step (the month's
timer fires, the instance ends and starts the next cycle in the same transaction), and the stored
live state (JSON bytes of the current instance's ``state``). One run brings a casus to cycle 1,000
and another to cycle 100, registers a fresh one, and then steps the three in turn for 20 months, so
load on the machine hits all three alike; the figures are medians, as wall time and as this
process's CPU time (wall time also holds the database's work). Goal: cycle-1000 latency <= 1.2 x
cycle-1 and a constant state size.
Raw SpiffWorkflow: a user task looping through a gateway with a boundary timer, serialized after each
step, run until it breaks; and a plain loop (tests/bpmn/cycle_loop.bpmn), run until it reports completed.
Run: ``.venv/bin/python bench/lifelong.py`` (SQLite in a temporary directory, or the empty database in
``BENCH_DATABASE_URL``).
"""
import json
import os
import statistics
import sys
import tempfile
import time
from contextlib import contextmanager
from datetime import timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from SpiffWorkflow.bpmn.workflow import BpmnWorkflow  # noqa: E402
from SpiffWorkflow.spiff.parser.process import SpiffBpmnParser  # noqa: E402
from SpiffWorkflow.util.task import TaskState  # noqa: E402
from sqlalchemy import select  # noqa: E402

from bench import ephemeral_keys  # noqa: E402
from engine.bootstrap import build_runtime  # noqa: E402  (first: engine.security.authorization must not load first)
from engine.casus import service as casus
from engine.casus import views
from engine.clock import SimulatedClock  # noqa: E402
from engine.instances import service as instances
from engine.persistence.migrate import upgrade  # noqa: E402
from engine.persistence.tables import WorkTask  # noqa: E402
from engine.process_models import service as model_service
from engine.security import users  # noqa: E402
from engine.security.actors import Actor  # noqa: E402
from engine.spiff import runner, serialization
from engine.timers import firing

BPMN = ROOT / "tests" / "bpmn"
OWNER = Actor("bench", frozenset({"proceseigenaar"}))
REGISSEUR = Actor("bench_pr", frozenset({"procesregisseur"}), "Gelderland-Zuid")
CASEMANAGER = Actor("cm_bench", frozenset({"casemanager_zorg"}), "Gelderland-Zuid")
#: the duo the inclusion assigns (the duo assignment checks that both are users with these roles)
DUO = {"casemanager_zorg": CASEMANAGER.username, "casusregisseur_gemeente": "cr_bench"}
MODELS = ("cycle_intake.bpmn", "cycle_monthly.bpmn", "inclusie-schema.json", "evaluatie-keuze-schema.json")
POINTS = (1, 100, 1000)  # the cycle each measured casus is at when measuring starts
ROUNDS = 20
MONTH = timedelta(days=31, hours=1)


def ready_task(rt, casus_id: str) -> tuple[str, int]:
    """The current instance's ready evaluation task and the JSON size of the instance's state."""
    with rt.uow() as uow:
        current = views.current_instance(uow.session, casus_id)
        task_id = uow.session.scalars(select(WorkTask.id).where(WorkTask.instance_id == current.id,
                                                                WorkTask.state == "ready")).one()
        return task_id, len(json.dumps(current.state))


def register(rt) -> str:
    casus_id = casus.register(rt, {"naam": "Bench"}, "gelderland_zuid", REGISSEUR, "cycle_intake")["id"]
    task_id, _ = ready_task(rt, casus_id)
    instances.complete_task(rt, task_id, {"includeren": True, **DUO}, REGISSEUR)
    return casus_id


def month(rt, clock, casussen: list[str], samples: dict | None = None) -> None:
    """One cycle for each casus: the evaluation says continue; a month later the timer chains."""
    for casus_id in casussen:
        task_id, size = ready_task(rt, casus_id)
        with timed(samples, casus_id, "evaluate", size):
            instances.complete_task(rt, task_id, {"keuze": "doorgaan"}, CASEMANAGER)
    clock.advance(MONTH)
    due = set(instances.due_instances(rt))
    with rt.uow() as uow:
        current = {c: views.current_instance(uow.session, c).id for c in casussen}
    for casus_id in casussen:
        assert current[casus_id] in due
        with timed(samples, casus_id, "chain"):
            firing.fire(rt, current[casus_id], rt.clock.now())


@contextmanager
def timed(samples: dict | None, casus_id: str, key: str, size: int | None = None):
    wall, cpu = time.perf_counter(), time.process_time()
    yield
    if samples is not None:
        entry = samples[casus_id]
        entry[key].append(time.perf_counter() - wall)
        entry[key + "_cpu"].append(time.process_time() - cpu)
        if size is not None:
            entry.setdefault("size", size)  # at the first measured cycle


def engine_run(url: str) -> dict:
    """Bring casussen to cycle 1000 and 100, register a fresh one, then step the three in turn."""
    upgrade(url)
    clock = SimulatedClock()
    ephemeral_keys.install()
    rt = build_runtime(url, clock=clock)
    model_service.deploy(rt, {name: (BPMN / name).read_text(encoding="utf-8") for name in MODELS}, OWNER)
    for username, role in ((CASEMANAGER.username, "casemanager_zorg"), (DUO["casusregisseur_gemeente"],
                                                                        "casusregisseur_gemeente")):
        users.add_user(rt, username, "bench-wachtwoord", [role], "Gelderland-Zuid")
    old = [register(rt)]
    for cycle in range(1, POINTS[2]):
        if cycle == POINTS[2] - POINTS[1] + 1:
            old.append(register(rt))
        month(rt, clock, old)
    measured = [register(rt), old[1], old[0]]  # at cycle 1, 100 and 1000
    samples = {c: {k: [] for k in ("evaluate", "evaluate_cpu", "chain", "chain_cpu")} for c in measured}
    for _ in range(ROUNDS):
        month(rt, clock, measured, samples)
    return {"dialect": rt.session_factory.kw["bind"].dialect.name,
            "points": dict(zip(POINTS, (samples[c] for c in measured)))}


def raw_loop(model: str, limit: int) -> dict:
    """Drive the loop in one raw workflow, serializing after each step, until it breaks or ends."""
    parser = SpiffBpmnParser()
    parser.add_bpmn_file(str(BPMN / f"{model}.bpmn"))
    workflow = BpmnWorkflow(parser.get_spec(model))
    workflow.do_engine_steps()
    steps, sizes, depths, check = {}, {}, {}, {}
    outcome = f"still running after {limit} iterations"
    for iteration in range(1, limit + 1):
        ready = workflow.get_tasks(state=TaskState.READY, manual=True)
        if not ready:
            outcome = f"iteration {iteration}: no ready task, is_completed() = {workflow.is_completed()}"
            break
        started = time.perf_counter()
        try:
            ready[0].data["klaar"] = False
            ready[0].run()
            workflow.do_engine_steps()
            sizes[iteration] = len(json.dumps(serialization.serializer().to_dict(workflow)))
        except RecursionError:
            outcome = f"iteration {iteration}: RecursionError inside SpiffWorkflow"
            break
        steps[iteration] = time.perf_counter() - started
        started = time.perf_counter()
        depths[iteration] = runner.tree_depth(workflow)
        check[iteration] = time.perf_counter() - started
    return {"step": steps, "size": sizes, "depth": depths, "check": check, "outcome": outcome}


def median_ms(sample: dict, key: str) -> float:
    return statistics.median(sample[key]) * 1000


def ms(sample: dict, key: str) -> str:
    return f"{median_ms(sample, key):.1f} / {median_ms(sample, key + '_cpu'):.1f} ms"


def ratio(last: dict, first: dict, suffix: str) -> float:
    return ((median_ms(last, "evaluate" + suffix) + median_ms(last, "chain" + suffix))
            / (median_ms(first, "evaluate" + suffix) + median_ms(first, "chain" + suffix)))


def raw_point(samples: dict[int, float], point: int) -> float:
    around = [samples[i] for i in range(point - 2, point + 3) if i in samples]
    return statistics.median(around)


def main() -> None:
    url = os.environ.get("BENCH_DATABASE_URL") or f"sqlite:///{tempfile.mkdtemp()}/bench.sqlite3"
    run = engine_run(url)
    print(f"| cycle ({run['dialect']}) | evaluation step (wall / CPU) | chain step: timer, end, next cycle "
          "(wall / CPU) | live state |")
    print("|---|---|---|---|")
    for point, sample in run["points"].items():
        print(f"| {point:,}–{point + ROUNDS - 1:,} | {ms(sample, 'evaluate')} | {ms(sample, 'chain')} "
              f"| {sample['size']:,} bytes |")
    first, last = run["points"][POINTS[0]], run["points"][POINTS[-1]]
    sizes = [sample["size"] for sample in run["points"].values()]
    print(f"\ncycle-1000 / cycle-1 latency of both steps: {ratio(last, first, ''):.2f} wall, "
          f"{ratio(last, first, '_cpu'):.2f} CPU (goal <= 1.2); live state varies by {max(sizes) - min(sizes)} "
          "byte(s): the counter's digits\n")
    timer_loop, plain_loop = raw_loop("cycle_raw_loop", 400), raw_loop("cycle_loop", 600)
    print("| raw SpiffWorkflow loop with boundary timer | step + serialize | state | tree depth | depth check |")
    print("|---|---|---|---|---|")
    for point in (1, 100, 200):
        print(f"| iteration {point} | {raw_point(timer_loop['step'], point) * 1000:.1f} ms "
              f"| {timer_loop['size'][point]:,} bytes | {timer_loop['depth'][point]} "
              f"| {timer_loop['check'][point] * 1e6:.0f} µs |")
    print(f"| breaks at | {timer_loop['outcome']} | | {max(timer_loop['depth'].values())} | |")
    print(f"| plain loop, no timer (cycle_loop.bpmn) | {plain_loop['outcome']} | "
          f"| {max(plain_loop['depth'].values())} | |")


if __name__ == "__main__":
    main()
