"""Need-to-know for casussen: engine.security.scope decides, in SQL, on the casus row's columns
and its duo assignments; this module only adds what the casus pages ask of a role.
"""
from sqlalchemy import select

from engine.persistence.tables import Casus
from engine.security import authorization, scope
from engine.security.actors import Actor


def may_register(actor: Actor) -> bool:
    return authorization.allows(actor, authorization.REGISTER)


def shows_person(actor: Actor) -> bool:
    """Whether the actor's roles ever show a person (the Adviestafel's never do)."""
    return authorization.role_view(actor) == authorization.FULL


def may_signal(rt, casus_id: str, actor: Actor) -> bool:
    """Whether the actor may report a signal on this casus: its duo, or a worker of its region."""
    with rt.uow() as uow:
        return bool(uow.session.scalar(select(scope.casus_view(actor, authorization.SIGNAL))
                                       .where(Casus.id == casus_id)))
