"""The inputs a decision graph needs from its caller, and whether given values have the declared types."""
from dataclasses import dataclass
from datetime import date, datetime

from engine.decisions.cells import FeelCells, cells
from engine.decisions.feel.values import KIND_NAMES, kind, to_feel
from engine.decisions.graph import evaluation_order
from engine.decisions.model import Decision, Input

#: DMN typeRefs (any prefix such as ``feel:`` dropped, lower case) and the FEEL kind they require.
TYPES = {"number": "number", "integer": "number", "int": "number", "long": "number", "double": "number",
         "decimal": "number", "string": "string", "boolean": "boolean", "date": "date",
         "datetime": "date and time", "date and time": "date and time"}
WHOLE_NUMBERS = ("integer", "int", "long")


@dataclass(frozen=True)
class Needed:
    """A variable the caller gives: its name, the column label and the declared type (if any)."""

    name: str
    label: str
    type_ref: str | None


def declared_type(type_ref: str | None) -> str | None:
    return (type_ref or "").split(":")[-1].strip().lower() or None


def type_label(type_ref: str | None) -> str:
    declared = declared_type(type_ref)
    return "geheel getal" if declared in WHOLE_NUMBERS else KIND_NAMES.get(TYPES.get(declared, ""), declared or "")


def coerce(value, type_ref: str | None):
    """``value`` as the declared type (ISO text becomes a date); raises ValueError when it is not that type."""
    declared = declared_type(type_ref)
    wanted = TYPES.get(declared)
    if value is None or wanted is None:
        return value
    if wanted == "date" and isinstance(value, str):
        return date.fromisoformat(value)
    if wanted == "date and time" and isinstance(value, str):
        return datetime.fromisoformat(value)
    if kind(value) != wanted or (declared in WHOLE_NUMBERS and value != int(value)):
        raise ValueError(declared)
    return value


def field_of(column: Input) -> str:
    """Where a problem with this column is reported: its variable, or its label for a computed input."""
    return column.expression if column.expression.isidentifier() else column.label


def needed(decisions: dict[str, Decision], decision_id: str) -> list[Needed]:
    """Variables the caller must give, in column order; results of required decisions excluded."""
    found: dict[str, Needed] = {}
    produced: set[str] = set()
    for current in evaluation_order(decisions, decision_id):
        decision = decisions[current]
        if decision.table is not None:
            language = cells(decision.table)
            for column in decision.table.inputs:
                if column.expression.isidentifier():
                    candidates = [Needed(column.expression, column.label, column.type_ref)]
                else:
                    candidates = [Needed(n, n, None) for n in sorted(language.names(column.expression))]
                for candidate in candidates:
                    if candidate.name not in produced:
                        found.setdefault(candidate.name, candidate)
            produced |= {o.name for o in decision.table.outputs}
        else:
            for name in sorted(FeelCells.names(decision.literal.text) - produced):
                found.setdefault(name, Needed(name, name, None))
            produced.add(decision.literal.variable)
        produced.add(current)
    return list(found.values())


def problems(decisions: dict[str, Decision], decision_id: str, variables: dict) -> dict[str, str]:
    """Dutch field errors for missing or mistyped inputs, all at once (before evaluating anything)."""
    errors = {}
    for item in needed(decisions, decision_id):
        if item.name not in variables:
            errors[item.name] = f"Verplicht: '{item.label}' ontbreekt."
            continue
        try:
            coerce(to_feel(variables[item.name]), item.type_ref)
        except ValueError:
            errors[item.name] = f"'{item.label}' moet een {type_label(item.type_ref)} zijn."
    return errors
