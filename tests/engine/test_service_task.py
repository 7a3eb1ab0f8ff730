"""Service tasks call a registered handler; a refusing handler turns the instance into an incident
that can be retried once the cause is fixed, with nothing half-written in between."""
import pytest

from engine.errors import Conflict
from engine.instances import queries
from engine.instances import service as instances
from engine.timers import firing
from handlers import HandlerError
from tests.engine.conftest import RESOLVER, WORKER

KNOWN_CODES = {"A1": "Gelderland-Zuid"}


@pytest.fixture
def lookup(rt, deploy):
    """A test handler (registered before deploy, as deploy checks handler names)."""
    known = dict(KNOWN_CODES)
    calls = []

    def eng_lookup(ctx, code, factor):
        calls.append((ctx.instance_id, ctx.element, ctx.now, code, factor))
        if code not in known:
            raise HandlerError(f"Onbekende code {code}")
        return {"regio": known[code], "gewicht": factor * 2}

    rt.handlers["eng_lookup"] = eng_lookup
    deploy("eng_service_task.bpmn")
    return known, calls


def test_handler_gets_parameters_by_name_and_its_result_is_stored(rt, clock, lookup):
    _, calls = lookup
    view = instances.start(rt, "eng_service_task", {"code": "A1"}, WORKER)
    assert view["status"] == "completed"
    assert view["data"]["lookup_result"] == {"regio": "Gelderland-Zuid", "gewicht": 6}
    assert calls == [(view["id"], "lookup", clock.now(), "A1", 3)]
    [started] = queries.events(rt, view["id"], WORKER)
    assert started["inputs"]["service_calls"] == [
        {"element": "lookup", "handler": "eng_lookup", "result": {"regio": "Gelderland-Zuid", "gewicht": 6}}]


def test_handler_error_is_an_incident_and_retry_continues_after_the_fix(rt, lookup):
    known, _ = lookup
    view = instances.start(rt, "eng_service_task", {"code": "Z9"}, WORKER)
    assert view["status"] == "error"
    assert view["incident"]["element"] == "lookup"
    # the handler's own text holds the value ("Z9"): the incident names handler and element only
    assert view["incident"]["message"] == "Stap 'Opzoeken' (lookup): handler 'eng_lookup' weigerde de invoer."
    assert "lookup_result" not in view["data"]
    assert [e["type"] for e in queries.events(rt, view["id"], WORKER)] == ["started", "incident"]

    # an instance with an incident takes no timer step
    assert firing.fire(rt, view["id"], rt.clock.now()).outcome == "skipped"
    still_failing = instances.retry(rt, view["id"], RESOLVER)
    assert (still_failing["status"], still_failing["incident"]["element"]) == ("error", "lookup")

    known["Z9"] = "Utrecht"
    done = instances.retry(rt, view["id"], RESOLVER)
    assert (done["status"], done["incident"]) == ("completed", None)
    assert done["data"]["lookup_result"] == {"regio": "Utrecht", "gewicht": 6}
    assert [e["type"] for e in queries.events(rt, view["id"], WORKER)] == [
        "started", "incident", "retried", "incident", "retried"]


def test_retry_is_refused_when_there_is_no_incident(rt, lookup):
    view = instances.start(rt, "eng_service_task", {"code": "A1"}, WORKER)
    with pytest.raises(Conflict):
        instances.retry(rt, view["id"], RESOLVER)


def test_unexpected_handler_exception_is_an_incident_too(rt, deploy):
    def eng_lookup(ctx, code, factor):
        raise ZeroDivisionError("division by zero")

    rt.handlers["eng_lookup"] = eng_lookup
    deploy("eng_service_task.bpmn")
    view = instances.start(rt, "eng_service_task", {"code": "A1"}, WORKER)
    assert view["status"] == "error"
    assert view["incident"]["element"] == "lookup"
    assert "ZeroDivisionError" in view["incident"]["message"]
