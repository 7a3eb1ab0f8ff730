"""Local user accounts with argon2-hashed passwords."""
from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from sqlalchemy import select

from engine.errors import Conflict, Invalid
from engine.persistence.tables import User
from engine.security import login_guard
from engine.security.actors import ALL_ROLES, Actor

_hasher = PasswordHasher()
# verifying against this keeps timing equal for unknown usernames
_DUMMY_HASH = _hasher.hash("levensloop-dummy")


def add_user(rt, username: str, password: str, roles: list[str], region: str | None = None,
             full_name: str = "", organisation: str | None = None) -> Actor:
    unknown = sorted(set(roles) - ALL_ROLES)
    errors = {}
    if not username or len(username) > 100:
        errors["username"] = "Gebruikersnaam is verplicht (max. 100 tekens)."
    if not password or len(password) < 4:
        errors["password"] = "Wachtwoord moet minstens 4 tekens hebben."
    if not roles or unknown:
        errors["roles"] = f"Onbekende rol(len): {', '.join(unknown)}" if unknown else "Minstens één rol."
    if errors:
        raise Invalid("Gebruiker niet aangemaakt.", errors)
    with rt.uow() as uow:
        if uow.session.scalars(select(User).where(User.username == username)).first():
            raise Conflict(f"Gebruiker '{username}' bestaat al.")
        uow.session.add(User(username=username, password_hash=_hasher.hash(password), roles=sorted(roles),
                             region=region, full_name=full_name, organisation=organisation))
        uow.commit()
    return Actor(username, frozenset(roles), region)


def authenticate(rt, username: str, password: str) -> Actor | None:
    """The actor for a correct password, else None; raises Locked after repeated failures."""
    now = rt.clock.now()
    with rt.uow() as uow:
        login_guard.check_not_locked(uow.session, username, now)
        user = uow.session.scalars(select(User).where(User.username == username)).first()
        try:
            _hasher.verify(user.password_hash if user else _DUMMY_HASH, password or "")
        except (VerificationError, InvalidHashError):
            user = None
        if user is None:
            login_guard.record_failure(uow.session, username, now)
        else:
            login_guard.record_success(uow.session, username)
        uow.commit()
        return actor_of(user) if user else None


def find_actor(rt, username: str) -> Actor | None:
    with rt.uow() as uow:
        user = uow.session.scalars(select(User).where(User.username == username)).first()
        return actor_of(user) if user else None


def actor_of(user: User) -> Actor:
    return Actor(user.username, frozenset(user.roles), user.region)
