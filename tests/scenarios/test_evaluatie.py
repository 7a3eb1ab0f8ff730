"""How a cycle ends: evaluatie → next cycle / afsluiting with an end report / overdracht after a
stay elsewhere of three months (and not when the person returns first)."""
import pytest

from tests.scenarios import formdata as f
from tests.scenarios.paths import CYCLE, plan, start_cycle


@pytest.fixture
def monitoring(driver):
    cycle = start_cycle(driver)
    plan(driver, cycle)
    return cycle


def evaluate(driver, cycle, besluit: str) -> None:
    driver.complete(cycle, "monitoring_contact", f.contact("evalueren"))
    assert driver.task(cycle, "evaluatie")["lane"] == "casusregisseur_gemeente"
    driver.complete(cycle, "evaluatie", f.evaluatie(besluit))


def test_evaluatie_continues_into_the_next_cycle(driver, monitoring):
    driver.signal("signaal_zorg", "C-1", omschrijving="Nog open signaal")
    evaluate(driver, monitoring, "doorgaan")
    assert driver.status(monitoring) == "completed"  # the open signal handling ends with the cycle
    end = driver.ends(monitoring)["end_doorgaan"]
    assert (end["chain_to"], end["casus_status"]) == (CYCLE, "in_zorg")
    assert "duo" in end["carry_over"].split(",")


def test_afsluiting_needs_an_end_report_with_a_safety_section(driver, monitoring):
    evaluate(driver, monitoring, "afsluiting")
    zonder_veiligheid = {"eindrapport": {k: v for k, v in f.EINDRAPPORT["eindrapport"].items() if k != "veiligheid"}}
    err = driver.refused(monitoring, "eindrapport", zonder_veiligheid)
    assert err.fields == {"eindrapport.veiligheid": "Dit veld is verplicht."}
    kort = {"eindrapport": {**f.EINDRAPPORT["eindrapport"],
                            "veiligheid": {**f.EINDRAPPORT["eindrapport"]["veiligheid"], "risicos": "Geen."}}}
    assert "risico" in driver.refused(monitoring, "eindrapport", kort).fields["eindrapport.veiligheid.risicos"]
    driver.complete(monitoring, "eindrapport", f.EINDRAPPORT)
    assert driver.status(monitoring) == "completed"
    assert driver.ends(monitoring)["end_afgesloten"] == {"casus_status": "afgesloten"}


def stay_elsewhere(driver, cycle, since: str) -> None:
    driver.signal("verblijf_elders", "C-1", startdatum=since)
    driver.complete(cycle, "plan_bijstellen_verblijf_elders", f.PLAN_BIJSTELLEN)


def test_three_months_elsewhere_leads_to_a_warm_handover_accepted_by_the_receiving_region(driver, monitoring):
    stay_elsewhere(driver, monitoring, "2027-05-03")
    driver.advance_to("2027-08-03T06:59:00+00:00")  # 3 months later, 09:00 Amsterdam is 07:00 UTC
    assert "overdracht_beoordelen" not in driver.ready(monitoring)
    driver.advance_to("2027-08-03T07:00:01+00:00")
    assert driver.task(monitoring, "overdracht_beoordelen")["lane"] == "casemanager_zorg"
    driver.complete(monitoring, "overdracht_beoordelen", f.OVERDRACHT_BEOORDELEN)
    driver.complete(monitoring, "overdracht_voorbereiden", f.OVERDRACHT_VOORBEREIDEN)
    assert driver.status(monitoring) == "running"  # not handed over until the receiving region accepts
    assert driver.task(monitoring, "overdracht_accepteren")["lane"] == "coordinator"
    driver.complete(monitoring, "overdracht_accepteren", f.OVERDRACHT_GEACCEPTEERD)
    assert driver.status(monitoring) == "completed"
    assert driver.ends(monitoring)["end_overgedragen"] == {"casus_status": "overgedragen"}


def test_a_return_before_three_months_cancels_the_handover(driver, monitoring):
    stay_elsewhere(driver, monitoring, "2027-05-03")
    driver.signal("terugkeer", "C-1", datum="2027-06-01")
    driver.complete(monitoring, "plan_bijstellen_terugkeer", f.PLAN_BIJSTELLEN)
    assert "ov_end_teruggekeerd" in driver.ends(monitoring)
    driver.advance_to("2027-08-04T07:01:00+00:00")
    assert "overdracht_beoordelen" not in driver.ready(monitoring)
    assert driver.status(monitoring) == "running" and "end_overgedragen" not in driver.ends(monitoring)
