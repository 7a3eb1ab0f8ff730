"""The engine's database ports: bed reservations inside the step's transaction and within capacity,
caseloads counted per casus, the pseudonym key from the environment."""
import pytest
from sqlalchemy.exc import IntegrityError

from engine.persistence.tables import BedReservation
from engine.ports.casemanagers import region_code
from engine.ports.wiring import EnvironmentKey
from handlers import HandlerError
from tests.conftest import ON_POSTGRES
from tests.scenarios.paths import INTAKE, duo, start_cycle


def ports(rt, session):
    return rt.ports(session, rt.clock.now())


def active_beds(rt, organisation="ggnet") -> int:
    with rt.uow() as uow:
        return ports(rt, uow.session)["bedden"].active_reservations(organisation)


def test_a_reservation_lives_and_dies_with_the_steps_transaction(rt):
    with rt.uow() as uow:
        ports(rt, uow.session)["bedden"].reserve("ggnet", "C-1", "2027-05-21")
        assert ports(rt, uow.session)["bedden"].active_reservations("ggnet") == 1
    assert active_beds(rt) == 0  # left without commit: rolled back with the step
    with rt.uow() as uow:
        reservation = ports(rt, uow.session)["bedden"].reserve("ggnet", "C-1", "2027-05-21")
        uow.commit()
    assert (reservation, active_beds(rt)) == ("ggnet-1", 1)


def test_the_register_itself_never_exceeds_capacity(rt):
    with rt.uow() as uow:
        beds = ports(rt, uow.session)["bedden"]
        ids = [beds.reserve("ggnet", f"C-{n}", "2027-05-21") for n in range(6)]
        with pytest.raises(HandlerError, match="Geen beveiligd bed beschikbaar bij GGNet"):
            beds.reserve("ggnet", "C-7", "2027-05-21")
        beds.release(ids[2])
        assert beds.reserve("ggnet", "C-7", "2027-05-21") == "ggnet-7"
        with pytest.raises(KeyError):
            beds.release(ids[2])
        uow.commit()
    assert active_beds(rt) == 6 and active_beds(rt, "pro_persona_pompe") == 0


def test_two_steps_taking_the_same_bed_cannot_both_hold_it(rt, monkeypatch):
    """The unique (organisation, slot) index decides, whatever the losing step believed was free."""
    with rt.uow() as uow:
        ports(rt, uow.session)["bedden"].reserve("ggnet", "C-1", "2027-05-21")
        uow.commit()
    with rt.uow() as uow:
        beds = ports(rt, uow.session)["bedden"]
        monkeypatch.setattr(beds, "_free_slot", lambda organisatie: 1)  # as seen by a concurrent step
        if ON_POSTGRES:  # refused within the step, which stays usable to record its incident
            with pytest.raises(HandlerError, match="zojuist door een andere casus gereserveerd"):
                beds.reserve("ggnet", "C-2", "2027-05-21")
            assert uow.session.query(BedReservation).count() == 1
        else:
            with pytest.raises(IntegrityError):
                beds.reserve("ggnet", "C-2", "2027-05-21")
    with rt.uow() as uow:
        assert [r.casus_id for r in uow.session.query(BedReservation)] == ["C-1"]


@pytest.mark.parametrize(("stored", "code"), [("Gelderland-Zuid", "gelderland_zuid"), ("gelderland_midden", "gelderland_midden"),
                                              ("Noord- en Oost-Gelderland", "noord_oost_gelderland"), ("Utrecht", None)])
def test_regions_are_matched_by_code_or_name(stored, code):
    assert region_code(stored) == code


def test_caseload_counts_active_casussen_once_each(driver):
    start_cycle(driver, "C-1", duo=duo("cm_anna"))
    driver.start(INTAKE, {"casus_id": "C-1", "duo": duo("cm_anna")})  # same casus: its intake still open
    start_cycle(driver, "C-2", duo=duo("cm_anna"))
    with driver.rt.uow() as uow:
        directory = ports(driver.rt, uow.session)["casemanagers"]
        loads = {w["id"]: w["caseload"] for w in directory.candidates("casemanager_zorg", "gelderland_zuid")}
        assert loads == {"cm_anna": 2, "cm_bram": 0}
        assert directory.candidates("casemanager_zorg", "gelderland_midden") == []
        assert directory.find("cr_carla")["caseload"] == 2 and directory.find("niemand") is None


def test_the_pseudonym_key_comes_from_the_environment():
    assert EnvironmentKey.from_environment({"LEVENSLOOP_PSEUDONYM_KEY": "geheim"}).key() == b"geheim"
    with pytest.raises(RuntimeError, match="LEVENSLOOP_PSEUDONYM_KEY"):
        EnvironmentKey.from_environment({}).key()
