"""Escalation timers fire on the right business day: Koningsdag, Ascension, Whit Monday, Christmas
and New Year are skipped; each moment is checked just before and just after it falls."""
from datetime import datetime, timedelta

from tests.scenarios import formdata as f
from tests.scenarios.paths import register, start_cycle

SECOND = timedelta(seconds=1)


def becomes_ready(driver, instance: str, element: str, due: str) -> list[str]:
    """``element`` is not ready a second before ``due`` (ISO, Amsterdam time) and is just after."""
    moment = datetime.fromisoformat(due)
    driver.advance_to((moment - SECOND).isoformat())
    assert element not in driver.ready(instance)
    driver.advance_to((moment + SECOND).isoformat())
    return [t["lane"] for t in driver.view(instance)["ready_tasks"] if t["element"] == element]


def test_postponed_melding_becomes_due_then_escalates_across_koningsdag(driver):
    intake = register(driver)
    driver.complete(intake, "melding_aan_persoon", f.MELDING_UITGESTELD)  # postponed to Monday 26 April
    assert becomes_ready(driver, intake, "melding_uitvoeren", "2027-04-26T09:00:00+02:00") == ["procesregisseur"]
    assert driver.task(intake, "melding_uitvoeren")["due_date"] == "2027-04-26T09:00:00+02:00"
    # five business days later; without Koningsdag (27 April) it would be Monday 3 May
    assert becomes_ready(driver, intake, "melding_te_laat", "2027-05-04T09:00:00+02:00") == ["coordinator"]
    driver.complete(intake, "melding_te_laat", f.ACTIE["melding_te_laat"])
    driver.complete(intake, "melding_uitvoeren", f.MELDING_UITGEVOERD)
    assert "melding_uitvoeren" not in driver.ready(intake)


def test_late_partner_information_asks_for_a_reminder_after_ten_business_days(driver):
    intake = register(driver)
    driver.complete(intake, "casus_op_maat", f.casus_op_maat("ketenveldnorm"))
    assert becomes_ready(driver, intake, "partnerinformatie_rappel", "2027-05-05T09:00:00+02:00") == ["procesregisseur"]
    assert driver.ready(intake).count("partnerinformatie") == 2  # the partners' tasks stay open


def test_late_plan_escalates_to_procesregisseur_then_coordinator_across_christmas(driver):
    driver.advance_to("2028-12-01T09:00:00+00:00")  # Friday 1 December 2028
    cycle = start_cycle(driver)
    # 20 business days, skipping 25 and 26 December and 1 January (else: Friday 29 December)
    lanes = becomes_ready(driver, cycle, "plan_te_laat_procesregisseur", "2029-01-03T09:00:00+01:00")
    assert lanes == ["procesregisseur", "procesregisseur"]  # one per half of the plan still open
    assert "plan_te_laat_coordinator" not in driver.ready(cycle)
    lanes = becomes_ready(driver, cycle, "plan_te_laat_coordinator", "2029-01-17T09:00:00+01:00")
    assert lanes == ["coordinator", "coordinator"]
    assert {"plan_zorg", "plan_gemeente"} <= set(driver.ready(cycle))  # the escalation does not interrupt
    driver.complete(cycle, "plan_te_laat_coordinator", f.ACTIE["plan_te_laat_coordinator"])


def test_risicotaxatie_becomes_due_and_then_overdue_across_ascension_and_whit_monday(driver):
    cycle = start_cycle(driver)
    driver.complete(cycle, "plan_zorg", {**f.PLAN_ZORG, "risicotaxatie_datum": "2027-02-01"})  # 'hoog'
    driver.complete(cycle, "plan_gemeente", f.PLAN_GEMEENTE)
    # three months later is Saturday 1 May: due on Monday 3 May
    lanes = becomes_ready(driver, cycle, "risicotaxatie_uitvoeren", "2027-05-03T09:00:00+02:00")
    assert lanes == ["casemanager_zorg"]
    # ten business days, skipping Ascension (6 May) and Whit Monday (17 May)
    assert becomes_ready(driver, cycle, "risicotaxatie_te_laat", "2027-05-19T09:00:00+02:00") == ["coordinator"]
    driver.complete(cycle, "risicotaxatie_uitvoeren", f.RISICOTAXATIE)
    assert "risicotaxatie_uitvoeren" not in driver.ready(cycle)
