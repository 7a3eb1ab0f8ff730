"""Closed forms: submitted data may hold only the fields its form declares.

JSON Schema lets any property through unless ``additionalProperties`` says otherwise, and a form that
forgot to say so would let a worker write any process variable — among them the ones the engine
decides access by. So every form is closed: a field counts as declared when the schema names it under
``properties`` at that level or in one of its branches (``allOf``/``anyOf``/``oneOf``, ``if``/``then``/
``else``, ``dependentSchemas``, draft-7 ``dependencies``), following local ``$ref``s. A schema that
explicitly opens itself (``additionalProperties`` true or a schema, ``patternProperties``,
``unevaluatedProperties`` true) keeps its extra fields, as its author asked; any other object — ``{}``
included — is closed, so a task whose form declares nothing accepts nothing.
"""

UNKNOWN = "Onbekend veld."

_BRANCH_LISTS = ("allOf", "anyOf", "oneOf")
_BRANCHES = ("if", "then", "else")
_BRANCH_MAPS = ("dependentSchemas", "dependencies")
_MAX_REF_DEPTH = 32


def undeclared_fields(schema: dict, data: dict) -> dict[str, str]:
    """Map the dotted path of every submitted field the form does not declare to a Dutch message."""
    errors: dict[str, str] = {}
    _check_object([schema], data, schema, (), errors)
    return errors


def top_level_properties(schema: dict) -> set[str]:
    """The names a form declares at its top level, in any of its branches."""
    return set(_declared([schema], schema)[0])


def declared_properties(schemas: list, root: dict) -> dict[str, list]:
    """The properties these schemas declare in any branch: name → every schema given for it, in the order
    they are declared."""
    return _declared(schemas, root)[0]


def item_schemas(schemas: list, root: dict) -> list[dict]:
    """The schemas these (array) schemas give for their items, in any branch."""
    return [item for s in _resolved_all(schemas, root) if isinstance(item := s.get("items"), dict)]


def resolved_branches(schemas: list, root: dict) -> list[dict]:
    """These schemas with their branches, flattened, local ``$ref``s followed."""
    return _resolved_all(schemas, root)


def _check_object(schemas: list, data: dict, root: dict, path: tuple, errors: dict) -> None:
    properties, is_open = _declared(schemas, root)
    for name, value in data.items():
        field = path + (str(name),)
        if name not in properties:
            if not is_open:
                errors[".".join(field)] = UNKNOWN
            continue
        _check_value(properties[name], value, root, field, errors)


def _check_value(schemas: list, value, root: dict, path: tuple, errors: dict) -> None:
    if isinstance(value, dict):
        _check_object(schemas, value, root, path, errors)
    elif isinstance(value, list):
        items = item_schemas(schemas, root)
        if items:
            for index, element in enumerate(value):
                _check_value(items, element, root, path + (str(index),), errors)


def _declared(schemas: list, root: dict) -> tuple[dict[str, list], bool]:
    """The declared properties (name → every schema given for it) of these schemas and their branches,
    and whether any of them is explicitly open to other properties."""
    properties: dict[str, list] = {}
    is_open = False
    for schema in _resolved_all(schemas, root):
        for name, sub in (schema.get("properties") or {}).items():
            properties.setdefault(name, []).append(sub)
        is_open = is_open or _opens(schema)
    return properties, is_open


def _resolved_all(schemas: list, root: dict) -> list[dict]:
    """These schemas with their branches, flattened, ``$ref``s followed."""
    found: list[dict] = []
    pending = list(schemas)
    while pending:
        schema = _resolve(pending.pop(0), root)
        if not isinstance(schema, dict) or any(schema is seen for seen in found):
            continue
        found.append(schema)
        for key in _BRANCH_LISTS:
            pending.extend(schema.get(key) or [])
        pending.extend(schema[key] for key in _BRANCHES if key in schema)
        for key in _BRANCH_MAPS:
            pending.extend(sub for sub in (schema.get(key) or {}).values() if isinstance(sub, dict))
    return found


def _resolve(schema, root: dict):
    """Follow local references (``#/$defs/…``); anything else stays as it is."""
    for _ in range(_MAX_REF_DEPTH):
        ref = schema.get("$ref") if isinstance(schema, dict) else None
        if not isinstance(ref, str) or not ref.startswith("#"):
            return schema
        target = root
        for part in [p for p in ref[1:].split("/") if p]:
            target = target.get(part.replace("~1", "/").replace("~0", "~")) if isinstance(target, dict) else None
        schema = target
    return None


def _opens(schema: dict) -> bool:
    return (schema.get("additionalProperties") not in (None, False)
            or bool(schema.get("patternProperties"))
            or schema.get("unevaluatedProperties") not in (None, False))

