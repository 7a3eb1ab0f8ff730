"""Business-day arithmetic for the Netherlands: weekends and Dutch public holidays are skipped.

Deadlines are returned as timezone-aware ISO strings at the start of the working day in
Europe/Amsterdam; the UTC offset (CET/CEST) comes from the tz database through ``zoneinfo``.
"""
import calendar
from datetime import date, datetime, timedelta, timezone
from functools import lru_cache
from zoneinfo import ZoneInfo

import holidays

from handlers.config import WERKDAG_AANVANG
from handlers.context import HandlerError

AMSTERDAM = ZoneInfo("Europe/Amsterdam")


@lru_cache(maxsize=64)
def _feestdagen(year: int):
    return holidays.country_holidays("NL", years=year)


def is_werkdag(day: date) -> bool:
    return day.weekday() < 5 and day not in _feestdagen(day.year)


def volgende_werkdag(day: date) -> date:
    """``day`` itself when it is a business day, else the first business day after it."""
    while not is_werkdag(day):
        day += timedelta(days=1)
    return day


def werkdagen_erbij(day: date, count: int) -> date:
    """The ``count``-th business day after ``day`` (``day`` itself is not counted)."""
    for _ in range(count):
        day = volgende_werkdag(day + timedelta(days=1))
    return day


def maanden_erbij(day: date, months: int) -> date:
    """Calendar months later; the 31st becomes the last day of a shorter month."""
    index = day.month - 1 + months
    year, month = day.year + index // 12, index % 12 + 1
    return date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def tijdstip(day: date) -> str:
    """ISO datetime at the start of the working day on ``day`` in Amsterdam."""
    return datetime.combine(day, WERKDAG_AANVANG, tzinfo=AMSTERDAM).isoformat()


def lokale_datum(moment: datetime) -> date:
    """The Amsterdam calendar date of an aware moment (the engine clock is UTC)."""
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=timezone.utc)
    return moment.astimezone(AMSTERDAM).date()


def lees_datum(value, veld: str) -> date:
    """Accept an ISO date or datetime string (or a date); refuse anything else in Dutch."""
    if isinstance(value, datetime):
        return lokale_datum(value)
    if isinstance(value, date):
        return value
    if isinstance(value, str):
        try:
            if len(value) == 10:
                return date.fromisoformat(value)
            return lokale_datum(datetime.fromisoformat(value))
        except ValueError:
            pass
    raise HandlerError(f"'{veld}' is geen geldige datum (verwacht JJJJ-MM-DD): {value!r}")
