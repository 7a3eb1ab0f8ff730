"""Run the processes with plain SpiffWorkflow, service tasks dispatched to handlers.HANDLERS.

This proves the diagrams execute on their own; scenario tests through the engine come on top.
"""
import json
from datetime import datetime, timezone
from pathlib import Path

import pytest
from SpiffWorkflow.bpmn import BpmnEvent
from SpiffWorkflow.bpmn.script_engine import PythonScriptEngine, TaskDataEnvironment
from SpiffWorkflow.bpmn.specs.event_definitions import timer as spiff_timer
from SpiffWorkflow.bpmn.specs.mixins.events.end_event import EndEvent
from SpiffWorkflow.bpmn.workflow import BpmnWorkflow
from SpiffWorkflow.spiff.parser.process import SpiffBpmnParser
from SpiffWorkflow.spiff.specs.event_definitions import MessageEventDefinition
from SpiffWorkflow.util.task import TaskState

from handlers import HANDLERS, HandlerContext
from handlers.memory_ports import MemoryBeds, MemoryCaseManagers, StaticKey

PROCESSES = Path(__file__).resolve().parents[2] / "processes"
WORKERS = [
    {"id": "cm-1", "naam": "Anna Jansen", "organisatie": "Pro Persona", "regio": "gelderland_midden",
     "rol": "casemanager_zorg", "caseload": 5},
    {"id": "cm-2", "naam": "Bram de Wit", "organisatie": "GGNet", "regio": "gelderland_midden",
     "rol": "casemanager_zorg", "caseload": 2},
    {"id": "cr-1", "naam": "Carla Smit", "organisatie": "Gemeente Arnhem", "regio": "gelderland_midden",
     "rol": "casusregisseur_gemeente", "caseload": 3},
]


class Clock:
    now = datetime(2027, 4, 20, 8, 0, tzinfo=timezone.utc)


class ClockDatetime(datetime):
    """SpiffWorkflow's timers read ``datetime.now``; here it reads the test clock."""

    @classmethod
    def now(cls, tz=None):
        return Clock.now.astimezone(tz) if tz else Clock.now.replace(tzinfo=None)


class HandlerEngine(PythonScriptEngine):
    def __init__(self, ports):
        super().__init__(environment=TaskDataEnvironment())
        self.ports = ports

    def call_service(self, task, operation_name=None, operation_params=None, **_kwargs):
        params = {name: spec["value"] for name, spec in (operation_params or {}).items()}
        ctx = HandlerContext(now=Clock.now, element=task.task_spec.bpmn_id, ports=self.ports)
        return json.dumps(HANDLERS[operation_name](ctx, **params))


class Run:
    """One workflow on the test clock, driven the way a worker and the scheduler would."""

    def __init__(self, parser, process_id, data, ports):
        self.ports = ports
        self.workflow = BpmnWorkflow(parser.get_spec(process_id), parser.get_subprocess_specs(process_id),
                                     script_engine=HandlerEngine(ports))
        for task in self.workflow.get_tasks(state=TaskState.READY):
            task.set_data(casus_id="C-1", **data)
        self.workflow.do_engine_steps()

    def ready(self) -> list[str]:
        return sorted(t.task_spec.bpmn_id for t in self.workflow.get_tasks(state=TaskState.READY, manual=True))

    def task(self, name):
        tasks = [t for t in self.workflow.get_tasks(state=TaskState.READY, manual=True) if t.task_spec.bpmn_id == name]
        assert tasks, f"{name} is not ready; ready: {self.ready()}"
        return tasks[0]

    def complete(self, name, **data):
        task = self.task(name)
        task.set_data(**data)
        task.run()
        self.workflow.do_engine_steps()
        return task

    def advance(self, iso: str):
        Clock.now = datetime.fromisoformat(iso)
        self.workflow.refresh_timers()
        self.workflow.do_engine_steps()

    def send(self, message: str, **payload):
        payload = {"casus_id": "C-1", **payload}
        event = BpmnEvent(MessageEventDefinition(message), payload, {"casus": {"casus_id": payload["casus_id"]}})
        self.workflow.catch(event)
        self.workflow.do_engine_steps()

    def ends(self) -> list[str]:
        return sorted(t.task_spec.bpmn_id for t in self.workflow.get_tasks(state=TaskState.COMPLETED)
                      if isinstance(t.task_spec, EndEvent) and t.task_spec.bpmn_id)

    def data(self, name):
        """The newest value of a data variable anywhere in the workflow."""
        tasks = [t for t in self.workflow.get_tasks(state=TaskState.COMPLETED) if name in t.data]
        return max(tasks, key=lambda t: t.last_state_change).data[name] if tasks else None


@pytest.fixture(scope="session")
def parser():
    parser = SpiffBpmnParser()
    parser.add_bpmn_files(sorted(str(p) for p in PROCESSES.glob("*.bpmn")))
    return parser


@pytest.fixture
def ports():
    return {"casemanagers": MemoryCaseManagers([dict(w) for w in WORKERS]), "bedden": MemoryBeds(),
            "pseudoniem_sleutel": StaticKey(b"test-sleutel")}


@pytest.fixture
def start(parser, ports, monkeypatch):
    """``start(process_id, **data)`` at 2027-04-20 10:00 Amsterdam time."""
    monkeypatch.setattr(spiff_timer, "datetime", ClockDatetime)
    monkeypatch.setattr(Clock, "now", datetime(2027, 4, 20, 8, 0, tzinfo=timezone.utc))
    return lambda process_id, **data: Run(parser, process_id, data, ports)
