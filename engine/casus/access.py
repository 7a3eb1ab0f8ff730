"""Need-to-know for casussen: engine.security.scope decides, in SQL, on the casus row's columns
and its duo assignments; this module only adds what the casus pages ask of a role.
"""
from engine.security import authorization
from engine.security.actors import Actor


def may_register(actor: Actor) -> bool:
    return authorization.allows(actor, authorization.REGISTER)


def shows_person(actor: Actor) -> bool:
    """Whether the actor's roles ever show a person (the Adviestafel's never do)."""
    return authorization.role_view(actor) == authorization.FULL
