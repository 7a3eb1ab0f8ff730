"""The demo's people: a full set of chain workers in two regions, and the system roles once.

Usernames say role and region: in Gelderland-Zuid the username is the role (``procesregisseur``), in
Gelderland-Midden the role with ``_midden`` (``procesregisseur_midden``). The Adviestafel sees every
referred casus whatever its region, so it has one member; the system roles have no region. Password ``demo``.
"""
from dataclasses import dataclass

from sqlalchemy import select

from engine.errors import Conflict
from engine.persistence.tables import User
from engine.security import users
from engine.security.actors import SYSTEM_ROLES, WORKER_ROLES, Actor


@dataclass(frozen=True)
class DemoRegion:
    name: str      # as users store it, e.g. "Gelderland-Zuid"
    code: str      # as handlers and casussen store it
    suffix: str    # of every username in the region
    gemeente: str  # where the region's demo people live

    def username(self, role: str) -> str:
        return role + self.suffix

    def actor(self, role: str, username: str | None = None) -> Actor:
        return Actor(username or self.username(role), frozenset({role}), self.name)


ZUID = DemoRegion("Gelderland-Zuid", "gelderland_zuid", "", "Nijmegen")
MIDDEN = DemoRegion("Gelderland-Midden", "gelderland_midden", "_midden", "Arnhem")
REGIONS = (ZUID, MIDDEN)
#: Roles the one Adviestafel member covers for both regions.
ONCE = {"adviestafel"}
#: Organisations of the duo workers (they appear in the assignment letter); a second duo per region in Zuid.
ORGANISATIONS = {
    (ZUID, "casemanager_zorg"): "Pro Persona", (ZUID, "casusregisseur_gemeente"): "Gemeente Nijmegen",
    (MIDDEN, "casemanager_zorg"): "GGNet", (MIDDEN, "casusregisseur_gemeente"): "Gemeente Arnhem",
}
SECOND_DUO = [
    ("casemanager_zorg_2", "casemanager_zorg", "Sanne Bakker", ZUID, "GGNet"),
    ("casusregisseur_gemeente_2", "casusregisseur_gemeente", "Ruud Hendriks", ZUID, "Gemeente Tiel"),
]


@dataclass(frozen=True)
class DemoUser:
    username: str
    role: str
    region: DemoRegion | None
    full_name: str
    organisation: str | None = None


def demo_users() -> list[DemoUser]:
    """Every demo user, in the order the README lists them."""
    found = []
    for region in REGIONS:
        for role in sorted(WORKER_ROLES):
            if region is ZUID or role not in ONCE:
                label = role if region is ZUID else f"{role} ({region.name})"
                found.append(DemoUser(region.username(role), role, region, f"Demo {label}",
                                      ORGANISATIONS.get((region, role))))
    found += [DemoUser(username, role, region, name, organisation)
              for username, role, name, region, organisation in SECOND_DUO]
    return found + [DemoUser(role, role, None, f"Demo {role}") for role in sorted(SYSTEM_ROLES)]


def ensure_users(rt, password: str) -> list[str]:
    """Create the demo users that do not exist yet (an existing one keeps its password); returns those created."""
    created, shared_hash = [], users.hash_password(password)
    for user in demo_users():
        try:
            users.add_user(rt, user.username, password, [user.role], user.region.name if user.region else None,
                           full_name=user.full_name, organisation=user.organisation, password_hash=shared_hash)
            created.append(user.username)
        except Conflict:
            _keep_organisation(rt, user)
    return created


def _keep_organisation(rt, user: DemoUser) -> None:
    """A demo database from before organisations were recorded gets them (the letter names them)."""
    if user.organisation is None:
        return
    with rt.uow() as uow:
        row = uow.session.scalars(select(User).where(User.username == user.username)).one()
        row.organisation = row.organisation or user.organisation
        uow.commit()
