"""In-memory implementations of the ports in handlers.ports, for tests and the demo.

They keep state in plain Python structures; the engine's real ports read and write the database.
"""
from dataclasses import dataclass, field


@dataclass
class MemoryCaseManagers:
    """CaseManagerDirectory over a fixed list of worker dicts."""

    workers: list[dict] = field(default_factory=list)
    assigned: dict = field(default_factory=dict)

    def candidates(self, rol: str, regio: str) -> list[dict]:
        return [dict(w) for w in self.workers if w["rol"] == rol and w["regio"] == regio]

    def find(self, worker_id: str) -> dict | None:
        return next((dict(w) for w in self.workers if w["id"] == worker_id), None)

    def assign(self, duo: dict) -> None:
        self.assigned.update(duo)


@dataclass
class MemoryReferrals:
    """Referrals counting how often the case was referred."""

    referred: int = 0

    def refer(self) -> None:
        self.referred += 1


@dataclass
class MemoryBeds:
    """BedRegister keeping reservations in a dict; ids are sequential, so runs are repeatable."""

    reservations: dict[str, dict] = field(default_factory=dict)

    def active_reservations(self, organisatie: str) -> int:
        return sum(1 for r in self.reservations.values() if r["organisatie"] == organisatie)

    def reserve(self, organisatie: str, casus_id: str, datum: str) -> str:
        reservation_id = f"bed-{len(self.reservations) + 1}"
        while reservation_id in self.reservations:
            reservation_id += "x"
        self.reservations[reservation_id] = {"organisatie": organisatie, "casus_id": casus_id, "datum": datum}
        return reservation_id

    def release(self, reservation_id: str) -> None:
        del self.reservations[reservation_id]


@dataclass(frozen=True)
class StaticKey:
    """PseudonymKey returning a fixed secret."""

    secret: bytes

    def key(self) -> bytes:
        return self.secret
