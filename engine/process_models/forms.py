"""Validate submitted form data against a user task's JSON Schema, with Dutch messages per field.

The messages live in ``form_messages.json`` beside this module, one per JSON Schema keyword and format;
the browser's form renderer bundles the same file, so a field error reads the same before and after
the server answers.
"""
import json
from datetime import date
from functools import lru_cache
from pathlib import Path

from jsonschema import Draft202012Validator, validators
from jsonschema.exceptions import SchemaError

from engine.errors import Invalid
from engine.process_models import plausibility
from engine.process_models.declared_fields import undeclared_fields
from engine.process_models.formats import CHECKER
from engine.process_models.reserved_names import reserved_in

MESSAGES = json.loads((Path(__file__).with_name("form_messages.json")).read_text(encoding="utf-8"))


def check_schema(schema: dict) -> None:
    """Raise SchemaError when the schema itself is not valid JSON Schema or declares a plausibility
    keyword with a value it cannot use."""
    Draft202012Validator.check_schema(schema)
    plausibility.check_declarations(schema)


@lru_cache(maxsize=4)
def _validator_class(today: date):
    """Draft 2020-12 with the plausibility keywords bound to ``today`` (one class per day)."""
    return validators.extend(Draft202012Validator, plausibility.keywords(today))


def field_errors(schema: dict, data: dict, today: date) -> dict[str, str]:
    """Map 'a.b' field paths to a Dutch message; empty when the data is valid."""
    validator = _validator_class(today)(schema, format_checker=CHECKER)
    errors: dict[str, str] = {}
    for error in sorted(validator.iter_errors(data), key=lambda e: list(e.absolute_path)):
        path = list(error.absolute_path)
        if error.validator in ("required", "dependentRequired"):
            missing = error.message.split("'")[1] if "'" in error.message else ""
            path = path + [missing]
        key = ".".join(str(p) for p in path) or "_"
        errors.setdefault(key, message_of(error))
    return errors


def message_of(error) -> str:
    """The Dutch text for one failed keyword: the schema's own ``errorMessage``, else the message table's."""
    custom = error.schema.get("errorMessage") if isinstance(error.schema, dict) else None
    if isinstance(custom, str):
        return custom
    keyword, value = error.validator or "false", error.validator_value
    if keyword == "format":
        return MESSAGES["formats"].get(value, MESSAGES["format"])
    if keyword == plausibility.NOT_BEFORE:
        value = date.fromisoformat(value).strftime("%d-%m-%Y")
    elif keyword == plausibility.AT_MOST:
        value = plausibility.period_in_dutch(value)
    template = MESSAGES["keywords"].get(keyword, MESSAGES["fallback"])
    expected = value if isinstance(value, list) else [value]
    kind = " of ".join(MESSAGES["types"].get(t, str(t)) for t in expected) if keyword == "type" else ""
    return template.format(limit=value, type=kind)


def submission_errors(schema: dict, data: dict, today: date) -> dict[str, str]:
    """Every field error of a submission: the schema's, each field the (closed) form does not declare, and
    each name the engine reserves for itself."""
    return {**field_errors(schema, data, today), **undeclared_fields(schema, data), **reserved_in(data)}


def validate(schema: dict, data: dict, today: date) -> None:
    """Raise Invalid with per-field Dutch errors when ``data`` does not satisfy ``schema`` (plausibility
    bounds measured from ``today``) or holds a field the form does not declare."""
    if not isinstance(data, dict):
        raise Invalid("Formuliergegevens moeten een object zijn.", {"_": "Verwacht een object."})
    errors = submission_errors(schema, data, today)
    if errors:
        raise Invalid("Het formulier bevat fouten.", errors)


__all__ = ["SchemaError", "check_schema", "field_errors", "message_of", "submission_errors", "validate"]
