"""The next risicotaxatie depends on the risk level and never falls on a closed day."""
import pytest

from handlers import HandlerError
from handlers.risicotaxatie import risicotaxatie_volgende_datum


@pytest.mark.parametrize("laatste, uitkomst, verwacht", [
    ("2027-01-27", "hoog", "2027-04-28T09:00:00+02:00"),       # 27 April 2027 is Koningsdag
    ("2026-06-25", "gemiddeld", "2026-12-28T09:00:00+01:00"),  # 25/26 Dec, then Sunday
    ("2026-04-20", "laag", "2027-04-20T09:00:00+02:00"),
])
def test_interval_per_risk_level_on_a_business_day(ctx, laatste, uitkomst, verwacht):
    assert risicotaxatie_volgende_datum(ctx, laatste, uitkomst) == verwacht


def test_refuses_unknown_outcome(ctx):
    with pytest.raises(HandlerError, match="Onbekende uitkomst"):
        risicotaxatie_volgende_datum(ctx, "2027-01-01", "extreem")


def test_refuses_an_assessment_dated_in_the_future(ctx):
    with pytest.raises(HandlerError, match="toekomst"):
        risicotaxatie_volgende_datum(ctx, "2027-05-01", "hoog")
