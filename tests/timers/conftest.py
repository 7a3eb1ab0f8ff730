"""Helpers for timer tests: the stored due time, the trail of an instance, and a tick."""
from types import SimpleNamespace

import pytest

from engine.audit import trail as audit
from engine.persistence.tables import ProcessInstance
from engine.timers import scheduler


def stored(rt, instance_id) -> SimpleNamespace:
    """The instance row's columns, read in a unit of work of their own."""
    with rt.uow() as uow:
        row = uow.session.get(ProcessInstance, instance_id)
        return SimpleNamespace(**{c.key: getattr(row, c.key) for c in ProcessInstance.__table__.columns})


def trail(rt, instance_id) -> list:
    with rt.uow() as uow:
        events = audit.events_of(uow.session, instance_id)
        uow.session.expunge_all()
        return events


@pytest.fixture
def tick(rt):
    return lambda: scheduler.tick(rt)
