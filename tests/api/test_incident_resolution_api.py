"""An incident is resolved by those allowed to (the beheerder, the procesregisseur of the case's region):
retry with a checked data correction, or reset to an earlier user task. Both are events on the trail that
the chain verifies and replay reproduces; refusals write nothing."""
import pytest

from engine.audit import replay, verify
from engine.audit import trail
from engine.security.actors import Actor
from tests.api.conftest import error
from tests.scenarios import formdata as f
from tests.scenarios.conftest import driver  # noqa: F401 (fixture)
from tests.scenarios.paths import stuck_at_duo, to_adviestafel

API = "/api/v1"
OTHER_REGION = "Noord- en Oost-Gelderland"
AUDITOR = Actor("auditor", frozenset({"auditor"}))
BRAM = {"casemanager_zorg": "cm_bram", "casusregisseur_gemeente": "cr_carla", "reden": "Anna is vol."}


@pytest.fixture
def stuck(driver):
    intake = to_adviestafel(driver)
    stuck_at_duo(driver, intake)
    return intake


@pytest.fixture
def regisseur(login):
    return login("procesregisseur", username="procesregisseur")


def events(rt, instance_id: str) -> list[tuple]:
    """(type, actor, inputs) of each event on the instance's chain."""
    with rt.uow() as uow:
        return [(e.type, e.actor, e.inputs) for e in trail.events_of(uow.session, instance_id)]


def assert_verified_and_replayed(rt, instance_id: str) -> None:
    assert verify.verify_all(rt)["status"] == "verified"
    assert replay.replay(rt, instance_id, AUDITOR)["status"] == "verified"


def test_retry_with_a_corrected_choice_resolves_the_incident_and_replays(rt, client, regisseur, stuck):
    data = {"duo_akkoord": False, "duo_wijziging": BRAM}
    resolved = client.post(f"{API}/process-instances/{stuck}/retry", headers=regisseur, json={"data": data})
    assert resolved.status_code == 200, resolved.json
    assert (resolved.json["status"], resolved.json["incident"]) == ("running", None)
    assert resolved.json["data"]["duo"]["casemanager_zorg"]["naam"] == "Bram de Wit"
    kind, actor, inputs = events(rt, stuck)[-1]
    assert (kind, actor, inputs["data"]) == ("retried", "procesregisseur", data)
    assert_verified_and_replayed(rt, stuck)


@pytest.mark.parametrize("data, field, message", [
    ({"duo": {"casemanager_zorg": {"id": "cm_bram"}}}, "duo", "Deze gegevens zet de engine zelf"),
    ({"adviestafel_advies": "Anders."}, "adviestafel_advies", "De mislukte stap leest dit gegeven niet"),
    ({"duo_akkoord": False, "duo_wijziging": {**BRAM, "casemanager_zorg": "cm_anna"}},
     "duo_wijziging.casemanager_zorg", "Kies een casemanager zorg uit de lijst."),  # full: no longer a choice
    ({"duo_akkoord": "ja"}, "duo_akkoord", "Vul hier ja of nee in."),
    ({"duo_wijziging": {**BRAM, "extra": "x"}}, "duo_wijziging.extra", "Onbekend veld."),  # closed, as the form
])
def test_a_correction_is_checked_like_the_form_and_a_refusal_writes_nothing(rt, client, regisseur, stuck,
                                                                            data, field, message):
    before = len(events(rt, stuck))
    body = error(client.post(f"{API}/process-instances/{stuck}/retry", headers=regisseur, json={"data": data}), 422)
    assert body["fields"][field].startswith(message)
    assert len(events(rt, stuck)) == before
    assert client.get(f"{API}/process-instances/{stuck}", headers=regisseur).json["status"] == "error"


def test_reset_to_an_earlier_user_task_reopens_it_and_replays(rt, client, regisseur, stuck):
    reset = client.post(f"{API}/process-instances/{stuck}/reset", headers=regisseur,
                        json={"to_element": "duo_bevestigen"})
    assert reset.status_code == 200, reset.json
    assert reset.json["status"] == "running"
    assert [t["element"] for t in reset.json["ready_tasks"]] == ["duo_bevestigen"]
    assert events(rt, stuck)[-1][0] == "reset"
    task = reset.json["ready_tasks"][0]
    done = client.post(f"{API}/tasks/{task['id']}/complete", headers=regisseur,
                       json={"data": {"duo_akkoord": False, "duo_wijziging": BRAM}})
    assert done.status_code == 200, done.json
    assert done.json["data"]["duo"]["casemanager_zorg"]["id"] == "cm_bram"
    assert_verified_and_replayed(rt, stuck)


@pytest.mark.parametrize("element", ["svc_duo_vaststellen", "eerste_casus_op_maat", "bestaat_niet"])
def test_reset_goes_only_to_an_earlier_user_task(rt, client, regisseur, stuck, element):
    before = len(events(rt, stuck))
    body = error(client.post(f"{API}/process-instances/{stuck}/reset", headers=regisseur,
                             json={"to_element": element}), 422)
    assert "to_element" in body["fields"]
    assert len(events(rt, stuck)) == before


@pytest.mark.parametrize("action, body", [("retry", {"data": {"duo_akkoord": False, "duo_wijziging": BRAM}}),
                                          ("reset", {"to_element": "duo_bevestigen"})])
def test_who_may_resolve(rt, client, login, stuck, action, body):
    url = f"{API}/process-instances/{stuck}/{action}"
    error(client.post(url, json=body, headers=login("procesregisseur", username="pr_noord", region=OTHER_REGION)),
          404)  # another region: as if the zaak did not exist
    for role in ("casemanager_zorg", "aanmelder", "coordinator", "auditor"):
        error(client.post(url, json=body, headers=login(role, username=f"{role}_x")), 403)
    assert client.post(url, json=body, headers=login("beheerder")).status_code == 200


def test_the_incident_notifies_the_resolvers_without_personal_data(client, login, regisseur, stuck):
    for headers in (regisseur, login("beheerder")):
        [notice] = [n for n in client.get(f"{API}/notifications", headers=headers).json if n["kind"] == "incident"]
        assert notice["instance_id"] == stuck
        assert "Duo vaststellen" in notice["subject"]
        text = notice["subject"] + notice["body"]
        assert not any(secret in text for secret in ("Piet", "Pietersen", f.PERSOON["bsn"], "1985", "Anna"))
    noord = login("procesregisseur", username="pr_noord", region=OTHER_REGION)
    assert [n for n in client.get(f"{API}/notifications", headers=noord).json if n["kind"] == "incident"] == []
