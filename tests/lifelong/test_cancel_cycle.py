"""Cancelling the running cycle of a casus asks what becomes of the casus; it is never left stuck."""
import pytest

from engine.audit import trail, verify
from engine.errors import Conflict, Invalid
from engine.instances import queries
from engine.instances import service as instances
from engine.persistence.tables import ProcessInstance
from tests.lifelong.conftest import REGISSEUR


def test_cancelling_the_running_cycle_without_a_decision_is_refused_and_changes_nothing(casussen):
    casus_id = casussen.register()
    casussen.include(casus_id)
    cycle = casussen.current(casus_id)
    with pytest.raises(Conflict, match="afsluiten"):
        instances.cancel(casussen.rt, cycle.id, REGISSEUR)
    assert casussen.current(casus_id).status == "running"
    assert casussen.view(casus_id)["status"] == "geincludeerd"


def test_closing_the_casus_with_a_reason_cancels_and_closes_in_one_step(casussen):
    casus_id = casussen.register()
    casussen.include(casus_id)
    cycle = casussen.current(casus_id)
    instances.cancel(casussen.rt, cycle.id, REGISSEUR, {"casus_besluit": "afsluiten", "reden": "Verhuisd naar het buitenland"})
    assert verify.verify_all(casussen.rt)["status"] == "verified"
    view = casussen.view(casus_id)
    assert view["status"] == "afgesloten" and [i["status"] for i in view["instances"]][-1] == "cancelled"
    with casussen.rt.uow() as uow:
        last = trail.events_of(uow.session, cycle.id)[-1]
        assert (last.type, last.inputs["casus_besluit"], last.inputs["reden"]) == (
            "cancelled", "afsluiten", "Verhuisd naar het buitenland")


def test_a_new_cycle_starts_the_same_process_from_the_cancelled_cycles_start_data(casussen):
    casus_id = casussen.register()
    casussen.include(casus_id)
    cancelled = casussen.current(casus_id)
    started_with = queries.get_instance(casussen.rt, cancelled.id, REGISSEUR)["data"]
    instances.cancel(casussen.rt, cancelled.id, REGISSEUR, {"casus_besluit": "nieuwe_cyclus"})
    fresh = casussen.current(casus_id)
    assert (fresh.process_id, fresh.cycle, fresh.status) == (cancelled.process_id, cancelled.cycle + 1, "running")
    assert queries.get_instance(casussen.rt, fresh.id, REGISSEUR)["data"] == started_with
    assert casussen.view(casus_id)["status"] == "geincludeerd"
    assert verify.verify_all(casussen.rt)["status"] == "verified"
    with casussen.rt.uow() as uow:
        assert [e.type for e in trail.events_of(uow.session, cancelled.id)][-2:] == ["cancelled", "cycle_chained"]
        assert uow.session.get(ProcessInstance, cancelled.id).status == "cancelled"


@pytest.mark.parametrize("decision, field", [({"casus_besluit": "afsluiten"}, "reden"),
                                             ({"casus_besluit": "afsluiten", "reden": "  "}, "reden"),
                                             ({"casus_besluit": "pauzeren"}, "casus_besluit")])
def test_an_incomplete_decision_is_refused_at_its_field(casussen, decision, field):
    casus_id = casussen.register()
    casussen.include(casus_id)
    with pytest.raises(Invalid) as refused:
        instances.cancel(casussen.rt, casussen.current(casus_id).id, REGISSEUR, decision)
    assert set(refused.value.fields) == {field}
    assert casussen.current(casus_id).status == "running"


def test_an_instance_that_is_not_the_running_cycle_of_a_casus_takes_no_decision(rt, deploy):
    deploy("gw_parallel.bpmn", "waarde-schema.json")
    running = instances.start(rt, "gw_parallel", {}, REGISSEUR)
    with pytest.raises(Invalid):
        instances.cancel(rt, running["id"], REGISSEUR, {"casus_besluit": "afsluiten", "reden": "x"})
    assert instances.cancel(rt, running["id"], REGISSEUR)["status"] == "cancelled"
