"""The incident panel on the zaak and casus pages: the Dutch incident, a correction form of the fields the
failing step reads, and "Terug naar taak" listing earlier user tasks by their Dutch names."""
import re

import pytest

from engine.casus import service as casus
from tests.conftest import actor
from tests.scenarios import formdata as f
from tests.scenarios.paths import partner_information, stuck_at_duo

PERSON = {"naam": "Piet Pietersen", "bsn": "123456782", "geboortedatum": "1985-03-07"}


@pytest.fixture
def stuck(rt, driver):
    """A registered casus whose intake has an incident at the duo assignment."""
    view = casus.register(rt, PERSON, "gelderland_zuid", actor("aanmelder"), data={"persoon": PERSON})
    intake = view["current_instance"]
    driver.complete(intake, "aanmelding", f.AANMELDING)
    driver.complete(intake, "melding_aan_persoon", f.MELDING_GEDAAN)
    driver.complete(intake, "casus_op_maat", f.casus_op_maat("ketenveldnorm"))
    partner_information(driver, intake)
    stuck_at_duo(driver, intake)
    return view["id"], intake


def test_the_zaak_page_offers_correction_and_the_way_back(client, web_login, stuck):
    web_login("procesregisseur")
    _, intake = stuck
    html = client.get(f"/zaken/{intake}").get_data(as_text=True)
    assert "Storing oplossen" in html and "handler &#39;duo_vaststellen&#39; weigerde de invoer" in html
    assert 'for="veld-duo_akkoord">Akkoord met het voorgestelde duo?</label>' in html
    assert 'for="veld-duo_wijziging">Ander duo</label>' in html
    # the user tasks still on the path to the failing step (compaction keeps the one right before it)
    assert re.findall(r'<option value="(\w+)">([^<]*)</option>', html) == [("duo_bevestigen", "Duo bevestigen of wijzigen")]


def test_a_worker_who_may_not_resolve_sees_no_panel(client, web_login, stuck):
    web_login("coordinator")
    _, intake = stuck
    html = client.get(f"/zaken/{intake}").get_data(as_text=True)
    assert "Storing bij svc_duo_vaststellen" in html and "Storing oplossen" not in html


def test_a_refused_correction_is_shown_at_its_field(client, web_login, stuck):
    csrf = web_login("procesregisseur")
    _, intake = stuck
    response = client.post(f"/zaken/{intake}/opnieuw", data={"csrf_token": csrf, "veld-duo_wijziging": "Bram"})
    html = response.get_data(as_text=True)
    assert response.status_code == 422
    assert "<li>Ander duo: Vul hier een groep gegevens in.</li>" in html
    assert 'id="veld-duo_wijziging" name="veld-duo_wijziging" rows="4" aria-invalid="true"' in html


def test_back_to_the_task_from_the_casus_page(client, web_login, stuck):
    csrf = web_login("procesregisseur")
    casus_id, intake = stuck
    html = client.get(f"/casussen/{casus_id}").get_data(as_text=True)
    assert "Storing oplossen" in html
    response = client.post(f"/zaken/{intake}/terugzetten",
                           data={"csrf_token": csrf, "to_element": "duo_bevestigen", "casus": casus_id})
    assert (response.status_code, response.headers["Location"]) == (303, f"/casussen/{casus_id}")
    html = client.get(f"/casussen/{casus_id}").get_data(as_text=True)
    assert "Storing oplossen" not in html and "Duo bevestigen of wijzigen</a>" in html


def test_a_correction_with_the_right_choice_runs_the_step_again(client, web_login, stuck):
    csrf = web_login("procesregisseur")
    _, intake = stuck
    wijziging = '{"casemanager_zorg": "cm_bram", "casusregisseur_gemeente": "cr_carla", "reden": "Anna is vol."}'
    response = client.post(f"/zaken/{intake}/opnieuw", data={"csrf_token": csrf, "veld-duo_akkoord": "nee",
                                                              "veld-duo_wijziging": wijziging})
    assert response.status_code == 303
    html = client.get(f"/zaken/{intake}").get_data(as_text=True)
    assert "Storing oplossen" not in html and "Eerste Casus Op Maat" in html
