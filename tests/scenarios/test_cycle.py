"""A cycle of an included casus: plan, signals, opschaling with a secured bed, evaluatie and its ends."""
import pytest

from engine.errors import Forbidden, NotFound
from engine.instances import service as instances
from engine.persistence.tables import BedReservation
from tests.scenarios import formdata as f
from tests.scenarios.driver import worker
from tests.scenarios.paths import plan, start_cycle


@pytest.fixture
def cycle(driver):
    return start_cycle(driver)


@pytest.fixture
def monitoring(driver, cycle):
    plan(driver, cycle)
    return cycle


def reservations(driver, **filters) -> list[dict]:
    with driver.rt.uow() as uow:
        rows = uow.session.query(BedReservation).filter_by(**filters).order_by(BedReservation.id)
        return [{"id": r.id, "organisation": r.organisation, "slot": r.slot, "casus_id": r.casus_id,
                 "released_at": r.released_at} for r in rows]


def test_plan_is_made_in_parallel_each_half_by_its_own_case_manager(driver, cycle):
    assert {driver.task(cycle, t)["lane"] for t in ("plan_zorg", "plan_gemeente")} == {
        "casemanager_zorg", "casusregisseur_gemeente"}
    before = driver.event_count(cycle)
    with pytest.raises(Forbidden, match="casemanager_zorg"):
        driver.complete(cycle, "plan_zorg", f.PLAN_ZORG, role="casusregisseur_gemeente")
    assert driver.event_count(cycle) == before
    driver.complete(cycle, "plan_gemeente", f.PLAN_GEMEENTE)
    assert driver.ready(cycle) == ["plan_zorg"]  # the join waits for the other half
    driver.complete(cycle, "plan_zorg", f.PLAN_ZORG)
    assert driver.ready(cycle) == ["monitoring_contact"]


def test_signals_for_the_casus_ask_the_right_domain_to_adjust_the_plan(driver, monitoring):
    assert driver.signal("signaal_gemeente", "C-1", omschrijving="Huurachterstand") == [monitoring]
    driver.signal("detentie", "C-1", omschrijving="Aangehouden na bedreiging")
    assert driver.task(monitoring, "plan_bijstellen_signaal_gemeente")["lane"] == "casusregisseur_gemeente"
    assert driver.task(monitoring, "plan_bijstellen_detentie")["lane"] == "casemanager_zorg"
    bericht = driver.task_data(monitoring, "plan_bijstellen_detentie")["detentie_bericht"]
    assert bericht == {"casus_id": "C-1", "omschrijving": "Aangehouden na bedreiging"}
    with pytest.raises(NotFound):
        driver.signal("signaal_zorg", "C-ANDERS", omschrijving="Niet voor deze casus")
    driver.complete(monitoring, "plan_bijstellen_detentie", f.PLAN_BIJSTELLEN)
    driver.complete(monitoring, "plan_bijstellen_signaal_gemeente", f.PLAN_BIJSTELLEN)
    assert driver.ready(monitoring) == ["monitoring_contact"]
    assert driver.completed(monitoring)[-2:] == [
        ("plan_bijstellen_detentie", "cm_anna", f.PLAN_BIJSTELLEN),
        ("plan_bijstellen_signaal_gemeente", "cr_carla", f.PLAN_BIJSTELLEN)]


def request_clinical(driver, cycle) -> None:
    driver.complete(cycle, "monitoring_contact", f.contact("opschalen"))
    driver.complete(cycle, "opschaling_aanvragen", f.opschaling("klinisch"))


def test_klinische_opschaling_needs_an_indication_signed_by_both(driver, monitoring):
    request_clinical(driver, monitoring)
    err = driver.refused(monitoring, "medische_indicatie", {**f.MEDISCHE_INDICATIE, "medische_indicatie_omschrijving": ""})
    assert set(err.fields) == {"medische_indicatie_omschrijving"}
    driver.complete(monitoring, "medische_indicatie", f.MEDISCHE_INDICATIE)
    assert driver.task(monitoring, "indicatie_regiebehandelaar")["lane"] == "regiebehandelaar"
    driver.complete(monitoring, "indicatie_regiebehandelaar", f.regiebehandelaar(akkoord=False))
    assert "op_end_geweigerd" in driver.ends(monitoring)
    assert driver.ready(monitoring) == ["monitoring_contact"] and reservations(driver) == []

    request_clinical(driver, monitoring)
    driver.complete(monitoring, "medische_indicatie", f.MEDISCHE_INDICATIE)
    driver.complete(monitoring, "indicatie_regiebehandelaar", f.regiebehandelaar(akkoord=True))
    choice = driver.task_data(monitoring, "bed_kiezen")
    assert choice["klinische_opschaling"]["toegestaan"] is True
    assert choice["bedden_beschikbaar"]["ggnet"]["beschikbaar"] == 6
    assert driver.task(monitoring, "bed_kiezen")["lane"] == "opnamecoordinator"
    driver.complete(monitoring, "bed_kiezen", f.bed("ggnet"))
    [bed] = reservations(driver, casus_id="C-1")
    assert (bed["organisation"], bed["slot"], bed["released_at"]) == ("ggnet", 1, None)
    assert driver.task_data(monitoring, "afschaling")["bed_reservering"]["id"] == bed["id"]
    driver.complete(monitoring, "afschaling", f.AFSCHALING)
    [bed] = reservations(driver, casus_id="C-1")
    assert bed["released_at"] == driver.clock.now() and bed["slot"] is None
    assert driver.ready(monitoring) == ["monitoring_contact"]


def test_a_full_organisation_refuses_the_bed_and_a_freed_bed_can_be_reserved_on_retry(driver, monitoring):
    others = [start_cycle(driver, f"C-BED-{n}") for n in range(6)]
    for other in others:
        plan(driver, other)
        request_clinical(driver, other)
        driver.complete(other, "medische_indicatie", f.MEDISCHE_INDICATIE)
        driver.complete(other, "indicatie_regiebehandelaar", f.regiebehandelaar(akkoord=True))
        driver.complete(other, "bed_kiezen", f.bed("ggnet"))
    assert len(reservations(driver, organisation="ggnet", released_at=None)) == 6
    request_clinical(driver, monitoring)
    driver.complete(monitoring, "medische_indicatie", f.MEDISCHE_INDICATIE)
    driver.complete(monitoring, "indicatie_regiebehandelaar", f.regiebehandelaar(akkoord=True))
    assert driver.task_data(monitoring, "bed_kiezen")["bedden_beschikbaar"]["ggnet"]["beschikbaar"] == 0
    view = driver.complete(monitoring, "bed_kiezen", f.bed("ggnet"))
    assert view["status"] == "error" and view["incident"]["element"] == "svc_bed_reserveren"
    assert "Geen beveiligd bed beschikbaar bij GGNet" in view["incident"]["message"]
    assert len(reservations(driver, organisation="ggnet")) == 6

    driver.complete(others[0], "afschaling", f.AFSCHALING)
    instances.retry(driver.rt, monitoring, worker("procesregisseur"))
    assert driver.status(monitoring) == "running"
    assert [r["slot"] for r in reservations(driver, casus_id="C-1")] == [1]
