"""Plausibility keywords a form declares next to JSON Schema's own, for bounds relative to today.

JSON Schema cannot say "not in the future": the bound moves with the day. These keywords can, and are
checked against the engine's clock (the date of the step, in Dutch time), so a simulated clock and a
replay see the same bounds:

- ``"x-niet-in-de-toekomst": true`` — the date is today or earlier (a birth date, the day a melding was made);
- ``"x-niet-voor": "1900-01-01"`` — the date is on or after a fixed day;
- ``"x-uiterlijk": "P1Y"`` — the date is at most this ISO 8601 period (years, months, weeks, days) after today.

They apply to strings holding an ISO date; anything else is left to ``format``/``type``.
"""
import re
from datetime import date, timedelta

from jsonschema.exceptions import SchemaError, ValidationError

FUTURE, NOT_BEFORE, AT_MOST = "x-niet-in-de-toekomst", "x-niet-voor", "x-uiterlijk"
_PERIOD = re.compile(r"^P(?:(\d+)Y)?(?:(\d+)M)?(?:(\d+)W)?(?:(\d+)D)?$")
_UNITS = (("jaar", "jaar"), ("maand", "maanden"), ("week", "weken"), ("dag", "dagen"))


def keywords(today: date) -> dict:
    """The keyword functions for jsonschema's ``validators.extend``, bound to ``today``."""

    def not_in_future(validator, wanted, instance, schema):
        day = _date(instance)
        if wanted is True and day is not None and day > today:
            yield ValidationError(f"{instance} is after {today}")

    def not_before(validator, bound, instance, schema):
        day = _date(instance)
        if day is not None and day < date.fromisoformat(bound):
            yield ValidationError(f"{instance} is before {bound}")

    def at_most(validator, period, instance, schema):
        day = _date(instance)
        if day is not None and day > add_period(today, period):
            yield ValidationError(f"{instance} is more than {period} after {today}")

    return {FUTURE: not_in_future, NOT_BEFORE: not_before, AT_MOST: at_most}


def check_declarations(schema) -> None:
    """Raise SchemaError for a plausibility keyword with a value it cannot use (checked at deploy)."""
    if isinstance(schema, list):
        for item in schema:
            check_declarations(item)
        return
    if not isinstance(schema, dict):
        return
    if FUTURE in schema and not isinstance(schema[FUTURE], bool):
        raise SchemaError(f"{FUTURE} moet true of false zijn.")
    if NOT_BEFORE in schema and _date(schema[NOT_BEFORE]) is None:
        raise SchemaError(f"{NOT_BEFORE} moet een datum zijn (jjjj-mm-dd).")
    if AT_MOST in schema and not (isinstance(schema[AT_MOST], str) and _PERIOD.match(schema[AT_MOST])
                                  and schema[AT_MOST] != "P"):
        raise SchemaError(f"{AT_MOST} moet een periode zijn, zoals P1Y of P6M.")
    for value in schema.values():
        check_declarations(value)


def add_period(day: date, period: str) -> date:
    """``day`` plus an ISO period; a month end that does not exist becomes the month's last day."""
    years, months, weeks, days = (int(part or 0) for part in _PERIOD.match(period).groups())
    month_index = day.month - 1 + months + 12 * years
    year, month = day.year + month_index // 12, month_index % 12 + 1
    last = (date(year + month // 12, month % 12 + 1, 1) - timedelta(days=1)).day
    return date(year, month, min(day.day, last)) + timedelta(weeks=weeks, days=days)


def period_in_dutch(period: str) -> str:
    """'P1Y' → '1 jaar', 'P6M' → '6 maanden', 'P1Y2M' → '1 jaar en 2 maanden'."""
    parts = [f"{count} {one if int(count) == 1 else many}"
             for count, (one, many) in zip(_PERIOD.match(period).groups(), _UNITS) if count]
    return " en ".join(parts)


def _date(value) -> date | None:
    if not isinstance(value, str):
        return None
    try:
        return date.fromisoformat(value) if len(value) == 10 else None
    except ValueError:
        return None
