"""Aanmelding to inclusie through the engine's service layer: every way out of the intake."""
from tests.scenarios import formdata as f
from tests.scenarios.paths import INTAKE, include, partner_information, register, to_adviestafel


def test_a_person_with_a_criminal_title_is_refused_at_the_form(driver):
    intake = driver.start(INTAKE, {"casus_id": "C-1"})
    err = driver.refused(intake, "aanmelding", {**f.AANMELDING, "strafrechtelijke_titel": True})
    assert "strafrechtelijke titel" in err.fields["strafrechtelijke_titel"]
    assert driver.ready(intake) == ["aanmelding"]


def test_casus_op_maat_asks_for_more_then_chooses_another_route(driver):
    intake = register(driver)
    assert driver.ready(intake) == ["casus_op_maat", "melding_aan_persoon"]
    driver.complete(intake, "melding_aan_persoon", f.MELDING_GEDAAN)
    driver.complete(intake, "casus_op_maat", f.casus_op_maat("meer_informatie"))
    assert driver.task(intake, "aanvulling_aanmelder")["lane"] == "aanmelder"
    driver.complete(intake, "aanvulling_aanmelder", f.AANVULLING)
    driver.complete(intake, "casus_op_maat", f.casus_op_maat("andere_route"))
    driver.complete(intake, "advies_andere_route", f.ADVIES_ONTVANGEN)
    assert driver.status(intake) == "completed"
    assert driver.ends(intake)["end_andere_route"] == {"casus_status": "afgesloten"}


def test_adviestafel_asks_for_more_information_then_includes(driver):
    intake = to_adviestafel(driver)
    dossier = driver.data(intake)["adviestafel_dossier"]
    assert dossier["pseudoniem"].startswith("LL-") and "Piet" not in str(dossier)
    driver.complete(intake, "adviestafel", f.adviestafel("meer_informatie"))
    assert driver.ready(intake) == ["partnerinformatie", "partnerinformatie"]
    partner_information(driver, intake)
    assert driver.data(intake)["adviestafel_dossier"]["pseudoniem"] == dossier["pseudoniem"]
    include(driver, intake)
    assert driver.status(intake) == "completed"
    assert driver.ends(intake)["end_geincludeerd"]["casus_status"] == "geincludeerd"
    assert driver.ends(intake)["end_geincludeerd"]["chain_to"] == "levensloop_cyclus"


def test_not_included_feeds_the_advice_back_and_closes(driver):
    intake = to_adviestafel(driver)
    driver.complete(intake, "adviestafel", f.adviestafel("niet_includeren"))
    assert driver.task(intake, "terugkoppeling_aanmelder")["lane"] == "aanmelder"
    assert driver.data(intake)["adviestafel_advies"].startswith("Bespreek")
    driver.complete(intake, "terugkoppeling_aanmelder", f.TERUGKOPPELING)
    assert driver.status(intake) == "completed"
    assert driver.ends(intake)["end_niet_geincludeerd"] == {"casus_status": "afgesloten"}
    assert "duo" not in driver.data(intake)


def test_adviestafel_decision_without_a_reason_is_refused_at_the_field(driver):
    intake = to_adviestafel(driver)
    besluit = {k: v for k, v in f.adviestafel("includeren").items() if k != "adviestafel_motivering"}
    err = driver.refused(intake, "adviestafel", besluit)
    assert err.fields == {"adviestafel_motivering": "Dit veld is verplicht."}
    err = driver.refused(intake, "adviestafel", {**besluit, "adviestafel_motivering": "Ja."})
    assert "motivering" in err.fields["adviestafel_motivering"]


def test_postponing_the_melding_without_a_date_is_refused_at_the_field(driver):
    intake = register(driver)
    uitstel = {k: v for k, v in f.MELDING_UITGESTELD.items() if k != "melding_uitstel_tot"}
    err = driver.refused(intake, "melding_aan_persoon", uitstel)
    assert err.fields == {"melding_uitstel_tot": "Dit veld is verplicht."}
    err = driver.refused(intake, "melding_aan_persoon", {"melding_besluit": "uitstellen", "melding_uitstel_tot": "2027-05-01"})
    assert set(err.fields) == {"melding_avg_grond", "melding_avg_toelichting"}
