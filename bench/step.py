"""One task completion over HTTP against raw SpiffWorkflow doing the same step, in the same run.

Model: tests/bpmn/loop_plain.bpmn (a user task with a JSON Schema form, a gateway, a script task, back).
Levensloop: ``POST /api/v1/tasks/<id>/complete`` through the Flask app (WSGI in-process, a real token,
form validation, the unit of work, audit event, worklist, the response). Raw: SpiffWorkflow 3.2.0 alone —
JSON text -> ``from_dict`` -> complete the user task -> ``do_engine_steps`` -> ``to_dict`` -> JSON text,
each time from the same stored state (raw has no compaction, so its tree would grow every round).
Also counts the SQL statements of one completion. Goal: Levensloop / raw <= 5.

Run: ``.venv/bin/python bench/step.py [STEPS]`` (SQLite in a temporary directory, or the empty,
migrated-here database in ``BENCH_DATABASE_URL``).
"""
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench import ephemeral_keys  # noqa: E402

ephemeral_keys.install()
os.environ.setdefault("LEVENSLOOP_SECRET_KEY", "bench-" + os.urandom(16).hex())

from sqlalchemy import event  # noqa: E402
from SpiffWorkflow.bpmn.serializer.workflow import BpmnWorkflowSerializer  # noqa: E402
from SpiffWorkflow.bpmn.workflow import BpmnWorkflow  # noqa: E402
from SpiffWorkflow.spiff.parser.process import SpiffBpmnParser  # noqa: E402
from SpiffWorkflow.spiff.serializer.config import SPIFF_CONFIG  # noqa: E402
from SpiffWorkflow.util.task import TaskState  # noqa: E402

from api import create_app  # noqa: E402
from engine.bootstrap import build_runtime  # noqa: E402
from engine.clock import SimulatedClock  # noqa: E402
from engine.persistence.migrate import upgrade  # noqa: E402
from engine.process_models import service as model_service  # noqa: E402
from engine.security import users  # noqa: E402
from engine.security.actors import Actor  # noqa: E402

BPMN = ROOT / "tests" / "bpmn"
MODEL, FORM = BPMN / "loop_plain.bpmn", BPMN / "loop-evaluatie-schema.json"
OWNER = Actor("bench", frozenset({"proceseigenaar"}))
DATA = {"afsluiten": False}
WARMUP = 20


class Levensloop:
    """An app with the loop deployed, one instance, and a procesregisseur's token."""

    def __init__(self, url: str):
        upgrade(url)
        self.rt = build_runtime(url, clock=SimulatedClock())
        model_service.deploy(self.rt, {MODEL.name: MODEL.read_text("utf-8"), FORM.name: FORM.read_text("utf-8")},
                             OWNER)
        users.add_user(self.rt, "bench_pr", "bench-wachtwoord", ["procesregisseur"], "gelderland_zuid")
        self.client = create_app({"TESTING": True}, runtime=self.rt).test_client()
        token = self.client.post("/api/v1/auth/token",
                                 json={"username": "bench_pr", "password": "bench-wachtwoord"}).json["token"]
        self.headers = {"Authorization": f"Bearer {token}"}
        self.view = self.client.post("/api/v1/process-instances", json={"process_model": "loop_plain"},
                                     headers=self.headers).json

    def step(self) -> None:
        [task] = self.view["ready_tasks"]
        response = self.client.post(f"/api/v1/tasks/{task['id']}/complete", json={"data": DATA},
                                    headers=self.headers)
        assert response.status_code == 200, response.json
        self.view = response.json

    def statements_of_one_step(self) -> int:
        engine, seen = self.rt.session_factory.kw["bind"], []
        listener = lambda *args: seen.append(args[2])  # noqa: E731
        event.listen(engine, "before_cursor_execute", listener)
        self.step()
        event.remove(engine, "before_cursor_execute", listener)
        return len(seen)


class Raw:
    """SpiffWorkflow alone: the same model, its state kept as JSON text between steps."""

    def __init__(self):
        parser = SpiffBpmnParser()
        parser.add_bpmn_file(str(MODEL))
        self.serializer = BpmnWorkflowSerializer(BpmnWorkflowSerializer.configure(SPIFF_CONFIG))
        workflow = BpmnWorkflow(parser.get_spec("loop_plain"))
        workflow.do_engine_steps()
        self.stored = self.serializer.serialize_json(workflow)

    def step(self) -> str:
        workflow = self.serializer.deserialize_json(self.stored)
        [task] = [t for t in workflow.get_tasks(state=TaskState.READY) if t.task_spec.manual]
        task.data.update(DATA)
        task.run()
        workflow.do_engine_steps()
        return self.serializer.serialize_json(workflow)


def timed(step, count: int) -> tuple[float, float]:
    """Median wall and CPU milliseconds of ``count`` calls."""
    walls, cpus = [], []
    for _ in range(count):
        wall, cpu = time.perf_counter(), time.process_time()
        step()
        walls.append(time.perf_counter() - wall)
        cpus.append(time.process_time() - cpu)
    return statistics.median(walls) * 1000, statistics.median(cpus) * 1000


def main(steps: int) -> None:
    url = os.environ.get("BENCH_DATABASE_URL") or f"sqlite:///{tempfile.mkdtemp()}/bench.sqlite3"
    live, raw = Levensloop(url), Raw()
    timed(live.step, WARMUP), timed(raw.step, WARMUP)
    statements = live.statements_of_one_step()
    # interleaved rounds, so both see the same load on a shared machine
    rounds = [(timed(live.step, steps // 5), timed(raw.step, steps // 5)) for _ in range(5)]
    live_wall = statistics.median(r[0][0] for r in rounds)
    live_cpu = statistics.median(r[0][1] for r in rounds)
    raw_wall = statistics.median(r[1][0] for r in rounds)
    raw_cpu = statistics.median(r[1][1] for r in rounds)
    dialect = live.rt.session_factory.kw["bind"].dialect.name
    print(f"| one completion ({dialect}) | wall | CPU | state |")
    print("|---|---:|---:|---:|")
    print(f"| Levensloop over HTTP ({statements} SQL statements) | {live_wall:.2f} ms | {live_cpu:.2f} ms | — |")
    print(f"| raw SpiffWorkflow 3.2.0 | {raw_wall:.2f} ms | {raw_cpu:.2f} ms | {len(raw.stored):,} bytes JSON |")
    print(f"\nLevensloop / raw: {live_wall / raw_wall:.1f}x wall, {live_cpu / raw_cpu:.1f}x CPU (goal <= 5)")
    live.rt.session_factory.kw["bind"].dispose()


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 500)
