"""An instance recorded before states referred to their version and before hash version 2 — its state
embedding the spec, every event hashing SpiffWorkflow's serialization (version 1, no version column)
— still loads, continues, verifies and replays; what it does next is recorded with version 2."""
from datetime import timedelta

import pytest

from engine.audit import replay
from engine.audit import trail as audit
from engine.audit import verify
from engine.instances import service as instances
from engine.persistence.tables import ProcessInstance
from engine.spiff import canonical, hash_versions, runner, serialization
from engine.timers import firing
from tests.audit.conftest import AANMELDER, AUDITOR, REGISSEUR, START_DATA, complete, refer, rehash, tamper


def old_state(workflow) -> dict:
    """What the engine stored before: SpiffWorkflow's whole serialization, spec included."""
    return {**serialization.serializer().to_dict(workflow),
            serialization.serializer().VERSION_KEY: serialization.serializer().VERSION}


def record_the_old_way(monkeypatch) -> dict:
    """Have every step also hash its state as the engine did before (the canonical form of the old
    state); returns {version-2 hash: version-1 hash} and, under "state", the last old state."""
    seen, live = {}, runner.run

    def run(workflow, command, clock, service_log, version):
        outcome = live(workflow, command, clock, service_log, version)
        seen["state"] = old_state(workflow)
        seen[outcome.state_hash] = canonical.state_hash(seen["state"])
        return outcome

    monkeypatch.setattr(runner, "run", run)
    return seen


def as_stored_before(rt, instance_id: str, old: dict) -> None:
    """Rewrite the instance and its trail as they were stored before, the chain rehashed under the key."""
    def change(session):
        for event in audit.events_of(session, instance_id):
            event.state_hash, event.state_hash_version = old[event.state_hash], None
        session.get(ProcessInstance, instance_id).state = old["state"]

    tamper(rt, change)
    rehash(rt, instance_id, lambda seq: audit.HMAC_SHA256)


def stored(rt, instance_id: str):
    with rt.uow() as uow:
        return (uow.session.get(ProcessInstance, instance_id).state,
                [e.state_hash_version for e in audit.events_of(uow.session, instance_id)])


@pytest.mark.parametrize("migrated", [False, True], ids=["as_stored", "spec_taken_out_by_0007"])
def test_an_instance_recorded_before_hash_v2_verifies_replays_and_continues(rt, clock, deploy, outside, monkeypatch,
                                                                           migrated):
    deploy("audit_scenario.bpmn", "audit-scenario-schema.json")
    old = record_the_old_way(monkeypatch)
    view = instances.start(rt, "audit_scenario", dict(START_DATA), AANMELDER)
    refer(rt, view["id"])
    clock.advance(timedelta(minutes=5))
    view = complete(rt, view, "intake", {"spoed": True}, AANMELDER)
    instances.deliver_message(rt, "signaal", {"bron": "zorg"}, AANMELDER, instance_id=view["id"])
    monkeypatch.undo()
    if migrated:
        old["state"] = serialization.without_spec(old["state"])
    as_stored_before(rt, view["id"], old)
    state, versions = stored(rt, view["id"])
    assert serialization.embeds_spec(state) is not migrated and versions == [None, None, None]

    assert verify.verify_instance(rt, view["id"], AUDITOR)["status"] == "verified"
    assert replay.replay(rt, view["id"], AUDITOR)["status"] == "verified"

    clock.advance(timedelta(days=1, seconds=1))
    firing.fire(rt, view["id"], rt.clock.now())  # the register is down: an incident
    outside["register_up"] = True
    view = instances.retry(rt, view["id"], REGISSEUR)
    view = complete(rt, view, "afronden", {"conclusie": "afgerond"}, REGISSEUR)
    assert view["status"] == "completed"
    state, versions = stored(rt, view["id"])
    assert not serialization.embeds_spec(state)
    assert versions == [None, None, None] + [hash_versions.V2] * 4
    assert verify.verify_instance(rt, view["id"], AUDITOR)["status"] == "verified"
    assert replay.replay(rt, view["id"], AUDITOR)["status"] == "verified"


def test_an_edited_old_state_is_still_found(rt, clock, deploy, outside, monkeypatch):
    deploy("audit_scenario.bpmn", "audit-scenario-schema.json")
    old = record_the_old_way(monkeypatch)
    view = instances.start(rt, "audit_scenario", dict(START_DATA), AANMELDER)
    monkeypatch.undo()
    old["state"]["data"]["bijgeschreven"] = True
    as_stored_before(rt, view["id"], old)
    [found] = verify.verify_instance(rt, view["id"], AUDITOR)["breaks"]
    assert (found["seq"], found["kind"]) == (1, "state_changed")
