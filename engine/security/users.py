"""Local user accounts with argon2-hashed passwords."""
from dataclasses import dataclass

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from sqlalchemy import bindparam, select

from engine.errors import Conflict, Invalid
from engine.persistence.db import autocommit_read
from engine.persistence.tables import User
from engine.security import login_guard
from engine.security.actors import ALL_ROLES, Actor

_hasher = PasswordHasher()
# verifying against this keeps timing equal for unknown usernames
_DUMMY_HASH = _hasher.hash("levensloop-dummy")
#: the client address of logins that do not come over the network (CLI, tests)
LOCAL_CLIENT = "local"


def hash_password(password: str) -> str:
    """One argon2 hash to give many accounts that share a password (the demo's), hashing once instead of per user."""
    return _hasher.hash(password)


def add_user(rt, username: str, password: str, roles: list[str], region: str | None = None,
             full_name: str = "", organisation: str | None = None, password_hash: str | None = None) -> Actor:
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
        if _user(uow.session, username):
            raise Conflict(f"Gebruiker '{username}' bestaat al.")
        uow.session.add(User(username=username, password_hash=password_hash or hash_password(password), roles=sorted(roles),
                             region=region, full_name=full_name, organisation=organisation))
        uow.commit()
    return Actor(username, frozenset(roles), region)


@dataclass(frozen=True)
class Account:
    """A user as a credential sees it: the actor, and the generation its tokens and sessions must carry."""

    actor: Actor
    generation: int


def authenticate(rt, username: str, password: str, client: str = LOCAL_CLIENT) -> Account | None:
    """The account for a correct password, else None; raises Locked after repeated failures.

    The attempt is counted (and committed) before the password is checked, so parallel guesses
    cannot all slip through; ``client`` is the caller's address, the unit of the lockout.
    """
    now = rt.clock.now()
    with rt.uow() as uow:
        refusal = login_guard.claim(uow.session, username, client, now)
        uow.commit()
    if refusal is not None:
        raise refusal
    with rt.uow() as uow:
        user = _user(uow.session, username)
        password_hash, account = (user.password_hash, account_of(user)) if user else (_DUMMY_HASH, None)
    try:
        _hasher.verify(password_hash, password or "")
    except (VerificationError, InvalidHashError):
        account = None
    with rt.uow() as uow:
        if account is None:
            login_guard.record_failure(uow.session, username, client, now)
        else:
            login_guard.record_success(uow.session, username, client)
        uow.commit()
    return account


def find_account(rt, username: str) -> Account | None:
    """The account behind a token, looked up on every request (roles may have changed): columns, no entity."""
    with autocommit_read(rt.session_factory.kw["bind"]) as connection:
        found = connection.execute(_ACCOUNT, {"username": username}).first()
    return account_of(found) if found else None


#: built once: constructing a statement costs more than running this one
_ACCOUNT = (select(User.username, User.roles, User.region, User.token_generation)
            .where(User.username == bindparam("username")))


def _user(session, username: str) -> User | None:
    return session.scalars(select(User).where(User.username == username)).first()


def account_of(user) -> Account:
    """The account of a ``User`` or of a row with its columns."""
    return Account(Actor(user.username, frozenset(user.roles), user.region), user.token_generation)


def display_names(rt, usernames) -> dict[str, str]:
    """The full name of each of these usernames that is a user with one; pages show names, not usernames."""
    wanted = sorted({u for u in usernames if isinstance(u, str) and 0 < len(u) <= 100})
    if not wanted:
        return {}
    with rt.uow() as uow:
        rows = uow.session.execute(select(User.username, User.full_name).where(User.username.in_(wanted)))
        return {username: full_name for username, full_name in rows if full_name}
