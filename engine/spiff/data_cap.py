"""What a step may leave in the process data: plain JSON, nested at most MAX_NESTING levels,
at most MAX_DATA_BYTES once serialized.

The data is written into the state row on every step and read back on the next one; a script
that builds a 60 MB text or a list that is its own great-grandchild must become an incident
before anything is stored, not a huge row or a serializer crash. The walk is iterative and stops
as soon as the cap is passed, so checking is bounded too (shared references are counted as often
as they would be written out).
"""
import json

from engine.input_limits import MAX_NESTING

MAX_DATA_BYTES = 1_000_000
SCALARS = (str, int, float, bool, type(None))
TOO_LARGE = "de procesgegevens zijn na deze stap groter dan 1 MB (geserialiseerd); bij '{}' werd de grens overschreden"


def _written_size(value) -> int:
    """Bytes ``value`` takes in JSON (integers estimated from their bit length, never converted)."""
    if isinstance(value, str):
        return len(json.dumps(value))
    if isinstance(value, bool) or value is None:
        return 5
    if isinstance(value, int):
        return 1 + value.bit_length() // 3
    return len(repr(value))


def data_problem(data: dict) -> str | None:
    """Why ``data`` may not be stored (Dutch, naming the variable, never a value), else None."""
    total = 2
    for name, value in data.items():
        total += _written_size(name) + 4
        stack = [(value, 1)]
        while stack:
            item, depth = stack.pop()
            if type(item) in SCALARS:
                total += _written_size(item)
            elif type(item) in (list, dict):
                if depth > MAX_NESTING:
                    return f"'{name}' is dieper genest dan {MAX_NESTING} niveaus"
                if type(item) is dict:
                    if any(type(key) is not str for key in item):
                        return f"gegevens moeten JSON zijn, maar '{name}' heeft een sleutel die geen tekst is"
                    total += sum(_written_size(key) + 2 for key in item)
                    item = item.values()
                total += 2 + 2 * len(item)
                stack.extend((child, depth + 1) for child in item)
            else:
                return (f"gegevens moeten JSON zijn, maar {_where(name, depth)} is van type {type(item).__name__}; "
                        "sla bijvoorbeeld datums op als tekst (.isoformat())")
            if total > MAX_DATA_BYTES:
                return TOO_LARGE.format(name)
    return None


def _where(name: str, depth: int) -> str:
    return name if depth == 1 else f"een waarde in '{name}'"
