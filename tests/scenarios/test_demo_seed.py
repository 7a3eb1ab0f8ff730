"""`levensloop demo` seeds casussen in several phases, once."""
from api.demo_seed import DEMO_WORKERS, PHASES, seed_casussen
from engine.persistence.tables import ProcessInstance, User
from tests.scenarios.driver import Driver, deploy_processes


def test_demo_casussen_show_each_phase_and_seeding_twice_adds_nothing(rt, clock):
    deploy_processes(rt)
    with rt.uow() as uow:  # as ensure_workers makes them, without the slow password hashing
        uow.session.add_all(User(username=u, password_hash="!", roles=[r], region="Gelderland-Zuid", full_name=n,
                                 organisation=o) for u, r, n, o in DEMO_WORKERS)
        uow.commit()
    assert seed_casussen(rt) == list(PHASES)
    driver = Driver(rt, clock)
    with rt.uow() as uow:
        rows = [(i.id, i.process_id, i.status) for i in uow.session.query(ProcessInstance)]
    ready = {}
    for instance_id, process_id, status in rows:
        assert status in ("running", "completed")
        casus = driver.data(instance_id)["casus_id"]
        ready.setdefault(casus, set()).update(driver.ready(instance_id))
    assert ready["DEMO-1"] == {"casus_op_maat", "melding_aan_persoon"}
    assert ready["DEMO-2"] == {"adviestafel"}
    assert ready["DEMO-3"] == {"plan_gemeente"}
    assert {"risicotaxatie_uitvoeren", "risicotaxatie_te_laat", "monitoring_contact"} <= ready["DEMO-4"]

    assert seed_casussen(rt) == []
    with rt.uow() as uow:
        assert uow.session.query(ProcessInstance).count() == len(rows)
