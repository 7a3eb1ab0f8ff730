"""Implausible form values are refused with 422 at their field, in Dutch, measured from the engine's clock
(the simulated clock stands at 4 January 2027); nothing is written, and text is stored exactly as typed."""
from datetime import timedelta

import pytest

from tests.api.conftest import error

NOW = {"naam": "Piet Pietersen", "besluit": "nu", "gemeld_op": "2027-01-04"}
TYPED = "Dorpsstraat 1 & <Ede> \"x\" 'y'"


@pytest.fixture
def task(client, upload, worker):
    assert upload("plausible_form.bpmn", "melding_persoon-schema.json", "melding_persoon-uischema.json").status_code in (200, 201)
    started = client.post("/api/v1/process-instances", json={"process_model": "plausible_form"}, headers=worker)
    return started.json["ready_tasks"][0]


def complete(client, task, worker, data):
    return client.post(f"/api/v1/tasks/{task['id']}/complete", json={"data": data}, headers=worker)


@pytest.mark.parametrize("data, field, message", [
    ({**NOW, "geboortedatum": "2027-01-05"}, "geboortedatum", "De datum mag niet in de toekomst liggen."),
    ({**NOW, "geboortedatum": "1899-12-31"}, "geboortedatum", "De datum mag niet vóór 01-01-1900 liggen."),
    ({**NOW, "geboortedatum": "07-03-1985"}, "geboortedatum", "Vul een bestaande datum in (dd-mm-jjjj)."),
    ({**NOW, "gemeld_op": "2027-01-05"}, "gemeld_op", "De datum mag niet in de toekomst liggen."),
    ({"naam": "Piet", "besluit": "uitstellen", "uitstel_tot": "2028-01-05"}, "uitstel_tot",
     "De datum mag hoogstens 1 jaar na vandaag liggen."),
    ({**NOW, "naam": "P" * 201}, "naam", "Te lang: hoogstens 200 tekens."),
    ({**NOW, "toelichting": "x" * 5001}, "toelichting", "Te lang: hoogstens 5000 tekens."),
    ({**NOW, "besluit": "later"}, "besluit", "Kies een van de mogelijkheden."),
    ({"naam": "Piet", "besluit": "uitstellen"}, "uitstel_tot", "Dit veld is verplicht."),
])
def test_an_implausible_value_is_refused_at_its_field_and_nothing_is_written(client, task, worker, data, field, message):
    body = error(complete(client, task, worker, data), 422, "invalid")
    assert body["fields"] == {field: message}
    still = client.get(f"/api/v1/process-instances/{task['process_instance']}", headers=worker).json
    assert [t["id"] for t in still["ready_tasks"]] == [task["id"]] and "naam" not in still["data"]


def test_the_bounds_are_inclusive_and_text_is_stored_exactly_as_typed(client, task, worker):
    data = {"naam": TYPED, "adres": TYPED, "geboortedatum": "1900-01-01", "besluit": "uitstellen",
            "uitstel_tot": "2028-01-04", "toelichting": "x" * 5000}
    done = complete(client, task, worker, data)
    assert done.status_code == 200, done.json
    stored = client.get(f"/api/v1/process-instances/{task['process_instance']}", headers=worker).json["data"]
    assert {key: stored[key] for key in data} == data


def test_not_in_the_future_follows_the_engines_clock(client, task, worker, clock):
    tomorrow = {**NOW, "gemeld_op": "2027-01-05"}
    assert complete(client, task, worker, tomorrow).status_code == 422
    clock.advance(timedelta(days=1))
    assert complete(client, task, worker, tomorrow).status_code == 200
