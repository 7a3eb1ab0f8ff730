"""Need-to-know on casussen (engine.authorization's matrix): the region's procesregisseur and the
duo see a casus, other workers do not; the Adviestafel sees the pseudonym, never the person;
reading a casus is access-logged."""
import pytest

from engine.audit import access_log
from engine.casus import service as casus
from engine.casus import views
from engine.errors import Forbidden, Invalid, NotFound
from engine.security.actors import Actor
from tests.audit.conftest import refer
from tests.conftest import actor
from tests.lifelong.conftest import CASEMANAGER, PERSON, REGISSEUR

ELSEWHERE = Actor("pr_ellen", frozenset({"procesregisseur"}), "Gelderland-Midden")
OTHER_CASEMANAGER = Actor("cm_bert", frozenset({"casemanager_zorg"}), "Gelderland-Zuid")
ADVIESTAFEL = actor("adviestafel")
AUDITOR = actor("auditor")


def listed(rt, who) -> list[str]:
    return [c["id"] for c in views.list_casussen(rt, who).items]


def test_the_region_and_the_duo_see_a_casus_others_do_not(casussen):
    casus_id = casussen.register()
    assert listed(casussen.rt, REGISSEUR) == [casus_id]
    assert listed(casussen.rt, ELSEWHERE) == listed(casussen.rt, CASEMANAGER) == []
    with pytest.raises(NotFound):  # out of scope reads as absent
        casussen.view(casus_id, by=ELSEWHERE)
    casussen.include(casus_id)  # the duo now names cm_anna
    assert listed(casussen.rt, CASEMANAGER) == [casus_id]
    assert casussen.view(casus_id, by=CASEMANAGER)["person"] == PERSON
    assert listed(casussen.rt, OTHER_CASEMANAGER) == []


def test_the_list_shows_no_personal_data_and_the_current_cycle(casussen):
    casus_id = casussen.register()
    casussen.include(casus_id)
    [row] = views.list_casussen(casussen.rt, REGISSEUR).items
    assert "person" not in row and PERSON["naam"] not in str(row)
    assert (row["id"], row["status"], row["cycle"]) == (casus_id, "geincludeerd", 1)
    assert views.list_casussen(casussen.rt, REGISSEUR, status="afgesloten").items == []


def test_the_adviestafel_sees_the_pseudonym_never_the_person(casussen):
    casus_id = casussen.register(data={"persoon": {"naam": PERSON["naam"]}})
    with pytest.raises(NotFound):  # not referred yet
        casussen.view(casus_id, by=ADVIESTAFEL)
    refer(casussen.rt, casussen.current(casus_id).id)
    seen = casussen.view(casus_id, by=ADVIESTAFEL)
    assert seen["pseudonym"].startswith("LL-") and "person" not in seen
    assert PERSON["naam"] not in str(seen)
    assert PERSON["naam"] in str(casussen.view(casus_id, by=REGISSEUR)["timeline"])


def test_reading_a_casus_with_its_person_is_access_logged(casussen):
    casus_id = casussen.register()
    current = casussen.current(casus_id).id
    before = len(access_log.query(casussen.rt, AUDITOR, user=REGISSEUR.username).items)
    casussen.view(casus_id, by=REGISSEUR)
    entries = access_log.query(casussen.rt, AUDITOR, user=REGISSEUR.username).items
    assert len(entries) == before + 1
    assert entries[0]["process_instance"] == current and "persoonsgegevens" in entries[0]["categories"]


@pytest.mark.parametrize("who", [actor("proceseigenaar"), actor("auditor"), actor("casemanager_zorg")])
def test_only_registrars_register(casussen, who):
    with pytest.raises(Forbidden):
        casussen.register(by=who)


@pytest.mark.parametrize("person, region, field", [
    ({"bsn": "999990019"}, "gelderland_zuid", "person.naam"),
    ({"naam": "A", "kleur": "blauw"}, "gelderland_zuid", "person.kleur"),
    ({"naam": "A"}, "Utrecht", "region"),
])
def test_registration_refuses_incomplete_or_unknown_input(casussen, person, region, field):
    with pytest.raises(Invalid) as refused:
        casus.register(casussen.rt, person, region, REGISSEUR, "cycle_intake")
    assert field in refused.value.fields
    assert views.list_casussen(casussen.rt, AUDITOR).items == []


def test_a_region_name_is_stored_as_its_code(casussen):
    casus_id = casussen.register(region="Gelderland-Zuid")
    assert casussen.view(casus_id)["region"] == "gelderland_zuid"


def test_roles_without_case_rights_see_no_casussen(casussen):
    casussen.register()
    with pytest.raises(Forbidden):
        views.list_casussen(casussen.rt, actor("proceseigenaar")).items
    assert len(views.list_casussen(casussen.rt, AUDITOR).items) == 1
