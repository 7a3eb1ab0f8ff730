"""Inclusie: a duo proposed from the users table within the maximum caseload, and the letter."""
import base64

import pytest

from engine.errors import Forbidden
from engine.instances import service as instances
from tests.scenarios import formdata as f
from tests.scenarios.driver import worker
from tests.scenarios.paths import give_caseload, to_adviestafel


def test_duo_is_proposed_within_caseload_confirmed_and_gets_the_letter(driver):
    give_caseload(driver, "cm_anna", 6)  # at the maximum
    cancelled = give_caseload(driver, "cm_bram", 4)[0]
    instances.cancel(driver.rt, cancelled, worker("procesregisseur"))  # no longer active
    intake = to_adviestafel(driver, "C-NEW")
    driver.complete(intake, "adviestafel", f.adviestafel("includeren"))
    driver.complete(intake, "terugkoppeling_aanmelder", f.TERUGKOPPELING)
    voorstel = driver.data(intake)["duo_voorstel"]
    assert voorstel["casemanager_zorg"] == {"id": "cm_bram", "naam": "Bram de Wit", "organisatie": "GGNet",
                                            "regio": "gelderland_zuid", "caseload": 3}
    assert voorstel["casusregisseur_gemeente"]["id"] == "cr_carla"
    assert driver.task(intake, "duo_bevestigen")["lane"] == "procesregisseur"
    driver.complete(intake, "duo_bevestigen", f.DUO_AKKOORD)
    brief = driver.data(intake)["toewijzingsbrief"]
    assert "Bram de Wit (GGNet)" in brief["html"] and "Carla Smit (Gemeente Nijmegen)" in brief["html"]
    assert "Piet" not in brief["html"]
    assert base64.b64decode(brief["pdf_base64"]).startswith(b"%PDF")
    assert brief["filename"] == "toewijzingsbrief-C-NEW.pdf"


def test_procesregisseur_may_choose_another_duo_with_room(driver):
    intake = to_adviestafel(driver)
    driver.complete(intake, "adviestafel", f.adviestafel("includeren"))
    driver.complete(intake, "terugkoppeling_aanmelder", f.TERUGKOPPELING)
    wijziging = {"casemanager_zorg": "cm_bram", "casusregisseur_gemeente": "cr_carla", "reden": "Kent de persoon."}
    driver.complete(intake, "duo_bevestigen", {"duo_akkoord": False, "duo_wijziging": wijziging})
    assert driver.data(intake)["duo"]["casemanager_zorg"]["id"] == "cm_bram"


def test_no_casemanager_with_room_stops_the_inclusion_with_a_clear_incident(driver):
    give_caseload(driver, "cm_anna", 6)
    give_caseload(driver, "cm_bram", 6)
    intake = to_adviestafel(driver, "C-NEW")
    driver.complete(intake, "adviestafel", f.adviestafel("includeren"))
    view = driver.complete(intake, "terugkoppeling_aanmelder", f.TERUGKOPPELING)
    assert view["status"] == "error"
    assert view["incident"]["element"] == "svc_duo_voorstellen"
    assert "Geen casemanager zorg in regio 'gelderland_zuid' met ruimte" in view["incident"]["message"]


def test_only_the_procesregisseur_confirms_the_duo(driver):
    intake = to_adviestafel(driver)
    driver.complete(intake, "adviestafel", f.adviestafel("includeren"))
    driver.complete(intake, "terugkoppeling_aanmelder", f.TERUGKOPPELING)
    before = driver.event_count(intake)
    with pytest.raises(Forbidden, match="procesregisseur"):
        driver.complete(intake, "duo_bevestigen", f.DUO_AKKOORD, role="aanmelder")
    assert driver.event_count(intake) == before and driver.ready(intake) == ["duo_bevestigen"]
