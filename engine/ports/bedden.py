"""BedRegister over the bed_reservations table, written in the step's own transaction.

An active reservation holds a slot 1..capacity (handlers.config.BEDDEN) and the table has a unique
(organisation, slot) index: two steps reserving the last bed at the same moment cannot both commit,
whatever the isolation level. On PostgreSQL the loser gets a clear refusal (its step becomes an
incident); on SQLite its step fails as a whole and is simply done again.
"""
from sqlalchemy import func, select
from sqlalchemy.exc import IntegrityError

from engine.persistence.tables import BedReservation
from handlers.config import BEDDEN
from handlers.context import HandlerError


class DatabaseBeds:
    def __init__(self, session, now):
        self.session = session
        self.now = now

    def active_reservations(self, organisatie: str) -> int:
        return self.session.scalar(select(func.count()).select_from(BedReservation).where(
            BedReservation.organisation == organisatie, BedReservation.released_at.is_(None)))

    def _free_slot(self, organisatie: str) -> int:
        taken = set(self.session.scalars(select(BedReservation.slot).where(
            BedReservation.organisation == organisatie, BedReservation.slot.is_not(None))))
        free = [slot for slot in range(1, BEDDEN[organisatie]["capaciteit"] + 1) if slot not in taken]
        if not free:
            raise HandlerError(f"Geen beveiligd bed beschikbaar bij {BEDDEN[organisatie]['naam']}.")
        return free[0]

    def reserve(self, organisatie: str, casus_id: str, datum: str) -> str:
        if organisatie not in BEDDEN:
            raise HandlerError(f"Onbekende organisatie voor beveiligde bedden: '{organisatie}'.")
        number = self.session.scalar(select(func.count()).select_from(BedReservation).where(
            BedReservation.organisation == organisatie)) + 1
        reservation = BedReservation(id=f"{organisatie}-{number}", organisation=organisatie,
                                     slot=self._free_slot(organisatie), casus_id=casus_id,
                                     admission_date=datum, reserved_at=self.now)
        if self.session.get_bind().dialect.name == "sqlite":
            # pysqlite would turn a savepoint into a transaction of its own, committed apart from the
            # step; SQLite runs one writer at a time, so a racing step fails on its stale snapshot.
            self.session.add(reservation)
            self.session.flush()
            return reservation.id
        try:
            with self.session.begin_nested():
                self.session.add(reservation)
        except IntegrityError as err:
            raise HandlerError(f"Het laatste vrije bed bij {BEDDEN[organisatie]['naam']} is zojuist door een "
                               "andere casus gereserveerd; probeer het opnieuw.") from err
        return reservation.id

    def release(self, reservation_id: str) -> None:
        reservation = self.session.get(BedReservation, reservation_id)
        if reservation is None or reservation.released_at is not None:
            raise KeyError(reservation_id)
        reservation.released_at = self.now
        reservation.slot = None
        self.session.flush()
