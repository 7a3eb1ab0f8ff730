"""Scenario fixtures: processes/ deployed, duo workers in the users table, a driver on the clock."""
from datetime import datetime, timezone

import pytest

from engine.models import User
from tests.scenarios.driver import REGION, Driver, deploy_processes

#: 20 April 2027, 10:00 in Amsterdam: a week before Koningsdag.
START = datetime(2027, 4, 20, 8, 0, tzinfo=timezone.utc)

WORKERS = [
    ("cm_anna", "casemanager_zorg", "Anna Jansen", "Pro Persona"),
    ("cm_bram", "casemanager_zorg", "Bram de Wit", "GGNet"),
    ("cr_carla", "casusregisseur_gemeente", "Carla Smit", "Gemeente Nijmegen"),
]


@pytest.fixture
def driver(rt, clock):
    clock.set(START)
    deploy_processes(rt)
    with rt.uow() as uow:  # they never log in here, so no (slow) password hashing
        uow.session.add_all(User(username=username, password_hash="!", roles=[role], region=REGION,
                                 full_name=name, organisation=organisation)
                            for username, role, name, organisation in WORKERS)
        uow.commit()
    return Driver(rt, clock)
