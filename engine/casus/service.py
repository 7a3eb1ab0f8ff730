"""The casus service: register a casus (starting its first instance) and deliver a message to it.

A casus outlives its process instances: registering starts its first (the intake) in the same
unit of work, and each instance ending through a ``chain_to`` end event starts the next
(engine.casus_chain). Messages address the casus and reach whichever instance waits for them.
"""
import uuid

from engine.casus import chain, views
from engine.casus import person as casus_person
from engine.errors import Conflict, Invalid, NotFound
from engine.execution import step, stored_state, subscriptions
from engine.instances import service as instances
from engine.persistence.tables import Casus
from engine.ports.casemanagers import region_code
from engine.process_models import deployments
from engine.security import authorization, scope
from engine.security.actors import Actor
from handlers import HandlerContext
from handlers.pseudonimisering import pseudoniem

DEFAULT_PROCESS = "levensloop_intake"


def register(rt, person: dict, region: str, actor: Actor, process_id: str | None = None,
             data: dict | None = None) -> dict:
    """Create the casus and start its first instance with ``casus_id`` and ``regio`` (the region's code) in
    its data; one unit of work. Those are the engine's to write: caller data may not hold them."""
    authorization.require(actor, authorization.REGISTER)
    instances.check_start_data(data)
    code = region_code(region)
    if code is None:
        raise Invalid("Onbekende regio.", {"region": f"Onbekende regio '{region}'."})
    with rt.uow() as uow:
        now = rt.clock.now()
        casus_id = str(uuid.uuid4())
        casus = Casus(id=casus_id, pseudonym=_pseudonym(rt, uow.session, casus_id, now), region=code,
                      status="aangemeld", created_at=now, aanmelder=actor.username)
        casus_person.write(casus, person)
        uow.session.add(casus)
        version = deployments.latest_version(uow.session, process_id or DEFAULT_PROCESS)
        instance, outcome = step.start(rt, uow, version, {**(data or {}), "casus_id": casus_id, "regio": code}, actor,
                                        casus_id=casus_id, cycle=0)
        if outcome.status == "completed":
            chain.on_completed(rt, uow, instance, stored_state.load(rt, uow.session, instance, None), outcome,
                                     actor, now)
        uow.commit()
    return views.get(rt, casus_id, actor)


def _pseudonym(rt, session, casus_id: str, now) -> str:
    """The same keyed hash the pseudonimisering handler uses, so the Adviestafel sees one pseudonym."""
    return pseudoniem(HandlerContext(now=now, ports=rt.ports(session, now)), casus_id)


def deliver_message(rt, casus_id: str, name: str, payload: dict | None, actor: Actor) -> list[str]:
    """Deliver to every running instance of the casus waiting for ``name``; ``casus_id`` is added to the
    payload, as the processes correlate on it."""
    if payload is not None and not isinstance(payload, dict):
        raise Invalid("Ongeldig bericht.", {"payload": "Verwacht een object."})
    with rt.uow() as uow:
        scope.casus_in_scope(uow.session, actor, casus_id, authorization.SIGNAL)
        active = views.active_instance_ids(uow.session, casus_id)
        waiting = set(subscriptions.waiting_instances(uow.session, name, None))
    if not active:
        raise Conflict("Deze casus heeft geen lopende procesinstantie.")
    targets = [instance_id for instance_id in active if instance_id in waiting]
    if not targets:
        raise NotFound(f"Geen procesinstantie van deze casus wacht op bericht '{name}'.")
    body = {**(payload or {}), "casus_id": casus_id}
    for instance_id in targets:
        instances.deliver_message(rt, name, body, actor, instance_id=instance_id)
    return targets
