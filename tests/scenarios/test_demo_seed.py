"""`levensloop demo` registers real casussen (with a duo and a chain) in every phase in both demo regions, and
casusregie gezin and Wmo trajecten, once; after it every demo worker finds work of its own."""
import pytest

from api.demo import DEMO_PASSWORD
from api.demo_seed import PHASES, seed_casussen
from api.demo_trajecten import seed_trajecten
from api.demo_users import REGIONS, demo_users, ensure_users
from engine.casus import views
from engine.instances import queries, worklist_query
from engine.persistence.pages import WHOLE_LIST
from engine.persistence.tables import Casus, ProcessInstance
from engine.security import users
from tests.scenarios.driver import OVERVIEW, deploy_processes

OPEN_TASKS = {"aangemeld": {"aanmelding"}, "casus_op_maat": {"casus_op_maat", "melding_aan_persoon"},
              "adviestafel": {"adviestafel"}, "inclusie": {"duo_bevestigen"}, "plan": {"plan_gemeente"},
              "monitoring": {"risicotaxatie_uitvoeren", "risicotaxatie_te_laat", "monitoring_contact"},
              "evaluatie": {"evaluatie"}, "afgesloten": set()}
SYSTEM_USERS = {"auditor", "beheerder", "proceseigenaar"}


@pytest.fixture
def seeded(rt):
    deploy_processes(rt)
    ensure_users(rt, DEMO_PASSWORD)
    return seed_casussen(rt), seed_trajecten(rt)


def test_demo_casussen_are_in_every_phase_in_both_regions_and_seeding_twice_adds_nothing(rt, seeded):
    casussen, trajecten = seeded
    assert list(casussen) == [f"{region.name}: {phase}" for region in REGIONS for phase in PHASES]
    for key, casus_id in casussen.items():
        casus = views.get(rt, casus_id, OVERVIEW)
        region, phase = key.split(": ")
        assert casus["region"] == {r.name: r.code for r in REGIONS}[region]
        assert {task["element"] for task in casus["current_tasks"]} >= OPEN_TASKS[phase], key
        if PHASES.index(phase) >= PHASES.index("plan"):
            assert [i["cycle"] for i in casus["instances"]][:2] == [0, 1] and all(casus["duo"].values()), key
    assert views.get(rt, casussen["Gelderland-Midden: afgesloten"], OVERVIEW)["status"] == "afgesloten"
    assert len(trajecten) == 12

    with rt.uow() as uow:
        counts = (uow.session.query(Casus).count(), uow.session.query(ProcessInstance).count())
    assert (seed_casussen(rt), seed_trajecten(rt)) == ({}, [])
    with rt.uow() as uow:
        assert (uow.session.query(Casus).count(), uow.session.query(ProcessInstance).count()) == counts


def test_every_demo_worker_finds_work_the_auditor_trails_and_the_proceseigenaar_models(rt, seeded):
    idle = []
    for user in demo_users():
        actor = users.find_account(rt, user.username).actor
        if user.username in SYSTEM_USERS:
            continue
        tasks = worklist_query.worklist(rt, actor, page=WHOLE_LIST).page.items
        if not tasks and not views.list_casussen(rt, actor, None, WHOLE_LIST).items:
            idle.append(user.username)
    assert idle == []
    auditor = users.find_account(rt, "auditor").actor
    seen = queries.list_instances(rt, auditor, None, page=WHOLE_LIST).items
    assert len(seen) > 30  # every demo instance, each with its audit trail
    assert all(queries.events(rt, instance["id"], auditor) for instance in seen[:5])
    assert {m["id"] for m in queries.process_models(rt)} >= {"levensloop_intake", "casusregie_gezin", "wmo_traject"}
