"""Each form shows what is needed to decide, from the paths its UI schema declares (``ui:context``), in Dutch:
the proposed duo by name, organisation and caseload; the Adviestafel's decision; the signal that came in."""
import pytest

from tests.scenarios import formdata as f
from tests.scenarios.conftest import driver  # noqa: F401 (fixture)
from tests.scenarios.paths import plan, start_cycle, to_adviestafel

API = "/api/v1"


@pytest.fixture
def regisseur(login):
    return login("procesregisseur", username="procesregisseur")


def context(client, headers, instance_id: str, element: str) -> list[dict]:
    tasks = client.get(f"{API}/tasks?process_instance={instance_id}", headers=headers).json
    task = next(t for t in tasks if t["element"] == element)
    return client.get(f"{API}/tasks/{task['id']}", headers=headers).json["context"]


@pytest.fixture
def included(driver):
    intake = to_adviestafel(driver)
    driver.complete(intake, "adviestafel", f.adviestafel("includeren"))
    return intake


def test_the_outcome_task_states_the_adviestafels_decision(client, login, included):
    aanmelder = login("aanmelder", username="aanmelder")  # who registered the case
    assert context(client, aanmelder, included, "terugkoppeling_aanmelder") == [
        {"label": "Datum Adviestafel", "value": "23-04-2027"},
        {"label": "Besluit van de Adviestafel", "value": "Includeren"},
        {"label": "Motivering", "value": "Langdurig gevaarlijk gedrag zonder strafrechtelijke titel."}]


def test_the_duo_task_names_the_proposed_duo_with_organisation_and_caseload(driver, client, regisseur, included):
    driver.complete(included, "terugkoppeling_aanmelder", f.TERUGKOPPELING)
    shown = context(client, regisseur, included, "duo_bevestigen")
    assert shown == [
        {"label": "Besluit van de Adviestafel", "value": "Includeren"},
        {"label": "Voorgestelde casemanager zorg", "value": "Anna Jansen"},
        {"label": "Organisatie casemanager zorg", "value": "Pro Persona"},
        {"label": "Caseload casemanager zorg", "value": "0"},
        {"label": "Voorgestelde casusregisseur gemeente", "value": "Carla Smit"},
        {"label": "Organisatie casusregisseur gemeente", "value": "Gemeente Nijmegen"},
        {"label": "Caseload casusregisseur gemeente", "value": "0"}]
    assert not any(value["value"].startswith(("cm_", "cr_")) for value in shown)  # names, never usernames


def test_plan_adjustment_says_which_signal_came_in(driver, client):
    cycle = start_cycle(driver)
    plan(driver, cycle)
    driver.signal("detentie", "C-1", omschrijving="Aangehouden na bedreiging")
    anna = client.post(f"{API}/auth/token", json={"username": "cm_anna", "password": "geheim-wachtwoord"}).json
    headers = {"Authorization": f"Bearer {anna['token']}"}
    assert context(client, headers, cycle, "plan_bijstellen_detentie") == [
        {"label": "Detentie", "value": "Aangehouden na bedreiging"}]

