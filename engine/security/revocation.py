"""Ending tokens and web sessions before they expire: a per-user generation that every credential carries.

Chosen over a table of token ids because it is free per request: the user's row is read on every
request anyway (roles are looked up each time), so the check is one more column of that row, with no
write at login and no table that grows and needs pruning. The price: a logout ends all of the user's
tokens and sessions at once (log out everywhere), which is also what a beheerder's revocation needs.
"""
from sqlalchemy import update

from engine.errors import NotFound
from engine.persistence.tables import User
from engine.security import authorization
from engine.security.actors import Actor


def end_all(rt, username: str) -> bool:
    """Revoke every token and session of the user (one atomic increment); False for an unknown user."""
    with rt.uow() as uow:
        result = uow.session.execute(update(User).where(User.username == username)
                                     .values(token_generation=User.token_generation + 1))
        uow.commit()
    return result.rowcount == 1


def revoke(rt, actor: Actor, username: str) -> None:
    """A beheerder ends another user's tokens and sessions, e.g. after a lost laptop."""
    authorization.require(actor, authorization.USERS)
    if not end_all(rt, username):
        raise NotFound(f"Gebruiker '{username}' bestaat niet.")
