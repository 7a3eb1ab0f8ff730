"""Retention: a closed case older than the retention period loses its personal data; what is left
is a pseudonymised audit skeleton whose hash chain still verifies. Open and recent cases stay."""
from datetime import timedelta

import pytest

from engine.audit import replay, retention
from engine.audit import trail as audit
from engine.audit import verify as audit_verify
from engine.casus import service as casus
from engine.instances import queries
from engine.persistence.tables import Casus, ProcessInstance
from engine.security.actors import Actor
from tests.conftest import actor
from tests.scenarios import formdata as f
from tests.scenarios.driver import REGION
from tests.security.ketencase import (  # noqa: F401 (fixture)
    AANMELDING,
    PERSOON,
    SECRETS,
    driver,
    referred,
    register,
)

AUDITOR = actor("auditor")
DAYS = 365


def close_not_included(driver, intake: str) -> None:
    """The Adviestafel does not include: the advice goes back and the intake (and casus) close."""
    driver.complete(intake, "adviestafel", f.adviestafel("niet_includeren"))
    driver.complete(intake, "terugkoppeling_aanmelder", f.TERUGKOPPELING)
    assert driver.status(intake) == "completed"


def trail(rt, instance_id: str) -> list[tuple]:
    """(type, inputs, hash) of each stored event."""
    with rt.uow() as uow:
        return [(e.type, e.inputs, e.hash) for e in audit.events_of(uow.session, instance_id)]


def purged_at(rt, instance_id: str):
    with rt.uow() as uow:
        return uow.session.get(ProcessInstance, instance_id).purged_at


@pytest.fixture
def aged(driver, clock):
    """A closed case, an open one, then a year and a day later a recently closed one."""
    closed = referred(driver, "C-OUD")
    close_not_included(driver, closed)
    still_open = register(driver, "C-OPEN")
    clock.advance(timedelta(days=DAYS + 1))
    recent = referred(driver, "C-NIEUW")
    close_not_included(driver, recent)
    return closed, still_open, recent


def test_a_dry_run_lists_the_due_case_and_changes_nothing(rt, aged):
    closed, _, _ = aged
    before = trail(rt, closed)
    [case] = retention.purge(rt, DAYS, dry_run=True)
    assert case.instance_ids == [closed]
    assert trail(rt, closed) == before and purged_at(rt, closed) is None


def test_a_purge_leaves_a_pseudonymised_skeleton_whose_chain_verifies(rt, clock, aged):
    closed, still_open, recent = aged
    pseudonym = queries.get_instance(rt, closed, AUDITOR)["data"]["adviestafel_dossier"]["pseudoniem"]
    events_before = len(trail(rt, closed))
    [case] = retention.purge(rt, DAYS)
    assert case.instance_ids == [closed]
    events = trail(rt, closed)
    assert len(events) == events_before + 1 and events[-1][0] == "purged"
    assert [inputs for _, inputs, _ in events[:-1]] == [None] * events_before
    assert not any(secret in str(events[-1][1]) for secret in SECRETS)
    assert queries.get_instance(rt, closed, AUDITOR)["data"] == {"pseudoniem": pseudonym}
    assert purged_at(rt, closed) == clock.now()
    assert audit_verify.verify_all(rt)["status"] == "verified"
    report = replay.replay(rt, closed, AUDITOR)
    assert report["chain_break"] is None and report["divergence"]["kind"] == "not_replayable"
    assert "bewaartermijn opgeschoond" in report["divergence"]["message"]
    for untouched in (still_open, recent):
        assert queries.get_instance(rt, untouched, AUDITOR)["data"]["persoon"]["naam"] == PERSOON["naam"]
        assert replay.replay(rt, untouched, AUDITOR)["status"] == "verified"
    assert retention.purge(rt, DAYS) == []  # a purged case is not purged again


def test_a_closed_casus_loses_its_person_with_all_its_instances(rt, clock, driver):
    registrant = Actor("aanmelder", frozenset({"aanmelder"}), REGION)
    view = casus.register(rt, PERSOON, "gelderland_zuid", registrant)
    intake = view["current_instance"]
    driver.complete(intake, "aanmelding", AANMELDING)
    driver.complete(intake, "melding_aan_persoon", f.MELDING_GEDAAN)
    driver.complete(intake, "casus_op_maat", f.casus_op_maat("andere_route"))
    driver.complete(intake, "advies_andere_route", f.ADVIES_ONTVANGEN)
    open_casus = casus.register(rt, PERSOON, "gelderland_zuid", registrant)
    clock.advance(timedelta(days=DAYS + 1))
    [case] = retention.purge(rt, DAYS)
    assert (case.casus_id, case.instance_ids) == (view["id"], [intake])
    with rt.uow() as uow:
        purged, kept = uow.session.get(Casus, view["id"]), uow.session.get(Casus, open_casus["id"])
        assert purged.status == "afgesloten" and purged.person == {}
        assert kept.person["naam"] == PERSOON["naam"]
    assert [inputs for _, inputs, _ in trail(rt, intake)[:-1]] == [None] * (len(trail(rt, intake)) - 1)
    assert queries.get_instance(rt, intake, AUDITOR)["data"] == {"pseudoniem": view["pseudonym"]}
    assert audit_verify.verify_all(rt)["status"] == "verified"


def test_the_cli_purges_with_the_configured_period(app, aged, monkeypatch):
    monkeypatch.setenv(retention.ENV_DAYS, str(DAYS))
    runner = app.test_cli_runner()
    dry = runner.invoke(args=["retention", "purge", "--dry-run"])
    assert dry.exit_code == 0, dry.output
    assert "1 gesloten zaken ouder dan 365 dagen zouden worden opgeschoond." in dry.output
    done = runner.invoke(args=["retention", "purge"])
    assert "1 gesloten zaken ouder dan 365 dagen opgeschoond." in done.output
    verified = runner.invoke(args=["audit", "verify"])
    assert verified.exit_code == 0, verified.output
    assert runner.invoke(args=["retention", "purge", "--days", "100000"]).output.startswith("0 gesloten")
