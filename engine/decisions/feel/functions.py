"""The FEEL built-in functions this engine knows; any other function name is refused at deploy."""
from datetime import date, datetime, timedelta
from decimal import ROUND_CEILING, ROUND_FLOOR, Decimal, InvalidOperation

from engine.decisions.errors import FeelEvaluationError
from engine.decisions.feel.values import kind, kind_name

DURATION_UNITS = {"D": 86400, "H": 3600, "M": 60, "S": 1}


def _date(*args):
    if len(args) == 3 and all(kind(a) == "number" for a in args):
        return date(*(int(a) for a in args))
    [value] = args
    if isinstance(value, datetime):
        return value.date()
    return _iso(value, date, "date", "geen geldige datum (verwacht JJJJ-MM-DD)")


def _date_and_time(value):
    return _iso(value, datetime, "date and time", "geen geldige datum en tijd")


def _iso(value, kind_of, function: str, problem: str):
    """``value`` if it already is a ``kind_of``, else ISO text parsed as one."""
    if isinstance(value, kind_of):
        return value
    try:
        return kind_of.fromisoformat(_text(value, function))
    except ValueError:
        raise FeelEvaluationError(f"{function}({value!r}): {problem}") from None


def _duration(value):
    """An ISO 8601 days-and-time duration such as ``P30D`` or ``PT2H30M``."""
    text = _text(value, "duration")
    body, sign = (text[1:], -1) if text.startswith("-") else (text, 1)
    if not body.startswith("P") or len(body) < 3:
        raise FeelEvaluationError(f"duration({value!r}): geen ISO 8601-duur zoals \"P30D\" of \"PT2H\"")
    seconds, number, in_time = 0, "", False
    for char in body[1:]:
        if char == "T":
            in_time = True
        elif char.isdigit():
            number += char
        elif number and char in DURATION_UNITS and (in_time or char == "D"):
            seconds += int(number) * DURATION_UNITS[char]
            number = ""
        else:
            raise FeelEvaluationError(f"duration({value!r}): alleen dagen, uren, minuten en seconden worden ondersteund")
    if number:
        raise FeelEvaluationError(f"duration({value!r}): getal zonder eenheid")
    return timedelta(seconds=sign * seconds)


def _text(value, function: str) -> str:
    if not isinstance(value, str):
        raise FeelEvaluationError(f"{function}() verwacht tekst, niet {kind_name(value)}")
    return value


def _number(value):
    if kind(value) == "number":
        return value
    try:
        return Decimal(_text(value, "number"))
    except InvalidOperation:
        raise FeelEvaluationError(f"number({value!r}): geen getal") from None


def _numbers(args, function: str) -> list:
    items = list(args[0]) if len(args) == 1 and isinstance(args[0], list) else list(args)
    if not all(kind(item) == "number" for item in items):
        raise FeelEvaluationError(f"{function}() verwacht getallen")
    return items


def _string(value):
    if isinstance(value, str):
        return value
    if isinstance(value, (date, datetime)):
        return value.isoformat()
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value)


def _one_number(function):
    def apply(value):
        if kind(value) != "number":
            raise FeelEvaluationError(f"verwacht een getal, niet {kind_name(value)}")
        return function(Decimal(value))
    return apply


FUNCTIONS = {
    "date": _date,
    "date and time": _date_and_time,
    "duration": _duration,
    "number": _number,
    "string": _string,
    "string length": lambda value: Decimal(len(_text(value, "string length"))),
    "upper case": lambda value: _text(value, "upper case").upper(),
    "lower case": lambda value: _text(value, "lower case").lower(),
    "abs": _one_number(abs),
    "floor": _one_number(lambda n: n.to_integral_value(ROUND_FLOOR)),
    "ceiling": _one_number(lambda n: n.to_integral_value(ROUND_CEILING)),
    "min": lambda *args: min(_numbers(args, "min"), default=None),
    "max": lambda *args: max(_numbers(args, "max"), default=None),
    "sum": lambda *args: sum(_numbers(args, "sum"), Decimal(0)),
    "count": lambda items: Decimal(len(items)) if isinstance(items, list) else Decimal(1),
}
