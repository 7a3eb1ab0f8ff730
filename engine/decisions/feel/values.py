"""FEEL values in Python: numbers are ``Decimal`` (so 0.1 + 0.2 = 0.3), dates stay dates; JSON in and out."""
import math
from datetime import date, datetime, timedelta
from decimal import Decimal

KIND_NAMES = {"number": "getal", "string": "tekst", "boolean": "ja/nee", "date": "datum",
              "date and time": "datum en tijd", "duration": "duur", "list": "lijst", "context": "context",
              "null": "leeg", "not a number": "ongeldig getal (NaN of oneindig)"}


def kind(value) -> str:
    """The FEEL type of a value (``bool`` before numbers: in Python a bool is an int)."""
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "boolean"
    if isinstance(value, (Decimal, float)) and not math.isfinite(value):
        return "not a number"  # JSON input may hold NaN or Infinity; they compare with nothing
    if isinstance(value, (Decimal, int, float)):
        return "number"
    if isinstance(value, str):
        return "string"
    if isinstance(value, datetime):
        return "date and time"
    if isinstance(value, date):
        return "date"
    if isinstance(value, timedelta):
        return "duration"
    if isinstance(value, (list, tuple)):
        return "list"
    if isinstance(value, dict):
        return "context"
    return type(value).__name__


def kind_name(value) -> str:
    """The Dutch name of a value's type, for messages."""
    found = kind(value)
    return KIND_NAMES.get(found, found)


def to_feel(value):
    """A JSON value (process data, API input) as a FEEL value."""
    if isinstance(value, bool) or value is None or isinstance(value, (str, date, timedelta, Decimal)):
        return value
    if isinstance(value, int) or (isinstance(value, float) and math.isfinite(value)):
        return Decimal(str(value))
    if isinstance(value, (list, tuple)):
        return [to_feel(v) for v in value]
    if isinstance(value, dict):
        return {k: to_feel(v) for k, v in value.items()}
    return value


def to_json(value):
    """A FEEL value as plain JSON for process data: whole numbers become ints, dates ISO text."""
    if isinstance(value, Decimal):
        return int(value) if value == value.to_integral_value() else float(value)
    if isinstance(value, (date, datetime)):
        return value.isoformat()
    if isinstance(value, timedelta):
        return iso_duration(value)
    if isinstance(value, (list, tuple)):
        return [to_json(v) for v in value]
    if isinstance(value, dict):
        return {k: to_json(v) for k, v in value.items()}
    return value


def iso_duration(value: timedelta) -> str:
    seconds = int(value.total_seconds())
    sign, seconds = ("-", -seconds) if seconds < 0 else ("", seconds)
    days, rest = divmod(seconds, 86400)
    hours, rest = divmod(rest, 3600)
    minutes, secs = divmod(rest, 60)
    time = "".join(f"{n}{unit}" for n, unit in ((hours, "H"), (minutes, "M"), (secs, "S")) if n)
    return f"{sign}P{f'{days}D' if days or not time else ''}{'T' + time if time else ''}"
