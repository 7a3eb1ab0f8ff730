"""Secured beds: availability per organisation and never more reservations than capacity."""
import pytest

from handlers import HandlerError
from handlers.bedden import bed_reserveren, bed_vrijgeven, bedden_beschikbaarheid
from handlers.config import BEDDEN


def test_seed_capacities():
    assert BEDDEN["ggnet"]["capaciteit"] == 6
    assert BEDDEN["pro_persona_pompe"]["capaciteit"] == 16


def test_reservations_stop_at_capacity_and_release_frees_a_bed(ctx):
    reservations = [bed_reserveren(ctx, "ggnet", f"C-{i}", "2027-05-01") for i in range(6)]
    assert bedden_beschikbaarheid(ctx)["ggnet"] == {"naam": "GGNet", "capaciteit": 6, "bezet": 6, "beschikbaar": 0}
    assert bedden_beschikbaarheid(ctx)["pro_persona_pompe"]["beschikbaar"] == 16
    with pytest.raises(HandlerError, match="Geen beveiligd bed beschikbaar bij GGNet"):
        bed_reserveren(ctx, "ggnet", "C-7", "2027-05-01")
    assert bed_vrijgeven(ctx, reservations[0]) == {"vrijgegeven": reservations[0]["id"]}
    assert bed_reserveren(ctx, "ggnet", "C-7", "2027-05-01")["casus_id"] == "C-7"


def test_refusals(ctx):
    with pytest.raises(HandlerError, match="Onbekende organisatie"):
        bed_reserveren(ctx, "elders", "C-1", "2027-05-01")
    with pytest.raises(HandlerError, match="bestaat niet"):
        bed_vrijgeven(ctx, {"id": "bed-99"})
    with pytest.raises(HandlerError, match="geen bedreservering"):
        bed_vrijgeven(ctx, None)
