"""Casus pages: registering, the person as need-to-know allows, the chain of cycles, signals, the worklist."""
import json
import re

import pytest

from engine.casus import service as casus
from engine.casus import views
from tests.audit.conftest import refer
from tests.conftest import actor
from tests.scenarios import formdata as f
from tests.scenarios.paths import include, partner_information, plan

PERSON = {"naam": "Piet Pietersen", "bsn": "123456782", "geboortedatum": "1985-03-07"}


def register(rt) -> dict:
    return casus.register(rt, PERSON, "gelderland_zuid", actor("aanmelder"), data={"persoon": PERSON})


def at_adviestafel(rt, driver) -> dict:
    """A casus whose pseudonymised dossier went to the Adviestafel."""
    view = register(rt)
    intake = view["current_instance"]
    driver.complete(intake, "aanmelding", f.AANMELDING)
    driver.complete(intake, "melding_aan_persoon", f.MELDING_GEDAAN)
    driver.complete(intake, "casus_op_maat", f.casus_op_maat("ketenveldnorm"))
    partner_information(driver, intake)
    return view


def in_monitoring(rt, driver) -> dict:
    """A casus included and planned: its cycle waits for signals."""
    view = at_adviestafel(rt, driver)
    include(driver, view["current_instance"])
    cycle = views.get(rt, view["id"], actor("auditor"))["current_instance"]
    plan(driver, cycle)
    return {**view, "cycle": cycle}


def test_aanmelder_registers_a_casus_and_finds_the_aanmelding(client, web_login, driver):
    token = web_login("aanmelder")
    response = client.post("/casussen", data={"csrf_token": token, "naam": "Piet Pietersen", "bsn": "123456782",
                                              "geboortedatum": "1985-03-07", "regio": "gelderland_zuid"})
    assert response.status_code == 303 and response.headers["Location"].startswith("/casussen/")
    page = client.get(response.headers["Location"]).get_data(as_text=True)
    assert "is aangemeld. Vul nu de aanmelding in." in page
    assert "<dd>Piet Pietersen</dd>" in page and "Aanmelding tot inclusie (cyclus 0)" in page
    task = re.search(r'href="(/taken/[^"]+)">Aanmelding invullen', page).group(1)
    config = json.loads(re.search(r'id="form-config">(.*?)</script>', client.get(task).get_data(as_text=True),
                                  re.S).group(1))
    assert config["known"]["persoon"]["naam"] == "Piet Pietersen"  # not typed twice


def test_registering_without_name_or_region_is_refused_at_the_form(client, web_login, driver):
    token = web_login("aanmelder")
    response = client.post("/casussen", data={"csrf_token": token, "naam": "", "regio": "atlantis"})
    assert response.status_code == 422
    assert "Ongeldige" in response.get_data(as_text=True) or "Onbekende regio" in response.get_data(as_text=True)
    assert views.list_casussen(client.application.extensions["levensloop"], actor("auditor")).items == []


def test_adviestafel_sees_the_pseudonym_only(rt, client, web_login, driver):
    view = at_adviestafel(rt, driver)
    web_login("adviestafel")
    page = client.get(f"/casussen/{view['id']}").get_data(as_text=True)
    assert view["pseudonym"] in page and "U ziet alleen het pseudoniem" in page
    assert "Pietersen" not in page and "123456782" not in page


def test_the_adviestafel_worklist_names_the_casus_by_pseudonym_only(rt, client, web_login, deploy):
    deploy("web_adviestafel_task.bpmn")
    view = casus.register(rt, PERSON, "gelderland_zuid", actor("aanmelder"), "web_adviestafel_task",
                          {"adviestafel_dossier": {"pseudoniem": "LL-X"}})
    refer(rt, view["current_instance"])
    web_login("adviestafel")
    page = client.get("/taken").get_data(as_text=True)
    assert "Advies geven" in page and view["pseudonym"] in page
    assert view["current_instance"][:8] not in page and 'for="zaak"' not in page
    task = re.search(r'href="(/taken/[^"]+)">Advies geven', page).group(1)
    html = client.get(task).get_data(as_text=True)
    assert view["pseudonym"] in html and view["current_instance"][:8] not in html.split("Formulier")[0]


