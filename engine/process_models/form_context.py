"""What a worker needs to decide, declared next to the form: ``"ui:context"`` in its UI schema.

``[{"pad": "duo_voorstel.casemanager_zorg.naam", "label": "Voorgestelde casemanager zorg"}, …]``: each
entry names a path into the case's data (names joined by dots, a list position as a number) and the Dutch
label to show it under. The task page shows these above the form and the task API returns them as
``context``; a path without a value is left out. A value that is one of a form's choices is given that
choice's title. Checked at deploy: a malformed entry or path is a Dutch problem.
"""
import re

KEY = "ui:context"
PATH = re.compile(r"[A-Za-z_][A-Za-z0-9_]*(\.([A-Za-z_][A-Za-z0-9_]*|[0-9]+))*")


def problems(ui_schema) -> list[str]:
    """Why the UI schema's context cannot be shown (Dutch), one message per bad entry."""
    if not isinstance(ui_schema, dict) or KEY not in ui_schema:
        return []
    entries = ui_schema[KEY]
    if not isinstance(entries, list):
        return [f"'{KEY}' is geen lijst van {{\"pad\", \"label\"}}"]
    found = []
    for number, entry in enumerate(entries, start=1):
        if not isinstance(entry, dict) or set(entry) != {"pad", "label"}:
            found.append(f"'{KEY}' item {number} heeft precies 'pad' en 'label' nodig")
        elif not isinstance(entry["label"], str) or not entry["label"].strip():
            found.append(f"'{KEY}' item {number} heeft geen label")
        elif not isinstance(entry["pad"], str) or not PATH.fullmatch(entry["pad"]):
            found.append(f"'{KEY}' item {number}: pad '{entry['pad']}' is geen geldig gegevenspad "
                         "(namen met punten, een positie in een lijst als getal, bijv. duo_voorstel.casemanager_zorg.naam)")
    return found


def _at(data, parts: list[str]):
    for part in parts:
        if isinstance(data, dict):
            data = data.get(part)
        elif isinstance(data, list) and part.isdigit() and int(part) < len(data):
            data = data[int(part)]
        else:
            return None
    return data


def _field(schema, parts: list[str]):
    """The JSON Schema of the field at ``parts`` in a form, or None."""
    for part in parts:
        if not isinstance(schema, dict):
            return None
        schema = schema.get("items") if part.isdigit() else (schema.get("properties") or {}).get(part)
    return schema if isinstance(schema, dict) else None


def _titles(schema) -> dict:
    options = (schema or {}).get("oneOf") or []
    return {o["const"]: o["title"] for o in options if isinstance(o, dict) and "const" in o and "title" in o}


def _titled(value, parts: list[str], forms: list[dict]):
    """The value, with a choice's title in place of its stored code where a form declares the choice."""
    for form in forms:
        field = _field(form, parts)
        if field is None:
            continue
        if isinstance(value, list):
            titles = _titles(field.get("items"))
            return [titles.get(item, item) if isinstance(item, (str, int, bool)) else item for item in value]
        if isinstance(value, (str, int, bool)):
            return _titles(field).get(value, value)
    return value


def resolve(ui_schema, data: dict, forms: list[dict]) -> list[dict]:
    """``[{"label", "pad", "value"}]`` of the declared entries that have a value in ``data``."""
    entries = ui_schema.get(KEY) if isinstance(ui_schema, dict) else None
    found = []
    for entry in entries if isinstance(entries, list) else []:
        parts = entry["pad"].split(".")
        value = _at(data, parts)
        if value is not None:
            found.append({"label": entry["label"], "pad": entry["pad"], "value": _titled(value, parts, forms)})
    return found
