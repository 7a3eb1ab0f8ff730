"""The Wmo traject's calendar (seed 004): the end of a beschikking and the next contact, on business days."""
import pytest

from handlers import HandlerError
from handlers.wmo import wmo_termijnen, wmo_volgend_moment

# the context's clock: 20 April 2027


def test_the_end_of_a_beschikking_falls_on_a_business_day(ctx):
    # 4 July 2027 is a Sunday
    assert wmo_termijnen(ctx, "2027-01-04", 6, 3) == {"einde_beschikking": "2027-07-05T09:00:00+02:00",
                                                      "contact_maanden": 3}


def test_the_next_contact_unless_the_beschikking_ends_first(ctx):
    assert wmo_volgend_moment(ctx, wmo_termijnen(ctx, "2027-04-20", 60, 24)) == {
        "op": "2029-04-20T09:00:00+02:00", "soort": "contact"}
    assert wmo_volgend_moment(ctx, wmo_termijnen(ctx, "2027-01-04", 6, 3)) == {
        "op": "2027-07-05T09:00:00+02:00", "soort": "einde_beschikking"}


@pytest.mark.parametrize("duur, contact", [(0, 3), (6, None), (True, 3), ("6", 3)])
def test_months_must_be_positive_whole_numbers(ctx, duur, contact):
    with pytest.raises(HandlerError, match="positief aantal maanden"):
        wmo_termijnen(ctx, "2027-04-20", duur, contact)


def test_without_termijnen_there_is_no_next_moment(ctx):
    with pytest.raises(HandlerError, match="termijnen"):
        wmo_volgend_moment(ctx, None)
