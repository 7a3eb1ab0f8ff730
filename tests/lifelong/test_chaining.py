"""A casus moves from intake to cycle to cycle: each end event with chain_to starts the next
instance in the same step, on the newest version, carrying over what the model declares."""
import pytest
from sqlalchemy import select

from engine.audit import replay, trail, verify
from engine.casus import service as casus
from engine.errors import DeployRefused, Invalid, NotFound
from engine.instances import queries
from engine.persistence.tables import Casus, ProcessInstance
from engine.process_models import service as model_service
from handlers import HandlerContext
from handlers.pseudonimisering import pseudoniem
from tests.conftest import OWNER, actor, bpmn_files
from tests.lifelong.conftest import CASEMANAGER, PERSON, REGISSEUR, Casussen, add_duo_workers

AUDITOR = actor("auditor")


def chain(rt, casus_id: str) -> list[tuple]:
    with rt.uow() as uow:
        rows = uow.session.scalars(select(ProcessInstance).where(ProcessInstance.casus_id == casus_id)
                                   .order_by(ProcessInstance.cycle))
        return [(i.cycle, i.process_id, i.status) for i in rows]


def test_registering_starts_the_intake_under_the_new_casus(casussen):
    casus_id = casussen.register()
    view = casussen.view(casus_id)
    assert view["status"] == "aangemeld" and view["region"] == "gelderland_zuid"
    assert view["person"]["naam"] == "Jan de Vries"
    assert [(i["cycle"], i["process_model"], i["status"]) for i in view["instances"]] == [
        (0, "cycle_intake", "running")]
    assert [t["element"] for t in view["current_tasks"]] == ["inclusie"]
    assert queries.get_instance(casussen.rt, view["current_instance"], REGISSEUR)["data"] == {"casus_id": casus_id,
                                                                                           "regio": "gelderland_zuid"}


def test_inclusion_chains_to_the_first_cycle_in_the_same_step(casussen):
    casus_id = casussen.register()
    intake = casussen.current(casus_id)
    casussen.include(casus_id)
    assert chain(casussen.rt, casus_id) == [(0, "cycle_intake", "completed"), (1, "cycle_monthly", "running")]
    cycle = casussen.current(casus_id)
    data = queries.get_instance(casussen.rt, cycle.id, CASEMANAGER)["data"]
    assert set(data) == {"teller", "duo", "casus_id", "regio"}  # carried over; not 'includeren'
    assert data["duo"]["casemanager_zorg"]["id"] == "cm_anna" and data["teller"] == 0
    view = casussen.view(casus_id)
    assert view["status"] == "geincludeerd"
    assert view["duo"] == {"casemanager_zorg": "cm_anna", "casusregisseur_gemeente": "cr_carla"}
    with casussen.rt.uow() as uow:
        *_, last = trail.events_of(uow.session, intake.id)
        [started] = trail.events_of(uow.session, cycle.id)
        assert last.type == "cycle_chained"
        assert last.inputs["next_instance"] == cycle.id and last.inputs["end_event"] == "end_geincludeerd"
        assert started.inputs["chained_from"] == intake.id and started.inputs["data"]["teller"] == 0
    assert [e["type"] for e in view["timeline"]] == ["started", "task_completed", "cycle_chained", "started"]
    assert [e["cycle"] for e in view["timeline"]] == [0, 0, 0, 1]


def test_a_chained_trail_still_verifies_and_replays(casussen):
    casus_id = casussen.register()
    intake = casussen.current(casus_id)
    casussen.include(casus_id)
    casussen.cycle(casus_id)
    assert verify.verify_all(casussen.rt)["status"] == "verified"
    for instance_id in (intake.id, casussen.current(casus_id).id):
        assert replay.replay(casussen.rt, instance_id, AUDITOR)["status"] == "verified"


def test_an_end_without_chain_to_closes_the_casus(casussen):
    casus_id = casussen.register()
    casussen.complete(casus_id, "inclusie", {"includeren": False}, by=REGISSEUR)
    assert chain(casussen.rt, casus_id) == [(0, "cycle_intake", "completed")]
    assert casussen.view(casus_id)["status"] == "afgesloten"


