"""`levensloop demo` registers casussen in several phases, once, as real casussen with a duo and a chain."""
from api.demo_seed import DEMO_WORKERS, PHASES, seed_casussen
from engine.casus import views
from engine.persistence.tables import Casus, ProcessInstance, User
from tests.scenarios.driver import OVERVIEW, Driver, deploy_processes


def test_demo_casussen_show_each_phase_and_seeding_twice_adds_nothing(rt, clock):
    deploy_processes(rt)
    with rt.uow() as uow:  # as ensure_workers makes them, without the slow password hashing
        uow.session.add_all(User(username=u, password_hash="!", roles=[r], region="Gelderland-Zuid", full_name=n,
                                 organisation=o) for u, r, n, o in DEMO_WORKERS)
        uow.commit()
    seeded = seed_casussen(rt)
    assert list(seeded) == list(PHASES)
    driver = Driver(rt, clock)
    ready = {}
    for key, casus_id in seeded.items():
        casus = views.get(rt, casus_id, OVERVIEW)
        ready[key] = {task["element"] for task in casus["current_tasks"]}
        assert all(driver.status(instance["id"]) in ("running", "completed") for instance in casus["instances"])
    assert ready["DEMO-1"] == {"casus_op_maat", "melding_aan_persoon"}
    assert ready["DEMO-2"] == {"adviestafel"}
    assert ready["DEMO-3"] == {"plan_gemeente"}
    assert {"risicotaxatie_uitvoeren", "risicotaxatie_te_laat", "monitoring_contact"} <= ready["DEMO-4"]
    included = views.get(rt, seeded["DEMO-3"], OVERVIEW)
    assert included["status"] == "geincludeerd" and [i["cycle"] for i in included["instances"]] == [0, 1]
    assert included["duo"]["casemanager_zorg"] and included["duo"]["casusregisseur_gemeente"]

    with rt.uow() as uow:
        counts = (uow.session.query(Casus).count(), uow.session.query(ProcessInstance).count())
    assert seed_casussen(rt) == {}
    with rt.uow() as uow:
        assert (uow.session.query(Casus).count(), uow.session.query(ProcessInstance).count()) == counts