def test_worklist_names_the_casus_and_filters_on_it(rt, client, web_login, driver):
    first, second = register(rt), register(rt)
    web_login("aanmelder")
    page = client.get("/taken").get_data(as_text=True)
    assert first["pseudonym"] in page and first["current_instance"][:8] in page
    filtered = client.get(f"/taken?casus={second['pseudonym']}").get_data(as_text=True)
    assert second["pseudonym"] in filtered and first["pseudonym"] not in filtered


def test_casus_page_shows_the_chain_duo_and_current_diagram(rt, client, web_login, driver):
    view = in_monitoring(rt, driver)
    web_login("procesregisseur")
    page = client.get(f"/casussen/{view['id']}").get_data(as_text=True)
    cycles = re.search(r'id="cycli">(.*?)</table>', page, re.S).group(1)
    assert "Aanmelding tot inclusie" in cycles and "Cyclus: plan, uitvoering en evaluatie" in cycles
    assert "Volgende cyclus gestart" in page and "<dd>Anna Jansen</dd>" in page  # the duo by name, not username
    assert f"/zaken/{view['cycle']}/diagram.bpmn" in page


def test_a_signal_reaches_the_waiting_cycle(rt, client, web_login, driver):
    view = in_monitoring(rt, driver)
    token = web_login("procesregisseur")
    response = client.post(f"/casussen/{view['id']}/signaal", data={
        "csrf_token": token, "signaal": "signaal_gemeente", "omschrijving": "Huurachterstand"})
    assert response.status_code == 303
    page = client.get(response.headers["Location"]).get_data(as_text=True)
    assert "Signaal &#39;Signaal van de gemeente&#39; verstuurd" in page
    assert "Plan bijstellen" in page


@pytest.mark.parametrize("form, field", [
    ({"signaal": "verblijf_elders", "omschrijving": "Woont in Zwolle"}, "Sinds: Vul in sinds wanneer"),
    ({"signaal": "onbekend", "omschrijving": "x"}, "Signaal: Kies een signaal."),
    ({"signaal": "detentie", "omschrijving": " "}, "Korte omschrijving: Beschrijf kort"),
])
def test_an_incomplete_signal_is_refused_at_its_field(rt, client, web_login, driver, form, field):
    view = register(rt)
    token = web_login("procesregisseur")
    response = client.post(f"/casussen/{view['id']}/signaal", data={"csrf_token": token, **form})
    assert response.status_code == 422 and field in response.get_data(as_text=True)


def test_a_signal_nobody_waits_for_is_explained_on_the_page(rt, client, web_login, driver):
    view = register(rt)
    token = web_login("procesregisseur")
    response = client.post(f"/casussen/{view['id']}/signaal", data={
        "csrf_token": token, "signaal": "detentie", "omschrijving": "Aangehouden"})
    assert response.status_code == 404
    assert "wacht op bericht &#39;detentie&#39;" in response.get_data(as_text=True)


def test_access_log_filters_on_a_casus_pseudonym(rt, client, web_login, driver):
    view, other = register(rt), register(rt)
    web_login("aanmelder", username="aanmelder")
    client.get(f"/casussen/{view['id']}")
    client.get(f"/casussen/{other['id']}")
    web_login("auditor")
    page = client.get(f"/audit/toegang?casus={view['pseudonym']}").get_data(as_text=True)
    table = re.search(r'id="toegangslog">(.*?)</table>', page, re.S).group(1)
    assert view["current_instance"][:8] in table and other["current_instance"][:8] not in table
    response = client.get("/audit/toegang?casus=LL-ONBEKEND")
    assert response.status_code == 422 and "Geen casus met dit pseudoniem" in response.get_data(as_text=True)
