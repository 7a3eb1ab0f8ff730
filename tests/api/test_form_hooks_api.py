"""Conditions on what a worker typed are checked on the form: the anonymous dossier that still names the
person, and the duo override chosen from the eligible workers. Refused at the field (422), the task
stays open and nothing is written to the trail."""
import pytest

from engine.audit import trail
from tests.api.conftest import error
from tests.scenarios import formdata as f
from tests.scenarios.conftest import driver  # noqa: F401 (fixture)
from tests.scenarios.paths import PARTNERS, give_caseload, register, to_adviestafel

API = "/api/v1"


def ready_task(client, headers, instance_id: str, element: str) -> dict:
    tasks = client.get(f"{API}/tasks?process_instance={instance_id}", headers=headers).json
    return next(t for t in tasks if t["element"] == element)


def trail_length(rt, instance_id: str) -> int:
    with rt.uow() as uow:
        return len(trail.events_of(uow.session, instance_id))


@pytest.fixture
def regisseur(login):
    return login("procesregisseur", username="procesregisseur")


@pytest.fixture
def dossier_task(driver, client, regisseur):
    intake = register(driver)
    driver.complete(intake, "melding_aan_persoon", f.MELDING_GEDAAN)
    driver.complete(intake, "casus_op_maat", f.casus_op_maat("ketenveldnorm"))
    for organisatie in PARTNERS:
        driver.complete(intake, "partnerinformatie", f.partner(organisatie))
    return intake, ready_task(client, regisseur, intake, "adviestafel_voorbereiden")


@pytest.mark.parametrize("field, text, found", [
    ("casusbeschrijving_anoniem", "Piet Pietersen bedreigt al maanden zijn buren.", "naam"),
    ("adviestafel_vraag", "Is inclusie passend voor de man geboren op 07-03-1985?", "geboortedatum"),
])
def test_a_dossier_that_still_identifies_the_person_is_refused_at_its_field(rt, client, regisseur, dossier_task,
                                                                            field, text, found):
    intake, task = dossier_task
    before = trail_length(rt, intake)
    body = error(client.post(f"{API}/tasks/{task['id']}/complete", headers=regisseur,
                             json={"data": {**f.ANONIEM, field: text}}), 422)
    assert list(body["fields"]) == [field]
    assert f"bevat nog {found} van de persoon" in body["fields"][field]
    assert "Piet" not in body["fields"][field]  # the refusal names what kind of data, never the value
    assert client.get(f"{API}/tasks/{task['id']}", headers=regisseur).json["state"] == "ready"
    assert trail_length(rt, intake) == before


def test_an_anonymous_dossier_passes_the_check_and_reaches_the_adviestafel(client, regisseur, dossier_task):
    intake, task = dossier_task
    done = client.post(f"{API}/tasks/{task['id']}/complete", headers=regisseur, json={"data": f.ANONIEM})
    assert done.status_code == 200, done.json
    assert done.json["status"] == "running"
    assert [t["element"] for t in done.json["ready_tasks"]] == ["adviestafel"]


@pytest.fixture
def duo_task(driver, client, regisseur):
    intake = to_adviestafel(driver)
    driver.complete(intake, "adviestafel", f.adviestafel("includeren"))
    driver.complete(intake, "terugkoppeling_aanmelder", f.TERUGKOPPELING)
    return intake, ready_task(client, regisseur, intake, "duo_bevestigen")


def choices(schema: dict, role: str) -> list[dict]:
    return schema["properties"]["duo_wijziging"]["properties"][role]["oneOf"]


def test_the_duo_override_offers_the_eligible_workers_with_name_organisation_and_caseload(
        driver, client, regisseur, duo_task):
    from engine.security import users
    users.add_user(driver.rt, "cm_elders", "geheim-wachtwoord", ["casemanager_zorg"], "Noord- en Oost-Gelderland",
                   full_name="Elders Buiten", organisation="Elders")
    _, task = duo_task
    schema = client.get(f"{API}/tasks/{task['id']}", headers=regisseur).json["schema"]
    assert choices(schema, "casemanager_zorg") == [
        {"const": "cm_anna", "title": "Anna Jansen — Pro Persona (caseload 0)"},
        {"const": "cm_bram", "title": "Bram de Wit — GGNet (caseload 0)"}]  # not the worker of another region
    assert [c["const"] for c in choices(schema, "casusregisseur_gemeente")] == ["cr_carla", "cr_elders"]


@pytest.mark.parametrize("wijziging, field", [
    ({"casemanager_zorg": "cr_carla", "casusregisseur_gemeente": "cr_elders"}, "duo_wijziging.casemanager_zorg"),
    ({"casemanager_zorg": "cm_bram", "casusregisseur_gemeente": "iemand"}, "duo_wijziging.casusregisseur_gemeente"),
])
def test_only_an_eligible_worker_is_accepted_for_the_duo(rt, client, regisseur, duo_task, wijziging, field):
    intake, task = duo_task
    before = trail_length(rt, intake)
    data = {"duo_akkoord": False, "duo_wijziging": {**wijziging, "reden": "Kent de persoon."}}
    body = error(client.post(f"{API}/tasks/{task['id']}/complete", headers=regisseur, json={"data": data}), 422)
    assert list(body["fields"]) == [field]
    assert body["fields"][field].startswith("Kies een")
    assert trail_length(rt, intake) == before
    accepted = {"duo_akkoord": False, "duo_wijziging": {"casemanager_zorg": "cm_bram",
                                                         "casusregisseur_gemeente": "cr_elders", "reden": "Kent hem."}}
    done = client.post(f"{API}/tasks/{task['id']}/complete", headers=regisseur, json={"data": accepted})
    assert done.status_code == 200, done.json
    assert done.json["data"]["duo"]["casemanager_zorg"]["naam"] == "Bram de Wit"


def test_a_worker_at_the_maximum_caseload_is_no_choice(driver, client, regisseur, duo_task):
    give_caseload(driver, "cm_anna", 6)
    _, task = duo_task
    schema = client.get(f"{API}/tasks/{task['id']}", headers=regisseur).json["schema"]
    assert [c["const"] for c in choices(schema, "casemanager_zorg")] == ["cm_bram"]
