"""One casus followed for more than 80 years of monthly evaluations: 1,000 cycles, each its own
small instance, chained in order, never completed unless afsluiting is chosen."""
from sqlalchemy import func, select

from engine.instances import queries
from engine.instances import service as instances
from engine.persistence.tables import ProcessInstance
from tests.lifelong.conftest import CASEMANAGER

CYCLES = 1000


def test_a_casus_runs_a_thousand_monthly_cycles_and_only_afsluiting_ends_it(casussen):
    casus_id = casussen.register()
    casussen.include(casus_id)
    started = casussen.clock.now()
    for cycle in range(1, CYCLES + 1):
        current, tasks = casussen.current_with_tasks(casus_id)
        assert (current.cycle, current.status, list(tasks)) == (cycle, "running", ["evaluatie"])  # its task appears
        instances.complete_task(casussen.rt, tasks["evaluatie"], {"keuze": "doorgaan"}, CASEMANAGER)
        assert casussen.next_month() == [current.id]  # a month later its timer ends it and chains
    assert (casussen.clock.now() - started).days > 80 * 365
    current = casussen.current(casus_id)
    assert current.cycle == CYCLES + 1 and casussen.ready(casus_id) == ["evaluatie"]
    assert queries.get_instance(casussen.rt, current.id, CASEMANAGER)["data"]["teller"] == CYCLES  # carried over
    with casussen.rt.uow() as uow:
        rows = uow.session.execute(select(ProcessInstance.cycle, ProcessInstance.status, ProcessInstance.started_at)
                                   .where(ProcessInstance.casus_id == casus_id).order_by(ProcessInstance.cycle)).all()
        assert [r.cycle for r in rows] == list(range(CYCLES + 2))
        assert [r.status for r in rows] == ["completed"] * (CYCLES + 1) + ["running"]
        assert [r.started_at for r in rows] == sorted(r.started_at for r in rows)
        assert uow.session.scalar(select(func.count()).select_from(ProcessInstance)) == CYCLES + 2
    assert casussen.view(casus_id)["status"] == "in_zorg"
    casussen.complete(casus_id, "evaluatie", {"keuze": "afsluiten"})
    assert casussen.view(casus_id)["status"] == "afgesloten" and casussen.ready(casus_id) == []