def test_the_next_cycle_runs_the_newest_version_while_the_running_one_keeps_its_own(casussen, deploy):
    casus_id = casussen.register()
    casussen.include(casus_id)
    files = bpmn_files("cycle_monthly.bpmn", "evaluatie-keuze-schema.json")
    files["cycle_monthly.bpmn"] = files["cycle_monthly.bpmn"].replace('name="Evaluatie"', 'name="Evaluatie v2"')
    assert model_service.deploy(casussen.rt, files, OWNER).version == 2
    view = casussen.view(casus_id)
    assert [t["name"] for t in view["current_tasks"]] == ["Evaluatie"]
    casussen.cycle(casus_id)
    view = casussen.view(casus_id)
    assert [i["version"] for i in view["instances"]] == [1, 1, 2]
    assert [t["name"] for t in view["current_tasks"]] == ["Evaluatie v2"]


def test_a_chain_to_an_undeployed_process_refuses_the_step(rt, deploy, clock):
    deploy("cycle_intake.bpmn", "inclusie-schema.json")
    add_duo_workers(rt)
    casussen = Casussen(rt, clock)
    casus_id = casussen.register()
    with pytest.raises(NotFound, match="cycle_monthly"):
        casussen.include(casus_id)
    assert chain(rt, casus_id) == [(0, "cycle_intake", "running")] and casussen.ready(casus_id) == ["inclusie"]


def test_afsluiting_closes_the_casus_and_starts_nothing(casussen):
    casus_id = casussen.register()
    casussen.include(casus_id)
    casussen.complete(casus_id, "evaluatie", {"keuze": "afsluiten"})
    assert chain(casussen.rt, casus_id)[-1] == (1, "cycle_monthly", "completed")
    assert casussen.view(casus_id)["status"] == "afgesloten" and casussen.ready(casus_id) == []


def test_deploy_refuses_an_unknown_casus_status(rt):
    files = bpmn_files("cycle_monthly.bpmn", "evaluatie-keuze-schema.json")
    files["cycle_monthly.bpmn"] = files["cycle_monthly.bpmn"].replace('value="afgesloten"', 'value="gesloten"')
    with pytest.raises(DeployRefused) as refused:
        model_service.deploy(rt, files, OWNER)
    assert [(e["element_id"], "gesloten" in e["message"]) for e in refused.value.errors] == [("end_afgesloten", True)]


def test_the_pseudonym_is_stable_and_the_one_the_adviestafel_handler_gives(casussen):
    first, second = casussen.register(), casussen.register()
    with casussen.rt.uow() as uow:
        stored = {c.id: c.pseudonym for c in uow.session.scalars(select(Casus))}
        ctx = HandlerContext(now=casussen.clock.now(), ports=casussen.rt.ports(uow.session, casussen.clock.now()))
        assert stored[first] == pseudoniem(ctx, first) != stored[second]
    assert stored[first].startswith("LL-")


def test_a_first_instance_that_ends_at_once_still_chains(casussen, deploy):
    deploy("cycle_instant.bpmn")
    view = casus.register(casussen.rt, PERSON, "gelderland_zuid", REGISSEUR, "cycle_instant", {"doel": "verder", "teller": 7})
    assert [(i["cycle"], i["process_model"], i["status"]) for i in view["instances"]] == [
        (0, "cycle_instant", "completed"), (1, "cycle_monthly", "running")]
    assert view["status"] == "in_zorg" and [t["element"] for t in view["current_tasks"]] == ["evaluatie"]
    assert queries.get_instance(casussen.rt, view["current_instance"], REGISSEUR)["data"]["teller"] == 7


def test_a_chain_that_never_waits_is_refused_not_looped(casussen, deploy):
    deploy("cycle_instant.bpmn")
    with pytest.raises(Invalid, match="zonder wachtmoment"):
        casus.register(casussen.rt, PERSON, "gelderland_zuid", REGISSEUR, "cycle_instant", {"doel": "zelf"})
    with casussen.rt.uow() as uow:
        assert uow.session.scalars(select(Casus)).all() == []
