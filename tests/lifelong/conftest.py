"""Drive casussen on the small cycle models: register, complete the current task, let a month pass."""
from datetime import timedelta

import pytest
from sqlalchemy import select

from engine.casus import service as casus
from engine.casus import views
from engine.instances import service as instances
from engine.persistence.tables import ProcessInstance, WorkTask
from engine.security import users
from engine.security.actors import Actor
from engine.timers import scheduler
from tests.conftest import actor

REGISSEUR = actor("procesregisseur")
#: the casemanager zorg of the duo that ``include`` assigns
CASEMANAGER = Actor("cm_anna", frozenset({"casemanager_zorg"}), "Gelderland-Zuid")
PERSON = {"naam": "Jan de Vries", "bsn": "999990019", "geboortedatum": "1980-02-01", "adres": "Markt 1, Nijmegen",
          "telefoon": "024-1234567"}
#: The inclusion decision of cycle_intake: include, with cm_anna and cr_carla as the duo.
INCLUSION = {"includeren": True, "casemanager_zorg": "cm_anna", "casusregisseur_gemeente": "cr_carla"}
MODELS = ("cycle_intake.bpmn", "cycle_monthly.bpmn", "inclusie-schema.json",
          "evaluatie-keuze-schema.json")


class Casussen:
    def __init__(self, rt, clock):
        self.rt, self.clock = rt, clock

    def register(self, person: dict | None = None, region: str = "gelderland_zuid", by=REGISSEUR,
                 data: dict | None = None) -> str:
        return casus.register(self.rt, person or PERSON, region, by, "cycle_intake", data)["id"]

    def current(self, casus_id: str) -> ProcessInstance:
        return self.current_with_tasks(casus_id)[0]

    def current_with_tasks(self, casus_id: str) -> tuple[ProcessInstance, dict[str, str]]:
        """The newest instance of the casus and its ready tasks (element id -> task id), in one read."""
        with self.rt.uow() as uow:
            instance = views.current_instance(uow.session, casus_id)
            rows = uow.session.execute(select(WorkTask.element, WorkTask.id).where(
                WorkTask.instance_id == instance.id, WorkTask.state == "ready"))
            tasks = dict(rows.all())
            uow.session.expunge(instance)
            return instance, tasks

    def ready(self, casus_id: str) -> list[str]:
        """Element ids of the casus's ready tasks (all its running instances)."""
        with self.rt.uow() as uow:
            ids = views.active_instance_ids(uow.session, casus_id)
            rows = uow.session.scalars(select(WorkTask.element).where(WorkTask.instance_id.in_(ids),
                                                                      WorkTask.state == "ready"))
            return sorted(rows)

    def complete(self, casus_id: str, element: str, data: dict | None = None, by=CASEMANAGER) -> dict:
        with self.rt.uow() as uow:
            ids = views.active_instance_ids(uow.session, casus_id)
            task_id = uow.session.scalars(select(WorkTask.id).where(
                WorkTask.instance_id.in_(ids), WorkTask.state == "ready", WorkTask.element == element)).first()
        assert task_id, f"{element} is not ready; ready: {self.ready(casus_id)}"
        return instances.complete_task(self.rt, task_id, data or {}, by)

    def include(self, casus_id: str, casemanager: str = "cm_anna") -> None:
        """Include the casus; the duo assignment makes ``casemanager`` and cr_carla its duo."""
        self.complete(casus_id, "inclusie", {**INCLUSION, "casemanager_zorg": casemanager}, by=REGISSEUR)

    def next_month(self) -> list[str]:
        """A month passes; every due timer fires, as the scheduler would."""
        self.clock.advance(timedelta(days=31, hours=1))  # past the longest month
        return scheduler.tick(self.rt).fired_ids

    def cycle(self, casus_id: str) -> None:
        """One monthly cycle: the evaluation says continue, a month later the next cycle starts."""
        self.complete(casus_id, "evaluatie", {"keuze": "doorgaan"})
        self.next_month()

    def view(self, casus_id: str, by=REGISSEUR) -> dict:
        return views.get(self.rt, casus_id, by)


def add_duo_workers(rt) -> None:
    """The workers the duo assignment may choose, in the casussen's region."""
    for username, role in (("cm_anna", "casemanager_zorg"), ("cm_bert", "casemanager_zorg"),
                           ("cr_carla", "casusregisseur_gemeente")):
        users.add_user(rt, username, "geheim-wachtwoord", [role], "Gelderland-Zuid")


@pytest.fixture
def casussen(rt, clock, deploy):
    deploy(*MODELS)
    add_duo_workers(rt)
    return Casussen(rt, clock)
