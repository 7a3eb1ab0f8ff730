"""Business days must skip weekends and Dutch public holidays, or deadlines land on closed days."""
from datetime import date, datetime, timezone

import pytest

from handlers import HandlerError
from handlers.werkdagen import (
    is_werkdag,
    lees_datum,
    lokale_datum,
    maanden_erbij,
    tijdstip,
    volgende_werkdag,
    werkdagen_erbij,
)


def test_koningsdag_is_not_a_business_day():
    assert not is_werkdag(date(2027, 4, 27))  # Tuesday, Koningsdag
    assert volgende_werkdag(date(2027, 4, 27)) == date(2027, 4, 28)


def test_koningsdag_moves_to_26_april_when_27_is_a_sunday():
    """2025: the 27th is a Sunday, so Koningsdag is Saturday the 26th; the 28th is a normal Monday."""
    assert not is_werkdag(date(2025, 4, 26))
    assert is_werkdag(date(2025, 4, 28))
    assert werkdagen_erbij(date(2025, 4, 25), 1) == date(2025, 4, 28)


def test_counting_crosses_koningsdag():
    assert werkdagen_erbij(date(2027, 4, 26), 1) == date(2027, 4, 28)


def test_counting_crosses_christmas():
    assert werkdagen_erbij(date(2025, 12, 24), 1) == date(2025, 12, 29)  # 25/26 Thu/Fri, then weekend
    assert werkdagen_erbij(date(2026, 12, 24), 1) == date(2026, 12, 28)


def test_month_arithmetic_clamps_to_month_end():
    assert maanden_erbij(date(2027, 1, 31), 1) == date(2027, 2, 28)
    assert maanden_erbij(date(2027, 11, 15), 3) == date(2028, 2, 15)


@pytest.mark.parametrize("day, offset", [(date(2027, 1, 5), "+01:00"), (date(2027, 3, 28), "+02:00"),
                                         (date(2027, 7, 1), "+02:00"), (date(2027, 10, 31), "+01:00")])
def test_deadline_is_nine_o_clock_amsterdam_time(day, offset):
    assert tijdstip(day) == f"{day.isoformat()}T09:00:00{offset}"


@pytest.mark.parametrize("day, offset", [(date(2026, 3, 28), "+01:00"), (date(2026, 3, 29), "+02:00"),
                                         (date(2026, 10, 24), "+02:00"), (date(2026, 10, 25), "+01:00")])
def test_deadline_follows_the_switch_on_the_last_sundays_of_march_and_october(day, offset):
    """At 09:00 on the switch Sunday the new offset already holds (the clocks change at 01:00 UTC)."""
    assert tijdstip(day) == f"{day.isoformat()}T09:00:00{offset}"


def test_local_date_just_after_midnight_on_the_switch_sundays():
    assert lokale_datum(datetime(2027, 3, 27, 23, 30, tzinfo=timezone.utc)) == date(2027, 3, 28)  # 00:30 CET
    assert lokale_datum(datetime(2027, 10, 30, 22, 30, tzinfo=timezone.utc)) == date(2027, 10, 31)  # 00:30 CEST


def test_offsets_come_from_the_tz_database_not_todays_rule():
    """Until 1995 Dutch summer time ended on the last Sunday of September (24 September 1995), so the
    present EU rule would give these days an hour too many."""
    assert tijdstip(date(1995, 10, 2)) == "1995-10-02T09:00:00+01:00"
    assert lokale_datum(datetime(1995, 9, 30, 22, 30, tzinfo=timezone.utc)) == date(1995, 9, 30)  # 23:30 CET


def test_local_date_of_a_utc_moment_late_in_the_evening():
    assert lokale_datum(datetime(2027, 6, 30, 23, 30, tzinfo=timezone.utc)) == date(2027, 7, 1)


def test_reading_dates():
    assert lees_datum("2027-04-27", "x") == date(2027, 4, 27)
    assert lees_datum("2027-04-26T23:30:00+00:00", "x") == date(2027, 4, 27)
    with pytest.raises(HandlerError, match="geen geldige datum"):
        lees_datum("27-04-2027", "x")
