"""The error summary above a task form: each refused field by its title (as the user sees it), not its path."""
import re

from engine.process_models.declared_fields import declared_properties

FORM = "_"


def _steps(schema: dict, path: str):
    """(title, position) per part of ``path``; position is the order in which the form shows it."""
    node = schema or {}
    for part in path.split("."):
        if part.isdigit() and isinstance(node.get("items"), dict):
            node = node["items"]
            yield f"{node.get('title') or 'Item'} {int(part) + 1}", int(part)
            continue
        properties = {name: subs[0] for name, subs in declared_properties([node], schema or {}).items()}
        order = list(properties)
        node = properties.get(part) or {}
        yield node.get("title") or part, order.index(part) if part in order else len(order)


def title_of(schema: dict, path: str) -> str:
    """'persoon.bsn' → 'Persoon › BSN'; 'partners.0.organisatie' → 'Betrokken partners › Partner 1 › Organisatie'."""
    if path == FORM:
        return "Formulier"
    return " › ".join(title for title, _ in _steps(schema, path))


def anchor_of(path: str) -> str:
    """The id the form renderer (api/static/src/form/templates.js) gives the field's container, so the summary
    can link to it."""
    return "veld-" + re.sub(r"[^a-zA-Z0-9_-]", "-", path)


def summary(schema: dict, fields: dict[str, str]) -> list[dict]:
    """One entry per refused field, in the order the form shows the fields."""
    def position(path: str) -> list[int]:
        return [-1] if path == FORM else [index for _, index in _steps(schema, path)]

    return [{"path": path, "title": title_of(schema, path), "anchor": anchor_of(path), "message": fields[path]}
            for path in sorted(fields, key=position)]
