"""``audit verify`` recomputes every chain and names the first broken link: an edited, deleted
or reordered event, a deleted last event, edited instance state or an edited deployed model."""
import copy

import pytest
from sqlalchemy import delete, select, text, update
from sqlalchemy.exc import DBAPIError

from engine.audit import replay
from engine.audit import verify as audit_verify
from engine.errors import Forbidden
from engine.persistence.tables import AuditEvent, Deployment, ProcessInstance
from tests.audit.conftest import AUDITOR, REGISSEUR, stored_event, tamper
from tests.conftest import ON_POSTGRES


def only_break(rt) -> dict:
    report = audit_verify.verify_all(rt)
    assert report["status"] == "broken"
    [found] = report["breaks"]
    return found


def test_an_untouched_database_verifies(rt, scenario):
    scenario(spoed=True)
    scenario(spoed=False)
    report = audit_verify.verify_all(rt)
    assert report == {"status": "verified", "chains": 3, "events": 7 + 8 + 1, "breaks": []}


def test_changing_one_events_data_is_found_at_that_event(rt, scenario):
    instance_id = scenario()

    def change(session):
        event = stored_event(session, instance_id, 2)
        inputs = copy.deepcopy(event.inputs)
        inputs["data"]["spoed"] = False
        event.inputs = inputs

    tamper(rt, change)
    found = only_break(rt)
    assert (found["chain"], found["seq"], found["kind"]) == (instance_id, 2, "inputs_changed")


def test_rehashing_an_edited_event_still_breaks_the_next_link(rt, scenario):
    instance_id = scenario()

    def change(session):
        event = stored_event(session, instance_id, 4)
        event.actor = "iemand_anders"
        event.hash = "f" * 64

    tamper(rt, change)
    found = only_break(rt)
    assert (found["seq"], found["kind"]) == (4, "hash_mismatch")


def test_deleting_an_event_is_found_where_it_is_missing(rt, scenario):
    instance_id = scenario()
    tamper(rt, lambda s: s.execute(delete(AuditEvent).where(AuditEvent.chain == instance_id, AuditEvent.seq == 3)))
    found = only_break(rt)
    assert (found["seq"], found["kind"]) == (3, "missing")


def test_deleting_the_last_event_is_found_through_the_instance_row(rt, scenario):
    instance_id = scenario()
    tamper(rt, lambda s: s.execute(delete(AuditEvent).where(AuditEvent.chain == instance_id, AuditEvent.seq == 7)))
    found = only_break(rt)
    assert (found["seq"], found["kind"]) == (7, "missing")


def test_swapping_two_events_is_found_at_the_first_of_them(rt, scenario):
    instance_id = scenario()

    def swap(session):
        third, fourth = stored_event(session, instance_id, 3), stored_event(session, instance_id, 4)
        third.seq = -3
        session.flush()
        fourth.seq = 3
        session.flush()
        third.seq = 4

    tamper(rt, swap)
    found = only_break(rt)
    assert (found["seq"], found["kind"]) == (3, "link_broken")
    assert replay.replay(rt, instance_id, AUDITOR)["divergence"]["seq"] == 3


def test_editing_the_stored_instance_state_is_found_at_the_last_event(rt, scenario):
    instance_id = scenario()

    def change(session):
        instance = session.get(ProcessInstance, instance_id)
        state = copy.deepcopy(instance.state)
        state["data"]["stiekem"] = "toegevoegd"
        instance.state = state

    tamper(rt, change)
    found = only_break(rt)
    assert (found["chain"], found["seq"], found["kind"]) == (instance_id, 7, "state_changed")


def test_editing_a_deployed_model_is_found(rt, scenario):
    scenario()

    def change(session):
        deployment = session.scalars(select(Deployment)).one()
        deployment.files = {name: text.replace('"P1D"', '"P2D"') for name, text in deployment.files.items()}

    tamper(rt, change)
    found = only_break(rt)
    assert (found["chain"], found["kind"]) == ("deployments", "model_changed")


