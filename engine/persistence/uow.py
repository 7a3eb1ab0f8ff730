"""One unit of work per step: everything a step writes commits together or not at all."""
from typing import Callable

from sqlalchemy.orm import Session, sessionmaker
from sqlalchemy.orm.exc import StaleDataError

from engine.errors import Conflict
from engine.persistence.db import held_connection


class UnitOfWork:
    """``with uow:`` opens a session; ``commit()`` ends the step; leaving without commit rolls back.

    A step records what happened (``record``); ``commit`` first lets ``dispatch`` (the message bus,
    wired by the composition root) handle those events in this same transaction. What may only
    happen once the step is durable (waking a scheduler) is registered with ``after_commit``.
    """

    def __init__(self, session_factory: sessionmaker, dispatch: Callable[["UnitOfWork"], None] | None = None):
        self._session_factory = session_factory
        self._dispatch = dispatch
        self.session: Session | None = None
        self.events: list = []
        self._after_commit: list[Callable[[], None]] = []

    def record(self, event) -> None:
        self.events.append(event)

    def after_commit(self, callback: Callable[[], None]) -> None:
        self._after_commit.append(callback)

    def __enter__(self) -> "UnitOfWork":
        connection = held_connection(self._session_factory.kw["bind"])
        self.session = self._session_factory(bind=connection) if connection else self._session_factory()
        return self

    def __exit__(self, *exc_info):
        self.session.rollback()
        self.session.close()
        self.session = None
        self.events = []
        self._after_commit = []

    def flush(self) -> None:
        """Write pending changes now; a concurrent update of the same instance is a Conflict."""
        try:
            self.session.flush()
        except StaleDataError as err:
            self.session.rollback()
            raise Conflict("Deze zaak is intussen door iemand anders gewijzigd; laad opnieuw.") from err

    def commit(self) -> None:
        if self._dispatch is not None:
            self._dispatch(self)
        self.flush()
        self.session.commit()
        callbacks, self._after_commit = self._after_commit, []
        for callback in callbacks:
            callback()
