"""Three months elsewhere, then the duo assesses a handover; the date must be a business day."""
from handlers.overdracht import overdracht_beoordelen_per


def test_three_months_after_the_start_of_the_stay(ctx):
    assert overdracht_beoordelen_per(ctx, "2027-03-10") == "2027-06-10T09:00:00+02:00"


def test_moves_past_koningsdag(ctx):
    assert overdracht_beoordelen_per(ctx, "2027-01-27") == "2027-04-28T09:00:00+02:00"
