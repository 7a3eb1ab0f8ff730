"""An audited scenario on the simulated clock: user tasks, a gateway, a service task whose result
comes from outside, a message, a timer, and an incident that a retry resolves."""
from datetime import timedelta

import pytest
from sqlalchemy import select, text

from engine.audit import trail as audit
from engine.instances import queries
from engine.instances import service as instances
from engine.persistence.tables import AuditEvent, ProcessInstance
from engine.ports.referrals import DatabaseReferrals
from engine.timers import firing
from handlers import HandlerError
from tests.conftest import ON_POSTGRES, actor

AANMELDER = actor("aanmelder")
REGISSEUR = actor("procesregisseur")
AUDITOR = actor("auditor")
START_DATA = {"regio": "Gelderland-Zuid", "persoon": {"naam": "J. Jansen", "bsn": "999990019"},
              "adviestafel_dossier": {"pseudoniem": "LL-AUDIT00001"}}


def refer(rt, instance_id: str) -> None:
    """Refer the case to the Adviestafel as the pseudonymisation step does, so its pseudonymised reads apply."""
    with rt.uow() as uow:
        DatabaseReferrals(uow.session, rt.clock.now(), uow.session.get(ProcessInstance, instance_id)).refer()
        uow.commit()


@pytest.fixture
def outside(rt):
    """Handlers whose answers depend on the outside world: replay must use the recorded ones."""
    world = {"lookups": 0, "register_up": False}

    def audit_opzoeken(ctx, regio):
        world["lookups"] += 1
        return {"regio": regio, "opvraging": world["lookups"]}

    def audit_controle(ctx, regio):
        if not world["register_up"]:
            raise HandlerError("Register niet bereikbaar")
        return {"geregistreerd": True, "op": ctx.now.isoformat()}

    rt.handlers.update(audit_opzoeken=audit_opzoeken, audit_controle=audit_controle)
    return world


@pytest.fixture
def scenario(rt, clock, deploy, outside):
    """Run one instance through every kind of step; returns a function taking the gateway choice."""
    deploy("audit_scenario.bpmn", "audit-scenario-schema.json")

    def run(spoed: bool = True) -> str:
        view = instances.start(rt, "audit_scenario", dict(START_DATA), AANMELDER)
        refer(rt, view["id"])
        clock.advance(timedelta(minutes=5))
        view = complete(rt, view, "intake", {"spoed": spoed}, AANMELDER)
        if not spoed:
            clock.advance(timedelta(hours=2))
            view = complete(rt, view, "beoordelen", {"oordeel": "passend"}, REGISSEUR)
        clock.advance(timedelta(hours=1))
        instances.deliver_message(rt, "signaal", {"bron": "zorg"}, AANMELDER, instance_id=view["id"])
        clock.advance(timedelta(days=1, seconds=1))
        firing.fire(rt, view["id"], rt.clock.now())  # the register is down: an incident
        clock.advance(timedelta(minutes=30))
        outside["register_up"] = True
        view = instances.retry(rt, view["id"], REGISSEUR)
        clock.advance(timedelta(minutes=10))
        view = complete(rt, view, "afronden", {"conclusie": "afgerond"}, REGISSEUR)
        assert view["status"] == "completed"
        outside["register_up"] = False
        return view["id"]

    return run


def complete(rt, view: dict, element: str, data: dict, by) -> dict:
    [task] = [t for t in view["ready_tasks"] if t["element"] == element]
    return instances.complete_task(rt, task["id"], data, by)


def event_types(rt, instance_id: str) -> list[str]:
    return [e["type"] for e in queries.events(rt, instance_id, AUDITOR)]


def tamper(rt, change) -> None:
    """Run ``change(session)`` behind the engine's back; on PostgreSQL with triggers disabled
    for this transaction, as only a superuser could."""
    with rt.uow() as uow:
        if ON_POSTGRES:
            uow.session.execute(text("SET LOCAL session_replication_role = replica"))
        change(uow.session)
        uow.session.commit()


def stored_event(session, instance_id: str, seq: int) -> AuditEvent:
    return session.scalars(select(AuditEvent).where(AuditEvent.chain == instance_id, AuditEvent.seq == seq)).one()


def rehash(rt, instance_id: str, alg_of) -> None:
    """Recompute the chain behind the engine's back, event ``seq`` hashed with ``alg_of(seq)``."""
    def change(session):
        prev = audit.GENESIS
        for event in audit.events_of(session, instance_id):
            event.hash_alg, event.prev_hash = alg_of(event.seq), prev
            event.hash = audit.event_hash(event.chain, event.seq, event.type, event.actor, event.at,
                                          event.inputs_digest, event.state_hash, prev, event.hash_alg,
                                          event.state_hash_version)
            prev = event.hash
        session.get(ProcessInstance, instance_id).last_event_hash = prev

    tamper(rt, change)


@pytest.fixture
def cli(app):
    runner = app.test_cli_runner()
    return lambda *args: runner.invoke(args=list(args))
