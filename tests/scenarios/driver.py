"""Drive the Ketenveldnorm processes through the engine's service layer, the way workers would.

Tasks are completed by BPMN element id as the role of their lane; signals go by name and casus id;
time moves only on the simulated clock, after which every due instance fires as the scheduler would.
"""
from datetime import datetime

from SpiffWorkflow.util.task import TaskState

from api.cli import read_model_files
from engine.bootstrap import PROJECT_ROOT
from engine.errors import Invalid
from engine.instances import queries
from engine.instances import service as instances
from engine.persistence.tables import AuditEvent, Casus, ProcessInstance
from engine.ports.casemanagers import DatabaseCaseManagers, open_assignments
from engine.process_models import service as model_service
from engine.security.actors import WORKER_ROLES, Actor
from engine.spiff import serialization
from engine.spiff.compaction import compacted_specs
from engine.timers import scheduler
from tests.conftest import OWNER

REGION = "Gelderland-Zuid"
#: Sees every lane and, as an auditor, every case, for look-ups only; tasks are always completed
#: as their own lane's role.
OVERVIEW = Actor("overzicht", frozenset(WORKER_ROLES | {"auditor"}), REGION)


def worker(role: str) -> Actor:
    return Actor(role, frozenset({role}), REGION)


def deploy_processes(rt) -> None:
    model_service.deploy(rt, read_model_files([PROJECT_ROOT / "processes", PROJECT_ROOT / "forms"]), OWNER)


class Driver:
    def __init__(self, rt, clock):
        self.rt = rt
        self.clock = clock

    def start(self, process_id: str, data: dict, role: str = "aanmelder") -> str:
        return instances.start(self.rt, process_id, data, worker(role))["id"]

    def view(self, instance_id: str) -> dict:
        return queries.get_instance(self.rt, instance_id, OVERVIEW)

    def ready(self, instance_id: str) -> list[str]:
        return sorted(t["element"] for t in self.view(instance_id)["ready_tasks"])

    def task(self, instance_id: str, element: str) -> dict:
        tasks = [t for t in self.view(instance_id)["ready_tasks"] if t["element"] == element]
        assert tasks, f"{element} is not ready; ready: {self.ready(instance_id)}"
        return tasks[0]

    def complete(self, instance_id: str, element: str, data: dict | None = None, role: str | None = None) -> dict:
        """Complete the (first) ready task ``element`` as ``role``, by default its lane's role; a duo role
        acts as the case's assigned member."""
        task = self.task(instance_id, element)
        return instances.complete_task(self.rt, task["id"], data or {}, self.member(instance_id, role or task["lane"]))

    def member(self, instance_id: str, role: str) -> Actor:
        """Who does the case's work in ``role``: its duo member, its registrant (aanmelder), else a worker
        of that role in the case's region."""
        with self.rt.uow() as uow:
            instance = uow.session.get(ProcessInstance, instance_id)
            held = {a.role: a.username for a in open_assignments(uow.session, instance.casus_id, instance.id)}
            casus = uow.session.get(Casus, instance.casus_id) if instance.casus_id else None
            held.setdefault("aanmelder", casus.aanmelder if casus else instance.started_by)
            region = instance.region
        return Actor(held.get(role, role), frozenset({role}), region)

    def assign(self, instance_id: str, duo: dict) -> None:
        """Record ``duo`` as the case's duo through the engine's port, as the intake's duo assignment does."""
        with self.rt.uow() as uow:
            instance = uow.session.get(ProcessInstance, instance_id)
            DatabaseCaseManagers(uow.session, self.clock.now(), instance).assign(duo)
            uow.commit()

    def refused(self, instance_id: str, element: str, data: dict, role: str | None = None) -> Invalid:
        """Submit invalid data: returns the Invalid error, after checking that nothing moved."""
        before = (self.ready(instance_id), self.event_count(instance_id))
        try:
            self.complete(instance_id, element, data, role)
        except Invalid as err:
            assert (self.ready(instance_id), self.event_count(instance_id)) == before
            return err
        raise AssertionError(f"{element} accepted invalid data {data}")

    def signal(self, name: str, casus_id: str, **payload) -> list[str]:
        payload = {"casus_id": casus_id, **payload}
        return instances.deliver_message(self.rt, name, payload, worker("procesregisseur"),
                                         correlation={"casus_id": casus_id})

    def advance_to(self, moment: str) -> list[str]:
        """Move the clock to ``moment`` (ISO) and fire every due timer, as the scheduler does."""
        self.clock.set(datetime.fromisoformat(moment))
        fired = scheduler.tick(self.rt).fired_ids
        return fired

    def data(self, instance_id: str) -> dict:
        return self.view(instance_id)["data"]

    def task_data(self, instance_id: str, element: str) -> dict:
        """The data a ready task sees, also inside a call activity (the instance view shows the top level)."""
        return queries.get_task(self.rt, self.task(instance_id, element)["id"], OVERVIEW)["data"]

    def status(self, instance_id: str) -> str:
        return self.view(instance_id)["status"]

    def ends(self, instance_id: str) -> dict[str, dict]:
        """End events reached (subprocesses included; also those compaction dropped from the task tree),
        each with its spiffworkflow properties."""
        with self.rt.uow() as uow:
            instance = uow.session.get(ProcessInstance, instance_id)
            version = self.rt.specs(uow.session, instance.process_version_id)
            state = serialization.with_spec(instance.state, version.serialized)
        reached = {}
        for workflow, spec in _workflows(state):
            tasks = workflow.get("tasks", {})
            names = [t["task_spec"] for t in tasks.values() if t["state"] == TaskState.COMPLETED]
            names += compacted_specs(workflow)
            for name in names:
                task_spec = spec.get("task_specs", {}).get(name, {})
                if task_spec.get("typename") == "EndEvent":
                    reached[task_spec["bpmn_id"]] = task_spec.get("extensions", {}).get("properties", {})
        return reached

    def completed(self, instance_id: str) -> list[tuple[str, str, dict]]:
        """(element, actor, data) of every task completed, in order, from the audit trail."""
        return [(e["inputs"]["element"], e["actor"], e["inputs"]["data"])
                for e in queries.events(self.rt, instance_id, OVERVIEW) if e["type"] == "task_completed"]

    def event_count(self, instance_id: str) -> int:
        with self.rt.uow() as uow:
            return uow.session.query(AuditEvent).filter(AuditEvent.chain == instance_id).count()


def _workflows(state: dict):
    yield state, state.get("spec", {})
    for sub in (state.get("subprocesses") or {}).values():
        spec = sub.get("spec")
        yield sub, state.get("subprocess_specs", {}).get(spec) if isinstance(spec, str) else (spec or {})
