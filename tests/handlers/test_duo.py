"""Duo assignment respects caseload: lowest first, never above the maximum."""
import pytest

from handlers import HandlerContext, HandlerError
from handlers.config import MAX_CASELOAD
from handlers.duo import duo_vaststellen, duo_voorstellen
from handlers.memory_ports import MemoryCaseManagers


def worker(wid, rol, caseload, regio="gelderland_zuid"):
    return {"id": wid, "naam": f"Naam {wid}", "organisatie": "Org", "regio": regio, "rol": rol, "caseload": caseload}


def ctx_with(*workers):
    from datetime import datetime, timezone
    return HandlerContext(now=datetime(2027, 4, 20, tzinfo=timezone.utc), ports={"casemanagers": MemoryCaseManagers(list(workers))})


TEAM = [worker("cm-a", "casemanager_zorg", 4), worker("cm-b", "casemanager_zorg", 1),
        worker("cm-c", "casemanager_zorg", 0, regio="gelderland_midden"),
        worker("cr-a", "casusregisseur_gemeente", MAX_CASELOAD), worker("cr-b", "casusregisseur_gemeente", 5)]


def test_proposes_lowest_caseload_in_the_region():
    voorstel = duo_voorstellen(ctx_with(*TEAM), "gelderland_zuid")
    assert voorstel["casemanager_zorg"]["id"] == "cm-b"
    assert voorstel["casusregisseur_gemeente"]["id"] == "cr-b"  # cr-a is at the maximum


def test_ties_are_broken_by_id_for_a_repeatable_proposal():
    voorstel = duo_voorstellen(ctx_with(worker("cm-z", "casemanager_zorg", 2), worker("cm-y", "casemanager_zorg", 2),
                                        worker("cr", "casusregisseur_gemeente", 0)), "gelderland_zuid")
    assert voorstel["casemanager_zorg"]["id"] == "cm-y"


def test_refuses_when_nobody_has_room():
    with pytest.raises(HandlerError, match="Geen casusregisseur gemeentelijk domein in regio 'gelderland_zuid'"):
        duo_voorstellen(ctx_with(TEAM[0], TEAM[3]), "gelderland_zuid")


def test_confirmation_keeps_the_proposal():
    ctx = ctx_with(*TEAM)
    voorstel = duo_voorstellen(ctx, "gelderland_zuid")
    assert duo_vaststellen(ctx, voorstel, True) == voorstel


def test_override_is_checked_against_role_and_caseload():
    ctx = ctx_with(*TEAM)
    voorstel = duo_voorstellen(ctx, "gelderland_zuid")
    duo = duo_vaststellen(ctx, voorstel, False, {"casemanager_zorg": "cm-a", "casusregisseur_gemeente": "cr-b", "reden": "kent de persoon"})
    assert duo["casemanager_zorg"]["id"] == "cm-a"
    with pytest.raises(HandlerError, match="maximaal 6"):
        duo_vaststellen(ctx, voorstel, False, {"casemanager_zorg": "cm-a", "casusregisseur_gemeente": "cr-a"})
    with pytest.raises(HandlerError, match="geen bekende casemanager zorg"):
        duo_vaststellen(ctx, voorstel, False, {"casemanager_zorg": "cr-b", "casusregisseur_gemeente": "cr-b"})
    with pytest.raises(HandlerError, match="Kies"):
        duo_vaststellen(ctx, voorstel, False, None)