def test_events_of_a_deleted_instance_are_reported(rt, scenario):
    instance_id = scenario()
    other = scenario()
    tamper(rt, lambda s: s.execute(update(AuditEvent).where(AuditEvent.chain == other).values(chain="weg")))
    report = audit_verify.verify_all(rt)
    assert {(b["chain"], b["kind"]) for b in report["breaks"]} == {(other, "missing"), ("weg", "orphaned")}
    assert audit_verify.verify_instance(rt, instance_id, AUDITOR)["status"] == "verified"


def test_erasing_an_events_inputs_outside_a_purge_is_found_at_that_event(rt, scenario):
    instance_id = scenario()
    tamper(rt, lambda s: s.execute(update(AuditEvent).where(AuditEvent.chain == instance_id, AuditEvent.seq == 3)
                                   .values(inputs=None)))
    found = only_break(rt)
    assert (found["chain"], found["seq"], found["kind"]) == (instance_id, 3, "inputs_erased")


def test_erased_inputs_before_a_purge_mark_alone_are_still_found(rt, scenario):
    """Marking the instance purged is not enough: a ``purged`` event must follow the blanked events."""
    instance_id = scenario()

    def erase_and_mark(session):
        session.execute(update(AuditEvent).where(AuditEvent.chain == instance_id).values(inputs=None))
        session.get(ProcessInstance, instance_id).purged_at = rt.clock.now()

    tamper(rt, erase_and_mark)
    report = audit_verify.verify_all(rt)
    assert (report["breaks"][0]["chain"], report["breaks"][0]["seq"], report["breaks"][0]["kind"]) == (
        instance_id, 1, "inputs_erased")


def test_only_auditors_verify_through_the_service(rt, scenario):
    instance_id = scenario()
    with pytest.raises(Forbidden):
        audit_verify.verify_instance(rt, instance_id, REGISSEUR)


@pytest.mark.postgres_only
@pytest.mark.skipif(not ON_POSTGRES, reason="the append-only trigger exists on PostgreSQL only")
@pytest.mark.parametrize("statement", [
    "UPDATE audit_events SET actor = 'iemand' WHERE seq = 1",
    "UPDATE audit_events SET inputs = '{}' WHERE seq = 1",
    "UPDATE audit_events SET inputs = NULL WHERE seq = 1",
    "UPDATE audit_events SET hash_alg = NULL, inputs = NULL WHERE seq = 1",
    "DELETE FROM audit_events WHERE seq = 7",
])
def test_postgresql_refuses_to_update_or_delete_events(rt, scenario, statement):
    scenario()
    with rt.uow() as uow:
        with pytest.raises(DBAPIError, match="append-only"):
            uow.session.execute(text(statement))


@pytest.mark.postgres_only
@pytest.mark.skipif(not ON_POSTGRES, reason="the append-only trigger exists on PostgreSQL only")
def test_postgresql_lets_only_a_purge_of_a_purged_instance_blank_inputs(rt, scenario):
    instance_id = scenario()
    blank = text("UPDATE audit_events SET inputs = NULL WHERE chain = :chain")
    with rt.uow() as uow:  # the purge setting alone, the instance not marked purged
        uow.session.execute(text("SELECT set_config('levensloop.purge_chain', :chain, true)"), {"chain": instance_id})
        with pytest.raises(DBAPIError, match="append-only"):
            uow.session.execute(blank, {"chain": instance_id})
    with rt.uow() as uow:  # marked purged, but the purge setting names another chain
        uow.session.get(ProcessInstance, instance_id).purged_at = rt.clock.now()
        uow.session.flush()
        uow.session.execute(text("SELECT set_config('levensloop.purge_chain', 'een-andere', true)"))
        with pytest.raises(DBAPIError, match="append-only"):
            uow.session.execute(blank, {"chain": instance_id})
