"""Validate submitted form data against a user task's JSON Schema, with Dutch messages per field."""
from jsonschema import Draft202012Validator, FormatChecker
from jsonschema.exceptions import SchemaError

from engine.errors import Invalid
from engine.process_models.declared_fields import undeclared_fields
from engine.process_models.reserved_names import reserved_in

MESSAGES = {
    "required": "Dit veld is verplicht.",
    "type": "Ongeldig type: verwacht {expected}.",
    "enum": "Kies een van de toegestane waarden.",
    "const": "Deze waarde is niet toegestaan.",
    "format": "Ongeldige waarde voor formaat '{expected}'.",
    "minLength": "Te kort.",
    "maxLength": "Te lang.",
    "minimum": "Waarde is te laag.",
    "maximum": "Waarde is te hoog.",
    "pattern": "Waarde heeft niet de juiste vorm.",
    "minItems": "Te weinig items.",
    "additionalProperties": "Onbekend veld.",
}


def check_schema(schema: dict) -> None:
    """Raise SchemaError when the schema itself is not valid JSON Schema."""
    Draft202012Validator.check_schema(schema)


def field_errors(schema: dict, data: dict) -> dict[str, str]:
    """Map 'a.b' field paths to a Dutch message; empty when the data is valid."""
    validator = Draft202012Validator(schema, format_checker=FormatChecker())
    errors: dict[str, str] = {}
    for error in sorted(validator.iter_errors(data), key=lambda e: list(e.absolute_path)):
        path = list(error.absolute_path)
        if error.validator == "required":
            missing = error.message.split("'")[1] if "'" in error.message else ""
            path = path + [missing]
        key = ".".join(str(p) for p in path) or "_"
        errors.setdefault(key, _message(error))
    return errors


def _message(error) -> str:
    custom = error.schema.get("errorMessage") if isinstance(error.schema, dict) else None
    if isinstance(custom, str):
        return custom
    template = MESSAGES.get(error.validator, "Ongeldige waarde.")
    return template.format(expected=error.validator_value)


def submission_errors(schema: dict, data: dict) -> dict[str, str]:
    """Every field error of a submission: the schema's, each field the (closed) form does not declare, and
    each name the engine reserves for itself."""
    return {**field_errors(schema, data), **undeclared_fields(schema, data), **reserved_in(data)}


def validate(schema: dict, data: dict) -> None:
    """Raise Invalid with per-field Dutch errors when ``data`` does not satisfy ``schema`` or holds a
    field the form does not declare."""
    if not isinstance(data, dict):
        raise Invalid("Formuliergegevens moeten een object zijn.", {"_": "Verwacht een object."})
    errors = submission_errors(schema, data)
    if errors:
        raise Invalid("Het formulier bevat fouten.", errors)


__all__ = ["SchemaError", "check_schema", "field_errors", "submission_errors", "validate"]
