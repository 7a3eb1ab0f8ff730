"""The roles of the seed 003/004 processes reach what the matrix promises: the verwijzer its own referrals,
the casusregisseur gezin and the aanbieder the cases of their region, each completing only its own lane."""
import pytest

from engine.errors import Forbidden, NotFound
from engine.instances import queries
from engine.instances import service as instances
from engine.security.actors import Actor
from tests.scenarios import formdata_gezin as g
from tests.scenarios import formdata_wmo as w
from tests.scenarios.conftest import driver  # noqa: F401 (fixture)
from tests.scenarios.driver import REGION, worker

ELSEWHERE = "Twente"


def someone(role: str, username: str | None = None, region: str = REGION) -> Actor:
    return Actor(username or role, frozenset({role}), region)


def sees(rt, instance_id: str, actor: Actor) -> bool:
    try:
        queries.get_instance(rt, instance_id, actor)
    except NotFound:  # out of scope reads as absent
        return False
    return True


def test_a_verwijzer_sees_its_own_referral_only(rt, driver):
    referral = driver.start("casusregie_gezin", {"casus_id": "G-1", "regio": "gelderland_zuid"}, role="verwijzer")
    assert sees(rt, referral, worker("verwijzer"))
    assert not sees(rt, referral, someone("verwijzer", "andere_verwijzer"))
    assert sees(rt, referral, someone("casusregisseur_gezin")) and not sees(rt, referral, someone("casusregisseur_gezin", region=ELSEWHERE))


def test_lanes_decide_who_completes(rt, driver):
    referral = driver.start("casusregie_gezin", {"casus_id": "G-1", "regio": "gelderland_zuid"}, role="verwijzer")
    task = driver.task(referral, "verwijzing")
    with pytest.raises(Forbidden):
        instances.complete_task(rt, task["id"], g.VERWIJZING, someone("casusregisseur_gezin"))
    driver.complete(referral, "verwijzing", g.VERWIJZING)
    with pytest.raises(Forbidden):
        instances.complete_task(rt, driver.task(referral, "in_kaart_brengen")["id"], g.in_kaart("jgz"),
                                worker("verwijzer"))


def test_an_aanbieder_sees_the_wmo_trajects_of_its_region(rt, driver):
    traject = driver.start("wmo_traject", {"regio": "gelderland_zuid"}, role="sociaal_team")
    driver.complete(traject, "vraagverheldering", w.VRAAGVERHELDERING)
    assert sees(rt, traject, someone("aanbieder"))
    assert not sees(rt, traject, someone("aanbieder", region=ELSEWHERE))
    assert not sees(rt, traject, someone("verwijzer"))
