"""A message addresses the casus and reaches whichever of its instances waits for it now."""
import pytest

from engine.casus import service as casus
from engine.errors import Conflict, NotFound
from engine.instances import queries
from engine.security.actors import Actor
from tests.lifelong.conftest import CASEMANAGER, REGISSEUR

ELSEWHERE = Actor("cm_ellen", frozenset({"casemanager_zorg"}), "Gelderland-Midden")


def test_a_signal_reaches_the_current_cycle_with_the_casus_id(casussen):
    casus_id = casussen.register()
    casussen.include(casus_id)
    casussen.cycle(casus_id)
    current = casussen.current(casus_id)
    reached = casus.deliver_message(casussen.rt, casus_id, "signaal", {"tekst": "Huurachterstand"}, CASEMANAGER)
    assert reached == [current.id]
    assert casussen.ready(casus_id) == ["evaluatie", "signaal_verwerken"]
    data = queries.get_instance(casussen.rt, current.id, CASEMANAGER)["data"]
    assert data["signaal"] == {"tekst": "Huurachterstand", "casus_id": casus_id}


def test_a_signal_nobody_waits_for_is_refused(casussen):
    casus_id = casussen.register()
    with pytest.raises(NotFound, match="signaal"):
        casus.deliver_message(casussen.rt, casus_id, "signaal", {}, REGISSEUR)  # the intake does not listen


def test_a_signal_for_another_casus_does_not_leak_across(casussen):
    first, second = casussen.register(), casussen.register()
    casussen.include(first)
    casussen.include(second)
    casus.deliver_message(casussen.rt, first, "signaal", {}, CASEMANAGER)
    assert casussen.ready(first) == ["evaluatie", "signaal_verwerken"]
    assert casussen.ready(second) == ["evaluatie"]


def test_workers_of_another_region_cannot_signal(casussen):
    casus_id = casussen.register()
    casussen.include(casus_id)
    with pytest.raises(NotFound, match="bestaat niet"):  # out of scope: as if it did not exist
        casus.deliver_message(casussen.rt, casus_id, "signaal", {}, ELSEWHERE)


def test_a_closed_casus_has_nothing_to_signal(casussen):
    casus_id = casussen.register()
    casussen.include(casus_id)
    casussen.complete(casus_id, "evaluatie", {"keuze": "afsluiten"})
    with pytest.raises(Conflict, match="geen lopende"):
        casus.deliver_message(casussen.rt, casus_id, "signaal", {}, CASEMANAGER)
