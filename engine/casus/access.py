"""Need-to-know for casussen: engine.authorization's matrix decides, on the facts of the casus row
and its current instance's data; this module only gathers those facts.

Registering a casus is the aanmelder's work (or the procesregisseur's and coördinator's).
"""
from engine.errors import Forbidden
from engine.instances import queries
from engine.persistence.tables import Casus, ProcessInstance
from engine.security import authorization
from engine.security.actors import Actor

REGISTRARS = ("aanmelder", "procesregisseur", "coordinator")


def require_registrar(actor: Actor) -> None:
    if not (authorization.allows(actor, authorization.START) and actor.has(*REGISTRARS)):
        raise Forbidden("Alleen een aanmelder, procesregisseur of coördinator mag een casus aanmelden.")


def facts(casus: Casus, current: ProcessInstance | None) -> authorization.CaseFacts:
    return authorization.case_facts(current, queries.process_data(current) if current is not None else {}, casus)


def view(actor: Actor, casus: Casus, current: ProcessInstance | None) -> int:
    """FULL, PSEUDONYMISED or NONE (engine.authorization)."""
    return authorization.case_view(actor, facts(casus, current))


def require_view(actor: Actor, casus: Casus, current: ProcessInstance | None) -> int:
    return authorization.require_case(actor, facts(casus, current))


def shows_person(actor: Actor) -> bool:
    """Whether the actor's roles ever show a person (the Adviestafel's never do)."""
    return authorization.role_view(actor) == authorization.FULL
