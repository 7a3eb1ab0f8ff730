"""An incident names the element, the kind of error and the variable, never a value from the case:
it is shown to readers who may not see that data (a worker retrying, the Adviestafel, the
beheerder's notification). The exception text itself is in the server log, keyed by instance id."""
from datetime import timedelta
from xml.sax.saxutils import escape

import pytest

from engine.audit import trail as audit
from engine.errors import NotFound
from engine.instances import service as instances
from engine.notifications import outbox
from engine.process_models import service as model_service
from engine.security.actors import Actor
from engine.timers import firing, scheduler
from handlers import HandlerError
from tests.conftest import OWNER, actor, bpmn_files

PLACEHOLDER = 'resultaat = "klaar"'
REGISSEUR = actor("procesregisseur")
# of another region: out of scope
ELSEWHERE = Actor("regisseur_zeeland", frozenset({"procesregisseur"}), "Zeeland")
PERSON = {"regio": "Gelderland-Zuid", "naam": "Jan Geheim", "geboortedatum": "14-06-1979",
          "bsn": "999990019", "kinderen": 0, "adressen": [], "codes": {"Piet Anders": "A1"},
          "persoon": {"geboortedatum": "14-06-1979"}}
VALUES = ("Jan Geheim", "14-06-1979", "1979", "999990019")
STEP = "Stap 'Gegevens verwerken' (verwerken)"


def deploy_with(rt, name: str, script: str) -> None:
    [(file_name, text)] = bpmn_files(name).items()
    model_service.deploy(rt, {file_name: text.replace(PLACEHOLDER, escape(script))}, OWNER)


def start_after_timer(rt, clock, script: str) -> dict:
    """Start an instance whose script runs once its timer fires (a timer step, as the scheduler runs it)."""
    deploy_with(rt, "eng_incident_after_timer.bpmn", script)
    view = instances.start(rt, "eng_incident_after_timer", dict(PERSON), REGISSEUR)
    clock.advance(timedelta(days=1, seconds=1))
    assert firing.fire(rt, view["id"], rt.clock.now()).incident
    return view


def assert_no_value(text: str) -> None:
    for value in VALUES:
        assert value not in text, text


@pytest.mark.parametrize("script, message, logged", [
    ("code = codes[naam]", "Opzoektabel 'codes' heeft geen sleutel voor de waarde van 'naam'.",
     "KeyError: 'Jan Geheim'"),
    ("code = codes['Jan']", "Opzoektabel 'codes' heeft geen sleutel 'Jan'.", "KeyError: 'Jan'"),
    ("d = date.fromisoformat(geboortedatum)", "Variabele 'geboortedatum' heeft geen geldige datum.",
     "Invalid isoformat string: '14-06-1979'"),
    ("d = date.fromisoformat(persoon['geboortedatum'])",
     "Variabele 'persoon[\"geboortedatum\"]' heeft geen geldige datum.", "'14-06-1979'"),
    ("n = int(bsn)\nn = int(naam)", "Variabele 'naam' heeft geen geldig getal.", "'Jan Geheim'"),
    ("x = onbekend + naam", "Onbekende variabele 'onbekend'.", "name 'onbekend' is not defined"),
    ("x = naam + 1", "Gegevens van een ongeschikt type bij 'naam'.", "can only concatenate str"),
    ("x = len(naam) / kinderen", "Deling door nul: de deler 'kinderen' is nul.", "ZeroDivisionError"),
    ("x = adressen[0]", "Lijst 'adressen' heeft geen element op de gevraagde positie.", "IndexError"),
    ("x = {'Jan Geheim': 1}[naam + ' jr']", "Een opzoektabel heeft geen sleutel voor een gevraagde waarde.",
     "KeyError: 'Jan Geheim jr'"),
])
def test_a_failing_script_names_element_kind_and_variable_not_the_value(rt, clock, caplog, script, message, logged):
    view = start_after_timer(rt, clock, script)
    with pytest.raises(NotFound):  # a worker of another region cannot even reach the case to retry it
        instances.retry(rt, view["id"], ELSEWHERE)
    retried = instances.retry(rt, view["id"], REGISSEUR)
    assert retried["incident"] == {"element": "verwerken", "message": f"{STEP}: {message}"}
    with rt.uow() as uow:
        [*_, incident] = audit.events_of(uow.session, view["id"])
        assert incident.type == "incident" and incident.inputs["element_name"] == "Gegevens verwerken"
        assert_no_value(str(incident.inputs))
    # the detail is in the server log, keyed by instance id
    assert any(view["id"] in r.getMessage() and logged in r.getMessage() for r in caplog.records)


def test_the_beheerders_notification_names_no_value(rt, clock, caplog):
    view = start_after_timer(rt, clock, "code = codes[naam]")
    for _ in range(firing.MAX_ATTEMPTS):
        clock.advance(timedelta(minutes=10))
        scheduler.tick(rt)
    [notification] = outbox.for_actor(rt, actor("beheerder")).items
    assert notification["kind"] == "incident"
    assert "Opzoektabel 'codes' heeft geen sleutel voor de waarde van 'naam'" in notification["body"]
    assert_no_value(notification["subject"] + notification["body"])
    assert any(view["id"] in r.getMessage() and "KeyError: 'Jan Geheim'" in r.getMessage() for r in caplog.records)


def test_a_refusing_handler_repeats_its_message_only_when_it_is_shareable(rt, deploy):
    def eng_lookup(ctx, code, factor):
        if code == "A1":
            raise HandlerError("Het register is niet bereikbaar.", shareable=True)
        raise HandlerError(f"Onbekende code voor Jan Geheim: {code}")

    rt.handlers["eng_lookup"] = eng_lookup
    deploy("eng_service_task.bpmn")
    shared = instances.start(rt, "eng_service_task", {"code": "A1"}, REGISSEUR)
    assert shared["incident"]["message"] == "Stap 'Opzoeken' (lookup): Het register is niet bereikbaar."
    private = instances.start(rt, "eng_service_task", {"code": "999990019"}, REGISSEUR)
    assert private["incident"]["message"] == "Stap 'Opzoeken' (lookup): handler 'eng_lookup' weigerde de invoer."


def test_a_crashing_handler_names_the_kind_of_error_only(rt, deploy):
    def eng_lookup(ctx, code, factor):
        raise ValueError(f"geen geldige invoer: {code}")

    rt.handlers["eng_lookup"] = eng_lookup
    deploy("eng_service_task.bpmn")
    view = instances.start(rt, "eng_service_task", {"code": "999990019"}, REGISSEUR)
    assert view["incident"]["message"] == ("Stap 'Opzoeken' (lookup): handler 'eng_lookup' faalde "
                                           "(fout van het soort ValueError).")
