"""Who performs a step: the authenticated user, or the engine itself (scheduler)."""
from dataclasses import dataclass, field

SYSTEM_ROLES = {"proceseigenaar", "auditor", "beheerder"}
WORKER_ROLES = {
    "aanmelder", "procesregisseur", "adviestafel", "casemanager_zorg", "casusregisseur_gemeente",
    "coordinator", "regiebehandelaar", "opnamecoordinator", "gedragsdeskundige", "sociaal_team",
    "casusregisseur_gezin", "verwijzer", "aanbieder",
}
ALL_ROLES = SYSTEM_ROLES | WORKER_ROLES


@dataclass(frozen=True)
class Actor:
    username: str
    roles: frozenset = field(default_factory=frozenset)
    region: str | None = None

    def has(self, *roles: str) -> bool:
        return bool(self.roles & set(roles))

    @property
    def is_worker(self) -> bool:
        return bool(self.roles & WORKER_ROLES)


SYSTEM = Actor("systeem", frozenset({"systeem"}))
