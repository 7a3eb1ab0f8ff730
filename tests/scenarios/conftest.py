"""Scenario fixtures: processes/ deployed, duo workers as users who can log in, a driver on the clock."""
from datetime import datetime, timezone

import pytest
from sqlalchemy import select

from engine.audit import replay
from engine.persistence.tables import ProcessInstance
from engine.security import users
from engine.security.actors import Actor
from tests.scenarios.driver import REGION, Driver, deploy_processes

PASSWORD = "geheim-wachtwoord"
AUDITOR = Actor("auditor", frozenset({"auditor"}))

#: 20 April 2027, 10:00 in Amsterdam: a week before Koningsdag.
START = datetime(2027, 4, 20, 8, 0, tzinfo=timezone.utc)

WORKERS = [
    ("cm_anna", "casemanager_zorg", "Anna Jansen", "Pro Persona"),
    ("cm_bram", "casemanager_zorg", "Bram de Wit", "GGNet"),
    ("cr_carla", "casusregisseur_gemeente", "Carla Smit", "Gemeente Nijmegen"),
    ("cr_elders", "casusregisseur_gemeente", "Eva Elders", "Gemeente Tiel"),
]


@pytest.fixture
def driver(rt, clock):
    clock.set(START)
    deploy_processes(rt)
    for username, role, name, organisation in WORKERS:
        users.add_user(rt, username, PASSWORD, [role], REGION, full_name=name, organisation=organisation)
    return Driver(rt, clock)


@pytest.fixture(autouse=True)
def every_scenario_replays(rt):
    """The auditor's promise: after each scenario, every instance it made replays as verified."""
    yield
    with rt.uow() as uow:
        ids = list(uow.session.scalars(select(ProcessInstance.id)))
    for instance_id in ids:
        result = replay.replay(rt, instance_id, AUDITOR)
        assert result["status"] == "verified", result
