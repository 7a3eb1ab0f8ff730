"""Services a handler reads from ``ctx.ports[NAME]``; the engine implements them.

Each port is a small Protocol. Handlers never keep state or touch the database: what must be
counted or stored across casussen (caseloads, bed reservations, the pseudonym key) lives behind
a port. Tests use in-memory fakes (tests/handlers/fakes.py).
"""
from typing import Protocol

#: Port names, as keys of ``HandlerContext.ports``.
CASEMANAGERS = "casemanagers"
BEDDEN = "bedden"
PSEUDONIEM_SLEUTEL = "pseudoniem_sleutel"
VERWIJZING = "verwijzing"


class CaseManagerDirectory(Protocol):
    """``ctx.ports["casemanagers"]``: who can be casemanager_zorg / casusregisseur_gemeente.

    A worker is a dict ``{"id", "naam", "organisatie", "regio", "rol", "caseload"}`` where
    ``rol`` is ``casemanager_zorg`` or ``casusregisseur_gemeente`` and ``caseload`` the number
    of active casussen the worker is assigned to now (the engine counts its duo assignments).
    """

    def candidates(self, rol: str, regio: str) -> list[dict]:
        """Workers with role ``rol`` in region ``regio`` (any caseload)."""
        ...

    def find(self, worker_id: str) -> dict | None:
        """One worker by id, or None."""
        ...

    def assign(self, duo: dict) -> None:
        """Record ``{rol: worker id}`` as the duo of this step's case: who may see and work on it."""
        ...


class BedRegister(Protocol):
    """``ctx.ports["bedden"]``: reservations of secured beds; capacities are in handlers.config."""

    def active_reservations(self, organisatie: str) -> int:
        """Number of beds of ``organisatie`` reserved and not yet released."""
        ...

    def reserve(self, organisatie: str, casus_id: str, datum: str) -> str:
        """Store a reservation and return its id (the handler has checked capacity)."""
        ...

    def release(self, reservation_id: str) -> None:
        """Release a reservation; unknown ids raise KeyError."""
        ...


class PseudonymKey(Protocol):
    """``ctx.ports["pseudoniem_sleutel"]``: the secret for stable pseudonyms (never in task data)."""

    def key(self) -> bytes:
        ...


class Referrals(Protocol):
    """``ctx.ports["verwijzing"]``: records that this step's case goes to the Adviestafel."""

    def refer(self) -> None:
        ...
